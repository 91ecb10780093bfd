import { apiRoute } from "@/lib/server/api/api-route";
import { getAgreementOverview } from "@/lib/server/agreement/get-agreement-overview";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead", "engineer"]);
  return getAgreementOverview(params.id);
});
