export { listProjectAuditRoute as GET } from "@/lib/server/audit/routes";
