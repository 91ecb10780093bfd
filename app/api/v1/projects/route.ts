export { listProjectsRoute as GET, createProjectRoute as POST } from "@/lib/server/projects/routes";
