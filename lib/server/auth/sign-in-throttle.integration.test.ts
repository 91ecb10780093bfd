import { afterAll, describe, expect, it } from "vitest";
import { THROTTLE, slowdownMs } from "@/lib/auth/sign-in-throttle-policy";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/server/errors";
import { TEST_PASSWORD, createTestUser, uniqueName } from "@/lib/testing/factories";
import { checkPassword } from "./check-password";

afterAll(async () => {
  await disconnectDb();
});

let nextAddress = Math.floor(Math.random() * 200);
/** An address no other test (or earlier run against the same database) has failed from. */
const freshAddress = () => `198.18.${nextAddress++ % 250}.${Math.floor(Math.random() * 250)}`;

async function statusOf(attempt: Promise<unknown>): Promise<number | "signed in" | "refused"> {
  try {
    return (await attempt) ? "signed in" : "refused";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

describe("sign-in throttling", () => {
  it("locks an address out of an account it guessed at, while the owner signs in from elsewhere", async () => {
    const user = await createTestUser();
    const attacker = freshAddress();
    for (let i = 0; i < THROTTLE.maxFailuresPerAccountAtAddress; i++) {
      expect(await statusOf(checkPassword(user.email, `wrong-${i}`, attacker))).toBe("refused");
    }
    // Even the right password is refused from where the guessing came from...
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, attacker))).toBe(429);
    // ...but the owner, from an address that has not failed, signs in: slowed, not refused.
    const started = performance.now();
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, freshAddress()))).toBe("signed in");
    expect(performance.now() - started).toBeGreaterThanOrEqual(
      slowdownMs(THROTTLE.maxFailuresPerAccountAtAddress) - 5,
    );
  });

  it("slows an account guessed at from many addresses, and never refuses its owner", async () => {
    const user = await createTestUser();
    for (let i = 0; i < THROTTLE.slowAccountAfter + 2; i++) {
      expect(await statusOf(checkPassword(user.email, "wrong-password", freshAddress()))).toBe("refused");
    }
    const started = performance.now();
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, freshAddress()))).toBe("signed in");
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(slowdownMs(THROTTLE.slowAccountAfter + 2) - 5);
  });

  it("locks an address that guesses at many accounts out of every account", async () => {
    const guesser = freshAddress();
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      await checkPassword(`${uniqueName("nobody")}@example.com`, "guess-guess", guesser);
    }
    const user = await createTestUser();
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, guesser))).toBe(429);
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, freshAddress()))).toBe("signed in");
  });

  it("forgives an address its failures on an account once it gives the right password", async () => {
    const user = await createTestUser();
    const address = freshAddress();
    const failAlmostEnough = async () => {
      for (let i = 1; i < THROTTLE.maxFailuresPerAccountAtAddress; i++) {
        await checkPassword(user.email, "typo-typo", address);
      }
    };
    await failAlmostEnough();
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, address))).toBe("signed in");
    await failAlmostEnough();
    expect(await statusOf(checkPassword(user.email, TEST_PASSWORD, address))).toBe("signed in");
  });
});
