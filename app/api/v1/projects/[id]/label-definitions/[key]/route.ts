import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { updateLabelDefinition } from "@/lib/server/label-definitions/update-label-definition";
import { ZDefinitionParams, ZLabelDefinitionInput } from "@/lib/schemas/label-definitions";

export const PUT = apiRoute(
  { params: ZDefinitionParams, body: ZLabelDefinitionInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    const { definition } = await updateLabelDefinition(params.id, params.key, body, caller.id);
    return definition;
  },
);
