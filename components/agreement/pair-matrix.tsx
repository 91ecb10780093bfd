import type { TAnnotatorAgreement, TPairCell } from "@/lib/schemas/agreement-detail";
import { formatPercent, formatValue } from "./format";
import { agreementCellClass } from "./heat";

/** Pairs with fewer shared items than this are shown greyed: their kappa says little. */
export const MIN_SHARED_ITEMS = 10;

const STATISTIC_NAMES: Record<string, string> = {
  kappa: "Cohen's κ",
  kappa_linear: "Cohen's κ (linear weights)",
  f1: "Span F1 (overlap)",
  exact_match: "Exact-match rate",
};

/** Annotator by annotator: the pair's statistic on the items both labelled, with how many. */
export function PairMatrix({
  ids,
  annotators,
  cells,
  statistic,
}: {
  ids: string[];
  annotators: TAnnotatorAgreement[];
  cells: TPairCell[];
  statistic: string;
}) {
  const name = new Map(annotators.map((a) => [a.id, a.name]));
  const cell = new Map<string, TPairCell>();
  for (const c of cells) {
    cell.set(`${c.a}|${c.b}`, c);
    cell.set(`${c.b}|${c.a}`, c);
  }
  const valueOf = (c: TPairCell) => (statistic.startsWith("kappa") ? c.kappa : c.agreement);
  if (ids.length < 2) return <p className="text-sm text-slate-600">Fewer than two annotators so far.</p>;
  return (
    <div className="overflow-x-auto">
      {/* The cells' common style is set once here: 144 cells repeated it in the HTML and again in
          the server component payload. */}
      <table className="text-xs tabular-nums [&>tbody>tr>td]:border [&>tbody>tr>td]:border-slate-200 [&>tbody>tr>td]:px-1.5 [&>tbody>tr>td]:py-1 [&>tbody>tr>td]:text-center [&>tbody>tr>td>span]:block [&>tbody>tr>td>span]:text-[10px] [&>tbody>tr>td>span]:text-slate-700">
        <caption className="pb-2 text-left text-xs text-slate-600">
          {STATISTIC_NAMES[statistic] ?? statistic} for each pair of the {ids.length} most active annotators,
          with the items both labelled; pairs sharing fewer than {MIN_SHARED_ITEMS} items are greyed out.
        </caption>
        <thead>
          <tr>
            <td />
            {ids.map((id, i) => (
              <th
                key={id}
                scope="col"
                className="px-1 py-1 font-semibold text-slate-700"
                title={name.get(id)}
              >
                <span aria-hidden="true">{i + 1}</span>
                <span className="sr-only">{name.get(id)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((row, i) => (
            <tr key={row}>
              <th
                scope="row"
                title={name.get(row)}
                className="max-w-56 truncate py-1 pr-2 text-left font-semibold text-slate-700"
              >
                {i + 1}. {name.get(row)}
              </th>
              {/* Cells keyed by column number, not by the annotator's id: 144 ids in the payload. */}
              {ids.map((col, j) => {
                if (row === col) return <td key={j} className="bg-slate-100" />;
                const c = cell.get(`${row}|${col}`);
                if (!c)
                  return (
                    <td key={j} className="bg-white text-slate-600">
                      ·
                    </td>
                  );
                const v = valueOf(c);
                const isThin = c.items < MIN_SHARED_ITEMS;
                return (
                  <td key={j} className={isThin ? "bg-slate-50 text-slate-600" : agreementCellClass(v)}>
                    {statistic === "exact_match" ? formatPercent(v) : formatValue(v)}
                    <span>n={c.items}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
