/**
 * The process entry: `tsx server/index.ts` (production, after `next build`) or with
 * `--dev` for Next's dev server. Stops cleanly on SIGTERM and SIGINT.
 */
import { startApp } from "./app";
import { readConfig } from "./config";
import { createLogger } from "./logger";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");

let config;
try {
  config = readConfig(process.env, { dev });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const app = await startApp(config, log);
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal, or a shutdown stuck for 10 s, ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    log.info({ signal }, "shutting down");
    app.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (err) {
  log.fatal({ err }, (err as Error).message);
  process.exit(1);
}
