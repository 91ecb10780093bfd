"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatValueFor } from "@/components/eval-sets/format-value";
import { formatValue } from "@/components/label-kinds/label-values";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/final-labels";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TMajorityPreview } from "@/lib/schemas/final-labels";

function showSample(spec: Record<string, unknown> | undefined, sample: TMajorityPreview["sample"][number]) {
  if (spec && sample.value !== null && sample.value !== undefined) {
    const text = sample.text ?? undefined;
    return formatValue(spec as unknown as TLabelDefinitionSpec, sample.value as TLabelValue, text);
  }
  return formatValueFor(spec, sample.value);
}

type TFilter = { definition: string; includeIncomplete: boolean; minCount: number };

/**
 * Accepts the majority value of every item in a filtered part of the review queue: first a preview
 * (how many items, and a sample), then one confirmation that saves exactly the previewed set.
 */
export function BulkAccept({
  projectId,
  definitions,
}: {
  projectId: string;
  definitions: { key: string; title: string; spec: Record<string, unknown> }[];
}) {
  const router = useRouter();
  const [filter, setFilter] = useState<TFilter>({
    definition: definitions[0]?.key ?? "",
    includeIncomplete: false,
    minCount: 2,
  });
  const [preview, setPreview] = useState<{ filter: TFilter; result: TMajorityPreview } | null>(null);
  const previewing = useMutation({
    mutationFn: (f: TFilter) =>
      callApi(endpoints.previewMajorityAccept, {
        params: { id: projectId },
        query: {
          definition: f.definition,
          includeIncomplete: f.includeIncomplete ? "true" : "false",
          minCount: String(f.minCount),
        },
      }),
    onSuccess: (result, f) => {
      accepting.reset();
      setPreview({ filter: f, result });
    },
  });
  const accepting = useMutation({
    mutationFn: (p: { filter: TFilter; result: TMajorityPreview }) =>
      callApi(endpoints.acceptMajorities, {
        params: { id: projectId },
        body: { ...p.filter, expectedCount: p.result.count },
      }),
    onSuccess: () => {
      setPreview(null);
      router.refresh();
    },
  });
  const error = [previewing.error, accepting.error].find((e) => e instanceof ApiError);
  const spec = definitions.find((d) => d.key === preview?.filter.definition)?.spec;

  function change(patch: Partial<TFilter>) {
    setFilter((f) => ({ ...f, ...patch }));
    setPreview(null);
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    previewing.mutate(filter);
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        aria-label="Bulk accept filter"
        className="flex flex-wrap items-end gap-4 text-sm"
      >
        <label className="space-y-1">
          <span className="block font-medium text-slate-800">Definition</span>
          <select
            value={filter.definition}
            onChange={(e) => change({ definition: e.target.value })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {definitions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium text-slate-800">Majority of at least</span>
          <input
            type="number"
            min={1}
            max={100}
            value={filter.minCount}
            onChange={(e) => change({ minCount: Math.max(1, Math.trunc(Number(e.target.value)) || 1) })}
            className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1.5"
          />{" "}
          annotations
        </label>
        <label className="flex items-center gap-2 pb-2 text-slate-800">
          <input
            type="checkbox"
            checked={filter.includeIncomplete}
            onChange={(e) => change({ includeIncomplete: e.target.checked })}
          />
          Include items still being labeled
        </label>
        <Button type="submit" variant="secondary" disabled={previewing.isPending || !filter.definition}>
          Preview
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.problem.detail || error.problem.title}
        </p>
      ) : null}
      {accepting.isSuccess ? (
        <p role="status" className="text-sm text-emerald-800">
          Accepted {accepting.data.accepted} majority value{accepting.data.accepted === 1 ? "" : "s"}.
        </p>
      ) : null}
      {preview ? (
        <section
          aria-label="Bulk accept preview"
          className="space-y-3 rounded-md border border-slate-200 p-4"
        >
          <p className="text-sm text-slate-800">
            <strong>{preview.result.count}</strong> item{preview.result.count === 1 ? "" : "s"} would take
            their majority value.
            {preview.result.count > preview.result.sample.length
              ? ` The first ${preview.result.sample.length}:`
              : ""}
          </p>
          {preview.result.sample.length > 0 ? (
            <ul className="space-y-1 text-sm">
              {preview.result.sample.map((s) => (
                <li key={s.itemId}>
                  <Link
                    className="font-mono text-indigo-700 underline"
                    href={`/projects/${projectId}/adjudication/${s.itemId}`}
                  >
                    #{s.itemId}
                  </Link>{" "}
                  → <span className="font-medium">{showSample(spec, s)}</span> ({s.count} of {s.total})
                </li>
              ))}
            </ul>
          ) : null}
          {preview.result.count > 0 ? (
            <Button onClick={() => accepting.mutate(preview)} disabled={accepting.isPending}>
              Accept {preview.result.count} majority value{preview.result.count === 1 ? "" : "s"}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
