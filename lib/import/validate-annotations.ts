import type { z } from "zod";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import { readsItemData, valueSchemaFor } from "@/lib/label-definitions/value-schema";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { TDefinitionsByKey } from "./dialects/option-lookup";
import { definitionList } from "./dialects/option-lookup";
import type { TFieldProblem, TImportRecord } from "./import-types";

/**
 * Checks the values of imported annotations against the definitions' current versions with the
 * same value schemas a submit goes through (lib/label-definitions/value-schema.ts). An annotation may carry
 * values for some definitions only: older tools rarely asked every question. A null value is
 * "not answered". Values are replaced by their parsed form.
 */
export function createAnnotationValidator(
  definitions: TDefinitionsByKey,
): (record: TImportRecord) => TFieldProblem[] | null {
  const schemas = new Map<string, z.ZodType<TLabelValue | null>>();
  const schemaFor = (spec: TLabelDefinitionSpec, data: Record<string, unknown>) => {
    if (readsItemData(spec)) return valueSchemaFor(spec, { data });
    let schema = schemas.get(spec.key);
    if (!schema) {
      schema = valueSchemaFor(spec);
      schemas.set(spec.key, schema);
    }
    return schema;
  };
  return (record) => {
    if (record.annotations === undefined) return null;
    const problems: TFieldProblem[] = [];
    record.annotations.forEach((annotation, index) => {
      const values: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(annotation.values)) {
        const path = annotation.paths?.[key] ?? `annotations.${index}.values.${key}`;
        const spec = definitions.get(key);
        const line = annotation.line;
        if (spec === undefined) {
          problems.push({
            path,
            message: `"${key}" is not a label definition of this project (${definitionList(definitions)})`,
            line,
          });
          continue;
        }
        if (value === null || value === undefined) continue;
        const parsed = schemaFor(spec, record.data).safeParse(value);
        if (!parsed.success) {
          for (const e of toFieldErrors(parsed.error, [path])) problems.push({ ...e, line });
          continue;
        }
        values[key] = parsed.data;
      }
      annotation.values = values;
    });
    record.annotations = record.annotations.filter((a) => Object.keys(a.values).length > 0);
    return problems;
  };
}
