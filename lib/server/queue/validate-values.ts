import "server-only";
import type { PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/labels/definition-spec";
import type { TLabelValue } from "@/lib/labels/value-schema";
import { valuesSchemaFor } from "@/lib/labels/value-schema";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { unprocessable } from "@/lib/server/errors";
import { loadServedDefinitions, type TServedDefinitionRow } from "./load-served-definitions";
import type { TLockedAssignment } from "./lock-own-assignment";

/** Checks submitted values against the definition versions the item was served with (422 naming the field). */
export async function validateValues(
  client: PoolClient,
  assignment: TLockedAssignment,
  values: Record<string, unknown>,
): Promise<{ definitions: TServedDefinitionRow[]; values: Record<string, TLabelValue | null> }> {
  const definitions = await loadServedDefinitions(
    client,
    assignment.project_id,
    assignment.definition_versions,
  );
  const item = await client.query<{ data: Record<string, unknown> }>("SELECT data FROM items WHERE id = $1", [
    assignment.item_id,
  ]);
  return {
    definitions,
    values: checkValues(
      definitions.map((d) => d.spec),
      item.rows[0].data,
      values,
    ),
  };
}

// Building a zod schema costs more than using it. Schemas that do not depend on the item (no spans,
// whose offsets are checked against the item's text) are kept per combination of spec objects,
// which definition-spec-cache.ts keeps stable for each immutable definition version.
const specIds = new WeakMap<TLabelDefinitionSpec, number>();
let nextSpecId = 0;
const itemFreeSchemas = new Map<string, ReturnType<typeof valuesSchemaFor>>();

function schemaFor(specs: TLabelDefinitionSpec[], data: Record<string, unknown>) {
  if (specs.some((spec) => spec.kind === "spans")) return valuesSchemaFor(specs, { data });
  const key = specs
    .map((spec) => {
      let id = specIds.get(spec);
      if (id === undefined) specIds.set(spec, (id = nextSpecId++));
      return id;
    })
    .join(",");
  let schema = itemFreeSchemas.get(key);
  if (!schema) {
    if (itemFreeSchemas.size >= 1_000) itemFreeSchemas.clear();
    schema = valuesSchemaFor(specs, { data });
    itemFreeSchemas.set(key, schema);
  }
  return schema;
}

/** The one check of submitted values, for submit and revise alike: 422 naming each bad field. */
export function checkValues(
  specs: TLabelDefinitionSpec[],
  data: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, TLabelValue | null> {
  const parsed = schemaFor(specs, data).safeParse(values);
  if (!parsed.success) {
    throw unprocessable(
      "Some values do not fit their label definitions.",
      toFieldErrors(parsed.error, ["values"]),
    );
  }
  return parsed.data;
}
