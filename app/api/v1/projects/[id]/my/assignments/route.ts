export { listMyAssignmentsRoute as GET } from "@/lib/server/queue/routes";
