export { listWebhooksRoute as GET, createWebhookRoute as POST } from "@/lib/server/webhooks/routes";
