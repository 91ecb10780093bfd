import "server-only";
import { signWebhook } from "@/lib/webhooks/sign-webhook";
import { postWebhook, type TPostResult } from "./post-webhook";
import { resolveWebhookTarget, type TResolver } from "./resolve-webhook-target";

export type TMessage = { eventId: string; payload: unknown; url: string; secret: string };

/**
 * One attempt at one message: the URL's host is resolved and checked again now (DNS may have
 * changed since the hook was made), then the message is sent, signed, to the address checked.
 */
export async function deliverWebhookMessage(
  message: TMessage,
  options: { resolve: TResolver; timeoutMs: number },
): Promise<TPostResult> {
  const url = new URL(message.url);
  const target = await resolveWebhookTarget(url, options.resolve);
  if ("refused" in target) return { status: null, durationMs: 0, error: `refused: ${target.refused}` };
  const body = JSON.stringify(message.payload);
  const headers = signWebhook(message.secret, {
    id: message.eventId,
    timestamp: Math.floor(Date.now() / 1000),
    body,
  });
  return postWebhook({ url, ...target, headers, body, timeoutMs: options.timeoutMs });
}
