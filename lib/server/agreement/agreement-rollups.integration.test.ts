import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { reviseAnnotations } from "@/lib/server/queue/revise-annotations";
import { adjudicateItem } from "@/lib/server/final-labels/adjudicate-item";
import {
  AGREEMENT_DEFINITIONS,
  claimAs,
  createLabelingProject,
  submitAs,
} from "@/lib/testing/queue-fixtures";
import { expectRollupsEqualRecount } from "@/lib/testing/agreement-recount";

// The agreement rollups (…_agreement_rollups) are kept by triggers in every transaction that
// changes annotations; the dashboard trusts them instead of reading annotations. After random
// submits (concurrent), revisions, adjudications and a deleted annotator, they must equal a recount
// from the annotations themselves.

afterAll(async () => {
  await disconnectDb();
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValues(next: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const topics = ["food", "price", "staff"].filter(() => next() < 0.4);
  return {
    sentiment: pick(["pos", "neg", "neu"]),
    topics: next() < 0.2 ? null : topics,
    score: 1 + Math.floor(next() * 5),
  };
}

describe("agreement rollups", () => {
  it("equal a recount from annotations after random submits, revisions, adjudications and a deleted annotator", async () => {
    const next = random(15);
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 14,
      overlap: 3,
      annotators: 6,
      definitions: AGREEMENT_DEFINITIONS,
    });
    const submitted: { annotator: (typeof annotators)[number]; assignmentId: string; itemId: string }[] = [];
    // Everyone labels at once, so refreshes of the same item run concurrently.
    await Promise.all(
      annotators.map(async (annotator) => {
        for (;;) {
          const claimed = await claimAs(annotator.token, params);
          if (claimed.status === 204) return;
          expect(claimed.status).toBe(200);
          const res = await submitAs(annotator.token, claimed.body.assignmentId, randomValues(next));
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          submitted.push({
            annotator,
            assignmentId: claimed.body.assignmentId,
            itemId: claimed.body.item.id,
          });
        }
      }),
    );
    expect(submitted.length).toBe(14 * 3);
    await expectRollupsEqualRecount(project.id);

    for (let n = 0; n < 12; n++) {
      const { annotator, assignmentId } = submitted[Math.floor(next() * submitted.length)];
      await reviseAnnotations({ id: annotator.id, isAdmin: false }, assignmentId, {
        values: randomValues(next),
      });
    }
    for (let n = 0; n < 4; n++) {
      await adjudicateItem({
        projectId: project.id,
        itemId: submitted[n * 3].itemId,
        userId: lead.id,
        decision: { definition: "sentiment", value: "pos", note: "", isGold: next() < 0.5 },
      });
    }
    await expectRollupsEqualRecount(project.id);

    // A deleted account takes its annotations with it (a cascade): agreement forgets them too.
    await getPool().query("DELETE FROM users WHERE id = $1", [annotators[0].id]);
    await expectRollupsEqualRecount(project.id);
  });
});
