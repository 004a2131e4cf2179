/**
 * What a route of the HTTP API is: method, path pattern, who may call it, the body it
 * reads and the response schema its handler's value follows. `routes.ts` lists them all.
 */
import type http from "node:http";
import type { z } from "zod";
import type { ParticipantRecord, SessionRecord, Storage } from "../../db/storage";
import type { Limits } from "../limits";
import type { Logger } from "../logger";
import type { ReplayReader } from "../replay/reader";
import type { RoomManager } from "../rooms/room-manager";

export interface ApiContext {
  rooms: RoomManager;
  storage: Storage;
  /** Seeks, histories and their caches for replays (server/replay). */
  replays: ReplayReader;
  limits: Limits;
  log: Logger;
  publicUrl?: string;
  port: number;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * `none`: anyone; `teacher`: the Bearer token of the teacher of the path's `:sessionId`;
 * `replay`: that teacher's token, or a read-only replay link token of that session.
 */
export type Auth = "none" | "teacher" | "replay";

/** Who passed a teacher route's check, so handlers need not look them up again. */
export interface TeacherGrant {
  session: SessionRecord;
  participant: ParticipantRecord;
}

/** Who passed a replay route's check: the teacher sees everything, a link the viewer's projection. */
export type ReplayGrant =
  | { viewer: "teacher"; session: SessionRecord; hideNames: false }
  | { viewer: "link"; session: SessionRecord; hideNames: boolean };

/** `{ sessionId: string }` for "/api/sessions/:sessionId/join-info". */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

export type RouteCall<P extends string, A extends Auth, B> = {
  req: http.IncomingMessage;
  ctx: ApiContext;
  params: PathParams<P>;
  body: B;
} & (A extends "teacher" ? { teacher: TeacherGrant } : object) &
  (A extends "replay" ? { replay: ReplayGrant } : object);

export interface RouteDefinition<P extends string, A extends Auth, B, S extends z.ZodType> {
  method: Method;
  path: P;
  auth: A;
  /** The JSON body's schema; a route without one reads no body. */
  body?: z.ZodType<B>;
  /** The status of a success, and the schema of its body. */
  status: 200 | 201;
  response: S;
  handle(call: RouteCall<P, A, B>): Promise<z.infer<S>>;
}

/** A route as the table holds it, with its path's types erased. */
export interface Route {
  method: Method;
  path: string;
  auth: Auth;
  body?: z.ZodType;
  status: 200 | 201;
  response: z.ZodType;
  handle(call: {
    req: http.IncomingMessage;
    ctx: ApiContext;
    params: Record<string, string>;
    body: unknown;
    teacher?: TeacherGrant;
    replay?: ReplayGrant;
  }): Promise<unknown>;
}

/**
 * Types a route from its path and schemas: `params.sessionId` exists because the path
 * names it, and the handler must return what `response` describes.
 * @example
 * defineRoute({ method: "GET", path: "/api/things/:id", auth: "none", status: 200, response: thingSchema,
 *   handle: ({ params }) => loadThing(params.id) });
 */
export function defineRoute<P extends string, A extends Auth, S extends z.ZodType, B = undefined>(
  definition: RouteDefinition<P, A, B, S>,
): Route {
  // The dispatcher supplies exactly what the typed call promises (params from the path,
  // a parsed body, the grant on teacher routes), so erasing the types here is safe.
  return definition as unknown as Route;
}
