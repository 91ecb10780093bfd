import { afterAll, describe, expect, it, vi } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { GET as listBatches } from "@/app/api/v1/projects/[id]/batches/route";
import { GET as getItem } from "@/app/api/v1/projects/[id]/items/[itemId]/route";
import { GET as listItems, POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { db, disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

async function setup() {
  const lead = await createTestUser();
  const annotator = await createTestUser();
  const engineer = await createTestUser();
  const project = await createTestProject([
    { userId: lead.id, role: "lead" },
    { userId: annotator.id, role: "annotator" },
    { userId: engineer.id, role: "engineer" },
  ]);
  return { lead, annotator, engineer, project, params: { id: project.id } };
}

function upload(token: string, params: { id: string }, body: string, contentType: string, query = "") {
  return callRoute(importRoute, {
    method: "POST",
    path: `/api/v1/projects/${params.id}/items${query}`,
    token,
    params,
    body,
    headers: { "content-type": contentType },
  });
}

const itemCount = (projectId: string) => db.item.count({ where: { projectId } });

describe("importing items", () => {
  it("imports JSONL in the API shape, with predictions and priority, as one batch", async () => {
    const { lead, params, project } = await setup();
    const jsonl = [
      { externalId: "a1", data: { text: "good" }, priority: 5, predictions: { sentiment: "positive" } },
      { externalId: "a2", data: { text: "bad" } },
      { data: { text: "no id" } },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const res = await upload(lead.token, params, jsonl, "application/x-ndjson", "?name=first");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 3, duplicates: 0, total: 3 });
    const batches = await callRoute(listBatches, { token: lead.token, params });
    expect(batches.body.batches[0]).toMatchObject({
      name: "first",
      itemCount: 3,
      duplicateCount: 0,
      format: "jsonl",
    });
    const items = await callRoute(listItems, { token: lead.token, params, path: "/x?limit=10" });
    expect(items.body.items.map((i: { externalId: string | null }) => i.externalId)).toEqual([
      "a1",
      "a2",
      null,
    ]);
    const first = await callRoute(getItem, {
      token: lead.token,
      params: { id: project.id, itemId: items.body.items[0].id },
    });
    expect(first.body).toMatchObject({
      data: { text: "good" },
      priority: 5,
      predictions: { sentiment: "positive" },
    });
  });

  it("imports a JSON array and a CSV with a mapping", async () => {
    const { lead, params, project } = await setup();
    const json = JSON.stringify([
      { externalId: "j1", data: { text: '[not] a "bracket"' } },
      { externalId: "j2", data: { text: "x" } },
    ]);
    expect((await upload(lead.token, params, json, "application/json")).body.imported).toBe(2);
    const csv = 'uid,sentence,prio,extra\nc1,"Hello, world",3,x\nc2,"Line one\nline two",,y\n';
    const res = await upload(
      lead.token,
      params,
      csv,
      "text/csv",
      "?idField=uid&priorityField=prio&dataFields=sentence",
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(2);
    const c2 = await db.item.findFirst({ where: { projectId: project.id, externalId: "c2" } });
    expect(c2?.data).toEqual({ sentence: "Line one\nline two" });
    expect(c2?.priority).toBe(0);
    const c1 = await db.item.findFirst({ where: { projectId: project.id, externalId: "c1" } });
    expect(c1?.priority).toBe(3);
  });

  it("reports duplicates within the file and against the project, and imports them once", async () => {
    const { lead, params, project } = await setup();
    const lines = [
      { externalId: "d1", data: { text: "one" } },
      { externalId: "d1", data: { text: "one" } },
      { data: { text: "same content" } },
      { data: { text: "same content" } },
    ].map((r) => JSON.stringify(r));
    const first = await upload(lead.token, params, lines.join("\n"), "application/x-ndjson");
    expect(first.body).toMatchObject({ imported: 2, duplicates: 2, duplicatesInFile: 2 });
    const again = await upload(
      lead.token,
      params,
      [...lines, JSON.stringify({ externalId: "d2", data: { text: "new" } })].join("\n"),
      "application/x-ndjson",
    );
    expect(again.body).toMatchObject({ imported: 1, duplicatesInProject: 2, duplicatesInFile: 2 });
    expect(await itemCount(project.id)).toBe(3);
  });

  it("imports nothing when one record is bad, even the very last, and names its line", async () => {
    const { lead, params, project } = await setup();
    const good = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ externalId: `g${i}`, data: { text: `t${i}` } }),
    );
    const res = await upload(
      lead.token,
      params,
      [...good, '{"data": {"text": "broken"'].join("\n"),
      "application/x-ndjson",
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].line).toBe(501);
    expect(res.body.errors[0].message).toMatch(/^line 501:/);
    expect(await itemCount(project.id)).toBe(0);
    expect(await db.batch.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("lists the first 100 problems with line numbers and what is wrong", async () => {
    const { lead, params, project } = await setup();
    const lines = Array.from({ length: 150 }, (_, i) =>
      i % 2 === 0
        ? JSON.stringify({ data: "not an object" })
        : JSON.stringify({ data: { text: `ok ${i}` }, priority: "high" }),
    );
    const res = await upload(lead.token, params, lines.join("\n"), "application/x-ndjson");
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(100);
    expect(res.body.errors[0]).toMatchObject({ line: 1, path: "data" });
    expect(res.body.errors[1]).toMatchObject({ line: 2, path: "priority" });
    expect(await itemCount(project.id)).toBe(0);
  });

  it("requires the text fields the project's definitions label", async () => {
    const { lead, params, project } = await setup();
    await callRoute(createDefinition, {
      token: lead.token,
      params,
      json: { key: "entities", kind: "spans", textField: "body", options: [{ key: "PER" }] },
    });
    const res = await upload(
      lead.token,
      params,
      JSON.stringify({ data: { text: "no body field" } }),
      "application/x-ndjson",
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("data.body");
    expect(await itemCount(project.id)).toBe(0);
  });

  it("rejects an empty file, an unknown format, and unknown query fields", async () => {
    const { lead, params } = await setup();
    expect((await upload(lead.token, params, "\n\n", "application/x-ndjson")).status).toBe(422);
    const unknownType = await upload(lead.token, params, "x", "text/plain");
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors[0].path).toBe("format");
    const unknownQuery = await upload(lead.token, params, "{}", "application/x-ndjson", "?bogus=1");
    expect(unknownQuery.status).toBe(400);
  });

  it("answers 413 for an upload over the limit, declared or streamed, and imports nothing", async () => {
    const { lead, params, project } = await setup();
    vi.stubEnv("CONCORD_MAX_UPLOAD_BYTES", "5000");
    try {
      const body = Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({ data: { text: `item ${i}` } }),
      ).join("\n");
      const declared = await upload(lead.token, params, body, "application/x-ndjson");
      expect(declared.status).toBe(413);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      });
      const streamed = await callRoute(importRoute, {
        token: lead.token,
        params,
        body: stream,
        headers: { "content-type": "application/x-ndjson" },
      });
      expect(streamed.status).toBe(413);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await itemCount(project.id)).toBe(0);
  });

  it("lets only leads import or browse items", async () => {
    const { annotator, engineer, params, project } = await setup();
    const body = JSON.stringify({ data: { text: "x" } });
    expect((await upload(annotator.token, params, body, "application/x-ndjson")).status).toBe(403);
    expect((await upload(engineer.token, params, body, "application/x-ndjson")).status).toBe(403);
    expect((await callRoute(listItems, { token: annotator.token, params })).status).toBe(403);
    expect(await itemCount(project.id)).toBe(0);
  });

  it("pages through items with a keyset cursor", async () => {
    const { lead, params } = await setup();
    const body = Array.from({ length: 7 }, (_, i) =>
      JSON.stringify({ externalId: `p${i}`, data: { text: `${i}` } }),
    ).join("\n");
    await upload(lead.token, params, body, "application/x-ndjson");
    const seen: string[] = [];
    let after = "";
    for (;;) {
      const page = await callRoute(listItems, {
        token: lead.token,
        params,
        path: `/x?limit=3${after ? `&after=${after}` : ""}`,
      });
      seen.push(...page.body.items.map((i: { externalId: string }) => i.externalId));
      if (!page.body.nextCursor) break;
      after = page.body.nextCursor;
    }
    expect(seen).toEqual(["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
  });

  it("serializes concurrent imports of the same file so it is imported once", async () => {
    const { lead, params, project } = await setup();
    const body = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ externalId: `c${i}`, data: { text: `${i}` } }),
    ).join("\n");
    const results = await Promise.all(
      [1, 2, 3].map(() => upload(lead.token, params, body, "application/x-ndjson")),
    );
    expect(results.map((r) => r.body.imported).sort()).toEqual([0, 0, 200]);
    expect(await itemCount(project.id)).toBe(200);
  });
});
