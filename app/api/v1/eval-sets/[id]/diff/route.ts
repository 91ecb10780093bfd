import { apiRoute } from "@/lib/server/api/api-route";
import { diffEvalSetVersions } from "@/lib/server/eval-sets/diff-eval-set-versions";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { ZDiffQuery, ZEvalSetParams } from "@/lib/schemas/eval-sets";

export const GET = apiRoute(
  { params: ZEvalSetParams, query: ZDiffQuery },
  async ({ caller, params, query }) => {
    await requireEvalSet(caller, params.id, ["lead", "engineer"]);
    return diffEvalSetVersions(params.id, query);
  },
);
