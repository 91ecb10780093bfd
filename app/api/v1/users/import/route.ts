export { importUsersRoute as POST } from "@/lib/server/users/routes";
