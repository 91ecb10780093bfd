import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { topKeys } from "./rules";
import { normalizeValue, valueKey } from "./value-key";

/** The value most annotations gave, with how many gave it out of how many. */
export type TMajority = { value: unknown; count: number; total: number };

/**
 * The value a lead is offered first when adjudicating: the one given more often than any other
 * (equal answers counted together whatever their order, as the rules count them). None when two
 * values tie for the top or nobody answered: offering either would be a coin toss the lead cannot see.
 */
export function findMajority(spec: TLabelDefinitionSpec, values: readonly unknown[]): TMajority | null {
  if (values.length === 0) return null;
  const keys = values.map((value) => valueKey(spec, value));
  const top = topKeys(keys);
  if (top.keys.length !== 1) return null;
  const index = keys.indexOf(top.keys[0]);
  return { value: normalizeValue(spec, values[index]), count: top.count, total: values.length };
}
