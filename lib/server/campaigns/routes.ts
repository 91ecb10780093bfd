import "server-only";
import * as endpoints from "@/lib/endpoints/campaigns";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { defineRoute } from "@/lib/server/api/define-route";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import { getLabelTransitions } from "./get-label-transitions";
import { getVersionImpact } from "./get-version-impact";
import { listCampaigns } from "./list-campaigns";

export const createCampaignRoute = defineRoute(endpoints.createCampaign, {
  access: campaignPolicy.create,
  handler: async ({ caller, params, body }) => createCampaign(params.id, body, caller.id),
});

export const listCampaignsRoute = defineRoute(endpoints.listCampaigns, {
  access: campaignPolicy.list,
  handler: async ({ params }) => ({ campaigns: await listCampaigns(params.id) }),
});

export const getCampaignRoute = defineRoute(endpoints.getCampaign, {
  access: campaignPolicy.read,
  handler: async ({ params }) => getCampaign(params.id, params.campaignId),
});

export const getLabelTransitionsRoute = defineRoute(endpoints.getLabelTransitions, {
  access: campaignPolicy.transitions,
  handler: async ({ params, query }) => getLabelTransitions(params.id, params.key, query),
});

export const getVersionImpactRoute = defineRoute(endpoints.getVersionImpact, {
  access: campaignPolicy.versionImpact,
  handler: async ({ params }) => getVersionImpact(params.id, params.key),
});
