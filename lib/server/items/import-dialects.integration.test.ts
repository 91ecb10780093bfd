import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { db, disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

async function setup() {
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }], { overlap: 2 });
  const params = { id: project.id };
  for (const json of [
    {
      key: "sentiment",
      kind: "single_choice",
      options: [
        { key: "pos", title: "Positive" },
        { key: "neg", title: "Negative" },
      ],
    },
    {
      key: "ents",
      kind: "spans",
      textField: "text",
      options: [{ key: "per", title: "Person" }],
      required: false,
    },
    {
      key: "binary",
      kind: "single_choice",
      options: [{ key: "accept" }, { key: "reject" }],
      required: false,
    },
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
      headers: { "content-type": query.includes("prodigy") ? "application/x-ndjson" : "application/json" },
    });
  return { project, upload };
}

const written = async (projectId: string) => ({
  items: await db.item.count({ where: { projectId } }),
  annotations: await db.annotation.count({ where: { projectId } }),
  externals: await db.user.count({ where: { externalProjectId: projectId } }),
});

describe("Label Studio exports", () => {
  it("imports tasks: choices by title, spans from labels, cancelled left out, predictions as pre-labels, ids kept apart", async () => {
    const { project, upload } = await setup();
    const tasks = [
      {
        id: 11,
        data: { text: "Ann is kind" },
        annotations: [
          {
            completed_by: { id: 3, email: "ann@lab.example" },
            result: [
              { from_name: "sentiment", type: "choices", value: { choices: ["Positive"] } },
              { from_name: "ents", type: "labels", value: { start: 0, end: 3, labels: ["Person"] } },
            ],
          },
          { completed_by: 4, was_cancelled: true, result: [] },
          {
            completed_by: 5,
            result: [{ from_name: "sentiment", type: "choices", value: { choices: ["neg"] } }],
          },
        ],
        predictions: [{ result: [{ from_name: "sentiment", type: "choices", value: { choices: ["pos"] } }] }],
      },
      { id: 12, data: { text: "Ann is kind" }, annotations: [] },
    ];
    const res = await upload(JSON.stringify(tasks), "?format=label-studio");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, annotations: 4 });
    const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(items.map((i) => [i.externalId, i.doneCount, i.predictions])).toEqual([
      ["11", 2, { sentiment: "pos" }],
      ["12", 0, null],
    ]);
    const values = await db.annotation.findMany({
      where: { projectId: project.id },
      include: { user: true, definition: true },
      orderBy: { id: "asc" },
    });
    expect(values.map((v) => [v.user.name, v.definition.key, v.value])).toEqual([
      ["ann@lab.example", "sentiment", "pos"],
      ["ann@lab.example", "ents", [{ start: 0, end: 3, label: "per" }]],
      ["5", "sentiment", "neg"],
      ["5", "ents", []],
    ]);
    const batch = await db.batch.findFirstOrThrow({ where: { projectId: project.id } });
    expect(batch.format).toBe("label-studio");
  });

  it("names the task and result index of every problem and writes nothing", async () => {
    const { project, upload } = await setup();
    const tasks = [
      {
        id: 1,
        data: { text: "short" },
        annotations: [
          { completed_by: 1, result: [{ from_name: "mood", type: "choices", value: { choices: ["x"] } }] },
        ],
      },
      {
        id: 2,
        data: { text: "short" },
        annotations: [
          {
            completed_by: 1,
            result: [
              { from_name: "sentiment", type: "choices", value: { choices: ["pos"] } },
              { from_name: "ents", type: "labels", value: { start: 2, end: 99, labels: ["Person"] } },
            ],
          },
          {
            completed_by: 2,
            result: [{ from_name: "sentiment", type: "choices", value: { choices: ["Meh"] } }],
          },
          { completed_by: 1, result: [] },
        ],
      },
    ];
    const res = await upload(JSON.stringify(tasks, null, 1), "?format=label-studio");
    expect(res.status).toBe(422);
    const errors = res.body.errors as { path: string; line: number; message: string }[];
    expect(errors.map((e) => e.path)).toEqual([
      "tasks.0.annotations.0.result.0.from_name",
      "tasks.1.annotations.0.result.1.value.end",
      "tasks.1.annotations.1.result.0.value.choices.0",
      "tasks.1.annotations.2.completed_by",
    ]);
    expect(errors[0].line).toBe(2);
    expect(errors[1].message).toMatch(/outside the text/);
    expect(await written(project.id)).toEqual({ items: 0, annotations: 0, externals: 0 });
  });
});

