/**
 * One class served by two server processes sharing the machine's PostgreSQL and Redis, behind
 * a round-robin balancer with no sticky sessions (tests/helpers/balancer.ts). The teacher's
 * socket lands on the session's owner, the student's on the other process, which forwards its
 * commands; each sees the other's changes live. The owner is then killed with kill -9: both
 * clients, with the page's reconnection settings, reconnect by themselves, the other process
 * takes the session over from the log with every acknowledged event, and the class carries
 * on. Skipped when REDIS_URL or DATABASE_URL is unset.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { foldUpdate, type SessionCopy } from "../../app/realtime/session-store";
import { PROTOCOL_VERSION, type CommandName, type CommandPayload, type CommandResult } from "../../lib/protocol";
import type { SessionSnapshot, SessionUpdate } from "../../lib/protocol/server-events";
import { startBalancer, type Balancer } from "../helpers/balancer";
import { hostSession, joinStudent } from "../helpers/classroom";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL } from "../helpers/databases";
import { deleteRedisKeys, NO_REDIS_REASON, REDIS_URL, uniqueRedisPrefix } from "../helpers/redis";
import { startServer, type ServerProcess } from "../helpers/server-process";
import { waitFor } from "../helpers/wait";

/** A client with the page's socket options (app/realtime/use-session.ts): it reconnects by itself. */
class Phone {
  copy: SessionCopy | null = null;
  online: string[] = [];
  connects = 0;
  private constructor(readonly socket: Socket) {}

  static open(url: string, token: string): Phone {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      auth: { protocolVersion: PROTOCOL_VERSION, token },
    });
    const phone = new Phone(socket);
    socket.on("connect", () => phone.connects++);
    socket.on("session:snapshot", (snap: SessionSnapshot) => {
      phone.copy = { seq: snap.seq, state: snap.state };
      phone.online = snap.online;
    });
    socket.on("session:update", (update: SessionUpdate) => {
      if (phone.copy) phone.copy = foldUpdate(phone.copy, update.events) ?? phone.copy;
      if (update.online) phone.online = update.online;
    });
    return phone;
  }

  get seq(): number {
    return this.copy?.seq ?? 0;
  }

  async sendOk<K extends CommandName>(event: K, payload: CommandPayload<K>): Promise<CommandResult<K>> {
    const ack = (await this.socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean } & CommandResult<K>;
    if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack)}`);
    return ack;
  }

  untilSeq(seq: number, timeoutMs = 15_000): Promise<unknown> {
    return waitFor(`a client at seq ${seq}`, () => this.seq >= seq, { timeoutMs });
  }
}

const skip = !REDIS_URL || !POSTGRES_URL;
const reason = !REDIS_URL ? NO_REDIS_REASON : NO_POSTGRES_REASON;

describe.skipIf(skip)(`one class over two processes${skip ? ` (${reason})` : ""}`, () => {
  const servers: ServerProcess[] = [];
  const phones: Phone[] = [];
  const balancers: Balancer[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const phone of phones) phone.socket.close();
    for (const balancer of balancers) await balancer.close();
    for (const server of servers) await server.stop();
    for (const cleanup of cleanups) await cleanup();
  });

  /** Two processes on one fresh database and key prefix, a class hosted on the first, the teacher's socket on it and a student's on the second. */
  async function classOverTwo() {
    const pg = await createPostgresDatabase(POSTGRES_URL!);
    const prefix = uniqueRedisPrefix();
    cleanups.push(() => pg.drop(), () => deleteRedisKeys(REDIS_URL!, prefix));
    const env = { DATABASE_URL: pg.url, REDIS_URL: REDIS_URL!, REDIS_KEY_PREFIX: prefix };
    const [owner, other] = (await Promise.all([startServer(env), startServer(env)])) as [ServerProcess, ServerProcess];
    servers.push(owner, other);
    const balancer = await startBalancer([owner.port, other.port]);
    balancers.push(balancer);

    // The session is created on the owner; the student joins through the other process.
    const hosted = await hostSession(owner.url);
    const pass = await joinStudent(other.url, hosted.code, "Ada");
    // Round robin: the first socket goes to the owner, the second to the other process.
    const teacher = Phone.open(balancer.url, hosted.teacherToken);
    phones.push(teacher);
    await waitFor("the teacher's snapshot", () => teacher.copy);
    const student = Phone.open(balancer.url, pass.token);
    phones.push(student);
    await waitFor("the student's snapshot, sent by the owner to a socket on the other process", () => student.copy);
    expect(student.copy!.state.students[pass.studentId]?.nickname).toBe("Ada");
    return { owner, other, teacher, student, pass, hosted };
  }

  it("serves a teacher on one process and a student on the other, and carries on after the owner is killed", async () => {
    const { owner, teacher, student } = await classOverTwo();

    // Each sees the other's changes live.
    const inputs = await teacher.sendOk("network:set-inputs", { inputs: [0.5, -0.25] });
    await student.untilSeq(inputs.seq);
    expect(student.copy!.state.inputs).toEqual([0.5, -0.25]);
    const move = await student.sendOk("neuron:set", { bias: 0.4 });
    await teacher.untilSeq(move.seq);
    const acknowledged = move.seq;

    // kill -9 the owner: both clients come back by themselves, to the other process, which
    // takes the session over once the dead owner's lease runs out.
    await owner.crash();
    await waitFor("both clients reconnected", () => teacher.connects >= 2 && student.connects >= 2 && teacher.socket.connected && student.socket.connected, {
      timeoutMs: 40_000,
      intervalMs: 100,
    });
    await teacher.untilSeq(acknowledged);
    await student.untilSeq(acknowledged);
    expect(teacher.copy!.state.inputs).toEqual([0.5, -0.25]);

    // The class carries on from the other process.
    const after = await teacher.sendOk("network:set-inputs", { inputs: [1, 1] });
    expect(after.seq).toBe(acknowledged + 1);
    await student.untilSeq(after.seq);
    expect(student.copy!.state.inputs).toEqual([1, 1]);
    const again = await student.sendOk("neuron:set", { bias: -0.4 });
    await teacher.untilSeq(again.seq);
  });

  it("takes a student whose process was killed out of the owner's online list, and back in when the phone reconnects", async () => {
    const { other, teacher, student, pass } = await classOverTwo();
    await waitFor("the forwarded student shown online", () => teacher.online.includes(pass.studentId));
    // The phone is gone with its process (it does not come back on its own this time).
    student.socket.io.reconnection(false);
    await other.crash();
    await waitFor("the student shown offline once their process stopped renewing", () => !teacher.online.includes(pass.studentId), { timeoutMs: 20_000 });
    student.socket.connect();
    await waitFor("the student back online after reconnecting to the owner", () => teacher.online.includes(pass.studentId), { timeoutMs: 20_000 });
  });

  it("closes every socket of a class deleted through the process that does not own it", async () => {
    const { other, teacher, student, hosted } = await classOverTwo();
    const reasons: string[] = [];
    teacher.socket.on("disconnect", (reason) => reasons.push(`teacher: ${reason}`));
    student.socket.on("disconnect", (reason) => reasons.push(`student: ${reason}`));
    const res = await fetch(`${other.url}/api/sessions/${hosted.sessionId}`, { method: "DELETE", headers: { authorization: `Bearer ${hosted.teacherToken}` } });
    expect(res.status).toBe(200);
    // Closed by the owner on purpose ("io server disconnect"): the pages do not reconnect.
    await waitFor("both sockets closed by the server", () => reasons.length === 2);
    expect(reasons.sort()).toEqual(["student: io server disconnect", "teacher: io server disconnect"]);
  });
});
