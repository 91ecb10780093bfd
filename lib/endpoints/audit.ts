import { ZAuditPage, ZAuditQuery } from "@/lib/schemas/audit";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

export const listProjectAudit = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/audit",
  tag: "audit",
  summary: "The project's audit trail, newest first; pass nextCursor as `after` for the next page",
  params: ZProjectParams,
  query: ZAuditQuery,
  responses: { 200: ZAuditPage },
  examples: { query: { limit: "50", action: "eval_set.frozen", from: "2026-12-01" } },
});

export const listInstanceAudit = defineEndpoint({
  method: "GET",
  path: "/audit",
  tag: "audit",
  summary: "Every audit event, instance-wide ones (users, tokens) included, newest first",
  query: ZAuditQuery,
  responses: { 200: ZAuditPage },
  examples: { query: { limit: "50", action: "token.created" } },
});
