import type { TLabelDefinitionSpec } from "./definition-spec";
import type { TLabelValue, TSpan } from "./value-schema";

/**
 * A valid value in canonical order, so that equal answers compare equal (e.g. with canonicalJson)
 * when counting majorities: multi_choice keys in option order; spans sorted by start, end, then
 * label option order. Other kinds are returned unchanged. Does not validate.
 */
export function canonicalValue(spec: TLabelDefinitionSpec, value: TLabelValue | null): TLabelValue | null {
  if (value === null || !("options" in spec)) return value;
  const rank = new Map(spec.options.map((option, index) => [option.key, index]));
  const rankOf = (key: string) => rank.get(key) ?? Number.MAX_SAFE_INTEGER;
  if (spec.kind === "multi_choice" && Array.isArray(value)) {
    return [...(value as string[])].sort((x, y) => rankOf(x) - rankOf(y));
  }
  if (spec.kind === "spans" && Array.isArray(value)) {
    return [...(value as TSpan[])].sort(
      (x, y) => x.start - y.start || x.end - y.end || rankOf(x.label) - rankOf(y.label),
    );
  }
  return value;
}
