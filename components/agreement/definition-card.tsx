import Link from "next/link";
import type { TAgreementResult } from "@/lib/schemas/agreement";
import { AlongsideFigures, figureName } from "./alongside-figures";
import { formatCount, formatInterval, formatValue, KIND_LABELS, metricSymbol } from "./format";
import { IntervalBar } from "./interval-bar";
import { ReadingBadge } from "./reading-badge";
import { TrendChart, type TChartPoint } from "./trend-chart";

function shortDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** One label definition on the agreement page: its figure over all versions, the trend, and per version. */
export function DefinitionCard({
  all,
  versions,
  href,
}: {
  all: TAgreementResult;
  versions: TAgreementResult[];
  href: string;
}) {
  const isAlpha = all.metric.startsWith("alpha");
  const headingId = `agreement-${all.key}`;
  const perOption = all.also.filter((f) => f.option !== undefined);
  const alongside = all.also.filter((f) => f.option === undefined);
  const weekly: TChartPoint[] = (all.trend ?? []).map((p) => ({
    key: p.window,
    tick: shortDate(p.window),
    label: p.label,
    value: p.value,
    ci: p.ci,
    items: p.itemsCompared,
  }));
  const byVersion: TChartPoint[] = versions.map((v) => ({
    key: String(v.version),
    tick: `v${v.version}`,
    label: `Version ${v.version}`,
    value: v.value,
    ci: v.ci,
    items: v.itemsCompared,
  }));
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {all.title} <span className="font-mono text-xs font-normal text-slate-600">{all.key}</span>
          </h2>
          <p className="text-xs text-slate-600">
            {KIND_LABELS[all.kind] ?? all.kind} · {all.metricName} · all versions
          </p>
        </div>
        <Link href={href} className="text-sm font-medium text-indigo-700 underline">
          Drill down<span className="sr-only"> into {all.title}</span> →
        </Link>
      </header>
      <div className="grid gap-6 p-5 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="space-y-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <p
              className="text-4xl font-semibold tabular-nums text-slate-900"
              data-testid={`agreement-value-${all.key}`}
            >
              <span className="sr-only">{all.metricName}: </span>
              <span aria-hidden="true" className="mr-1 text-2xl font-normal text-slate-600">
                {metricSymbol(all.metric)}
              </span>
              {formatValue(all.value)}
            </p>
            <ReadingBadge reading={all.reading} />
          </div>
          <p className="text-sm tabular-nums text-slate-700">
            95% interval <span className="font-medium text-slate-900">{formatInterval(all.ci)}</span>
          </p>
          <IntervalBar value={all.value} ci={all.ci} isAlpha={isAlpha} label={all.metricName} />
          <p className="text-sm text-slate-700">{all.readingText}</p>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            {[
              // Ranking alpha's units are an item's responses (ADR 016), not its items.
              [all.kind === "ranking" ? "Responses compared" : "Items compared", all.itemsCompared],
              ["Annotators", all.annotators],
              ["Labels", all.labels],
            ].map(([name, n]) => (
              <div key={name} className="rounded-md bg-slate-50 px-3 py-2">
                <dt className="text-xs text-slate-600">{name}</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{formatCount(Number(n))}</dd>
              </div>
            ))}
          </dl>
          <AlongsideFigures figures={alongside} />
          {perOption.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                {all.kind === "spans" ? (
                  "F1 per entity label"
                ) : (
                  // The heading is set in capitals; α must stay α, not become the capital letter Α.
                  <>
                    <span className="normal-case">α</span> per option (yes/no)
                  </>
                )}
              </h3>
              <ul className="mt-1 grid grid-cols-2 gap-x-4 text-sm tabular-nums text-slate-700">
                {perOption.map((f) => (
                  <li key={f.option}>
                    {figureName(f)}:{" "}
                    <span className="font-medium text-slate-900">{formatValue(f.value)}</span>{" "}
                    <span className="text-slate-600">({formatInterval(f.ci)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {all.criteria && all.criteria.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                Ordinal <span className="normal-case">α</span> per criterion
              </h3>
              <ul className="mt-1 space-y-0.5 text-sm tabular-nums text-slate-700">
                {all.criteria.map((c) => (
                  <li key={c.key} data-testid={`criterion-${all.key}-${c.key}`}>
                    {c.title}: <span className="font-medium text-slate-900">{formatValue(c.value)}</span>{" "}
                    <span className="text-slate-600">({formatInterval(c.ci)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div className="space-y-4">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Over time</h3>
            <p className="text-xs text-slate-600">By week in which an item got its last label.</p>
            {weekly.length > 0 ? (
              <TrendChart
                title={`${all.title}, ${metricSymbol(all.metric)} by week`}
                points={weekly}
                isAlpha={isAlpha}
              />
            ) : (
              <p className="mt-2 text-sm text-slate-600">
                {all.labels > 0 ? "Not shown by week for this kind of label." : "No labels yet."}
              </p>
            )}
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">By guideline version</h3>
            {byVersion.length > 1 ? (
              <TrendChart
                title={`${all.title}, ${metricSymbol(all.metric)} by version`}
                points={byVersion}
                isAlpha={isAlpha}
              />
            ) : (
              <p className="mt-1 text-sm text-slate-600">
                {byVersion.length === 1
                  ? `All labels so far are under version ${byVersion[0].label.replace("Version ", "")}.`
                  : "No labels yet."}
              </p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
