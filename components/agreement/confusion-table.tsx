import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatCount } from "./format";
import { countCellClass } from "./heat";

/**
 * Pairs of labels two annotators gave the same item: row label vs column label, each pair of
 * annotators counted once (so the table is symmetric); the diagonal holds the agreeing pairs.
 */
export function ConfusionTable({ labels, counts }: { labels: string[]; counts: number[][] }) {
  const max = Math.max(0, ...counts.flat());
  const total = counts.reduce((s, row, i) => s + row.reduce((a, c, j) => a + (j >= i ? c : 0), 0), 0);
  return (
    <ScrollRegion label="Which labels annotators confuse">
      <table className="text-sm tabular-nums">
        <caption className="pb-2 text-left text-xs text-slate-600">
          {formatCount(total)} pairs of labels on the same item. Rows and columns: the two annotators&apos;
          labels.
        </caption>
        <thead>
          <tr>
            <td />
            {labels.map((l) => (
              <th key={l} scope="col" className="px-2 py-1 text-left text-xs font-semibold text-slate-700">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((row, i) => (
            <tr key={labels[i]}>
              <th scope="row" className="py-1 pr-2 text-left text-xs font-semibold text-slate-700">
                {labels[i]}
              </th>
              {row.map((c, j) => (
                <td
                  key={labels[j]}
                  className={`border border-slate-200 px-2 py-1 text-right ${countCellClass(c, max)} ${i === j ? "font-semibold" : ""}`}
                >
                  {formatCount(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
