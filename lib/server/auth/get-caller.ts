import "server-only";
import { headers } from "next/headers";
import { getPool } from "@/lib/db";
import { unauthorized } from "@/lib/server/errors";
import { hashApiToken } from "./api-tokens";
import { cachedCaller } from "./caller-cache";
import { readSession, type TSession } from "./session-token";

export type TCaller = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  via: "session" | "token";
};

/** Who is asking: the Bearer token when one is sent (a bad one is a 401, never a fallback), else the session. */
export async function getCaller(request?: Request): Promise<TCaller | null> {
  const authorization = request?.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthorized("The Authorization header must be `Bearer <token>`.");
    return callerFromToken(match[1]);
  }
  // Route handlers read the cookie off the request; server components, which have none, off the
  // incoming headers.
  const session = await readSession(request ? request.headers : await headers());
  if (!session) return null;
  // Every page and every browser call asks this: cached like token callers, and dropped everywhere
  // the moment the user's session version moves on (sign-out, password change or reset).
  return cachedCaller(`session:${session.userId}:${session.version}`, () => loadSessionCaller(session));
}

async function loadSessionCaller(session: TSession): Promise<TCaller | null> {
  const { rows } = await getPool().query<{ id: string; email: string; name: string; is_admin: boolean }>(
    `SELECT id, email, name, is_admin FROM users
      WHERE id = $1 AND session_version = $2 AND disabled_at IS NULL`,
    [session.userId, session.version],
  );
  const row = rows[0];
  return row ? { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin, via: "session" } : null;
}

async function callerFromToken(token: string): Promise<TCaller> {
  if (token.length > 200) throw unauthorized("The API token is not valid.");
  const tokenHash = hashApiToken(token);
  // Every API call made with a token asks this (the queue's hot path): cached per process, and
  // dropped everywhere the moment a token is revoked or a user disabled (see caller-cache.ts).
  return cachedCaller(tokenHash, () => loadTokenCaller(tokenHash));
}

async function loadTokenCaller(tokenHash: string): Promise<TCaller> {
  const { rows } = await getPool().query<{
    token_id: string;
    last_used_at: Date | null;
    id: string;
    email: string;
    name: string;
    is_admin: boolean;
  }>(
    `SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name, u.is_admin
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) throw unauthorized("The API token is not valid or was revoked.");
  // Touch last_used_at at most once a minute: a write per request would be a hot-row bottleneck.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await getPool().query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.token_id]);
  }
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin, via: "token" };
}

export async function requireCaller(request?: Request): Promise<TCaller> {
  const caller = await getCaller(request);
  if (!caller) throw unauthorized();
  return caller;
}
