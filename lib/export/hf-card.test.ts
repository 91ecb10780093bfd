import { describe, expect, it } from "vitest";

import type { TCardInput } from "./hf-card";
import { renderDatasetCard } from "./hf-card";
import { codeSpan, escapeMarkdown, humanizeKey, manifestMarkdown, valueLines } from "./manifest-markdown";
import { TEST_MANIFEST } from "@/lib/testing/test-rows";
import { loadYaml } from "@/lib/testing/load-yaml";

const input: TCardInput = {
  manifest: TEST_MANIFEST,
  features: [
    { name: "item_id", dtype: "string" },
    { name: "labels", struct: [{ name: "sentiment", dtype: "string" }] },
  ],
  dataPath: "data/test.jsonl",
  rows: 3,
  files: [{ path: "data/test.jsonl", bytes: 10, sha256: "ab".repeat(32), rows: 3 }],
  annotations: true,
};

/** Reverses key order at every depth. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe("manifest markdown", () => {
  it("escapes Markdown and HTML in values", () => {
    expect(escapeMarkdown("a *b* <i>c</i> [d](e) | f_g\nh")).toBe(
      "a \\*b\\* \\<i\\>c\\</i\\> \\[d\\](e) \\| f\\_g h",
    );
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x")).toBe("`` `x ``");
    expect(humanizeKey("labelDistribution")).toBe("Label distribution");
    expect(humanizeKey("guidelines_hash")).toBe("Guidelines hash");
  });

  it("renders lists of objects as tables and objects of objects as sub-sections", () => {
    expect(valueLines(TEST_MANIFEST.definitions, 4)).toEqual([
      "| guidelinesHash | key | specHash | version |",
      "| --- | --- | --- | --- |",
      "| a3f1c0de | sentiment | bb01 | 2 |",
      "| c4d2e0f1 | rating | cc02 | 1 |",
    ]);
    expect(valueLines(TEST_MANIFEST.labelDistribution, 4)).toEqual([
      "#### sentiment",
      "",
      "- **neg**: 1",
      "- **neu**: 1",
      "- **pos**: 1",
    ]);
    expect(valueLines([{ a: "x|y", b: { c: "|" } }], 4)[2]).toBe('| x\\|y | `{"c":"\\|"}` |');
    expect(valueLines({ a: { b: { c: 1 } } }, 5)).toEqual([
      "```json",
      '{\n  "a": {\n    "b": {\n      "c": 1\n    }\n  }\n}',
      "```",
    ]);
  });

  it("does not depend on key order", () => {
    expect(manifestMarkdown(reversed(TEST_MANIFEST) as Record<string, unknown>)).toBe(
      manifestMarkdown(TEST_MANIFEST),
    );
  });
});

describe("renderDatasetCard", () => {
  it("starts with front matter that `datasets` reads", async () => {
    const card = renderDatasetCard(input);
    const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
    expect(match).not.toBeNull();
    expect(await loadYaml(match![1])).toEqual({
      pretty_name: "support-sentiment-eval (version 3)",
      configs: [{ config_name: "default", data_files: [{ split: "test", path: "data/test.jsonl" }] }],
      dataset_info: {
        features: input.features,
        splits: [{ name: "test", num_examples: 3 }],
      },
    });
  });

  it("renders the manifest sections, who and when included", () => {
    const card = renderDatasetCard(input);
    expect(card).toContain("# support-sentiment-eval\n");
    expect(card).toContain("Frozen evaluation set exported from Concord, version 3.");
    expect(card).toContain(`| \`data/test.jsonl\` | 3 | 10 | \`${"ab".repeat(32)}\` |`);
    expect(card).toContain("### Frozen by\n\n- **email**: ada@example.com\n- **name**: Ada \\| Lovelace");
    expect(card).toContain("### Frozen at\n\n2025-01-02T03:04:05.000Z");
    expect(card).toContain(
      "### Agreement\n\n#### sentiment\n\n- **krippendorffAlpha**: 0.71\n- **pairs**: 3",
    );
    expect(card).toContain(
      "### Notes\n\nValues \\*with\\* markdown\\_chars \\<b\\>and\\</b\\> a \\[link\\](x).",
    );
    expect(card).toContain("`annotations` (list)");
    expect(card.endsWith("\n")).toBe(true);
    expect(
      renderDatasetCard({ ...input, manifest: reversed(TEST_MANIFEST) as Record<string, unknown> }),
    ).toBe(card);
  });

  it("works without a manifest and without features", async () => {
    const card = renderDatasetCard({ ...input, manifest: undefined, features: null, annotations: false });
    expect(card).toContain("# Evaluation set\n");
    expect(card).not.toContain("## Manifest");
    expect(card).not.toContain("`annotations`");
    const front = (await loadYaml(/^---\n([\s\S]*?)\n---\n/.exec(card)![1])) as Record<string, unknown>;
    expect(front).not.toHaveProperty("pretty_name");
    expect(front.dataset_info).toEqual({ splits: [{ name: "test", num_examples: 3 }] });
  });
});
