/**
 * Finds the route for a request: literal segments must be equal, `:name` segments take
 * one non-empty, percent-decoded segment. A known path with another method is told apart
 * from an unknown path, so the caller can answer 405 with `Allow` instead of 404.
 */
import type { Method, Route } from "./route";

/** Longer path values are no id or code of ours; refusing them bounds every look-up. */
const MAX_PARAM_LENGTH = 64;

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allow: Method[] }
  | { kind: "none" };

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a stray "%": no route of ours can mean it
  }
}

function matchPath(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = actual[i]!;
    if (!part.startsWith(":")) {
      if (part !== segment) return null;
      continue;
    }
    const value = decodeSegment(segment);
    if (!value || value.length > MAX_PARAM_LENGTH) return null;
    params[part.slice(1)] = value;
  }
  return params;
}

export class RouteTable {
  private readonly entries: { route: Route; pattern: string[] }[];

  /** @throws when two routes share a method and path, or a teacher or replay route names no session. */
  constructor(routes: readonly Route[]) {
    const seen = new Set<string>();
    this.entries = routes.map((route) => {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`route listed twice: ${key}`);
      seen.add(key);
      const pattern = route.path.split("/");
      if (route.auth !== "none" && !pattern.includes(":sessionId")) {
        throw new Error(`${route.auth} route without :sessionId (whose session?): ${key}`);
      }
      return { route, pattern };
    });
  }

  /**
   * @example
   * table.match("GET", "/api/sessions/abc/join-info"); // { kind: "found", route, params: { sessionId: "abc" } }
   */
  match(method: string, pathname: string): RouteMatch {
    const actual = pathname.split("/");
    const allow: Method[] = [];
    for (const { route, pattern } of this.entries) {
      const params = matchPath(pattern, actual);
      if (!params) continue;
      if (route.method === method) return { kind: "found", route, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: "wrong-method", allow } : { kind: "none" };
  }
}
