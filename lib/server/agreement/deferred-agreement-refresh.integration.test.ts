import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { expectRollupsEqualRecount } from "@/lib/testing/agreement-recount";
import {
  AGREEMENT_DEFINITIONS,
  claimAs,
  createLabelingProject,
  submitAs,
} from "@/lib/testing/queue-fixtures";
import { applyQueuedRefreshes } from "./apply-queued-refreshes";
import { getAgreementOverview } from "./get-agreement-overview";

// A submit queues the agreement refresh of its labels instead of running it in its transaction
// (docs/decisions/034-deferred-agreement-refresh.md). The rollups must still never be read behind a
// label committed before the read began: every read refreshes what is queued first.

afterAll(async () => {
  await disconnectDb();
});

const queued = async (projectId: string) =>
  (
    await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM agreement_refresh_queue WHERE project_id = $1",
      [projectId],
    )
  ).rows[0].n;

const VALUES = ["pos", "neg", "neu"];

/** The sentiment labels over all versions, as the overview counts them (one per submit: it is required). */
async function sentimentLabels(projectId: string): Promise<number> {
  const overview = await getAgreementOverview(projectId);
  const rows = overview.definitions.filter((d) => d.key === "sentiment" && d.version === null);
  return rows.length === 0 ? 0 : rows[0].labels;
}

describe("the deferred agreement refresh", () => {
  it("queues a submit's pairs, and the next read counts them", async () => {
    const { annotators, project, params } = await createLabelingProject({
      items: 3,
      overlap: 2,
      annotators: 2,
      definitions: AGREEMENT_DEFINITIONS,
    });
    for (const annotator of annotators) {
      const claimed = await claimAs(annotator.token, params);
      const res = await submitAs(annotator.token, claimed.body.assignmentId, { sentiment: "pos", score: 4 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // One row per definition of each submit; the item's rollups are untouched until a flush.
    expect(await queued(project.id)).toBe(2 * AGREEMENT_DEFINITIONS.length);
    const { rows } = await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agreement_item_patterns p JOIN label_definitions d ON d.id = p.definition_id
        WHERE d.project_id = $1 AND p.ratings > 0`,
      [project.id],
    );
    expect(rows[0].n).toBe(0);

    expect(await sentimentLabels(project.id)).toBe(2);
    expect(await queued(project.id)).toBe(0);
    await expectRollupsEqualRecount(project.id);
  });

  it("leaves a write of many pairs (an import) refreshing them itself", async () => {
    const { annotators, project } = await createLabelingProject({ items: 70, overlap: 1, annotators: 1 });
    const definition = await getPool().query<{ id: string }>(
      "SELECT id FROM label_definitions WHERE project_id = $1 LIMIT 1",
      [project.id],
    );
    await getPool().query(
      `WITH a AS (
         INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, expires_at, submitted_at)
         SELECT $1, id, $2, 'submitted', '{}', now(), now() FROM items WHERE project_id = $1 RETURNING id, item_id)
       INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value)
       SELECT a.id, $1, a.item_id, $2, $3, 1, '"pos"' FROM a`,
      [project.id, annotators[0].id, definition.rows[0].id],
    );
    expect(await queued(project.id)).toBe(0);
    const { rows } = await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM agreement_item_patterns WHERE definition_id = $1 AND definition_version = 0 AND ratings = 1",
      [definition.rows[0].id],
    );
    expect(rows[0].n).toBe(70);
  });

  it("is never read behind: concurrent submits, readers and the applier, then equal to a recount", async () => {
    const { annotators, project, params } = await createLabelingProject({
      items: 30,
      overlap: 3,
      annotators: 6,
      definitions: AGREEMENT_DEFINITIONS,
    });
    let submitted = 0;
    let labeling = true;
    const behind: string[] = [];
    const reader = async () => {
      let last = 0;
      while (labeling) {
        const before = submitted;
        const seen = await sentimentLabels(project.id);
        if (seen < before || seen < last)
          behind.push(`read ${seen} labels after ${before} submits (last ${last})`);
        last = seen;
      }
    };
    const applier = async () => {
      while (labeling) {
        await applyQueuedRefreshes(getPool());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const labelers = Promise.all(
      annotators.map(async (annotator, k) => {
        for (let n = 0; ; n++) {
          const claimed = await claimAs(annotator.token, params);
          if (claimed.status === 204) return;
          const values = { sentiment: VALUES[(k + n) % 3], score: 1 + ((k * n) % 5), topics: ["food"] };
          const res = await submitAs(annotator.token, claimed.body.assignmentId, values);
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          submitted += 1;
        }
      }),
    ).finally(() => {
      labeling = false;
    });
    await Promise.all([labelers, reader(), reader(), applier()]);
    expect(submitted).toBe(30 * 3);
    expect(behind).toEqual([]);
    expect(await sentimentLabels(project.id)).toBe(90);
    await expectRollupsEqualRecount(project.id);
  });
});
