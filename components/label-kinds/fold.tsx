"use client";

import { useState, type ReactNode } from "react";

/** Text longer than this many characters starts folded. */
export const FOLD_CHARS = 700;

/**
 * Long content folded to a few lines with a toggle, so several responses fit on one screen; short
 * content shows as it is. `length` is the text's length (decides whether to fold at all).
 */
export function Fold({ length, children, label }: { length: number; children: ReactNode; label: string }) {
  const [isOpen, setOpen] = useState(false);
  if (length <= FOLD_CHARS) return <>{children}</>;
  return (
    <div>
      <div
        className={
          isOpen
            ? ""
            : "max-h-40 overflow-hidden [mask-image:linear-gradient(to_bottom,black_60%,transparent)]"
        }
      >
        {children}
      </div>
      <button
        type="button"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        className="mt-1 text-xs font-medium text-indigo-700 underline hover:text-indigo-900"
      >
        {isOpen ? `Fold ${label}` : `Show all of ${label}`}
      </button>
    </div>
  );
}
