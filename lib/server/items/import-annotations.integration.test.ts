import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { GET as listBatches } from "@/app/api/v1/projects/[id]/batches/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { db, disconnectDb, getPool } from "@/lib/db";
import { listItemAnnotations } from "@/lib/server/agreement/list-item-annotations";
import { checkPassword } from "@/lib/server/auth/check-password";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";
import { claimAs, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const DEFINITIONS = [
  {
    key: "sentiment",
    kind: "single_choice",
    options: [
      { key: "pos", title: "Positive" },
      { key: "neg", title: "Negative" },
    ],
  },
  {
    key: "toxic",
    kind: "spans",
    textField: "text",
    options: [{ key: "tox", title: "Toxic" }],
    required: false,
  },
  { key: "quality", kind: "rating", min: 1, max: 5, required: false },
];

async function setup(overlap = 3) {
  const lead = await createTestUser();
  const annotators = [await createTestUser(), await createTestUser()];
  const project = await createTestProject(
    [
      { userId: lead.id, role: "lead" },
      ...annotators.map((a) => ({ userId: a.id, role: "annotator" as const })),
    ],
    { overlap },
  );
  const params = { id: project.id };
  for (const json of DEFINITIONS) {
    const res = await callRoute(createDefinition, { token: lead.token, params, json });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { lead, annotators, project, params };
}

function upload(
  token: string,
  params: { id: string },
  body: BodyInit,
  query = "",
  headers: Record<string, string> = {},
) {
  return callRoute(importRoute, {
    method: "POST",
    path: `/api/v1/projects/${params.id}/items${query}`,
    token,
    params,
    body,
    headers: { "content-type": "application/x-ndjson", ...headers },
  });
}

const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n");

async function counts(projectId: string) {
  const [items, annotations, externals, batches] = await Promise.all([
    db.item.count({ where: { projectId } }),
    db.annotation.count({ where: { projectId } }),
    db.user.count({ where: { externalProjectId: projectId } }),
    db.batch.count({ where: { projectId } }),
  ]);
  return { items, annotations, externals, batches };
}

describe("importing items with their labels", () => {
  it("imports Concord records with annotations: users by email, external annotators for the rest, counted toward overlap", async () => {
    const { lead, annotators, project, params } = await setup(3);
    const body = jsonl([
      {
        externalId: "full",
        data: { text: "you are awful" },
        annotations: [
          {
            annotator: annotators[0].email.toUpperCase(),
            values: { sentiment: "neg", toxic: [{ start: 8, end: 13, label: "tox" }] },
          },
          { annotator: "w-17", values: { sentiment: "neg" }, createdAt: "2024-05-01T10:00:00Z" },
          { annotator: "w-18", values: { sentiment: "pos", quality: 2 } },
        ],
      },
      {
        externalId: "one",
        data: { text: "thanks" },
        annotations: [{ annotator: "w-17", values: { sentiment: "pos" } }],
      },
      { externalId: "none", data: { text: "hello" } },
    ]);
    const res = await upload(lead.token, params, body, "?name=history");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 3, annotations: 6, skipped: [], skippedCount: 0 });
    expect(await counts(project.id)).toMatchObject({ items: 3, annotations: 6, externals: 2 });

    const rows = await getPool().query<{ external_id: string; done_count: number; target_count: number }>(
      "SELECT external_id, done_count, target_count FROM items WHERE project_id = $1 ORDER BY id",
      [project.id],
    );
    expect(rows.rows).toEqual([
      { external_id: "full", done_count: 3, target_count: 3 },
      { external_id: "one", done_count: 1, target_count: 3 },
      { external_id: "none", done_count: 0, target_count: 3 },
    ]);
    const stamped = await getPool().query<{ n: string }>(
      "SELECT count(*) AS n FROM assignments WHERE import_batch_id = $1 AND status = 'submitted'",
      [res.body.batchId],
    );
    expect(stamped.rows[0].n).toBe("4");
    const when = await getPool().query<{ created_at: Date }>(
      `SELECT n.created_at FROM annotations n JOIN users u ON u.id = n.user_id
        JOIN items i ON i.id = n.item_id WHERE i.external_id = 'full' AND u.name = 'w-17'`,
    );
    expect(when.rows[0].created_at.toISOString()).toBe("2024-05-01T10:00:00.000Z");

    // The queue: "full" is done; annotator 0 labeled it already; "one" takes two more annotators.
    const served: string[] = [];
    for (const a of annotators) {
      for (;;) {
        const next = await claimAs(a.token, params);
        if (next.status === 204) break;
        served.push(`${a.name}:${next.body.item.externalId}`);
        const done = await submitAs(a.token, next.body.assignmentId, {
          sentiment: "pos",
          toxic: null,
          quality: null,
        });
        expect(done.status, JSON.stringify(done.body)).toBe(201);
      }
    }
    expect(served.sort()).toEqual(
      [
        `${annotators[0].name}:one`,
        `${annotators[0].name}:none`,
        `${annotators[1].name}:one`,
        `${annotators[1].name}:none`,
      ].sort(),
    );

    // The item page says where each label came from: the import batch, or made in Concord.
    const oneId = (await db.item.findFirstOrThrow({ where: { projectId: project.id, externalId: "one" } }))
      .id;
    const [sentiment] = await listItemAnnotations(project.id, String(oneId));
    const sources = sentiment.labels.map((l) => [l.annotator, l.importedFrom?.batchName ?? "Concord"]).sort();
    expect(sources).toEqual(
      [
        ["w-17", "history"],
        [annotators[0].name, "Concord"],
        [annotators[1].name, "Concord"],
      ].sort(),
    );
    expect(sentiment.labels.find((l) => l.annotator === "w-17")?.importedFrom?.batchId).toBe(
      res.body.batchId,
    );
  });

  it("keeps external annotators out of sign-in, in the database itself", async () => {
    const { lead, project, params } = await setup();
    const res = await upload(
      lead.token,
      params,
      jsonl([{ data: { text: "a" }, annotations: [{ annotator: "crowd-1", values: { sentiment: "pos" } }] }]),
    );
    expect(res.status).toBe(201);
    const external = await db.user.findFirstOrThrow({ where: { externalProjectId: project.id } });
    expect(external.name).toBe("crowd-1");
    expect(await checkPassword(external.email, "!", null)).toBeNull();
    await expect(
      getPool().query("UPDATE users SET password_hash = 'x', disabled_at = NULL WHERE id = $1", [
        external.id,
      ]),
    ).rejects.toThrow(/users_external_cannot_sign_in_check/);
  });

  it("rejects bad labels naming the line and field, and writes nothing", async () => {
    const { lead, project, params } = await setup();
    const body = jsonl([
      {
        externalId: "a",
        data: { text: "short" },
        annotations: [{ annotator: "w1", values: { mood: "pos" } }],
      },
      {
        externalId: "b",
        data: { text: "short" },
        annotations: [{ annotator: "w1", values: { sentiment: "meh" } }],
      },
      {
        externalId: "c",
        data: { text: "short" },
        annotations: [{ annotator: "w1", values: { toxic: [{ start: 2, end: 40, label: "tox" }] } }],
      },
      {
        externalId: "d",
        data: { text: "short" },
        annotations: [
          { annotator: "w1", values: { sentiment: "pos" } },
          { annotator: "w1", values: { sentiment: "neg" } },
        ],
      },
    ]);
    const res = await upload(lead.token, params, body);
    expect(res.status).toBe(422);
    const errors = res.body.errors as { path: string; message: string; line: number }[];
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [1, "annotations.0.values.mood"],
      [2, "annotations.0.values.sentiment"],
      [3, "annotations.0.values.toxic.0.end"],
      [4, "annotations.1.annotator"],
    ]);
    expect(errors[3].message).toMatch(/one annotation per annotator and item/);
    expect(await counts(project.id)).toEqual({ items: 0, annotations: 0, externals: 0, batches: 0 });
  });

  it("skips bad records with onInvalid=skip and lists them with their line and reasons", async () => {
    const { lead, project, params } = await setup();
    const body = jsonl([
      { data: { text: "fine" }, annotations: [{ annotator: "w1", values: { sentiment: "pos" } }] },
      { data: { text: "bad" }, annotations: [{ annotator: "w1", values: { sentiment: "meh" } }] },
      { data: "not an object" },
      { data: { text: "also fine" } },
    ]);
    const res = await upload(lead.token, params, body, "?onInvalid=skip");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, annotations: 1, skippedCount: 2 });
    expect(
      res.body.skipped.map((s: { line: number; errors: { path: string }[] }) => [s.line, s.errors[0].path]),
    ).toEqual([
      [2, "annotations.0.values.sentiment"],
      [3, "data"],
    ]);
    expect(await counts(project.id)).toMatchObject({ items: 2, annotations: 1 });
  });

  it("creates no empty batch when every record is already there", async () => {
    const { lead, project, params } = await setup();
    const body = jsonl([
      { externalId: "x", data: { text: "a" } },
      { externalId: "y", data: { text: "b" } },
    ]);
    expect((await upload(lead.token, params, body)).status).toBe(201);
    const again = await upload(lead.token, params, body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ batchId: null, imported: 0, duplicates: 2 });
    const batches = await callRoute(listBatches, { token: lead.token, params });
    expect(batches.body.batches).toHaveLength(1);
    expect(await counts(project.id)).toMatchObject({ items: 2, batches: 1 });
  });

  it("reads gzip bodies, by Content-Encoding or by their magic bytes, and refuses one that inflates past the limit", async () => {
    const { lead, project, params } = await setup();
    const body = gzipSync(jsonl([{ data: { text: "zipped one" } }, { data: { text: "zipped two" } }]));
    const declared = await upload(lead.token, params, body, "", { "content-encoding": "gzip" });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const sniffed = await upload(
      lead.token,
      params,
      gzipSync(jsonl([{ data: { text: "zipped three" } }])),
      "?fileName=x.jsonl.gz",
    );
    expect(sniffed.status, JSON.stringify(sniffed.body)).toBe(201);
    expect(await counts(project.id)).toMatchObject({ items: 3 });

    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    process.env.CONCORD_MAX_UPLOAD_BYTES = String(8 * 1024 * 1024);
    try {
      const res = await upload(lead.token, params, bomb);
      expect(res.status).toBe(413);
    } finally {
      delete process.env.CONCORD_MAX_UPLOAD_BYTES;
    }
    const broken = await upload(
      lead.token,
      params,
      Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not gzip at all")]),
    );
    expect(broken.status).toBe(400);
    expect(await counts(project.id)).toMatchObject({ items: 3, batches: 2 });
  });

  it("maps renamed and nested fields of JSONL records, keeping JSON types", async () => {
    const { lead, project, params } = await setup();
    const body = jsonl([
      { id: 7, body: "hi there", meta: { source: "forum", tags: ["a", "b"], score: 0.5 } },
    ]);
    const res = await upload(
      lead.token,
      params,
      body,
      "?idField=id&dataFields=" +
        encodeURIComponent("text=body,source=meta.source,tags=meta.tags,meta.score"),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = await db.item.findFirstOrThrow({ where: { projectId: project.id } });
    expect(item.externalId).toBe("7");
    expect(item.data).toEqual({ text: "hi there", source: "forum", tags: ["a", "b"], "meta.score": 0.5 });
  });
});
