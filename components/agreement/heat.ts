/** Cell colours for agreement values (alpha, kappa, F1): light backgrounds, dark text, by Krippendorff's bands. */
export function agreementCellClass(value: number | null): string {
  if (value === null) return "bg-slate-50 text-slate-600";
  if (value >= 0.8) return "bg-emerald-100 text-emerald-950";
  if (value >= 0.667) return "bg-amber-100 text-amber-950";
  if (value >= 0.4) return "bg-orange-100 text-orange-950";
  return "bg-red-100 text-red-950";
}

const SHADES = ["bg-white", "bg-indigo-50", "bg-indigo-100", "bg-indigo-200", "bg-indigo-300"];

/** Cell colours for counts, by their share of the largest count. */
export function countCellClass(count: number, max: number): string {
  if (count <= 0 || max <= 0) return "bg-white text-slate-600";
  const step = Math.min(SHADES.length - 1, 1 + Math.floor((count / max) * (SHADES.length - 1)));
  return `${SHADES[step]} text-indigo-950`;
}
