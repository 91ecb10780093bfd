import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeJsonlRow } from "@/lib/export/canonical-jsonl";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { VersionDigest } from "./seal-version";

// The freeze hashes its rows as it writes them; the hash must be the one of the export's bytes
// (encodeJsonlRow, lib/export), and rows out of item order must make it give up.
const rows = Array.from({ length: 3000 }, (_, n) => ({
  itemId: String(n * 7 + 1),
  externalId: n % 3 === 0 ? null : `ext-${n}`,
  data: n % 2 === 0 ? { text: `item ${n} ${"é".repeat(n % 50)}`, z: n } : { a: [n], text: "x" },
  labels: { sentiment: n % 5 === 0 ? null : ["pos", "neg"][n % 2] },
}));

describe("VersionDigest", () => {
  it("hashes the export's bytes, counts them, and lists the data's keys", () => {
    const digest = new VersionDigest();
    for (const r of rows)
      digest.add(r.itemId, r.externalId, canonicalJsonFast(r.data), canonicalJsonFast(r.labels), r.data);
    const bytes = Buffer.from(rows.map((r) => encodeJsonlRow({ ...r })).join(""), "utf8");
    expect(bytes.byteLength).toBeGreaterThan(128 * 1024);
    expect(digest.result()).toEqual({
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.byteLength,
      rows: rows.length,
      dataKeys: ["a", "text", "z"],
    });
  });

  it("gives up on rows out of item order, or repeated", () => {
    for (const order of [
      ["2", "10", "9"],
      ["2", "2"],
    ]) {
      const digest = new VersionDigest();
      for (const id of order) digest.add(id, null, "{}", "{}", {});
      expect(digest.result()).toBeNull();
    }
    const digest = new VersionDigest();
    for (const id of ["2", "9", "10"]) digest.add(id, null, "{}", "{}", {});
    expect(digest.result()).not.toBeNull();
  });
});
