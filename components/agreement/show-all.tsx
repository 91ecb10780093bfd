import type { ReactNode } from "react";

/** The drill-down's "show all" toggles: rows the page left out of its HTML, shown on request. */
export function ShowAllButton({
  isOpen,
  onToggle,
  children,
}: {
  isOpen: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-expanded={isOpen}
      onClick={onToggle}
      className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900"
    >
      {children}
    </button>
  );
}

/** While the left-out rows load, or why they could not. */
export function LoadState({ isWaiting, error }: { isWaiting: boolean; error: Error | null }) {
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        The other annotators could not be loaded: {error.message}
      </p>
    );
  if (!isWaiting) return null;
  return (
    <p role="status" className="text-sm text-slate-600">
      Loading the other annotators…
    </p>
  );
}
