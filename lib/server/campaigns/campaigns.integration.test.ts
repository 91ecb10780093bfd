// Relabel campaigns end to end through the real queue: version 1 labels, a breaking version 2, a
// campaign relabeled by several annotators at once; the transitions and the stale eval set checked
// against a hand count.
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { GET as lineageRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/lineage/route";
import { POST as skipRoute } from "@/app/api/v1/assignments/[id]/skip/route";
import { GET as getCampaignRoute } from "@/app/api/v1/projects/[id]/campaigns/[campaignId]/route";
import {
  GET as listCampaignsRoute,
  POST as createCampaignRoute,
} from "@/app/api/v1/projects/[id]/campaigns/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { GET as impactRoute } from "@/app/api/v1/projects/[id]/label-definitions/[key]/impact/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { GET as transitionsRoute } from "@/app/api/v1/projects/[id]/label-definitions/[key]/transitions/route";
import { disconnectDb, getPool } from "@/lib/db";
import { reclaimExpiredLeases } from "@/lib/server/queue/reclaim-expired-leases";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const V1 = ["pos", "neg", "neu"];
const v1Value = (i: number) => V1[i % 3];
// Version 2 drops "neu" for "mixed", and splits some "pos" items off as "neg".
const v2Value = (i: number) => (i % 3 === 2 ? "mixed" : i % 3 === 0 ? (i % 2 === 0 ? "pos" : "neg") : "neg");
const indexOf = (externalId: string) => Number(externalId.replace("item-", ""));

/** Each annotator claims and submits until the queue has nothing for them; all at once. */
async function labelUntilDone(tokens: string[], params: { id: string }, valueOf: (i: number) => string) {
  const served: { token: string; item: string; campaign?: string; definitions: unknown[] }[] = [];
  await Promise.all(
    tokens.map(async (token) => {
      for (;;) {
        const next = await claimAs(token, params);
        if (next.status === 204) return;
        expect(next.status, JSON.stringify(next.body)).toBe(200);
        served.push({
          token,
          item: next.body.item.id,
          campaign: next.body.campaign?.id,
          definitions: next.body.definitions,
        });
        const value = valueOf(indexOf(next.body.item.externalId));
        const res = await submitAs(token, next.body.assignmentId, { sentiment: value });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }),
  );
  return served;
}

const breakingV2 = {
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }, { key: "mixed" }],
  guidelines: "Mixed feelings are mixed, not neutral.",
};

