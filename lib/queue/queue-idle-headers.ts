import { ZQueueIdle, type TQueueIdle } from "@/lib/schemas/queue";

/*
 * A claim that serves nothing answers 204 (the contract) and says why in headers, so a client can
 * tell "nothing left for you" from "everything open is leased by others right now" and knows when
 * asking again may help. Written by the claim route, read by the workspace.
 */

const STATE = "concord-queue-state";
const LEASED_ITEMS = "concord-leased-items";
const LEASE_EXPIRES = "concord-lease-expires";

export function queueIdleHeaders(idle: TQueueIdle, now: number): Record<string, string> {
  if (idle.state === "done") return { [STATE]: "done" };
  const headers: Record<string, string> = { [STATE]: "leased", [LEASED_ITEMS]: String(idle.leasedItems) };
  if (idle.leaseExpiresAt) {
    headers[LEASE_EXPIRES] = idle.leaseExpiresAt;
    // A lease past its expiry is reclaimed by the next claim: at least a second, never "now".
    const seconds = Math.ceil((Date.parse(idle.leaseExpiresAt) - now) / 1000);
    headers["retry-after"] = String(Math.max(1, seconds));
  }
  return headers;
}

/** What a 204 said; a server that sends no state (older) is read as "done". */
export function queueIdleFromHeaders(headers: Headers): TQueueIdle {
  const parsed = ZQueueIdle.safeParse({
    state: headers.get(STATE) ?? "done",
    leasedItems: Number(headers.get(LEASED_ITEMS) ?? 0),
    leaseExpiresAt: headers.get(LEASE_EXPIRES),
  });
  return parsed.success ? parsed.data : { state: "done", leasedItems: 0, leaseExpiresAt: null };
}
