import "server-only";
import type { PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import { readsItemData, valuesSchemaFor } from "@/lib/label-definitions/value-schema";
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

// Building a zod schema costs more than using it. A values schema that does not read the item is
// kept with the specs array it was built for; servedSpecs (definition-spec-cache.ts) hands out one
// array per set of definition versions, so the submit path builds each schema once.
const itemFreeSchemas = new WeakMap<readonly TLabelDefinitionSpec[], ReturnType<typeof valuesSchemaFor>>();

function schemaFor(specs: readonly TLabelDefinitionSpec[], data: Record<string, unknown>) {
  if (specs.some(readsItemData)) return valuesSchemaFor(specs, { data });
  let schema = itemFreeSchemas.get(specs);
  if (!schema) {
    schema = valuesSchemaFor(specs);
    itemFreeSchemas.set(specs, schema);
  }
  return schema;
}

/** The one check of submitted values, for submit and revise alike: 422 naming each bad field. */
export function checkValues(
  specs: readonly TLabelDefinitionSpec[],
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
