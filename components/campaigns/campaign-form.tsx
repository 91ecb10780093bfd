"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { callApi } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import * as endpoints from "@/lib/endpoints/campaigns";
import type { TCampaignSelection } from "@/lib/schemas/campaigns";

/**
 * Starts a relabel campaign for a selection the page already knows (a drift-flagged batch or week,
 * an eval-set version, flagged items...): the lead names it, picks the definition and overlap, and
 * whether its work comes before or after ordinary work. On success, the campaign's page.
 */
export function CampaignForm({
  projectId,
  definitions,
  selection,
  selectionLabel,
  defaultDefinition,
  defaultName,
  defaultOverlap,
}: {
  projectId: string;
  definitions: { key: string; title: string; version: number }[];
  selection: TCampaignSelection;
  selectionLabel: string;
  defaultDefinition?: string;
  defaultName: string;
  defaultOverlap: number;
}) {
  const router = useRouter();
  const [name, setName] = useState(defaultName);
  const [definitionKey, setDefinitionKey] = useState(defaultDefinition ?? definitions[0]?.key ?? "");
  const [overlap, setOverlap] = useState(String(defaultOverlap));
  const [serve, setServe] = useState<"before" | "after">("before");
  const create = useMutation({
    mutationFn: () =>
      callApi(endpoints.createCampaign, {
        params: { id: projectId },
        body: { name, definitionKey, filter: selection, overlap: Number(overlap), serve },
      }),
    onSuccess: (created) => router.push(`/projects/${projectId}/campaigns/${created.id}`),
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (path: string) => error?.fieldMessage(path);
  return (
    <form
      className="max-w-xl space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <p className="text-sm text-slate-800">
        Items: <span className="font-medium">{selectionLabel}</span>. Those holding labels under an older
        version of the definition go back into the queue for its current version; annotators do not see the
        earlier labels.
      </p>
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError("name")}
        required
      />
      <SelectField
        label="Label definition"
        value={definitionKey}
        onChange={(e) => setDefinitionKey(e.target.value)}
        error={fieldError("definitionKey")}
      >
        {definitions.map((d) => (
          <option key={d.key} value={d.key}>
            {d.title} (current version {d.version})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Annotators per item"
        type="number"
        min={1}
        max={50}
        value={overlap}
        onChange={(e) => setOverlap(e.target.value)}
        error={fieldError("overlap")}
      />
      <SelectField
        label="Serve campaign work"
        value={serve}
        onChange={(e) => setServe(e.target.value as "before" | "after")}
      >
        <option value="before">Before ordinary work</option>
        <option value="after">After ordinary work</option>
      </SelectField>
      {fieldError("filter") ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {fieldError("filter")}
        </p>
      ) : null}
      <FormOutcome error={error} />
      <Button type="submit" disabled={create.isPending}>
        Start campaign
      </Button>
    </form>
  );
}
