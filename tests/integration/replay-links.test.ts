/**
 * Read-only replay links and deleting a session, against the real server: a link reads
 * its own session's replay as the projector would see it (no key before the reveal, no
 * answers, names blank when the link hides them) and carries no token; it cannot act (no
 * teacher route, no socket, no other session). Deleting a session takes everything with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  neuronHistorySchema,
  replayEventsSchema,
  replayLinkResponseSchema,
  replayMetaSchema,
  replayStateSchema,
} from "../../lib/protocol/replay";
import type { LoggedEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { hostSession, joinStudent, LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { api, expectRefused } from "../helpers/replay-api";
import { NICKNAMES, scriptClass, type ScriptedClass } from "../helpers/replay-script";
import { connectRefused } from "../helpers/socket-client";
import { serverForSuite } from "../helpers/suite-server";

const PUBLIC_URL = "http://class.example:8080";

describeEachDatabase("replay links and deleting", (db) => {
  const server = serverForSuite(db, { PUBLIC_URL, SYNAPSE_TEST_SNAPSHOT_EVERY: "5" });
  let cls: ScriptedClass;
  let hidden: string, named: string;
  const path = (p = "") => `/api/sessions/${cls.host.sessionId}${p}`;
  const newLink = (hideNames: boolean, token = cls.host.teacherToken, sessionId = cls.host.sessionId) =>
    api(server.url, `/api/sessions/${sessionId}/replay-links`, { method: "POST", token, json: { hideNames } });
  /** Every token of the class: none may appear in what a link reads. */
  const tokens = () => [cls.host.teacherToken, ...cls.students.map((s) => s.token)];

  beforeAll(async () => {
    cls = await scriptClass(server.url);
    const a = await newLink(true);
    const b = await newLink(false);
    expect([a.status, b.status]).toEqual([201, 201]);
    hidden = replayLinkResponseSchema.parse(a.body).token;
    named = replayLinkResponseSchema.parse(b.body).token;
  }, 120_000);
  afterAll(() => cls?.close());

  it("hands the teacher a link with the token in its hash, for this server's public address", async () => {
    const reply = await newLink(true);
    const link = replayLinkResponseSchema.parse(reply.body);
    expect(link).toEqual({ url: `${PUBLIC_URL}/replay/${cls.host.sessionId}#r=${link.token}`, token: link.token, hideNames: true });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expectRefused(await api(server.url, path("/replay-links"), { method: "POST", token: cls.host.teacherToken, json: { hideNames: "yes" } }), 400, "BAD_REQUEST");
    expectRefused(await api(server.url, path("/replay-links"), { method: "POST", token: cls.host.teacherToken, json: {} }), 400, "BAD_REQUEST");
  });

  it("shows a link the projector's view of every moment, with names blank when it hides them", async () => {
    const head = cls.recorded.at(-1)!;
    for (const [token, hideNames] of [
      [hidden, true],
      [named, false],
    ] as const) {
      const meta = replayMetaSchema.parse((await api(server.url, path("/replay"), { token })).body);
      expect({ viewer: meta.viewer, hideNames: meta.hideNames, headSeq: meta.headSeq }).toEqual({ viewer: "link", hideNames, headSeq: head.seq });
      const joins = meta.marks.filter((m) => m.kind === "join").map((m) => m.label);
      expect(joins).toEqual(hideNames ? NICKNAMES.map(() => "A student joined") : NICKNAMES.map((n) => `${n} joined`));
      for (const { seq, state: live } of cls.recorded) {
        const reply = await api(server.url, path(`/replay/state?seq=${seq}`), { token });
        const state = replayStateSchema.parse(reply.body).state as unknown as SessionState;
        expect(state.hideNames).toBe(hideNames);
        const names = Object.fromEntries(Object.values(state.students).map((s) => [s.id, s.nickname]));
        expect(names).toEqual(Object.fromEntries(Object.values(live.students).map((s) => [s.id, hideNames ? "" : s.nickname])));
        // What only the teacher sees: answers, and the key before the reveal.
        expect(state.quiz.answers).toEqual({});
        if (live.quiz.run) {
          expect(state.quiz.run?.question).toBeNull();
          expect(state.quiz.run?.key).toEqual(live.quiz.run.status === "revealed" ? live.quiz.run.key : null);
        }
        expect(state.network).toEqual(live.network);
        for (const t of tokens()) expect(reply.text).not.toContain(t);
      }
    }
  });

  it("plays a link events it may see: tallies for answers, the reveal as a point to re-read, no names when hidden", async () => {
    const reply = await api(server.url, path("/replay/events?after=0&limit=2000"), { token: hidden });
    const { events, next } = replayEventsSchema.parse(reply.body);
    expect(next).toBeNull();
    const types = events.map((e) => e.type);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: cls.recorded.at(-1)!.seq }, (_, i) => i + 1));
    expect(types).not.toContain("quiz.answered");
    expect(types.filter((t) => t === "quiz.tallied")).toHaveLength(3);
    expect(events.find((e) => e.type === "event.redacted" && e.resync === true)).toBeDefined();
    for (const name of NICKNAMES) expect(reply.text).not.toContain(name);
    for (const t of tokens()) expect(reply.text).not.toContain(t);
    const launched = events.find((e) => e.type === "quiz.launched") as { payload: { question: unknown } };
    expect(launched.payload.question).toBeNull();
    const history = neuronHistorySchema.parse((await api(server.url, path("/replay/neurons/0/0"), { token: hidden })).body);
    expect(history.holders.length).toBeGreaterThan(0);
    expect(history.holders.every((h) => h.nickname === "")).toBe(true);
  });

  it("lets a link play forward: its events folded from its first state give its last, re-reading at each resync", async () => {
    const head = cls.recorded.at(-1)!.seq;
    for (const token of [hidden, named]) {
      const stateAt = async (seq: number) =>
        replayStateSchema.parse((await api(server.url, path(`/replay/state?seq=${seq}`), { token })).body).state as unknown as SessionState;
      let state = await stateAt(1);
      let after: number | null = 1;
      let resyncs = 0;
      while (after !== null) {
        const page = replayEventsSchema.parse((await api(server.url, path(`/replay/events?after=${after}&limit=7`), { token })).body);
        for (const e of page.events as unknown as (LoggedEvent & { resync?: true })[]) {
          if (e.resync) resyncs++;
          state = e.resync ? await stateAt(e.seq) : applyEvent(state, e);
        }
        after = page.next;
      }
      expect(resyncs).toBe(1);
      expect(state).toEqual(await stateAt(head));
    }
  });

  it("lets a link act nowhere: no teacher route, no socket, no other session", async () => {
    const other = await hostSession(server.url);
    for (const token of [hidden, named]) {
      expectRefused(await api(server.url, path("/summary"), { token }), 401, "UNAUTHENTICATED");
      expectRefused(await api(server.url, path("/join-info"), { token }), 401, "UNAUTHENTICATED");
      expectRefused(await newLink(false, token), 401, "UNAUTHENTICATED");
      expectRefused(await api(server.url, path(), { method: "DELETE", token }), 401, "UNAUTHENTICATED");
      expect((await connectRefused(server.url, { token })).data.code).toBe("UNAUTHENTICATED");
      expectRefused(await api(server.url, `/api/sessions/${other.sessionId}/replay`, { token }), 403, "FORBIDDEN");
    }
    // Nor does anything else open a replay: no token, a student's, another class's teacher's.
    expectRefused(await api(server.url, path("/replay")), 401, "UNAUTHENTICATED");
    expectRefused(await api(server.url, path("/replay"), { token: cls.students[0]!.token }), 403, "FORBIDDEN");
    expectRefused(await api(server.url, path("/replay"), { token: other.teacherToken }), 403, "FORBIDDEN");
    expectRefused(await api(server.url, path("/replay"), { token: "A".repeat(32) }), 401, "UNAUTHENTICATED");
    expect((await api(server.url, path("/summary"), { token: cls.host.teacherToken })).status).toBe(200);
  });

  describe("deleting a session", () => {
    it("removes the session, its log, its passes and its links; its sockets close", async () => {
      const host = await hostSession(server.url);
      const pass = await joinStudent(server.url, host.code, "Ada");
      const phone = await LiveClient.connect(server.url, { token: pass.token });
      const closed = new Promise<void>((resolve) => phone.socket.once("disconnect", () => resolve()));
      const link = replayLinkResponseSchema.parse((await newLink(true, host.teacherToken, host.sessionId)).body);
      const other = await hostSession(server.url);
      const at = `/api/sessions/${host.sessionId}`;
      expect((await api(server.url, `${at}/replay`, { token: link.token })).status).toBe(200);
      // Only its teacher may delete it.
      expectRefused(await api(server.url, at, { method: "DELETE", token: other.teacherToken }), 403, "FORBIDDEN");

      const reply = await api(server.url, at, { method: "DELETE", token: host.teacherToken });
      expect({ status: reply.status, body: reply.body }).toEqual({ status: 200, body: { deleted: true } });
      await closed;
      // Every pass is gone with it: the teacher's, the student's, the link's.
      expectRefused(await api(server.url, `${at}/summary`, { token: host.teacherToken }), 401, "UNAUTHENTICATED");
      expectRefused(await api(server.url, `${at}/replay`, { token: link.token }), 401, "UNAUTHENTICATED");
      expect((await connectRefused(server.url, { token: pass.token })).data.code).toBe("UNAUTHENTICATED");
      // To anyone with a valid pass, the session is not there any more.
      expectRefused(await api(server.url, `${at}/replay`, { token: other.teacherToken }), 404, "NOT_FOUND");
      expectRefused(await api(server.url, `/api/join/${host.code}`), 404, "NOT_FOUND");
    });
  });
});