describe("Prodigy JSONL", () => {
  const line = (o: object) => JSON.stringify(o);

  it("groups lines by _input_hash, leaves ignored answers out, reads accept, spans and binary answers", async () => {
    const { project, upload } = await setup();
    const choice = [
      line({
        text: "good",
        _input_hash: 7,
        _task_hash: 1,
        options: [{ id: "pos" }, { id: "neg" }],
        accept: ["pos"],
        answer: "accept",
        _annotator_id: "s-alice",
      }),
      line({ text: "bad", _input_hash: 8, accept: ["Negative"], answer: "accept", _session_id: "s-bob" }),
      line({ text: "good", _input_hash: 7, accept: ["pos"], answer: "accept", _annotator_id: "s-bob" }),
      line({ text: "good", _input_hash: 7, accept: [], answer: "ignore", _annotator_id: "s-carol" }),
    ].join("\n");
    const res = await upload(choice, "?format=prodigy&definition=sentiment");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, annotations: 3 });
    const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(items.map((i) => [i.externalId, i.data, i.doneCount])).toEqual([
      ["7", { text: "good" }, 2],
      ["8", { text: "bad" }, 1],
    ]);
    const binary = [
      line({ text: "new one", _input_hash: 9, label: "SPAM", answer: "reject", _annotator_id: "a" }),
      line({ text: "new one", _input_hash: 9, label: "SPAM", answer: "accept", _annotator_id: "b" }),
    ].join("\n");
    const second = await upload(binary, "?format=prodigy&definition=binary");
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const spans = line({
      text: "Ann is here",
      _input_hash: 10,
      spans: [{ start: 0, end: 3, label: "per" }],
      answer: "accept",
      _annotator_id: "a",
    });
    expect((await upload(spans, "?format=prodigy&definition=ents")).status).toBe(201);
    const values = await db.annotation.findMany({
      where: { projectId: project.id, item: { externalId: { in: ["9", "10"] } } },
      orderBy: { id: "asc" },
    });
    expect(values.map((v) => v.value)).toEqual(["reject", "accept", [{ start: 0, end: 3, label: "per" }]]);
  });

  it("names the line and field of a missing _input_hash, an unknown option, spans outside the text and a second answer", async () => {
    const { project, upload } = await setup();
    const body = [
      line({ text: "one", accept: ["pos"], answer: "accept", _annotator_id: "a" }),
      line({ text: "two", _input_hash: 2, accept: ["meh"], answer: "accept", _annotator_id: "a" }),
      line({ text: "three", _input_hash: 3, accept: ["pos"], answer: "accept", _annotator_id: "a" }),
      line({ text: "three", _input_hash: 3, accept: ["neg"], answer: "accept", _annotator_id: "a" }),
    ].join("\n");
    const res = await upload(body, "?format=prodigy&definition=sentiment");
    expect(res.status).toBe(422);
    expect((res.body.errors as { path: string; line: number }[]).map((e) => [e.line, e.path])).toEqual([
      [1, "_input_hash"],
      [2, "accept.0"],
      [4, "_annotator_id"],
    ]);
    const spans = await upload(
      line({
        text: "abc",
        _input_hash: 5,
        spans: [{ start: 1, end: 9, label: "per" }],
        _annotator_id: "a",
        answer: "accept",
      }),
      "?format=prodigy&definition=ents",
    );
    expect(spans.status).toBe(422);
    expect(spans.body.errors[0]).toMatchObject({ line: 1, path: "spans.0.end" });
    const missing = await upload(body, "?format=prodigy");
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("definition");
    const unknown = await upload(body, "?format=prodigy&definition=nope");
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("definition");
    expect(await written(project.id)).toEqual({ items: 0, annotations: 0, externals: 0 });
  });
});
