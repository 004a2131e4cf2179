import { z } from "zod";
import { errorBodySchema } from "./errors";

/**
 * The bodies of the HTTP routes that come before a socket (`server/http/`). The server's
 * handlers return values of these types; the student's phone imports only the TYPES
 * (`import type`), so zod stays out of its JavaScript; the dashboard may parse with them.
 * Objects are strict so a field that should not travel (a token in the wrong answer) fails
 * the tests that parse real responses.
 */

/** `POST /api/join/:code` body. */
export const joinRequestSchema = z.strictObject({ nickname: z.string().max(200) });
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** `201` of `POST /api/sessions`: the teacher token is returned once, here only. */
export const createSessionResponseSchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  teacherToken: z.string(),
});
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;

/** `200` of `GET /api/join/:code`: enough for the phone to offer a nickname. */
export const joinLookupResponseSchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  suggestedNickname: z.string(),
  roomLocked: z.boolean(),
});
export type JoinLookupResponse = z.infer<typeof joinLookupResponseSchema>;

/** `201` of `POST /api/join/:code`: the student token the phone keeps. */
export const joinResponseSchema = z.strictObject({
  sessionId: z.string(),
  studentId: z.string(),
  token: z.string(),
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/**
 * `200` of `GET /api/sessions/:sessionId/join-info` (teacher) and `GET /api/join/:code/link`
 * (anyone with the code): the link phones can reach and its QR code, or, when the server
 * only knows a loopback address, null link and QR with a message for the teacher.
 */
export const joinInfoResponseSchema = z.strictObject({
  code: z.string(),
  joinUrl: z.url().nullable(),
  qrSvg: z.string().startsWith("<svg").nullable(),
  loopbackOnly: z.boolean(),
  message: z.string().nullable(),
});
export type JoinInfoResponse = z.infer<typeof joinInfoResponseSchema>;

/** Every refusal over HTTP: `{ error: { code, message } }` with the code's status. */
export const errorResponseSchema = z.strictObject({ error: errorBodySchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
