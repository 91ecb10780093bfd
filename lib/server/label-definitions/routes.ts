import "server-only";
import * as endpoints from "@/lib/endpoints/label-definitions";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { defineRoute } from "@/lib/server/api/define-route";
import { createLabelDefinition } from "./create-label-definition";
import { listDefinitionVersions } from "./list-definition-versions";
import { listLabelDefinitions } from "./list-label-definitions";
import { updateLabelDefinition } from "./update-label-definition";

export const listLabelDefinitionsRoute = defineRoute(endpoints.listLabelDefinitions, {
  access: labelDefinitionPolicy.list,
  handler: async ({ params }) => ({ definitions: await listLabelDefinitions(params.id) }),
});

export const createLabelDefinitionRoute = defineRoute(endpoints.createLabelDefinition, {
  access: labelDefinitionPolicy.create,
  handler: async ({ caller, params, body }) => createLabelDefinition(params.id, body, caller.id),
});

export const updateLabelDefinitionRoute = defineRoute(endpoints.updateLabelDefinition, {
  access: labelDefinitionPolicy.edit,
  handler: async ({ caller, params, body }) =>
    (await updateLabelDefinition(params.id, params.key, body, caller.id)).definition,
});

export const listLabelDefinitionVersionsRoute = defineRoute(endpoints.listLabelDefinitionVersions, {
  access: labelDefinitionPolicy.listVersions,
  handler: async ({ params }) => ({ versions: await listDefinitionVersions(params.id, params.key) }),
});
