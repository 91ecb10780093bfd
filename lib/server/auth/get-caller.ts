import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { unauthorized } from "@/lib/server/errors";
import { authOptions } from "./auth-options";
import { hashApiToken } from "./api-tokens";

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
  const id = request ? await sessionUserIdFromRequest(request) : await sessionUserIdFromContext();
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: "session" };
}

// Route handlers read the session cookie off the request itself; server components, which have no
// request object, go through next-auth's getServerSession.
async function sessionUserIdFromRequest(request: Request): Promise<string | null> {
  if (!request.headers.get("cookie")) return null;
  const token = await getToken({
    req: new NextRequest(request.url, { headers: request.headers }),
    secret: process.env.NEXTAUTH_SECRET,
  });
  return token?.sub ?? null;
}

async function sessionUserIdFromContext(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

async function callerFromToken(token: string): Promise<TCaller> {
  if (token.length > 200) throw unauthorized("The API token is not valid.");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: true },
  });
  if (!row || row.revokedAt || row.user.disabledAt)
    throw unauthorized("The API token is not valid or was revoked.");
  // Touch last_used_at at most once a minute: a write per request would be a hot-row bottleneck.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: "token" };
}

export async function requireCaller(request?: Request): Promise<TCaller> {
  const caller = await getCaller(request);
  if (!caller) throw unauthorized();
  return caller;
}
