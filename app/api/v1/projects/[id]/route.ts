import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getProject } from "@/lib/server/projects/get-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { ZUpdateProjectInput } from "@/lib/schemas/projects";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  const access = await requireProjectRole(caller, params.id, ["lead", "annotator", "engineer"]);
  return getProject(access);
});

export const PATCH = apiRoute(
  { params: ZProjectParams, body: ZUpdateProjectInput },
  async ({ caller, params, body }) => {
    const access = await requireProjectRole(caller, params.id, ["lead"]);
    return updateProject(access, body);
  },
);
