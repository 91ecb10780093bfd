import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { formatPercent, formatValue } from "./format-value";
import { countNoun } from "@/lib/text/count-noun";

const RESOLUTION: Record<string, string> = {
  resolved: "items with a final label for every required definition",
  automatic: "items resolved by the rules alone",
  adjudicated: "resolved items with at least one label decided by a lead",
  any: "any item, resolved or not",
};

/** A filter in words, one line per condition. */
export function FilterSummary({
  filter,
  titles,
  batchNames,
}: {
  filter: TEvalSetFilter;
  titles: Record<string, string>;
  batchNames: Record<string, string>;
}) {
  const title = (key: string) => titles[key] ?? key;
  const lines = [
    `Take ${RESOLUTION[filter.resolution ?? "resolved"]}`,
    filter.definitions ? `Labels: ${filter.definitions.map(title).join(", ")}` : "Labels: every definition",
    filter.batches ? `Batches: ${filter.batches.map((b) => batchNames[b] ?? b).join(", ")}` : null,
    filter.minItemAgreement !== undefined
      ? `Annotator agreement on each label at least ${formatPercent(filter.minItemAgreement)}`
      : null,
    ...Object.entries(filter.labels ?? {}).map(
      ([k, v]) => `${title(k)} is ${v.map(formatValue).join(" or ")}`,
    ),
    ...Object.entries(filter.definitionVersions ?? {}).map(
      ([k, v]) => `${title(k)} annotated under version ${v.join(" or ")}`,
    ),
    filter.sample
      ? `A sample of ${countNoun(filter.sample.size, "item")} (seed ${String(filter.sample.seed)}${
          filter.sample.stratifyBy ? `, stratified by ${title(filter.sample.stratifyBy)}` : ""
        })`
      : null,
  ].filter((line): line is string => line !== null);
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
