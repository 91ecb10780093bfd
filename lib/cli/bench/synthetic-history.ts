// A synthetic labeled project for benchmarks: N items, each with K labels by a pool of annotators,
// streamed through the real import (parser, validation, COPY). bench:import uses it, and so can any
// benchmark that needs a large labeled project (e.g. a 1,000,000-item, 3,000,000-label one).
import { importItems, type TImportItemsResult } from "@/lib/server/items/import-items";

export const SYNTHETIC_DEFINITION = {
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
} as const;

const WORDS = [
  "service",
  "staff",
  "food",
  "price",
  "table",
  "wait",
  "menu",
  "great",
  "slow",
  "friendly",
  "cold",
  "fresh",
];
const VALUES = ["pos", "neg", "neu"];

export function syntheticText(i: number): string {
  return Array.from({ length: 18 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(" ");
}

/** The annotator of label k of item i: a pool of `annotators` names, each item's K labels by K different ones. */
export function syntheticAnnotator(i: number, k: number, annotators: number): string {
  return `worker-${(i + k * 7) % annotators}`;
}

/**
 * The label of annotator k on item i: mostly agreeing, so agreement figures are not degenerate.
 * With `splitEvery`, every splitEvery-th item gets a three-way split instead (no majority), so
 * that the review queue has items to show.
 */
export function syntheticValue(i: number, k: number, splitEvery?: number): string {
  if (splitEvery && i % splitEvery === splitEvery - 1) return VALUES[k % 3];
  return VALUES[(i % 3 === 0 && k === 2 ? i + 1 : i) % 3];
}

/** JSONL of the items with their labels, generated chunk by chunk (constant memory). */
export function syntheticHistoryStream(options: {
  items: number;
  labelsPerItem: number;
  annotators: number;
  /** External ids are `${idPrefix}${i}` (default "item-"): a second batch needs its own. */
  idPrefix?: string;
  splitEvery?: number;
  onBytes?: (bytes: number) => void;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= options.items) return controller.close();
      let chunk = "";
      for (let n = 0; n < 2000 && i < options.items; n++, i++) {
        const annotations = Array.from({ length: options.labelsPerItem }, (_, k) => ({
          annotator: syntheticAnnotator(i, k, options.annotators),
          values: { sentiment: syntheticValue(i, k, options.splitEvery) },
        }));
        chunk +=
          JSON.stringify({
            externalId: `${options.idPrefix ?? "item-"}${i}`,
            data: { text: syntheticText(i), source: "bench" },
            ...(annotations.length ? { annotations } : {}),
          }) + "\n";
      }
      const encoded = encoder.encode(chunk);
      options.onBytes?.(encoded.byteLength);
      controller.enqueue(encoded);
    },
  });
}

/**
 * Imports a synthetic labeled history into a project that has SYNTHETIC_DEFINITION: the way to
 * build a large labeled project quickly (about as fast as raw COPY; see docs/decisions/014).
 */
export async function importSyntheticHistory(options: {
  projectId: string;
  userId: string;
  items: number;
  labelsPerItem?: number;
  /** How many annotators share the labels (default 40). */
  annotators?: number;
  idPrefix?: string;
  splitEvery?: number;
  batchName?: string;
  onBytes?: (bytes: number) => void;
}): Promise<TImportItemsResult> {
  return importItems({
    projectId: options.projectId,
    userId: options.userId,
    input: syntheticHistoryStream({
      items: options.items,
      labelsPerItem: options.labelsPerItem ?? 3,
      annotators: options.annotators ?? 40,
      idPrefix: options.idPrefix,
      splitEvery: options.splitEvery,
      onBytes: options.onBytes,
    }),
    format: "jsonl",
    batchName: options.batchName ?? "synthetic history",
    sourceFileName: null,
  });
}
