"use client";

import type { FormEvent } from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { isBreakingChange } from "@/lib/label-definitions/diff-versions";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import { LABEL_KINDS } from "@/lib/label-definitions/label-limits";
import type { TNewVersionImpact } from "@/lib/label-definitions/new-version-impact";
import type { TItemForValues } from "@/lib/label-definitions/value-schema";
import type { TDefinitionDraft } from "./definition-draft";
import { draftFromInput, emptyDraft, previewDraftOf, validateDraft } from "./definition-draft";
import { KIND_LABELS } from "./kind-labels";
import { NewVersionImpactNotice } from "./new-version-impact-notice";
import { DefinitionPreview } from "./definition-preview";
import { CheckboxField, INPUT_CLASS, TextAreaField } from "./form-controls";
import { ConversationTargetField, RankingFields, RubricFields } from "./feedback-fields";
import { FreeTextFields, PairwiseFields, RatingFields, SpansFields } from "./kind-fields";
import type { TFocusRequest } from "./options-editor";
import { OptionsEditor } from "./options-editor";
import { toServerErrors, unplacedErrors, type TServerErrors } from "./server-errors";
import { VersionDiff } from "./version-diff";

/**
 * Creates or edits a label definition, validating the draft live (errors next to their fields once
 * a field was left or a submit tried) with a live preview of the annotator's control. Submitting a
 * valid draft calls `onSubmit`; if that rejects with an API problem, its field errors are shown by
 * field. When editing, key and kind are fixed and the changes against `initial` are listed, breaking
 * ones marked; a breaking draft also shows `impact`, what saving it would make stale.
 */
