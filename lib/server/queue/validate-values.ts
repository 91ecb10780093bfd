import "server-only";
import type { PoolClient } from "pg";
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
  const parsed = valuesSchemaFor(
    definitions.map((d) => d.spec),
    { data: item.rows[0].data },
  ).safeParse(values);
  if (!parsed.success) {
    throw unprocessable(
      "Some values do not fit their label definitions.",
      toFieldErrors(parsed.error, ["values"]),
    );
  }
  return { definitions, values: parsed.data as Record<string, TLabelValue | null> };
}