describe("relabel campaigns", () => {
  it("relabels under version 2 through the queue, concurrently; transitions and the stale eval set match a hand count", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 12,
      overlap: 3,
      annotators: 5,
    });
    const pool = getPool();
    const tokens = annotators.map((a) => a.token);
    await labelUntilDone(tokens.slice(0, 3), params, v1Value);

    const createSet = await callRoute(createSetRoute, {
      token: lead.token,
      params,
      json: { name: "v1 set", filter: {} },
    });
    expect(createSet.status).toBe(201);
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: lead.token,
      params: { id: createSet.body.id },
    });
    expect(frozen.status).toBe(201);
    expect(frozen.body.itemCount).toBe(12);
    const lineage = () =>
      callRoute(lineageRoute, { token: lead.token, params: { id: createSet.body.id, version: "1" } });
    expect((await lineage()).body).toMatchObject({ isStale: false, changedItems: 0, items: 12 });

    const itemIds = (
      await pool.query<{ id: string }>("SELECT id FROM items WHERE project_id = $1 ORDER BY id", [project.id])
    ).rows.map((r) => r.id);
    const create = (json: unknown) => callRoute(createCampaignRoute, { token: lead.token, params, json });
    const campaignOf8 = {
      name: "v2 relabel",
      definitionKey: "sentiment",
      filter: { itemIds: itemIds.slice(0, 8) },
      overlap: 2,
    };

    // Refusals, each naming the field, and nothing written.
    const sameVersion = await create(campaignOf8);
    expect(sameVersion.status).toBe(422);
    expect(sameVersion.body.errors[0].path).toBe("definitionKey");
    const put = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      json: breakingV2,
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(2);
    const empty = await create({ ...campaignOf8, filter: { itemIds: [] } });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].path).toBe("filter");
    const nothingMatches = await create({ ...campaignOf8, filter: { labels: { sentiment: ["mixed"] } } });
    expect(nothingMatches.status).toBe(422);
    expect(nothingMatches.body.errors[0].path).toBe("filter");
    const unknown = await create({ ...campaignOf8, definitionKey: "topic" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("definitionKey");
    const elsewhere = await createLabelingProject({ items: 1, overlap: 1, annotators: 0 });
    const foreignItem = (
      await pool.query<{ id: string }>("SELECT id FROM items WHERE project_id = $1", [elsewhere.project.id])
    ).rows[0].id;
    const foreign = await create({ ...campaignOf8, filter: { itemIds: [foreignItem] } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe("filter.itemIds.0");
    const asAnnotator = await callRoute(createCampaignRoute, { token: tokens[0], params, json: campaignOf8 });
    expect(asAnnotator.status).toBe(403);
    const written = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM campaigns WHERE project_id = $1",
      [project.id],
    );
    expect(written.rows[0].n).toBe(0);

    const impact = await callRoute(impactRoute, {
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
    });
    expect(impact.body).toEqual({ currentVersion: 2, versions: [{ version: 1, items: 12 }] });
    // A new version alone makes the set stale, but changes no final label yet.
    expect((await lineage()).body).toMatchObject({
      isStale: true,
      newerDefinitions: [{ key: "sentiment", frozenVersion: 1, currentVersion: 2 }],
      changedItems: 0,
    });

    const created = await create(campaignOf8);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items).toBe(8);
    const campaignId = created.body.id;

    // A value of version 1 no longer fits: 422, nothing stored.
    const first = await claimAs(tokens[0], params);
    expect(first.body.campaign).toEqual({ id: campaignId, name: "v2 relabel" });
    expect(first.body.definitions.map((d: { key: string; version: number }) => [d.key, d.version])).toEqual([
      ["sentiment", 2],
    ]);
    const stale = await submitAs(tokens[0], first.body.assignmentId, { sentiment: "neu" });
    expect(stale.status).toBe(422);
    expect(stale.body.errors[0].path).toBe("values.sentiment");
    await submitAs(tokens[0], first.body.assignmentId, {
      sentiment: v2Value(indexOf(first.body.item.externalId)),
    });

    // Five annotators (three who labeled version 1) relabel at once.
    const served = await labelUntilDone(tokens, params, v2Value);
    expect(served.every((s) => s.campaign === campaignId)).toBe(true);

    const perItem = await pool.query<{ item_id: string; users: number; annotations: number }>(
      `SELECT a.item_id, count(DISTINCT a.user_id)::int AS users, count(*)::int AS annotations
         FROM assignments a WHERE a.campaign_id = $1 AND a.status = 'submitted' GROUP BY a.item_id`,
      [campaignId],
    );
    expect(perItem.rows).toHaveLength(8);
    for (const row of perItem.rows) expect(row).toMatchObject({ users: 2, annotations: 2 });
    const counters = await pool.query<{ done: number; leases: number }>(
      "SELECT done_count AS done, lease_count AS leases FROM campaign_items WHERE campaign_id = $1",
      [campaignId],
    );
    expect(counters.rows.every((r) => r.done === 2 && r.leases === 0)).toBe(true);
    const itemCounters = await pool.query<{ done: number }>(
      "SELECT DISTINCT done_count AS done FROM items WHERE project_id = $1",
      [project.id],
    );
    expect(itemCounters.rows).toEqual([{ done: 3 }]);
    const campaign = await callRoute(getCampaignRoute, {
      token: lead.token,
      params: { id: project.id, campaignId },
    });
    expect(campaign.body).toMatchObject({
      items: 8,
      version: 2,
      fromVersions: [1],
      progress: { itemsDone: 8, annotations: 16, annotationsNeeded: 16, leased: 0 },
    });
    expect(campaign.body.completedAt).not.toBeNull();
    const list = await callRoute(listCampaignsRoute, { token: lead.token, params });
    expect(list.body.campaigns.map((c: { id: string }) => c.id)).toEqual([campaignId]);

    // The hand count: items 0..7, version 1 -> version 2.
    const expected = new Map<string, number>();
    for (let i = 0; i < 8; i++) {
      const key = `"${v1Value(i)}" -> "${v2Value(i)}"`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(expected)).toEqual({
      '"pos" -> "pos"': 2,
      '"neg" -> "neg"': 3,
      '"neu" -> "mixed"': 2,
      '"pos" -> "neg"': 1,
    });
    const transitions = await callRoute(transitionsRoute, {
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      path: "/x?from=1&to=2",
    });
    expect(transitions.status).toBe(200);
    expect(transitions.body).toMatchObject({ from: 1, to: 2, items: 8, changed: 3 });
    expect(
      Object.fromEntries(
        transitions.body.matrix.map((c: { from: string; to: string; count: number }) => [
          `${c.from} -> ${c.to}`,
          c.count,
        ]),
      ),
    ).toEqual(Object.fromEntries(expected));
    const badVersion = await callRoute(transitionsRoute, {
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      path: "/x?from=1&to=7",
    });
    expect(badVersion.status).toBe(422);
    expect(badVersion.body.errors[0].path).toBe("to");

    // The set frozen on version 1 is stale by the items whose final label flipped (2, 3 and 5).
    expect((await lineage()).body).toMatchObject({
      isStale: true,
      changedItems: 3,
      changedByDefinition: [{ key: "sentiment", items: 3 }],
      campaigns: [{ id: campaignId, name: "v2 relabel" }],
    });
  });

  it("serves `after` campaigns behind ordinary work, never twice per campaign after a skip, and reclaims expired campaign leases", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 2,
    });
    const [a, b] = annotators;
    await labelUntilDone([a.token], params, v1Value);
    await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      json: breakingV2,
    });
    const created = await callRoute(createCampaignRoute, {
      token: lead.token,
      params,
      json: { name: "after", definitionKey: "sentiment", filter: {}, overlap: 1, serve: "after" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items).toBe(2);
    const imported = await callRoute(importRoute, {
      token: lead.token,
      params,
      json: [{ externalId: "fresh", data: { text: "new" } }],
    });
    expect(imported.status).toBe(201);

    const firstA = await claimAs(a.token, params);
    expect(firstA.body.item.externalId).toBe("fresh");
    expect(firstA.body.campaign).toBeUndefined();
    await submitAs(a.token, firstA.body.assignmentId, { sentiment: "pos" });

    const secondA = await claimAs(a.token, params);
    expect(secondA.body.campaign.id).toBe(created.body.id);
    expect(
      (
        await callRoute(skipRoute, {
          method: "POST",
          token: a.token,
          params: { id: secondA.body.assignmentId },
        })
      ).status,
    ).toBe(200);
    const thirdA = await claimAs(a.token, params);
    expect(thirdA.body.item.id).not.toBe(secondA.body.item.id);

    // b takes the skipped item; its lease expires and is reclaimed back to the campaign's counters.
    const firstB = await claimAs(b.token, params);
    expect(firstB.body.item.id).toBe(secondA.body.item.id);
    const pool = getPool();
    await pool.query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      firstB.body.assignmentId,
    ]);
    expect(await reclaimExpiredLeases(pool, project.id)).toBe(1);
    const slot = await pool.query<{ leases: number }>(
      "SELECT lease_count AS leases FROM campaign_items WHERE campaign_id = $1 AND item_id = $2",
      [created.body.id, firstB.body.item.id],
    );
    expect(slot.rows[0].leases).toBe(0);
    const again = await claimAs(a.token, params);
    expect(again.body.assignmentId).toBe(thirdA.body.assignmentId);
  });

  it("the database refuses a second assignment per item, annotator and campaign, and campaign overshoot", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const [a] = annotators;
    await labelUntilDone([a.token], params, v1Value);
    await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      json: breakingV2,
    });
    const created = await callRoute(createCampaignRoute, {
      token: lead.token,
      params,
      json: { name: "raw", definitionKey: "sentiment", filter: {}, overlap: 1 },
    });
    const served = await claimAs(a.token, params);
    const pool = getPool();
    await expect(
      pool.query(
        `INSERT INTO assignments (project_id, item_id, user_id, campaign_id, definition_versions, expires_at)
         VALUES ($1, $2, $3, $4, '{"sentiment": 2}', now() + interval '1 hour')`,
        [project.id, served.body.item.id, a.id, created.body.id],
      ),
    ).rejects.toThrow(/assignments_item_id_user_id_key/);
    await expect(
      pool.query(
        `INSERT INTO assignments (project_id, item_id, user_id, definition_versions, expires_at)
         VALUES ($1, $2, $3, '{"sentiment": 2}', now() + interval '1 hour')`,
        [project.id, served.body.item.id, a.id],
      ),
    ).rejects.toThrow(/assignments_item_id_user_id_key/);
    await expect(
      pool.query("UPDATE campaign_items SET done_count = 1 WHERE campaign_id = $1", [created.body.id]),
    ).rejects.toThrow(/campaign_items_queue_counts_check/);
    const other = await createTestUser();
    expect(other.id).not.toBe(a.id);
  });
});
