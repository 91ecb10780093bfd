// Who may raise, read and answer item flags: an annotator flags only items they were served, a lead
// any item of the project; only a lead lists and answers them; an annotator reads their own flags
// and the answers to them, never another annotator's flags or labels.
import { afterAll, describe, expect, it } from "vitest";
import { POST as answerFlagRoute } from "@/app/api/v1/projects/[id]/flags/[flagId]/answer/route";
import { GET as listFlagsRoute } from "@/app/api/v1/projects/[id]/flags/route";
import { POST as createFlagRoute } from "@/app/api/v1/projects/[id]/items/[itemId]/flags/route";
import { GET as myFlagsRoute } from "@/app/api/v1/projects/[id]/my/flags/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

describe("item flag access", () => {
  it("lets annotators flag what they were served and read only their own flags and answers; leads flag, list and answer", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 4,
      overlap: 1,
      annotators: 3,
    });
    const [ann, bea, cal] = annotators;
    const pool = getPool();
    const engineer = await createTestUser();
    await pool.query("INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'engineer')", [
      project.id,
      engineer.id,
    ]);
    const elsewhere = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const outsider = elsewhere.annotators[0];

    const annServed = await claimAs(ann.token, params);
    const beaServed = await claimAs(bea.token, params);
    const annItem = annServed.body.item.id;
    const beaItem = beaServed.body.item.id;
    expect(annItem).not.toBe(beaItem);
    // Labels each annotator made: none of them may reach the other through a flag.
    expect((await submitAs(ann.token, annServed.body.assignmentId, { sentiment: "pos" })).status).toBe(201);
    expect((await submitAs(bea.token, beaServed.body.assignmentId, { sentiment: "neu" })).status).toBe(201);
    const { rows } = await pool.query<{ id: string }>(
      "SELECT id::text FROM items WHERE project_id = $1 AND id <> ALL($2::bigint[]) ORDER BY id",
      [project.id, [annItem, beaItem]],
    );
    const unserved = rows[0].id;

    const flag = (token: string, itemId: string, note: string) =>
      callRoute(createFlagRoute, {
        token,
        params: { ...params, itemId },
        json: { kind: "unclear", note },
      });
    const annFlag = await flag(ann.token, annItem, "ann asks");
    expect(annFlag.status, JSON.stringify(annFlag.body)).toBe(201);
    const beaFlag = await flag(bea.token, beaItem, "bea asks");
    expect(beaFlag.status).toBe(201);
    const leadFlag = await flag(lead.token, unserved, "lead notes");
    expect(leadFlag.status).toBe(201);
    expect(leadFlag.body.flaggedBy).toEqual({ id: lead.id, name: lead.name });

    // Refused: an annotator on an item served to someone else or to no one (404: they learn nothing
    // of it), one who was served nothing, an engineer, and someone outside the project.
    const refusals: [string, string, number][] = [
      [ann.token, beaItem, 404],
      [ann.token, unserved, 404],
      [cal.token, annItem, 404],
      [engineer.token, annItem, 403],
      [outsider.token, annItem, 404],
    ];
    for (const [token, itemId, status] of refusals) {
      const res = await flag(token, itemId, "refused");
      expect(res.status, `${itemId}`).toBe(status);
    }
    const stored = await pool.query<{ note: string }>(
      "SELECT note FROM item_flags WHERE project_id = $1 ORDER BY id",
      [project.id],
    );
    expect(stored.rows.map((r) => r.note)).toEqual(["ann asks", "bea asks", "lead notes"]);

    // Only a lead lists and answers flags; to someone outside the project, it does not exist.
    for (const [token, status] of [
      [ann.token, 403],
      [engineer.token, 403],
      [outsider.token, 404],
    ] as const) {
      expect((await callRoute(listFlagsRoute, { token, params, path: "/x?state=all" })).status).toBe(status);
      const res = await callRoute(answerFlagRoute, {
        token,
        params: { ...params, flagId: annFlag.body.id },
        json: { answer: "not mine to answer" },
      });
      expect(res.status).toBe(status);
    }
    const open = await callRoute(listFlagsRoute, { token: lead.token, params, path: "/x?state=open" });
    expect(open.status).toBe(200);
    expect(open.body.flags.map((f: { note: string }) => f.note)).toEqual([
      "ann asks",
      "bea asks",
      "lead notes",
    ]);
    const answered = await callRoute(answerFlagRoute, {
      token: lead.token,
      params: { ...params, flagId: annFlag.body.id },
      json: { answer: "Read the guideline on irony." },
    });
    expect(answered.status).toBe(200);
    const answers = await pool.query(
      "SELECT count(*)::int AS n FROM item_flags WHERE answer IS NOT NULL AND project_id = $1",
      [project.id],
    );
    expect(answers.rows[0].n).toBe(1);

    // Each annotator reads their own flags and answers, and nothing else.
    const mine = async (token: string) => {
      const res = await callRoute(myFlagsRoute, { token, params });
      expect(res.status).toBe(200);
      return res.body.flags as Record<string, unknown>[];
    };
    const annMine = await mine(ann.token);
    expect(annMine).toEqual([
      {
        ...annFlag.body,
        answer: "Read the guideline on irony.",
        answeredBy: { id: lead.id, name: lead.name },
        answeredAt: expect.any(String),
      },
    ]);
    expect(await mine(bea.token)).toEqual([beaFlag.body]);
    expect(await mine(cal.token)).toEqual([]);
    // A flag carries the item and the question, never a label: not the annotator's, not another's.
    for (const flags of [annMine, await mine(bea.token)]) {
      const text = JSON.stringify(flags);
      for (const label of ["pos", "neu"]) expect(text).not.toContain(`"${label}"`);
      expect(Object.keys(flags[0]).sort()).toEqual(Object.keys(annFlag.body).sort());
    }
    expect(JSON.stringify(annMine)).not.toContain("bea asks");
    expect((await callRoute(myFlagsRoute, { token: outsider.token, params })).status).toBe(404);
  });
});
