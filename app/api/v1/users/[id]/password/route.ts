export { resetUserPasswordRoute as POST } from "@/lib/server/users/routes";
