"use client";

import { useRouter } from "next/navigation";
import { DefinitionForm } from "@/components/label-definitions/definition-form";
import { callApi } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/label-definitions";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import type { TNewVersionImpact } from "@/lib/label-definitions/new-version-impact";
import type { TItemForValues } from "@/lib/label-definitions/value-schema";

/** The definition form wired to the API: POST for a new definition, PUT (a new version) for an edit. */
export function DefinitionEditor({
  projectId,
  initial,
  version,
  sampleItem,
  impact,
}: {
  projectId: string;
  initial?: TLabelDefinitionInput;
  version?: number;
  sampleItem?: TItemForValues;
  impact?: TNewVersionImpact;
}) {
  const router = useRouter();
  async function onSubmit(input: TLabelDefinitionInput) {
    if (initial) {
      await callApi(endpoints.updateLabelDefinition, {
        params: { id: projectId, key: initial.key },
        body: input,
      });
      router.refresh();
    } else {
      await callApi(endpoints.createLabelDefinition, { params: { id: projectId }, body: input });
      router.push(`/projects/${projectId}/label-definitions/${input.key}`);
    }
  }
  return (
    <DefinitionForm
      key={version ?? "new"}
      initial={initial}
      onSubmit={onSubmit}
      sampleItem={sampleItem}
      impact={impact}
      submitLabel={initial ? "Save as a new version" : "Create definition"}
    />
  );
}
