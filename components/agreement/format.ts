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

/**
 * A label value, stored as canonical JSON text, as people read it. A rubric's scores (an object of
 * integers) read "Helpful: 4 · Harmless: 2", criteria by title where known, else by key, in the
 * order of `criterionTitles` when given; anything else as stored.
 */
export function formatLabelValue(value: string, criterionTitles?: ReadonlyMap<string, string>): string {
  // Only an object can be a rubric's scores: anything else is shown as stored, without a parse that
  // throws (a thrown SyntaxError per label cost the drill-down page 0.8 ms of its render).
  if (!value.startsWith("{")) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return value;
  const scores = Object.entries(parsed);
  if (scores.length === 0 || !scores.every(([, score]) => Number.isInteger(score))) return value;
  const order = [...(criterionTitles?.keys() ?? [])];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return scores
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, score]) => `${criterionTitles?.get(key) ?? key}: ${String(score)}`)
    .join(" · ");
}
