import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import type { TAssignmentDetail } from "@/lib/schemas/queue";
import { loadServedDefinitions } from "./load-served-definitions";
import { SERVED_COLUMNS, serializeServed, type TServedRow } from "./serialize-served";

/** One of the caller's own assignments with their current values (for going back to an item). */
export async function getAssignment(userId: string, assignmentId: string): Promise<TAssignmentDetail> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<
      TServedRow & {
        user_id: string;
        project_id: string;
        status: TAssignmentDetail["status"];
        submitted_at: Date | null;
        definition_versions: Record<string, number>;
      }
    >(
      `SELECT ${SERVED_COLUMNS}, a.user_id, a.project_id, a.status, a.submitted_at
         FROM assignments a JOIN items i ON i.id = a.item_id WHERE a.id = $1`,
      [assignmentId],
    );
    const row = rows[0];
    if (!row || row.user_id !== userId) throw notFound("Assignment");
    const definitions = await loadServedDefinitions(client, row.project_id, row.definition_versions);
    const current = await client.query<{ key: string; value: unknown }>(
      `SELECT d.key, a.value FROM annotations a JOIN label_definitions d ON d.id = a.definition_id
        WHERE a.assignment_id = $1 AND a.is_current`,
      [assignmentId],
    );
    return {
      ...serializeServed(row, definitions),
      status: row.status,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      values: current.rows.length ? Object.fromEntries(current.rows.map((r) => [r.key, r.value])) : null,
    };
  });
}
