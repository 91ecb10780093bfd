import "server-only";
import { encode, getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { z } from "zod";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type TSession = { userId: string; version: number };

// Cookies signed before session versions existed carry none: they count as version 0, which the
// user's first sign-out or password change ends like any other.
const ZSessionClaims = z.object({ sub: z.uuid(), sv: z.number().int().min(0).default(0) });

/** next-auth names the cookie after the scheme in NEXTAUTH_URL: `__Secure-` and Secure on https. */
function isSecureCookie(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

async function decodeSessionCookie(headers: Headers) {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  // Only the cookie: getToken would also take a JWT from an Authorization header, which is where
  // API tokens go.
  return getToken({
    req: new NextRequest("http://localhost/", { headers: { cookie } }),
    secret: process.env.NEXTAUTH_SECRET,
    secureCookie: isSecureCookie(),
  });
}

/** The signed-in user and session version a request's cookie claims (not yet checked against the user). */
export async function readSession(headers: Headers): Promise<TSession | null> {
  const parsed = ZSessionClaims.safeParse(await decodeSessionCookie(headers));
  return parsed.success ? { userId: parsed.data.sub, version: parsed.data.sv } : null;
}

/**
 * A Set-Cookie line that carries this request's session on to `version`: after a password change the
 * session that made it goes on, while every other one, still naming the old version, ends.
 */
export async function renewedSessionCookie(headers: Headers, version: number): Promise<string | null> {
  const token = await decodeSessionCookie(headers);
  if (!token) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encode({
    token: { ...claims, sv: version },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const secure = isSecureCookie();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toUTCString();
  return [
    `${secure ? "__Secure-" : ""}next-auth.session-token=${value}`,
    "Path=/",
    `Expires=${expires}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
