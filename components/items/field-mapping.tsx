"use client";

import { SelectField } from "@/components/ui/field";
import type { TFieldRow } from "@/lib/client/import-mapping";

export type TSpecialFields = { idField: string; priorityField: string; predictionsField: string };

/**
 * Lets a lead choose which fields of the file form the item's data and under which names, which
 * top-level fields are its external id, priority and predictions, and which fields annotators never
 * see. `isMappable` false: the records' own shape decides the data, and only hiding applies.
 */
export function FieldMapping({
  topFields,
  rows,
  special,
  isMappable,
  problems,
  shownByDefinition,
  onRows,
  onSpecial,
}: {
  topFields: readonly string[];
  rows: readonly TFieldRow[];
  special: TSpecialFields;
  isMappable: boolean;
  problems: ReadonlyMap<string, string>;
  /** Data fields a definition shows (a spans text, pairwise sides): these cannot be hidden. */
  shownByDefinition: ReadonlyMap<string, string>;
  onRows: (rows: TFieldRow[]) => void;
  onSpecial: (special: TSpecialFields, rows: TFieldRow[]) => void;
}) {
  const specialSet = new Set(Object.values(special).filter(Boolean));
  const update = (path: string, change: Partial<TFieldRow>) =>
    onRows(rows.map((r) => (r.path === path ? { ...r, ...change } : r)));
  const pick = (key: keyof TSpecialFields, label: string) => (
    <SelectField
      label={label}
      value={special[key]}
      onChange={(e) => {
        const value = e.target.value;
        onSpecial(
          { ...special, [key]: value },
          rows.map((r) => (r.path === value ? { ...r, isIncluded: false } : r)),
        );
      }}
    >
      <option value="">(none)</option>
      {topFields.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </SelectField>
  );
  return (
    <div className="space-y-4">
      {isMappable ? (
        <div className="grid gap-4 sm:grid-cols-3">
          {pick("idField", "External id field")}
          {pick("priorityField", "Priority field")}
          {pick("predictionsField", "Predictions field (JSON)")}
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="px-3 py-2 text-left text-sm font-medium text-slate-800">
            {isMappable ? "Fields that form the item's data" : "Fields of the item's data"}
          </caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {isMappable ? "Include · field in the file" : "Field"}
              </th>
              {isMappable ? (
                <th scope="col" className="px-3 py-2 font-semibold">
                  Name in the item
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-semibold">
                Hidden from annotators
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows
              .filter((r) => !specialSet.has(r.path))
              .map((r) => {
                const depth = r.path.split(".").length - 1;
                const problem = problems.get(r.path);
                const shownBy = shownByDefinition.get(r.name);
                const problemId = `mapping-problem-${r.path}`;
                return (
                  <tr key={r.path} className={r.isIncluded ? "" : "bg-slate-50 text-slate-600"}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="flex items-center gap-2" style={{ paddingLeft: `${depth * 1.25}rem` }}>
                        {isMappable ? (
                          <input
                            type="checkbox"
                            aria-label={r.path}
                            checked={r.isIncluded}
                            onChange={() => update(r.path, { isIncluded: !r.isIncluded })}
                          />
                        ) : null}
                        <span className="font-mono">{r.path}</span>
                      </span>
                    </th>
                    {isMappable ? (
                      <td className="px-3 py-2">
                        <input
                          type="text"
                          aria-label="Name in the item"
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? problemId : undefined}
                          value={r.name}
                          disabled={!r.isIncluded}
                          onChange={(e) => update(r.path, { name: e.target.value })}
                          className="w-48 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm disabled:bg-slate-100 aria-[invalid=true]:border-red-500"
                        />
                        {problem ? (
                          <p id={problemId} className="mt-1 text-xs font-medium text-red-700">
                            {problem}
                          </p>
                        ) : null}
                      </td>
                    ) : null}
                    <td className="px-3 py-2">
                      <label className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          checked={r.isHidden && r.isIncluded}
                          disabled={!r.isIncluded || (shownBy !== undefined && !r.isHidden)}
                          onChange={() => update(r.path, { isHidden: !r.isHidden })}
                        />
                        <span className="text-slate-700">
                          {shownBy !== undefined ? `Hide (shown by “${shownBy}”)` : "Hide"}
                        </span>
                      </label>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
