import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its table is wider than the screen; focusable and named, so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
