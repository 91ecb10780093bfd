import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeJsonlRow } from "@/lib/export/canonical-jsonl";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { canonicalJsonlLine } from "./jsonl-line";

const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const object = fc.dictionary(fc.string({ unit: "binary" }), json, { maxKeys: 6 });

describe("canonicalJsonlLine", () => {
  it("writes exactly the line lib/export's canonical encoder writes", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        fc.option(fc.string({ unit: "binary" })),
        object,
        object,
        (id, externalId, data, labels) => {
          const itemId = id.toString();
          const line = canonicalJsonlLine(
            itemId,
            externalId,
            canonicalJsonFast(data),
            canonicalJsonFast(labels),
          );
          expect(line).toBe(encodeJsonlRow({ itemId, externalId, data, labels }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses an item id that is not a decimal number", () => {
    expect(() => canonicalJsonlLine("01", null, "{}", "{}")).toThrow(/not decimal/);
    expect(canonicalJsonlLine("7", 'say "hi"\n', '{"a":1}', "{}")).toBe(
      '{"data":{"a":1},"external_id":"say \\"hi\\"\\n","item_id":"7","labels":{}}\n',
    );
  });
});
