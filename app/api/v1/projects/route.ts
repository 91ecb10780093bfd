import { apiRoute } from "@/lib/server/api/api-route";
import { forbidden } from "@/lib/server/errors";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";
import { ZCreateProjectInput } from "@/lib/schemas/projects";

export const GET = apiRoute({}, async ({ caller }) => ({ projects: await listProjects(caller) }));

export const POST = apiRoute({ body: ZCreateProjectInput }, async ({ caller, body }) => {
  if (!caller.isAdmin) throw forbidden("Only admins can create projects.");
  return Response.json(await createProject(body), { status: 201 });
});
