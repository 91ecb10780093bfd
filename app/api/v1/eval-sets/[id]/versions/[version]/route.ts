import { apiRoute } from "@/lib/server/api/api-route";
import { getEvalSetVersion } from "@/lib/server/eval-sets/get-eval-set-version";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { ZVersionParams } from "@/lib/schemas/eval-sets";

export const GET = apiRoute({ params: ZVersionParams }, async ({ caller, params }) => {
  await requireEvalSet(caller, params.id, ["lead", "engineer"]);
  const {
    columns: _columns,
    evalSetName: _name,
    ...version
  } = await getEvalSetVersion(params.id, params.version);
  return version;
});
