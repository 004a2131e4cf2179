/**
 * GET /api/health: 200 `{ok:true, db}` when the server takes sessions and the database
 * answers a query now; 503 `{ok:false, reason}` while starting, shutting down, when the
 * database does not answer within a second, or while a session's last commit failed and
 * its room has not re-read the database since (`commitProblem`): a database that answers
 * a ping but loses our writes is not healthy either.
 */
import type http from "node:http";
import type { Database } from "../db/client";

export type Lifecycle = "starting" | "ready" | "stopping";

const PING_TIMEOUT_MS = 1000;

export async function handleHealth(
  res: http.ServerResponse,
  lifecycle: Lifecycle,
  database: Database | undefined,
  commitProblem: () => string | null = () => null,
): Promise<void> {
  const send = (status: number, body: object) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (lifecycle !== "ready" || !database) {
    send(503, { ok: false, reason: lifecycle === "stopping" ? "shutting down" : "starting" });
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS);
      }),
    ]);
  } catch {
    send(503, { ok: false, db: database.kind, reason: "the database did not answer" });
    return;
  } finally {
    clearTimeout(timer);
  }
  const problem = commitProblem();
  if (problem) send(503, { ok: false, db: database.kind, reason: problem });
  else send(200, { ok: true, db: database.kind });
}
