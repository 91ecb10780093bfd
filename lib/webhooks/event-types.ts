/** The events a hook can subscribe to (the contract's list). */
export const WEBHOOK_EVENTS = [
  "item.completed",
  "batch.completed",
  "campaign.completed",
  "eval_set.frozen",
  "agreement.drift_flagged",
  "definition.version_created",
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent by the "send test event" button only; no hook subscribes to it. */
export const TEST_EVENT = "webhook.test";
