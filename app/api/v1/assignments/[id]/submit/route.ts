export { submitAssignmentRoute as POST } from "@/lib/server/queue/routes";
