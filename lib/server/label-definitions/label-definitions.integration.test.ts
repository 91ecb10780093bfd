import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  GET as listDefinitions,
  POST as createDefinition,
} from "@/app/api/v1/projects/[id]/label-definitions/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { GET as listVersions } from "@/app/api/v1/projects/[id]/label-definitions/[key]/versions/route";
import { disconnectDb } from "@/lib/db";
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

const sentiment = {
  key: "sentiment",
  kind: "single_choice",
  title: "Sentiment",
  options: [{ key: "positive" }, { key: "negative" }, { key: "neutral" }],
  guidelines: "Pick the writer's sentiment.",
};

describe("label definitions", () => {
  it("accepts each of the six kinds and fills defaults", async () => {
    const { lead, params } = await setup();
    const bodies = [
      sentiment,
      { key: "topics", kind: "multi_choice", options: [{ key: "food" }, { key: "service" }] },
      { key: "stars", kind: "rating", min: 1, max: 5 },
      { key: "entities", kind: "spans", options: [{ key: "PER" }, { key: "ORG" }] },
      { key: "better", kind: "pairwise", allowTie: false },
      { key: "note", kind: "free_text", required: false },
    ];
    for (const body of bodies) {
      const res = await callRoute(createDefinition, { token: lead.token, params, json: body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ key: body.key, kind: body.kind, version: 1 });
    }
    const list = await callRoute(listDefinitions, { token: lead.token, params });
    expect(list.body.definitions.map((d: { key: string }) => d.key)).toEqual(bodies.map((b) => b.key));
    const spans = list.body.definitions.find((d: { key: string }) => d.key === "entities");
    expect(spans.spec.textField).toBe("text");
    expect(spans.spec.options.map((o: { hotkey: string }) => o.hotkey)).toEqual(["1", "2"]);
  });

  it("rejects bad definitions with 400 naming the field, and stores nothing", async () => {
    const { lead, params } = await setup();
    const cases: [unknown, string][] = [
      [{ key: "Bad Key", kind: "single_choice", options: [{ key: "a" }] }, "key"],
      [{ key: "r", kind: "rating", min: 5, max: 1 }, "max"],
      [{ key: "c", kind: "single_choice", options: [] }, "options"],
      [{ key: "c", kind: "single_choice", options: [{ key: "a" }, { key: "a" }] }, "options.1.key"],
      [{ key: "c", kind: "single_choice", options: [{ key: "a" }], min: 1 }, "min"],
      [{ key: "c", kind: "nonsense" }, "kind"],
      [{ key: "c", kind: "free_text", title: "t".repeat(201) }, "title"],
    ];
    for (const [body, path] of cases) {
      const res = await callRoute(createDefinition, { token: lead.token, params, json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(res.body.errors),
      ).toContain(path);
    }
    const list = await callRoute(listDefinitions, { token: lead.token, params });
    expect(list.body.definitions).toEqual([]);
  });

  it("makes a new immutable version on every change, and none when nothing changed", async () => {
    const { lead, params } = await setup();
    await callRoute(createDefinition, { token: lead.token, params, json: sentiment });
    const defParams = { ...params, key: "sentiment" };
    const same = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: defParams,
      json: sentiment,
    });
    expect(same.body.version).toBe(1);
    const narrowed = {
      ...sentiment,
      options: [{ key: "positive" }, { key: "negative" }],
      guidelines: "Two classes now.",
    };
    const v2 = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: defParams,
      json: narrowed,
    });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);
    const versions = await callRoute(listVersions, { token: lead.token, params: defParams });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = versions.body.versions[1];
    expect(v1.spec.options.map((o: { key: string }) => o.key)).toEqual(["positive", "negative", "neutral"]);
    expect(v1.guidelines).toBe("Pick the writer's sentiment.");
    expect(v1.createdBy).toBe(lead.email);
    expect(v1.guidelinesHash).not.toBe(versions.body.versions[0].guidelinesHash);
  });

  it("gives concurrent edits consecutive versions", async () => {
    const { lead, params } = await setup();
    await callRoute(createDefinition, { token: lead.token, params, json: sentiment });
    const defParams = { ...params, key: "sentiment" };
    const edits = Array.from({ length: 5 }, (_, i) => ({ ...sentiment, guidelines: `edit ${i}` }));
    const results = await Promise.all(
      edits.map((json) =>
        callRoute(updateDefinition, { method: "PUT", token: lead.token, params: defParams, json }),
      ),
    );
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it("refuses to change the key or the kind", async () => {
    const { lead, params } = await setup();
    await callRoute(createDefinition, { token: lead.token, params, json: sentiment });
    const defParams = { ...params, key: "sentiment" };
    const kind = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: defParams,
      json: { ...sentiment, kind: "multi_choice" },
    });
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0].path).toBe("kind");
    const key = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: defParams,
      json: { ...sentiment, key: "other" },
    });
    expect(key.status).toBe(400);
    expect(key.body.errors[0].path).toBe("key");
  });

  it("lets only leads create or edit; annotators and engineers get 403, outsiders 404", async () => {
    const { annotator, engineer, params } = await setup();
    const outsider = await createTestUser();
    expect(
      (await callRoute(createDefinition, { token: annotator.token, params, json: sentiment })).status,
    ).toBe(403);
    expect(
      (await callRoute(createDefinition, { token: engineer.token, params, json: sentiment })).status,
    ).toBe(403);
    expect(
      (await callRoute(createDefinition, { token: outsider.token, params, json: sentiment })).status,
    ).toBe(404);
    expect(
      (await callRoute(listVersions, { token: annotator.token, params: { ...params, key: "x" } })).status,
    ).toBe(403);
  });

  it("the database itself refuses to change or delete a version", async () => {
    const { lead, params } = await setup();
    const created = await callRoute(createDefinition, { token: lead.token, params, json: sentiment });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE label_definition_versions SET spec = '{}' WHERE definition_id = $1`, [
          created.body.definitionId,
        ]),
      ).rejects.toThrow(/immutable/);
      await expect(
        client.query(`DELETE FROM label_definition_versions WHERE definition_id = $1`, [
          created.body.definitionId,
        ]),
      ).rejects.toThrow(/immutable/);
    } finally {
      await client.end();
    }
  });
});
