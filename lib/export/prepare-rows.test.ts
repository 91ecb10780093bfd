import { describe, expect, it } from "vitest";

import { anonymizer, sequentialAnonymizer } from "./anonymize";
import { encodeJsonlRow } from "./canonical-jsonl";
import type { TExportRow } from "./export-row";
import { prepareRows } from "./prepare-rows";
import { testRows } from "@/lib/testing/test-rows";

async function collect(rows: AsyncIterable<TExportRow>): Promise<TExportRow[]> {
  const out: TExportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe("prepareRows", () => {
  it("drops annotations unless they are included", async () => {
    const rows = await collect(prepareRows(testRows(3, { annotations: true }), {}));
    expect(rows.every((row) => !("annotations" in row))).toBe(true);
    expect(encodeJsonlRow(rows[0])).not.toContain("annotations");
  });

  it("anonymizes annotator ids with the given anonymizer", async () => {
    const salt = "0b7a5a56-3c1e-4a53-9d55-2b1f3a0c9e11";
    const rows = await collect(
      prepareRows(testRows(8, { annotations: true }), {
        includeAnnotations: true,
        annotators: { anonymize: anonymizer(salt) },
      }),
    );
    const names = rows.flatMap((row) => row.annotations?.map((a) => a.annotator) ?? []);
    expect(names).toHaveLength(16);
    expect(names.every((name) => /^annotator-[0-9a-f]{8}$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(4); // user-0 .. user-3
    const again = await collect(
      prepareRows(testRows(8, { annotations: true }), {
        includeAnnotations: true,
        annotators: { anonymize: anonymizer(salt) },
      }),
    );
    expect(again).toEqual(rows);
  });

  it("numbers annotators or keeps raw ids when asked, and gives rows without annotations []", async () => {
    const numbered = await collect(
      prepareRows(testRows(2, { annotations: true }), {
        includeAnnotations: true,
        annotators: { anonymize: sequentialAnonymizer() },
      }),
    );
    expect(numbered.map((row) => row.annotations?.map((a) => a.annotator))).toEqual([
      ["annotator-1", "annotator-2"],
      ["annotator-2", "annotator-3"],
    ]);
    const raw = await collect(
      prepareRows(testRows(1, { annotations: true }), { includeAnnotations: true, annotators: "raw" }),
    );
    expect(raw[0].annotations?.map((a) => a.annotator)).toEqual(["user-0", "user-1"]);
    const none = await collect(prepareRows(testRows(1), { includeAnnotations: true, annotators: "raw" }));
    expect(none[0].annotations).toEqual([]);
  });
});
