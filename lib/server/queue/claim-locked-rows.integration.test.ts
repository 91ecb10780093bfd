import { afterAll, describe, expect, it } from "vitest";
import { createDedicatedClient, disconnectDb, getPool } from "@/lib/db";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

// Issue #16: a claim whose SKIP LOCKED pick found only rows locked for a moment (someone's submit or
// claim) answered 204, and annotators who stop at their first 204 left slots unserved.

afterAll(async () => {
  await disconnectDb();
});

async function submittedCount(projectId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM assignments WHERE project_id = $1 AND status = 'submitted'",
    [projectId],
  );
  return rows[0].n;
}

/**
 * Rounds of: a fresh project, every annotator labeling at once until its first 204, as people who
 * trust "all caught up" do. Returns the slots served per round, what each first 204 said (others may
 * still hold leases then), and what a claim said once everyone had stopped.
 */
async function labelUntilFirst204(options: {
  rounds: number;
  items: number;
  overlap: number;
  annotators: number;
}) {
  const served: number[] = [];
  const told: string[] = [];
  const doneAfter: string[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const { annotators, project, params } = await createLabelingProject(options);
    await Promise.all(
      annotators.map(async (annotator) => {
        for (;;) {
          const claimed = await claimAs(annotator.token, params);
          if (claimed.status === 204) {
            told.push(claimed.headers.get("concord-queue-state") ?? "(none)");
            return;
          }
          expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
          const res = await submitAs(annotator.token, claimed.body.assignmentId, { sentiment: "pos" });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
        }
      }),
    );
    served.push(await submittedCount(project.id));
    // Once everyone stopped, no lease is left: each is told it is done, not to wait.
    for (const annotator of annotators) {
      const after = await claimAs(annotator.token, params);
      doneAfter.push(`${after.status} ${after.headers.get("concord-queue-state")}`);
    }
  }
  return { served, told, doneAfter };
}

describe("a claim when the only open items are locked for a moment", () => {
  it(
    "serves every slot: 10 annotators, overlap 5, 300 items, each stopping at its first 204, 3 rounds",
    { timeout: 240_000 },
    async () => {
      const { served, told, doneAfter } = await labelUntilFirst204({
        rounds: 3,
        items: 300,
        overlap: 5,
        annotators: 10,
      });
      expect(served).toEqual([1500, 1500, 1500]);
      expect(told.filter((state) => state !== "done" && state !== "leased")).toEqual([]);
      expect(doneAfter).toEqual(Array.from({ length: 30 }, () => "204 done"));
    },
  );

  // Where the race is likeliest: every annotator must label every item, so all of them trail each
  // other on the same last rows. Before the fix about one round in three lost a slot.
  it(
    "serves every slot when each item needs every annotator: 8 annotators, overlap 8, 10 items, 15 rounds",
    { timeout: 240_000 },
    async () => {
      const { served, told } = await labelUntilFirst204({ rounds: 15, items: 10, overlap: 8, annotators: 8 });
      expect(served).toEqual(Array.from({ length: 15 }, () => 80));
      expect(told.filter((state) => state !== "done" && state !== "leased")).toEqual([]);
    },
  );

  it("waits for a row another transaction holds for 200 ms and serves it, instead of answering 204", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 2,
      annotators: 2,
    });
    const [first, second] = annotators;
    const firstClaim = await claimAs(first.token, params);
    expect(firstClaim.status).toBe(200);
    expect((await submitAs(first.token, firstClaim.body.assignmentId, { sentiment: "neg" })).status).toBe(
      201,
    );

    // A third transaction, on a connection of its own, holds the one item's row, as a submit would.
    const holder = createDedicatedClient();
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM items WHERE project_id = $1 FOR UPDATE", [project.id]);
      let releasedAt = 0;
      const release = new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          releasedAt = performance.now();
          holder.query("COMMIT").then(() => resolve(), reject);
        }, 200),
      );
      const claim = await claimAs(second.token, params);
      const answeredAt = performance.now();
      await release;
      expect(claim.status, JSON.stringify(claim.body)).toBe(200);
      expect(claim.body.item.id).toBe(firstClaim.body.item.id);
      // It was answered after the lock ended: it waited rather than raced past the row.
      expect(releasedAt).toBeGreaterThan(0);
      expect(answeredAt).toBeGreaterThanOrEqual(releasedAt);
    } finally {
      await holder.end();
    }
    const { rows } = await getPool().query<{ done: number; leases: number }>(
      "SELECT done_count AS done, lease_count AS leases FROM items WHERE project_id = $1",
      [project.id],
    );
    expect(rows).toEqual([{ done: 1, leases: 1 }]);
  });
});
