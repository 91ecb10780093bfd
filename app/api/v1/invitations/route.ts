export { createInvitationRoute as POST } from "@/lib/server/invitations/routes";
