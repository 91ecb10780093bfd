import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZAgreementDetailQuery,
  ZAgreementDrift,
  ZAgreementOverview,
  ZDefinitionAgreement,
} from "@/lib/schemas/agreement";
import { op } from "./op";

const project = z.object({ id: z.uuid().meta({ description: "Project id" }) });
const definition = project.extend({ key: z.string().meta({ description: "Label definition key" }) });

export const agreementPaths: ZodOpenApiPathsObject = {
  "/projects/{id}/agreement": {
    get: op({
      summary:
        "Agreement per label definition (lead, engineer): one entry per version with labels and one over all versions " +
        "(version null), each with its metric, value, bootstrap 95% interval, items and annotators",
      tag: "agreement",
      path: project,
      ok: [200, ZAgreementOverview],
    }),
  },
  "/projects/{id}/agreement/definitions/{key}": {
    get: op({
      summary:
        "Drill-down for one definition (lead, engineer): per option, per annotator and annotator pair, the confusion " +
        "between annotators' labels, the items with the most disagreement. Engineers see pseudonyms.",
      tag: "agreement",
      path: definition,
      query: ZAgreementDetailQuery,
      ok: [200, ZDefinitionAgreement],
    }),
  },
  "/projects/{id}/agreement/drift": {
    get: op({
      summary:
        "Label drift (lead, engineer): per batch and per week, each definition's label distribution and agreement, " +
        "flagged when the distribution shifts (chi-square test) or agreement falls below the previous interval",
      tag: "agreement",
      path: project,
      ok: [200, ZAgreementDrift],
    }),
  },
};
