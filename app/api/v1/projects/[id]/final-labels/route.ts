import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { listFinalLabels } from "@/lib/server/final-labels/list-final-labels";
import { ZFinalLabelsQuery } from "@/lib/schemas/final-labels";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute(
  { params: ZProjectParams, query: ZFinalLabelsQuery },
  async ({ caller, params, query }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return listFinalLabels(params.id, query);
  },
);
