import "server-only";
import type { TExportAnnotation, TExportRow } from "@/lib/export/export-row";
import type { TDb } from "@/lib/server/final-labels/load-label-context";

export type TPageOptions = {
  pageSize?: number;
  /** A small first page, so the first bytes go out quickly. */
  firstPageSize?: number;
  /** Fetch the next page while this one is encoded: only on a pool (a client runs one query at a time). */
  prefetch?: boolean;
};

export type TReadOptions = TPageOptions & {
  /** Read each row's annotations too (only exports that include them need the extra bytes). */
  withAnnotations?: boolean;
  /** Leave `data` out (a diff compares labels only). */
  withoutData?: boolean;
};

type TRow = [string, string | null, string, string, TExportAnnotation[]?];

/**
 * A frozen version's stored rows in ascending item id order, a page at a time. Keyset pages over
 * the primary key (version_id, item_id) with raw SQL: constant memory whatever the version's size,
 * and no connection or transaction held between pages (frozen rows never change, so pages read at
 * different moments still form one consistent version).
 */
export async function* readVersionPages(
  q: TDb,
  versionId: string,
  options: TPageOptions & { columns: string },
): AsyncGenerator<TRow[]> {
  const pageSize = options.pageSize ?? 5000;
  const sql = `SELECT ${options.columns} FROM eval_set_items
                WHERE version_id = $1 AND item_id > $2 ORDER BY item_id LIMIT $3`;
  const fetchPage = (after: string, limit: number) => {
    const promise = q.query<TRow>({ text: sql, values: [versionId, after, limit], rowMode: "array" });
    promise.catch(() => undefined); // awaited below; a consumer that stops early must not leave it unhandled
    return promise;
  };
  let limit = options.firstPageSize ?? Math.min(pageSize, 500);
  let pending = fetchPage("-1", limit);
  for (;;) {
    const { rows } = await pending;
    const isLast = rows.length < limit;
    const after = isLast ? "" : rows[rows.length - 1][0];
    limit = pageSize;
    if (!isLast && options.prefetch) pending = fetchPage(after, limit);
    yield rows;
    if (isLast) return;
    if (!options.prefetch) pending = fetchPage(after, limit);
  }
}

/** The rows as the lib/export encoders take them (data and labels parsed from their canonical text). */
export async function* readVersionRows(
  q: TDb,
  versionId: string,
  options: TReadOptions = {},
): AsyncGenerator<TExportRow> {
  const columns = [
    "item_id",
    "external_id",
    options.withoutData ? "'{}'" : "data_json",
    "labels_json",
    ...(options.withAnnotations ? ["annotations"] : []),
  ].join(", ");
  for await (const rows of readVersionPages(q, versionId, { ...options, columns })) {
    for (const [itemId, externalId, data, labels, annotations] of rows) {
      const row: TExportRow = { itemId, externalId, data: JSON.parse(data), labels: JSON.parse(labels) };
      if (options.withAnnotations) row.annotations = annotations ?? [];
      yield row;
    }
  }
}
