import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/event-types";
import { webhookKey } from "@/lib/webhooks/sign-webhook";
import { asRule } from "./rule-issue";

export const ZWebhookParams = z.object({ id: z.uuid(), hookId: z.uuid() });

export const ZCreateWebhookInput = z
  .strictObject({
    url: z
      .string()
      .trim()
      .max(2000, "must be at most 2000 characters")
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
        } catch {
          return false;
        }
      }, asRule("must be an http(s) URL without credentials")),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1, "must name at least one event")
      .transform((events) => [...new Set(events)]),
    secret: z
      .string()
      .refine((s) => webhookKey(s) !== null, "must be whsec_ and 24 to 64 bytes in base64")
      .optional()
      .meta({ description: "Your own signing secret; one is generated when absent" }),
  })
  .meta({ id: "CreateWebhookInput" });
export type TCreateWebhookInput = z.infer<typeof ZCreateWebhookInput>;

export const ZCreatedWebhook = z
  .object({
    id: z.string(),
    secret: z.string().meta({ description: "Shown this once: the signing secret, whsec_<base64>" }),
  })
  .meta({ id: "CreatedWebhook" });

export const ZWebhook = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    pending: z.number().int().meta({ description: "Messages not yet delivered (retrying)" }),
    failed: z.number().int().meta({ description: "Messages given up after a day of retries" }),
  })
  .meta({ id: "Webhook" });
export type TWebhook = z.infer<typeof ZWebhook>;

export const ZWebhookDelivery = z
  .object({
    id: z.string(),
    messageId: z.string().meta({ description: "The webhook-id header: the same on every retry" }),
    event: z.string(),
    createdAt: z.string(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    responseMs: z.number().int().nullable(),
    error: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: "WebhookDelivery" });
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZDeliveriesQuery = z
  .strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) })
  .meta({ id: "WebhookDeliveriesQuery" });
