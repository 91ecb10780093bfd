import "server-only";
import { getPool } from "@/lib/db";

/**
 * Who labelled a definition, per version, from the agreement_annotators rollup (a row per
 * annotator, kept for every kind by prisma/functions/agreement.sql) rather than the annotations.
 * On its own connection, so callers run it concurrently with their pattern query.
 */
export async function loadAnnotators(definitionId: string): Promise<Map<number, Set<string>>> {
  const { rows } = await getPool().query<[number, string]>({
    text: `SELECT definition_version, user_id::text FROM agreement_annotators
            WHERE definition_id = $1 AND ratings > 0`,
    values: [definitionId],
    rowMode: "array",
  });
  const out = new Map<number, Set<string>>();
  for (const [version, user] of rows) {
    if (!out.has(version)) out.set(version, new Set());
    out.get(version)!.add(user);
  }
  return out;
}
