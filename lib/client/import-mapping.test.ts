import { describe, expect, it } from "vitest";
import { createRecordMapper } from "@/lib/import/map-record";
import {
  annotatorView,
  dataFieldEntries,
  defaultRows,
  hideOnlyRows,
  listFieldPaths,
  mappingProblems,
  mapPreviewRecord,
  nextHiddenFields,
  unmappedData,
  type TFieldRow,
} from "./import-mapping";

const nested = {
  id: "t1",
  text: "The parcel never came",
  gold: "neg",
  meta: { source: "email", lang: "en", deep: { a: { b: { c: 1 } } } },
  tags: ["late"],
};

function row(path: string, change: Partial<TFieldRow> = {}): TFieldRow {
  return { path, name: path, isIncluded: true, isHidden: false, ...change };
}

describe("the fields found in the first records", () => {
  it("lists nested paths after their parent, in the order first seen, down to three levels", () => {
    expect(listFieldPaths([nested, { extra: 1, meta: { team: "B" } }])).toEqual([
      "id",
      "text",
      "gold",
      "meta",
      "meta.source",
      "meta.lang",
      "meta.deep",
      "meta.deep.a",
      "tags",
      "extra",
      "meta.team",
    ]);
  });

  it("leaves out nested keys with a dot, whose path would be ambiguous, but keeps such top-level keys", () => {
    expect(listFieldPaths([{ "a.b": 1, c: { "d.e": 2, f: 3 } }])).toEqual(["a.b", "c", "c.f"]);
  });

  it("ignores records that are not objects", () => {
    expect(listFieldPaths([null, [1], "x", { a: 1 }])).toEqual(["a"]);
  });
});

describe("the default mapping", () => {
  it("takes top-level fields as they are and offers nested ones under their last segment, left out", () => {
    const rows = defaultRows(["text", "meta", "meta.source", "a.b"], ["gold", "source"]);
    expect(rows).toEqual([
      row("text"),
      row("meta"),
      { path: "meta.source", name: "source", isIncluded: false, isHidden: true },
      row("a.b"),
    ]);
  });
});

describe("what is sent and what annotators see", () => {
  const rows = [
    row("id", { isIncluded: false }),
    row("text", { name: "body" }),
    row("gold", { isHidden: true }),
    row("meta", { isIncluded: false }),
    row("meta.source", { name: "source" }),
    row("tags"),
  ];

  it("sends a rename or a nested path as name=source.path and a plain field by its name", () => {
    expect(dataFieldEntries(rows)).toEqual(["body=text", "gold", "source=meta.source", "tags"]);
  });

  it("previews exactly the item data the server's mapper makes from the same entries", () => {
    const preview = mapPreviewRecord(nested, rows);
    expect(preview).toEqual({ body: "The parcel never came", gold: "neg", source: "email", tags: ["late"] });
    const server = createRecordMapper({ dataFields: dataFieldEntries(rows) })(nested, 1);
    expect(server.ok && server.record.data).toEqual(preview);
  });

  it("leaves a field out of the preview when a record lacks it, as the server does", () => {
    expect(mapPreviewRecord({ text: "only" }, rows)).toEqual({ body: "only" });
  });

  it("shows annotators every field but the hidden ones", () => {
    expect(annotatorView(mapPreviewRecord(nested, rows), rows).map(([f]) => f)).toEqual([
      "body",
      "source",
      "tags",
    ]);
  });

  it("reads the data of Concord records, Label Studio tasks and Prodigy lines as their importers do", () => {
    expect(unmappedData({ data: { text: "a" }, annotations: [] }, "concord")).toEqual({ text: "a" });
    expect(unmappedData({ id: 3, data: { text: "b" } }, "label-studio")).toEqual({ text: "b" });
    expect(
      unmappedData({ text: "c", meta: { x: 1 }, _input_hash: 1, answer: "accept", spans: [] }, "prodigy"),
    ).toEqual({ text: "c", meta: { x: 1 } });
    expect(hideOnlyRows([{ text: "a" }, { text: "b", gold: 1 }], ["gold"])).toEqual([
      row("text"),
      row("gold", { isHidden: true }),
    ]);
  });
});

describe("mapping problems", () => {
  it("names a missing name, two fields under one name, and names that cannot be sent", () => {
    const problems = mappingProblems([
      row("text", { name: "" }),
      row("a", { name: "body" }),
      row("b", { name: "body" }),
      row("c", { name: "x=y" }),
      row("d,e"),
      row("f", { name: " f" }),
      row("g", { name: "", isIncluded: false }),
      row(" h", { name: "h" }),
    ]);
    expect([...problems.keys()]).toEqual(["text", "b", "c", "d,e", "f", " h"]);
    expect(problems.get("b")).toContain("“a” is already named “body”");
  });

  it("has none for a sound mapping", () => {
    expect(
      mappingProblems([row("text", { name: "body" }), row("meta.source", { name: "source" })]).size,
    ).toBe(0);
  });
});

describe("the project's hidden fields after the import", () => {
  it("adds the ticked ones, drops this file's unticked ones, and keeps the others", () => {
    const rows = [row("gold", { isHidden: true }), row("source"), row("skip", { isIncluded: false })];
    expect(nextHiddenFields(["source", "secret", "skip"], rows)).toEqual(["secret", "skip", "gold"]);
  });

  it("is null when nothing changes, so that no update is sent", () => {
    expect(nextHiddenFields(["gold"], [row("gold", { isHidden: true }), row("text")])).toBeNull();
    expect(nextHiddenFields([], [row("text")])).toBeNull();
  });
});
