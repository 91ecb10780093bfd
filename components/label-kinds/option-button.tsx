import type { ReactNode } from "react";

export function Kbd({ children, isInverted = false }: { children: ReactNode; isInverted?: boolean }) {
  return (
    <kbd
      className={`inline-flex min-w-5 items-center justify-center rounded border px-1 font-mono text-xs leading-4 ${
        isInverted
          ? "border-indigo-300 bg-indigo-800 text-white"
          : "border-slate-300 bg-slate-100 text-slate-700"
      }`}
    >
      {children}
    </kbd>
  );
}

/**
 * A toggle button for one choice. The pressed state is carried by aria-pressed, a filled indicator
 * (a dot for single choice, a check for multiple) and the fill colour, never by colour alone.
 */
export function OptionButton({
  title,
  description,
  hotkey,
  isPressed,
  indicator,
  onClick,
}: {
  title: ReactNode;
  description?: string;
  hotkey: string | null;
  isPressed: boolean;
  indicator: "radio" | "check" | "none";
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={isPressed}
      aria-keyshortcuts={hotkey ?? undefined}
      onClick={onClick}
      className={`inline-flex max-w-full flex-col items-start gap-0.5 rounded-md px-3 py-2 text-left text-sm font-medium shadow-sm ring-1 transition-colors ${
        isPressed
          ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-700"
          : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
      }`}
    >
      <span className="inline-flex items-center gap-2">
        {indicator === "none" ? null : <Indicator kind={indicator} isOn={isPressed} />}
        <span className="break-words">{title}</span>
        {hotkey ? <Kbd isInverted={isPressed}>{hotkey}</Kbd> : null}
      </span>
      {description ? (
        <span className={`text-xs font-normal ${isPressed ? "text-indigo-50" : "text-slate-600"}`}>
          {description}
        </span>
      ) : null}
    </button>
  );
}

function Indicator({ kind, isOn }: { kind: "radio" | "check"; isOn: boolean }) {
  const shape = kind === "radio" ? "rounded-full" : "rounded-sm";
  return (
    <span
      aria-hidden="true"
      className={`inline-flex size-3.5 shrink-0 items-center justify-center border text-[10px] leading-none ${shape} ${
        isOn ? "border-white bg-white text-indigo-700" : "border-slate-400 bg-white text-transparent"
      }`}
    >
      {kind === "radio" ? (isOn ? "●" : "") : isOn ? "✓" : ""}
    </span>
  );
}
