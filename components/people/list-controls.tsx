import Link from "next/link";
import type { ReactNode } from "react";

/** A search box for a long list: a plain GET form, so the search is in the address and survives reloads. */
export function SearchForm({ label, q, children }: { label: string; q: string; children?: ReactNode }) {
  return (
    <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="list-search" className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id="list-search"
          name="q"
          type="search"
          defaultValue={q}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
        />
      </div>
      {children}
      <button
        type="submit"
        className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Search
      </button>
    </form>
  );
}

/** "Showing 51–100 of 239" with previous and next links that keep the other search parameters. */
export function Pager({
  page,
  pages,
  total,
  size,
  params,
}: {
  page: number;
  pages: number;
  total: number;
  size: number;
  params: Record<string, string | undefined>;
}) {
  const href = (to: number) => {
    const search = new URLSearchParams(
      Object.entries({ ...params, page: String(to) }).flatMap(([k, v]) => (v ? [[k, v]] : [])),
    );
    return `?${search.toString()}`;
  };
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const link =
    "rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        Showing {first}–{last} of {total}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
