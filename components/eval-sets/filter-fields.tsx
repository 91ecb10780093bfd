"use client";

import { useId } from "react";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import type { TBatch } from "@/lib/schemas/items";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { Check, Fieldset, INPUT, omitEmpty, toggle, valueChoices } from "./filter-controls";
import { SampleFields } from "./sample-fields";
import { countNoun } from "@/lib/text/count-noun";

const RESOLUTIONS = [
  ["resolved", "Resolved: a final label for every required definition (the default)"],
  ["automatic", "Resolved by the rules alone (no lead decision)"],
  ["adjudicated", "Resolved, with at least one label decided by a lead"],
  ["any", "Any item, also unresolved ones (their labels are empty)"],
] as const;

/** The parts of an eval-set filter, as form controls; `value` is the filter as the API takes it. */
export function FilterFields({
  definitions,
  batches,
  value,
  onChange,
}: {
  definitions: TLabelDefinition[];
  batches: TBatch[];
  value: TEvalSetFilter;
  onChange: (filter: TEvalSetFilter) => void;
}) {
  const id = useId();
  const set = (patch: Partial<TEvalSetFilter>) => {
    const next = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof TEvalSetFilter)[])
      if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const carried = definitions.filter((d) => !value.definitions || value.definitions.includes(d.key));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Fieldset legend="Labels in the set" hint="Items need a final label for each required one.">
        <div className="flex flex-col gap-1">
          {definitions.map((d) => (
            <Check
              key={d.key}
              label={`${d.title} (${d.key}, v${d.version}${d.required ? "" : ", optional"})`}
              checked={!value.definitions || value.definitions.includes(d.key)}
              onChange={(on) => {
                const all = value.definitions ?? definitions.map((x) => x.key);
                const next = toggle(all, d.key, on);
                set({ definitions: next && next.length === definitions.length ? undefined : next });
              }}
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset legend="Batches" hint="None ticked: every batch.">
        <div className="flex max-h-40 flex-col gap-1 overflow-y-auto">
          {batches.map((b) => (
            <Check
              key={b.id}
              label={`${b.name} (${countNoun(b.itemCount, "item")})`}
              checked={value.batches?.includes(b.id) ?? false}
              onChange={(on) => set({ batches: toggle(value.batches, b.id, on) })}
            />
          ))}
          {batches.length === 0 ? <p className="text-sm text-slate-600">No batches imported yet.</p> : null}
        </div>
      </Fieldset>

      <Fieldset legend="Resolution">
        <label htmlFor={`${id}-resolution`} className="sr-only">
          Resolution
        </label>
        <select
          id={`${id}-resolution`}
          className={`${INPUT} w-full`}
          value={value.resolution ?? "resolved"}
          onChange={(e) =>
            set({
              resolution:
                e.target.value === "resolved" ? undefined : (e.target.value as TEvalSetFilter["resolution"]),
            })
          }
        >
          {RESOLUTIONS.map(([key, title]) => (
            <option key={key} value={key}>
              {title}
            </option>
          ))}
        </select>
      </Fieldset>

      <Fieldset
        legend="Minimum item agreement"
        hint="The share of annotator pairs that agree on the item, for every label in the set. Empty: no minimum."
      >
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="number"
            min={0}
            max={100}
            step="any"
            className={`${INPUT} w-28`}
            value={value.minItemAgreement === undefined ? "" : Math.round(value.minItemAgreement * 1000) / 10}
            onChange={(e) =>
              set({ minItemAgreement: e.target.value === "" ? undefined : Number(e.target.value) / 100 })
            }
            aria-label="Minimum item agreement in percent"
          />
          %
        </label>
      </Fieldset>

      {carried.some((d) => valueChoices(d).length > 0) ? (
        <Fieldset legend="Only these final values" hint="None ticked for a label: any value.">
          {carried
            .filter((d) => valueChoices(d).length > 0)
            .map((d) => (
              <div key={d.key} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="text-sm font-medium text-slate-700">{d.title}:</span>
                {valueChoices(d).map((choice) => (
                  <Check
                    key={String(choice.value)}
                    label={choice.title}
                    checked={(value.labels?.[d.key] ?? []).includes(choice.value)}
                    onChange={(on) => {
                      const labels = { ...value.labels };
                      const next = toggle(labels[d.key], choice.value, on);
                      if (next) labels[d.key] = next;
                      else delete labels[d.key];
                      set({ labels: omitEmpty(labels) });
                    }}
                  />
                ))}
              </div>
            ))}
        </Fieldset>
      ) : null}

      {carried.some((d) => d.version > 1) ? (
        <Fieldset
          legend="Definition versions"
          hint="Only items whose annotations all answered a ticked version."
        >
          {carried
            .filter((d) => d.version > 1)
            .map((d) => (
              <div key={d.key} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="text-sm font-medium text-slate-700">{d.title}:</span>
                {Array.from({ length: d.version }, (_, i) => i + 1).map((v) => (
                  <Check
                    key={v}
                    label={`v${v}`}
                    checked={value.definitionVersions?.[d.key]?.includes(v) ?? false}
                    onChange={(on) => {
                      const versions = { ...value.definitionVersions };
                      const next = toggle(versions[d.key], v, on);
                      if (next) versions[d.key] = next;
                      else delete versions[d.key];
                      set({ definitionVersions: omitEmpty(versions) });
                    }}
                  />
                ))}
              </div>
            ))}
        </Fieldset>
      ) : null}

      <SampleFields sample={value.sample} definitions={carried} onChange={(sample) => set({ sample })} />
    </div>
  );
}
