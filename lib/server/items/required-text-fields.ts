import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

/**
 * The data fields the project's current definitions render as text, and those they rank (arrays of
 * strings): an import must provide them.
 */
export async function requiredDataFields(
  projectId: string,
): Promise<{ text: string[]; responses: string[] }> {
  const definitions = await db.labelDefinition.findMany({
    where: { projectId },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  const fields = new Set<string>();
  const responses = new Set<string>();
  for (const d of definitions) {
    const spec = d.versions[0]?.spec as TLabelDefinitionSpec | undefined;
    if (!spec || !spec.required) continue;
    if (spec.kind === "spans") fields.add(spec.textField);
    if (spec.kind === "pairwise") spec.textFields.forEach((f) => fields.add(f));
    if (spec.kind === "ranking") responses.add(spec.responsesField);
  }
  return { text: [...fields], responses: [...responses] };
}
