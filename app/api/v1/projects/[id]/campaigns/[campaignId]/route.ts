export { getCampaignRoute as GET } from "@/lib/server/campaigns/routes";
