import "server-only";
import { db } from "@/lib/db";
import type { TBatch } from "@/lib/schemas/items";

export async function listBatches(projectId: string): Promise<TBatch[]> {
  const batches = await db.batch.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true } } },
    take: 500,
  });
  return batches.map((b) => ({
    id: b.id,
    name: b.name,
    sourceFileName: b.sourceFileName,
    format: b.format,
    createdBy: b.createdBy?.email ?? null,
    createdAt: b.createdAt.toISOString(),
    itemCount: b.itemCount,
    duplicateCount: b.duplicateCount,
  }));
}
