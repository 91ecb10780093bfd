export { updateMemberRoute as PATCH, removeMemberRoute as DELETE } from "@/lib/server/projects/routes";
