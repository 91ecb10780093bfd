import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { TItemSummary, TItemsQuery } from "@/lib/schemas/items";

/** One page of a project's items in import order, keyset-paginated on the item id (no OFFSET scans). */
export async function listItems(
  projectId: string,
  query: TItemsQuery,
): Promise<{ items: TItemSummary[]; nextCursor: string | null }> {
  const rows = await db.item.findMany({
    where: {
      projectId,
      ...(query.batch ? { batchId: query.batch } : {}),
      ...(query.after ? { id: { gt: BigInt(query.after) } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: { id: true, externalId: true, batchId: true, priority: true, data: true, createdAt: true },
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      externalId: r.externalId,
      batchId: r.batchId,
      priority: r.priority,
      preview: previewOf(r.data),
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id.toString() : null,
  };
}

function previewOf(data: Prisma.JsonValue): string {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const firstText = Object.values(data).find((v) => typeof v === "string" && v.trim());
    if (typeof firstText === "string") return firstText.slice(0, 200);
  }
  return JSON.stringify(data).slice(0, 200);
}
