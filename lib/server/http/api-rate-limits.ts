import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { createTokenBuckets } from "@/lib/rate-limit/token-buckets";
import { clientAddress } from "@/lib/server/auth/client-address";

// Requests a minute, per API token and per client address, in each app process
// (docs/decisions/012-logs-and-rate-limits.md). 0 turns a limit off. The defaults leave the queue
// benchmark (50 annotators, ~1,000 claim+submit cycles/s from one address, ~40 requests/s a token)
// five times and twice as much room.
const ZLimits = z.object({
  CONCORD_RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).default(12_000),
  CONCORD_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(240_000),
});

export type TRateLimitVerdict =
  { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number; scope: "token" | "address" };

/** The API's rate limits; pages, assets and the health check (polled by load balancers) are not limited. */
export function createApiRateLimits(env: Record<string, string | undefined> = process.env) {
  const limits = ZLimits.parse({
    CONCORD_RATE_LIMIT_PER_TOKEN: env.CONCORD_RATE_LIMIT_PER_TOKEN || undefined,
    CONCORD_RATE_LIMIT_PER_ADDRESS: env.CONCORD_RATE_LIMIT_PER_ADDRESS || undefined,
  });
  const byToken = limits.CONCORD_RATE_LIMIT_PER_TOKEN
    ? createTokenBuckets(limits.CONCORD_RATE_LIMIT_PER_TOKEN)
    : null;
  const byAddress = limits.CONCORD_RATE_LIMIT_PER_ADDRESS
    ? createTokenBuckets(limits.CONCORD_RATE_LIMIT_PER_ADDRESS)
    : null;

  return function check(req: IncomingMessage, pathname: string): TRateLimitVerdict {
    if (!pathname.startsWith("/api/") || pathname === "/api/v1/health") return { isAllowed: true };
    // The address the client admission resolved (the socket's, or what a trusted proxy said:
    // admit-client.ts); the socket's where no admission ran. Never a header the client set itself.
    const address = clientAddress(req.headers) ?? req.socket.remoteAddress ?? "unknown";
    const byAddressVerdict = byAddress?.take(address);
    if (byAddressVerdict && !byAddressVerdict.isAllowed) return { ...byAddressVerdict, scope: "address" };
    const token = bearerToken(req.headers.authorization);
    if (token && byToken) {
      // Kept by a hash, so the process never holds a list of live tokens.
      const verdict = byToken.take(createHash("sha256").update(token).digest("base64url"));
      if (!verdict.isAllowed) return { ...verdict, scope: "token" };
    }
    return { isAllowed: true };
  };
}

function bearerToken(authorization: string | undefined): string | null {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  return match ? match[1] : null;
}
