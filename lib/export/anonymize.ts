/**
 * Pseudonyms for annotator ids in exported annotations.
 *
 * Default (`anonymizer(salt)`): `annotator-` + the first 8 hex digits of HMAC-SHA256(key = salt,
 * message = annotator id). Use the eval-set version's id as the salt: the same person has the
 * same pseudonym throughout one version (and in every re-export of it, so exports stay
 * byte-identical), while pseudonyms of different sets or versions cannot be linked, and without
 * the salt nobody can test a guessed id against a pseudonym.
 *
 * 8 hex digits are 32 bits: two annotators of one export collide with probability ~n²/2³³
 * (1 in 8,600 for 1,000 annotators). A collision must not merge two people, so an anonymizer
 * remembers the ids it has seen and gives a later colliding id a longer prefix (12, 16... digits).
 * Which id is "later" follows the order of first appearance, which is fixed for a version (rows
 * sorted by item id, annotations in the caller's deterministic order), so output stays stable.
 *
 * Alternative (`sequentialAnonymizer()`): `annotator-1`, `annotator-2`... in order of first
 * appearance. Shorter and reveals nothing, but adding one item to a set can renumber everyone.
 *
 * An anonymizer is stateful: make a new one for each export.
 */
import { createHmac } from "node:crypto";

export type TAnonymizer = (annotatorId: string) => string;

const PREFIX = "annotator-";

export function anonymizer(salt: string): TAnonymizer {
  if (salt === "") throw new Error("anonymizer: the salt must not be empty");
  const byId = new Map<string, string>();
  const taken = new Set<string>();
  return (annotatorId) => {
    const known = byId.get(annotatorId);
    if (known !== undefined) return known;
    const digest = createHmac("sha256", salt).update(annotatorId, "utf8").digest("hex");
    let length = 8;
    let pseudonym = PREFIX + digest.slice(0, length);
    while (taken.has(pseudonym)) {
      length += 4;
      if (length > digest.length) throw new Error("anonymizer: HMAC collision"); // never in practice
      pseudonym = PREFIX + digest.slice(0, length);
    }
    byId.set(annotatorId, pseudonym);
    taken.add(pseudonym);
    return pseudonym;
  };
}

export function sequentialAnonymizer(): TAnonymizer {
  const byId = new Map<string, string>();
  return (annotatorId) => {
    let pseudonym = byId.get(annotatorId);
    if (pseudonym === undefined) {
      pseudonym = PREFIX + String(byId.size + 1);
      byId.set(annotatorId, pseudonym);
    }
    return pseudonym;
  };
}
