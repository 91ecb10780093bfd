import type { TFieldRow } from "@/lib/client/import-mapping";
import { annotatorView } from "@/lib/client/import-mapping";

/** The first record as an item, as annotators will receive it: hidden fields are not there. */
export function AnnotatorPreview({
  data,
  rows,
}: {
  data: Record<string, unknown>;
  rows: readonly TFieldRow[];
}) {
  const shown = annotatorView(data, rows);
  const hidden = Object.keys(data).filter((f) => !shown.some(([name]) => name === f));
  return (
    <section aria-labelledby="annotator-preview" className="rounded-md border border-slate-200 p-4">
      <h3 id="annotator-preview" className="text-sm font-medium text-slate-800">
        The first item as annotators will see it
      </h3>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No data fields: include at least one.</p>
      ) : (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {shown.map(([field, value]) => (
            <div key={field} className="contents">
              <dt className="font-mono text-slate-700">{field}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">
                {typeof value === "string" ? value : JSON.stringify(value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {hidden.length > 0 ? (
        <p className="mt-3 text-xs text-slate-700">
          Hidden from annotators (leads and exports keep them):{" "}
          <span className="font-mono">{hidden.join(", ")}</span>
        </p>
      ) : null}
    </section>
  );
}
