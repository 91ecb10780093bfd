import "server-only";
import { canonicalJsonlLine } from "@/lib/eval-sets/jsonl-line";
import { DEFAULT_CHUNK_CHARS } from "@/lib/export/text-chunks";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { readVersionPages, type TPageOptions } from "./read-version-rows";

/**
 * A frozen version's canonical JSONL (no annotations) as UTF-8 chunks of about 64 KB: each line is
 * put together from the canonical JSON text the version stores, so nothing is parsed or encoded
 * again. The bytes equal lib/export's jsonlStream of the parsed rows (lib/eval-sets/jsonl-line.ts
 * says why); the freeze hashes exactly this stream, and the export sends it.
 */
export async function* readVersionJsonl(
  q: TDb,
  versionId: string,
  options: TPageOptions = {},
): AsyncGenerator<Uint8Array> {
  let text = "";
  const columns = "item_id, external_id, data_json, labels_json";
  for await (const rows of readVersionPages(q, versionId, { ...options, columns })) {
    for (const [itemId, externalId, data, labels] of rows) {
      text += canonicalJsonlLine(itemId, externalId, data, labels);
      if (text.length >= DEFAULT_CHUNK_CHARS) {
        yield Buffer.from(text, "utf8");
        text = "";
      }
    }
  }
  if (text.length > 0) yield Buffer.from(text, "utf8");
}
