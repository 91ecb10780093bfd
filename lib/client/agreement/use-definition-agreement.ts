"use client";

import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/agreement";

/** Which drill-down a page shows: a definition, in one version or all (null). */
export type TDrillDownSource = { projectId: string; definitionKey: string; version: number | null };

/**
 * The drill-down's full answer, for the rows its page leaves out of the HTML until asked for (the
 * server caches it under the project's change stamp, so this read is usually a cache hit).
 */
export function useDefinitionAgreement(source: TDrillDownSource, isEnabled: boolean) {
  return useQuery({
    queryKey: ["projects", source.projectId, "agreement", source.definitionKey, source.version ?? "all"],
    queryFn: () =>
      callApi(endpoints.getDefinitionAgreement, {
        params: { id: source.projectId, key: source.definitionKey },
        query: { version: source.version === null ? "all" : String(source.version) },
      }),
    enabled: isEnabled,
  });
}
