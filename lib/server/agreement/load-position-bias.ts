import "server-only";
import { getPool } from "@/lib/db";
import type { TSideAnswers } from "@/lib/agreement/position-bias";

/**
 * A pairwise definition's current answers, counted per annotator, value and side order shown: the
 * order is the assignment's draw where the answered version shuffles sides, else A left. Imported
 * labels are left out: nothing was shown for them.
 */
export async function loadPositionBias(
  definitionId: string,
  version: number | null,
): Promise<TSideAnswers[]> {
  const { rows } = await getPool().query<{ user_id: string; value: string; is_flipped: boolean; n: number }>(
    `SELECT n.user_id, n.value #>> '{}' AS value,
            a.sides_flipped AND coalesce((v.spec->>'shuffleSides')::boolean, false) AS is_flipped,
            count(*)::int AS n
       FROM annotations n
       JOIN assignments a ON a.id = n.assignment_id
       JOIN label_definition_versions v ON v.definition_id = n.definition_id AND v.version = n.definition_version
      WHERE n.definition_id = $1 AND n.is_current AND jsonb_typeof(n.value) = 'string'
        AND a.import_batch_id IS NULL
        AND ($2::int IS NULL OR n.definition_version = $2)
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
    [definitionId, version],
  );
  return rows.flatMap((r) =>
    r.value === "A" || r.value === "B" || r.value === "tie"
      ? [{ user: r.user_id, value: r.value, isFlipped: r.is_flipped, count: r.n }]
      : [],
  );
}
