export { deleteWebhookRoute as DELETE } from "@/lib/server/webhooks/routes";
