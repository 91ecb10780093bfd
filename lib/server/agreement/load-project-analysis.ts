import "server-only";
import type { TFeedbackGroups } from "@/lib/agreement/report-feedback";
import type { TPatternGroups } from "@/lib/agreement/report-patterns";
import type { TSpanGroups } from "@/lib/agreement/report-spans";
import { cachedByStamp } from "./agreement-cache";
import type { TBatchInfo } from "./load-batches";
import { loadDefinitionPatterns } from "./load-definition-patterns";
import type { TDefinitionWithVersions } from "./load-definitions";
import { loadFeedbackPatterns } from "./load-feedback-patterns";
import { loadSpanItems } from "./load-span-items";
import { loadStampedInputs, type TStampedInputs } from "./load-stamped-inputs";

export type TDefinitionAnalysis = { definition: TDefinitionWithVersions } & (
  | { type: "patterns"; groups: TPatternGroups }
  | { type: "spans"; groups: TSpanGroups }
  | { type: "feedback"; kind: "ranking" | "rubric"; groups: TFeedbackGroups }
);

export type TProjectAnalysis = { stamp: string; definitions: TDefinitionAnalysis[]; batches: TBatchInfo[] };

/**
 * Every definition's current annotations of a project, aggregated for the agreement statistics;
 * cached until the project's change stamp moves (a new label, revision, version or batch).
 */
export async function loadProjectAnalysis(projectId: string): Promise<TProjectAnalysis> {
  return projectAnalysisOf(projectId, await loadStampedInputs(projectId));
}

/**
 * The analysis of inputs already read (loadStampedInputs): for a reader that starts reads of its own
 * from the inputs' definitions while the analysis loads.
 */
export function projectAnalysisOf(
  projectId: string,
  { stamp, definitions, batches }: TStampedInputs,
): Promise<TProjectAnalysis> {
  return cachedByStamp(`analysis:${projectId}`, stamp, async () => {
    const analyses = await Promise.all(
      definitions.map(async (definition): Promise<TDefinitionAnalysis> => {
        const { kind } = definition;
        const type = analysisTypeOf(kind);
        if (type === "spans") return { definition, type, groups: await loadSpanItems(definition) };
        if (type === "feedback" && (kind === "ranking" || kind === "rubric"))
          return { definition, type, kind, groups: await loadFeedbackPatterns(definition) };
        return { definition, type: "patterns", groups: await loadDefinitionPatterns(definition, batches) };
      }),
    );
    return { stamp, definitions: analyses, batches: batches.batches };
  });
}

/** How a kind of definition is analysed: spans by item, rankings and rubrics as feedback, the rest by pattern. */
export function analysisTypeOf(kind: string): TDefinitionAnalysis["type"] {
  if (kind === "spans") return "spans";
  if (kind === "ranking" || kind === "rubric") return "feedback";
  return "patterns";
}
