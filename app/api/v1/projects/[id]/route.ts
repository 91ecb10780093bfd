import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getProject } from "@/lib/server/projects/get-project";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  const access = await requireProjectRole(caller, params.id, ["lead", "annotator", "engineer"]);
  return getProject(access);
});
