"use client";

import { useEffect, useState } from "react";

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * How long the item stays reserved for the annotator. An expired reservation can still be
 * submitted (the server takes it while nobody else holds the slot), so this informs, never blocks.
 * Keyed by assignment where used, so a new item starts a new timer.
 */
export function LeaseNote({ expiresAt }: { expiresAt: string }) {
  const [isExpired, setIsExpired] = useState(() => Date.parse(expiresAt) <= Date.now());
  useEffect(() => {
    const wait = Date.parse(expiresAt) - Date.now();
    if (wait <= 0) return;
    // setTimeout's delay is a 32-bit int; longer leases recheck when it fires.
    const timer = setTimeout(
      () => setIsExpired(Date.parse(expiresAt) <= Date.now()),
      Math.min(wait + 250, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [expiresAt]);

  if (isExpired) {
    return (
      <p className="text-xs text-amber-800">
        Your reservation ended at {clock(expiresAt)}. You can still submit: it counts if nobody else has taken
        the item.
      </p>
    );
  }
  return <p className="text-xs text-slate-600">Reserved for you until {clock(expiresAt)}</p>;
}
