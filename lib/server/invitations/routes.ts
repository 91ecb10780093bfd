import "server-only";
import * as endpoints from "@/lib/endpoints/invitations";
import { invitationPolicy } from "@/lib/policies/invitations";
import { defineRoute } from "@/lib/server/api/define-route";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { getInvitation } from "./get-invitation";

export const createInvitationRoute = defineRoute(endpoints.createInvitation, {
  access: invitationPolicy.create,
  handler: async ({ caller, body, request }) => createInvitation(caller.id, body, request),
});

export const createProjectInvitationRoute = defineRoute(endpoints.createProjectInvitation, {
  access: invitationPolicy.createForProject,
  handler: async ({ caller, body, params, request }) =>
    createInvitation(caller.id, { ...body, projectId: params.id }, request),
});

export const getInvitationRoute = defineRoute(endpoints.getInvitation, {
  access: invitationPolicy.read,
  handler: async ({ params }) => getInvitation(params.token),
});

export const acceptInvitationRoute = defineRoute(endpoints.acceptInvitation, {
  access: invitationPolicy.accept,
  handler: async ({ params, body }) => acceptInvitation(params.token, body),
});
