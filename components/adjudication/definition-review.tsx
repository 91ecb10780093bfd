"use client";

import { formatDate, formatPercent } from "@/components/eval-sets/format-value";
import { Kbd } from "@/components/label-kinds/option-button";
import { LabelControl } from "@/components/label-kinds/label-control";
import { asSpans, formatValue, isSameValue } from "@/components/label-kinds/label-values";
import { Button } from "@/components/ui/button";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TAdjudicationItem } from "@/lib/schemas/final-labels";
import { AnnotatedText } from "./annotated-text";

export type TReviewDefinition = TAdjudicationItem["definitions"][number];
export type TDecisionDraft = { value: TLabelValue | null; note: string; isGold: boolean; isTouched: boolean };

/** A value as people read it: option titles, spans quoted from the text they mark. */
export function showValue(definition: TReviewDefinition, data: Record<string, unknown>, value: unknown) {
  if (value === null || value === undefined) return "left empty";
  const spec = definition.spec as unknown as TLabelDefinitionSpec;
  const field = spec.kind === "spans" ? data[spec.textField] : undefined;
  return formatValue(spec, value as TLabelValue, typeof field === "string" ? field : undefined);
}

/**
 * One definition of the item under review: every annotation side by side, numbered for the keys
 * (spans drawn on their text), the majority marked, then the final value (prefilled with the
 * majority when there is one), a note, the gold mark, and the decisions so far.
 */
export function DefinitionReview({
  definition,
  data,
  draft,
  isActive,
  error,
  onChange,
  onActivate,
}: {
  definition: TReviewDefinition;
  data: Record<string, unknown>;
  draft: TDecisionDraft;
  isActive: boolean;
  error: string | undefined;
  onChange: (patch: Partial<TDecisionDraft>) => void;
  onActivate: () => void;
}) {
  const spec = definition.spec as unknown as TLabelDefinitionSpec;
  const { finalLabel, majority } = definition;
  const show = (value: unknown) => showValue(definition, data, value);
  const field = spec.kind === "spans" ? data[spec.textField] : undefined;
  const text = typeof field === "string" ? field : null;
  const isMajority = (value: unknown) =>
    majority !== null && isSameValue(spec, value as TLabelValue | null, majority.value as TLabelValue | null);
  const isChosen = (value: unknown) => isSameValue(spec, draft.value, value as TLabelValue | null);
  const headingId = `review-${definition.key}`;
  return (
    <section
      aria-labelledby={headingId}
      data-definition-review={definition.key}
      onFocus={onActivate}
      onPointerDown={onActivate}
      className={`scroll-my-24 space-y-4 rounded-lg border bg-white p-4 shadow-sm ${
        isActive ? "border-indigo-600 ring-1 ring-indigo-600" : "border-slate-200"
      }`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {definition.title} <span className="text-sm font-normal text-slate-600">v{definition.version}</span>
        </h2>
        {spec.kind === "spans" ? (
          <span className="text-xs text-slate-600">
            labels the field <span className="font-mono">{spec.textField}</span>
          </span>
        ) : null}
        <StatusBadge definition={definition} show={show} />
        {isActive ? (
          <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800">
            Keys active
          </span>
        ) : null}
      </header>
      <p className="text-sm text-slate-700">
        Rule: {definition.rule}. Agreement {formatPercent(finalLabel.agreement)} over{" "}
        {finalLabel.annotationCount} annotation{finalLabel.annotationCount === 1 ? "" : "s"}.
        {finalLabel.reason ? ` Unresolved: ${finalLabel.reason}.` : ""}{" "}
        {majority
          ? `Majority: ${show(majority.value)} (${majority.count} of ${majority.total}).`
          : definition.annotations.length > 1
            ? "No majority: the top answers tie."
            : ""}
      </p>

      {definition.annotations.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody has labeled this item yet.</p>
      ) : (
        <ol
          aria-label={`Annotations of ${definition.title}`}
          className="grid gap-3 md:grid-cols-2 xl:grid-cols-3"
        >
          {definition.annotations.map((a, i) => {
            const name = a.annotator?.name ?? "(deleted user)";
            return (
              <li
                key={`${a.annotator?.id}-${i}`}
                aria-label={`Annotation ${i + 1} by ${name}`}
                className={`min-w-0 space-y-2 rounded-md border p-3 ${
                  isChosen(a.value) ? "border-indigo-400 bg-indigo-50/50" : "border-slate-200 bg-slate-50"
                }`}
              >
                <div className="flex items-start gap-2 text-xs text-slate-700">
                  {i < 9 ? <Kbd>{String(i + 1)}</Kbd> : null}
                  <p className="min-w-0 flex-1 break-words">
                    <span className="font-medium text-slate-900" title={name}>
                      {name}
                    </span>{" "}
                    · v{a.definitionVersion} · {formatDate(a.createdAt)}
                  </p>
                  {isMajority(a.value) ? (
                    <span className="shrink-0 rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-900">
                      majority
                    </span>
                  ) : null}
                </div>
                {text !== null && spec.kind === "spans" ? (
                  <AnnotatedText spec={spec} text={text} spans={asSpans(a.value) ?? []} />
                ) : (
                  <p className="font-medium break-words text-slate-900">{show(a.value)}</p>
                )}
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  onClick={() => onChange({ value: a.value as TLabelValue | null, isTouched: true })}
                  aria-label={`Use annotation ${i + 1}, ${name}'s value ${show(a.value)}`}
                >
                  Use this value
                </Button>
              </li>
            );
          })}
        </ol>
      )}

      <div className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold text-slate-800">Final value</h3>
          {majority && isChosen(majority.value) ? (
            <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
              majority ({majority.count} of {majority.total})
            </span>
          ) : null}
          {majority && !isChosen(majority.value) ? (
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              onClick={() => onChange({ value: majority.value as TLabelValue | null, isTouched: true })}
            >
              Accept majority <Kbd>A</Kbd>
            </Button>
          ) : null}
        </div>
        <LabelControl
          spec={spec}
          value={draft.value}
          onChange={(value) => onChange({ value, isTouched: true })}
          item={{ data }}
        />
        <div className="space-y-1">
          <label htmlFor={`note-${definition.key}`} className="block text-sm font-medium text-slate-800">
            Note (optional)
          </label>
          <textarea
            id={`note-${definition.key}`}
            value={draft.note}
            onChange={(e) => onChange({ note: e.target.value, isTouched: true })}
            rows={2}
            maxLength={2000}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            placeholder="Why this value, for whoever reads the history"
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={draft.isGold}
            onChange={(e) => onChange({ isGold: e.target.checked, isTouched: true })}
          />
          Gold: this is the known answer (annotators are measured against it)
        </label>
        {error ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{error}</p>
        ) : null}
      </div>

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
    </section>
  );
}

function StatusBadge({ definition, show }: { definition: TReviewDefinition; show: (v: unknown) => string }) {
  const { finalLabel } = definition;
  const [text, style] = !finalLabel.isResolved
    ? ["unresolved", "bg-amber-100 text-amber-900"]
    : finalLabel.source === "adjudication"
      ? [`decided: ${show(finalLabel.value)}`, "bg-indigo-100 text-indigo-900"]
      : [`by rule: ${show(finalLabel.value)}`, "bg-emerald-100 text-emerald-900"];
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${style}`}>{text}</span>;
}
