/**
 * What a room reads back after a failed commit: the log's head once any open append has
 * ended (`settledHeadSeq` waits for it), the rows at the seqs it tried, and the state.
 */
import type { Storage } from "../../db/storage";
import { loadSessionState } from "./load-state";

/**
 * @example
 * const { loaded, mine, head } = await reread(storage, sessionId, 12, 14);
 */
export async function reread(storage: Storage, sessionId: string, fromSeq: number, lastSeq: number) {
  const head = await storage.settledHeadSeq(sessionId);
  const mine = head >= fromSeq ? await storage.read(sessionId, fromSeq, lastSeq) : [];
  const loaded = await loadSessionState(storage, sessionId);
  if (!loaded) throw new Error(`session ${sessionId} is gone`);
  return { loaded, mine, head };
}
