import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new secret in the Standard Webhooks form: whsec_ and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

/** The HMAC key a whsec_ secret stands for (its base64 part, decoded), or null if it is not one. */
export function webhookKey(secret: string): Buffer | null {
  if (!secret.startsWith(PREFIX)) return null;
  const base64 = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const key = Buffer.from(base64, "base64");
  // Standard Webhooks asks for 24 to 64 bytes.
  return key.length >= 24 && key.length <= 64 ? key : null;
}

/** The headers of one delivery, per Standard Webhooks: v1,<base64 HMAC-SHA256 of "id.timestamp.body">. */
export function signWebhook(
  secret: string,
  message: { id: string; timestamp: number; body: string },
): Record<string, string> {
  const key = webhookKey(secret);
  if (!key) throw new Error("not a whsec_ secret");
  const signature = createHmac("sha256", key)
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest("base64");
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(message.timestamp),
    "webhook-signature": `v1,${signature}`,
  };
}
