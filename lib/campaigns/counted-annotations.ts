/**
 * Which of an item's annotations of one definition decide its final label, once relabel campaigns
 * exist (docs/decisions/018-campaign-queue.md). A campaign's relabels replace the earlier labels
 * when the campaign has all the annotations it asked for on that item; until then they do not count
 * (a half-done relabel should not flip a label on one vote), and the earlier labels stand.
 */
export type TCampaignMark = {
  /** null: ordinary work. */
  campaignId: string | null;
  /** The campaign reached its overlap on this item. */
  isCampaignDone: boolean;
  /** When the campaign started (ms): of two finished campaigns, the later one counts. */
  campaignStartedAt: number;
};

export function countedAnnotations<T extends TCampaignMark>(rows: readonly T[]): T[] {
  let latest: T | null = null;
  for (const row of rows) {
    if (row.campaignId === null || !row.isCampaignDone) continue;
    if (!latest || row.campaignStartedAt > latest.campaignStartedAt) latest = row;
  }
  const campaignId = latest?.campaignId ?? null;
  return rows.filter((row) => row.campaignId === campaignId);
}
