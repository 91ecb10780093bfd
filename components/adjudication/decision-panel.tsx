"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatDate, formatPercent, formatValueFor } from "@/components/eval-sets/format-value";
import { LabelControl } from "@/components/label-kinds/label-control";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/final-labels";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TAdjudicationItem } from "@/lib/schemas/final-labels";

type TDefinition = TAdjudicationItem["definitions"][number];

/**
 * One definition of an item under review: every annotation side by side (any of them can be taken
 * as the final value), a control to write another value, a note, the gold mark, and the decisions
 * made so far.
 */
export function DecisionPanel({
  projectId,
  itemId,
  data,
  definition,
}: {
  projectId: string;
  itemId: string;
  data: Record<string, unknown>;
  definition: TDefinition;
}) {
  const router = useRouter();
  const { finalLabel } = definition;
  const [value, setValue] = useState<TLabelValue | null>((finalLabel.value as TLabelValue | null) ?? null);
  const [note, setNote] = useState("");
  const [isGold, setIsGold] = useState(finalLabel.isGold);
  const mutation = useMutation({
    mutationFn: () =>
      callApi(endpoints.adjudicateItem, {
        params: { id: projectId, itemId },
        body: { definition: definition.key, value, note, isGold },
      }),
    onSuccess: () => {
      setNote("");
      router.refresh();
    },
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const noteId = `note-${definition.key}`;
  const show = (v: unknown) => formatValueFor(definition.spec, v);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        <StatusBadge definition={definition} show={show} /> Rule: {definition.rule}. Agreement{" "}
        {formatPercent(finalLabel.agreement)} over {finalLabel.annotationCount} annotation
        {finalLabel.annotationCount === 1 ? "" : "s"}.
        {finalLabel.reason ? ` Unresolved: ${finalLabel.reason}.` : ""}
      </p>

      <section aria-label={`Annotations of ${definition.title}`}>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Annotations</h3>
        {definition.annotations.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody has labeled this item yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {definition.annotations.map((a, i) => (
              <li
                key={`${a.annotator?.id}-${i}`}
                className="rounded-md border border-slate-200 bg-slate-50 p-3"
              >
                <p className="text-xs text-slate-600">
                  {a.annotator?.name ?? "(deleted user)"} · v{a.definitionVersion} · {formatDate(a.createdAt)}
                </p>
                <p className="mt-1 font-medium break-words text-slate-900">{show(a.value)}</p>
                <Button
                  variant="ghost"
                  className="mt-2 px-2 py-1 text-xs"
                  onClick={() => setValue(a.value as TLabelValue | null)}
                  aria-label={`Use ${a.annotator?.name ?? "this annotator"}'s value ${show(a.value)}`}
                >
                  Use this value
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-4">
        <h3 className="text-sm font-semibold text-slate-800">Final value</h3>
        <LabelControl
          spec={definition.spec as unknown as TLabelDefinitionSpec}
          value={value}
          onChange={setValue}
          item={{ data }}
        />
        <div className="space-y-1">
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
            Note (optional)
          </label>
          <textarea
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={2000}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            placeholder="Why this value, for whoever reads the history"
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={isGold} onChange={(e) => setIsGold(e.target.checked)} />
          Gold: this is the known answer (annotators are measured against it)
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error.problem.errors?.[0]?.message ?? error.message}
          </p>
        ) : null}
        {mutation.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            Decision saved.
          </p>
        ) : null}
        <Button type="submit" disabled={mutation.isPending}>
          Save decision for {definition.title}
        </Button>
      </form>

      {definition.history.length > 0 ? (
        <section aria-label={`Decisions on ${definition.title}`}>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">Decisions (newest first)</h3>
          <ol className="space-y-2 text-sm">
            {definition.history.map((h, i) => (
              <li key={h.id} className={i === 0 ? "text-slate-900" : "text-slate-600"}>
                <span className="font-medium">{show(h.value)}</span>
                {h.isGold ? (
                  <span className="ml-2 rounded bg-yellow-100 px-1.5 py-0.5 text-xs text-yellow-900">
                    gold
                  </span>
                ) : null}{" "}
                by {h.decidedBy?.name ?? "(deleted user)"}, {formatDate(h.createdAt)}
                {h.note ? <span className="block text-slate-700">“{h.note}”</span> : null}
                {i > 0 ? <span className="sr-only"> (superseded)</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function StatusBadge({ definition, show }: { definition: TDefinition; show: (v: unknown) => string }) {
  const { finalLabel } = definition;
  const [text, style] = !finalLabel.isResolved
    ? ["unresolved", "bg-amber-100 text-amber-900"]
    : finalLabel.source === "adjudication"
      ? [`decided: ${show(finalLabel.value)}`, "bg-indigo-100 text-indigo-900"]
      : [`by rule: ${show(finalLabel.value)}`, "bg-emerald-100 text-emerald-900"];
  return <span className={`mr-1 rounded px-2 py-0.5 text-xs font-medium ${style}`}>{text}</span>;
}
