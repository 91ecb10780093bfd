import { scale, valueDomain } from "./chart-scale";
import { formatInterval, formatValue } from "./format";

const W = 320;
const H = 44;
const PAD = 12;

/**
 * A value and its 95% interval on the alpha scale, over the three Krippendorff zones (shaded, and
 * labelled at their thresholds). For raw rates (F1, exact match) the zones are left out.
 */
export function IntervalBar({
  value,
  ci,
  isAlpha,
  label,
}: {
  value: number | null;
  ci: [number, number] | null;
  isAlpha: boolean;
  label: string;
}) {
  const domain = valueDomain([value, ci?.[0], ci?.[1]]);
  const x = scale(domain, [PAD, W - PAD]);
  const y = 16;
  const description =
    value === null
      ? `${label}: no value yet.`
      : `${label} ${formatValue(value)}, 95% interval ${formatInterval(ci)}${isAlpha ? "; tentative from 0.667, reliable from 0.800" : ""}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-11 w-full max-w-sm" role="img" aria-label={description}>
      {isAlpha ? (
        <g>
          <rect
            x={x(domain[0])}
            y={y - 7}
            width={x(0.667) - x(domain[0])}
            height={14}
            className="fill-red-100"
          />
          <rect x={x(0.667)} y={y - 7} width={x(0.8) - x(0.667)} height={14} className="fill-amber-100" />
          <rect x={x(0.8)} y={y - 7} width={x(domain[1]) - x(0.8)} height={14} className="fill-emerald-100" />
          {[0.667, 0.8].map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={y - 9} y2={y + 9} className="stroke-slate-500" strokeWidth={1} />
              <text x={x(t)} y={H - 2} textAnchor="middle" className="fill-slate-700 text-[9px]">
                {t === 0.8 ? "0.8" : "0.667"}
              </text>
            </g>
          ))}
        </g>
      ) : (
        <rect
          x={x(domain[0])}
          y={y - 7}
          width={x(domain[1]) - x(domain[0])}
          height={14}
          className="fill-slate-100"
        />
      )}
      {[domain[0], domain[1]].map((t) => (
        <text
          key={t}
          x={x(t)}
          y={H - 2}
          textAnchor={t === domain[0] ? "start" : "end"}
          className="fill-slate-700 text-[9px]"
        >
          {t.toFixed(1)}
        </text>
      ))}
      {ci ? (
        <line
          x1={x(ci[0])}
          x2={x(ci[1])}
          y1={y}
          y2={y}
          className="stroke-slate-900"
          strokeWidth={4}
          strokeLinecap="round"
        />
      ) : null}
      {value !== null ? (
        <circle cx={x(value)} cy={y} r={5} className="fill-white stroke-slate-900" strokeWidth={2} />
      ) : null}
    </svg>
  );
}
