/**
 * The Pages Router's frame, used only by the student's page (/join/CODE), which Next renders
 * on the server without its client runtime (see pages/join/[code].tsx and docs/architecture.md).
 * Same stylesheet and viewport as the App Router's root layout, except that the on-screen
 * keyboard resizes the page (`interactive-widget=resizes-content`, Chrome on Android), so the
 * quiz's sticky Submit bar and a code question's key row stay in view above the keyboard.
 */
import type { AppProps } from "next/app";
import Head from "next/head";
import "../app/globals.css";

export default function StudentPagesApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content" />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
