export { listMembersRoute as GET, addMemberRoute as POST } from "@/lib/server/projects/routes";
