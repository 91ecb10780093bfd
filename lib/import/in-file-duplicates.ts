import type { TImportRecord } from "./import-types";
import { murmur3x86128 } from "./murmur3-128";
import { hexWord, SeenKeyIndex } from "./seen-key-index";

export type TDuplicateCheck =
  | { kind: "new" }
  | { kind: "duplicate"; duplicateOfLine: number; reason: "externalId" | "content" }
  | { kind: "idConflict"; duplicateOfLine: number };

const NEW: TDuplicateCheck = { kind: "new" };

/**
 * Duplicate detection inside one file, in bounded memory (see SeenKeyIndex).
 * - A record with an externalId is a duplicate of an earlier record with the same externalId and
 *   the same data; the same externalId with different data is a conflict.
 * - A record without one is identified by its data: it duplicates an earlier record without an
 *   externalId whose data has the same contentHash. (Records with different externalIds may share
 *   data: two tweets can both say "thanks!".)
 *
 * Keys: contentHash (sha256) for data; MurmurHash3-128 of the id for ids (a sha256 call per id
 * cost 10% of the import's time). Data equality for ids is judged by 64 bits of contentHash.
 */
export class InFileDuplicates {
  private readonly ids = new SeenKeyIndex(true);
  private readonly contents = new SeenKeyIndex(false);
  private readonly idHash = new Uint32Array(4);

  check(record: TImportRecord, line: number): TDuplicateCheck {
    const hash = record.contentHash;
    if (record.externalId !== null) {
      const key = this.idHash;
      murmur3x86128(record.externalId, key);
      const t0 = hexWord(hash, 0);
      const t1 = hexWord(hash, 8);
      const slot = this.ids.findOrInsert(key[0], key[1], key[2], line, t0, t1);
      if (slot === -1) return NEW;
      const duplicateOfLine = this.ids.lineOf(slot);
      return this.ids.tagMatches(slot, t0, t1)
        ? { kind: "duplicate", duplicateOfLine, reason: "externalId" }
        : { kind: "idConflict", duplicateOfLine };
    }
    const slot = this.contents.findOrInsert(hexWord(hash, 0), hexWord(hash, 8), hexWord(hash, 16), line);
    if (slot === -1) return NEW;
    return { kind: "duplicate", duplicateOfLine: this.contents.lineOf(slot), reason: "content" };
  }

  /** Bytes held by the two tables (for the benchmark and for logs). */
  get byteLength(): number {
    return this.ids.byteLength + this.contents.byteLength;
  }
}
