import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectDialect, formatOf, previewFile, sniffFormat } from "./preview-file";

const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

describe("the file's syntax", () => {
  it("comes from the name, looking through .gz", () => {
    expect(formatOf("a.JSONL.gz")).toBe("jsonl");
    expect(formatOf("a.ndjson")).toBe("jsonl");
    expect(formatOf("tasks.json.gz")).toBe("json");
    expect(formatOf("t.csv")).toBe("csv");
    expect(formatOf("t.gz")).toBeNull();
    expect(formatOf("t.txt")).toBeNull();
  });

  it("else from the first character", () => {
    expect(sniffFormat("\uFEFF  [{}]")).toBe("json");
    expect(sniffFormat('{"a":1}')).toBe("jsonl");
    expect(sniffFormat("a,b")).toBeNull();
  });
});

describe("whose records they are", () => {
  it("detects Prodigy lines by _input_hash", () => {
    expect(detectDialect([{ text: "a", _input_hash: 1, answer: "accept" }], "jsonl")).toBe("prodigy");
    expect(detectDialect([{ text: "a", _input_hash: 1 }], "json")).toBe("concord");
  });

  it("detects a Label Studio export by its tasks' ids or annotation results", () => {
    expect(detectDialect([{ id: 1, data: { text: "a" } }], "json")).toBe("label-studio");
    expect(detectDialect([{ data: { text: "a" }, annotations: [{ result: [] }] }], "json")).toBe(
      "label-studio",
    );
  });

  it("takes Concord's own records and flat records as Concord's", () => {
    expect(
      detectDialect([{ data: { text: "a" }, annotations: [{ annotator: "x", values: {} }] }], "json"),
    ).toBe("concord");
    expect(detectDialect([{ id: 1, text: "a" }], "json")).toBe("concord");
    expect(detectDialect([{ id: 1, data: { text: "a" } }], "csv")).toBe("concord");
    expect(detectDialect([], "json")).toBe("concord");
  });
});

describe("the preview of a file", () => {
  const records = [
    { id: "t1", text: "one", meta: { source: "email" } },
    { id: "t2", text: "two", gold: "pos" },
  ];

  it("reads a .jsonl.gz in the browser's way (DecompressionStream) and gives the same records as plain", async () => {
    const plain = await previewFile(new File([jsonl(...records)], "t.jsonl"));
    const gz = await previewFile(new File([gzipSync(jsonl(...records))], "t.jsonl.gz"));
    expect(plain.isGzip).toBe(false);
    expect(gz.isGzip).toBe(true);
    expect(gz.records).toEqual(records);
    expect(gz).toEqual({ ...plain, isGzip: true });
    expect(gz.fields).toEqual(["id", "text", "meta", "gold"]);
    expect(gz.isApiShape).toBe(false);
  });

  it("knows gzip by its bytes whatever the name, and the syntax by the first character", async () => {
    const p = await previewFile(new File([gzipSync(jsonl(...records))], "download"));
    expect(p).toMatchObject({ format: "jsonl", isGzip: true, isReadable: true, records });
  });

  it("reads only the start of a large gzip file, dropping a cut last line", async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ({ text: `record ${i} ${"x".repeat(20)}` }));
    const p = await previewFile(new File([gzipSync(jsonl(...many))], "big.jsonl.gz"));
    expect(p.records).toEqual(many.slice(0, 5));
    expect(p.error).toBeNull();
  });

  it("reads a gzip JSON array and detects Label Studio", async () => {
    const tasks = [{ id: 7, data: { text: "hi" }, annotations: [{ completed_by: 1, result: [] }] }];
    const p = await previewFile(new File([gzipSync(JSON.stringify(tasks))], "export.json.gz"));
    expect(p).toMatchObject({ format: "json", dialect: "label-studio", records: tasks });
  });

  it("says a broken gzip file cannot be read, and refuses it", async () => {
    const bytes = gzipSync(jsonl(...records)).subarray(0, 12);
    const p = await previewFile(new File([bytes], "t.jsonl.gz"));
    expect(p.isReadable).toBe(false);
    expect(p.error).toMatch(/not valid gzip/);
  });

  it("refuses an unknown format", async () => {
    const p = await previewFile(new File(["a,b\n1,2\n"], "t.txt"));
    expect(p.isReadable).toBe(false);
    expect(p.error).toMatch(/Unknown format/);
  });

  it("names the line of a broken record at the start, and still allows the upload", async () => {
    const p = await previewFile(new File(['{"text":"a"}\n\n{oops\n'], "t.jsonl"));
    expect(p.records).toEqual([{ text: "a" }]);
    expect(p.error).toMatch(/^line 3: /);
    expect(p.isReadable).toBe(true);
  });

  it("takes Concord's records with annotations as API-shaped", async () => {
    const p = await previewFile(
      new File([jsonl({ externalId: "a", data: { text: "x" }, annotations: [] })], "t.jsonl"),
    );
    expect(p.isApiShape).toBe(true);
  });
});
