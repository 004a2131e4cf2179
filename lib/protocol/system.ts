import { z } from "zod";

/**
 * `system:ping`: the client sends its own clock reading; the server echoes it with its own.
 * Clients use the round trip to show connection quality; the server keeps each socket's
 * recent round trips to estimate one-way delay.
 */
export const systemPing = {
  payload: z.object({ clientTime: z.number().finite() }).strict(),
  result: z.object({ clientTime: z.number(), serverTime: z.number() }),
};
