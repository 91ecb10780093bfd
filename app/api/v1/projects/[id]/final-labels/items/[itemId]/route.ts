import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getAdjudicationItem } from "@/lib/server/final-labels/get-adjudication-item";
import { ZItemParams } from "@/lib/schemas/final-labels";

export const GET = apiRoute({ params: ZItemParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead"]);
  return getAdjudicationItem(params.id, params.itemId);
});
