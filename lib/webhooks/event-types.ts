/** The events a hook can subscribe to: the contract's list, and campaign starts and item flags. */
export const WEBHOOK_EVENTS = [
  "item.completed",
  "batch.completed",
  "campaign.created",
  "campaign.completed",
  "item_flag.raised",
  "item_flag.answered",
  "eval_set.frozen",
  "agreement.drift_flagged",
  "definition.version_created",
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent by the "send test event" button only; no hook subscribes to it. */
export const TEST_EVENT = "webhook.test";
