import { apiRoute } from "@/lib/server/api/api-route";
import { getDefinitionAgreement } from "@/lib/server/agreement/get-definition-agreement";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { ZAgreementDetailQuery, ZAgreementKeyParams } from "@/lib/schemas/agreement";

export const GET = apiRoute(
  { params: ZAgreementKeyParams, query: ZAgreementDetailQuery },
  async ({ caller, params, query }) => {
    const access = await requireProjectRole(caller, params.id, ["lead", "engineer"]);
    const version = query.version === "all" ? null : query.version;
    return getDefinitionAgreement(params.id, params.key, version, access.role !== "engineer");
  },
);
