export { skipAssignmentRoute as POST } from "@/lib/server/queue/routes";
