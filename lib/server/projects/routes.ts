import "server-only";
import * as endpoints from "@/lib/endpoints/projects";
import { projectPolicy } from "@/lib/policies/projects";
import { defineRoute } from "@/lib/server/api/define-route";
import { addMember } from "./add-member";
import { createProject } from "./create-project";
import { getProject } from "./get-project";
import { listMembers } from "./list-members";
import { listProjects } from "./list-projects";
import { updateProject } from "./update-project";

export const listProjectsRoute = defineRoute(endpoints.listProjects, {
  access: projectPolicy.list,
  handler: async ({ caller }) => ({ projects: await listProjects(caller) }),
});

export const createProjectRoute = defineRoute(endpoints.createProject, {
  access: projectPolicy.create,
  handler: async ({ body }) => createProject(body),
});

export const getProjectRoute = defineRoute(endpoints.getProject, {
  access: projectPolicy.read,
  handler: async ({ access }) => getProject(access),
});

export const updateProjectRoute = defineRoute(endpoints.updateProject, {
  access: projectPolicy.edit,
  handler: async ({ access, body }) => updateProject(access, body),
});

export const listMembersRoute = defineRoute(endpoints.listMembers, {
  access: projectPolicy.listMembers,
  handler: async ({ params }) => ({ members: await listMembers(params.id) }),
});

export const addMemberRoute = defineRoute(endpoints.addMember, {
  access: projectPolicy.addMember,
  handler: async ({ caller, params, body }) => addMember(params.id, body, caller.id),
});
