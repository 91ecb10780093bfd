import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import type { TItem } from "@/lib/schemas/items";

export async function getItem(projectId: string, itemId: string): Promise<TItem> {
  if (!/^\d{1,19}$/.test(itemId)) throw notFound("Item");
  const item = await db.item.findFirst({ where: { id: BigInt(itemId), projectId } });
  if (!item) throw notFound("Item");
  return {
    id: item.id.toString(),
    externalId: item.externalId,
    batchId: item.batchId,
    priority: item.priority,
    data: item.data as Record<string, unknown>,
    predictions: (item.predictions as Record<string, unknown> | null) ?? null,
    contentHash: item.contentHash,
    createdAt: item.createdAt.toISOString(),
  };
}
