import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { ZBigintId } from "./common";

export const ZAuditQuery = z
  .object({
    /** The nextCursor of the previous page: events older than it. */
    after: ZBigintId("must be an audit event id").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.uuid({ message: "must be a user id" }).optional(),
    from: z.iso.date({ message: "must be a date (YYYY-MM-DD)" }).optional(),
    to: z.iso.date({ message: "must be a date (YYYY-MM-DD)" }).optional(),
  })
  .strict();
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEvent" });
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({
  events: z.array(ZAuditEvent),
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
