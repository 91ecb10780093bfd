import "server-only";
import { getPool } from "@/lib/db";
import { diffVersions } from "@/lib/eval-sets/version-diff";
import { notFound } from "@/lib/server/errors";
import type { TDiffQuery, TEvalSetDiff } from "@/lib/schemas/eval-sets";
import { readVersionRows } from "./read-version-rows";

/** Items added, removed and relabeled from one frozen version of a set to another. */
export async function diffEvalSetVersions(evalSetId: string, query: TDiffQuery): Promise<TEvalSetDiff> {
  const pool = getPool();
  const { rows } = await pool.query<{ id: string; version: number }>(
    `SELECT id, version FROM eval_set_versions
      WHERE eval_set_id = $1 AND version = ANY($2::int[]) AND sealed_at IS NOT NULL`,
    [evalSetId, [query.from, query.to]],
  );
  const idOf = (version: number) => {
    const row = rows.find((r) => r.version === version);
    if (!row) throw notFound(`Version ${version}`);
    return row.id;
  };
  const [from, to] = [idOf(query.from), idOf(query.to)];
  const labelsOnly = (versionId: string) =>
    readVersionRows(pool, versionId, { withoutData: true, prefetch: true });
  const diff = await diffVersions(labelsOnly(from), labelsOnly(to), { limit: query.limit });
  const strip = (items: { itemId: string; externalId: string | null; labels: Record<string, unknown> }[]) =>
    items.map(({ itemId, externalId, labels }) => ({ itemId, externalId, labels }));
  return {
    from: query.from,
    to: query.to,
    ...diff,
    added: { count: diff.added.count, items: strip(diff.added.items) },
    removed: { count: diff.removed.count, items: strip(diff.removed.items) },
  };
}
