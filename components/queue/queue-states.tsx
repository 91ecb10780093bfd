import Link from "next/link";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import { caughtUpText } from "@/lib/client/queue/caught-up";
import type { TQueueIdle } from "@/lib/schemas/queue";

/** While the first item loads: the page's shape, so nothing jumps when it arrives. */
export function QueueLoading() {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">Finding your next item…</span>
      <div aria-hidden="true" className="h-28 rounded-lg bg-slate-200/70 motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-24 rounded-lg bg-slate-200/50 motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-24 rounded-lg bg-slate-200/40 motion-safe:animate-pulse" />
    </div>
  );
}

/**
 * Nothing to label now. Says whether anything is left (`idle`) and that it keeps checking, so the
 * last items of a project reach whoever is still here.
 */
export function QueueDone({
  projectId,
  idle,
  doneToday,
  openInProject,
  isChecking,
  onRecheck,
  onGoBack,
}: {
  projectId: string;
  idle: TQueueIdle;
  doneToday: number | undefined;
  /** Items others still work on: said so that "Left in project" does not read as work left for you. */
  openInProject: number | undefined;
  isChecking: boolean;
  onRecheck: () => void;
  onGoBack: () => void;
}) {
  const { situation, checking } = caughtUpText(idle, (iso) =>
    new Date(iso).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" }),
  );
  return (
    <section
      aria-labelledby="queue-done-title"
      className="rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm"
    >
      <div
        aria-hidden="true"
        className="mx-auto mb-4 flex size-14 items-center justify-center rounded-full bg-emerald-50 text-2xl text-emerald-700 ring-1 ring-emerald-200"
      >
        ✓
      </div>
      <h2 id="queue-done-title" className="text-xl font-semibold text-slate-900">
        You’re all caught up
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-700">
        There are no items for you in this project right now.
        {doneToday ? ` You labeled ${doneToday.toLocaleString("en-US")} today. Thank you!` : ""}
      </p>
      {situation ? (
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-700">{situation}</p>
      ) : (
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
          {openInProject
            ? `${openInProject.toLocaleString("en-US")} ${openInProject === 1 ? "item still needs" : "items still need"} other annotators. `
            : ""}
          New items appear here as they are imported.
        </p>
      )}
      <p className="mx-auto mt-3 flex max-w-md items-center justify-center gap-2 text-sm text-slate-600">
        <span
          aria-hidden="true"
          className={`size-2 shrink-0 rounded-full bg-emerald-500 ${isChecking ? "motion-safe:animate-ping" : ""}`}
        />
        {checking}
      </p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Button onClick={onRecheck} disabled={isChecking}>
          {isChecking ? "Checking…" : "Check now"}
        </Button>
        <Button variant="secondary" onClick={onGoBack}>
          Review your last item <Kbd>[</Kbd>
        </Button>
        <Link href={`/projects/${projectId}`} className="text-sm font-medium text-indigo-700 underline">
          Back to the project
        </Link>
      </div>
    </section>
  );
}

export function QueueFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section
      aria-labelledby="queue-failed-title"
      className="rounded-xl border border-red-200 bg-white px-6 py-10 text-center shadow-sm"
    >
      <h2 id="queue-failed-title" className="text-lg font-semibold text-slate-900">
        Your next item could not be loaded
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-700">{message}</p>
      <Button className="mt-5" onClick={onRetry}>
        Try again
      </Button>
    </section>
  );
}
