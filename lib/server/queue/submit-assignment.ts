import "server-only";
import { getPool } from "@/lib/db";
import type { TSubmitEnvelope, TSubmitResult } from "@/lib/schemas/queue";
import { notFound } from "@/lib/server/errors";
import { claimNextItem, nextOf } from "./claim-next-item";
import { servedSpecs } from "./definition-spec-cache";
import { forgetServed, servedContext } from "./served-context";
import { checkValues } from "./validate-values";

type TCaller = { id: string };

/**
 * Stores one annotation per definition, at the version served, and completes the assignment, in
 * one transaction (the SQL function concord_submit). Values are checked first, against the
 * versions the item was served with (422 naming the field). Repeating a submit returns the same
 * annotations and stores nothing. An expired lease still counts if its slot is free; if someone
 * took the slot, 409 and nothing is stored. With `claimNext`, the caller's next item is leased in
 * the same request, right after the submit commits (one round trip for the workspace).
 */
export async function submitAssignment(
  caller: TCaller,
  assignmentId: string,
  body: TSubmitEnvelope,
  options: { claimNext?: boolean } = {},
): Promise<TSubmitResult> {
  const pool = getPool();
  const context = await servedContext(pool, assignmentId, caller.id);
  if (!context) throw notFound("Assignment");
  const specs = await servedSpecs(pool, context.projectId, context.versions);
  const values = checkValues(specs, context.data, body.values);
  const args = [assignmentId, caller.id, JSON.stringify(values), body.timeSpentMs ?? null];
  let submitted: TSubmitResult;
  try {
    const { rows } = await pool.query<{ ids: Record<string, string> }>(
      "SELECT concord_submit($1, $2, $3, $4) AS ids",
      args,
    );
    submitted = result(
      rows[0].ids,
      specs.map((s) => s.key),
    );
  } finally {
    forgetServed(assignmentId);
  }
  if (!options.claimNext) return submitted;
  // After the submit committed: a claim may wait for a row, and must hold none while it does.
  // A repeated submit is safe, so a claim that fails here loses nothing.
  return { ...submitted, ...nextOf(await claimNextItem(caller.id, context.projectId)) };
}

function result(ids: Record<string, string>, order: string[]): TSubmitResult {
  const annotationIds = Object.fromEntries(order.filter((k) => ids[k]).map((k) => [k, ids[k]]));
  return { annotationId: Object.values(annotationIds)[0] ?? "", annotationIds };
}
