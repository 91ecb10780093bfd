import "server-only";
import { conflict } from "@/lib/server/errors";
import { withTransaction } from "@/lib/server/db/with-transaction";
import type { TSubmitEnvelope, TSubmitResult } from "@/lib/schemas/queue";
import { claimInTransaction } from "./claim-next-item";
import { lockOwnAssignment } from "./lock-own-assignment";
import { validateValues } from "./validate-values";

/**
 * Stores one annotation per definition, at the version served, and completes the assignment, in
 * one transaction. Repeating a submit returns the same annotations and stores nothing. An expired
 * lease still counts if its slot is free; if someone took the slot, 409 and nothing is stored.
 * With `claimNext`, the caller's next item is leased in the same transaction (one round trip).
 */
export async function submitAssignment(
  caller: { id: string; isAdmin: boolean },
  assignmentId: string,
  body: TSubmitEnvelope,
  options: { claimNext?: boolean } = {},
): Promise<TSubmitResult> {
  return withTransaction(async (client) => {
    const assignment = await lockOwnAssignment(client, assignmentId, caller);
    if (assignment.status === "submitted") {
      const existing = await client.query<{ id: string; key: string }>(
        `SELECT a.id, d.key FROM annotations a JOIN label_definitions d ON d.id = a.definition_id
          WHERE a.assignment_id = $1 AND a.revision = 1 ORDER BY d.position`,
        [assignmentId],
      );
      return result(
        existing.rows,
        options.claimNext ? await claimInTransaction(client, caller.id, assignment.project_id) : undefined,
      );
    }
    if (assignment.status === "skipped") throw conflict("You skipped this item; it cannot be submitted.");
    const { definitions, values } = await validateValues(client, assignment, body.values);
    const slot =
      assignment.status === "leased"
        ? await client.query(
            "UPDATE items SET lease_count = lease_count - 1, done_count = done_count + 1 WHERE id = $1",
            [assignment.item_id],
          )
        : await client.query(
            `UPDATE items SET done_count = done_count + 1
              WHERE id = $1 AND done_count + lease_count < target_count`,
            [assignment.item_id],
          );
    if (slot.rowCount === 0) {
      throw conflict(
        "Your lease on this item expired and another annotator took the slot; nothing was saved.",
      );
    }
    const inserted = await client.query<{ id: string; key: string }>(
      `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, time_spent_ms)
       SELECT $1, $2, $3, $4, d.id, d.version, d.value, $5
         FROM jsonb_to_recordset($6::jsonb) AS d(id uuid, version int, value jsonb, key text)
       RETURNING id, (SELECT key FROM label_definitions WHERE id = definition_id)`,
      [
        assignmentId,
        assignment.project_id,
        assignment.item_id,
        caller.id,
        body.timeSpentMs ?? null,
        JSON.stringify(
          definitions.map((d) => ({
            id: d.id,
            version: d.version,
            value: values[d.key] ?? null,
            key: d.key,
          })),
        ),
      ],
    );
    await client.query("UPDATE assignments SET status = 'submitted', submitted_at = now() WHERE id = $1", [
      assignmentId,
    ]);
    const byKey = new Map(inserted.rows.map((r) => [r.key, r]));
    const ordered = definitions.map((d) => byKey.get(d.key)!);
    return result(
      ordered,
      options.claimNext ? await claimInTransaction(client, caller.id, assignment.project_id) : undefined,
    );
  });
}

function result(rows: { id: string; key: string }[], next: TSubmitResult["next"] | undefined): TSubmitResult {
  return {
    annotationId: String(rows[0]?.id ?? ""),
    annotationIds: Object.fromEntries(rows.map((r) => [r.key, String(r.id)])),
    ...(next === undefined ? {} : { next }),
  };
}
