"use client";

import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { Check, Fieldset, INPUT } from "./filter-controls";

/** The optional sample of an eval-set filter: size, seed, and the label to stratify by. */
export function SampleFields({
  sample,
  definitions,
  onChange,
}: {
  sample: TEvalSetFilter["sample"];
  definitions: TLabelDefinition[];
  onChange: (sample: TEvalSetFilter["sample"]) => void;
}) {
  return (
    <Fieldset legend="Sample" hint="The same seed over the same items always takes the same sample.">
      <Check
        label="Take a sample of the matching items"
        checked={sample !== undefined}
        onChange={(on) => onChange(on ? { size: 100, seed: 1 } : undefined)}
      />
      {sample ? (
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-800">
            Items
            <input
              type="number"
              min={1}
              className={`${INPUT} mt-1 block w-28`}
              value={sample.size}
              onChange={(e) => onChange({ ...sample, size: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
          <label className="text-sm text-slate-800">
            Seed
            <input
              className={`${INPUT} mt-1 block w-28`}
              value={String(sample.seed)}
              onChange={(e) => {
                const raw = e.target.value;
                onChange({ ...sample, seed: /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw });
              }}
            />
          </label>
          <label className="text-sm text-slate-800">
            Stratify by
            <select
              className={`${INPUT} mt-1 block`}
              value={sample.stratifyBy ?? ""}
              onChange={(e) => onChange({ ...sample, stratifyBy: e.target.value || undefined })}
            >
              <option value="">Nothing (uniform)</option>
              {definitions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </Fieldset>
  );
}
