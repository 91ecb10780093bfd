import { apiRoute } from "@/lib/server/api/api-route";
import { freezeEvalSet } from "@/lib/server/eval-sets/freeze-eval-set";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { ZEvalSetParams } from "@/lib/schemas/eval-sets";

export const POST = apiRoute({ params: ZEvalSetParams }, async ({ caller, params }) => {
  await requireEvalSet(caller, params.id, ["lead"]);
  const version = await freezeEvalSet(params.id, { id: caller.id, name: caller.name });
  return Response.json(version, { status: 201 });
});
