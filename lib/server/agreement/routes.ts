import "server-only";
import * as endpoints from "@/lib/endpoints/agreement";
import { allows } from "@/lib/policies/access-rule";
import { agreementPolicy } from "@/lib/policies/agreement";
import { defineRoute } from "@/lib/server/api/define-route";
import { getAgreementDrift } from "./get-agreement-drift";
import { getAgreementOverview } from "./get-agreement-overview";
import { getDefinitionAgreement } from "./get-definition-agreement";

export const getAgreementOverviewRoute = defineRoute(endpoints.getAgreementOverview, {
  access: agreementPolicy.overview,
  handler: async ({ params }) => getAgreementOverview(params.id),
});

export const getDefinitionAgreementRoute = defineRoute(endpoints.getDefinitionAgreement, {
  access: agreementPolicy.detail,
  handler: async ({ access, params, query }) =>
    getDefinitionAgreement(
      params.id,
      params.key,
      query.version === "all" ? null : query.version,
      allows(agreementPolicy.seeAnnotatorNames, access.role),
    ),
});

export const getAgreementDriftRoute = defineRoute(endpoints.getAgreementDrift, {
  access: agreementPolicy.drift,
  handler: async ({ params }) => getAgreementDrift(params.id),
});
