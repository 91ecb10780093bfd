"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/final-labels";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TAdjudicationItem } from "@/lib/schemas/final-labels";
import { DefinitionReview, type TDecisionDraft, type TReviewDefinition } from "./definition-review";
import { REVIEW_SHORTCUTS, reviewCommand, type TReviewCommand } from "./review-keys";

/** A lead's own decision stands; otherwise the majority is offered; on a tie, nothing. */
function initialDraft(definition: TReviewDefinition): TDecisionDraft {
  const { finalLabel, majority } = definition;
  const value = finalLabel.source === "adjudication" ? finalLabel.value : (majority?.value ?? null);
  return {
    value: (value ?? null) as TLabelValue | null,
    note: "",
    isGold: finalLabel.isGold,
    isTouched: false,
  };
}

function draftsOf(review: TAdjudicationItem): Record<string, TDecisionDraft> {
  return Object.fromEntries(review.definitions.map((d) => [d.key, initialDraft(d)]));
}

/**
 * The definitions a save sends: every unresolved one that has a value, and any the lead changed
 * (a rule's label is not re-decided just because the page was saved).
 */
function decisionsToSave(review: TAdjudicationItem, drafts: Record<string, TDecisionDraft>) {
  return Object.fromEntries(
    review.definitions.flatMap((d) => {
      const draft = drafts[d.key];
      const isWanted = draft.isTouched || (!d.finalLabel.isResolved && draft.value !== null);
      return isWanted ? [[d.key, { value: draft.value, note: draft.note, isGold: draft.isGold }]] : [];
    }),
  );
}

/**
 * The review of one item: every definition's annotations and final value, saved together in one
 * request (all or nothing), with keyboard shortcuts for the whole page.
 */
export function ReviewWorkspace({
  projectId,
  review,
  nextHref,
}: {
  projectId: string;
  review: TAdjudicationItem;
  nextHref: string | null;
}) {
  const router = useRouter();
  const { item, definitions } = review;
  const [drafts, setDrafts] = useState(() => draftsOf(review));
  const [activeKey, setActiveKey] = useState(definitions[0]?.key ?? null);
  const [message, setMessage] = useState("");
  const save = useMutation({
    mutationFn: (decisions: ReturnType<typeof decisionsToSave>) =>
      callApi(endpoints.saveItemDecisions, {
        params: { id: projectId, itemId: item.id },
        body: { decisions },
      }),
    onSuccess: (saved) => {
      setMessage(
        `Saved ${saved.adjudications.length} decision${saved.adjudications.length === 1 ? "" : "s"}.${
          nextHref ? " Press N for the next item." : ""
        }`,
      );
      router.refresh();
    },
    onError: () => setMessage(""),
  });
  // The page's data changes after a save (router.refresh): start from what is now stored.
  const [shown, setShown] = useState(review);
  if (shown !== review) {
    setShown(review);
    setDrafts(draftsOf(review));
  }

  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const errorOf = (key: string) =>
    problem?.errors
      ?.filter((e) => e.path === `decisions.${key}` || e.path.startsWith(`decisions.${key}.`))
      .map((e) => `${e.path.split(".").slice(2).join(".") || "definition"}: ${e.message}`)
      .join("; ");

  function change(key: string, patch: Partial<TDecisionDraft>) {
    setDrafts((all) => ({ ...all, [key]: { ...all[key], ...patch } }));
  }

  function saveAll() {
    const decisions = decisionsToSave(review, drafts);
    if (Object.keys(decisions).length === 0) {
      setMessage("Nothing to save: pick or write a final value first.");
      return;
    }
    save.mutate(decisions);
  }

  function run(command: TReviewCommand): boolean {
    const active = definitions.find((d) => d.key === activeKey);
    switch (command.type) {
      case "save":
        saveAll();
        return true;
      case "next":
        if (!nextHref) return false;
        router.push(nextHref);
        return true;
      case "move": {
        const index = definitions.findIndex((d) => d.key === activeKey) + command.step;
        const next = definitions[index];
        if (!next) return false;
        setActiveKey(next.key);
        document
          .querySelector(`[data-definition-review="${next.key}"]`)
          ?.scrollIntoView({ block: "nearest", behavior: "instant" });
        return true;
      }
      case "accept-majority":
        if (!active) return false;
        if (!active.majority) {
          setMessage(`${active.title} has no majority to accept: the top answers tie.`);
          return true;
        }
        change(active.key, { value: active.majority.value as TLabelValue | null, isTouched: true });
        setMessage(`${active.title}: took the majority value.`);
        return true;
      case "pick": {
        const annotation = active?.annotations[command.index];
        if (!active || !annotation) return false;
        change(active.key, { value: annotation.value as TLabelValue | null, isTouched: true });
        setMessage(
          `${active.title}: took annotation ${command.index + 1} (${annotation.annotator?.name ?? "deleted user"}).`,
        );
        return true;
      }
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const command = reviewCommand(event);
    if (command && run(command)) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <div className="space-y-4">
      <section
        aria-label="Keyboard shortcuts"
        className="flex flex-wrap gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700"
      >
        {REVIEW_SHORTCUTS.map((s) => (
          <span key={s.action}>
            {s.keys.map((k) => (k === "…" ? " … " : <Kbd key={k}>{k}</Kbd>))} {s.action}
          </span>
        ))}
        <span>Keys never act while you type in a field.</span>
      </section>
      {definitions.map((definition) => (
        <DefinitionReview
          key={definition.key}
          definition={definition}
          data={item.data}
          draft={drafts[definition.key]}
          isActive={definition.key === activeKey}
          error={errorOf(definition.key)}
          onChange={(patch) => change(definition.key, patch)}
          onActivate={() => setActiveKey(definition.key)}
        />
      ))}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow-sm">
        <Button onClick={saveAll} disabled={save.isPending} aria-keyshortcuts="Control+Enter">
          Save all decisions <Kbd isInverted>Ctrl</Kbd>
          <Kbd isInverted>Enter</Kbd>
        </Button>
        {nextHref ? (
          <Button variant="secondary" onClick={() => router.push(nextHref)} aria-keyshortcuts="N J">
            Next unresolved item <Kbd>N</Kbd>
          </Button>
        ) : null}
        <p role="status" className="text-sm text-slate-700">
          {message}
        </p>
        {problem ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {problem.detail || problem.title}
          </p>
        ) : null}
      </div>
    </div>
  );
}
