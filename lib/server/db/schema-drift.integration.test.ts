// Proves that the database the SQL migrations build is the one prisma/schema.prisma describes:
// every model and field, its type and nullability, defaults, enums, keys, unique and plain indexes,
// and foreign keys, in both directions (nothing missing, nothing extra).
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";

type TField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type TModel = { name: string; dbName: string | null; fields: TField[] };
type TIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };
type TDmmf = {
  datamodel: {
    models: TModel[];
    enums: { name: string; dbName?: string | null; values: { name: string }[] }[];
    indexes: TIndex[];
  };
};

// Indexes PostgreSQL needs that Prisma's schema language cannot express (partial or expression
// indexes). Each is named with the reason; anything else in the database must be in schema.prisma.
const DB_ONLY_INDEXES: Record<string, string> = {
  items_project_id_content_hash_no_id_idx:
    "partial: content hashes matter only for items without an external id",
  items_queue_idx: "partial and on an expression: the open items of a project in serving order",
  assignments_leased_expires_at_idx: "partial: live leases only, for reclaiming expired ones",
  annotations_current_key: "partial unique: one current revision per assignment and definition",
  annotations_definition_current_idx: "partial: current annotations per definition version, for agreement",
  campaign_items_queue_idx: "partial and on an expression: a project's open campaign work in serving order",
  webhook_outbox_due_idx: "partial: the webhook deliveries still to make, for the delivery workers",
  review_states_queue_idx: "partial: items that may await review (or must be recomputed), by keyset",
  review_states_unresolved_idx: "partial: the same with items still being labeled, by keyset",
  review_states_stale_idx: "partial: a project's stale review states, for readers that recompute them all",
  agreement_item_patterns_pattern_idx: "on a jsonb column: the items of one pattern, for the drill-down",
};

// The migrate step's own records (lib/server/db/migrate.ts), not the application's tables.
const RUNNER_TABLES = ["_prisma_migrations", "_concord_functions"];

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") })),
) as TDmmf;
const models = dmmf.datamodel.models;
const tableOf = (m: TModel) => m.dbName ?? m.name;
const columnOf = (model: TModel, fieldName: string) => {
  const f = model.fields.find((x) => x.name === fieldName)!;
  return f.dbName ?? f.name;
};

function expectedType(field: TField): { dataType: string; udt?: string; precision?: number } {
  // A list is a PostgreSQL array, named by its element type's udt with a leading underscore.
  if (field.isList) return { dataType: "ARRAY", udt: `_${elementUdt(field)}` };
  const native = field.nativeType?.[0];
  if (field.kind === "enum") {
    const en = dmmf.datamodel.enums.find((e) => e.name === field.type)!;
    return { dataType: "USER-DEFINED", udt: en.dbName ?? en.name };
  }
  switch (field.type) {
    case "String":
      if (native === "Uuid") return { dataType: "uuid" };
      if (native === "VarChar") return { dataType: "character varying" };
      if (native === "Char") return { dataType: "character" };
      return { dataType: "text" };
    case "Int":
      return { dataType: native === "SmallInt" ? "smallint" : "integer" };
    case "BigInt":
      return { dataType: "bigint" };
    case "Boolean":
      return { dataType: "boolean" };
    case "Float":
      return { dataType: native === "Real" ? "real" : "double precision" };
    case "Decimal":
      return { dataType: "numeric" };
    case "Json":
      return { dataType: native === "Json" ? "json" : "jsonb" };
    case "Bytes":
      return { dataType: "bytea" };
    case "DateTime": {
      const precision = Number(field.nativeType?.[1]?.[0] ?? 3);
      if (native === "Date") return { dataType: "date" };
      return {
        dataType: native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone",
        precision,
      };
    }
    default:
      throw new Error(`schema-drift test does not know type ${field.type}`);
  }
}

function elementUdt(field: TField): string {
  const element: Record<string, string> = { text: "text", uuid: "uuid", integer: "int4", bigint: "int8" };
  const { dataType } = expectedType({ ...field, isList: false });
  const udt = element[dataType];
  if (!udt) throw new Error(`schema-drift test does not know lists of ${field.type}`);
  return udt;
}

