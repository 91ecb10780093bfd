/**
 * Synthetic eval-set rows for the export tests and the benchmark (no database). Deterministic:
 * row i is always the same. `data` is ~200 bytes of JSON; labels cover the value kinds that label
 * definitions produce (choice string, multi-choice list, rating number, spans, null).
 */
import type { TExportColumns, TExportRow, TManifest } from "@/lib/export/export-row";

const WORDS = ["annotation", "label", "quality", "review", "sample", "model", "token", "agreement"];
const SENTIMENTS = ["neg", "neu", "pos"];

export const TEST_COLUMNS: TExportColumns = {
  data: ["lang", "meta", "source", "text"],
  labels: ["rating", "sentiment", "spans", "topics"],
};

export function testRow(i: number, options: { annotations?: boolean } = {}): TExportRow {
  const words = `${WORDS[i % 8]} ${WORDS[(i * 7) % 8]} ${WORDS[(i * 5 + 3) % 8]}`;
  const row: TExportRow = {
    itemId: String(1000 + i),
    externalId: i % 10 === 0 ? null : `ext-${i}`,
    data: {
      text: `Item ${i}: the ${words} text, long enough to look like a sentence, "quoted", naïve.`,
      source: i % 3 === 0 ? "forum" : "support-ticket",
      lang: i % 5 === 0 ? "de" : "en",
      meta: { length: 60 + (i % 40), score: (i % 100) / 8, tags: [WORDS[i % 8]] },
    },
    labels: {
      sentiment: SENTIMENTS[i % 3],
      topics: i % 4 === 0 ? [] : [WORDS[i % 8], WORDS[(i + 1) % 8]],
      rating: i % 7 === 0 ? null : (i % 5) + 1,
      spans: i % 2 === 0 ? [{ start: 0, end: 4, label: "ITEM" }] : [],
    },
  };
  if (options.annotations) {
    row.annotations = [
      {
        annotator: `user-${i % 4}`,
        values: { sentiment: SENTIMENTS[i % 3] },
        definitionVersions: { sentiment: 2 },
      },
      {
        annotator: `user-${(i + 1) % 4}`,
        values: { sentiment: SENTIMENTS[(i + 1) % 3], rating: 3 },
        definitionVersions: { sentiment: 2, rating: 1 },
      },
    ];
  }
  return row;
}

export async function* testRows(count: number, options: { annotations?: boolean } = {}) {
  for (let i = 0; i < count; i++) yield testRow(i, options);
}

export async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

export const TEST_MANIFEST: TManifest = {
  name: "support-sentiment-eval",
  version: 3,
  evalSetVersionId: "0b7a5a56-3c1e-4a53-9d55-2b1f3a0c9e11",
  sha256: "to be filled by the test",
  counts: { items: 3, annotations: 6 },
  labelDistribution: { sentiment: { neg: 1, neu: 1, pos: 1 } },
  agreement: { sentiment: { krippendorffAlpha: 0.71, pairs: 3 } },
  definitions: [
    { key: "sentiment", version: 2, guidelinesHash: "a3f1c0de", specHash: "bb01" },
    { key: "rating", version: 1, guidelinesHash: "c4d2e0f1", specHash: "cc02" },
  ],
  frozenBy: { name: "Ada | Lovelace", email: "ada@example.com" },
  frozenAt: "2025-01-02T03:04:05.000Z",
  notes: "Values *with* markdown_chars <b>and</b> a [link](x).",
};
