/** The HTML around Pages Router pages, matching app/layout.tsx: language, theme colour, icon, body classes. */
import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta name="theme-color" content="#4338ca" />
        <meta name="description" content="Every student becomes a neuron; the class computes a neural network together, live." />
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
      </Head>
      <body className="min-h-dvh font-sans antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
