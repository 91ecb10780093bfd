import { describe, expect, it } from "vitest";

import { toWireRow } from "./export-row";
import type { THfType } from "./hf-features";
import { featureInference, MAX_FIELDS, observe, toFeature } from "./hf-features";
import { testRow } from "@/lib/testing/test-rows";

const infer = (...values: unknown[]) =>
  toFeature(values.reduce<THfType | undefined>((t, v) => observe(t, v), undefined)!);

describe("feature inference", () => {
  it("maps JSON values to datasets dtypes", () => {
    expect(infer("a")).toEqual({ dtype: "string" });
    expect(infer(true, false)).toEqual({ dtype: "bool" });
    expect(infer(1, 2)).toEqual({ dtype: "int64" });
    expect(infer(1, 2.5)).toEqual({ dtype: "float64" });
    expect(infer(2 ** 60)).toEqual({ dtype: "float64" });
    expect(infer(null, null)).toEqual({ dtype: "string" });
    expect(infer(null, 3)).toEqual({ dtype: "int64" });
  });

  it("writes lists and structs as datasets writes them in cards", () => {
    expect(infer(["a"], [], null)).toEqual({ list: "string" });
    expect(infer([])).toEqual({ list: "string" });
    expect(infer([[1.5]])).toEqual({ list: { list: "float64" } });
    expect(infer([{ start: 0, end: 4, label: "X" }], [{ start: 1, end: 2, label: "Y", note: null }])).toEqual(
      {
        list: [
          { name: "end", dtype: "int64" },
          { name: "label", dtype: "string" },
          { name: "note", dtype: "string" },
          { name: "start", dtype: "int64" },
        ],
      },
    );
    expect(infer({ b: 1 }, { a: "x" })).toEqual({
      struct: [
        { name: "a", dtype: "string" },
        { name: "b", dtype: "int64" },
      ],
    });
  });

  it("gives up (null) on incompatible kinds and on maps with too many keys", () => {
    expect(infer("a", 1)).toBeNull();
    expect(infer(["a"], "a")).toBeNull();
    expect(infer({ a: 1 }, [1])).toBeNull();
    expect(infer([1, "x"])).toBeNull();
    expect(infer({ a: { b: 1 } }, { a: { b: "x" } })).toBeNull();
    const wide = Object.fromEntries(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`k${i}`, i]));
    expect(infer(wide)).toBeNull();
  });

  it("describes whole rows, seeded with the known columns", () => {
    const inference = featureInference({ data: ["never_set"], labels: ["unused"] });
    for (let i = 0; i < 20; i++) inference.observeRow(toWireRow(testRow(i, { annotations: true })));
    const features = inference.features();
    expect(features?.map((f) => f.name)).toEqual(["item_id", "external_id", "data", "labels", "annotations"]);
    expect(features?.[2]).toEqual({
      name: "data",
      struct: [
        { name: "lang", dtype: "string" },
        {
          name: "meta",
          struct: [
            { name: "length", dtype: "int64" },
            { name: "score", dtype: "float64" },
            { name: "tags", list: "string" },
          ],
        },
        { name: "never_set", dtype: "string" },
        { name: "source", dtype: "string" },
        { name: "text", dtype: "string" },
      ],
    });
    expect(features?.[3]).toEqual({
      name: "labels",
      struct: [
        { name: "rating", dtype: "int64" },
        { name: "sentiment", dtype: "string" },
        {
          name: "spans",
          list: [
            { name: "end", dtype: "int64" },
            { name: "label", dtype: "string" },
            { name: "start", dtype: "int64" },
          ],
        },
        { name: "topics", list: "string" },
        { name: "unused", dtype: "string" },
      ],
    });
    expect(features?.[4]).toEqual({
      name: "annotations",
      list: [
        { name: "annotator", dtype: "string" },
        {
          name: "definition_versions",
          struct: [
            { name: "rating", dtype: "int64" },
            { name: "sentiment", dtype: "int64" },
          ],
        },
        {
          name: "values",
          struct: [
            { name: "rating", dtype: "int64" },
            { name: "sentiment", dtype: "string" },
          ],
        },
      ],
    });
  });
});
