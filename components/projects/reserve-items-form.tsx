"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/item-assignees";
import type { TItemReservations } from "@/lib/schemas/people";
import { countNoun } from "@/lib/text/count-noun";

/** Reserve a batch, or a list of item ids, for named annotators; the queue serves them to no one else. */
export function ReserveItemsForm({
  projectId,
  batches,
  reservations,
}: {
  projectId: string;
  batches: { id: string; name: string; itemCount: number }[];
  reservations: TItemReservations;
}) {
  const router = useRouter();
  const [annotators, setAnnotators] = useState("");
  const params = { id: projectId };
  const assign = useMutation({
    mutationFn: (body: { annotators: string[]; batchId?: string; itemIds?: string[] }) =>
      callApi(endpoints.assignItems, { params, body }),
    onSuccess: () => router.refresh(),
  });
  const release = useMutation({
    mutationFn: () => callApi(endpoints.releaseItems, { params, body: {} }),
    onSuccess: () => router.refresh(),
  });
  const error = [assign.error, release.error].find((e) => e instanceof ApiError) ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const batchId = String(form.get("batchId"));
    const itemIds = String(form.get("itemIds"))
      .split(/[\s,]+/)
      .filter(Boolean);
    assign.mutate({
      annotators: annotators.split(/[\s,;]+/).filter(Boolean),
      ...(batchId ? { batchId } : {}),
      ...(itemIds.length ? { itemIds } : {}),
    });
  }

  const fieldError = (path: string) =>
    error?.problem.errors
      ?.filter((e) => e.path === path || e.path.startsWith(`${path}.`))
      .map((e) => e.message)[0];

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <div className="space-y-1">
          <label htmlFor="reserve-annotators" className="block text-sm font-medium text-slate-800">
            Annotators (emails, one per line)
          </label>
          <textarea
            id="reserve-annotators"
            rows={3}
            value={annotators}
            onChange={(e) => setAnnotators(e.currentTarget.value)}
            aria-invalid={fieldError("annotators") ? true : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {fieldError("annotators") ? (
            <p role="alert" className="text-xs font-medium text-red-700">
              {fieldError("annotators")}
            </p>
          ) : null}
        </div>
        <div className="space-y-4">
          <SelectField label="Batch" name="batchId" defaultValue="" error={fieldError("batchId")}>
            <option value="">No batch (use the item ids)</option>
            {batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({countNoun(b.itemCount, "item")})
              </option>
            ))}
          </SelectField>
          <div className="space-y-1">
            <label htmlFor="reserve-items" className="block text-sm font-medium text-slate-800">
              Item ids (optional; with a batch, the items of it among these)
            </label>
            <input
              id="reserve-items"
              name="itemIds"
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={assign.isPending}>
            Reserve for these annotators
          </Button>
          <FormOutcome error={error} success={assign.isSuccess ? "Reserved." : undefined} />
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <p>
          {reservations.reservedItems === 0
            ? "No item is reserved: every annotator may be served every item."
            : `${countNoun(reservations.reservedItems, "item is", "items are")} reserved: ${reservations.annotators
                .map((a) => `${a.name} (${a.items})`)
                .join(", ")}.`}
        </p>
        {reservations.reservedItems > 0 ? (
          <Button variant="ghost" disabled={release.isPending} onClick={() => release.mutate()}>
            Release all reservations
          </Button>
        ) : null}
      </div>
    </div>
  );
}
