import type { TAgreementDrift, TDefinitionDrift, TDriftWindow } from "@/lib/schemas/agreement-drift";
import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatCount, formatInterval, formatPValue, formatValue, metricSymbol } from "./format";
import { countNoun } from "@/lib/text/count-noun";

const FILLS = ["#4338ca", "#0e7490", "#b45309", "#be123c", "#15803d", "#7e22ce", "#475569", "#a16207"];

/** Category shares as words, largest first (the text behind each distribution bar). */
export function describeDistribution(categories: { label: string }[], counts: number[]): string {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return "no labels";
  return categories
    .map((c, i) => ({ label: c.label, share: counts[i] / total }))
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share)
    .map((c) => `${c.label} ${Math.round(c.share * 100)}%`)
    .join(", ");
}

function DistributionBar({ categories, counts }: { categories: { label: string }[]; counts: number[] }) {
  const total = counts.reduce((a, b) => a + b, 0);
  const starts = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <div className="min-w-48">
      <svg viewBox="0 0 200 10" className="h-3 w-48" aria-hidden="true" preserveAspectRatio="none">
        {counts.map((c, i) =>
          total && c ? (
            <rect
              key={i}
              x={(200 * starts[i]) / total}
              y={0}
              width={(200 * c) / total}
              height={10}
              fill={FILLS[i % FILLS.length]}
            />
          ) : null,
        )}
      </svg>
      <p className="mt-1 text-xs text-slate-700">{describeDistribution(categories, counts)}</p>
    </div>
  );
}

function Flags({ w, relabelHref }: { w: TDriftWindow; relabelHref?: string }) {
  if (!w.isShifted && !w.isAgreementDrop) return <span className="text-xs text-slate-600">—</span>;
  return (
    <ul className="space-y-1 text-xs">
      {relabelHref ? (
        <li>
          <Link className="font-medium text-indigo-700 underline" href={relabelHref}>
            Relabel {w.label}
          </Link>
        </li>
      ) : null}
      {w.isShifted && w.shift ? (
        <li className="rounded bg-amber-100 px-2 py-1 font-medium text-amber-900">
          Labels shifted: χ² = {w.shift.statistic.toFixed(1)}, {formatPValue(w.shift.pValue)}, V ={" "}
          {w.shift.cramersV.toFixed(2)}
        </li>
      ) : null}
      {w.isAgreementDrop ? (
        <li className="rounded bg-red-100 px-2 py-1 font-medium text-red-900">
          Agreement below the previous interval
        </li>
      ) : null}
    </ul>
  );
}

