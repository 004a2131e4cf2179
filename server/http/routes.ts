/**
 * Every route of the HTTP API in one list: method, path, who may call it, body and
 * response schemas. `/api/health` is answered before this table (server/health.ts), so it
 * works while the app is starting or stopping. `docs/protocol.md` describes each route.
 */
import { z } from "zod";
import {
  createSessionResponseSchema,
  joinInfoResponseSchema,
  joinLookupResponseSchema,
  joinRequestSchema,
  joinResponseSchema,
} from "../../lib/protocol/http";
import {
  deletedResponseSchema,
  neuronHistorySchema,
  predictionSeriesSchema,
  replayEventsSchema,
  replayLinkRequestSchema,
  replayLinkResponseSchema,
  replayMetaSchema,
  replayStateSchema,
  sessionSummarySchema,
} from "../../lib/protocol/replay";
import { EVENTS_LIMIT_MAX } from "../replay/reader";
import { REPORT_ROUTES } from "../reports/report-routes";
import { joinClass, joinLinkByCode, lookUpClass, requestHandback } from "./join-handlers";
import { joinLinkFor } from "./join-link";
import { countParam, pathCount, readQuery } from "./query";
import { defineRoute, type Route } from "./route";
import { createReplayLink, deleteSession, sessionSummary } from "./session-handlers";

const seqQuery = z.strictObject({ seq: countParam("seq") });
const eventsQuery = z.strictObject({
  after: countParam("after"),
  limit: countParam("limit").pipe(z.number().min(1, "limit must be 1 or more").max(EVENTS_LIMIT_MAX, `limit must be ${EVENTS_LIMIT_MAX} or less`)),
});

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
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/summary",
    auth: "teacher",
    status: 200,
    response: sessionSummarySchema,
    handle: ({ ctx, teacher }) => sessionSummary(ctx, teacher.session),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/sessions/:sessionId",
    auth: "teacher",
    status: 200,
    response: deletedResponseSchema,
    handle: ({ ctx, teacher }) => deleteSession(ctx, teacher.session.id),
  }),
  defineRoute({
    method: "POST",
    path: "/api/sessions/:sessionId/replay-links",
    auth: "teacher",
    body: replayLinkRequestSchema,
    status: 201,
    response: replayLinkResponseSchema,
    handle: ({ req, ctx, teacher, body }) => createReplayLink(req, ctx, teacher.session.id, body.hideNames),
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/replay",
    auth: "replay",
    status: 200,
    response: replayMetaSchema,
    handle: ({ req, ctx, replay }) => {
      readQuery(req, z.strictObject({}));
      return ctx.replays.meta(replay);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/replay/state",
    auth: "replay",
    status: 200,
    response: replayStateSchema,
    handle: ({ req, ctx, replay }) => ctx.replays.state(replay, readQuery(req, seqQuery).seq),
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/replay/events",
    auth: "replay",
    status: 200,
    response: replayEventsSchema,
    handle: ({ req, ctx, replay }) => {
      const { after, limit } = readQuery(req, eventsQuery);
      return ctx.replays.events(replay, after, limit);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/replay/neurons/:layer/:neuron",
    auth: "replay",
    status: 200,
    response: neuronHistorySchema,
    handle: ({ ctx, replay, params }) => ctx.replays.neuron(replay, pathCount("layer", params.layer), pathCount("neuron", params.neuron)),
  }),
  defineRoute({
    method: "GET",
    path: "/api/sessions/:sessionId/replay/prediction",
    auth: "replay",
    status: 200,
    response: predictionSeriesSchema,
    handle: ({ ctx, replay }) => ctx.replays.prediction(replay),
  }),
  ...REPORT_ROUTES,
];
