import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TTransitions } from "@/lib/schemas/campaigns";
import { countNoun } from "@/lib/text/count-noun";

/** A canonical JSON value as a person reads it: "pos" -> pos, null -> (empty). */
function shown(json: string): string {
  if (json === "null") return "(empty)";
  const value: unknown = JSON.parse(json);
  return typeof value === "string" ? value : json;
}

/**
 * The matrix of final labels old -> new: rows are the old version's values, columns the new one's,
 * each cell how many items moved there (flips highlighted), with links to some of the items.
 */
export function TransitionMatrixView({
  projectId,
  transitions,
}: {
  projectId: string;
  transitions: TTransitions;
}) {
  const rows = [...new Set(transitions.matrix.map((c) => c.from))].sort();
  const columns = [...new Set(transitions.matrix.map((c) => c.to))].sort();
  const cell = (from: string, to: string) => transitions.matrix.find((c) => c.from === from && c.to === to);
  if (transitions.items === 0) {
    return <p className="text-sm text-slate-700">No item has a final label under both versions yet.</p>;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-800">
        {countNoun(transitions.items, "item has", "items have")} a final label under both version{" "}
        {transitions.from} and version {transitions.to};{" "}
        <span className="font-semibold">{transitions.changed}</span> of them flipped.
      </p>
      <ScrollRegion label="Final labels, old version by new version">
        <table className="text-left text-sm">
          <caption className="pb-2 text-left text-sm font-semibold text-slate-900">
            Version {transitions.from} (rows) → version {transitions.to} (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-1 text-xs font-semibold text-slate-600">
                v{transitions.from} \ v{transitions.to}
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-1 font-semibold text-slate-900">
                  {shown(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className="px-3 py-2 font-semibold text-slate-900">
                  {shown(r)}
                </th>
                {columns.map((c) => {
                  const found = cell(r, c);
                  const isFlip = r !== c && found;
                  return (
                    <td
                      key={c}
                      className={`px-3 py-2 tabular-nums ${isFlip ? "bg-amber-100 font-semibold text-amber-950" : "text-slate-800"}`}
                    >
                      {found ? found.count : "0"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Items that flipped</h3>
        <ul className="space-y-1 text-sm">
          {transitions.matrix
            .filter((c) => c.from !== c.to)
            .map((c) => (
              <li key={`${c.from}>${c.to}`}>
                <span className="font-medium">
                  {shown(c.from)} → {shown(c.to)}
                </span>{" "}
                ({c.count}):{" "}
                {c.itemIds.map((itemId, i) => (
                  <span key={itemId}>
                    {i > 0 ? ", " : ""}
                    <Link
                      className="text-indigo-700 underline"
                      href={`/projects/${projectId}/items/${itemId}`}
                    >
                      {c.externalIds[i] ?? `item ${itemId}`}
                    </Link>
                  </span>
                ))}
                {c.count > c.itemIds.length ? " …" : ""}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
