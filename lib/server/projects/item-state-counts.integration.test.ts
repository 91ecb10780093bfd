import { afterAll, describe, expect, it } from "vitest";
import { POST as skipRoute } from "@/app/api/v1/assignments/[id]/skip/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { getProjectOverview } from "./get-project-overview";

// The overview's open and started items come from a log the item triggers write
// (prisma/functions/item-states.sql). After concurrent claims, submits and skips, expired leases,
// items added already labeled, deleted items and folds of the log, they must equal a count of the
// item rows themselves (the query the overview ran before).

afterAll(async () => {
  await disconnectDb();
});

const COUNT_ROWS = `
  SELECT count(*) FILTER (WHERE done_count + lease_count < target_count)::int AS open,
         count(*) FILTER (WHERE done_count + lease_count > 0 AND done_count + lease_count < target_count)::int AS started
    FROM items WHERE project_id = $1`;

async function expectCountsEqualRows(projectId: string) {
  const rows = (await getPool().query<{ open: number; started: number }>(COUNT_ROWS, [projectId])).rows[0];
  const logged = (
    await getPool().query<{ open: number; started: number }>(
      "SELECT open_count AS open, started_count AS started FROM concord_item_state_counts($1)",
      [projectId],
    )
  ).rows[0];
  expect(logged).toEqual(rows);
  const overview = await getProjectOverview(projectId);
  expect(overview.inProgress).toBe(rows.started);
  // done = the batches' items - open ones
  expect(overview.items - overview.done).toBe(rows.open);
  return rows;
}

describe("open and started item counts", () => {
  it("equal a count of the items after concurrent labeling, skips, expiry, imports, deletions and folds", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 60,
      overlap: 3,
      annotators: 6,
    });
    const pool = getPool();
    expect(await expectCountsEqualRows(project.id)).toEqual({ open: 60, started: 0 });

    // Six annotators at once; every fifth item skipped; each stops after a few, holding its last lease.
    await Promise.all(
      annotators.map(async (a, k) => {
        for (let n = 0; n < 12 + k; n++) {
          const claimed = await claimAs(a.token, params);
          if (claimed.status !== 200) return;
          if (n % 5 === 4) {
            const res = await callRoute(skipRoute, {
              token: a.token,
              params: { id: claimed.body.assignmentId },
            });
            expect(res.status).toBeLessThan(300);
          } else if (n < 11 + k) {
            const res = await submitAs(a.token, claimed.body.assignmentId, { sentiment: "pos" });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
          }
        }
      }),
    );
    const during = await expectCountsEqualRows(project.id);
    expect(during.started).toBeGreaterThan(0);
    expect(during.open).toBeLessThan(60);

    // The held leases expire and are reclaimed: their items reopen (or stop being started).
    await pool.query(
      "UPDATE assignments SET expires_at = now() - interval '1 minute' WHERE project_id = $1 AND status = 'leased'",
      [project.id],
    );
    await pool.query("SELECT concord_reclaim_expired($1, 100)", [project.id]);
    await expectCountsEqualRows(project.id);

    // Items added in one statement, some already labeled (done) as an import with labels brings them.
    const batch = await pool.query<{ id: string }>("SELECT id FROM batches WHERE project_id = $1 LIMIT 1", [
      project.id,
    ]);
    await pool.query(
      `INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count)
       SELECT $1, $2, 'added-' || g, md5('added' || g), '{"text": "x"}', 3, g % 4 FROM generate_series(1, 20) g`,
      [project.id, batch.rows[0].id],
    );
    await expectCountsEqualRows(project.id);

    // Deleted items take their states with them.
    await pool.query(
      "DELETE FROM items WHERE id IN (SELECT id FROM items WHERE project_id = $1 ORDER BY id DESC LIMIT 7)",
      [project.id],
    );
    await expectCountsEqualRows(project.id);

    // Past 256 rows the reader folds the log into one row; the sums stay.
    await pool.query(
      `INSERT INTO item_state_deltas (project_id, open_items, started_items)
       SELECT $1, (g % 2) * 2 - 1, 0 FROM generate_series(1, 300) g`,
      [project.id],
    );
    await expectCountsEqualRows(project.id);
    const left = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM item_state_deltas WHERE project_id = $1",
      [project.id],
    );
    expect(left.rows[0].n).toBe(1);
    await expectCountsEqualRows(project.id);

    // A deleted project leaves no rows behind.
    await pool.query("DELETE FROM projects WHERE id = $1", [project.id]);
    const gone = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM item_state_deltas WHERE project_id = $1",
      [project.id],
    );
    expect(gone.rows[0].n).toBe(0);
  });
});
