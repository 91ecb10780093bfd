import "server-only";
import type { Pool, PoolClient } from "pg";
import { readsItemData } from "@/lib/label-definitions/value-schema";
import type { TServedAssignment } from "@/lib/schemas/queue";

/** What a submit needs to check its values: the versions an item was served with, and its data. */
export type TServedContext = {
  userId: string;
  projectId: string;
  /** {definition key: version}, in the project's display order. */
  versions: Record<string, number>;
  data: Record<string, unknown>;
};

// A process remembers the assignments it just served, so the submit that follows (usually on the
// same process) checks its values without a round trip. Nothing here grants access: the submit's
// SQL function checks the assignee and their role again, in its own transaction. Items' data and
// an assignment's versions never change once written, so an entry cannot go stale.
// Only the data of items whose definitions read it (spans) is kept: most entries are a few dozen bytes.
const MAX_ENTRIES = 10_000;
const served = new Map<string, TServedContext>();

export function rememberServed(userId: string, projectId: string, assignment: TServedAssignment): void {
  if (served.size >= MAX_ENTRIES) served.delete(served.keys().next().value as string);
  served.set(assignment.assignmentId, {
    userId,
    projectId,
    versions: Object.fromEntries(assignment.definitions.map((d) => [d.key, d.version])),
    data: assignment.definitions.some(readsItemData) ? assignment.item.data : {},
  });
}

export function forgetServed(assignmentId: string): void {
  served.delete(assignmentId);
}

/**
 * The caller's own assignment's context, from memory or the database; null when it is not theirs,
 * or its project is one they may no longer label in (a 404 to them).
 */
export async function servedContext(
  db: Pool | PoolClient,
  assignmentId: string,
  userId: string,
): Promise<TServedContext | null> {
  const remembered = served.get(assignmentId);
  if (remembered && remembered.userId === userId) return remembered;
  const { rows } = await db.query<{
    project_id: string;
    versions: [string, number][] | null;
    data: Record<string, unknown>;
  }>(
    `SELECT a.project_id, i.data,
            (SELECT json_agg(json_build_array(d.key, s.value::int) ORDER BY d.position)
               FROM jsonb_each_text(a.definition_versions) s
               JOIN label_definitions d ON d.project_id = a.project_id AND d.key = s.key) AS versions
       FROM assignments a JOIN items i ON i.id = a.item_id
      WHERE a.id = $1 AND a.user_id = $2 AND concord_may_label(a.project_id, a.user_id)`,
    [assignmentId, userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId,
    projectId: row.project_id,
    versions: Object.fromEntries(row.versions ?? []),
    data: row.data,
  };
}
