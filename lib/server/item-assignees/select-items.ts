import "server-only";
import { badRequest } from "@/lib/server/errors";

/**
 * The SQL condition (on items `i`) for "the items in this batch and/or this list", with its
 * parameters numbered from `first`. Neither given: every item of the project, when `all` allows it.
 */
export function itemCondition(
  input: { batchId?: string; itemIds?: string[] },
  first: number,
  { all }: { all: boolean },
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (input.batchId) {
    params.push(input.batchId);
    parts.push(`i.batch_id = $${first + params.length - 1}`);
  }
  if (input.itemIds) {
    params.push(input.itemIds);
    parts.push(`i.id = ANY($${first + params.length - 1}::bigint[])`);
  }
  if (!parts.length && !all) {
    throw badRequest("Name a batch or a list of items.", [
      { path: "batchId", message: "give batchId or itemIds" },
    ]);
  }
  return { sql: parts.length ? parts.join(" AND ") : "true", params };
}
