"use client";

import type { Ref, RefObject } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { ItemView } from "@/components/label-kinds/item-view";
import { fieldsRenderedBy } from "@/components/label-kinds/rendered-fields";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TDraft } from "@/lib/client/queue/draft";
import type { TPending, TReview } from "@/lib/client/queue/session-state";
import { ActionBar } from "./action-bar";
import { DefinitionSlot } from "./definition-slot";
import { LeaseNote } from "./lease-note";

function clock(iso: string): string {
  return new Date(iso).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
}

/**
 * One item on screen: its content, one control per definition (stacked, the active one owning the
 * option keys), and the actions. Used for the current item and for an earlier one gone back to.
 */
export function DraftView({
  draft,
  review,
  pending,
  isWaitingToRetry,
  isSkipArmed,
  statusText,
  stackRef,
  submitRef,
  onChange,
  onActivate,
  onCommit,
  onSkip,
  onBack,
  onForward,
  onReturn,
}: {
  draft: TDraft;
  review: TReview | null;
  pending: TPending | null;
  isWaitingToRetry: boolean;
  isSkipArmed: boolean;
  statusText: string;
  stackRef: RefObject<HTMLDivElement | null>;
  submitRef: Ref<HTMLButtonElement>;
  onChange: (key: string, value: TLabelValue | null) => void;
  onActivate: (key: string) => void;
  onCommit: () => void;
  onSkip: () => void;
  onBack: () => void;
  onForward: () => void;
  onReturn: () => void;
}) {
  const { assignment } = draft;
  const { item, definitions } = assignment;
  const hidden = fieldsRenderedBy(definitions.map((d) => d.spec));
  // Waiting to send a submit again, the answers kept are shown as they are, not dimmed as in flight.
  const isSaving = (pending === "submit" || pending === "skip" || pending === "revise") && !isWaitingToRetry;
  return (
    <article aria-labelledby="item-title" aria-busy={isSaving} className="space-y-4">
      {review ? (
        <div className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950">
          <p className="font-semibold">You are changing an earlier answer.</p>
          <p className="mt-0.5">
            <Kbd>Enter</Kbd> saves it as a new version (the earlier one stays in the history). <Kbd>Esc</Kbd>{" "}
            returns to your current item without saving.
          </p>
        </div>
      ) : null}
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="item-title" className="text-lg font-semibold text-slate-900">
          Item <span className="font-mono text-base">{item.externalId ?? `#${item.id}`}</span>
        </h2>
        {review ? (
          <p className="text-xs text-slate-600">
            {review.submittedAt ? `Submitted ${clock(review.submittedAt)}` : "Submitted"}
          </p>
        ) : (
          <LeaseNote key={assignment.assignmentId} expiresAt={assignment.expiresAt} />
        )}
      </header>
      {/* Fades only when a save takes long enough to notice (the delay), so fast saves never flicker. */}
      <div
        className={`space-y-4 transition-opacity ${isSaving ? "opacity-60 delay-150 duration-300" : "duration-100"}`}
      >
        <ItemView
          item={item}
          hiddenFields={hidden}
          textFields={["text"]}
          title="Item content"
          conversationTarget={definitions.map((d) => d.spec.conversationTarget).find((t) => t !== undefined)}
        />
        <div ref={stackRef} className="space-y-4">
          {definitions.map((definition) => (
            <DefinitionSlot
              key={`${assignment.assignmentId}:${definition.key}`}
              definition={definition}
              item={item}
              value={draft.values[definition.key] ?? null}
              error={draft.errors[definition.key]}
              isActive={definition.key === draft.activeKey}
              sidesFlipped={assignment.sidesFlipped}
              onChange={onChange}
              onActivate={onActivate}
            />
          ))}
        </div>
      </div>
      <p className="text-xs text-slate-600">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> or <Kbd>Tab</Kbd> move between questions; the highlighted one takes the
        option keys. <Kbd>?</Kbd> lists every shortcut.
      </p>
      <ActionBar
        isReviewing={review !== null}
        pending={pending}
        isSkipArmed={isSkipArmed}
        statusText={statusText}
        submitRef={submitRef}
        onCommit={onCommit}
        onSkip={onSkip}
        onBack={onBack}
        onForward={onForward}
        onReturn={onReturn}
      />
    </article>
  );
}
