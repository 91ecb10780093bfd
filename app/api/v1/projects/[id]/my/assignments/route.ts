export { listRecentSubmissionsRoute as GET } from "@/lib/server/queue/routes";
