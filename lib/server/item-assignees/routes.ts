import "server-only";
import * as endpoints from "@/lib/endpoints/item-assignees";
import { itemAssigneePolicy } from "@/lib/policies/item-assignees";
import { defineRoute } from "@/lib/server/api/define-route";
import { assignItems } from "./assign-items";
import { listItemAssignees } from "./list-item-assignees";
import { releaseItems } from "./release-items";

export const listItemAssigneesRoute = defineRoute(endpoints.listItemAssignees, {
  access: itemAssigneePolicy.list,
  handler: async ({ params }) => listItemAssignees(params.id),
});

export const assignItemsRoute = defineRoute(endpoints.assignItems, {
  access: itemAssigneePolicy.assign,
  maxBodyBytes: 4_000_000,
  handler: async ({ params, body }) => assignItems(params.id, body),
});

export const releaseItemsRoute = defineRoute(endpoints.releaseItems, {
  access: itemAssigneePolicy.release,
  maxBodyBytes: 4_000_000,
  handler: async ({ params, body }) => releaseItems(params.id, body),
});
