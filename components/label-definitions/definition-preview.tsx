"use client";

import { useMemo, useState } from "react";
import { ItemView } from "@/components/label-kinds/item-view";
import { LabelControl } from "@/components/label-kinds/label-control";
import { fieldsRenderedBy } from "@/components/label-kinds/rendered-fields";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import type { TItemForValues, TLabelValue } from "@/lib/label-definitions/value-schema";
import { valueSchemaFor } from "@/lib/label-definitions/value-schema";
import { Guidelines } from "./guidelines";
import { previewItemFor } from "./preview-item";

/**
 * What annotators will see for the definition being edited, live: the item, the control (with
 * working hotkeys; typing in the form's fields never triggers them) and the rendered guidelines,
 * plus the value an answer would store and whether it is valid.
 */
export function DefinitionPreview({
  spec,
  isStale,
  sampleItem,
}: {
  /** The last valid version of the draft; null when there has never been one. */
  spec: TLabelDefinitionSpec | null;
  /** The draft has errors, so `spec` is an earlier state of it. */
  isStale: boolean;
  sampleItem?: TItemForValues;
}) {
  // The answer is tagged with its kind: switching kinds starts from an empty answer.
  const [answer, setAnswer] = useState<{ kind: TLabelKind; value: TLabelValue | null } | null>(null);
  const item = useMemo(() => (spec ? previewItemFor(spec, sampleItem) : null), [spec, sampleItem]);

  if (!spec || !item) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-700">
        The preview appears once the definition is valid.
      </p>
    );
  }
  // A spans answer starts as "no spans" (there is no gesture for it); other kinds start unanswered.
  const value = answer?.kind === spec.kind ? answer.value : spec.kind === "spans" ? [] : null;
  const check = valueSchemaFor(spec, item).safeParse(value);
  const hidden = fieldsRenderedBy([spec]);

  return (
    <div className="space-y-4">
      {isStale ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-slate-800">
          Fix the errors in the form to update the preview. It shows the last valid version.
        </p>
      ) : null}
      {spec.conversationTarget !== undefined ? (
        <p className="text-xs text-slate-700">
          This label judges{" "}
          {spec.conversationTarget === "last_assistant_turn"
            ? "the last assistant turn"
            : "every assistant turn"}{" "}
          of the project&rsquo;s conversation (highlighted).
        </p>
      ) : null}
      <ItemView
        item={item}
        hiddenFields={hidden}
        textFields={["text"]}
        title="Sample item"
        conversationTarget={spec.conversationTarget}
      />
      <LabelControl
        spec={spec}
        value={value}
        onChange={(next) => setAnswer({ kind: spec.kind, value: next })}
        item={item}
        isActive
      />
      <div className="space-y-1 text-xs text-slate-700">
        <p>
          Stored value:{" "}
          <code className="rounded bg-slate-100 px-1 py-0.5 font-mono break-all text-slate-800">
            {value === null ? "null" : JSON.stringify(value)}
          </code>
        </p>
        <p className={check.success || value === null ? "text-slate-700" : "font-medium text-red-700"}>
          {check.success
            ? value === null
              ? "No answer yet: allowed, because this definition is optional."
              : "A valid answer."
            : value === null
              ? "No answer yet: annotators must give one, because this definition is required."
              : `Not accepted: ${check.error.issues[0]?.message ?? "invalid"}.`}
        </p>
      </div>
      {spec.guidelines.trim() !== "" ? (
        <details open className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">Guidelines</summary>
          <Guidelines markdown={spec.guidelines} className="mt-3" />
        </details>
      ) : null}
    </div>
  );
}
