import type { TFigure } from "@/lib/schemas/agreement";
import { formatInterval, formatPercent, formatValue } from "./format";

const FIGURE_NAMES: Record<string, string> = {
  alpha_interval: "Interval α",
  alpha_nominal: "α",
  percent_agreement: "Observed agreement",
  span_f1_exact: "F1, exact spans",
  span_f1_overlap: "F1",
  alpha_any_span: "Whether anything is marked, α",
  char_f1_item_macro: "Where, character by character, F1",
  both_empty_share: "Pairs in which neither marked anything",
  kendall_w_mean: "Kendall's W, mean over items",
  alpha_ordinal: "Ordinal α",
};

const SHARES = new Set(["percent_agreement", "both_empty_share"]);

export function figureName(f: TFigure): string {
  return f.label ? `${f.label}` : (FIGURE_NAMES[f.metric] ?? f.metric);
}

/** The figures shown beside a definition's main one (per-option figures are listed apart). */
export function AlongsideFigures({ figures }: { figures: TFigure[] }) {
  if (figures.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm text-slate-700">
      {figures.map((f) => {
        const isShare = SHARES.has(f.metric);
        return (
          <li key={f.metric} className="tabular-nums" data-testid={`figure-${f.metric}`}>
            {figureName(f)}:{" "}
            <span className="font-medium text-slate-900">
              {isShare ? formatPercent(f.value) : formatValue(f.value)}
            </span>
            {f.ci || !isShare ? (
              <>
                {" "}
                <span className="text-slate-600">
                  (
                  {isShare ? `${formatPercent(f.ci?.[0])}–${formatPercent(f.ci?.[1])}` : formatInterval(f.ci)}
                  )
                </span>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
