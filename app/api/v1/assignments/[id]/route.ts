export { getAssignmentRoute as GET } from "@/lib/server/queue/routes";
