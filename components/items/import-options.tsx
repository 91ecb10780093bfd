"use client";

import { SelectField } from "@/components/ui/field";
import type { TImportDialect } from "@/lib/import/import-types";

export const DIALECT_NAMES: Record<TImportDialect, string> = {
  concord: "Concord records",
  "label-studio": "Label Studio JSON export",
  prodigy: "Prodigy JSONL",
  "hh-rlhf": "HH-RLHF preference pairs (JSONL)",
};

export type TImportOptions = { dialect: TImportDialect; definitionKey: string; isSkippingBad: boolean };

/** Whose format the file is in (detected, the lead may override), and what to do with bad records. */
export function ImportOptions({
  detected,
  options,
  definitions,
  onChange,
}: {
  detected: TImportDialect;
  options: TImportOptions;
  definitions: readonly { key: string; title: string }[];
  onChange: (options: TImportOptions) => void;
}) {
  return (
    <div className="grid items-start gap-4 sm:grid-cols-3">
      <SelectField
        label="Format"
        value={options.dialect}
        hint={`Detected from the file: ${DIALECT_NAMES[detected]}.`}
        onChange={(e) => onChange({ ...options, dialect: e.target.value as TImportDialect })}
      >
        {Object.entries(DIALECT_NAMES).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </SelectField>
      {options.dialect === "prodigy" ? (
        <SelectField
          label="Label definition the answers are for"
          value={options.definitionKey}
          onChange={(e) => onChange({ ...options, definitionKey: e.target.value })}
          error={definitions.length === 0 ? "Create the label definition first." : undefined}
        >
          <option value="">(choose)</option>
          {definitions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.title} ({d.key})
            </option>
          ))}
        </SelectField>
      ) : options.dialect === "hh-rlhf" ? (
        <SelectField
          label="Pairwise definition the pairs are for"
          value={options.definitionKey}
          hint="Its prompt and side fields receive the split; by default the project's only pairwise definition."
          onChange={(e) => onChange({ ...options, definitionKey: e.target.value })}
        >
          <option value="">(the only pairwise one)</option>
          {definitions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.title} ({d.key})
            </option>
          ))}
        </SelectField>
      ) : null}
      <label className="flex items-start gap-2 pt-7 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={options.isSkippingBad}
          onChange={(e) => onChange({ ...options, isSkippingBad: e.target.checked })}
        />
        <span>
          <span className="font-medium">Skip bad records</span>
          <span className="block text-xs text-slate-600">
            Import the good ones and list the rest. Otherwise a bad record imports nothing.
          </span>
        </span>
      </label>
    </div>
  );
}
