import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { canonicalValue } from "@/lib/label-definitions/value-canonical";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";

/**
 * The key under which equal answers are counted together: canonical JSON of the value in its
 * canonical order (multi-choice keys in option order, spans sorted), "null" for an empty value.
 */
export function valueKey(spec: TLabelDefinitionSpec, value: unknown): string {
  return canonicalJson(canonicalValue(spec, (value ?? null) as TLabelValue | null));
}

/** The value in canonical order, as stored in final labels and frozen versions. */
export function normalizeValue(spec: TLabelDefinitionSpec, value: unknown): unknown {
  return canonicalValue(spec, (value ?? null) as TLabelValue | null);
}
