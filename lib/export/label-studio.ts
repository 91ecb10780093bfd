import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { hasOptions } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";

/** An item with its labels, as the Label Studio and Prodigy encoders take it. */
export type TLabeledItem = {
  externalId: string | null;
  itemId: string;
  data: Record<string, unknown>;
  annotations: { annotator: string; values: Record<string, unknown>; createdAt: string | null }[];
};

export type TLabelStudioOptions = {
  /** Name options by their titles (what a Label Studio config usually shows) instead of their keys. */
  useTitles?: boolean;
};

/**
 * One Label Studio task (the JSON export's shape) for an item: `id` is the external id (a number
 * when it is one), each annotation a `completed_by` with one result per value; `from_name` is the
 * definition key, so the file imports back into Concord as it came (label-studio.ts in lib/import).
 */
export function toLabelStudioTask(
  item: TLabeledItem,
  definitions: readonly TLabelDefinitionSpec[],
  options: TLabelStudioOptions = {},
): Record<string, unknown> {
  const externalId = item.externalId ?? item.itemId;
  const id = /^[1-9]\d{0,14}$/.test(externalId) ? Number(externalId) : externalId;
  return {
    id,
    data: item.data,
    annotations: item.annotations.map((a, index) => ({
      id: index + 1,
      completed_by: a.annotator,
      was_cancelled: false,
      ...(a.createdAt ? { created_at: a.createdAt } : {}),
      result: definitions.flatMap((spec) =>
        Object.hasOwn(a.values, spec.key) && a.values[spec.key] !== null
          ? toResults(spec, a.values[spec.key], item.data, options)
          : [],
      ),
    })),
  };
}

function optionName(spec: TLabelDefinitionSpec, key: string, options: TLabelStudioOptions): string {
  if (!options.useTitles || !hasOptions(spec)) return key;
  return spec.options.find((o) => o.key === key)?.title ?? key;
}

function toResults(
  spec: TLabelDefinitionSpec,
  value: unknown,
  data: Record<string, unknown>,
  options: TLabelStudioOptions,
): Record<string, unknown>[] {
  const base = {
    from_name: spec.key,
    to_name: "textField" in spec && spec.textField ? spec.textField : "text",
  };
  switch (spec.kind) {
    case "single_choice":
      return [{ ...base, type: "choices", value: { choices: [optionName(spec, value as string, options)] } }];
    case "multi_choice":
      return [
        {
          ...base,
          type: "choices",
          value: { choices: (value as string[]).map((k) => optionName(spec, k, options)) },
        },
      ];
    case "spans": {
      const text = typeof data[spec.textField] === "string" ? (data[spec.textField] as string) : "";
      return (value as TSpan[]).map((s) => ({
        ...base,
        type: "labels",
        value: {
          start: s.start,
          end: s.end,
          text: text.slice(s.start, s.end),
          labels: [optionName(spec, s.label, options)],
        },
      }));
    }
    case "rating":
      return [{ ...base, type: "rating", value: { rating: value } }];
    case "free_text":
      return [{ ...base, type: "textarea", value: { text: [value] } }];
    case "pairwise":
      return [
        value === "tie"
          ? { ...base, type: "choices", value: { choices: ["tie"] } }
          : { ...base, type: "pairwise", value: { selected: value === "A" ? "left" : "right" } },
      ];
    default:
      return [];
  }
}
