/**
 * The Pages Router's frame, used only by the student's page (/join/CODE): it skips the App
 * Router's client runtime, which alone would use most of the phone's JavaScript budget (see
 * docs/architecture.md). Same stylesheet and viewport as the App Router's root layout.
 */
import type { AppProps } from "next/app";
import Head from "next/head";
import "../app/globals.css";

export default function StudentPagesApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
