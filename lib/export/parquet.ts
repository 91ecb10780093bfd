/**
 * Parquet export, streamed one row group at a time (hyparquet-writer's ParquetWriter).
 *
 * Schema:
 *   item_id       required  UTF8, the decimal id (a string: ids are bigints)
 *   external_id   optional  UTF8
 *   data          required  a struct with one optional child per top-level field of the items'
 *                           data, typed (UTF8, BOOLEAN, INT64, DOUBLE, LIST, struct) where every
 *                           row agrees and canonical JSON text (UTF8) where not: see
 *                           parquet-data-schema.ts. With no typable field, one UTF8 column of
 *                           canonical JSON of the whole object.
 *   label.<key>   optional  UTF8, one per label key, in the order of `columns.labels`; a string value
 *                           is stored as is, any other value as canonical JSON (so a number 3 and a
 *                           string "3" look alike: the definition's kind, in the manifest, says
 *                           which to decode), null as null
 *   annotations   required  UTF8, only with `annotations: true`: canonical JSON of the wire
 *                           annotations (snake_case, see export-row.ts), `[]` when none
 * A row with a label key missing from `columns.labels` throws. The key-value metadata holds
 * `concord.columns` (column → string, bool, int64, float64, list, struct, json, or label for the
 * label rule above), and the manifest, when given, under `concord.manifest`; both canonical JSON.
 *
 * The schema must be known before the first row group, so the rows are read twice: once to infer
 * the data's types, once to write. Hence `rows` is a function returning a fresh iterable
 * (`dataRows`, when given, serves the first pass instead).
 *
 * Encoding: PLAIN for item_id, JSON data and annotations (a value per row), dictionary (when it
 * pays) for the others; min/max statistics except on data and annotations. Deterministic: SNAPPY
 * (pure JS), a fixed created_by and no timestamps, so the same rows and options give the same
 * bytes. Memory: one row group of rows and its encoded bytes (default 10,000 rows), plus
 * per-row-group footer metadata and the inferred types.
 */
import type { ColumnSource, SchemaElement } from "hyparquet-writer";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";

import type { TExportColumns, TExportRow, TManifest } from "./export-row";
import { assertExportRow, itemOrderCheck, toWireAnnotations } from "./export-row";
import type { TColumnKind, TDataPlan } from "./parquet-data-schema";
import { dataCell, dataColumnKinds, dataSchema, dataTypeInference } from "./parquet-data-schema";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";

export const PARQUET_CREATED_BY = "concord eval-set export";
export const PARQUET_MANIFEST_KEY = "concord.manifest";
export const PARQUET_COLUMNS_KEY = "concord.columns";
export const DEFAULT_ROW_GROUP_SIZE = 10_000;
/** Whole JSON documents: min/max statistics would cost time and help no reader. */
const JSON_COLUMNS = new Set(["data", "annotations"]);
/** A value per row: a dictionary cannot pay off, so skip trying one. Labels repeat: dictionary. */
const UNIQUE_COLUMNS = new Set(["item_id", "annotations"]);

export type TParquetOptions = {
  columns: Pick<TExportColumns, "labels">;
  /** Add the `annotations` column (default false). */
  annotations?: boolean;
  /** Stored in the key-value metadata when given. */
  manifest?: TManifest;
  rowGroupSize?: number;
  /**
   * The same rows' data for the first pass, when a cheaper source exists (the export reads them
   * without annotations); default `rows`.
   */
  dataRows?: () => AsyncIterable<Pick<TExportRow, "data">>;
};

/** Takes the writer's bytes after each row group instead of keeping the whole file. */
class ChunkWriter extends ByteWriter {
  private chunks: Uint8Array[] = [];

  flush(): void {
    if (this.index === 0) return;
    this.chunks.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0; // `offset` (the file position the metadata refers to) keeps counting
  }

  finish(): void {
    this.flush();
  }

  take(): Uint8Array[] {
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }
}

function stringColumn(name: string, required: boolean): SchemaElement {
  return {
    name,
    type: "BYTE_ARRAY",
    converted_type: "UTF8",
    repetition_type: required ? "REQUIRED" : "OPTIONAL",
  };
}

/** The column names, in order. */
export function parquetColumnNames(options: TParquetOptions): string[] {
  const labels = options.columns.labels;
  if (new Set(labels).size !== labels.length) throw new Error("parquet: duplicate label column");
  const names = ["item_id", "external_id", "data", ...labels.map((key) => `label.${key}`)];
  if (options.annotations) names.push("annotations");
  return names;
}

