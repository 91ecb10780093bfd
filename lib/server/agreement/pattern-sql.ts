import "server-only";

/**
 * How one item's annotations of a definition are folded, in SQL, into a key that identifies the
 * multiset of their values (the item's *pattern*):
 * - "counts": every row adds 2^(b * i) for its value i to a sum per code column (b bits per value,
 *   15 values per 62-bit column; the last slot counts values no spec lists). One integer
 *   aggregate per row is what makes a million annotations cheap.
 * - "sets": multi choice; every row is a bit mask of its options; the key is the sorted masks.
 * - "texts": anything else; the key is the sorted JSON texts (exact, slower).
 */
export type TPatternEncoding =
  | { kind: "counts"; texts: string[]; bits: number; perColumn: number; columns: number }
  | { kind: "sets"; options: string[] }
  | { kind: "texts" };

export const COUNT_BITS_MIN = 4;

/** The counts encoding for these scalar values (index texts.length is the "unknown value" slot). */
export function countsEncoding(texts: string[]): TPatternEncoding {
  const slots = texts.length + 1;
  if (slots * COUNT_BITS_MIN <= 62) {
    const bits = Math.min(15, Math.floor(62 / slots));
    return { kind: "counts", texts, bits, perColumn: slots, columns: 1 };
  }
  const perColumn = Math.floor(62 / COUNT_BITS_MIN);
  return { kind: "counts", texts, bits: COUNT_BITS_MIN, perColumn, columns: Math.ceil(slots / perColumn) };
}

/** SQL of the per-unit key and its parameters (numbered from `firstParam`). */
function unitKey(encoding: TPatternEncoding, firstParam: number): { select: string[]; params: unknown[] } {
  if (encoding.kind === "counts") {
    const { texts, bits, perColumn, columns } = encoding;
    const select: string[] = [];
    for (let col = 0; col < columns; col++) {
      const whens: string[] = [];
      for (let i = col * perColumn; i < Math.min(texts.length, (col + 1) * perColumn); i++)
        whens.push(`WHEN $${firstParam + i}::text THEN ${2n ** BigInt(bits * (i - col * perColumn))}::int8`);
      const unknownSlot = texts.length;
      const otherwise =
        Math.floor(unknownSlot / perColumn) === col
          ? `${2n ** BigInt(bits * (unknownSlot % perColumn))}`
          : "0";
      const code = whens.length
        ? `CASE value #>> '{}' ${whens.join(" ")} ELSE ${otherwise}::int8 END`
        : `${otherwise}::int8`;
      select.push(`sum(${code}) AS k${col}`);
    }
    return { select, params: texts };
  }
  if (encoding.kind === "sets") {
    const bits = encoding.options.map(
      (_, i) => `CASE WHEN value ? $${firstParam + i}::text THEN ${2n ** BigInt(i)}::int8 ELSE 0::int8 END`,
    );
    // A key no option lists sets the sign bit, so the mask of such a row is negative (decoded exactly later).
    const others = `$${firstParam + encoding.options.length}::text[]`;
    const unknown = `CASE WHEN jsonb_typeof(value) <> 'array' THEN -1::int8 WHEN jsonb_array_length(value - ${others}) > 0 THEN -1::int8 ELSE 0::int8 END`;
    const mask = `(${[...bits, unknown].join(" | ")})`;
    return {
      select: [`array_agg(${mask} ORDER BY ${mask})::text[] AS k0`],
      params: [...encoding.options, encoding.options],
    };
  }
  return { select: ["array_agg(value::text ORDER BY value::text) AS k0"], params: [] };
}

/** How the all-versions key of an item combines its per-version keys (and counts its ratings). */
function combineKeys(encoding: TPatternEncoding): { from: string; n: string; keys: string[] } {
  if (encoding.kind === "counts") {
    const keys = Array.from({ length: encoding.columns }, (_, c) => `sum(iv.k${c})`);
    return { from: "iv", n: "sum(iv.n)::int", keys };
  }
  return {
    from: "iv CROSS JOIN LATERAL unnest(iv.k0) AS x(k)",
    n: "count(*)::int",
    keys: ["array_agg(x.k ORDER BY x.k)"],
  };
}

export type TBatchMapping = { kind: "ranges"; lows: string[] } | { kind: "join"; ids: string[] };

/**
 * One query for a definition: for every (version or all versions, item pattern, week, batch), how
 * many items. Rows: [version | null, ratings, week, batch, items, ...keys]. With one version among
 * the annotations, rows carry that version and also stand for "all versions".
 *
 * Weeks start on Monday, UTC; an item belongs to the week of its latest annotation (when it was
 * completed) and to the batch it was imported in (a 1-based position in `batches`).
 */
export function patternQuery(options: {
  definitionId: string;
  encoding: TPatternEncoding;
  /** The one version among the annotations, or null when there may be several. */
  onlyVersion: number | null;
  batches: TBatchMapping;
}): { text: string; params: unknown[] } {
  const { encoding, onlyVersion, batches } = options;
  const multiVersion = onlyVersion === null;
  const key = unitKey(encoding, 3);
  const keyNames = key.select.map((_, c) => `k${c}`);
  const batchExpr =
    batches.kind === "ranges"
      ? "width_bucket(u.item_id, $2::int8[])"
      : "array_position($2::uuid[], i.batch_id)";
  const join = batches.kind === "ranges" ? "" : "JOIN items i ON i.id = u.item_id";
  const where = "definition_id = $1 AND is_current AND value IS NOT NULL";
  const combined = combineKeys(encoding);
  const units = multiVersion
    ? `(SELECT item_id, v, n, t, ${keyNames.join(", ")} FROM iv
        UNION ALL
        SELECT iv.item_id, NULL::int, ${combined.n}, max(iv.t), ${combined.keys.join(", ")}
          FROM ${combined.from} GROUP BY iv.item_id)`
    : `(SELECT item_id, ${Number(onlyVersion)} AS v, count(*)::int AS n, max(created_at) AS t, ${key.select.join(", ")}
          FROM annotations WHERE ${where} GROUP BY item_id)`;
  const text = `${
    multiVersion
      ? `WITH iv AS MATERIALIZED (
           SELECT item_id, definition_version AS v, count(*)::int AS n, max(created_at) AS t, ${key.select.join(", ")}
             FROM annotations WHERE ${where} GROUP BY item_id, definition_version)`
      : ""
  }
    SELECT u.v, u.n, date_bin('7 days', u.t, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS week, ${batchExpr} AS batch,
           count(*)::int AS items, ${keyNames.map((k) => (encoding.kind === "counts" ? `u.${k}::text` : `u.${k}`)).join(", ")}
      FROM ${units} u ${join}
     GROUP BY u.v, u.n, week, batch, ${keyNames.map((k) => `u.${k}`).join(", ")}`;
  return {
    text,
    params: [options.definitionId, batches.kind === "ranges" ? batches.lows : batches.ids, ...key.params],
  };
}