export function DefinitionForm({
  initial,
  mode = initial ? "edit" : "create",
  onSubmit,
  sampleItem,
  submitLabel,
  impact,
}: {
  /** The definition to edit (its current version), or a template to start a new one from. */
  initial?: TLabelDefinitionInput;
  mode?: "create" | "edit";
  onSubmit: (input: TLabelDefinitionInput) => Promise<void>;
  /** An item to preview with; defaults to built-in sample data. */
  sampleItem?: TItemForValues;
  submitLabel?: string;
  /** When editing: what a new version would make stale. */
  impact?: TNewVersionImpact;
}) {
  const isEditing = mode === "edit";
  const [draft, setDraft] = useState<TDefinitionDraft>(() =>
    initial ? draftFromInput(initial) : emptyDraft(),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<TServerErrors | null>(null);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [focusRequest, setFocusRequest] = useState<TFocusRequest | null>(null);
  const [errorFocusRequest, setErrorFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const previewSpec = useMemo(() => {
    const result = validation.success ? validation : validateDraft(previewDraftOf(draft, validation.errors));
    return result.success ? normalizeDefinition(result.input) : null;
  }, [draft, validation]);
  // Keep showing the last valid preview while the draft has errors.
  const [lastPreviewSpec, setLastPreviewSpec] = useState<TLabelDefinitionSpec | null>(previewSpec);
  if (previewSpec !== null && previewSpec !== lastPreviewSpec) setLastPreviewSpec(previewSpec);
  const initialSpec = useMemo(() => (initial ? normalizeDefinition(initial) : null), [initial]);
  const draftSpec = useMemo(
    () => (validation.success ? normalizeDefinition(validation.input) : null),
    [validation],
  );
  const isBreaking = useMemo(
    () => initialSpec !== null && draftSpec !== null && isBreakingChange(initialSpec, draftSpec),
    [initialSpec, draftSpec],
  );

  useEffect(() => {
    if (errorFocusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorFocusRequest]);

  function change(patch: Partial<TDefinitionDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    setServerErrors(null);
    setStatus((current) => (current === "saved" ? "idle" : current));
  }

  function touch(path: string) {
    setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
  }

  function errorOf(path: string): string | undefined {
    const server = serverErrors?.fields[path];
    if (server) return server;
    const client = validation.errors[path];
    if (!client) return undefined;
    const isShown =
      showAllErrors ||
      touched.has(path) ||
      (path === "options" && [...touched].some((p) => p.startsWith("options.")));
    return isShown ? client : undefined;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShowAllErrors(true);
    if (!validation.success) {
      setErrorFocusRequest((n) => n + 1);
      return;
    }
    setStatus("saving");
    setServerErrors(null);
    try {
      await onSubmit(validation.input);
      setStatus("saved");
    } catch (error) {
      setServerErrors(toServerErrors(error));
      setStatus("idle");
      setErrorFocusRequest((n) => n + 1);
    }
  }

  const clientProblems = showAllErrors ? Object.keys(validation.errors).length : 0;
  const unplaced = [
    ...(serverErrors ? unplacedErrors(serverErrors.fields) : []),
    ...(showAllErrors ? unplacedErrors(validation.errors) : []),
  ];
  const hasOptions =
    draft.kind === "single_choice" || draft.kind === "multi_choice" || draft.kind === "spans";
  const kindProps = { draft, onChange: change, errorOf, onTouch: touch };

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        <Card title="Definition">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Key"
              value={draft.key}
              disabled={isEditing}
              className={INPUT_CLASS}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. sentiment"
              onChange={(e) => change({ key: e.target.value })}
              onBlur={() => touch("key")}
              error={errorOf("key")}
              hint={
                isEditing
                  ? "The key cannot change: answers and exports refer to it."
                  : "Lowercase letters, digits and _; used in the API and exports. It cannot change later."
              }
            />
            <SelectField
              label="Kind"
              value={draft.kind}
              disabled={isEditing}
              className={INPUT_CLASS}
              onChange={(e) => change({ kind: e.target.value as TLabelKind })}
              error={errorOf("kind")}
              hint={isEditing ? "The kind cannot change: create a new definition instead." : undefined}
            >
              {LABEL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Title"
              value={draft.title}
              placeholder={draft.key || "e.g. Sentiment"}
              onChange={(e) => change({ title: e.target.value })}
              onBlur={() => touch("title")}
              error={errorOf("title")}
              hint="Shown to annotators. Defaults to the key."
            />
            <div className="sm:pt-7">
              <CheckboxField
                label="Required"
                checked={draft.required}
                onChange={(e) => change({ required: e.target.checked })}
                error={errorOf("required")}
                hint="Annotators must answer it to submit an item."
              />
            </div>
          </div>
        </Card>

        <Card title={`${KIND_LABELS[draft.kind]} settings`}>
          <div className="space-y-6">
            {draft.kind === "spans" ? <SpansFields {...kindProps} /> : null}
            {hasOptions ? (
              <OptionsEditor
                options={draft.options}
                onChange={(options) => change({ options })}
                errorOf={errorOf}
                onTouch={touch}
                focusRequest={focusRequest}
                onFocusRequest={setFocusRequest}
                noun={draft.kind === "spans" ? "label" : "option"}
              />
            ) : null}
            {draft.kind === "rating" ? <RatingFields {...kindProps} /> : null}
            {draft.kind === "pairwise" ? <PairwiseFields {...kindProps} /> : null}
            {draft.kind === "free_text" ? <FreeTextFields {...kindProps} /> : null}
            {draft.kind === "ranking" ? <RankingFields {...kindProps} /> : null}
            {draft.kind === "rubric" ? <RubricFields {...kindProps} /> : null}
            <ConversationTargetField {...kindProps} />
          </div>
        </Card>

        <Card title="Guidelines">
          <TextAreaField
            label="Guidelines for annotators (Markdown)"
            value={draft.guidelines}
            rows={10}
            onChange={(e) => change({ guidelines: e.target.value })}
            onBlur={() => touch("guidelines")}
            error={errorOf("guidelines")}
            hint="# Headings, - lists, **bold**, *italic*, `code` and [links](https://…). The preview shows how it reads."
          />
        </Card>

        <div className="space-y-3">
          {clientProblems > 0 && !validation.success ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {clientProblems === 1 ? "1 problem needs fixing" : `${clientProblems} problems need fixing`}{" "}
              before saving.
            </p>
          ) : null}
          {serverErrors ? (
            <div role="alert" className="text-sm text-red-700">
              <p className="font-medium">{serverErrors.message}</p>
            </div>
          ) : null}
          {unplaced.length > 0 ? (
            <ul className="list-disc pl-5 text-sm text-red-700">
              {unplaced.map(({ path, message }) => (
                <li key={`${path}:${message}`}>
                  {path === "(root)" ? "" : `${path}: `}
                  {message}
                </li>
              ))}
            </ul>
          ) : null}
          {isEditing && isBreaking && impact ? <NewVersionImpactNotice impact={impact} /> : null}
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={status === "saving"}>
              {status === "saving"
                ? "Saving…"
                : (submitLabel ?? (isEditing ? "Save new version" : "Create definition"))}
            </Button>
            <p role="status" className="text-sm text-slate-700">
              {status === "saved" ? "Saved." : ""}
            </p>
          </div>
        </div>
      </form>

      <aside aria-label="Live preview" className="space-y-6 lg:sticky lg:top-4">
        <Card title="Live preview">
          <DefinitionPreview
            spec={previewSpec ?? lastPreviewSpec}
            isStale={previewSpec === null}
            sampleItem={sampleItem}
          />
        </Card>
        {isEditing && initialSpec ? (
          <Card title="Changes in this version">
            {draftSpec ? (
              <VersionDiff
                from={initialSpec}
                to={draftSpec}
                fromLabel="current version"
                toLabel="this draft"
              />
            ) : (
              <p className="text-sm text-slate-700">Fix the errors in the form to see the changes.</p>
            )}
          </Card>
        ) : null}
      </aside>
    </div>
  );
}
