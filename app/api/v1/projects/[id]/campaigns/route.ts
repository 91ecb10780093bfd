export { listCampaignsRoute as GET, createCampaignRoute as POST } from "@/lib/server/campaigns/routes";
