// What a new version would make stale, counted against the rows the test wrote: labels and items
// by version, and the frozen eval-set versions that carry the definition at its current version.
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { getNewVersionImpact } from "./get-new-version-impact";

afterAll(async () => {
  await disconnectDb();
});

async function labelAll(tokens: string[], params: { id: string }, value: string) {
  let labels = 0;
  for (const token of tokens) {
    for (;;) {
      const next = await claimAs(token, params);
      if (next.status === 204) break;
      expect((await submitAs(token, next.body.assignmentId, { sentiment: value })).status).toBe(201);
      labels += 1;
    }
  }
  return labels;
}

describe("the impact of a new definition version", () => {
  it("counts the labels and items under each version and the frozen eval sets built on the current one", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 5,
      overlap: 2,
      annotators: 3,
    });
    expect(await getNewVersionImpact(project.id, "sentiment")).toEqual({
      currentVersion: 1,
      labels: 0,
      items: 0,
      versions: [],
      evalSets: 0,
      evalSetVersions: 0,
    });
    const tokens = annotators.map((a) => a.token);
    // Two annotators label everything under v1: 5 items x 2 = 10 labels.
    expect(await labelAll(tokens.slice(0, 2), params, "pos")).toBe(10);
    const freeze = async (name: string) => {
      const set = await callRoute(createSetRoute, { token: lead.token, params, json: { name, filter: {} } });
      expect(set.status).toBe(201);
      for (let n = 0; n < 2; n++) {
        const frozen = await callRoute(freezeRoute, {
          method: "POST",
          token: lead.token,
          params: { id: set.body.id },
        });
        expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
      }
    };
    await freeze("first");
    await freeze("second");
    expect(await getNewVersionImpact(project.id, "sentiment")).toEqual({
      currentVersion: 1,
      labels: 10,
      items: 5,
      versions: [{ version: 1, labels: 10, items: 5 }],
      evalSets: 2,
      evalSetVersions: 4,
    });
    const put = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      json: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
    });
    expect(put.status).toBe(200);
    // The sets are built on v1: a third version would not make them any staler than v2 did.
    // A third annotation per item lets the third annotator label every item under v2.
    await getPool().query("UPDATE items SET target_count = 3 WHERE project_id = $1", [project.id]);
    expect(await labelAll(tokens.slice(2), params, "neg")).toBe(5);
    expect(await getNewVersionImpact(project.id, "sentiment")).toEqual({
      currentVersion: 2,
      labels: 15,
      items: 5,
      versions: [
        { version: 1, labels: 10, items: 5 },
        { version: 2, labels: 5, items: 5 },
      ],
      evalSets: 0,
      evalSetVersions: 0,
    });
  });
});
