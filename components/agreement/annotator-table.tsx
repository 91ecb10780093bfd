import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { formatCount, formatPercent, formatValue } from "./format";
import { agreementCellClass } from "./heat";
import { MIN_SHARED_ITEMS } from "./pair-matrix";
import { countNoun } from "@/lib/text/count-noun";

function Rows({ rows, statistic }: { rows: TAnnotatorAgreement[]; statistic: string }) {
  const hasKappa = statistic.startsWith("kappa");
  return (
    <table className="min-w-full text-left text-sm tabular-nums">
      <thead className="text-xs text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Annotator
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Labels
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Items shared
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
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
            <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
              {a.name}
            </th>
            <td className="py-1.5 pr-3">{formatCount(a.labels)}</td>
            <td className="py-1.5 pr-3">{formatCount(a.itemsShared)}</td>
            <td className="py-1.5 pr-3">
              {statistic === "f1" ? formatValue(a.agreement) : formatPercent(a.agreement)}
            </td>
            {hasKappa ? (
              <td className="py-1.5">
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

/** The lowest-ranked annotators shown at once; the others open on request (a project may have hundreds). */
const SHOWN = 12;

/**
 * Each annotator against everyone else. Annotators who share at least MIN_SHARED_ITEMS items with
 * others are ranked, lowest first (who to talk to); the rest, whose figures rest on a handful of
 * items, are listed apart by activity.
 */
export function AnnotatorTable({
  annotators,
  statistic,
}: {
  annotators: TAnnotatorAgreement[];
  statistic: string;
}) {
  const key = (a: TAnnotatorAgreement) => (statistic.startsWith("kappa") ? a.kappa : a.agreement);
  const ranked = annotators
    .filter((a) => a.itemsShared >= MIN_SHARED_ITEMS)
    .sort((a, b) => (key(a) ?? Infinity) - (key(b) ?? Infinity) || b.labels - a.labels);
  const few = annotators.filter((a) => a.itemsShared < MIN_SHARED_ITEMS).sort((a, b) => b.labels - a.labels);
  return (
    <div className="space-y-3 overflow-x-auto">
      <p className="text-xs text-slate-600">
        Each annotator&apos;s labels against the other annotators of the same items, lowest first, for the{" "}
        {countNoun(ranked.length, "annotator")} sharing at least {MIN_SHARED_ITEMS} items with others.
      </p>
      {ranked.length > 0 ? <Rows rows={ranked.slice(0, SHOWN)} statistic={statistic} /> : null}
      {ranked.length > SHOWN ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700 underline">
            The other {ranked.length - SHOWN} ranked annotators
          </summary>
          <div className="mt-2">
            <Rows rows={ranked.slice(SHOWN)} statistic={statistic} />
          </div>
        </details>
      ) : null}
      {few.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700 underline">
            {countNoun(few.length, "annotator")} sharing fewer than {MIN_SHARED_ITEMS} items (too few to
            judge)
          </summary>
          <div className="mt-2">
            <Rows rows={few.slice(0, 200)} statistic={statistic} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
