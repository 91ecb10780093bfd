import { describe, expect, it } from "vitest";
import { rejectedLines, rejectRows, rejectsJsonl } from "./rejects-file";

const skipped = [
  { line: 3, errors: [{ path: "data", message: "data must be an object, got a string" }] },
  {
    line: 5,
    errors: [
      { path: "data.text", message: "text field 'text' is empty" },
      { path: "accept", message: "no option 'x'", line: 6 },
    ],
  },
];

describe("the rejects of a skip-bad-records import", () => {
  it("lists each problem on its own line number", () => {
    expect(rejectRows(skipped)).toEqual([
      { line: 3, path: "data", message: "data must be an object, got a string" },
      { line: 5, path: "data.text", message: "text field 'text' is empty" },
      { line: 6, path: "accept", message: "no option 'x'" },
    ]);
    expect([...rejectedLines(skipped)]).toEqual([3, 5]);
  });

  it("downloads one JSONL line per skipped record, quoting the record from the file", () => {
    const out = rejectsJsonl(
      skipped,
      new Map([
        [3, '{"data":"not an object"}'],
        [5, "{broken"],
      ]),
    );
    const lines = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { line: 3, errors: skipped[0].errors, record: { data: "not an object" } },
      { line: 5, errors: skipped[1].errors, source: "{broken" },
    ]);
    expect(out.endsWith("\n")).toBe(true);
  });

  it("gives line and errors alone where the file's records are not lines", () => {
    expect(JSON.parse(rejectsJsonl(skipped.slice(0, 1), new Map()))).toEqual({
      line: 3,
      errors: skipped[0].errors,
    });
  });
});
