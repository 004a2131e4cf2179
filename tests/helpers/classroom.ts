/**
 * A class in a test: host over HTTP, join students over HTTP, and live clients on real
 * sockets that keep their own copy of the session by folding the server's updates, as a
 * browser does. Each test opens its own class, so no test depends on another.
 */
import { onTestFinished } from "vitest";
import { foldUpdate, type SessionCopy } from "../../app/realtime/session-store";
import type { Ack, CommandName, CommandPayload, CommandResult, ErrorBody, Viewer } from "../../lib/protocol";
import type { SessionState } from "../../lib/session/state";
import { connect, onSnapshot, onUpdate, send, sendOk, syncState, MESSAGE_TIMEOUT_MS, type TestAuth, type TestSocket } from "./socket-client";

/** What `POST /api/sessions` returns to the teacher. */
export interface HostedSession {
  sessionId: string;
  code: string;
  teacherToken: string;
}

/** What a successful `POST /api/join/CODE` returns to a student. */
export interface StudentPass {
  sessionId: string;
  studentId: string;
  token: string;
}

/** A join attempt's status and body: a pass (201) or a refusal. */
export interface JoinReply {
  status: number;
  body: StudentPass | { error: ErrorBody };
}

/** Hosts a new session over HTTP. */
export async function hostSession(url: string): Promise<HostedSession> {
  const res = await fetch(`${url}/api/sessions`, { method: "POST" });
  if (res.status !== 201) throw new Error(`host failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as HostedSession;
}

/** Tries to join with `nickname`, and returns the status and body whatever they are. */
export async function joinSession(url: string, code: string, nickname: string): Promise<JoinReply> {
  const res = await fetch(`${url}/api/join/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname }),
  });
  return { status: res.status, body: (await res.json()) as JoinReply["body"] };
}

