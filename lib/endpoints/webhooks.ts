import { z } from "zod";
import { ZProjectParams } from "@/lib/schemas/params";
import {
  ZCreateWebhookInput,
  ZCreatedWebhook,
  ZDeliveriesQuery,
  ZWebhook,
  ZWebhookDelivery,
  ZWebhookParams,
} from "@/lib/schemas/webhooks";
import { defineEndpoint } from "./define-endpoint";

export const listWebhooks = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/webhooks",
  tag: "webhooks",
  summary: "The project's webhooks (their secrets are never shown again)",
  params: ZProjectParams,
  responses: { 200: z.object({ webhooks: z.array(ZWebhook) }) },
});

export const createWebhook = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/webhooks",
  tag: "webhooks",
  summary:
    "Send events to a URL, signed per Standard Webhooks; the answer holds the secret, shown once. Loopback, private and link-local addresses are refused unless CONCORD_WEBHOOK_ALLOW_PRIVATE=1",
  params: ZProjectParams,
  body: ZCreateWebhookInput,
  responses: { 201: ZCreatedWebhook },
  errors: { 422: "The URL is not http(s), does not resolve, or resolves to a private address" },
  examples: {
    body: { url: "https://hooks.example.com/concord", events: ["eval_set.frozen", "item.completed"] },
  },
});

export const deleteWebhook = defineEndpoint({
  method: "DELETE",
  path: "/projects/{id}/webhooks/{hookId}",
  tag: "webhooks",
  summary: "Delete a webhook and its undelivered messages",
  params: ZWebhookParams,
  responses: { 204: null },
});

export const listWebhookDeliveries = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/webhooks/{hookId}/deliveries",
  tag: "webhooks",
  summary: "The hook's delivery log, newest first: state, attempts, response status and time",
  params: ZWebhookParams,
  query: ZDeliveriesQuery,
  responses: { 200: z.object({ deliveries: z.array(ZWebhookDelivery) }) },
  examples: { query: { limit: "50" } },
});

export const sendWebhookTestEvent = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/webhooks/{hookId}/test",
  tag: "webhooks",
  summary: "Queue a webhook.test message to this hook; it shows in the delivery log",
  params: ZWebhookParams,
  responses: { 202: z.object({ deliveryId: z.string(), messageId: z.string() }) },
});
