/**
 * The two HTTP calls of joining: look the class up by its code, then join with a nickname.
 * Both turn every failure (server refusal, bad JSON, no network) into one shape with a
 * message a student can read.
 */
// Types only: the phone's JavaScript has a size budget that zod at run time would eat into.
import type { JoinLookupResponse, JoinResponse } from "../../../lib/protocol/http";

export type ClassInfo = JoinLookupResponse;

export interface ApiFailure {
  ok: false;
  /** HTTP status, or 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

// Used only when the server's answer carries no message of its own.
const FALLBACK: Record<number, string> = {
  404: "There is no class with this code right now. Check the code on the projector.",
  410: "This class has ended.",
  423: "The teacher has locked this class to new students.",
  429: "Too many tries in a short time. Wait a moment, then try again.",
};

async function call<T>(url: string, init: RequestInit | undefined, isValue: (body: unknown) => body is T): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", ...init });
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "Could not reach the class. Check your Wi-Fi or mobile data, then try again." };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && isValue(body)) return { ok: true, value: body };
  // Read field by field, not trusted as an ErrorResponse: a proxy in between may answer anything.
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: typeof error?.code === "string" ? error.code : "INTERNAL",
    message:
      typeof error?.message === "string" && error.message
        ? error.message
        : (FALLBACK[res.status] ?? `Something went wrong (the server answered ${res.status}). Try again.`),
  };
}

const isClassInfo = (b: unknown): b is ClassInfo =>
  !!b && typeof (b as ClassInfo).sessionId === "string" && typeof (b as ClassInfo).suggestedNickname === "string";

const isIdentity = (b: unknown): b is JoinResponse =>
  !!b && typeof (b as JoinResponse).token === "string" && typeof (b as JoinResponse).studentId === "string";

/**
 * @example
 * const r = await lookUpClass("K7QF3M"); if (r.ok) r.value.suggestedNickname;
 */
export function lookUpClass(code: string): Promise<ApiResult<ClassInfo>> {
  return call(`/api/join/${encodeURIComponent(code)}`, undefined, isClassInfo);
}

/**
 * A new phone asks for the place of the student called `nickname`; the teacher decides.
 * @example
 * const r = await askForPlace("K7QF3M", "Ada"); if (r.ok) saveIdentity(code, { ...r.value, reclaiming: "Ada" });
 */
export function askForPlace(code: string, nickname: string): Promise<ApiResult<JoinResponse>> {
  return call(
    `/api/join/${encodeURIComponent(code)}/handback`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nickname }) },
    isIdentity,
  );
}

/**
 * @example
 * const r = await joinClass("K7QF3M", "Brave Otter"); if (r.ok) saveIdentity(code, r.value);
 */
export function joinClass(code: string, nickname: string): Promise<ApiResult<JoinResponse>> {
  return call(
    `/api/join/${encodeURIComponent(code)}`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nickname }) },
    isIdentity,
  );
}
