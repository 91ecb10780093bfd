import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { createEvalSet } from "@/lib/server/eval-sets/create-eval-set";
import { listEvalSets } from "@/lib/server/eval-sets/list-eval-sets";
import { ZCreateEvalSetInput } from "@/lib/schemas/eval-sets";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead", "engineer"]);
  return { evalSets: await listEvalSets(params.id) };
});

export const POST = apiRoute(
  { params: ZProjectParams, body: ZCreateEvalSetInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return Response.json(await createEvalSet(params.id, body, caller.id), { status: 201 });
  },
);
