export { listWebhookDeliveriesRoute as GET } from "@/lib/server/webhooks/routes";
