import "server-only";
import { db } from "@/lib/db";
import { ZCreateEvalSetInput } from "@/lib/schemas/eval-sets";
import { createEvalSet } from "@/lib/server/eval-sets/create-eval-set";
import { freezeEvalSet } from "@/lib/server/eval-sets/freeze-eval-set";
import { setFinalLabelRule } from "@/lib/server/final-labels/set-final-label-rule";

export const DEMO_EVAL_SET_NAME = "Sentiment, clear-cut sentences";

/**
 * Gives the demo's lead something to decide and its engineer something to export, through the
 * same use cases a lead's clicks reach. DynaSent's round 2 keeps only sentences at least four of
 * five workers agree on, so the default majority rule resolves every one and leaves nothing to
 * review: the demo asks instead that 80% of annotator pairs agree, which a single dissenting worker
 * (6 of 10 pairs) fails. Those sentences wait for adjudication; the unanimous ones are frozen as v1
 * of an eval set, whose hash is the export's.
 */
export async function seedDemoReview(
  projectId: string,
  lead: { id: string; name: string },
  log: (line: string) => void,
): Promise<void> {
  const definition = await db.labelDefinition.findUniqueOrThrow({
    where: { projectId_key: { projectId, key: "sentiment" } },
    include: { finalLabelRule: true },
  });
  if (!definition.finalLabelRule) {
    await setFinalLabelRule(projectId, "sentiment", { kind: "min_agreement", minAgreement: 0.8 }, lead.id);
    log("set the demo's final-label rule: 80% of annotator pairs must agree");
  }
  // A start stopped between creating the set and freezing it freezes it the next time.
  const existing = await db.evalSet.findFirst({
    where: { projectId, name: DEMO_EVAL_SET_NAME },
    include: { _count: { select: { versions: true } } },
  });
  if (existing && existing._count.versions > 0) return;
  const set =
    existing ??
    (await createEvalSet(
      projectId,
      ZCreateEvalSetInput.parse({
        name: DEMO_EVAL_SET_NAME,
        description:
          "Sentences whose five crowd labels pass the project's rule (at least 80% of annotator pairs agree), " +
          "frozen by the demo's lead.",
      }),
      lead.id,
    ));
  const version = await freezeEvalSet(set.id, lead);
  log(
    `froze eval set "${set.name}" v${version.version}: ${version.itemCount} items, sha256 ${version.sha256}`,
  );
}
