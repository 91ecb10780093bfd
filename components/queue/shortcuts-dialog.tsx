"use client";

import { useEffect, useRef } from "react";
import { Kbd } from "@/components/label-kinds/option-button";
import { Button } from "@/components/ui/button";
import { SHORTCUT_GROUPS } from "./shortcut-list";

/** The list of every key, as a modal dialog (Esc or ? closes it; focus returns where it was). */
export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "?") {
          event.preventDefault();
          onClose();
        }
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto w-full max-w-2xl rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id="shortcuts-title" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <Button variant="ghost" className="px-2 py-1 shadow-none" onClick={onClose}>
          Close <Kbd>Esc</Kbd>
        </Button>
      </div>
      {/* Focusable so the list can be scrolled with the keyboard on a short screen. */}
      <div
        tabIndex={0}
        className="grid max-h-[70vh] gap-x-8 gap-y-5 overflow-y-auto px-5 py-4 sm:grid-cols-2"
      >
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-labelledby={`keys-${group.title}`}>
            <h3
              id={`keys-${group.title}`}
              className="mb-2 text-xs font-semibold tracking-wide text-slate-700 uppercase"
            >
              {group.title}
            </h3>
            <dl className="space-y-2 text-sm">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.action} className="flex items-start gap-3">
                  <dt className="flex w-32 shrink-0 flex-wrap gap-1">
                    {shortcut.keys.map((combo, i) => (
                      <span key={i} className="inline-flex items-center gap-0.5">
                        {i > 0 ? <span className="mr-0.5 text-xs text-slate-600">or</span> : null}
                        {combo.map((key) => (
                          <Kbd key={key}>{key}</Kbd>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd className="text-slate-800">{shortcut.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
