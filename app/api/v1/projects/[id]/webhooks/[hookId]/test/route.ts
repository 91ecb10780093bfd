export { sendWebhookTestEventRoute as POST } from "@/lib/server/webhooks/routes";