afterAll(async () => {
  await disconnectDb();
});

describe("the migrated database matches schema.prisma", () => {
  it("has exactly the tables of the models", async () => {
    const { rows } = await getPool().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actual = rows
      .map((r) => r.table_name)
      .filter((t) => !RUNNER_TABLES.includes(t))
      .sort();
    expect(actual).toEqual(models.map(tableOf).sort());
  });

  it("has exactly the enums, with the same values in order", async () => {
    const { rows } = await getPool().query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(
      dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  for (const model of models) {
    it(`${model.name}: columns, types, nullability and defaults`, async () => {
      const { rows } = await getPool().query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: "YES" | "NO";
        column_default: string | null;
        datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [tableOf(model)],
      );
      const actual = Object.fromEntries(
        rows.map((r) => [
          r.column_name,
          {
            dataType: r.data_type,
            ...(r.data_type === "USER-DEFINED" || r.data_type === "ARRAY" ? { udt: r.udt_name } : {}),
            ...(r.data_type.startsWith("timestamp") ? { precision: r.datetime_precision ?? undefined } : {}),
            nullable: r.is_nullable === "YES",
            hasDefault: r.column_default !== null,
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((f) => f.kind !== "object")
          .map((f) => [
            f.dbName ?? f.name,
            { ...expectedType(f), nullable: !f.isRequired, hasDefault: f.hasDefaultValue },
          ]),
      );
      expect(actual).toEqual(expected);
    });
  }

  it("has exactly the primary keys, unique and plain indexes", async () => {
    const { rows } = await getPool().query<{
      table: string;
      index: string;
      unique: boolean;
      primary: boolean;
      partial: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
              ix.indpred IS NOT NULL AS partial,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname <> ALL ($1::text[])
        GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indpred`,
      [RUNNER_TABLES],
    );
    const describeIndex = (table: string, kind: string, columns: string[]) =>
      `${table} ${kind} (${columns.join(", ")})`;
    const actual = rows
      .filter((r) => !(r.index in DB_ONLY_INDEXES))
      .map((r) => describeIndex(r.table, r.primary ? "id" : r.unique ? "unique" : "normal", r.columns))
      .sort();
    const expected = dmmf.datamodel.indexes
      .map((ix) => {
        const model = models.find((m) => m.name === ix.model)!;
        return describeIndex(
          tableOf(model),
          ix.type,
          ix.fields.map((f) => columnOf(model, f.name)),
        );
      })
      .sort();
    expect(actual).toEqual(expected);
    for (const name of Object.keys(DB_ONLY_INDEXES)) expect(rows.map((r) => r.index)).toContain(name);
  });

  it("has exactly the foreign keys, with their delete rules", async () => {
    const { rows } = await getPool().query<{
      from_table: string;
      from_cols: string[];
      to_table: string;
      to_cols: string[];
      on_delete: string;
    }>(
      `SELECT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS from_cols,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS to_cols,
              c.confdeltype AS on_delete
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    const rule: Record<string, string> = {
      a: "NoAction",
      r: "Restrict",
      c: "Cascade",
      n: "SetNull",
      d: "SetDefault",
    };
    const strip = (t: string) => t.replace(/^"|"$/g, "");
    const actual = rows
      .map(
        (r) =>
          `${strip(r.from_table)}(${r.from_cols.join(",")}) -> ${strip(r.to_table)}(${r.to_cols.join(",")}) ${rule[r.on_delete]}`,
      )
      .sort();
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "object" && f.relationFromFields?.length)
          .map((f) => {
            const target = models.find((x) => x.name === f.type)!;
            const from = f.relationFromFields!.map((n) => columnOf(m, n)).join(",");
            const to = f.relationToFields!.map((n) => columnOf(target, n)).join(",");
            // Prisma's default for a required relation is Restrict, for an optional one SetNull.
            const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
            return `${tableOf(m)}(${from}) -> ${tableOf(target)}(${to}) ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
