"use client";

import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/item-flags";
import { FLAG_KIND_LABELS } from "@/lib/schemas/item-flags";

/** The annotator's own flags and the leads' answers, next to their recent items. */
export function FlagAnswers({ projectId }: { projectId: string }) {
  const flags = useQuery({
    queryKey: ["my-flags", projectId],
    queryFn: () => callApi(endpoints.listMyItemFlags, { params: { id: projectId } }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  const list = flags.data?.flags ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="flag-answers-title" className="space-y-2">
      <h2 id="flag-answers-title" className="text-sm font-semibold text-slate-900">
        Your flags
      </h2>
      <ul className="space-y-2 text-sm">
        {list.slice(0, 10).map((f) => (
          <li key={f.id} className="rounded-md border border-slate-200 p-2">
            <p className="text-slate-800">
              <span className="font-medium">{FLAG_KIND_LABELS[f.kind]}</span> on item{" "}
              {f.externalId ?? f.itemId}
              {f.note ? `: ${f.note}` : ""}
            </p>
            {f.answer ? (
              <p className="mt-1 text-slate-900">
                <span className="font-medium">Answer from {f.answeredBy?.name ?? "a lead"}:</span> {f.answer}
              </p>
            ) : (
              <p className="mt-1 text-slate-600">Waiting for an answer</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
