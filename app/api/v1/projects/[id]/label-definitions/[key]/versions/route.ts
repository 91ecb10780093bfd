import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { listDefinitionVersions } from "@/lib/server/label-definitions/list-definition-versions";
import { ZDefinitionParams } from "@/lib/schemas/label-definitions";

export const GET = apiRoute({ params: ZDefinitionParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead", "engineer"]);
  return { versions: await listDefinitionVersions(params.id, params.key) };
});
