"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/eval-sets";
import type { TReleaseGate } from "@/lib/eval-sets/gate-schema";

const FIELDS = [
  { name: "minAlpha", label: "Minimum alpha", hint: "Krippendorff's alpha per definition, −1 to 1" },
  { name: "minCiLow", label: "Minimum lower bound of alpha's 95% interval", hint: "−1 to 1" },
  { name: "minAnnotations", label: "Minimum annotations per item", hint: "A positive whole number" },
] as const;

/** Sets the release gate a freeze must pass; empty fields are no minimum. */
export function GateEditor({ evalSetId, gate }: { evalSetId: string; gate: TReleaseGate | null }) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (next: TReleaseGate | null) =>
      callApi(endpoints.updateEvalSet, { params: { id: evalSetId }, body: { gate: next } }),
    onSuccess: () => router.refresh(),
  });
  const error = save.error instanceof ApiError ? save.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, number> = {};
    for (const f of FIELDS) {
      const raw = String(form.get(f.name) ?? "").trim();
      if (raw) next[f.name] = Number(raw);
    }
    save.mutate(Object.keys(next).length ? next : null);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Release gate">
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            inputMode="decimal"
            defaultValue={gate?.[f.name] ?? ""}
            hint={f.hint}
            error={error?.fieldMessage(`gate.${f.name}`)}
          />
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          Save gate
        </Button>
        {save.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            Saved.
          </p>
        ) : null}
        {error && !error.problem.errors?.length ? (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
