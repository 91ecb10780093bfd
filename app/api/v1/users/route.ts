export { listUsersRoute as GET, createUserRoute as POST } from "@/lib/server/users/routes";
