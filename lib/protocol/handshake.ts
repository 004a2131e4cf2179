import { z } from "zod";

/**
 * What a socket sends in `handshake.auth`. The token, not anything in a payload, says who
 * the socket is; without one the socket may only use public events (such as `system:ping`).
 */
export const handshakeAuthSchema = z.object({
  protocolVersion: z.number().int(),
  token: z.string().min(16).max(128).optional(),
  /** A join code, for a read-only projector view with no token. */
  watch: z.string().min(1).max(12).optional(),
});

export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** The `data` of a `connect_error` the server sends when it refuses a connection. */
export const connectErrorDataSchema = z.object({
  code: z.string(),
  message: z.string(),
  serverProtocolVersion: z.number().int().optional(),
});
