"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A link shown once: readable, selectable, and copied with one click (no mail server sends it). */
export function InvitationLink({ url, label }: { url: string; label: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`link-${url.slice(-8)}`}>
        {label}
      </label>
      <input
        id={`link-${url.slice(-8)}`}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-96 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs text-slate-800"
      />
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setIsCopied(true));
        }}
      >
        {isCopied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}
