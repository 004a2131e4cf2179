/**
 * Structured logs, one JSON object per line. Tests set LOG_LEVEL=warn to stay quiet.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/**
 * @example
 * const log = createLogger("info"); log.info({ port: 3000 }, "listening");
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "synapse" } });
}
