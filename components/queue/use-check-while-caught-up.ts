"use client";

import { useEffect, useEffectEvent } from "react";
import { RECHECK_MS, nextCheckDelay } from "@/lib/client/queue/caught-up";
import type { TQueueIdle } from "@/lib/schemas/queue";

/**
 * While the annotator is caught up, asks the queue again (`onCheck`): on a timer (30 s, or when the
 * first lease of others ends), and at once when the tab comes back. A hidden tab does not ask; it
 * asks when it is shown again.
 */
export function useCheckWhileCaughtUp(
  caughtUp: { idle: TQueueIdle; checkedAt: number } | null,
  onCheck: () => void,
) {
  const check = useEffectEvent(() => {
    if (document.visibilityState === "visible") onCheck();
  });
  const isCaughtUp = caughtUp !== null;

  useEffect(() => {
    if (!isCaughtUp) return;
    const onBack = () => check();
    document.addEventListener("visibilitychange", onBack);
    window.addEventListener("focus", onBack);
    return () => {
      document.removeEventListener("visibilitychange", onBack);
      window.removeEventListener("focus", onBack);
    };
  }, [isCaughtUp]);

  // Re-armed by every answer (checkedAt changes), so a check that fails or is skipped while hidden
  // is retried on the next tick rather than never.
  const idle = caughtUp?.idle;
  const checkedAt = caughtUp?.checkedAt;
  useEffect(() => {
    if (!idle || checkedAt === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = (delay: number) => {
      timer = setTimeout(() => {
        check();
        arm(RECHECK_MS);
      }, delay);
    };
    arm(nextCheckDelay(idle, checkedAt, Date.now()));
    return () => clearTimeout(timer);
  }, [idle, checkedAt]);
}
