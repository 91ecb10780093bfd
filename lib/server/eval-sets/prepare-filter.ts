import "server-only";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { compileFilter, type TCompiledFilter } from "@/lib/eval-sets/match-filter";
import { valueKey } from "@/lib/final-labels/value-key";
import { valueSchemaFor } from "@/lib/label-definitions/value-schema";
import type { TFieldError } from "@/lib/server/errors";
import { unprocessable } from "@/lib/server/errors";
import {
  loadLabelContext,
  type TDb,
  type TDefinitionContext,
} from "@/lib/server/final-labels/load-label-context";

export type TPreparedFilter = {
  filter: TEvalSetFilter;
  /** The definitions whose labels the set carries, in project order. */
  definitions: TDefinitionContext[];
  /** Every definition of the project (stored review states are refreshed with all of them). */
  all: TDefinitionContext[];
  matches: TCompiledFilter;
  stratifyBy: TDefinitionContext | null;
};

/**
 * Checks a filter against the project (definitions, versions, label values, batches: anything
 * unknown is a 422 naming the field) and compiles it.
 */
export async function prepareFilter(
  q: TDb,
  projectId: string,
  filter: TEvalSetFilter,
): Promise<TPreparedFilter> {
  const all = await loadLabelContext(q, projectId);
  const errors: TFieldError[] = [];
  const byKey = new Map(all.map((d) => [d.key, d]));
  if (all.length === 0) errors.push({ path: "filter", message: "the project has no label definitions yet" });
  (filter.definitions ?? []).forEach((key, i) => {
    if (!byKey.has(key))
      errors.push({ path: `filter.definitions.${i}`, message: `unknown definition "${key}"` });
  });
  const chosen = new Set(filter.definitions ?? all.map((d) => d.key));
  const definitions = all.filter((d) => chosen.has(d.key));
  const carried = (key: string, path: string) => {
    if (!byKey.has(key)) errors.push({ path, message: `unknown definition "${key}"` });
    else if (!chosen.has(key)) errors.push({ path, message: `"${key}" is not among filter.definitions` });
    return byKey.get(key);
  };
  for (const [key, versions] of Object.entries(filter.definitionVersions ?? {})) {
    const definition = carried(key, `filter.definitionVersions.${key}`);
    versions.forEach((v, i) => {
      if (definition && !definition.versions.has(v)) {
        errors.push({
          path: `filter.definitionVersions.${key}.${i}`,
          message: `"${key}" has no version ${v}`,
        });
      }
    });
  }
  for (const [key, values] of Object.entries(filter.labels ?? {})) {
    const definition = carried(key, `filter.labels.${key}`);
    if (!definition) continue;
    const schema = valueSchemaFor({ ...definition.spec, required: false });
    values.forEach((value, i) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        errors.push({
          path: `filter.labels.${key}.${i}`,
          message: parsed.error.issues[0]?.message ?? "invalid",
        });
      }
    });
  }
  const stratifyKey = filter.sample?.stratifyBy;
  const stratifyBy = stratifyKey ? (carried(stratifyKey, "filter.sample.stratifyBy") ?? null) : null;
  if (filter.batches) {
    const { rows } = await q.query<{ id: string }>(
      "SELECT id FROM batches WHERE project_id = $1 AND id = ANY($2::uuid[])",
      [projectId, filter.batches],
    );
    const known = new Set(rows.map((r) => r.id));
    filter.batches.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ path: `filter.batches.${i}`, message: "not a batch of this project" });
    });
  }
  if (errors.length > 0) throw unprocessable("The filter does not fit this project.", errors);
  return { filter, definitions, all, matches: compileFor(filter, definitions), stratifyBy };
}

/** The filter as a predicate over items labeled with these definitions. */
export function compileFor(
  filter: TEvalSetFilter,
  definitions: readonly TDefinitionContext[],
): TCompiledFilter {
  return compileFilter(
    filter,
    definitions.map((d) => ({
      key: d.key,
      isRequired: d.isRequired,
      keyOf: (v: unknown) => valueKey(d.spec, v),
    })),
  );
}
