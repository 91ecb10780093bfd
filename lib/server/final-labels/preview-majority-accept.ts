import "server-only";
import { getPool } from "@/lib/db";
import type { TMajorityFilter, TMajorityPreview } from "@/lib/schemas/final-labels";
import { findMajorityItems } from "./find-majority-items";

const SAMPLE_SIZE = 10;

/** What accepting the majority values would decide: how many items, and the first few. */
export async function previewMajorityAccept(
  projectId: string,
  filter: TMajorityFilter,
): Promise<TMajorityPreview> {
  const { items } = await findMajorityItems(getPool(), projectId, filter);
  return {
    count: items.length,
    sample: items
      .slice(0, SAMPLE_SIZE)
      .map(({ text, ...item }) => ({ ...item, text: text?.slice(0, 2000) ?? null })),
  };
}
