/**
 * A class in a test: host over HTTP, join students over HTTP, and live clients on real
 * sockets that keep their own copy of the session by folding the server's updates.
 */
import type { SessionState } from "../../lib/session/state";
import { foldUpdate, type SessionCopy } from "../../app/realtime/session-store";
import type { LoggedEvent } from "../../lib/session/events";
import { connect, send, type TestSocket } from "./socket-client";

export async function hostSession(url: string): Promise<{ sessionId: string; code: string; teacherToken: string }> {
  const res = await fetch(`${url}/api/sessions`, { method: "POST" });
  if (res.status !== 201) throw new Error(`host failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function joinSession(
  url: string,
  code: string,
  nickname: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/join/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname }),
  });
  return { status: res.status, body: await res.json() };
}

/** A connected participant with a live copy of the session. */
export class LiveClient {
  copy: SessionCopy | null = null;
  you: any = null;
  online: string[] = [];
  updates = 0;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  socket!: TestSocket;

  private listen(socket: TestSocket) {
    socket.on("session:snapshot", (snap: any) => {
      this.copy = { seq: snap.seq, state: snap.state };
      this.you = snap.you;
      this.online = snap.online;
      this.settle();
    });
    socket.on("session:update", (update: { events: LoggedEvent[]; online?: string[] }) => {
      this.updates++;
      if (this.copy) {
        const next = foldUpdate(this.copy, update.events);
        if (!next) throw new Error(`gap in seqs after ${this.copy.seq}`);
        this.copy = next;
      }
      if (update.online) this.online = update.online;
      this.settle();
    });
  }

  static async connect(url: string, auth: Record<string, unknown>): Promise<LiveClient> {
    const client = new LiveClient();
    client.socket = await connect(url, auth, (socket) => client.listen(socket));
    await client.until(() => client.copy !== null);
    return client;
  }

  get state(): SessionState {
    if (!this.copy) throw new Error("no snapshot yet");
    return this.copy.state;
  }

  get seq(): number {
    return this.copy?.seq ?? 0;
  }

  send(event: string, payload: unknown) {
    return send(this.socket, event, payload);
  }

  /** Resolves when `check` holds, re-checked after every message. */
  until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("condition not met in time")), timeoutMs);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close() {
    this.socket.close();
  }

  private settle() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }
}
