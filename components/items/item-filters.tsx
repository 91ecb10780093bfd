import { ITEM_STATUSES } from "@/lib/schemas/items";
import { STATUS_LABELS } from "./items-table";

const INPUT = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The items browser's filters: a plain GET form, so every filtered view is a link. */
export function ItemFilters({
  action,
  values,
  batches,
  dataFields,
  hiddenFields,
  definitions,
}: {
  action: string;
  values: Record<string, string>;
  batches: { id: string; name: string; itemCount: number }[];
  dataFields: string[];
  hiddenFields: string[];
  definitions: { key: string; title: string }[];
}) {
  const hidden = new Set(hiddenFields);
  const fields = [...new Set([...dataFields, ...hiddenFields])].sort();
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3"
      action={action}
      role="search"
      aria-label="Filter items"
    >
      <Labelled id="item-search" label="Search text">
        <input
          id="item-search"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          className={`${INPUT} w-56`}
        />
      </Labelled>
      <Labelled id="status-filter" label="Status">
        <select id="status-filter" name="status" defaultValue={values.status ?? ""} className={INPUT}>
          <option value="">Any</option>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="batch-filter" label="Batch">
        <select id="batch-filter" name="batch" defaultValue={values.batch ?? ""} className={INPUT}>
          <option value="">All batches</option>
          {batches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.itemCount.toLocaleString("en-US")})
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="min-annotations" label="Annotations, at least">
        <input
          id="min-annotations"
          name="minAnnotations"
          type="number"
          min={0}
          defaultValue={values.minAnnotations ?? ""}
          className={`${INPUT} w-24`}
        />
      </Labelled>
      <Labelled id="max-annotations" label="at most">
        <input
          id="max-annotations"
          name="maxAnnotations"
          type="number"
          min={0}
          defaultValue={values.maxAnnotations ?? ""}
          className={`${INPUT} w-24`}
        />
      </Labelled>
      <Labelled id="label-filter" label="Final label of">
        <select id="label-filter" name="label" defaultValue={values.label ?? ""} className={INPUT}>
          <option value="">Any definition</option>
          {definitions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.title}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="label-value" label="is">
        <input
          id="label-value"
          name="labelValue"
          defaultValue={values.labelValue ?? ""}
          placeholder="any value"
          className={`${INPUT} w-32`}
        />
      </Labelled>
      <Labelled id="field-filter" label="Data field">
        <select id="field-filter" name="field" defaultValue={values.field ?? ""} className={INPUT}>
          <option value="">Any field</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {hidden.has(f) ? `${f} (hidden)` : f}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="field-value" label="equals">
        <input
          id="field-value"
          name="value"
          defaultValue={values.value ?? ""}
          placeholder="present"
          className={`${INPUT} w-32`}
        />
      </Labelled>
      <button
        type="submit"
        className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300"
      >
        Filter
      </button>
    </form>
  );
}
