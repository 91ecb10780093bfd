import "server-only";
import * as endpoints from "@/lib/endpoints/audit";
import { auditPolicy } from "@/lib/policies/audit";
import { defineRoute } from "@/lib/server/api/define-route";
import { listAuditEvents } from "./list-audit-events";

export const listProjectAuditRoute = defineRoute(endpoints.listProjectAudit, {
  access: auditPolicy.listProject,
  handler: async ({ params, query }) => listAuditEvents(params.id, query),
});

export const listInstanceAuditRoute = defineRoute(endpoints.listInstanceAudit, {
  access: auditPolicy.listInstance,
  handler: async ({ query }) => listAuditEvents(null, query),
});
