// Campaigns and item flags on the audit trail and the webhook outbox: each change writes exactly one
// audit row and one outbox row per subscribed hook, with the facts a reader needs, in the change's
// own transaction, so a change that fails at commit leaves neither.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as createCampaignRoute } from "@/app/api/v1/projects/[id]/campaigns/route";
import { POST as answerFlagRoute } from "@/app/api/v1/projects/[id]/flags/[flagId]/answer/route";
import { POST as createFlagRoute } from "@/app/api/v1/projects/[id]/items/[itemId]/flags/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { POST as createHookRoute } from "@/app/api/v1/projects/[id]/webhooks/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  delete process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE;
});
afterAll(async () => {
  await disconnectDb();
});

const EVENTS = ["campaign.created", "campaign.completed", "item_flag.raised", "item_flag.answered"];

/**
 * Makes every transaction that writes an outbox row for this project fail at COMMIT, after the
 * change, its audit row and its outbox rows are all written: what is left afterwards shows what
 * committed together. A deferred constraint trigger, scoped to the project so parallel tests go on.
 */
async function failAtCommit(projectId: string): Promise<() => Promise<void>> {
  const name = `test_fail_commit_${projectId.replaceAll("-", "")}`;
  const pool = getPool();
  await pool.query(`CREATE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF NEW.payload->'data'->>'projectId' = '${projectId}' THEN
        RAISE EXCEPTION 'refused at commit by the test';
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`);
  await pool.query(`CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT ON webhook_outbox
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  let isDropped = false;
  const drop = async () => {
    if (isDropped) return;
    isDropped = true;
    await pool.query(`DROP TRIGGER ${name} ON webhook_outbox`);
    await pool.query(`DROP FUNCTION ${name}()`);
  };
  cleanups.push(drop);
  return drop;
}

type TAuditRow = {
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: unknown;
};
type TOutboxRow = { webhook_id: string; event_type: string; payload: { type: string; data: unknown } };

async function written(projectId: string) {
  const pool = getPool();
  const audit = await pool.query<TAuditRow>(
    `SELECT actor_id, action, target_type, target_id, details FROM audit_events
      WHERE project_id = $1 AND action = ANY($2) ORDER BY id`,
    [projectId, ["campaign.created", "campaign.completed", "item_flag.raised", "item_flag.answered"]],
  );
  const outbox = await pool.query<TOutboxRow>(
    `SELECT o.webhook_id::text, o.event_type, o.payload FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id
      WHERE w.project_id = $1 AND o.event_type = ANY($2) ORDER BY o.id`,
    [projectId, EVENTS],
  );
  return { audit: audit.rows, outbox: outbox.rows };
}

describe("campaigns and item flags on the audit trail and the outbox", () => {
  it("write one audit row and one outbox row per subscribed hook for each change, and nothing when the change fails", async () => {
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 3,
      overlap: 1,
      annotators: 2,
    });
    const [first, second] = annotators;
    const pool = getPool();
    const hooks: string[] = [];
    for (const events of [EVENTS, [...EVENTS].reverse(), ["item.completed"]]) {
      const res = await callRoute(createHookRoute, {
        token: lead.token,
        params,
        json: { url: "http://127.0.0.1:9/hook", events },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      hooks.push(res.body.id);
    }
    const subscribed = hooks.slice(0, 2).sort();
    /** What was written since `before`: one audit row and an outbox row for each subscribed hook. */
    const expectAnnounced = async (
      before: Awaited<ReturnType<typeof written>>,
      audit: TAuditRow,
      event: { type: string; data: Record<string, unknown> },
    ) => {
      const now = await written(project.id);
      expect(now.audit.slice(before.audit.length)).toEqual([audit]);
      const outbox = now.outbox.slice(before.outbox.length);
      expect(outbox.map((o) => o.webhook_id).sort()).toEqual(subscribed);
      for (const o of outbox) {
        expect(o.event_type).toBe(event.type);
        expect(o.payload).toMatchObject({
          type: event.type,
          data: { ...event.data, projectId: project.id },
        });
        expect(Object.keys(o.payload.data as object).sort()).toEqual(
          [...Object.keys(event.data), "projectId"].sort(),
        );
      }
    };
    const expectNothingSince = async (before: Awaited<ReturnType<typeof written>>) => {
      expect(await written(project.id)).toEqual(before);
    };

    // Version 1 labels by the first annotator, then a breaking version 2.
    const servedItems: string[] = [];
    for (;;) {
      const next = await claimAs(first.token, params);
      if (next.status === 204) break;
      servedItems.push(next.body.item.id);
      expect((await submitAs(first.token, next.body.assignmentId, { sentiment: "pos" })).status).toBe(201);
    }
    expect(servedItems).toHaveLength(3);
    const put = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { id: project.id, key: "sentiment" },
      json: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "mixed" }] },
    });
    expect(put.status).toBe(200);

    // campaign.created: refused at commit, nothing; then for real.
    const campaignInput = {
      name: "relabel v2",
      definitionKey: "sentiment",
      filter: { itemIds: servedItems },
    };
    let before = await written(project.id);
    expect(before).toEqual({ audit: [], outbox: [] });
    let drop = await failAtCommit(project.id);
    const refused = await callRoute(createCampaignRoute, { token: lead.token, params, json: campaignInput });
    expect(refused.status).toBe(500);
    await drop();
    await expectNothingSince(before);
    expect((await pool.query("SELECT 1 FROM campaigns WHERE project_id = $1", [project.id])).rowCount).toBe(
      0,
    );
    const created = await callRoute(createCampaignRoute, { token: lead.token, params, json: campaignInput });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaignId = created.body.id;
    const campaignFacts = { name: "relabel v2", definitionKey: "sentiment", definitionVersion: 2, items: 3 };
    await expectAnnounced(
      before,
      {
        actor_id: lead.id,
        action: "campaign.created",
        target_type: "campaign",
        target_id: campaignId,
        details: { ...campaignFacts, overlap: 1, serve: "before" },
      },
      { type: "campaign.created", data: { campaignId, ...campaignFacts, overlap: 1, serve: "before" } },
    );
    // A refused campaign (the same name again) writes nothing.
    before = await written(project.id);
    const again = await callRoute(createCampaignRoute, { token: lead.token, params, json: campaignInput });
    expect(again.status).toBe(409);
    await expectNothingSince(before);

    // item_flag.raised, by the second annotator on the campaign item they are served.
    const served = await claimAs(second.token, params);
    expect(served.body.campaign?.id).toBe(campaignId);
    const itemId = served.body.item.id;
    const externalId = served.body.item.externalId;
    const flagParams = { ...params, itemId };
    const flag = { kind: "guideline_question", note: "Is sarcasm mixed?" };
    drop = await failAtCommit(project.id);
    expect(
      (await callRoute(createFlagRoute, { token: second.token, params: flagParams, json: flag })).status,
    ).toBe(500);
    await drop();
    await expectNothingSince(before);
    expect((await pool.query("SELECT 1 FROM item_flags WHERE project_id = $1", [project.id])).rowCount).toBe(
      0,
    );
    const raised = await callRoute(createFlagRoute, { token: second.token, params: flagParams, json: flag });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const flagId = raised.body.id;
    await expectAnnounced(
      before,
      {
        actor_id: second.id,
        action: "item_flag.raised",
        target_type: "item_flag",
        target_id: flagId,
        details: { itemId, externalId, kind: "guideline_question" },
      },
      {
        type: "item_flag.raised",
        data: {
          flagId,
          itemId,
          externalId,
          kind: "guideline_question",
          note: "Is sarcasm mixed?",
          flaggedBy: { id: second.id, name: second.name },
        },
      },
    );

    // item_flag.answered: refused at commit, nothing; answered; answered twice is a 409 and nothing.
    before = await written(project.id);
    const answer = { answer: "Yes: sarcasm is mixed." };
    drop = await failAtCommit(project.id);
    expect(
      (await callRoute(answerFlagRoute, { token: lead.token, params: { ...params, flagId }, json: answer }))
        .status,
    ).toBe(500);
    await drop();
    await expectNothingSince(before);
    const unanswered = await pool.query("SELECT answered_at FROM item_flags WHERE id = $1", [flagId]);
    expect(unanswered.rows).toEqual([{ answered_at: null }]);
    const answered = await callRoute(answerFlagRoute, {
      token: lead.token,
      params: { ...params, flagId },
      json: answer,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const flaggedBy = { id: second.id, name: second.name };
    await expectAnnounced(
      before,
      {
        actor_id: lead.id,
        action: "item_flag.answered",
        target_type: "item_flag",
        target_id: flagId,
        details: { itemId, externalId, flaggedBy },
      },
      {
        type: "item_flag.answered",
        data: {
          flagId,
          itemId,
          externalId,
          flaggedBy,
          kind: "guideline_question",
          answer: "Yes: sarcasm is mixed.",
          answeredBy: { id: lead.id, name: lead.name },
        },
      },
    );
    before = await written(project.id);
    const twice = await callRoute(answerFlagRoute, {
      token: lead.token,
      params: { ...params, flagId },
      json: answer,
    });
    expect(twice.status).toBe(409);
    await expectNothingSince(before);

    // campaign.completed, by the submit that fills the last item; a refused last submit leaves the
    // campaign open, unannounced, and its annotation unsaved.
    let assignmentId = served.body.assignmentId;
    for (let n = 0; n < 2; n++) {
      expect((await submitAs(second.token, assignmentId, { sentiment: "mixed" })).status).toBe(201);
      const next = await claimAs(second.token, params);
      expect(next.body.campaign?.id).toBe(campaignId);
      assignmentId = next.body.assignmentId;
    }
    before = await written(project.id);
    expect(before.audit.map((a) => a.action)).not.toContain("campaign.completed");
    drop = await failAtCommit(project.id);
    expect((await submitAs(second.token, assignmentId, { sentiment: "mixed" })).status).toBe(500);
    await drop();
    await expectNothingSince(before);
    const open = await pool.query("SELECT done_items, completed_at FROM campaigns WHERE id = $1", [
      campaignId,
    ]);
    expect(open.rows).toEqual([{ done_items: 2, completed_at: null }]);
    expect((await submitAs(second.token, assignmentId, { sentiment: "mixed" })).status).toBe(201);
    await expectAnnounced(
      before,
      {
        actor_id: null,
        action: "campaign.completed",
        target_type: "campaign",
        target_id: campaignId,
        details: campaignFacts,
      },
      { type: "campaign.completed", data: { campaignId, ...campaignFacts } },
    );
    // The hook that did not subscribe heard none of it.
    const unsubscribed = await pool.query(
      "SELECT count(*)::int AS n FROM webhook_outbox WHERE webhook_id = $1 AND event_type = ANY($2)",
      [hooks[2], EVENTS],
    );
    expect(unsubscribed.rows[0].n).toBe(0);
  });
});
