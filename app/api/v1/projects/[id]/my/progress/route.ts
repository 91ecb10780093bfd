import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getMyProgress } from "@/lib/server/queue/get-my-progress";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["annotator", "lead"]);
  return getMyProgress(caller.id, params.id);
});
