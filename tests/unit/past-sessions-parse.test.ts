/**
 * What "Past sessions" reads from text: a pasted teacher link (as "Copy teacher link" writes
 * it, with or without its origin) and a download's file name from Content-Disposition.
 */
import { describe, expect, it } from "vitest";
import { parseTeacherLink } from "../../app/components/sessions/known-sessions";
import { fileNameOf } from "../../app/components/sessions/teacher-api";
import { formatAnswerTime, formatDuration } from "../../app/components/sessions/format";

const ID = "0b7f3c1e-9d2a-4c4f-8e1b-2f6a9c0d1e2f";

describe("parseTeacherLink", () => {
  it("reads the session and the pass of a copied link", () => {
    expect(parseTeacherLink(`  http://192.168.1.20:3000/teach/${ID}#t=q3Jx_-abcdefghijklmnop \n`)).toEqual({ ok: true, sessionId: ID, token: "q3Jx_-abcdefghijklmnop" });
  });

  it("accepts a link without its origin, and a trailing slash", () => {
    expect(parseTeacherLink(`/teach/${ID}/#t=tok`)).toEqual({ ok: true, sessionId: ID, token: "tok" });
  });

  it("says what is wrong with anything else", () => {
    const message = (text: string) => {
      const r = parseTeacherLink(text);
      return r.ok ? "accepted" : r.message;
    };
    expect(message("")).toMatch(/^Paste the teacher link first/);
    expect(message(`http://x/teach/${ID}`)).toMatch(/has no teacher pass/);
    expect(message(`http://x/teach/${ID}#r=abc`)).toMatch(/has no teacher pass/);
    expect(message(`http://x/replay/${ID}#r=abc`)).toMatch(/not a teacher link.*replay link/);
    expect(message(`http://x/show/ABC123`)).toMatch(/^This is not a teacher link/);
    expect(message(`http://x/teach/%E0%A4%A#t=abc`)).toMatch(/damaged/);
  });
});

describe("fileNameOf", () => {
  it("prefers the UTF-8 name, then the plain one", () => {
    expect(fileNameOf(`attachment; filename="synapse-K7QX2M-students.csv"; filename*=UTF-8''synapse-K7QX2M-%C3%A9l%C3%A8ves.csv`)).toBe("synapse-K7QX2M-élèves.csv");
    expect(fileNameOf(`attachment; filename="synapse-K7QX2M-log.json"`)).toBe("synapse-K7QX2M-log.json");
    expect(fileNameOf("attachment; filename=plain.csv")).toBe("plain.csv");
  });

  it("is null without a name", () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf("attachment")).toBeNull();
  });
});

describe("formats", () => {
  it("writes durations and times to answer as a teacher reads them", () => {
    expect(formatDuration(45_400)).toBe("45 s");
    expect(formatDuration(12 * 60_000 + 20_000)).toBe("12 min");
    expect(formatDuration(65 * 60_000)).toBe("1 h 05 min");
    expect(formatAnswerTime(null)).toBe("—");
    expect(formatAnswerTime(4_210)).toBe("4.2 s");
    expect(formatAnswerTime(72_000)).toBe("1 min 12 s");
  });
});
