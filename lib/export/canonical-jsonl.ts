/**
 * Canonical JSONL, the reference format of an eval-set version: its sha256 is the version's
 * recorded hash, and the Hugging Face archive carries the same bytes as `data/test.jsonl`.
 *
 * - One item a line, in ascending numeric item id order (checked), each line ending in "\n"
 *   (also the last; an empty version is the empty file).
 * - Each line is `canonicalJson` (lib/label-definitions) of the wire row (snake_case, see export-row.ts),
 *   written by its faster twin in lib/label-definitions/canonical-json-fast.ts: object keys sorted recursively by UTF-16
 *   code units, no whitespace, strings and numbers as JSON.stringify writes them (RFC 8785 for
 *   JSON values). NaN, Infinity, bigint and cycles throw.
 * - UTF-8, no BOM. Annotation arrays keep the caller's order (it must be deterministic).
 */
import { createHash } from "node:crypto";

import type { TExportRow } from "./export-row";
import { itemOrderCheck, toWireRow } from "./export-row";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { DEFAULT_CHUNK_CHARS } from "./text-chunks";

/** One canonical line, "\n" included. */
export function encodeJsonlRow(row: TExportRow): string {
  return canonicalJsonFast(toWireRow(row)) + "\n";
}

/**
 * Canonical JSONL as UTF-8 chunks of about 64 KB (one generator, no per-line hop: this is the hot
 * path); memory stays at one chunk plus one row. Throws on rows out of item id order.
 */
export async function* jsonlStream(
  rows: AsyncIterable<TExportRow>,
  options: { chunkChars?: number } = {},
): AsyncGenerator<Uint8Array> {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const checkOrder = itemOrderCheck();
  let text = "";
  for await (const row of rows) {
    text += encodeJsonlRow(row);
    checkOrder(row.itemId);
    if (text.length >= chunkChars) {
      yield Buffer.from(text, "utf8");
      text = "";
    }
  }
  if (text.length > 0) yield Buffer.from(text, "utf8");
}

export type TDigest = { sha256: string; bytes: number; rows: number };

/** sha256 (hex) and size of JSONL bytes fed chunk by chunk; `digest` takes the row count. */
export function jsonlDigester(): { update: (chunk: Uint8Array) => void; digest: (rows: number) => TDigest } {
  const hash = createHash("sha256");
  let bytes = 0;
  return {
    update: (chunk) => {
      hash.update(chunk);
      bytes += chunk.byteLength;
    },
    digest: (rows) => ({ sha256: hash.digest("hex"), bytes, rows }),
  };
}

/** sha256 (hex), size and row count of the canonical JSONL of `rows`, streaming. */
export async function digestJsonl(rows: AsyncIterable<TExportRow>): Promise<TDigest> {
  const digester = jsonlDigester();
  let count = 0;
  async function* counted(): AsyncGenerator<TExportRow> {
    for await (const row of rows) {
      count += 1;
      yield row;
    }
  }
  for await (const chunk of jsonlStream(counted())) digester.update(chunk);
  return digester.digest(count);
}

/** sha256 (hex) of the canonical JSONL of `rows`. */
export async function sha256OfJsonl(rows: AsyncIterable<TExportRow>): Promise<string> {
  return (await digestJsonl(rows)).sha256;
}
