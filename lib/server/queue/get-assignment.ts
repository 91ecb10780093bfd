import "server-only";
import { getPool } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import type { TAssignmentDetail, TServedAssignment } from "@/lib/schemas/queue";

/** One of the caller's own assignments with their current values (for going back to an item). */
export async function getAssignment(userId: string, assignmentId: string): Promise<TAssignmentDetail> {
  const { rows } = await getPool().query<{
    served: TServedAssignment;
    status: TAssignmentDetail["status"];
    submitted_at: Date | null;
    values: Record<string, unknown> | null;
  }>(
    `SELECT concord_served(a.id) AS served, a.status, a.submitted_at,
            (SELECT jsonb_object_agg(d.key, n.value) FROM annotations n JOIN label_definitions d ON d.id = n.definition_id
              WHERE n.assignment_id = a.id AND n.is_current) AS values
       FROM assignments a WHERE a.id = $1 AND a.user_id = $2`,
    [assignmentId, userId],
  );
  const row = rows[0];
  if (!row) throw notFound("Assignment");
  return {
    ...row.served,
    status: row.status,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    values: row.values,
  };
}
