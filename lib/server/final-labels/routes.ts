import "server-only";
import * as endpoints from "@/lib/endpoints/final-labels";
import { finalLabelPolicy } from "@/lib/policies/final-labels";
import { defineRoute } from "@/lib/server/api/define-route";
import { acceptMajorities } from "./accept-majorities";
import { adjudicateItem } from "./adjudicate-item";
import { getAdjudicationItem } from "./get-adjudication-item";
import { getGoldAccuracy } from "./get-gold-accuracy";
import { listFinalLabelRules } from "./list-final-label-rules";
import { listFinalLabels } from "./list-final-labels";
import { previewMajorityAccept } from "./preview-majority-accept";
import { saveItemDecisions } from "./save-item-decisions";
import { setFinalLabelRule } from "./set-final-label-rule";

export const listFinalLabelsRoute = defineRoute(endpoints.listFinalLabels, {
  access: finalLabelPolicy.list,
  handler: async ({ params, query }) => listFinalLabels(params.id, query),
});

export const listFinalLabelRulesRoute = defineRoute(endpoints.listFinalLabelRules, {
  access: finalLabelPolicy.listRules,
  handler: async ({ params }) => ({ rules: await listFinalLabelRules(params.id) }),
});

export const setFinalLabelRuleRoute = defineRoute(endpoints.setFinalLabelRule, {
  access: finalLabelPolicy.setRule,
  handler: async ({ caller, params, body }) => setFinalLabelRule(params.id, params.key, body, caller.id),
});

export const getAdjudicationItemRoute = defineRoute(endpoints.getAdjudicationItem, {
  access: finalLabelPolicy.readItem,
  handler: async ({ params }) => getAdjudicationItem(params.id, params.itemId),
});

export const adjudicateItemRoute = defineRoute(endpoints.adjudicateItem, {
  access: finalLabelPolicy.adjudicate,
  handler: async ({ caller, params, body }) =>
    adjudicateItem({ projectId: params.id, itemId: params.itemId, userId: caller.id, decision: body }),
});

export const saveItemDecisionsRoute = defineRoute(endpoints.saveItemDecisions, {
  access: finalLabelPolicy.adjudicate,
  handler: async ({ caller, params, body }) =>
    saveItemDecisions({ projectId: params.id, itemId: params.itemId, userId: caller.id, body }),
});

export const previewMajorityAcceptRoute = defineRoute(endpoints.previewMajorityAccept, {
  access: finalLabelPolicy.list,
  handler: async ({ params, query }) => previewMajorityAccept(params.id, query),
});

export const acceptMajoritiesRoute = defineRoute(endpoints.acceptMajorities, {
  access: finalLabelPolicy.adjudicate,
  handler: async ({ caller, params, body }) =>
    acceptMajorities({ projectId: params.id, userId: caller.id, body }),
});

export const getGoldAccuracyRoute = defineRoute(endpoints.getGoldAccuracy, {
  access: finalLabelPolicy.goldAccuracy,
  handler: async ({ params }) => getGoldAccuracy(params.id),
});
