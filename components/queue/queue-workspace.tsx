"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import { useQueueProgress } from "@/lib/client/queue/queue-hooks";
import { visibleDraft } from "@/lib/client/queue/session-state";
import { useQueueSession } from "@/lib/client/queue/use-queue-session";
import { focusDefinition } from "./definition-anchor";
import { DraftView } from "./draft-view";
import { GuidelinesPanel } from "./guidelines-panel";
import { NoticeBanner } from "./notice-banner";
import { ProgressSummary } from "./progress-summary";
import { QueueDone, QueueFailed, QueueLoading } from "./queue-states";
import { RecentList } from "./recent-list";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { usePersistentFlag } from "./use-persistent-flag";
import { useCheckWhileCaughtUp } from "./use-check-while-caught-up";
import { useQueueKeys } from "./use-queue-keys";

/** An armed skip (first press on an answered item) lapses after this long. */
const SKIP_ARM_MS = 4000;

/** The annotator's workspace for one project: the leased item, its controls, guidelines and progress. */
export function QueueWorkspace({ projectId }: { projectId: string }) {
  const session = useQueueSession(projectId);
  const { state } = session;
  const draft = visibleDraft(state);
  const progress = useQueueProgress(projectId);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [isPanelOpen, setIsPanelOpen] = usePersistentFlag("concord.workspace.guidelines-open", true);
  const stackRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  useQueueKeys({
    session,
    stackRef,
    submitRef,
    isEnabled: !isHelpOpen,
    onHelp: () => setIsHelpOpen(true),
    onToggleGuidelines: () => setIsPanelOpen(!isPanelOpen),
  });

  const applyFocus = useEffectEvent(() => {
    const request = state.focusRequest;
    if (!request) return;
    if (request.isNewItem) window.scrollTo({ top: 0, behavior: "instant" });
    focusDefinition(stackRef.current, request.key, { scroll: !request.isNewItem });
  });
  const focusSeq = state.focusRequest?.seq;
  useEffect(() => applyFocus(), [focusSeq]);

  const disarmSkip = useEffectEvent(() => session.disarmSkip());
  useEffect(() => {
    if (!state.isSkipArmed) return;
    const timer = setTimeout(() => disarmSkip(), SKIP_ARM_MS);
    return () => clearTimeout(timer);
  }, [state.isSkipArmed]);

  useCheckWhileCaughtUp(state.queue.status === "done" ? state.queue : null, session.poll);

  let body;
  if (draft) {
    body = (
      <DraftView
        draft={draft}
        review={state.review}
        pending={state.pending}
        isWaitingToRetry={state.isWaitingToRetry}
        isSkipArmed={state.isSkipArmed}
        statusText={state.announcement.text}
        stackRef={stackRef}
        submitRef={submitRef}
        onChange={session.setValue}
        onActivate={session.activate}
        onCommit={session.commit}
        onSkip={() => session.skip({ isConfirmed: true })}
        onBack={session.goBack}
        onForward={session.goForward}
        onReturn={session.returnToCurrent}
      />
    );
  } else if (state.queue.status === "done") {
    body = (
      <QueueDone
        projectId={projectId}
        idle={state.queue.idle}
        doneToday={progress.data?.doneToday}
        openInProject={progress.data?.remaining}
        isChecking={state.pending === "claim"}
        onRecheck={session.recheck}
        onGoBack={session.goBack}
      />
    );
  } else if (state.queue.status === "failed") {
    body = <QueueFailed message={state.queue.message} onRetry={session.recheck} />;
  } else {
    body = <QueueLoading />;
  }

  return (
    <div className="space-y-5">
      {/* One live region for everything the workspace says; re-keyed so a repeated message is read again. */}
      <div role="status" aria-live="polite" className="sr-only">
        <span key={state.announcement.seq}>{state.announcement.text}</span>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Labeling</h1>
        <div className="flex flex-wrap items-center gap-5">
          <ProgressSummary projectId={projectId} />
          <div className="flex gap-2">
            <Button
              variant="secondary"
              aria-expanded={isPanelOpen}
              aria-controls="workspace-panel"
              onClick={() => setIsPanelOpen(!isPanelOpen)}
            >
              {isPanelOpen ? "Hide guidelines" : "Show guidelines"}
            </Button>
            <Button variant="secondary" aria-haspopup="dialog" onClick={() => setIsHelpOpen(true)}>
              Shortcuts <Kbd>?</Kbd>
            </Button>
          </div>
        </div>
      </div>
      <div className={isPanelOpen ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" : ""}>
        <div className="min-w-0 space-y-4">
          {state.notice ? <NoticeBanner notice={state.notice} onDismiss={session.dismissNotice} /> : null}
          {body}
        </div>
        {isPanelOpen ? (
          // Focusable: on a short screen the panel scrolls on its own.
          <aside
            id="workspace-panel"
            tabIndex={0}
            aria-labelledby="workspace-panel-title"
            className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
          >
            <div className="space-y-3">
              <h2 id="workspace-panel-title" className="text-sm font-semibold text-slate-900">
                Guidelines
              </h2>
              {draft ? (
                <GuidelinesPanel definitions={draft.assignment.definitions} activeKey={draft.activeKey} />
              ) : (
                <p className="text-sm text-slate-600">The guidelines of an item show here next to it.</p>
              )}
            </div>
            <RecentList
              projectId={projectId}
              reviewIndex={state.review?.index ?? null}
              onOpen={session.openReview}
            />
          </aside>
        ) : null}
      </div>
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} />
    </div>
  );
}
