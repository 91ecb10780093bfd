import "server-only";
import { createWebhookWorker } from "./webhook-worker";

/**
 * Every app process delivers webhooks (the outbox's claims keep them from sending a message
 * twice), so there is no separate service to run. CONCORD_WEBHOOK_WORKER=0 turns it off here.
 */
export function startWebhookWorker(): void {
  const globalFlag = globalThis as unknown as { concordWebhookWorker?: boolean };
  if (globalFlag.concordWebhookWorker || !process.env.DATABASE_URL) return;
  if (process.env.CONCORD_WEBHOOK_WORKER === "0") return;
  globalFlag.concordWebhookWorker = true;
  createWebhookWorker().start();
}
