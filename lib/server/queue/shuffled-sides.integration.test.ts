import { afterAll, describe, expect, it } from "vitest";
import { GET as definitionAgreementRoute } from "@/app/api/v1/projects/[id]/agreement/definitions/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import { isShownFlipped, sideAt } from "@/lib/label-definitions/pairwise-sides";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const BETTER = { key: "better", kind: "pairwise", textFields: ["chosen", "rejected"], shuffleSides: true };
const pairs = (i: number) => ({ chosen: `first answer ${i}`, rejected: `second answer ${i}` });

async function storedValue(assignmentId: string): Promise<unknown> {
  const { rows } = await getPool().query<{ value: unknown }>(
    "SELECT value FROM annotations WHERE assignment_id = $1 AND is_current",
    [assignmentId],
  );
  return rows[0]?.value;
}

describe("shuffled pairwise sides", () => {
  it("stores a left answer on a flipped assignment as B, and reports it as a left answer", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
      definitions: [BETTER],
      data: pairs,
    });
    const [annotator] = annotators;
    const first = await claimAs(annotator.token, params);
    expect(first.status).toBe(200);
    expect(first.body.definitions[0].spec.shuffleSides).toBe(true);
    // The draw is random; make this one flipped, and the reload serves the recorded order.
    await getPool().query("UPDATE assignments SET sides_flipped = true WHERE id = $1", [
      first.body.assignmentId,
    ]);
    const served = await claimAs(annotator.token, params);
    expect(served.body.assignmentId).toBe(first.body.assignmentId);
    expect(served.body.sidesFlipped).toBe(true);

    // What the workspace sends for "the left side is better" (the control's own mapping).
    const left = sideAt("left", isShownFlipped(served.body.definitions[0].spec, served.body.sidesFlipped));
    expect(left).toBe("B");
    const submitted = await submitAs(annotator.token, served.body.assignmentId, { better: left }, "?next=1");
    expect(submitted.status).toBe(201);
    expect(await storedValue(served.body.assignmentId)).toBe("B");

    // The next item, shown A left, answered left too: stored A.
    const next = submitted.body.next;
    await getPool().query("UPDATE assignments SET sides_flipped = false WHERE id = $1", [next.assignmentId]);
    expect(sideAt("left", isShownFlipped(next.definitions[0].spec, false))).toBe("A");
    expect((await submitAs(annotator.token, next.assignmentId, { better: "A" })).status).toBe(201);
    expect(await storedValue(next.assignmentId)).toBe("A");

    // Two answers, both for the side shown left (one of them with B there): 100% left.
    const detail = await callRoute(definitionAgreementRoute, {
      token: lead.token,
      params: { ...params, key: "better" },
    });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.positionBias).toEqual([
      expect.objectContaining({
        id: annotator.id,
        left: 2,
        answered: 2,
        leftShare: 1,
        flipped: 1,
        pValue: 0.5,
      }),
    ]);
  });

  it("draws the order per assignment, and records it", async () => {
    const { annotators, params } = await createLabelingProject({
      items: 1,
      overlap: 20,
      annotators: 20,
      definitions: [BETTER],
      data: pairs,
    });
    const served = await Promise.all(annotators.map((a) => claimAs(a.token, params)));
    const draws = served.map((s) => s.body.sidesFlipped as boolean);
    // Both orders among 20 fair draws (all alike has probability 2^-19).
    expect(new Set(draws)).toEqual(new Set([true, false]));
    const { rows } = await getPool().query<{ id: string; sides_flipped: boolean }>(
      "SELECT id::text, sides_flipped FROM assignments WHERE id = ANY($1::bigint[])",
      [served.map((s) => s.body.assignmentId)],
    );
    const recorded = new Map(rows.map((r) => [r.id, r.sides_flipped]));
    for (const s of served) expect(recorded.get(s.body.assignmentId)).toBe(s.body.sidesFlipped);
  });

  it("keeps the spec of a definition that does not shuffle as it was", async () => {
    const { annotators, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "better", kind: "pairwise" }],
      data: () => ({ a: "x", b: "y" }),
    });
    const served = await claimAs(annotators[0].token, params);
    expect(served.body.definitions[0].spec).not.toHaveProperty("shuffleSides");
  });
});
