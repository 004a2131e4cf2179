/**
 * A small Python tokenizer for highlighting code listings on phones, the dashboard and the
 * projector: keywords, built-ins, strings (f-strings included), numbers, comments and the
 * rest. It colours; it does not parse, so odd code still shows every character, in order.
 */

export type TokenKind = "keyword" | "builtin" | "string" | "number" | "comment" | "plain";

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);
const BUILTINS = new Set("abs all any enumerate float int len list map max min print range round sorted str sum zip".split(" "));

// One alternative per token kind, tried in this order at each position.
const PATTERN = /(#.*)|([rRbBfFuU]{0,2}(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))|(\b\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\b|\.\d+\b)|([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * @example
 * tokenizeLine("return max(0, x)  # ReLU"); // keyword "return", builtin "max", plain "(", number "0", …, comment "# ReLU"
 */
export function tokenizeLine(line: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    if (!text) return;
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  let at = 0;
  for (const m of line.matchAll(PATTERN)) {
    push("plain", line.slice(at, m.index));
    const [text, comment, string, number, word] = m;
    if (comment) push("comment", text);
    else if (string) push("string", text);
    else if (number) push("number", text);
    else if (word) push(KEYWORDS.has(word) ? "keyword" : BUILTINS.has(word) ? "builtin" : "plain", text);
    at = m.index + text.length;
  }
  push("plain", line.slice(at));
  return tokens;
}

/** Every line of a listing, tokenized. */
export function tokenizeCode(code: string): Token[][] {
  return code.split("\n").map(tokenizeLine);
}
