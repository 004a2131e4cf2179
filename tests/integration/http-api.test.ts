/**
 * The HTTP API against the real server and database: the teacher-only join-info route and
 * who it refuses, unknown routes and wrong methods, bodies that are not JSON, and hosting
 * and joining as before. Every answer is parsed with its shared schema (lib/protocol/http).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import {
  createSessionResponseSchema,
  errorResponseSchema,
  joinInfoResponseSchema,
  joinLookupResponseSchema,
  joinResponseSchema,
} from "../../lib/protocol/http";
import { describeEachDatabase, freshStorage, type ServerStorage } from "../helpers/databases";
import { startServer, type ServerProcess } from "../helpers/server-process";

/** Set on the server so the join link does not depend on this machine's network cards. */
const PUBLIC_URL = "http://class.example:8080";
const CODE = /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/;
const UNKNOWN_SESSION = "00000000-0000-4000-8000-000000000000";

describeEachDatabase("HTTP API", (db) => {
  let storage: ServerStorage;
  let server: ServerProcess;
  let host: z.infer<typeof createSessionResponseSchema>, otherHost: typeof host;
  let student: z.infer<typeof joinResponseSchema>;

  async function call(path: string, init: RequestInit = {}) {
    const res = await fetch(`${server.url}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** A refusal: the status, `{ error: { code, message } }` with a message, and JSON. */
  async function expectRefusal(reply: Promise<Awaited<ReturnType<typeof call>>>, status: number, code: string) {
    const { status: got, headers, body } = await reply;
    const { error } = errorResponseSchema.parse(body);
    expect({ status: got, code: error.code, readable: error.message.length > 10 }).toEqual({ status, code, readable: true });
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    return headers;
  }

  const joinInfo = (sessionId: string, authorization?: string) =>
    call(`/api/sessions/${sessionId}/join-info`, authorization ? { headers: { authorization } } : {});
  const postJoin = (code: string, body: string, contentType: string | null = "application/json") =>
    call(`/api/join/${code}`, { method: "POST", headers: contentType ? { "content-type": contentType } : {}, body });

  beforeAll(async () => {
    storage = await freshStorage(db);
    server = await startServer({ ...storage.env, PUBLIC_URL });
    host = createSessionResponseSchema.parse((await call("/api/sessions", { method: "POST" })).body);
    otherHost = createSessionResponseSchema.parse((await call("/api/sessions", { method: "POST" })).body);
    student = joinResponseSchema.parse((await postJoin(host.code, JSON.stringify({ nickname: "Ada" }))).body);
  });
  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  });

  it("hosts a session: 201 with a readable code and a teacher token", async () => {
    expect((await call("/api/sessions", { method: "POST" })).status).toBe(201);
    expect(host.code).toMatch(CODE);
    expect(host.teacherToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(otherHost.sessionId).not.toBe(host.sessionId);
  });

  it("gives the join link to the session's teacher, and nothing more", async () => {
    const reply = await joinInfo(host.sessionId, `Bearer ${host.teacherToken}`);
    expect(reply.status).toBe(200);
    const info = joinInfoResponseSchema.parse(reply.body);
    expect(info).toEqual({
      code: host.code,
      joinUrl: `${PUBLIC_URL}/join/${host.code}`,
      qrSvg: expect.stringMatching(/^<svg[\s\S]*<\/svg>\s*$/),
      loopbackOnly: false,
      message: null,
    });
    expect(reply.text).not.toContain(host.teacherToken);
    // The scheme's name is case-insensitive (RFC 7235).
    expect((await joinInfo(host.sessionId, `bearer ${host.teacherToken}`)).status).toBe(200);
  });

  it("refuses join-info without a teacher pass: 401, and says which scheme to use", async () => {
    const headers = await expectRefusal(joinInfo(host.sessionId), 401, "UNAUTHENTICATED");
    expect(headers.get("www-authenticate")).toBe("Bearer");
    await expectRefusal(joinInfo(host.sessionId, `Basic ${host.teacherToken}`), 401, "UNAUTHENTICATED");
    await expectRefusal(joinInfo(host.sessionId, host.teacherToken), 401, "UNAUTHENTICATED");
    await expectRefusal(joinInfo(host.sessionId, "Bearer"), 401, "UNAUTHENTICATED");
    await expectRefusal(joinInfo(host.sessionId, "Bearer not a token!"), 401, "UNAUTHENTICATED");
    // Well formed, but no participant has it.
    await expectRefusal(joinInfo(host.sessionId, `Bearer ${"x".repeat(32)}`), 401, "UNAUTHENTICATED");
  });

  it("refuses join-info to a student of the session and to another session's teacher: 403", async () => {
    await expectRefusal(joinInfo(host.sessionId, `Bearer ${student.token}`), 403, "FORBIDDEN");
    await expectRefusal(joinInfo(host.sessionId, `Bearer ${otherHost.teacherToken}`), 403, "FORBIDDEN");
    // The other teacher still gets their own.
    expect((await joinInfo(otherHost.sessionId, `Bearer ${otherHost.teacherToken}`)).status).toBe(200);
  });

  it("answers 404 for an unknown session to a teacher, and 401 to someone without a pass", async () => {
    await expectRefusal(joinInfo(UNKNOWN_SESSION, `Bearer ${host.teacherToken}`), 404, "NOT_FOUND");
    await expectRefusal(joinInfo(UNKNOWN_SESSION), 401, "UNAUTHENTICATED");
  });

  it("gives the join link by code to a screen with no pass (the projector view)", async () => {
    const reply = await call(`/api/join/${host.code.toLowerCase()}/link`);
    expect(reply.status).toBe(200);
    expect(joinInfoResponseSchema.parse(reply.body)).toMatchObject({ code: host.code, joinUrl: `${PUBLIC_URL}/join/${host.code}` });
    await expectRefusal(call("/api/join/AAAAAA/link"), 404, "NOT_FOUND");
  });

  it("answers an unknown /api path with 404 JSON", async () => {
    await expectRefusal(call("/api/nothing-here"), 404, "NOT_FOUND");
    await expectRefusal(call(`/api/sessions/${host.sessionId}/nothing-here`), 404, "NOT_FOUND");
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const allowed = async (path: string, method: string) => (await expectRefusal(call(path, { method }), 405, "BAD_REQUEST")).get("allow");
    expect(await allowed("/api/sessions", "GET")).toBe("POST");
    expect(await allowed(`/api/join/${host.code}`, "DELETE")).toBe("GET, POST");
    expect(await allowed(`/api/sessions/${host.sessionId}/join-info`, "POST")).toBe("GET");
    expect(await allowed(`/api/sessions/${host.sessionId}`, "GET")).toBe("DELETE");
  });

  it("refuses a join body that is not JSON, not sent as JSON, too large, or with unknown fields: 400", async () => {
    await expectRefusal(postJoin(host.code, '{"nickname": "Bo"'), 400, "BAD_REQUEST");
    expect(errorResponseSchema.parse((await postJoin(host.code, "{nickname: Bo}")).body).error.message).toMatch(/not valid JSON/);
    await expectRefusal(postJoin(host.code, JSON.stringify({ nickname: "Bo" }), "text/plain"), 400, "BAD_REQUEST");
    await expectRefusal(postJoin(host.code, JSON.stringify({ nickname: "Bo" }), null), 400, "BAD_REQUEST");
    await expectRefusal(postJoin(host.code, JSON.stringify({ nickname: "B".repeat(5000) })), 400, "BAD_REQUEST");
    await expectRefusal(postJoin(host.code, JSON.stringify({ nickname: "Bo", admin: true })), 400, "BAD_REQUEST");
    // None of those joined anyone: "Bo" is still free.
    expect((await postJoin(host.code, JSON.stringify({ nickname: "Bo" }))).status).toBe(201);
  });

  it("looks a class up by code and joins as before", async () => {
    const lookup = await call(`/api/join/${host.code.toLowerCase()}`);
    expect(lookup.status).toBe(200);
    const found = joinLookupResponseSchema.parse(lookup.body);
    expect(found).toMatchObject({ sessionId: host.sessionId, code: host.code, roomLocked: false });
    expect(found.suggestedNickname).toMatch(/^\S.{0,19}$/);
    const joined = await postJoin(host.code, JSON.stringify({ nickname: "Grace" }));
    expect({ status: joined.status, sessionId: joinResponseSchema.parse(joined.body).sessionId }).toEqual({ status: 201, sessionId: host.sessionId });
    await expectRefusal(postJoin(host.code, JSON.stringify({ nickname: "Grace" })), 409, "NAME_TAKEN");
    await expectRefusal(call("/api/join/AAAAAA"), 404, "NOT_FOUND");
  });
});
