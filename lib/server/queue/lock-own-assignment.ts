import "server-only";
import type { PoolClient } from "pg";
import { notFound } from "@/lib/server/errors";

export type TLockedAssignment = {
  id: string;
  project_id: string;
  item_id: string;
  user_id: string;
  status: "leased" | "submitted" | "skipped" | "expired";
  definition_versions: Record<string, number>;
  submitted_at: Date | null;
  /** Campaign work moves the campaign item's counters, not the item's. */
  campaign_id: string | null;
};

/**
 * Locks one of the caller's own assignments in a project they still label in; anyone else's (or
 * one in a project they were removed from) is a 404, as if it did not exist.
 */
export async function lockOwnAssignment(
  client: PoolClient,
  assignmentId: string,
  caller: { id: string },
): Promise<TLockedAssignment> {
  const { rows } = await client.query<TLockedAssignment & { may_label: boolean }>(
    `SELECT a.id, a.project_id, a.item_id, a.user_id, a.status, a.definition_versions, a.submitted_at, a.campaign_id,
            concord_may_label(a.project_id, a.user_id) AS may_label
       FROM assignments a WHERE a.id = $1 FOR UPDATE OF a`,
    [assignmentId],
  );
  const assignment = rows[0];
  if (!assignment || assignment.user_id !== caller.id || !assignment.may_label) {
    throw notFound("Assignment");
  }
  return assignment;
}
