import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { createLabelDefinition } from "@/lib/server/label-definitions/create-label-definition";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { ZLabelDefinitionInput } from "@/lib/schemas/label-definitions";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead", "engineer", "annotator"]);
  return { definitions: await listLabelDefinitions(params.id) };
});

export const POST = apiRoute(
  { params: ZProjectParams, body: ZLabelDefinitionInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return Response.json(await createLabelDefinition(params.id, body, caller.id), { status: 201 });
  },
);
