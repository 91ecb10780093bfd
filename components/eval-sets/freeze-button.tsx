"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/eval-sets";

/** Freezes the set's current filter as its next version, after a confirmation. */
export function FreezeButton({ evalSetId, nextVersion }: { evalSetId: string; nextVersion: number }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const freeze = useMutation({
    mutationFn: () => callApi(endpoints.freezeEvalSet, { params: { id: evalSetId } }),
    onSuccess: () => {
      setIsConfirming(false);
      router.refresh();
    },
  });
  const error = freeze.error instanceof ApiError ? freeze.error : null;
  return (
    <div className="space-y-2">
      {isConfirming ? (
        <div className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-slate-800">
          <p>
            Version {nextVersion} will hold the items the filter matches now, with their data and final
            labels. It can never be changed or deleted.
          </p>
          <div className="mt-2 flex gap-2">
            <Button onClick={() => freeze.mutate()} disabled={freeze.isPending}>
              {freeze.isPending ? "Freezing…" : `Freeze version ${nextVersion}`}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)} disabled={freeze.isPending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setIsConfirming(true)}>Freeze v{nextVersion}…</Button>
      )}
      {freeze.data ? (
        <p role="status" className="text-sm text-emerald-800">
          Froze version {freeze.data.version}: {freeze.data.itemCount.toLocaleString("en-US")} items, sha256{" "}
          <code className="break-all">{freeze.data.sha256}</code>.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
