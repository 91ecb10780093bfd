/** Agreement figures as a lead reads them: two decimals, an en dash between interval ends, "—" for none. */
export function formatValue(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const s = value.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

export function formatInterval(ci: readonly [number, number] | null | undefined, digits = 2): string {
  if (!ci) return "—";
  const [lo, hi] = [formatValue(ci[0], digits), formatValue(ci[1], digits)];
  // "-0.03–-0.02" reads badly: with a negative end, spell the range out.
  return lo.startsWith("-") || hi.startsWith("-") ? `${lo} to ${hi}` : `${lo}–${hi}`;
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function formatPValue(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** Short symbol of a metric, for the big number on a card. */
export function metricSymbol(metric: string): string {
  if (metric.startsWith("alpha")) return "α";
  if (metric.startsWith("span_f1")) return "F1";
  if (metric === "char_f1_item_macro") return "Character F1";
  if (metric === "exact_match_rate") return "Exact match";
  return "Agreement";
}

export const KIND_LABELS: Record<string, string> = {
  single_choice: "single choice",
  multi_choice: "multi choice",
  rating: "rating",
  spans: "spans",
  pairwise: "pairwise",
  free_text: "free text",
  ranking: "ranking",
  rubric: "rubric",
};
