// A campaign's body, broken in every way a client can break it: a 4xx naming the field, never a
// 500, and no campaign made.
import { afterAll, describe, expect, it } from "vitest";
import { POST as createCampaignRoute } from "@/app/api/v1/projects/[id]/campaigns/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createLabelingProject } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

describe("a campaign's body", () => {
  it("is refused naming the field when broken, and nothing is made", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
    });
    const base = { name: "relabel", definitionKey: "sentiment" };
    const cases: [unknown, number, string][] = [
      [{ ...base, filter: { week: "0000-01-03" } }, 400, "filter.week"],
      [{ ...base, filter: { week: "2026-12-08" } }, 422, "filter.week"],
      [{ ...base, filter: { week: 20261207 } }, 400, "filter.week"],
      [{ ...base, filter: { itemIds: ["x"] } }, 400, "filter.itemIds.0"],
      [{ ...base, filter: { itemIds: ["99999999999999999999"] } }, 400, "filter.itemIds.0"],
      [{ ...base, filter: { itemIds: ["9223372036854775807"] } }, 422, "filter.itemIds.0"],
      [{ ...base, filter: { itemIds: "1" } }, 400, "filter.itemIds"],
      [{ ...base, filter: { itemIds: ["1"], disagreements: true } }, 422, "filter"],
      [
        { ...base, filter: { evalSetVersion: { evalSetId: project.id, version: 1 } } },
        422,
        "filter.evalSetVersion",
      ],
      [
        { ...base, filter: { evalSetVersion: { evalSetId: project.id, version: 1, x: { y: [1] } } } },
        400,
        "filter.evalSetVersion.x",
      ],
      [{ ...base, filter: { disagreements: false } }, 400, "filter.disagreements"],
      [{ ...base, filter: { nested: { deeper: { deepest: [[["x"]]] } } } }, 400, "filter.nested"],
      [{ ...base, filter: { disagreements: true }, overlap: 0 }, 400, "overlap"],
      [{ ...base, filter: { disagreements: true }, overlap: 51 }, 400, "overlap"],
      [{ ...base, filter: { disagreements: true }, overlap: 1.5 }, 400, "overlap"],
      [{ ...base, filter: { disagreements: true }, overlap: "2" }, 400, "overlap"],
      [{ ...base, filter: { disagreements: true }, serve: "middle" }, 400, "serve"],
      [{ ...base, filter: { disagreements: true }, definitionKey: "nope" }, 422, "definitionKey"],
      [{ name: "relabel", filter: { disagreements: true } }, 400, "definitionKey"],
      [{ ...base }, 400, "filter"],
      [{ ...base, name: "x".repeat(100_000), filter: { disagreements: true } }, 400, "name"],
    ];
    for (const [json, status, path] of cases) {
      const res = await callRoute(createCampaignRoute, { token: lead.token, params, json });
      expect(res.status, JSON.stringify(json).slice(0, 200)).toBe(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const byAnnotator = await callRoute(createCampaignRoute, {
      token: annotators[0].token,
      params,
      json: { ...base, filter: { disagreements: true } },
    });
    expect(byAnnotator.status).toBe(403);
    const { rows } = await getPool().query("SELECT 1 FROM campaigns WHERE project_id = $1", [project.id]);
    expect(rows).toHaveLength(0);
  });
});
