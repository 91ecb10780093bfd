import type { TLabelDefinitionSpec, TOptionsSpec } from "@/lib/label-definitions/definition-spec";
import { hasOptions } from "@/lib/label-definitions/definition-spec";
import { showJsonValue } from "../json-record";

/** The project's current definitions, by key, as the dialects need them. */
export type TDefinitionsByKey = ReadonlyMap<string, TLabelDefinitionSpec>;

// Other tools name choices by their shown text: an option is found by its key, else by its title.
const lookups = new WeakMap<TOptionsSpec, Map<string, string>>();

export function findOptionKey(spec: TLabelDefinitionSpec, name: unknown): string | null {
  if (!hasOptions(spec) || (typeof name !== "string" && typeof name !== "number")) return null;
  let lookup = lookups.get(spec);
  if (!lookup) {
    lookup = new Map();
    for (const option of spec.options) if (!lookup.has(option.title)) lookup.set(option.title, option.key);
    for (const option of spec.options) lookup.set(option.key, option.key);
    lookups.set(spec, lookup);
  }
  return lookup.get(String(name)) ?? null;
}

export function optionList(spec: TLabelDefinitionSpec): string {
  if (!hasOptions(spec)) return "";
  const shown = spec.options.slice(0, 12).map((o) => o.key);
  return shown.join(", ") + (spec.options.length > 12 ? ", …" : "");
}

export function unknownOptionMessage(spec: TLabelDefinitionSpec, name: unknown): string {
  return `${showJsonValue(name)} is neither the key nor the title of an option of "${spec.key}" (${optionList(spec)})`;
}

export function definitionList(definitions: TDefinitionsByKey): string {
  return [...definitions.keys()].join(", ") || "none";
}
