import "server-only";
import * as endpoints from "@/lib/endpoints/eval-sets";
import { allows } from "@/lib/policies/access-rule";
import { evalSetPolicy } from "@/lib/policies/eval-sets";
import { defineRoute } from "@/lib/server/api/define-route";
import { forbidden } from "@/lib/server/errors";
import { createEvalSet } from "./create-eval-set";
import { diffEvalSetVersions } from "./diff-eval-set-versions";
import { exportResponse } from "./export-response";
import { findEvalSets } from "./find-eval-sets";
import { freezeEvalSet } from "./freeze-eval-set";
import { getEvalSet } from "./get-eval-set";
import { getEvalSetVersion } from "./get-eval-set-version";
import { getVersionLineage } from "./get-version-lineage";
import { listEvalSets } from "./list-eval-sets";
import { previewEvalSet } from "./preview-eval-set";
import { updateEvalSet } from "./update-eval-set";

export const listEvalSetsRoute = defineRoute(endpoints.listEvalSets, {
  access: evalSetPolicy.list,
  handler: async ({ params }) => ({ evalSets: await listEvalSets(params.id) }),
});

export const createEvalSetRoute = defineRoute(endpoints.createEvalSet, {
  access: evalSetPolicy.create,
  handler: async ({ caller, params, body }) => createEvalSet(params.id, body, caller.id),
});

export const previewEvalSetRoute = defineRoute(endpoints.previewEvalSet, {
  access: evalSetPolicy.preview,
  handler: async ({ params, body }) => previewEvalSet(params.id, body.filter),
});

export const findEvalSetsRoute = defineRoute(endpoints.findEvalSets, {
  access: evalSetPolicy.find,
  handler: async ({ caller, query }) => ({ evalSets: await findEvalSets(caller, query) }),
});

export const getEvalSetRoute = defineRoute(endpoints.getEvalSet, {
  access: evalSetPolicy.read,
  handler: async ({ params }) => getEvalSet(params.id),
});

export const updateEvalSetRoute = defineRoute(endpoints.updateEvalSet, {
  access: evalSetPolicy.edit,
  handler: async ({ caller, evalSet, body }) => updateEvalSet(evalSet, body, caller.id),
});

export const freezeEvalSetRoute = defineRoute(endpoints.freezeEvalSet, {
  access: evalSetPolicy.freeze,
  handler: async ({ caller, params, body }) =>
    freezeEvalSet(params.id, { id: caller.id, name: caller.name }, { override: body?.override }),
});

export const diffEvalSetVersionsRoute = defineRoute(endpoints.diffEvalSetVersions, {
  access: evalSetPolicy.diff,
  handler: async ({ params, query }) => diffEvalSetVersions(params.id, query),
});

export const getEvalSetVersionRoute = defineRoute(endpoints.getEvalSetVersion, {
  access: evalSetPolicy.readVersion,
  handler: async ({ params }) => {
    const {
      columns: _columns,
      evalSetName: _name,
      ...version
    } = await getEvalSetVersion(params.id, params.version);
    return version;
  },
});

export const exportEvalSetVersionRoute = defineRoute(endpoints.exportEvalSetVersion, {
  access: evalSetPolicy.export,
  handler: async ({ access, params, query, requestId }) => {
    // Label Studio and Prodigy files always carry the annotations.
    const hasAnnotations = query.annotations || query.format === "label-studio" || query.format === "prodigy";
    if (
      hasAnnotations &&
      query.annotators === "raw" &&
      !allows(evalSetPolicy.exportRealAnnotatorIds, access.role)
    ) {
      throw forbidden("Real annotator ids are for leads; engineers get pseudonyms.");
    }
    return exportResponse(await getEvalSetVersion(params.id, params.version), query, requestId);
  },
});

export const getVersionLineageRoute = defineRoute(endpoints.getVersionLineage, {
  access: evalSetPolicy.lineage,
  handler: async ({ params }) => getVersionLineage(params.id, params.version),
});