function WindowTable({
  title,
  definition,
  windows,
  relabelHref,
}: {
  title: string;
  definition: TDefinitionDrift;
  windows: TDriftWindow[];
  /** Leads: where a flagged window's "Relabel" link goes (a campaign form for those items). */
  relabelHref?: (w: TDriftWindow) => string;
}) {
  const symbol = metricSymbol(definition.metric);
  if (windows.length === 0) return null;
  return (
    <ScrollRegion label={`${definition.title}: ${title}`}>
      <table className="min-w-full text-left text-sm">
        <caption className="pb-2 text-left text-sm font-semibold text-slate-900">
          {definition.title}: {title}
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-semibold">
              {title.replace("By ", "").replace(/^\w/, (c) => c.toUpperCase())}
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Labels
            </th>
            {definition.categories.length > 0 ? (
              <th scope="col" className="py-1 pr-3 font-semibold">
                Label distribution
              </th>
            ) : null}
            <th scope="col" className="py-1 pr-3 font-semibold">
              {symbol} (95% interval)
            </th>
            <th scope="col" className="py-1 font-semibold">
              Flags
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {windows.map((w) => (
            <tr key={w.window} className={w.isShifted || w.isAgreementDrop ? "bg-amber-50" : undefined}>
              <th scope="row" className="py-2 pr-3 font-normal text-slate-900">
                {w.label}
              </th>
              <td className="py-2 pr-3 tabular-nums">{formatCount(w.labels)}</td>
              {definition.categories.length > 0 ? (
                <td className="py-2 pr-3">
                  <DistributionBar categories={definition.categories} counts={w.distribution} />
                </td>
              ) : null}
              <td className="py-2 pr-3 tabular-nums">
                {formatValue(w.agreement.value)}{" "}
                <span className="text-slate-600">({formatInterval(w.agreement.ci)})</span>
                <span className="block text-xs text-slate-600">
                  {countNoun(w.agreement.itemsCompared, "item")}
                </span>
              </td>
              <td className="py-2">
                <Flags w={w} relabelHref={relabelHref?.(w)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A spans definition's second series (whether anything is marked) as a definition of its own. */
function seriesOf(d: TDefinitionDrift): TDefinitionDrift[] {
  if (!d.anySpan) return [d];
  const { anySpan, ...labels } = d;
  return [
    labels,
    {
      ...labels,
      key: `${d.key}:any-span`,
      title: `${d.title}, whether anything is marked`,
      metric: anySpan.metric,
      categories: anySpan.categories,
      byBatch: anySpan.byBatch,
      byWeek: anySpan.byWeek,
    },
  ];
}

/** Label distribution and agreement per batch and per week, with the shifts flagged. */
export function DriftPanel({ drift, campaignsHref }: { drift: TAgreementDrift; campaignsHref?: string }) {
  const series = drift.definitions.flatMap(seriesOf);
  const flagged = series.reduce(
    (n, d) => n + [...d.byBatch, ...d.byWeek].filter((w) => w.isShifted || w.isAgreementDrop).length,
    0,
  );
  return (
    <section
      aria-labelledby="drift-heading"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-200 px-5 py-3">
        <h2 id="drift-heading" className="text-base font-semibold text-slate-900">
          Label drift {flagged > 0 ? <span className="text-amber-800">· {flagged} flagged</span> : null}
        </h2>
        <p className="mt-1 text-xs text-slate-600">
          A window is flagged when its labels differ from the previous window&apos;s (chi-square test of
          homogeneity, p &lt; {drift.method.pValueBelow}, Cramér&apos;s V ≥ {drift.method.minCramersV}, at
          least {drift.method.minLabels} labels in each), or when agreement falls below the previous
          window&apos;s 95% interval.
        </p>
      </header>
      <div className="space-y-8 p-5">
        {series.map((d) =>
          d.kind === "ranking" || d.kind === "rubric" ? (
            <p key={d.key} className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">{d.title}</span>: drift by batch and week is not
              measured for {d.kind === "ranking" ? "rankings" : "rubrics"} yet; its agreement over time is on
              its card above.
            </p>
          ) : (
            <div key={d.key} className="space-y-3">
              {d.categories.length > 0 ? (
                <ul
                  aria-label={`${d.title}: colours of the label distribution`}
                  className="flex flex-wrap gap-3 text-xs"
                >
                  {d.categories.map((c, i) => (
                    <li key={c.value} className="flex items-center gap-1 text-slate-700">
                      <span
                        aria-hidden="true"
                        className="inline-block h-3 w-3 rounded-sm"
                        style={{ backgroundColor: FILLS[i % FILLS.length] }}
                      />
                      {c.label}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="grid gap-6 xl:grid-cols-2">
                <WindowTable
                  title="By batch"
                  definition={d}
                  windows={d.byBatch}
                  relabelHref={
                    campaignsHref && !d.key.includes(":")
                      ? (w) =>
                          `${campaignsHref}?definition=${d.key}&batch=${w.window}&label=${encodeURIComponent(w.label)}`
                      : undefined
                  }
                />
                <WindowTable
                  title="By week"
                  definition={d}
                  windows={d.byWeek}
                  relabelHref={
                    campaignsHref && !d.key.includes(":")
                      ? (w) =>
                          `${campaignsHref}?definition=${d.key}&week=${w.window}&label=${encodeURIComponent(w.label)}`
                      : undefined
                  }
                />
              </div>
            </div>
          ),
        )}
      </div>
    </section>
  );
}
