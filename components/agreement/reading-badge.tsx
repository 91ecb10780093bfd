const STYLES: Record<string, { label: string; className: string }> = {
  reliable: { label: "Reliable", className: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
  tentative: { label: "Tentative", className: "bg-amber-100 text-amber-900 ring-amber-300" },
  unreliable: { label: "Unreliable", className: "bg-red-100 text-red-900 ring-red-300" },
  undefined: { label: "Not enough data", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  not_applicable: { label: "Raw agreement", className: "bg-slate-100 text-slate-800 ring-slate-300" },
};

/** Krippendorff's verdict as words (never colour alone). */
export function ReadingBadge({ reading }: { reading: string }) {
  const style = STYLES[reading] ?? STYLES.undefined;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${style.className}`}
    >
      {style.label}
    </span>
  );
}
