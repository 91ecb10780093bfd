import "server-only";
import { db } from "@/lib/db";
import { tooManyRequests } from "@/lib/server/errors";
import { verifyPassword } from "./passwords";
import { recordFailure, recordSuccess, secondsLocked, throttleKeys } from "./sign-in-throttle";

export type TAuthenticatedUser = { id: string; email: string; name: string; isAdmin: boolean };

/**
 * The one place a password is checked (the sign-in form and POST /auth/token both come here):
 * throttled per account and per address, and silent about which part was wrong.
 */
export async function checkPassword(
  email: string,
  password: string,
  address: string | null,
): Promise<TAuthenticatedUser | null> {
  const normalizedEmail = email.trim().toLowerCase();
  const keys = throttleKeys(normalizedEmail, address);
  const locked = await secondsLocked(keys);
  if (locked > 0) {
    throw tooManyRequests(
      `Too many failed sign-in attempts. Try again in ${Math.ceil(locked / 60)} minute(s).`,
    );
  }
  const user = await db.user.findUnique({ where: { email: normalizedEmail } });
  const isValid = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
  if (!user || !isValid || user.disabledAt) {
    await recordFailure(keys);
    return null;
  }
  await recordSuccess(normalizedEmail);
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
