import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { setFinalLabelRule } from "@/lib/server/final-labels/set-final-label-rule";
import { ZDefinitionKeyParams, ZFinalLabelRuleInput } from "@/lib/schemas/final-labels";

export const PUT = apiRoute(
  { params: ZDefinitionKeyParams, body: ZFinalLabelRuleInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return setFinalLabelRule(params.id, params.key, body, caller.id);
  },
);
