/**
 * Every route of the HTTP API in one list: method, path, who may call it, body and
 * response schemas. `/api/health` is answered before this table (server/health.ts), so it
 * works while the app is starting or stopping. `docs/protocol.md` describes each route.
 */
import {
  createSessionResponseSchema,
  joinInfoResponseSchema,
  joinLookupResponseSchema,
  joinRequestSchema,
  joinResponseSchema,
} from "../../lib/protocol/http";
import { REPORT_ROUTES } from "../reports/report-routes";
import { joinClass, joinLinkByCode, lookUpClass, requestHandback } from "./join-handlers";
import { joinLinkFor } from "./join-link";
import { defineRoute, type Route } from "./route";

export const API_ROUTES: readonly Route[] = [
  defineRoute({
    method: "POST",
    path: "/api/sessions",
    auth: "none",
    status: 201,
    response: createSessionResponseSchema,
    // Charged to the caller's address first: one address cannot fill the database with sessions.
    handle: async ({ req, ctx }) => {
      await ctx.limits.sessions.charge(ctx.limits.addressOfRequest(req));
      return ctx.rooms.create();
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/join-info",
    auth: "teacher",
    status: 200,
    response: joinInfoResponseSchema,
    handle: ({ req, ctx, teacher }) => joinLinkFor(teacher.session.code, req, ctx),
  }),
  defineRoute({
    method: "GET",
    path: "/api/join/:code",
    auth: "none",
    status: 200,
    response: joinLookupResponseSchema,
    handle: ({ req, ctx, params }) => lookUpClass(req, ctx, params.code),
  }),
  defineRoute({
    method: "POST",
    path: "/api/join/:code",
    auth: "none",
    body: joinRequestSchema,
    status: 201,
    response: joinResponseSchema,
    handle: ({ req, ctx, params, body }) => joinClass(req, ctx, params.code, body),
  }),
  defineRoute({
    method: "POST",
    path: "/api/join/:code/handback",
    auth: "none",
    body: joinRequestSchema,
    status: 201,
    response: joinResponseSchema,
    handle: ({ req, ctx, params, body }) => requestHandback(req, ctx, params.code, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/join/:code/link",
    auth: "none",
    status: 200,
    response: joinInfoResponseSchema,
    handle: ({ req, ctx, params }) => joinLinkByCode(req, ctx, params.code),
  }),
  ...REPORT_ROUTES,
];
