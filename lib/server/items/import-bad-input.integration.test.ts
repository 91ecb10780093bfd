import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { db, disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

// Bad input of every kind the import takes (query, Concord annotations, Label Studio tasks, Prodigy
// lines) is a 4xx naming the field, never a 500, and leaves nothing behind.

afterAll(async () => {
  await disconnectDb();
});

async function setup() {
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }], { overlap: 2 });
  const params = { id: project.id };
  for (const json of [
    { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
    { key: "ents", kind: "spans", textField: "text", options: [{ key: "per" }], required: false },
  ]) {
    expect((await callRoute(createDefinition, { token: lead.token, params, json })).status).toBe(201);
  }
  const upload = (body: string, query: string) =>
    callRoute(importRoute, {
      method: "POST",
      path: `/api/v1/projects/${project.id}/items${query}`,
      token: lead.token,
      params,
      body,
      headers: {
        "content-type": query.includes("label-studio") ? "application/json" : "application/x-ndjson",
      },
    });
  const items = () => db.item.count({ where: { projectId: project.id } });
  return { upload, items };
}

/** `[[[…]]]`, n deep: deeper than any stack-bound walk of the value would survive. */
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const line = JSON.stringify;
const PRODIGY = "?format=prodigy&definition=sentiment";
const LS = "?format=label-studio";

const cases: { name: string; query: string; body: string; status: number; path: string }[] = [
  { name: "an unknown format", query: "?format=xml", body: "{}", status: 400, path: "format" },
  { name: "an unknown onInvalid", query: "?onInvalid=maybe", body: "{}", status: 400, path: "onInvalid" },
  {
    name: "a definition that is no key",
    query: "?format=prodigy&definition=Bad%20Key",
    body: "{}",
    status: 400,
    path: "definition",
  },
  {
    name: "prodigy without definition",
    query: "?format=prodigy",
    body: "{}",
    status: 400,
    path: "definition",
  },
  {
    name: "a definition the project lacks",
    query: "?format=prodigy&definition=nope",
    body: line({ text: "a", _input_hash: 1, _annotator_id: "x", answer: "accept" }),
    status: 422,
    path: "definition",
  },
  {
    name: "dataFields name= with no path",
    query: "?dataFields=a%3D",
    body: "{}",
    status: 400,
    path: "dataFields.0",
  },
  {
    name: "dataFields =path with no name",
    query: "?dataFields=%3Db",
    body: "{}",
    status: 400,
    path: "dataFields.0",
  },
  { name: "dataFields a=b=c", query: "?dataFields=a%3Db%3Dc", body: "{}", status: 400, path: "dataFields.0" },
  {
    name: "dataFields with a Label Studio file",
    query: `${LS}&dataFields=a`,
    body: "[]",
    status: 400,
    path: "dataFields",
  },
  {
    name: "annotations of the wrong type",
    query: "",
    body: line({ data: { text: "a" }, annotations: "x" }),
    status: 422,
    path: "annotations",
  },
  {
    name: "an annotation without annotator",
    query: "",
    body: line({ data: { text: "a" }, annotations: [{ values: {} }] }),
    status: 422,
    path: "annotations.0.annotator",
  },
  {
    name: "NUL in an annotator",
    query: "",
    body: line({
      data: { text: "a" },
      annotations: [{ annotator: "a\u0000", values: { sentiment: "pos" } }],
    }),
    status: 422,
    path: "annotations.0.annotator",
  },
  {
    name: "NUL in a value",
    query: "",
    body: line({ data: { text: "a" }, annotations: [{ annotator: "ab", values: { sentiment: "p\u0000" } }] }),
    status: 422,
    path: "annotations.0.values.sentiment",
  },
  {
    name: "a deeply nested value",
    query: "",
    body: `{"data":{"text":"a"},"annotations":[{"annotator":"ab","values":{"sentiment":${deep(5000)}}}]}`,
    status: 422,
    path: "annotations.0.values.sentiment",
  },
  {
    name: "a createdAt in year 0",
    query: "",
    body: line({
      data: { text: "a" },
      annotations: [{ annotator: "ab", values: { sentiment: "pos" }, createdAt: "0000-01-01T00:00:00Z" }],
    }),
    status: 422,
    path: "annotations.0.createdAt",
  },
  {
    name: "a createdAt past year 9999 once in UTC",
    query: "",
    body: line({
      data: { text: "a" },
      annotations: [
        { annotator: "ab", values: { sentiment: "pos" }, createdAt: "9999-12-31T23:59:59-12:00" },
      ],
    }),
    status: 422,
    path: "annotations.0.createdAt",
  },
  { name: "a Label Studio task that is null", query: LS, body: "[null]", status: 422, path: "(record)" },
  {
    name: "a Label Studio task without data",
    query: LS,
    body: line([{ id: 1 }]),
    status: 422,
    path: "tasks.0.data",
  },
  {
    name: "Label Studio annotations of the wrong type",
    query: LS,
    body: line([{ data: { text: "a" }, annotations: "x" }]),
    status: 422,
    path: "tasks.0.annotations",
  },
  {
    name: "a Label Studio annotation without result",
    query: LS,
    body: line([{ data: { text: "a" }, annotations: [{ completed_by: 1 }] }]),
    status: 422,
    path: "tasks.0.annotations.0.result",
  },
  {
    name: "NUL in completed_by",
    query: LS,
    body: line([
      {
        data: { text: "a" },
        annotations: [
          { completed_by: "a\u0000", result: [{ from_name: "sentiment", value: { choices: ["pos"] } }] },
        ],
      },
    ]),
    status: 422,
    path: "annotations.0.annotator",
  },
  {
    name: "a deeply nested Label Studio choice",
    query: LS,
    body: `[{"data":{"text":"a"},"annotations":[{"completed_by":1,"result":[{"from_name":"sentiment","value":{"choices":[${deep(5000)}]}}]}]}]`,
    status: 422,
    path: "tasks.0.annotations.0.result.0.value.choices.0",
  },
  {
    name: "a deeply nested Label Studio from_name",
    query: LS,
    body: `[{"data":{"text":"a"},"annotations":[{"completed_by":1,"result":[{"from_name":${deep(5000)},"value":{}}]}]}]`,
    status: 422,
    path: "tasks.0.annotations.0.result.0.from_name",
  },
  { name: "a Prodigy line that is null", query: PRODIGY, body: "null", status: 422, path: "(record)" },
  {
    name: "a Prodigy line without _input_hash",
    query: PRODIGY,
    body: line({ text: "a", _annotator_id: "a", answer: "accept" }),
    status: 422,
    path: "_input_hash",
  },
  {
    name: "NUL in _annotator_id",
    query: PRODIGY,
    body: line({ text: "a", _input_hash: 1, _annotator_id: "a\u0000", accept: ["pos"] }),
    status: 422,
    path: "annotations.0.annotator",
  },
  {
    name: "a Prodigy _timestamp out of range",
    query: PRODIGY,
    body: line({ text: "a", _input_hash: 1, _annotator_id: "a", accept: ["pos"], _timestamp: 1e20 }),
    status: 422,
    path: "_timestamp",
  },
  {
    name: "a deeply nested Prodigy accept",
    query: PRODIGY,
    body: `{"text":"a","_input_hash":1,"_annotator_id":"a","accept":[${deep(5000)}]}`,
    status: 422,
    path: "accept.0",
  },
];

