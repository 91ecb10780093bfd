import "server-only";
import { db } from "@/lib/db";

/** The project's first item, for previews of how annotators will see a definition. */
export async function getSampleItem(
  projectId: string,
): Promise<{ data: Record<string, unknown> } | undefined> {
  const item = await db.item.findFirst({
    where: { projectId },
    orderBy: { id: "asc" },
    select: { data: true },
  });
  return item ? { data: item.data as Record<string, unknown> } : undefined;
}