/** Joins with `nickname`; throws unless the server answers 201 with a pass. */
export async function joinStudent(url: string, code: string, nickname: string): Promise<StudentPass> {
  const reply = await joinSession(url, code, nickname);
  if (reply.status !== 201 || "error" in reply.body) throw new Error(`join as ${nickname} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** A connected participant with a live copy of the session. */
export class LiveClient {
  copy: SessionCopy | null = null;
  you: Viewer | null = null;
  online: string[] = [];
  /** How many `session:update` messages arrived. */
  updates = 0;
  private waiters: Waiter[] = [];
  private problem: Error | null = null;

  private constructor(readonly socket: TestSocket) {}

  /**
   * Connects with `auth` (a token, or `watch: CODE` for the projector view) and waits for the first snapshot.
   * `listen` is called with the socket before it connects, to see every message from the first one on.
   */
  static async connect(url: string, auth: TestAuth, listen?: (socket: TestSocket) => void): Promise<LiveClient> {
    let client: LiveClient | undefined;
    const socket = await connect(url, auth, (s) => {
      listen?.(s);
      client = new LiveClient(s);
      client.listen();
    });
    await client!.until(() => client!.copy !== null);
    return client!;
  }

  private listen(): void {
    onSnapshot(this.socket, (snap) => {
      this.copy = { seq: snap.seq, state: snap.state };
      if (snap.you) this.you = snap.you;
      this.online = snap.online;
      this.settle();
    });
    onUpdate(this.socket, (update) => {
      this.updates++;
      if (this.copy) {
        const next = foldUpdate(this.copy, update.events);
        if (next) this.copy = next;
        else this.fail(new Error(`gap in seqs after ${this.copy.seq}: got ${update.events.map((e) => e.seq).join(", ")}`));
      }
      if (update.online) this.online = update.online;
      this.settle();
    });
  }

  /** The session as this client sees it now. */
  get state(): SessionState {
    if (!this.copy) throw new Error("no snapshot yet");
    return this.copy.state;
  }

  /** The seq of the last event this client folded. */
  get seq(): number {
    return this.copy?.seq ?? 0;
  }

  /** Sends a command and resolves with its acknowledgement. */
  send<K extends CommandName>(event: K, payload: CommandPayload<K>): Promise<Ack<CommandResult<K>>> {
    return send(this.socket, event, payload);
  }

  /** Sends a command and resolves with its result; rejects when it is refused. */
  sendOk<K extends CommandName>(event: K, payload: CommandPayload<K>): Promise<CommandResult<K>> {
    return sendOk(this.socket, event, payload);
  }

  /** The server's committed state and seq now, asked over this socket. */
  sync(): Promise<{ seq: number; state: SessionState }> {
    return syncState(this.socket);
  }

  /** Resolves when `check` holds, re-checked after every message; rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs = MESSAGE_TIMEOUT_MS, what = "the condition"): Promise<void> {
    if (this.problem) return Promise.reject(this.problem);
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${what} did not hold within ${timeoutMs} ms (client at seq ${this.seq})`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once this client has folded every event up to `seq`. */
  untilSeq(seq: number, timeoutMs = MESSAGE_TIMEOUT_MS): Promise<void> {
    return this.until(() => this.seq >= seq, timeoutMs, `reaching seq ${seq}`);
  }

  close(): void {
    this.socket.close();
  }

  private settle(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }

  private fail(err: Error): void {
    this.problem = err;
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
  }
}

/** A student of a test's class: their pass and their phone's live client. */
export interface ClassStudent {
  id: string;
  token: string;
  nickname: string;
  client: LiveClient;
}

/** Anything that says where the server is now (a SuiteServer follows restarts). */
export interface ServerAddress {
  readonly url: string;
}

/** A session of its own for one test: the teacher and the students, on live sockets. */
export class Classroom {
  private clients: LiveClient[] = [];

  constructor(
    private readonly server: ServerAddress,
    readonly host: HostedSession,
    readonly teacher: LiveClient,
    readonly students: ClassStudent[],
  ) {
    this.clients.push(teacher);
  }

  get code(): string {
    return this.host.code;
  }

  /** Connects another live client to the server as it is now; it closes with the class. */
  async connect(auth: TestAuth): Promise<LiveClient> {
    const client = await LiveClient.connect(this.server.url, auth);
    this.clients.push(client);
    return client;
  }

  /** A new teacher client with the session's teacher token (after a restart, say). */
  connectTeacher(): Promise<LiveClient> {
    return this.connect({ token: this.host.teacherToken });
  }

  /** Opens the read-only projector view of the session (`watch: CODE`, no token). */
  openProjector(): Promise<LiveClient> {
    return this.connect({ watch: this.host.code });
  }

  /** Closes the student's phone and connects it again with the same token. */
  async reconnect(student: ClassStudent): Promise<LiveClient> {
    student.client.close();
    student.client = await this.connect({ token: student.token });
    return student.client;
  }

  /** Closes every client the class opened. */
  close(): void {
    for (const c of this.clients) c.close();
  }
}

/**
 * Hosts a session and seats `count` students ("Student 1" … in joining order), each on a
 * live socket, and waits until the teacher sees them all online. Call it inside a test:
 * its sockets close when the test ends.
 * @example
 * const cls = await openClass(server, 3); // cls.students[0] reads 0.920
 */
export async function openClass(server: ServerAddress, count = 0): Promise<Classroom> {
  const host = await hostSession(server.url);
  const teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
  const students: ClassStudent[] = [];
  const cls = new Classroom(server, host, teacher, students);
  onTestFinished(() => cls.close());
  // Joining order decides the seats, so students join one after another.
  for (let k = 1; k <= count; k++) {
    const nickname = `Student ${k}`;
    const pass = await joinStudent(server.url, host.code, nickname);
    const client = await cls.connect({ token: pass.token });
    students.push({ id: pass.studentId, token: pass.token, nickname, client });
  }
  await teacher.until(
    () => Object.keys(teacher.state.students).length === count && students.every((s) => teacher.online.includes(s.id)),
    MESSAGE_TIMEOUT_MS,
    `the teacher seeing ${count} students online`,
  );
  return cls;
}
