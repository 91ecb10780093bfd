import "server-only";
import { getPool } from "@/lib/db";
import { describeRule } from "@/lib/final-labels/rules";
import type { TFinalLabelRuleView } from "@/lib/schemas/final-labels";
import { loadLabelContext, type TDefinitionContext } from "./load-label-context";

export function serializeRule(d: TDefinitionContext): TFinalLabelRuleView {
  return {
    key: d.key,
    title: d.title,
    kind: d.rule.kind,
    minShare: d.rule.minShare,
    minAgreement: d.rule.minAgreement,
    minAnnotations: d.rule.minAnnotations,
    isDefault: d.isDefaultRule,
    description: describeRule(d.rule, d.kind),
  };
}

/** The final-label rule of each definition of the project (the default where the lead set none). */
export async function listFinalLabelRules(projectId: string): Promise<TFinalLabelRuleView[]> {
  return (await loadLabelContext(getPool(), projectId)).map(serializeRule);
}
