import "server-only";
import { getPool } from "@/lib/db";
import { valueKey } from "@/lib/final-labels/value-key";
import type { TGoldAccuracy } from "@/lib/schemas/final-labels";
import { loadLabelContext } from "./load-label-context";

type TRow = {
  item_id: string;
  definition_id: string;
  gold_value: unknown;
  user_id: string | null;
  value: unknown;
  name: string | null;
  email: string | null;
};

/**
 * Each annotator's accuracy on gold items (items whose latest decision is marked as the known
 * answer), per definition: of their current annotations on gold items, the share equal to the gold
 * value (compared canonically, so multi-choice order does not matter). For leads only.
 */
export async function getGoldAccuracy(projectId: string): Promise<TGoldAccuracy> {
  const pool = getPool();
  const definitions = await loadLabelContext(pool, projectId);
  const { rows } = await pool.query<TRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (item_id, definition_id) item_id, definition_id, value, is_gold
         FROM adjudications WHERE project_id = $1
        ORDER BY item_id, definition_id, id DESC),
     gold AS (SELECT * FROM latest WHERE is_gold)
     SELECT g.item_id, g.definition_id, g.value AS gold_value, a.user_id, a.value, u.name, u.email
       FROM gold g
       LEFT JOIN annotations a
         ON a.item_id = g.item_id AND a.definition_id = g.definition_id AND a.is_current
       LEFT JOIN users u ON u.id = a.user_id`,
    [projectId],
  );
  return {
    definitions: definitions.map((d) => {
      const own = rows.filter((r) => r.definition_id === d.id);
      const goldItems = new Set<string>();
      const byUser = new Map<
        string,
        { userId: string; name: string; email: string; answered: number; correct: number }
      >();
      for (const row of own) {
        goldItems.add(row.item_id);
        if (!row.user_id) continue;
        let entry = byUser.get(row.user_id);
        if (!entry) {
          entry = {
            userId: row.user_id,
            name: row.name ?? "",
            email: row.email ?? "",
            answered: 0,
            correct: 0,
          };
          byUser.set(row.user_id, entry);
        }
        entry.answered += 1;
        if (valueKey(d.spec, row.value) === valueKey(d.spec, row.gold_value)) entry.correct += 1;
      }
      return {
        key: d.key,
        title: d.title,
        goldItems: goldItems.size,
        annotators: [...byUser.values()]
          .map((u) => ({ ...u, accuracy: u.correct / u.answered }))
          .sort((a, b) => a.accuracy - b.accuracy || a.name.localeCompare(b.name)),
      };
    }),
  };
}
