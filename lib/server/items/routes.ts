import "server-only";
import * as endpoints from "@/lib/endpoints/items";
import { itemPolicy } from "@/lib/policies/items";
import { defineRoute } from "@/lib/server/api/define-route";
import { getItem } from "./get-item";
import { importUpload } from "./import-upload";
import { listBatches } from "./list-batches";
import { listItems } from "./list-items";

export const listItemsRoute = defineRoute(endpoints.listItems, {
  access: itemPolicy.list,
  handler: async ({ params, query }) => listItems(params.id, query),
});

export const importItemsRoute = defineRoute(endpoints.importItems, {
  access: itemPolicy.import,
  handler: async ({ caller, params, query, request }) => importUpload(params.id, caller.id, query, request),
});

export const getItemRoute = defineRoute(endpoints.getItem, {
  access: itemPolicy.read,
  handler: async ({ params }) => getItem(params.id, params.itemId),
});

export const listBatchesRoute = defineRoute(endpoints.listBatches, {
  access: itemPolicy.listBatches,
  handler: async ({ params }) => ({ batches: await listBatches(params.id) }),
});
