import "server-only";
import type { Pool, PoolClient } from "pg";
import { getPool } from "@/lib/db";
import type { TSubmitEnvelope, TSubmitResult } from "@/lib/schemas/queue";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import { claimInTransaction } from "./claim-next-item";
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
 * the same transaction (one round trip for the workspace).
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
  const submit = async (db: Pool | PoolClient) => {
    const { rows } = await db.query<{ ids: Record<string, string> }>(
      "SELECT concord_submit($1, $2, $3, $4) AS ids",
      args,
    );
    return result(
      rows[0].ids,
      specs.map((s) => s.key),
    );
  };
  try {
    if (!options.claimNext) return await submit(pool);
    return await withTransaction(async (client) => ({
      ...(await submit(client)),
      next: await claimInTransaction(client, caller.id, context.projectId),
    }));
  } finally {
    forgetServed(assignmentId);
  }
}

function result(ids: Record<string, string>, order: string[]): TSubmitResult {
  const annotationIds = Object.fromEntries(order.filter((k) => ids[k]).map((k) => [k, ids[k]]));
  return { annotationId: Object.values(annotationIds)[0] ?? "", annotationIds };
}
