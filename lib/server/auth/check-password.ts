import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { normalizeEmail, slowdownMs, throttleKeys } from "@/lib/auth/sign-in-throttle-policy";
import { tooManyRequests } from "@/lib/server/errors";
import { verifyPassword } from "./passwords";
import { readThrottle, recordFailure, recordSuccess } from "./sign-in-throttle";

export type TAuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  sessionVersion: number;
};

/**
 * The one place a password is checked (the sign-in form, POST /auth/token and a password change all
 * come here): throttled per account and address (lib/auth/sign-in-throttle-policy.ts), and silent
 * about which part was wrong.
 */
export async function checkPassword(
  email: string,
  password: string,
  address: string | null,
): Promise<TAuthenticatedUser | null> {
  const normalizedEmail = normalizeEmail(email);
  const keys = throttleKeys(normalizedEmail, address);
  const { lockedSeconds, accountFailures } = await readThrottle(keys);
  if (lockedSeconds > 0) {
    throw tooManyRequests(
      `Too many failed sign-in attempts. Try again in ${Math.ceil(lockedSeconds / 60)} minute(s).`,
    );
  }
  const delay = slowdownMs(accountFailures);
  if (delay > 0) await sleep(delay);
  const user = await db.user.findUnique({ where: { email: normalizedEmail } });
  const isValid = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
  if (!user || !isValid || user.disabledAt) {
    await recordFailure(keys);
    return null;
  }
  await recordSuccess(keys);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    sessionVersion: user.sessionVersion,
  };
}
