import "server-only";
import * as endpoints from "@/lib/endpoints/projects";
import { projectPolicy } from "@/lib/policies/projects";
import { defineRoute } from "@/lib/server/api/define-route";
import { addMember } from "./add-member";
import { createProject } from "./create-project";
import { getProject } from "./get-project";
import { listMembers } from "./list-members";
import { listProjects } from "./list-projects";
import { removeMember } from "./remove-member";
import { updateMember } from "./update-member";
import { updateProject } from "./update-project";

export const listProjectsRoute = defineRoute(endpoints.listProjects, {
  access: projectPolicy.list,
  handler: async ({ caller }) => ({ projects: await listProjects(caller) }),
});

export const createProjectRoute = defineRoute(endpoints.createProject, {
  access: projectPolicy.create,
  handler: async ({ caller, body }) => createProject(caller, body),
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
  handler: async ({ params, query }) => listMembers(params.id, query),
});

export const updateMemberRoute = defineRoute(endpoints.updateMember, {
  access: projectPolicy.updateMember,
  handler: async ({ caller, params, body }) => updateMember(params.id, params.userId, body, caller.id),
});

export const removeMemberRoute = defineRoute(endpoints.removeMember, {
  access: projectPolicy.removeMember,
  handler: async ({ params }) => removeMember(params.id, params.userId),
});

export const addMemberRoute = defineRoute(endpoints.addMember, {
  access: projectPolicy.addMember,
  handler: async ({ caller, params, body }) => addMember(params.id, body, caller.id),
});
