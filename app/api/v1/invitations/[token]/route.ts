export { getInvitationRoute as GET } from "@/lib/server/invitations/routes";
