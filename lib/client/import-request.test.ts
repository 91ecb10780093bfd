import { describe, expect, it } from "vitest";
import { ZImportQuery } from "@/lib/schemas/items";
import { importRequest, type TImportChoices } from "./import-request";

const choices: TImportChoices = {
  dialect: "concord",
  definitionKey: "",
  isSkippingBad: false,
  rows: [
    { path: "body", name: "text", isIncluded: true, isHidden: false },
    { path: "gold", name: "gold", isIncluded: true, isHidden: true },
    { path: "meta.source", name: "source", isIncluded: true, isHidden: false },
    { path: "meta.lang", name: "lang", isIncluded: false, isHidden: false },
  ],
  special: { idField: "id", priorityField: "", predictionsField: "" },
  name: "March",
  fileName: "march.jsonl.gz",
};
const flatGzip = { format: "jsonl" as const, isApiShape: false, isGzip: true };

describe("the upload the import page sends", () => {
  it("maps flat records, in terms the API's own query schema reads back", () => {
    const request = importRequest(flatGzip, { ...choices, isSkippingBad: true });
    expect(request).toEqual({
      query: {
        format: "jsonl",
        name: "March",
        fileName: "march.jsonl.gz",
        onInvalid: "skip",
        dataFields: "text=body,gold,source=meta.source",
        idField: "id",
      },
      contentType: "application/x-ndjson",
      headers: { "content-encoding": "gzip" },
    });
    expect(ZImportQuery.parse(request.query).dataFields).toEqual(["text=body", "gold", "source=meta.source"]);
  });

  it("sends Concord's own records, Label Studio and Prodigy without a mapping, which the API refuses for them", () => {
    const plain = { format: "json" as const, isApiShape: true, isGzip: false };
    expect(importRequest(plain, choices).query).toEqual({
      format: "json",
      name: "March",
      fileName: "march.jsonl.gz",
    });
    const ls = importRequest({ ...plain, isApiShape: false }, { ...choices, dialect: "label-studio" });
    expect(ls).toEqual({
      query: { format: "label-studio", name: "March", fileName: "march.jsonl.gz" },
      contentType: "application/json",
      headers: {},
    });
    const prodigy = importRequest(
      { format: "json", isApiShape: false, isGzip: false },
      { ...choices, dialect: "prodigy", definitionKey: "sentiment" },
    );
    expect(prodigy.query).toEqual({
      format: "prodigy",
      definition: "sentiment",
      name: "March",
      fileName: "march.jsonl.gz",
    });
    expect(prodigy.contentType).toBe("application/x-ndjson");
    expect(ZImportQuery.safeParse(prodigy.query).success).toBe(true);
  });

  it("sends HH-RLHF pairs as JSONL, naming the pairwise definition only when the lead chose one", () => {
    const file = { format: "json" as const, isApiShape: false, isGzip: false };
    const only = importRequest(file, { ...choices, dialect: "hh-rlhf" });
    expect(only.query).toEqual({ format: "hh-rlhf", name: "March", fileName: "march.jsonl.gz" });
    expect(only.contentType).toBe("application/x-ndjson");
    const named = importRequest(file, { ...choices, dialect: "hh-rlhf", definitionKey: "better" });
    expect(ZImportQuery.parse(named.query)).toMatchObject({ format: "hh-rlhf", definition: "better" });
  });

  it("sends a CSV as text/csv", () => {
    const csv = importRequest({ format: "csv", isApiShape: false, isGzip: false }, choices);
    expect(csv.contentType).toBe("text/csv");
    expect(csv.query.format).toBe("csv");
  });
});
