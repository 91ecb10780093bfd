import { formatPercent } from "@/components/eval-sets/format-value";
import type { TGoldAccuracy } from "@/lib/schemas/final-labels";

/** Each annotator's accuracy on gold items, per definition; the weakest first. */
export function GoldAccuracyTable({ accuracy }: { accuracy: TGoldAccuracy }) {
  const withGold = accuracy.definitions.filter((d) => d.goldItems > 0);
  if (withGold.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No gold items yet. Mark a decision as gold (a known answer) to measure annotators against it.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {withGold.map((d) => (
        <div key={d.key}>
          <h3 className="text-sm font-semibold text-slate-800">
            {d.title} <span className="font-normal text-slate-600">· {d.goldItems} gold items</span>
          </h3>
          {d.annotators.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody has labeled a gold item yet.</p>
          ) : (
            <table className="mt-1 min-w-full text-sm">
              <caption className="sr-only">Accuracy on gold items for {d.title}</caption>
              <thead>
                <tr className="text-left text-slate-700">
                  <th scope="col" className="py-1 pr-3 font-semibold">
                    Annotator
                  </th>
                  <th scope="col" className="py-1 pr-3 font-semibold">
                    Correct
                  </th>
                  <th scope="col" className="py-1 font-semibold">
                    Accuracy
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.annotators.map((a) => (
                  <tr key={a.userId}>
                    <td className="py-1 pr-3">
                      {a.name} <span className="text-slate-600">({a.email})</span>
                    </td>
                    <td className="py-1 pr-3 tabular-nums">
                      {a.correct} of {a.answered}
                    </td>
                    <td className="py-1">
                      <span className="inline-flex items-center gap-2 tabular-nums">
                        <span className="h-2 w-24 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                          <span
                            className={`block h-full ${a.accuracy >= 0.8 ? "bg-emerald-600" : "bg-amber-500"}`}
                            style={{ width: `${Math.round(a.accuracy * 100)}%` }}
                          />
                        </span>
                        {formatPercent(a.accuracy)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </div>
  );
}
