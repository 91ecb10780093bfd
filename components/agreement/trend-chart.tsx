import { scale, tickIndices, trendDomain } from "./chart-scale";
import { formatCount, formatInterval, formatValue } from "./format";

export type TChartPoint = {
  key: string;
  /** Short label under the axis ("3 Nov", "v2"). */
  tick: string;
  /** Full label for the table and the text alternative. */
  label: string;
  value: number | null;
  ci: [number, number] | null;
  items: number;
};

const W = 520;
const H = 170;
const LEFT = 34;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 26;

/** What the chart shows, in one sentence, for screen readers. */
export function describeTrend(title: string, points: readonly TChartPoint[]): string {
  const defined = points.filter((p) => p.value !== null);
  if (defined.length === 0) return `${title}: no values yet.`;
  const first = defined[0];
  const last = defined[defined.length - 1];
  if (defined.length === 1) return `${title}: ${formatValue(first.value)} (${first.label}).`;
  const lowest = defined.reduce((a, b) => (b.value! < a.value! ? b : a));
  return (
    `${title} over ${defined.length} points: from ${formatValue(first.value)} (${first.label}) ` +
    `to ${formatValue(last.value)} (${last.label}); lowest ${formatValue(lowest.value)} (${lowest.label}).`
  );
}

/**
 * Values with their 95% intervals (whiskers) over weeks or versions, on the alpha scale with the
 * 0.667 and 0.8 thresholds dashed. An SVG image with a text alternative, and the same numbers in a
 * table one click away.
 */
export function TrendChart({
  title,
  points,
  isAlpha,
}: {
  title: string;
  points: readonly TChartPoint[];
  isAlpha: boolean;
}) {
  const domain = isAlpha
    ? trendDomain(points.flatMap((p) => [p.value, p.ci?.[0], p.ci?.[1]]))
    : ([0, 1] as [number, number]);
  const y = scale(domain, [H - BOTTOM, TOP]);
  const n = points.length;
  const x = (i: number) => (n === 1 ? (LEFT + W - RIGHT) / 2 : LEFT + (i * (W - LEFT - RIGHT)) / (n - 1));
  const path = points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(" ");
  const gridLines = [domain[0], ...(isAlpha ? [0.667, 0.8] : [0.5]), domain[1]].filter(
    (g, i, all) => all.indexOf(g) === i && g >= domain[0] && g <= domain[1],
  );
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={describeTrend(title, points)}>
        {gridLines.map((g) => (
          <g key={g}>
            <line
              x1={LEFT}
              x2={W - RIGHT}
              y1={y(g)}
              y2={y(g)}
              className={
                g === 0.8 ? "stroke-emerald-600" : g === 0.667 ? "stroke-amber-600" : "stroke-slate-200"
              }
              strokeDasharray={g === 0.8 || g === 0.667 ? "4 3" : undefined}
              strokeWidth={1}
            />
            <text x={LEFT - 4} y={y(g) + 3} textAnchor="end" className="fill-slate-700 text-[10px]">
              {g === 0.667 ? ".667" : g.toFixed(1)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          p.ci ? (
            <line
              key={`ci-${p.key}`}
              x1={x(i)}
              x2={x(i)}
              y1={y(p.ci[0])}
              y2={y(p.ci[1])}
              className="stroke-indigo-300"
              strokeWidth={6}
              strokeLinecap="round"
            />
          ) : null,
        )}
        {path.includes(" ") ? (
          <polyline points={path} fill="none" className="stroke-indigo-700" strokeWidth={2} />
        ) : null}
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle
              key={p.key}
              cx={x(i)}
              cy={y(p.value)}
              r={3.5}
              className="fill-indigo-700 stroke-white"
              strokeWidth={1}
            />
          ),
        )}
        {tickIndices(n, 7).map((i) => (
          <text
            key={`t-${points[i].key}`}
            x={x(i)}
            y={H - 8}
            textAnchor={n > 1 && i === 0 ? "start" : n > 1 && i === n - 1 ? "end" : "middle"}
            className="fill-slate-700 text-[10px]"
          >
            {points[i].tick}
          </text>
        ))}
      </svg>
      <details className="text-xs text-slate-700">
        <summary className="cursor-pointer font-medium text-indigo-700 underline">
          {title}: as a table
        </summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-2 font-semibold">
                When
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                Value
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                95% interval
              </th>
              <th scope="col" className="py-1 font-semibold">
                Items compared
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {points.map((p) => (
              <tr key={p.key} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {p.label}
                </th>
                <td className="py-1 pr-2">{formatValue(p.value)}</td>
                <td className="py-1 pr-2">{formatInterval(p.ci)}</td>
                <td className="py-1">{formatCount(p.items)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
