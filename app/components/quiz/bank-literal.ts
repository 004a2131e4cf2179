/**
 * A code test's arguments and expected value as the question editor takes them: Python
 * literals, as a call and a `return` write them (`[0.9, 0.8, 0], 0.5` and `'spam'`). JSON
 * reads the same way (double quotes, `true`, `false` and `null` are accepted too). Tuples
 * become lists, as the grader compares them. `pyLiteral` (lib/quiz/code-judge.ts) writes a
 * value back, so a saved question opens in the editor as it was typed. Problems are named in
 * words with the character where they are.
 */
import type { JsonValue } from "../../../lib/quiz/code-run";
import { pyLiteral } from "../../../lib/quiz/code-judge";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Deepest nesting read (the schema allows less; this only keeps the reader safe). */
const MAX_DEPTH = 32;

const NAMES: Record<string, JsonValue> = { True: true, False: false, None: null, true: true, false: false, null: null };
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"', "\n": "" };
const NUMBER = /[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

class LiteralError extends Error {}

/** Reads literals from `text`; `at` is the index of the next character. */
class Reader {
  at = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.at): never {
    throw new LiteralError(`${message} (${at >= this.text.length ? "at the end" : `character ${at + 1}`})`);
  }

  space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  peek(): string {
    this.space();
    return this.text[this.at] ?? "";
  }

  value(depth = 0): JsonValue {
    if (depth > MAX_DEPTH) this.fail("too deeply nested");
    const c = this.peek();
    if (c === "") this.fail("a value is missing");
    if (c === "[") return this.list("]", depth);
    if (c === "(") return this.tuple(depth);
    if (c === "{") return this.dict(depth);
    if (c === "'" || c === '"') return this.string();
    NUMBER.lastIndex = this.at;
    const num = NUMBER.exec(this.text);
    if (num) {
      const value = Number(num[0].replace(/_/g, ""));
      if (!Number.isFinite(value)) this.fail(`${num[0]} is too large a number`);
      this.at += num[0].length;
      return value;
    }
    NAME.lastIndex = this.at;
    const name = NAME.exec(this.text);
    if (name) {
      const word = name[0];
      if (Object.hasOwn(NAMES, word)) {
        this.at += word.length;
        return NAMES[word]!;
      }
      if (/^[rbfu]+$/i.test(word) && /['"]/.test(this.text[this.at + word.length] ?? "")) this.fail(`write a plain string, without the ${word} prefix,`);
      this.fail(`${word} is not a value: put text in quotes ('${word}'); True, False and None are the only names`);
    }
    this.fail(`unexpected ${JSON.stringify(c)}: expected a number, a string in quotes, True, False, None, a list or a dict`);
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed. */
  items(close: string, depth: number, item: () => void): number {
    const open = this.at;
    this.at++;
    let count = 0;
    for (;;) {
      const c = this.peek();
      if (c === close) {
        this.at++;
        return count;
      }
      if (c === "") this.fail(`${JSON.stringify(this.text[open])} is not closed: add ${JSON.stringify(close)}`, open);
      item();
      count++;
      const next = this.peek();
      if (next === ",") this.at++;
      else if (next === "") this.fail(`${JSON.stringify(this.text[open])} is not closed: add ${JSON.stringify(close)}`, open);
      else if (next !== close) this.fail(`expected "," or ${JSON.stringify(close)}`);
    }
  }

  list(close: string, depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.items(close, depth, () => out.push(this.value(depth + 1)));
    return out;
  }

  /** `(1, 2)` and `(1,)` are lists; `(1)` is just 1, as in Python. */
  tuple(depth: number): JsonValue {
    const start = this.at;
    const out = this.list(")", depth);
    const inner = this.text.slice(start + 1, this.at - 1).trim();
    return out.length === 1 && !inner.endsWith(",") ? out[0]! : out;
  }

  dict(depth: number): JsonValue {
    const out: Record<string, JsonValue> = {};
    this.items("}", depth, () => {
      const keyAt = this.at;
      const key = this.value(depth + 1);
      if (this.peek() !== ":") this.fail(typeof key === "string" ? 'expected ":" after the key' : "a set is not a value here: use a list [...]");
      if (typeof key !== "string") this.fail("a dict's keys must be strings in quotes", keyAt);
      this.at++;
      out[key] = this.value(depth + 1);
    });
    return out;
  }

  string(): string {
    const quote = this.text[this.at]!;
    const start = this.at;
    this.at++;
    let out = "";
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === "\n") this.fail(`a string is not closed: add ${quote}`, start);
      this.at++;
      if (c === quote) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.at] ?? "";
      const hex = e === "x" ? 2 : e === "u" ? 4 : 0;
      if (hex) {
        const digits = this.text.slice(this.at + 1, this.at + 1 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) this.fail(`\\${e} needs ${hex} hex digits`, this.at - 1);
        out += String.fromCharCode(parseInt(digits, 16));
        this.at += 1 + hex;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        this.at++;
      } else {
        // Python keeps an unknown escape as it is ("\d" is a backslash and a d).
        out += "\\";
      }
    }
  }

  end(what: string): void {
    const c = this.peek();
    if (c === ",") this.fail(`${what} is one value: for several, write a list [..., ...]`);
    if (c !== "") this.fail(`unexpected ${JSON.stringify(c)} after the value`);
  }
}

function read<T>(text: string, body: (r: Reader) => T): Parsed<T> {
  try {
    return { ok: true, value: body(new Reader(text)) };
  } catch (err) {
    if (err instanceof LiteralError) return { ok: false, message: err.message };
    throw err;
  }
}

/**
 * One value, as a function returns it.
 * @example
 * parseValue("'spam'"); // { ok: true, value: "spam" }
 * parseValue("spam"); // { ok: false, message: "spam is not a value: put text in quotes ('spam'); … (character 1)" }
 */
export function parseValue(text: string): Parsed<JsonValue> {
  return read(text, (r) => {
    if (r.peek() === "") r.fail("write the expected value (a number, 'text', True, a list…)");
    const value = r.value();
    r.end("the expected value");
    return value;
  });
}

/**
 * The arguments of a call, as written between its parentheses (nothing: no arguments).
 * @example
 * parseArgs("[0.9, 0.8, 0], 0.5"); // { ok: true, value: [[0.9, 0.8, 0], 0.5] }
 */
export function parseArgs(text: string): Parsed<JsonValue[]> {
  return read(text, (r) => {
    const args: JsonValue[] = [];
    while (r.peek() !== "") {
      args.push(r.value());
      const next = r.peek();
      if (next === ",") r.at++;
      else if (next !== "") r.fail('expected "," between arguments');
    }
    return args;
  });
}

/**
 * Arguments as the editor shows them.
 * @example
 * argsText([[0.9, 0.8, 0], 0.5]); // "[0.9, 0.8, 0], 0.5"
 */
export const argsText = (args: readonly JsonValue[]): string => args.map(pyLiteral).join(", ");
