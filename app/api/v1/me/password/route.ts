export { changeMyPasswordRoute as POST } from "@/lib/server/users/routes";
