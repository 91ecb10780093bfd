export { getProjectRoute as GET, updateProjectRoute as PATCH } from "@/lib/server/projects/routes";
