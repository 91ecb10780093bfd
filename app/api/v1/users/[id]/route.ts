export { updateUserRoute as PATCH } from "@/lib/server/users/routes";
