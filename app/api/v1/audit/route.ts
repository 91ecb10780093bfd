export { listInstanceAuditRoute as GET } from "@/lib/server/audit/routes";
