import { z } from "zod";
import {
  ZAdjudication,
  ZAdjudicationInput,
  ZAdjudicationItem,
  ZDefinitionKeyParams,
  ZFinalLabelRule,
  ZFinalLabelRuleInput,
  ZFinalLabelsPage,
  ZFinalLabelsQuery,
  ZGoldAccuracy,
  ZItemDecisions,
  ZItemDecisionsInput,
  ZItemParams,
  ZMajorityAccept,
  ZMajorityAccepted,
  ZMajorityFilterQuery,
  ZMajorityPreview,
} from "@/lib/schemas/final-labels";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

export const listFinalLabels = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/final-labels",
  tag: "final labels",
  summary: "Items with their final labels; state=unresolved is the adjudication queue",
  params: ZProjectParams,
  query: ZFinalLabelsQuery,
  responses: { 200: ZFinalLabelsPage },
  errors: { 422: "There is no such label definition" },
  examples: { query: { state: "unresolved", definition: "sentiment", limit: "50" } },
});

export const listFinalLabelRules = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/final-labels/rules",
  tag: "final labels",
  summary: "How each definition's final labels are decided",
  params: ZProjectParams,
  responses: { 200: z.object({ rules: z.array(ZFinalLabelRule) }) },
});

export const setFinalLabelRule = defineEndpoint({
  method: "PUT",
  path: "/projects/{id}/final-labels/rules/{key}",
  tag: "final labels",
  summary: "Set a definition's final-label rule",
  params: ZDefinitionKeyParams,
  body: ZFinalLabelRuleInput,
  responses: { 200: ZFinalLabelRule },
  examples: { body: { kind: "majority", minShare: 0.6 } },
});

export const getAdjudicationItem = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/final-labels/items/{itemId}",
  tag: "final labels",
  summary: "An item's annotations side by side, final labels and decisions so far",
  params: ZItemParams,
  responses: { 200: ZAdjudicationItem },
});

export const adjudicateItem = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/final-labels/items/{itemId}/adjudications",
  tag: "final labels",
  summary: "Decide an item's final value for one definition, optionally as gold; append-only",
  params: ZItemParams,
  body: ZAdjudicationInput,
  responses: { 201: ZAdjudication },
  errors: { 422: "No such definition, or the value does not fit it" },
  examples: { body: { definition: "sentiment", value: "neg", note: "sarcasm", isGold: true } },
});

export const saveItemDecisions = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/final-labels/items/{itemId}/decisions",
  tag: "final labels",
  summary: "Decide an item's final values for several definitions at once: all are saved, or none",
  params: ZItemParams,
  body: ZItemDecisionsInput,
  responses: { 201: ZItemDecisions },
  errors: { 422: "No such definition, or a value does not fit its definition (the path names its key)" },
  examples: {
    body: {
      decisions: {
        sentiment: { value: "neg", note: "sarcasm" },
        toxicity: { value: [{ start: 12, end: 20, label: "insult" }], isGold: true },
      },
    },
  },
});

export const previewMajorityAccept = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/final-labels/majorities",
  tag: "final labels",
  summary:
    "Preview a bulk accept: how many review-queue items have a majority value for a definition, and a sample",
  params: ZProjectParams,
  query: ZMajorityFilterQuery,
  responses: { 200: ZMajorityPreview },
  errors: { 422: "There is no such label definition" },
  examples: { query: { definition: "sentiment", minCount: "2" } },
});

export const acceptMajorities = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/final-labels/majorities/accept",
  tag: "final labels",
  summary: "Decide every previewed item as its majority value, in one transaction",
  params: ZProjectParams,
  body: ZMajorityAccept,
  responses: { 201: ZMajorityAccepted },
  errors: {
    409: "The set has changed since the preview (expectedCount); nothing was saved",
    422: "There is no such label definition",
  },
  examples: { body: { definition: "sentiment", minCount: 2, expectedCount: 12 } },
});

export const getGoldAccuracy = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/final-labels/gold-accuracy",
  tag: "final labels",
  summary: "Each annotator's accuracy on gold items, per definition",
  params: ZProjectParams,
  responses: { 200: ZGoldAccuracy },
});
