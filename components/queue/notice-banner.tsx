import { Button } from "@/components/ui/button";
import type { TNotice } from "@/lib/client/queue/session-state";

const TONES: Record<TNotice["tone"], string> = {
  info: "border-sky-200 bg-sky-50 text-sky-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-200 bg-red-50 text-red-900",
};

/** A message that stays until dismissed (the live region has already announced it). */
export function NoticeBanner({ notice, onDismiss }: { notice: TNotice; onDismiss: () => void }) {
  return (
    <div className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-sm ${TONES[notice.tone]}`}>
      <p className="min-w-0 flex-1">{notice.text}</p>
      <Button variant="ghost" className="-my-1 px-2 py-1 text-xs shadow-none" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
