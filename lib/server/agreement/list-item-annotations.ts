import "server-only";
import { getPool } from "@/lib/db";
import { dictionaryFor, displayValue } from "@/lib/agreement/label-values";
import type { TItemAnnotations } from "@/lib/schemas/agreement-detail";
import { loadDefinitions } from "./load-definitions";

/**
 * Every current label of one item, per definition (in the project's order), annotator by annotator,
 * with where it came from: the import batch it was brought in with, or none when made in Concord.
 */
export async function listItemAnnotations(projectId: string, itemId: string): Promise<TItemAnnotations> {
  const [definitions, { rows }] = await Promise.all([
    loadDefinitions(projectId),
    getPool().query<{
      definition_id: string;
      name: string;
      value: string | null;
      version: number;
      revision: number;
      at: Date;
      batch_id: string | null;
      batch_name: string | null;
    }>(
      `SELECT a.definition_id, u.name, a.value::text AS value, a.definition_version AS version, a.revision,
              a.created_at AS at, b.id AS batch_id, b.name AS batch_name
         FROM annotations a JOIN users u ON u.id = a.user_id
         JOIN assignments s ON s.id = a.assignment_id
         LEFT JOIN batches b ON b.id = s.import_batch_id
        WHERE a.project_id = $1 AND a.item_id = $2 AND a.is_current
        ORDER BY u.name, a.user_id`,
      [projectId, itemId],
    ),
  ]);
  return definitions.map((d) => {
    const dict = dictionaryFor(
      d.kind,
      d.versions.map((v) => v.spec),
    );
    return {
      key: d.key,
      title: d.title,
      kind: d.kind,
      labels: rows
        .filter((r) => r.definition_id === d.id)
        .map((r) => ({
          annotator: r.name,
          value: r.value === null ? "(left empty)" : displayValue(dict, r.value),
          version: r.version,
          revision: r.revision,
          at: r.at.toISOString(),
          importedFrom: r.batch_id ? { batchId: r.batch_id, batchName: r.batch_name ?? "" } : null,
        })),
    };
  });
}
