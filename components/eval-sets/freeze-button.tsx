"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/eval-sets";
import { GateRefusal } from "./gate-refusal";
import { countNoun } from "@/lib/text/count-noun";

/**
 * Freezes the set's current filter as its next version, after a confirmation. When the items fail
 * the set's release gate, shows the failing definitions and offers to override with a reason.
 */
export function FreezeButton({ evalSetId, nextVersion }: { evalSetId: string; nextVersion: number }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const freeze = useMutation({
    mutationFn: (override?: { reason: string }) =>
      callApi(endpoints.freezeEvalSet, {
        params: { id: evalSetId },
        // The body is JSON either way: the API reads an empty object as "no override".
        body: override ? { override } : {},
      }),
    onSuccess: () => {
      setIsConfirming(false);
      setReason("");
      router.refresh();
    },
  });
  const error = freeze.error instanceof ApiError ? freeze.error : null;
  const gateFailures =
    error?.problem.status === 409
      ? (error.problem.errors ?? []).filter((e) => e.path.startsWith("definitions."))
      : [];
  const isOverriding = gateFailures.length > 0 || Boolean(error?.fieldMessage("override.reason"));
  return (
    <div className="max-w-xl space-y-2">
      {isConfirming ? (
        <div className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-slate-800">
          <p>
            Version {nextVersion} will hold the items the filter matches now, with their data and final
            labels. It can never be changed or deleted.
          </p>
          <div className="mt-2 flex gap-2">
            <Button onClick={() => freeze.mutate(undefined)} disabled={freeze.isPending}>
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
          Froze version {freeze.data.version}: {countNoun(freeze.data.itemCount, "item")}, sha256{" "}
          <code className="break-all">{freeze.data.sha256}</code>.
        </p>
      ) : null}
      {gateFailures.length > 0 ? <GateRefusal failures={gateFailures} /> : null}
      {isConfirming && isOverriding ? (
        <form
          aria-label="Override the release gate"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            freeze.mutate({ reason });
          }}
          noValidate
        >
          <TextField
            label="Reason for freezing anyway"
            name="reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            hint="The manifest and the audit trail keep it, with your name."
            error={error?.fieldMessage("override.reason")}
          />
          <Button type="submit" variant="danger" disabled={freeze.isPending}>
            Override the gate and freeze v{nextVersion}
          </Button>
        </form>
      ) : null}
      {error && gateFailures.length === 0 && !isOverriding ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
