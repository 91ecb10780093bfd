import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TExportRow } from "./export-row";
import { digestPreference, preferencePairs, preferenceSources, preferenceStream } from "./preference";

const sources = preferenceSources([
  ZLabelDefinitionSpec.parse({ key: "rank", kind: "ranking", allowTies: true }),
  ZLabelDefinitionSpec.parse({
    key: "ab",
    kind: "pairwise",
    textFields: ["left", "right"],
    textField: "question",
  }),
  ZLabelDefinitionSpec.parse({ key: "topic", kind: "single_choice", options: [{ key: "x" }] }),
]);

const row = (itemId: string, labels: Record<string, unknown>): TExportRow => ({
  itemId,
  externalId: `e${itemId}`,
  data: { prompt: "P", question: "Q", responses: ["r0", "r1", "r2", "r3"], left: "L", right: "R" },
  labels,
});

async function* rows(list: TExportRow[]) {
  yield* list;
}

describe("preference pairs", () => {
  it("reads the definitions that prefer: rankings and pairwise (prompt field default 'prompt')", () => {
    expect(sources).toEqual([
      { key: "rank", kind: "ranking", promptField: "prompt", responsesField: "responses" },
      { key: "ab", kind: "pairwise", promptField: "question", textFields: ["left", "right"] },
    ]);
  });

  it("a ranking of K responses without ties gives K(K-1)/2 pairs, better before worse", () => {
    const pairs = preferencePairs(row("1", { rank: [2, 4, 1, 3] }), sources);
    expect(pairs).toHaveLength(6);
    expect(pairs.map((p) => `${String(p.chosen)}>${String(p.rejected)}`)).toEqual([
      "r2>r0",
      "r2>r3",
      "r2>r1",
      "r0>r3",
      "r0>r1",
      "r3>r1",
    ]);
    expect(pairs[0]).toEqual({
      item_id: "1",
      external_id: "e1",
      definition: "rank",
      prompt: "P",
      chosen: "r2",
      rejected: "r0",
    });
  });

  it("tied responses give no pair between them; pairwise A and B one line, a tie none", () => {
    // [1, 2, 2, 3]: 1 over three, each 2 over the 3: 3 + 2 = 5 pairs (not 6).
    expect(preferencePairs(row("1", { rank: [1, 2, 2, 3] }), sources)).toHaveLength(5);
    expect(preferencePairs(row("1", { rank: [1, 1, 1, 1] }), sources)).toHaveLength(0);
    expect(preferencePairs(row("1", { ab: "A" }), sources)).toEqual([
      { item_id: "1", external_id: "e1", definition: "ab", prompt: "Q", chosen: "L", rejected: "R" },
    ]);
    expect(preferencePairs(row("1", { ab: "B" }), sources)[0]).toMatchObject({ chosen: "R", rejected: "L" });
    expect(preferencePairs(row("1", { ab: "tie", rank: null }), sources)).toEqual([]);
  });

  it("writes canonical JSON lines, the same bytes every time, and digests them", async () => {
    const list = [row("1", { rank: [1, 2, 3, 4], ab: "B" }), row("2", { rank: null, ab: "A" })];
    const text = async () => {
      let out = "";
      for await (const chunk of preferenceStream(rows(list), sources))
        out += Buffer.from(chunk).toString("utf8");
      return out;
    };
    const first = await text();
    expect(first).toBe(await text());
    const lines = first.trimEnd().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe(
      '{"chosen":"L","definition":"ab","external_id":"e2","item_id":"2","prompt":"Q","rejected":"R"}',
    );
    const digest = await digestPreference(rows(list), sources);
    expect(digest).toEqual({
      lines: 8,
      bytes: Buffer.byteLength(first),
      sha256: createHash("sha256").update(first).digest("hex"),
    });
  });

  it("refuses rows out of item order (the bytes depend on it)", async () => {
    const out = preferenceStream(rows([row("2", {}), row("1", {})]), sources);
    await expect(async () => {
      for await (const chunk of out) void chunk;
    }).rejects.toThrow(/sorted by item id/);
  });
});
