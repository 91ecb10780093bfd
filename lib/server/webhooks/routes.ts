import "server-only";
import * as endpoints from "@/lib/endpoints/webhooks";
import { webhookPolicy } from "@/lib/policies/webhooks";
import { defineRoute } from "@/lib/server/api/define-route";
import { createWebhook } from "./create-webhook";
import { deleteWebhook } from "./delete-webhook";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { listWebhooks } from "./list-webhooks";
import { sendTestEvent } from "./send-test-event";

export const listWebhooksRoute = defineRoute(endpoints.listWebhooks, {
  access: webhookPolicy.list,
  handler: async ({ params }) => ({ webhooks: await listWebhooks(params.id) }),
});

export const createWebhookRoute = defineRoute(endpoints.createWebhook, {
  access: webhookPolicy.create,
  handler: async ({ caller, params, body }) => createWebhook(params.id, body, caller),
});

export const deleteWebhookRoute = defineRoute(endpoints.deleteWebhook, {
  access: webhookPolicy.delete,
  handler: async ({ caller, params }) => deleteWebhook(params.id, params.hookId, caller),
});

export const listWebhookDeliveriesRoute = defineRoute(endpoints.listWebhookDeliveries, {
  access: webhookPolicy.deliveries,
  handler: async ({ params, query }) => ({
    deliveries: await listWebhookDeliveries(params.id, params.hookId, query.limit),
  }),
});

export const sendWebhookTestEventRoute = defineRoute(endpoints.sendWebhookTestEvent, {
  access: webhookPolicy.test,
  handler: async ({ caller, params }) => sendTestEvent(params.id, params.hookId, caller),
});
