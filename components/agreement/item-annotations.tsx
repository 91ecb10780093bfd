import type { TItemAnnotations } from "@/lib/schemas/agreement-detail";
import { formatLabelValue } from "./format";

/** All current labels of an item, per definition, one row per annotator: the disagreement side by side. */
export function ItemAnnotations({ definitions }: { definitions: TItemAnnotations }) {
  if (definitions.every((d) => d.labels.length === 0))
    return <p className="text-sm text-slate-600">No one has labelled this item yet.</p>;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {definitions.map((d) => (
        <div key={d.key} className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="pb-1 text-left text-sm font-semibold text-slate-900">
              {d.title} <span className="font-mono text-xs font-normal text-slate-600">{d.key}</span>
            </caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Annotator
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Label
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Version
                </th>
                <th scope="col" className="py-1 font-semibold">
                  Source
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.labels.length === 0 ? (
                <tr>
                  <td colSpan={4} className="py-1.5 text-slate-600">
                    No labels yet.
                  </td>
                </tr>
              ) : (
                d.labels.map((l, i) => (
                  <tr key={`${l.annotator}-${i}`}>
                    <th scope="row" className="py-1.5 pr-3 font-normal text-slate-800">
                      {l.annotator}
                    </th>
                    <td className="py-1.5 pr-3 font-medium text-slate-900">{formatLabelValue(l.value)}</td>
                    <td className="py-1.5 pr-3 text-slate-700">
                      v{l.version}
                      {l.revision > 1 ? <span className="text-xs"> (revised)</span> : null}
                    </td>
                    <td className="py-1.5 text-slate-700">
                      {l.importedFrom ? `Imported: ${l.importedFrom.batchName}` : "Labeled in Concord"}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
