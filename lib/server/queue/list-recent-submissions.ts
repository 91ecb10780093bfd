import "server-only";
import { getPool } from "@/lib/db";

/**
 * The annotator's own most recent submissions, newest first (to go back and change one). The preview
 * never reads a hidden field.
 */
export async function listRecentSubmissions(userId: string, projectId: string, limit: number) {
  const { rows } = await getPool().query<{
    id: string;
    item_id: string;
    external_id: string | null;
    submitted_at: Date;
    preview: string | null;
  }>(
    `SELECT a.id, a.item_id, i.external_id, a.submitted_at,
            left(coalesce((SELECT v FROM jsonb_each_text(i.data - p.hidden_fields) AS e(k, v) LIMIT 1), ''), 160) AS preview
       FROM assignments a JOIN items i ON i.id = a.item_id JOIN projects p ON p.id = a.project_id
      WHERE a.project_id = $1 AND a.user_id = $2 AND a.status = 'submitted'
      ORDER BY a.submitted_at DESC LIMIT $3`,
    [projectId, userId, limit],
  );
  return rows.map((r) => ({
    assignmentId: String(r.id),
    itemId: String(r.item_id),
    externalId: r.external_id,
    submittedAt: r.submitted_at.toISOString(),
    preview: r.preview ?? "",
  }));
}
