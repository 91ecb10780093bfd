import { z } from "zod";
import {
  ZCampaign,
  ZCampaignParams,
  ZCreateCampaignInput,
  ZCreatedCampaign,
  ZTransitions,
  ZTransitionsQuery,
  ZVersionImpact,
} from "@/lib/schemas/campaigns";
import { ZDefinitionParams } from "@/lib/schemas/label-definitions";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

export const createCampaign = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/campaigns",
  tag: "campaigns",
  summary:
    "Start a relabel campaign: the selected items go back into the queue for the definition's current version",
  params: ZProjectParams,
  body: ZCreateCampaignInput,
  responses: { 201: ZCreatedCampaign },
  errors: {
    409: "A campaign of that name exists",
    422: "An unknown definition, a selection that does not fit the project or holds no items, or items whose labels are already under the current version",
  },
  examples: {
    body: {
      name: "Sentiment v2 relabel",
      definitionKey: "sentiment",
      filter: { batches: ["0b6f0a7e-5d1c-4a55-9f57-1f1b2c3d4e5f"] },
      overlap: 3,
    },
  },
});

export const listCampaigns = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/campaigns",
  tag: "campaigns",
  summary: "The project's relabel campaigns with their progress, newest first",
  params: ZProjectParams,
  responses: { 200: z.object({ campaigns: z.array(ZCampaign) }) },
});

export const getCampaign = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/campaigns/{campaignId}",
  tag: "campaigns",
  summary: "One relabel campaign with its progress",
  params: ZCampaignParams,
  responses: { 200: ZCampaign },
});

export const getLabelTransitions = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/label-definitions/{key}/transitions",
  tag: "campaigns",
  summary:
    "Final labels old -> new: for items with a final label under both versions, how many moved from each value to each",
  params: ZDefinitionParams,
  query: ZTransitionsQuery,
  responses: { 200: ZTransitions },
  errors: { 422: "No such definition, or no such version of it" },
  examples: { query: { from: "1", to: "2" } },
});

export const getVersionImpact = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/label-definitions/{key}/impact",
  tag: "campaigns",
  summary: "How many items hold labels of the definition under each version",
  params: ZDefinitionParams,
  responses: { 200: ZVersionImpact },
});
