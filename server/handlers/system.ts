/** Handlers of the `system:*` domain: connection-level commands open to every socket. */
import type { Socket } from "socket.io";
import type { Logger } from "../logger";
import type { TokenBucket } from "../rate-limit";
import { bindCommand } from "./command";

/**
 * @example
 * registerSystemHandlers(socket, log, bucket);
 */
export function registerSystemHandlers(socket: Socket, log: Logger, bucket: TokenBucket): void {
  bindCommand(socket, log, bucket, "system:ping", ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
}
