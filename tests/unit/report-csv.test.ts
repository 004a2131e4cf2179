/**
 * The CSV files, cell by cell: RFC 4180 quoting, the byte-order mark, CRLF, numbers bare,
 * and no formula injection from nicknames (OWASP: a leading ' before =, +, -, @, tab, CR).
 */
import { describe, expect, it } from "vitest";
import { reportOf } from "../../lib/report/builder";
import { csvCell, csvFile, questionsCsv, studentsCsv } from "../../lib/report/csv";
import { REPORT_LOG } from "./report-fixture";

/** Splits a CSV file into rows of cells (RFC 4180), keeping the quotes' meaning. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  expect(cell).toBe(""); // the file ends with CRLF
  return rows;
}

describe("CSV cells", () => {
  it("quotes text, doubles quotes, keeps commas, newlines, accents and emoji", () => {
    expect(csvCell("Ada")).toBe('"Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvCell("Zoé 🦊 Ñandú 👨‍👩‍👧")).toBe('"Zoé 🦊 Ñandú 👨‍👩‍👧"');
    expect(csvCell("")).toBe('""');
  });

  it("neutralises every formula start with a leading apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1+1")).toBe(`"'\t=1+1"`);
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
    // Only a formula start counts: the same characters later are left alone.
    expect(csvCell("a=b-c+@d")).toBe('"a=b-c+@d"');
    expect(csvCell(" =1")).toBe('" =1"');
  });

  it("writes numbers bare (negative ones stay numbers) and nothing as an empty cell", () => {
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(0.25)).toBe("0.25");
    expect(csvCell(1e21)).toBe("1e+21");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("starts a file with the byte-order mark and ends every row with CRLF", () => {
    const file = csvFile(["A", "B"], [["x", 1], [null, "-y"]]);
    expect(file).toBe('\uFEFF"A","B"\r\n"x",1\r\n,"\'-y"\r\n');
    expect(Buffer.from(file, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("the report's two files", () => {
  const report = reportOf(REPORT_LOG, { sessionId: "s-1", code: "K7QF3M" });

  it("questions.csv: one row per question, cell by cell", () => {
    const text = questionsCsv(report);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ["Number", "Question id", "Kind", "Prompt", "Launched at", "Students", "Answered", "Correct", "Share correct", "Median time (s)", "Mean time (s)", "Distribution"],
      ["1", "which-act", "choice", "Which activation keeps positives and zeroes negatives?", "2023-11-14T22:13:30.000Z", "3", "3", "2", "0.6667", "4", "4.333", "A: ReLU = 2; B: sigmoid = 1; C: tanh = 0"],
      ["2", "sure", "poll", "How sure are you?", "2023-11-14T22:13:50.000Z", "3", "2", "", "", "2", "2", "A: Very = 1; B: A bit = 0; C: Not at all = 1"],
      ["3", "half-twice", "numeric", "What is 0.5 × 2?", "2023-11-14T22:14:00.000Z", "3", "2", "1", "0.5", "4", "4", "Right = 1; Wrong = 1"],
      ["4", "double", "code", "Write double(x).", "2023-11-14T22:14:10.000Z", "3", "2", "1", "0.5", "25", "25", "double(3) = 2; double(-1) = 1"],
    ]);
    // Numbers bare, text quoted: the raw second row.
    expect(text.split("\r\n")[1]).toBe(
      '1,"which-act","choice","Which activation keeps positives and zeroes negatives?","2023-11-14T22:13:30.000Z",3,3,2,0.6667,4,4.333,"A: ReLU = 2; B: sigmoid = 1; C: tanh = 0"',
    );
  });

  it("students.csv: one row per student, four columns per question, names that cannot run", () => {
    const text = studentsCsv(report);
    const q = (n: number) => [`Q${n} answer`, `Q${n} correct`, `Q${n} points`, `Q${n} time (s)`];
    expect(parseCsv(text.slice(1))).toEqual([
      ["Nickname", "Seat", "Score", "Rank", "Moves", "Last weights", "Last bias", ...q(1), ...q(2), ...q(3), ...q(4)],
      ["Ada", "Hidden layer, neuron 1", "1000", "2", "2", "[1, -0.5]", "0.5", "A: ReLU", "yes", "1000", "2", "C: Not at all", "", "0", "1.5", "0.5", "no", "0", "5", "1 of 2 tests", "no", "0", "20"],
      [`'=HYPERLINK("http://x","y")`, "Hidden layer, neuron 2", "1100", "1", "1", "[0.5, 1.8]", "-1", "B: sigmoid", "no", "0", "4", "", "", "", "", "1", "yes", "0", "3", "2 of 2 tests", "yes", "1100", "30"],
      ['Zoé, "the fox" 🦊', "", "900", "", "0", "", "", "A: ReLU", "yes", "900", "7", "A: Very", "", "0", "2.5", "", "", "", "", "", "", "", ""],
    ]);
    const lines = text.split("\r\n");
    expect(lines[2]!.startsWith(`"'=HYPERLINK(""http://x"",""y"")","Hidden layer, neuron 2",1100,1,1,"[0.5, 1.8]",-1,`)).toBe(true);
    expect(lines[3]!.startsWith(`"Zoé, ""the fox"" 🦊",,900,,0,,,"A: ReLU","yes",900,7,`)).toBe(true);
  });

  it("neutralises nicknames that look like formulas, numbers or commands", () => {
    for (const [nickname, cell] of [
      ["+1", `"'+1"`],
      ["-2", `"'-2"`],
      ["@SUM(A1)", `"'@SUM(A1)"`],
      ["a, b\nc", '"a, b\nc"'],
    ] as const) {
      const renamed = { ...report, students: [{ ...report.students[0]!, nickname }] };
      expect(studentsCsv(renamed).split("\r\n")[1]!.startsWith(`${cell},`)).toBe(true);
    }
  });
});
