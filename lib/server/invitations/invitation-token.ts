import "server-only";
import { createHash, randomBytes } from "node:crypto";

const PREFIX = "inv_";
/** How long a link stays open: long enough for a weekend, short enough that a lost link dies. */
export const INVITATION_DAYS = 7;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

// 256 random bits: one sha256 is enough, as for API tokens; a leaked table gives no usable link.
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a link opens. NEXTAUTH_URL names the public address; a request's own origin otherwise. */
export function invitationUrl(token: string, request: Request): string {
  const base = process.env.NEXTAUTH_URL || new URL(request.url).origin;
  return new URL(`/invite/${token}`, base).href;
}
