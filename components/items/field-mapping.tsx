"use client";

import { SelectField } from "@/components/ui/field";

export type TMapping = {
  dataFields: string[];
  idField: string;
  priorityField: string;
  predictionsField: string;
};

/** Lets a lead choose which columns form the item's data, its external id, priority and predictions. */
export function FieldMapping({
  fields,
  mapping,
  onChange,
}: {
  fields: string[];
  mapping: TMapping;
  onChange: (mapping: TMapping) => void;
}) {
  const special = new Set([mapping.idField, mapping.priorityField, mapping.predictionsField].filter(Boolean));
  const pick = (name: keyof Omit<TMapping, "dataFields">, label: string) => (
    <SelectField
      label={label}
      value={mapping[name]}
      onChange={(e) => {
        const value = e.target.value;
        onChange({ ...mapping, [name]: value, dataFields: mapping.dataFields.filter((f) => f !== value) });
      }}
    >
      <option value="">(none)</option>
      {fields.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </SelectField>
  );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        {pick("idField", "External id field")}
        {pick("priorityField", "Priority field")}
        {pick("predictionsField", "Predictions field (JSON)")}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Fields that form the item&apos;s data</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {fields
            .filter((f) => !special.has(f))
            .map((f) => {
              const isOn = mapping.dataFields.includes(f);
              return (
                <label
                  key={f}
                  className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${
                    isOn
                      ? "border-indigo-400 bg-indigo-50 text-indigo-900"
                      : "border-slate-300 bg-white text-slate-700"
                  }`}
                >
                  <input
                    type="checkbox"
                    checked={isOn}
                    onChange={() =>
                      onChange({
                        ...mapping,
                        dataFields: isOn
                          ? mapping.dataFields.filter((x) => x !== f)
                          : [...mapping.dataFields, f],
                      })
                    }
                  />
                  <span className="font-mono">{f}</span>
                </label>
              );
            })}
        </div>
      </fieldset>
    </div>
  );
}
