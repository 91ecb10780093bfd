import type { ReactNode } from "react";

export type TColumn<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
}: {
  rows: T[];
  columns: TColumn<T>[];
  rowKey: (row: T) => string;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto">
      {/* Cell padding and colour are set once here, not on each cell: a page of 50 rows repeated them
          300 times in its HTML and again in its server component payload. */}
      <table className="min-w-full divide-y divide-slate-200 text-sm [&>tbody>tr>td]:px-3 [&>tbody>tr>td]:py-2">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-800">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
