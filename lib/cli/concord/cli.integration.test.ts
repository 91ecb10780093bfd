import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";
import { checkPassword } from "@/lib/server/auth/check-password";

const run = promisify(execFile);
const concord = (args: string[]) =>
  run(process.execPath, ["lib/cli/concord/concord.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });

afterAll(async () => {
  await disconnectDb();
});

describe("npx concord create-admin", () => {
  it("creates an admin who can sign in, on the database DATABASE_URL names", async () => {
    const email = `${uniqueName("admin")}@example.com`;
    const { stdout } = await concord(["create-admin", "--email", email, "--password", "a-long-password-1"]);
    expect(stdout).toContain(`admin ready: ${email}`);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.isAdmin).toBe(true);
    expect(user.passwordHash).not.toContain("a-long-password-1");
    expect(await checkPassword(email, "a-long-password-1", null)).toMatchObject({ email, isAdmin: true });
  });

  it("refuses a bad flag with a message naming it, and creates nothing", async () => {
    const email = `${uniqueName("short")}@example.com`;
    await expect(concord(["create-admin", "--email", email, "--password", "short"])).rejects.toMatchObject({
      stderr: expect.stringContaining("--password: must be at least 10 characters"),
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
