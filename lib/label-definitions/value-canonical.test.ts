import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { ZLabelDefinitionSpec } from "./definition-spec";
import { canonicalValue } from "./value-canonical";

describe("canonicalValue", () => {
  it("orders multi_choice keys by option order", () => {
    const spec = ZLabelDefinitionSpec.parse({
      key: "t",
      kind: "multi_choice",
      options: [{ key: "sports" }, { key: "politics" }, { key: "tech" }],
    });
    const a = canonicalValue(spec, ["tech", "sports"]);
    const b = canonicalValue(spec, ["sports", "tech"]);
    expect(a).toEqual(["sports", "tech"]);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("sorts spans by start, end, label", () => {
    const spec = ZLabelDefinitionSpec.parse({
      key: "n",
      kind: "spans",
      options: [{ key: "PER" }, { key: "LOC" }],
    });
    const value = [
      { start: 5, end: 7, label: "PER" },
      { start: 0, end: 3, label: "LOC" },
      { start: 0, end: 3, label: "PER" },
    ];
    expect(canonicalValue(spec, value)).toEqual([
      { start: 0, end: 3, label: "PER" },
      { start: 0, end: 3, label: "LOC" },
      { start: 5, end: 7, label: "PER" },
    ]);
    expect(value[0]?.start).toBe(5);
  });

  it("returns other values unchanged", () => {
    const spec = ZLabelDefinitionSpec.parse({ key: "q", kind: "rating", min: 1, max: 5 });
    expect(canonicalValue(spec, 3)).toBe(3);
    expect(canonicalValue(spec, null)).toBeNull();
  });
});
