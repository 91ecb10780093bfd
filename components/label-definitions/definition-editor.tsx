"use client";

import { useRouter } from "next/navigation";
import { DefinitionForm } from "@/components/label-definitions/definition-form";
import { apiFetch } from "@/lib/client/api-fetch";
import type { TLabelDefinitionInput } from "@/lib/labels/definition-schema";
import type { TItemForValues } from "@/lib/labels/value-schema";

/** The definition form wired to the API: POST for a new definition, PUT (a new version) for an edit. */
export function DefinitionEditor({
  projectId,
  initial,
  version,
  sampleItem,
}: {
  projectId: string;
  initial?: TLabelDefinitionInput;
  version?: number;
  sampleItem?: TItemForValues;
}) {
  const router = useRouter();
  async function onSubmit(input: TLabelDefinitionInput) {
    if (initial) {
      await apiFetch(`/projects/${projectId}/label-definitions/${initial.key}`, {
        method: "PUT",
        json: input,
      });
      router.refresh();
    } else {
      await apiFetch(`/projects/${projectId}/label-definitions`, { method: "POST", json: input });
      router.push(`/projects/${projectId}/definitions/${input.key}`);
    }
  }
  return (
    <DefinitionForm
      key={version ?? "new"}
      initial={initial}
      onSubmit={onSubmit}
      sampleItem={sampleItem}
      submitLabel={initial ? "Save as a new version" : "Create definition"}
    />
  );
}
