"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/item-flags";
import { FLAG_KIND_LABELS, ITEM_FLAG_KINDS, type TItemFlagKind } from "@/lib/schemas/item-flags";

/**
 * Flags the item on screen for a lead, without leaving the keyboard: Alt+F opens it with focus on
 * the note, 1–3 (or the arrows) pick the kind, Enter sends, Esc closes; focus returns to the item.
 */
export function FlagDialog({
  projectId,
  itemId,
  isOpen,
  onClose,
  onSent,
}: {
  projectId: string;
  itemId: string | null;
  isOpen: boolean;
  onClose: () => void;
  onSent: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<TItemFlagKind>("unclear");
  const [note, setNote] = useState("");
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () =>
      callApi(endpoints.createItemFlag, { params: { id: projectId, itemId: itemId! }, body: { kind, note } }),
    onSuccess: () => {
      setNote("");
      setKind("unclear");
      void queryClient.invalidateQueries({ queryKey: ["my-flags", projectId] });
      onSent();
    },
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      noteRef.current?.focus();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  const error =
    send.error instanceof ApiError ? send.error.message : send.error ? "Could not send the flag." : null;

  return (
    <dialog
      ref={ref}
      aria-labelledby="flag-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "Enter" && !event.shiftKey && !send.isPending && itemId) {
          event.preventDefault();
          send.mutate();
        } else if (event.altKey && /^[1-3]$/.test(event.key)) {
          event.preventDefault();
          setKind(ITEM_FLAG_KINDS[Number(event.key) - 1]);
        }
      }}
      className="m-auto w-full max-w-md rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        className="space-y-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (itemId) send.mutate();
        }}
      >
        <h2 id="flag-title" className="text-base font-semibold">
          Flag this item for a lead
        </h2>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">What is wrong (Alt+1–3)</legend>
          {ITEM_FLAG_KINDS.map((k, i) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="flag-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {FLAG_KIND_LABELS[k]} <Kbd>Alt {i + 1}</Kbd>
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="flag-note" className="text-sm font-medium text-slate-800">
            Note (Shift+Enter for a new line)
          </label>
          <textarea
            id="flag-note"
            ref={noteRef}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            rows={3}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        {error ? (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel <Kbd>Esc</Kbd>
          </Button>
          <Button type="submit" disabled={send.isPending}>
            Send flag <Kbd>Enter</Kbd>
          </Button>
        </div>
      </form>
    </dialog>
  );
}
