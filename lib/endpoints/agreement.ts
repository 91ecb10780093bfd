import { ZAgreementDetailQuery, ZAgreementKeyParams, ZAgreementOverview } from "@/lib/schemas/agreement";
import { ZDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import { ZAgreementDrift } from "@/lib/schemas/agreement-drift";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

export const getAgreementOverview = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/agreement",
  tag: "agreement",
  summary:
    "Agreement per label definition: one entry per version with labels and one over all versions " +
    "(version null), each with its metric, value, bootstrap 95% interval, items and annotators",
  params: ZProjectParams,
  responses: { 200: ZAgreementOverview },
});

export const getDefinitionAgreement = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/agreement/definitions/{key}",
  tag: "agreement",
  summary:
    "Drill-down for one definition: per option, per annotator and annotator pair, the confusion " +
    "between annotators' labels, the items with the most disagreement. Engineers see pseudonyms.",
  params: ZAgreementKeyParams,
  query: ZAgreementDetailQuery,
  responses: { 200: ZDefinitionAgreement },
  examples: { query: { version: "2" } },
});

export const getAgreementDrift = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/agreement/drift",
  tag: "agreement",
  summary:
    "Label drift: per batch and per week, each definition's label distribution and agreement, " +
    "flagged when the distribution shifts (chi-square test) or agreement falls below the previous interval",
  params: ZProjectParams,
  responses: { 200: ZAgreementDrift },
});
