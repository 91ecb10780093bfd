import type { Ref } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import type { TPending } from "@/lib/client/queue/session-state";

const PENDING_TEXT: Record<TPending, string> = {
  claim: "Loading the next item…",
  submit: "Saving…",
  skip: "Skipping…",
  "open-review": "Opening your earlier item…",
  revise: "Saving your changes…",
};

function Status({
  pending,
  isSkipArmed,
  text,
}: {
  pending: TPending | null;
  isSkipArmed: boolean;
  text: string;
}) {
  if (pending) {
    return (
      <span className="inline-flex items-center gap-2 text-slate-700">
        <span
          aria-hidden="true"
          className="size-3 rounded-full border-2 border-indigo-600 border-t-transparent motion-safe:animate-spin"
        />
        {PENDING_TEXT[pending]}
      </span>
    );
  }
  if (isSkipArmed) {
    return (
      <span className="font-medium text-amber-900">
        Press <Kbd>]</Kbd> again to skip and discard your answers.
      </span>
    );
  }
  return <span className="text-slate-600">{text}</span>;
}

/**
 * The item's actions with their keys, always in view at the bottom of the screen. The status text
 * repeats what the live region announced, for sighted users.
 */
export function ActionBar({
  isReviewing,
  pending,
  isSkipArmed,
  statusText,
  submitRef,
  onCommit,
  onSkip,
  onBack,
  onForward,
  onReturn,
}: {
  isReviewing: boolean;
  pending: TPending | null;
  isSkipArmed: boolean;
  statusText: string;
  submitRef: Ref<HTMLButtonElement>;
  onCommit: () => void;
  onSkip: () => void;
  onBack: () => void;
  onForward: () => void;
  onReturn: () => void;
}) {
  const isBusy = pending !== null;
  return (
    <div className="sticky bottom-0 z-10 -mx-1 mt-4 border-t border-slate-200 bg-slate-50/95 px-1 py-3 backdrop-blur">
      <div className="flex flex-wrap items-center gap-2">
        {/* Not <Button>: it takes no ref, and Tab from the last question lands here. */}
        <button
          ref={submitRef}
          type="button"
          onClick={onCommit}
          disabled={isBusy}
          className="inline-flex min-w-36 items-center justify-center gap-2 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-indigo-400"
        >
          {isReviewing ? "Save changes" : "Submit"} <Kbd isInverted>Enter</Kbd>
        </button>
        {isReviewing ? (
          <>
            <Button variant="secondary" onClick={onReturn} disabled={isBusy}>
              Back to current item <Kbd>Esc</Kbd>
            </Button>
            <Button variant="ghost" onClick={onBack} disabled={isBusy}>
              Older <Kbd>[</Kbd>
            </Button>
            <Button variant="ghost" onClick={onForward} disabled={isBusy}>
              Newer <Kbd>]</Kbd>
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={onSkip} disabled={isBusy}>
              Skip <Kbd>]</Kbd>
            </Button>
            <Button variant="ghost" onClick={onBack} disabled={isBusy}>
              Previous item <Kbd>[</Kbd>
            </Button>
          </>
        )}
        <p className="ml-auto min-h-5 text-sm">
          <Status pending={pending} isSkipArmed={isSkipArmed} text={statusText} />
        </p>
      </div>
    </div>
  );
}
