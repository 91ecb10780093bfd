"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/eval-sets";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import type { TBatch } from "@/lib/schemas/items";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { FilterFields } from "./filter-fields";
import { PreviewPanel } from "./preview-panel";

/**
 * Defines a new eval set (name + filter), or changes the filter of an existing one's next freeze.
 * The preview shows what a freeze would take before anything is saved or frozen.
 */
export function EvalSetForm({
  projectId,
  definitions,
  batches,
  evalSet,
}: {
  projectId: string;
  definitions: TLabelDefinition[];
  batches: TBatch[];
  /** Given: edit this set's filter. */
  evalSet?: { id: string; filter: TEvalSetFilter };
}) {
  const router = useRouter();
  const [filter, setFilter] = useState<TEvalSetFilter>(evalSet?.filter ?? {});
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const titles = Object.fromEntries(definitions.map((d) => [d.key, d.title]));
  const preview = useMutation({
    mutationFn: () => callApi(endpoints.previewEvalSet, { params: { id: projectId }, body: { filter } }),
  });
  const save = useMutation({
    mutationFn: () =>
      evalSet
        ? callApi(endpoints.updateEvalSet, { params: { id: evalSet.id }, body: { filter } })
        : callApi(endpoints.createEvalSet, {
            params: { id: projectId },
            body: { name, description, filter },
          }),
    onSuccess: (saved) => {
      if (evalSet) router.refresh();
      else router.push(`/projects/${projectId}/eval-sets/${saved.id}`);
    },
  });
  const error = [save.error, preview.error].find((e) => e instanceof ApiError) as ApiError | undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {evalSet ? null : (
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. sentiment-test"
            hint="Engineers fetch the set by this name: npx concord export --set NAME"
            error={error?.fieldMessage("name")}
            required
          />
          <TextField
            label="Description (optional)"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      )}
      <FilterFields
        definitions={definitions}
        batches={batches}
        value={filter}
        onChange={(next) => {
          setFilter(next);
          preview.reset();
        }}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">The filter as the API receives it</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {JSON.stringify(filter, null, 2)}
        </pre>
      </details>
      {error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p>{error.message}</p>
          <ul className="list-disc pl-5">
            {error.problem.errors?.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => preview.mutate()} disabled={preview.isPending}>
          {preview.isPending ? "Counting…" : "Preview"}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {evalSet ? "Save filter for the next freeze" : "Create eval set"}
        </Button>
        {save.isSuccess && evalSet ? (
          <p role="status" className="self-center text-sm text-emerald-800">
            Saved. Frozen versions keep the filter they were frozen with.
          </p>
        ) : null}
      </div>
      {preview.data ? <PreviewPanel preview={preview.data} titles={titles} /> : null}
    </form>
  );
}
