import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { fieldsShownBy } from "@/lib/label-definitions/shown-fields";
import { unprocessable } from "@/lib/server/errors";

/**
 * Refuses (422, each field named) hidden fields that a current definition shows as its control's
 * content: hiding a spans text or a pairwise side would leave annotators nothing to label.
 */
export async function checkHiddenFields(projectId: string, hiddenFields: readonly string[]): Promise<void> {
  if (hiddenFields.length === 0) return;
  const definitions = await db.labelDefinition.findMany({
    where: { projectId },
    select: { key: true, versions: { orderBy: { version: "desc" }, take: 1, select: { spec: true } } },
  });
  const shownBy = new Map<string, string>();
  for (const d of definitions) {
    const spec = d.versions[0]?.spec as TLabelDefinitionSpec | undefined;
    if (spec) for (const field of fieldsShownBy(spec)) shownBy.set(field, d.key);
  }
  const errors = hiddenFields.flatMap((field, index) => {
    const key = shownBy.get(field);
    return key === undefined
      ? []
      : [{ path: `hiddenFields.${index}`, message: `"${field}" is shown by the definition "${key}"` }];
  });
  if (errors.length > 0) throw unprocessable("A field that a definition shows cannot be hidden.", errors);
}
