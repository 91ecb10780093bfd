import "server-only";
import { isDeepStrictEqual } from "node:util";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict } from "@/lib/server/errors";
import type { TSubmitEnvelope } from "@/lib/schemas/queue";
import { lockOwnAssignment } from "./lock-own-assignment";
import { validateValues } from "./validate-values";

/** How long after submitting an annotator may still change their own annotation. */
export const REVISION_WINDOW_HOURS = 72;

/**
 * Changes the caller's own submitted annotation: each changed value becomes a new revision and the
 * old one is retired, never overwritten (the database allows nothing else). Checked against the
 * versions the item was served with.
 */
export async function reviseAnnotations(
  caller: { id: string; isAdmin: boolean },
  assignmentId: string,
  body: TSubmitEnvelope,
): Promise<{ revision: number; changed: string[] }> {
  return withTransaction(async (client) => {
    const assignment = await lockOwnAssignment(client, assignmentId, caller);
    if (assignment.status !== "submitted") throw conflict("Only a submitted item can be changed.");
    if (
      assignment.submitted_at &&
      Date.now() - assignment.submitted_at.getTime() > REVISION_WINDOW_HOURS * 3600_000
    ) {
      throw conflict(`Annotations can be changed for ${REVISION_WINDOW_HOURS} hours after submitting.`);
    }
    const { definitions, values } = await validateValues(client, assignment, body.values);
    const current = await client.query<{
      id: string;
      definition_id: string;
      value: unknown;
      revision: number;
    }>(
      "SELECT id, definition_id, value, revision FROM annotations WHERE assignment_id = $1 AND is_current FOR UPDATE",
      [assignmentId],
    );
    const byDefinition = new Map(current.rows.map((r) => [r.definition_id, r]));
    const changed: string[] = [];
    let revision = Math.max(1, ...current.rows.map((r) => r.revision));
    for (const d of definitions) {
      const before = byDefinition.get(d.id);
      const value = values[d.key] ?? null;
      if (before && isDeepStrictEqual(before.value, value)) continue;
      if (before) await client.query("UPDATE annotations SET is_current = false WHERE id = $1", [before.id]);
      const next = (before?.revision ?? 0) + 1;
      revision = Math.max(revision, next);
      await client.query(
        `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, revision, time_spent_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          assignmentId,
          assignment.project_id,
          assignment.item_id,
          caller.id,
          d.id,
          d.version,
          JSON.stringify(value),
          next,
          body.timeSpentMs ?? null,
        ],
      );
      changed.push(d.key);
    }
    return { revision, changed };
  });
}