describe("bad import input", () => {
  it("answers each with a 4xx naming the field, and imports nothing", async () => {
    const { upload, items } = await setup();
    for (const c of cases) {
      const res = await upload(c.body, c.query);
      expect({ name: c.name, status: res.status }).toEqual({ name: c.name, status: c.status });
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        c.name,
      ).toContain(c.path);
    }
    expect(await items()).toBe(0);
  }, 120_000);

  it("answers a file over the upload limit with 413", async () => {
    const { upload, items } = await setup();
    const before = process.env.CONCORD_MAX_UPLOAD_BYTES;
    process.env.CONCORD_MAX_UPLOAD_BYTES = "1000";
    try {
      const body = Array.from({ length: 100 }, (_, i) => line({ data: { text: `item ${i}` } })).join("\n");
      expect((await upload(body, "")).status).toBe(413);
    } finally {
      if (before === undefined) delete process.env.CONCORD_MAX_UPLOAD_BYTES;
      else process.env.CONCORD_MAX_UPLOAD_BYTES = before;
    }
    expect(await items()).toBe(0);
  });

  it("takes a Prodigy _timestamp within range as the annotation's time", async () => {
    const { upload } = await setup();
    const res = await upload(
      line({ text: "a", _input_hash: 7, _annotator_id: "a", accept: ["pos"], _timestamp: 1_700_000_000 }),
      PRODIGY,
    );
    expect(res.status).toBe(201);
    const annotation = await db.annotation.findFirstOrThrow({
      where: { item: { batchId: res.body.batchId } },
    });
    expect(annotation.createdAt.toISOString()).toBe("2023-11-14T22:13:20.000Z");
  });
});
