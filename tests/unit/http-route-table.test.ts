/**
 * The HTTP API's route matching: path parameters, 404 versus 405, and the table refusing
 * routes that could not be served safely. Routes here are small stand-ins; the real
 * table's answers are checked against the real server in tests/integration/http-api.test.ts.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute, type Auth, type Method } from "../../server/http/route";
import { RouteTable } from "../../server/http/route-table";
import { API_ROUTES } from "../../server/http/routes";

const stand = (method: Method, path: string, auth: Auth = "none") =>
  defineRoute({ method, path, auth, status: 200, response: z.null(), handle: async () => null });

const table = new RouteTable([
  stand("POST", "/api/sessions"),
  stand("GET", "/api/sessions/:sessionId/join-info", "teacher"),
  stand("GET", "/api/join/:code"),
  stand("POST", "/api/join/:code"),
]);

describe("HTTP route table", () => {
  it("takes path parameters from their segments, percent-decoded", () => {
    const found = table.match("GET", "/api/sessions/abc%20def/join-info");
    expect(found).toMatchObject({ kind: "found", params: { sessionId: "abc def" } });
    expect(table.match("POST", "/api/join/K7QF3M")).toMatchObject({ kind: "found", params: { code: "K7QF3M" } });
  });

  it("tells a known path with another method apart from an unknown path", () => {
    expect(table.match("GET", "/api/sessions")).toEqual({ kind: "wrong-method", allow: ["POST"] });
    expect(table.match("DELETE", "/api/join/K7QF3M")).toEqual({ kind: "wrong-method", allow: ["GET", "POST"] });
    expect(table.match("GET", "/api/nothing-here")).toEqual({ kind: "none" });
  });

  it("matches whole paths only: no trailing slash, extra or empty segment", () => {
    expect(table.match("POST", "/api/sessions/")).toEqual({ kind: "none" });
    expect(table.match("GET", "/api/join/K7QF3M/extra")).toEqual({ kind: "none" });
    expect(table.match("GET", "/api/join/")).toEqual({ kind: "none" });
    expect(table.match("GET", "/api/sessions//join-info")).toEqual({ kind: "none" });
  });

  it("refuses parameters longer than 64 characters and stray percent signs", () => {
    expect(table.match("GET", `/api/join/${"A".repeat(64)}`).kind).toBe("found");
    expect(table.match("GET", `/api/join/${"A".repeat(65)}`)).toEqual({ kind: "none" });
    expect(table.match("GET", "/api/join/%E0%A4%A")).toEqual({ kind: "none" });
  });

  it("refuses a teacher route that names no session, and a route listed twice", () => {
    expect(() => new RouteTable([stand("GET", "/api/reports/:id", "teacher")])).toThrow(/without :sessionId/);
    expect(() => new RouteTable([stand("GET", "/api/join/:code"), stand("GET", "/api/join/:code")])).toThrow(/listed twice/);
  });

  it("holds the real routes, with join-info for the session's teacher only", () => {
    const real = new RouteTable(API_ROUTES);
    const joinInfo = real.match("GET", "/api/sessions/0b7f0d2e-1b8a-4c55-9a8e-3f1c2d4e5f60/join-info");
    expect(joinInfo.kind === "found" && joinInfo.route.auth).toBe("teacher");
  });
});
