/**
 * `format=preference`: one JSONL line per ordered pair a final label prefers, for reward-model and
 * DPO training (TRL's preference datasets: prompt / chosen / rejected):
 *
 *   {"chosen":"…","definition":"rank","external_id":"a-1","item_id":"17","prompt":"…","rejected":"…"}
 *
 * Canonical JSON (sorted keys) like every Concord JSONL, so a version exports the same bytes every
 * time; items in ascending id order, definitions in the version's order, then pairs: a ranking's
 * responses by (final rank, position), each before every response ranked strictly lower (K(K-1)/2
 * lines without ties); a pairwise "A" or "B" one line; ties none.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { DEFAULT_PROMPT_FIELD } from "@/lib/label-definitions/label-limits";
import { itemOrderCheck, type TExportRow } from "./export-row";

/** What the export needs of a definition, recorded in the version's manifest at the freeze. */
export type TPreferenceSource =
  | { key: string; kind: "ranking"; promptField: string; responsesField: string }
  | { key: string; kind: "pairwise"; promptField: string; textFields: [string, string] };

export type TPreferencePair = {
  item_id: string;
  external_id: string | null;
  definition: string;
  prompt: unknown;
  chosen: unknown;
  rejected: unknown;
};

/** The definitions that give preference pairs, from the specs current at the freeze. */
export function preferenceSources(specs: readonly TLabelDefinitionSpec[]): TPreferenceSource[] {
  return specs.flatMap((spec): TPreferenceSource[] => {
    if (spec.kind === "ranking")
      return [
        {
          key: spec.key,
          kind: "ranking",
          promptField: spec.promptField ?? DEFAULT_PROMPT_FIELD,
          responsesField: spec.responsesField,
        },
      ];
    if (spec.kind === "pairwise")
      return [
        {
          key: spec.key,
          kind: "pairwise",
          promptField: spec.textField ?? DEFAULT_PROMPT_FIELD,
          textFields: spec.textFields,
        },
      ];
    return [];
  });
}

const field = (data: Record<string, unknown>, name: string): unknown =>
  Object.hasOwn(data, name) && data[name] !== undefined ? data[name] : null;

/** The pairs one row's final labels prefer. */
export function preferencePairs(row: TExportRow, sources: readonly TPreferenceSource[]): TPreferencePair[] {
  const out: TPreferencePair[] = [];
  for (const source of sources) {
    const label = row.labels[source.key];
    const base = {
      item_id: row.itemId,
      external_id: row.externalId,
      definition: source.key,
      prompt: field(row.data, source.promptField),
    };
    if (source.kind === "pairwise") {
      if (label !== "A" && label !== "B") continue;
      const [a, b] = source.textFields.map((f) => field(row.data, f));
      out.push({ ...base, chosen: label === "A" ? a : b, rejected: label === "A" ? b : a });
      continue;
    }
    const responses = row.data[source.responsesField];
    if (!Array.isArray(label) || !Array.isArray(responses) || label.length !== responses.length) continue;
    const ranks = label as number[];
    const order = ranks.map((_, j) => j).sort((x, y) => ranks[x] - ranks[y] || x - y);
    for (let i = 0; i < order.length; i++)
      for (let k = i + 1; k < order.length; k++)
        if (ranks[order[i]] < ranks[order[k]])
          out.push({ ...base, chosen: responses[order[i]], rejected: responses[order[k]] });
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * The preference JSONL of the rows (which must come in ascending item id order). `onPair` sees
 * each pair as it is written (the HF card counts them and infers their features).
 */
export async function* preferenceStream(
  rows: AsyncIterable<TExportRow>,
  sources: readonly TPreferenceSource[],
  onPair?: (pair: TPreferencePair) => void,
): AsyncGenerator<Uint8Array> {
  const checkOrder = itemOrderCheck();
  let buffer = "";
  for await (const row of rows) {
    checkOrder(row.itemId);
    for (const pair of preferencePairs(row, sources)) {
      onPair?.(pair);
      buffer += `${canonicalJson(pair)}\n`;
    }
    if (buffer.length >= 64 * 1024) {
      yield encoder.encode(buffer);
      buffer = "";
    }
  }
  if (buffer.length > 0) yield encoder.encode(buffer);
}

/** Line count, size and sha256 of the preference JSONL, as the manifest records them. */
export async function digestPreference(
  rows: AsyncIterable<TExportRow>,
  sources: readonly TPreferenceSource[],
): Promise<{ lines: number; bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let lines = 0;
  let bytes = 0;
  for await (const chunk of preferenceStream(rows, sources)) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { lines, bytes, sha256: hash.digest("hex") };
}
