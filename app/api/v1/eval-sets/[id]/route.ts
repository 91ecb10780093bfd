import { apiRoute } from "@/lib/server/api/api-route";
import { getEvalSet } from "@/lib/server/eval-sets/get-eval-set";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { updateEvalSet } from "@/lib/server/eval-sets/update-eval-set";
import { ZEvalSetParams, ZUpdateEvalSetInput } from "@/lib/schemas/eval-sets";

export const GET = apiRoute({ params: ZEvalSetParams }, async ({ caller, params }) => {
  await requireEvalSet(caller, params.id, ["lead", "engineer"]);
  return getEvalSet(params.id);
});

export const PATCH = apiRoute(
  { params: ZEvalSetParams, body: ZUpdateEvalSetInput },
  async ({ caller, params, body }) => {
    const { evalSet } = await requireEvalSet(caller, params.id, ["lead"]);
    return updateEvalSet(evalSet, body);
  },
);
