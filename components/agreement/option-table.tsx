import type { TFigure } from "@/lib/schemas/agreement";
import { formatCount, formatInterval, formatValue } from "./format";
import { agreementCellClass } from "./heat";
import { IntervalBar } from "./interval-bar";

/** Agreement per option, one against the rest (per entity label for spans). */
export function OptionTable({
  figures,
  counts,
  kind,
}: {
  figures: TFigure[];
  counts: Map<string, number>;
  kind: string;
}) {
  const isAlpha = kind !== "spans";
  const isRubric = kind === "rubric";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">
          {isRubric
            ? "Ordinal alpha per criterion"
            : isAlpha
              ? "Alpha per option, one against the rest"
              : "F1 per entity label"}
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-semibold">
              {kind === "spans" ? "Entity label" : isRubric ? "Criterion" : "Option"}
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              {kind === "spans" ? "Spans" : isRubric ? "Items compared" : "Labels"}
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              {isAlpha ? "α" : "F1"}
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              95% interval
            </th>
            <th scope="col" className="py-1 font-semibold">
              <span className="sr-only">Chart</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {figures.map((f) => (
            <tr key={f.option}>
              <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
                {f.label ?? f.option}
              </th>
              <td className="py-1.5 pr-3">
                {formatCount(isRubric ? f.itemsCompared : (counts.get(f.option ?? "") ?? 0))}
              </td>
              <td className="py-1.5 pr-3">
                <span className={`rounded px-1.5 py-0.5 font-semibold ${agreementCellClass(f.value)}`}>
                  {formatValue(f.value)}
                </span>
              </td>
              <td className="py-1.5 pr-3 text-slate-700">{formatInterval(f.ci)}</td>
              <td className="w-64 py-1.5">
                <IntervalBar value={f.value} ci={f.ci} isAlpha={isAlpha} label={`${f.label ?? f.option}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
