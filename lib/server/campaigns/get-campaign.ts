import "server-only";
import type { TCampaign } from "@/lib/schemas/campaigns";
import { notFound } from "@/lib/server/errors";
import { listCampaigns } from "./list-campaigns";

/** One campaign of the project with its progress; 404 when it is not the project's. */
export async function getCampaign(projectId: string, campaignId: string): Promise<TCampaign> {
  const [campaign] = await listCampaigns(projectId, campaignId);
  if (!campaign) throw notFound("Campaign");
  return campaign;
}