export function parquetSchema(options: TParquetOptions, plan: TDataPlan = { kind: "json" }): SchemaElement[] {
  const names = parquetColumnNames(options);
  const optional = new Set(["external_id", ...options.columns.labels.map((key) => `label.${key}`)]);
  return [
    { name: "root", num_children: names.length },
    ...names.flatMap((n) => (n === "data" ? dataSchema(plan) : [stringColumn(n, !optional.has(n))])),
  ];
}

/** Which columns a reader gets typed and which hold JSON text (`concord.columns`). */
export function parquetColumnKinds(
  options: TParquetOptions,
  plan: TDataPlan,
): Record<string, TColumnKind | "label"> {
  const kinds: Record<string, TColumnKind | "label"> = { item_id: "string", external_id: "string" };
  Object.assign(kinds, dataColumnKinds(plan));
  for (const key of options.columns.labels) kinds[`label.${key}`] = "label";
  if (options.annotations) kinds.annotations = "json";
  return kinds;
}

/** The first pass: the data's types over every row of the version. */
async function inferDataPlan(rows: AsyncIterable<Pick<TExportRow, "data">>): Promise<TDataPlan> {
  const inference = dataTypeInference();
  for await (const row of rows) {
    // A row that is not an object fails the second pass's check, with its item id.
    if (typeof row.data === "object" && row.data !== null) inference.observeData(row.data);
  }
  return inference.plan();
}

/** A label cell: see the module comment. */
export function parquetLabelValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : canonicalJsonFast(value);
}

/** `rows` is called twice (see the module comment); both calls must yield the same rows. */
export async function* parquetStream(
  rows: () => AsyncIterable<TExportRow>,
  options: TParquetOptions,
): AsyncGenerator<Uint8Array> {
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  if (!Number.isInteger(rowGroupSize) || rowGroupSize < 1) throw new Error("parquet: bad rowGroupSize");
  const names = parquetColumnNames(options);
  const plan = await inferDataPlan((options.dataRows ?? rows)());
  const labelKeys = options.columns.labels;
  const knownLabels = new Set(labelKeys);
  const writer = new ChunkWriter(1 << 20);
  const pq = new ParquetWriter({
    writer,
    schema: parquetSchema(options, plan),
    codec: "SNAPPY",
    statistics: true,
    createdBy: PARQUET_CREATED_BY,
    kvMetadata: [
      { key: PARQUET_COLUMNS_KEY, value: canonicalJsonFast(parquetColumnKinds(options, plan)) },
      ...(options.manifest
        ? [{ key: PARQUET_MANIFEST_KEY, value: canonicalJsonFast(options.manifest) }]
        : []),
    ],
  });
  const checkOrder = itemOrderCheck();
  let columns: unknown[][] = names.map(() => []);
  let count = 0;

  const writeGroup = () => {
    const columnData: ColumnSource[] = names.map((name, i) => ({
      name,
      data: columns[i],
      statistics: !JSON_COLUMNS.has(name),
      encoding: UNIQUE_COLUMNS.has(name) || (name === "data" && plan.kind === "json") ? "PLAIN" : undefined,
    }));
    void pq.write({ columnData, rowGroupSize: count }); // synchronous: ChunkWriter.flush is
    columns = names.map(() => []);
    count = 0;
  };

  for await (const row of rows()) {
    assertExportRow(row);
    checkOrder(row.itemId);
    for (const key in row.labels) {
      if (!knownLabels.has(key) && Object.hasOwn(row.labels, key)) {
        throw new Error(
          `parquet: item ${row.itemId} has label key ${JSON.stringify(key)} that is not a column`,
        );
      }
    }
    columns[0].push(row.itemId);
    columns[1].push(row.externalId);
    columns[2].push(dataCell(plan, row.data));
    for (let i = 0; i < labelKeys.length; i++) {
      const key = labelKeys[i];
      columns[3 + i].push(parquetLabelValue(Object.hasOwn(row.labels, key) ? row.labels[key] : null));
    }
    if (options.annotations) {
      columns[3 + labelKeys.length].push(canonicalJsonFast(toWireAnnotations(row.annotations ?? [])));
    }
    count += 1;
    if (count === rowGroupSize) {
      writeGroup();
      yield* writer.take();
    }
  }
  if (count > 0) writeGroup();
  void pq.finish();
  yield* writer.take();
}
