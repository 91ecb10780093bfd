import "server-only";
import { db, getPool } from "@/lib/db";
import { DEFAULT_FINAL_LABEL_RULE } from "@/lib/final-labels/rules";
import { notFound } from "@/lib/server/errors";
import type { TFinalLabelRuleInput, TFinalLabelRuleView } from "@/lib/schemas/final-labels";
import { serializeRule } from "./list-final-label-rules";
import { loadLabelContext } from "./load-label-context";

/** Sets how a definition's final labels are decided; unset thresholds take their defaults. */
export async function setFinalLabelRule(
  projectId: string,
  key: string,
  input: TFinalLabelRuleInput,
  userId: string,
): Promise<TFinalLabelRuleView> {
  const definition = await db.labelDefinition.findUnique({ where: { projectId_key: { projectId, key } } });
  if (!definition) throw notFound("Label definition");
  const data = {
    kind: input.kind,
    minShare: input.minShare ?? DEFAULT_FINAL_LABEL_RULE.minShare,
    minAgreement: input.minAgreement ?? DEFAULT_FINAL_LABEL_RULE.minAgreement,
    minAnnotations: input.minAnnotations ?? DEFAULT_FINAL_LABEL_RULE.minAnnotations,
    updatedById: userId,
    updatedAt: new Date(),
  };
  await db.finalLabelRule.upsert({
    where: { definitionId: definition.id },
    create: { definitionId: definition.id, ...data },
    update: data,
  });
  const context = await loadLabelContext(getPool(), projectId);
  return serializeRule(context.find((d) => d.id === definition.id)!);
}
