export { createProjectInvitationRoute as POST } from "@/lib/server/invitations/routes";
