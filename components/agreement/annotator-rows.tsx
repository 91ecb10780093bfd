import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { formatCount, formatPercent, formatValue } from "./format";
import { agreementCellClass } from "./heat";

/**
 * Annotators' figures against the others, one row each. Rendered on the server for the first rows
 * and in the browser for the ones loaded on request; the cells' padding is set once on the table,
 * not repeated on each of possibly hundreds of cells.
 */
export function AnnotatorRows({ rows, statistic }: { rows: TAnnotatorAgreement[]; statistic: string }) {
  const hasKappa = statistic.startsWith("kappa");
  return (
    <table className="min-w-full text-left text-sm tabular-nums [&_td]:py-1.5 [&_td]:pr-3 [&_th]:pr-3">
      <thead className="text-xs text-slate-600">
        <tr>
          <th scope="col" className="py-1 font-semibold">
            Annotator
          </th>
          <th scope="col" className="py-1 font-semibold">
            Labels
          </th>
          <th scope="col" className="py-1 font-semibold">
            Items shared
          </th>
          <th scope="col" className="py-1 font-semibold">
            {statistic === "f1" ? "F1 with others" : "Agrees with others"}
          </th>
          {hasKappa ? (
            <th scope="col" className="py-1 font-semibold">
              κ with others
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((a) => (
          <tr key={a.id}>
            <th scope="row" className="py-1.5 font-medium text-slate-900">
              {a.name}
            </th>
            <td>{formatCount(a.labels)}</td>
            <td>{formatCount(a.itemsShared)}</td>
            <td>{statistic === "f1" ? formatValue(a.agreement) : formatPercent(a.agreement)}</td>
            {hasKappa ? (
              <td>
                <span className={`rounded px-1.5 py-0.5 font-semibold ${agreementCellClass(a.kappa)}`}>
                  {formatValue(a.kappa)}
                </span>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
