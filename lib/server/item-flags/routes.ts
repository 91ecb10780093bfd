import "server-only";
import * as endpoints from "@/lib/endpoints/item-flags";
import { itemFlagPolicy } from "@/lib/policies/item-flags";
import { defineRoute } from "@/lib/server/api/define-route";
import { answerItemFlag } from "./answer-item-flag";
import { createItemFlag } from "./create-item-flag";
import { listItemFlags } from "./list-item-flags";

export const createItemFlagRoute = defineRoute(endpoints.createItemFlag, {
  access: itemFlagPolicy.create,
  handler: async ({ caller, access, params, body }) =>
    createItemFlag({ id: caller.id, role: access.role }, params.id, params.itemId, body),
});

export const listItemFlagsRoute = defineRoute(endpoints.listItemFlags, {
  access: itemFlagPolicy.list,
  handler: async ({ params, query }) => ({ flags: await listItemFlags(params.id, { state: query.state }) }),
});

export const answerItemFlagRoute = defineRoute(endpoints.answerItemFlag, {
  access: itemFlagPolicy.answer,
  handler: async ({ caller, params, body }) =>
    answerItemFlag(params.id, params.flagId, body.answer, caller.id),
});

export const listMyItemFlagsRoute = defineRoute(endpoints.listMyItemFlags, {
  access: itemFlagPolicy.mine,
  handler: async ({ caller, params }) => ({ flags: await listItemFlags(params.id, { userId: caller.id }) }),
});
