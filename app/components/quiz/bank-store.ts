/**
 * The teacher's own questions: kept in this browser's localStorage (no account), exported
 * and imported as a bank file (`{ format: "synapse-question-bank", version: 1, questions }`,
 * docs/quizzes.md). Problems are listed by path, in words, for the editor and the import.
 */
import type { z } from "zod";
import { BANK_FORMAT, bankSchema, questionSchema } from "../../../lib/quiz/schema";
import type { Question } from "../../../lib/quiz/types";

export const BANK_STORAGE_KEY = "synapse:question-bank";
/** Most problems an import lists (the file may be wrong everywhere). */
export const MAX_PROBLEMS = 20;

type StorageLike = Pick<Storage, "getItem" | "setItem">;

export interface Problem {
  /** The path of the bad value as the file writes it: `questions[2].choices[1]`. */
  path: string;
  message: string;
}

/**
 * A zod issue's path as the file spells it.
 * @example
 * pathText(["questions", 2, "choices", 1]); // "questions[2].choices[1]"
 */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/** A zod issue in plain words ("must not be empty" rather than "Too small: expected string to have >=1 characters"). */
export function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "must not be empty" : `needs at least ${min} characters`;
      if (issue.origin === "array") return `needs at least ${min} ${min === 1 ? "entry" : "entries"}`;
      return `must be at least ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${max} characters`;
      if (issue.origin === "array") return `has more than ${max} entries`;
      return `must be at most ${max}`;
    }
    case "invalid_type":
      return /received undefined/.test(issue.message) ? `is missing (expected ${article(issue.expected)})` : `expected ${article(issue.expected)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      return "kind must be one of choice, numeric, output, bug, blanks, order, poll, parametric, code";
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "an object";
  if (type === "int") return "a whole number";
  return `a ${type}`;
}

export function problemsOf(issues: readonly z.core.$ZodIssue[], limit = MAX_PROBLEMS): Problem[] {
  return issues.slice(0, limit).map((issue) => ({ path: pathText(issue.path), message: issueWords(issue) }));
}

/**
 * Reads a bank file's text: its questions, or what is wrong with it, by path.
 * @example
 * readBankFile('{"format":"synapse-question-bank","version":1,"questions":[]}'); // { ok: true, questions: [] }
 */
export function readBankFile(text: string): { ok: true; questions: Question[] } | { ok: false; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: "(file)", message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const parsed = bankSchema.safeParse(data);
  if (!parsed.success) {
    const all = parsed.error.issues;
    const problems = problemsOf(all);
    if (all.length > problems.length) problems.push({ path: "…", message: `and ${all.length - problems.length} more problems` });
    return { ok: false, problems };
  }
  return { ok: true, questions: parsed.data.questions };
}

/** The bank as a file's text (pretty, so a teacher can read and edit it). */
export function bankFileText(questions: readonly Question[]): string {
  return `${JSON.stringify({ format: BANK_FORMAT, version: 1, questions }, null, 2)}\n`;
}

/**
 * The questions kept in this browser; a question that no longer validates is dropped, not
 * the whole bank.
 */
export function loadBank(storage: StorageLike | null): Question[] {
  const raw = storage?.getItem(BANK_STORAGE_KEY);
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const list = (data as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: Question[] = [];
  for (const item of list) {
    const q = questionSchema.safeParse(item);
    if (q.success && !seen.has(q.data.id)) {
      seen.add(q.data.id);
      out.push(q.data);
    }
  }
  return out;
}

/** Keeps the bank in this browser; false when the browser refused (storage full or blocked). */
export function storeBank(storage: StorageLike | null, questions: readonly Question[]): boolean {
  try {
    storage?.setItem(BANK_STORAGE_KEY, bankFileText(questions));
    return storage !== null;
  } catch {
    return false;
  }
}

/**
 * The bank with `incoming` added: a question with the id of one already there replaces it
 * in place; new ones go at the end.
 * @example
 * mergeQuestions([a, b], [b2, c]); // [a, b2, c]
 */
export function mergeQuestions(bank: readonly Question[], incoming: readonly Question[]): Question[] {
  const out = [...bank];
  for (const q of incoming) {
    const i = out.findIndex((x) => x.id === q.id);
    if (i >= 0) out[i] = q;
    else out.push(q);
  }
  return out;
}

/** A fresh id for a new question: "my-" and something unlikely to repeat. */
export function newQuestionId(now: number = Date.now(), random: () => number = Math.random): string {
  return `my-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`;
}
