import { formatLabelValue } from "@/components/agreement/format";

/** Per definition, each final value's count as a bar, the most frequent first. */
export function LabelDistribution({
  distribution,
  titles,
}: {
  distribution: Record<string, Record<string, number>>;
  titles: Record<string, string>;
}) {
  const keys = Object.keys(distribution);
  if (keys.length === 0) return <p className="text-sm text-slate-600">No labels.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {keys.map((key) => {
        // Stored as JSONB, which keeps no key order: most frequent first, here.
        const counts = Object.entries(distribution[key]).sort(
          (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
        );
        const total = counts.reduce((sum, [, n]) => sum + n, 0);
        const max = Math.max(1, ...counts.map(([, n]) => n));
        return (
          <div key={key}>
            <h4 className="mb-1 text-sm font-semibold text-slate-800">{titles[key] ?? key}</h4>
            <table className="w-full text-sm">
              <caption className="sr-only">Final values of {titles[key] ?? key}</caption>
              <tbody>
                {counts.map(([value, n]) => (
                  <tr key={value}>
                    <th
                      scope="row"
                      className="w-1/3 py-0.5 pr-2 text-left font-normal break-all text-slate-800"
                    >
                      {formatLabelValue(value)}
                    </th>
                    <td className="py-0.5">
                      <span className="flex items-center gap-2">
                        <span className="h-3 flex-1 rounded bg-slate-100" aria-hidden="true">
                          <span
                            className={`block h-full rounded ${value === "(none)" ? "bg-slate-400" : "bg-indigo-500"}`}
                            style={{ width: `${(n / max) * 100}%` }}
                          />
                        </span>
                        <span className="w-24 text-right tabular-nums text-slate-700">
                          {n.toLocaleString("en-US")} ({total ? Math.round((n / total) * 100) : 0}%)
                        </span>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
