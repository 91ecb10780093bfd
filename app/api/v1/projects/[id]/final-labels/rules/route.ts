import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { listFinalLabelRules } from "@/lib/server/final-labels/list-final-label-rules";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead", "engineer"]);
  return { rules: await listFinalLabelRules(params.id) };
});
