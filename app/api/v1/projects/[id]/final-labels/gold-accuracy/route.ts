import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getGoldAccuracy } from "@/lib/server/final-labels/get-gold-accuracy";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead"]);
  return getGoldAccuracy(params.id);
});
