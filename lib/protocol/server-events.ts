import type { ProtocolError } from "./errors";

/**
 * Events the server sends without being asked.
 * - `system:error`: a message the server could not take (unknown event, missing ack).
 */
export type ServerToClientEvents = {
  "system:error": (error: ProtocolError & { event?: string }) => void;
};
