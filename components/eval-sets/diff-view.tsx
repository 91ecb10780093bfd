"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/eval-sets";
import { formatValue } from "./format-value";

/** Compares two frozen versions: items added, removed, and relabeled. */
export function DiffView({ evalSetId, versions }: { evalSetId: string; versions: number[] }) {
  const id = useId();
  const [from, setFrom] = useState(versions[1] ?? versions[0]);
  const [to, setTo] = useState(versions[0]);
  const diff = useMutation({
    mutationFn: () =>
      callApi(endpoints.diffEvalSetVersions, { params: { id: evalSetId }, query: { from, to, limit: 50 } }),
  });
  const error = diff.error instanceof ApiError ? diff.error : null;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    diff.mutate();
  }
  const select = (label: string, value: number, onChange: (v: number) => void) => (
    <div>
      <label htmlFor={`${id}-${label}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={`${id}-${label}`}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </select>
    </div>
  );
  const result = diff.data;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        {select("From", from, setFrom)}
        {select("To", to, setTo)}
        <Button type="submit" variant="secondary" disabled={diff.isPending}>
          Compare
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {result ? (
        <section aria-label={`Changes from v${result.from} to v${result.to}`} className="space-y-4 text-sm">
          <p className="text-slate-800">
            From v{result.from} to v{result.to}: <strong>{result.added.count}</strong> added,{" "}
            <strong>{result.removed.count}</strong> removed, <strong>{result.changed.count}</strong>{" "}
            relabeled, {result.unchanged} unchanged.
          </p>
          {Object.entries(result.transitions).map(([key, transitions]) => (
            <div key={key}>
              <h4 className="font-semibold text-slate-800">{key}: label changes</h4>
              <ul className="mt-1 flex flex-wrap gap-2">
                {transitions.map((t) => (
                  <li
                    key={`${JSON.stringify(t.before)}-${JSON.stringify(t.after)}`}
                    className="rounded bg-slate-100 px-2 py-1 text-slate-800"
                  >
                    {formatValue(t.before)} → {formatValue(t.after)} ×{t.count}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="grid gap-4 md:grid-cols-3">
            <ItemList
              title="Added"
              items={result.added.items.map((i) => [i.itemId, i.externalId, formatLabels(i.labels)])}
            />
            <ItemList
              title="Removed"
              items={result.removed.items.map((i) => [i.itemId, i.externalId, formatLabels(i.labels)])}
            />
            <ItemList
              title="Relabeled"
              items={result.changed.items.map((i) => [
                i.itemId,
                i.externalId,
                i.changes
                  .map((c) => `${c.key}: ${formatValue(c.before)} → ${formatValue(c.after)}`)
                  .join("; "),
              ])}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

function formatLabels(labels: Record<string, unknown>): string {
  return Object.values(labels).map(formatValue).join(" · ");
}

function ItemList({ title, items }: { title: string; items: [string, string | null, string][] }) {
  return (
    <div>
      <h4 className="font-semibold text-slate-800">{title}</h4>
      {items.length === 0 ? (
        <p className="text-slate-600">None.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {items.map(([itemId, externalId, text]) => (
            <li key={itemId} className="text-slate-800">
              <span className="font-mono text-slate-600">#{itemId}</span>{" "}
              {externalId ? `(${externalId}) ` : ""}
              {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
