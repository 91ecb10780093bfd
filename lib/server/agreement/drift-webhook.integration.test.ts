import { afterAll, describe, expect, it } from "vitest";
import { GET as driftRoute } from "@/app/api/v1/projects/[id]/agreement/drift/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { disconnectDb, getPool } from "@/lib/db";
import { announceDriftFlags } from "./announce-drift-flags";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

describe("agreement.drift_flagged", () => {
  it("goes to the outbox once per flag, the first time the drift report raises it", async () => {
    const s = await createLabelingProject({ items: 20, overlap: 2, annotators: 2 });
    await getPool().query(
      `INSERT INTO webhooks (project_id, url, events, secret) VALUES ($1, 'http://127.0.0.1:9/x', '["agreement.drift_flagged"]', 'whsec_${Buffer.alloc(32, 1).toString("base64")}')`,
      [s.project.id],
    );
    const second = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ externalId: `late-${i}`, data: { text: `Late ${i}` } }),
    );
    const imported = await callRoute(importRoute, {
      token: s.lead.token,
      params: s.params,
      path: "/x?name=second",
      body: second.join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(imported.status).toBe(201);
    // the first batch "pos", the second "neg": the second batch's labels shift
    for (;;) {
      let served = 0;
      for (const a of s.annotators) {
        const next = await claimAs(a.token, s.params);
        if (next.status === 204) continue;
        const value = next.body.item.externalId.startsWith("late-") ? "neg" : "pos";
        expect((await submitAs(a.token, next.body.assignmentId, { sentiment: value })).status).toBe(201);
        served++;
      }
      if (!served) break;
    }
    const outbox = () =>
      getPool()
        .query<{ payload: { data: Record<string, unknown> } }>(
          `SELECT o.payload FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.project_id = $1`,
          [s.project.id],
        )
        .then((r) => r.rows.map((x) => x.payload.data));
    expect(await outbox()).toEqual([]);
    const report = await callRoute(driftRoute, { token: s.lead.token, params: s.params });
    const flagged = report.body.definitions[0].byBatch.filter((w: { isShifted: boolean }) => w.isShifted);
    expect(flagged).toHaveLength(1);
    const events = await outbox();
    expect(events).toEqual([
      expect.objectContaining({
        definition: "sentiment",
        period: "batch",
        window: flagged[0].window,
        kind: "shift",
        projectId: s.project.id,
      }),
    ]);
    // the report computed again (by another process, after new labels): the flag is not announced twice
    await announceDriftFlags(s.project.id, report.body);
    expect(await outbox()).toHaveLength(events.length);
  });
});
