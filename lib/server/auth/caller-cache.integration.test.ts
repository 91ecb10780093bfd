import { afterAll, describe, expect, it } from "vitest";
import { GET as listProjects } from "@/app/api/v1/projects/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { statusWithin } from "@/lib/testing/status-within";
import { createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

// The changes below are made with raw SQL, as another app process would make them: only the
// trigger's notification can tell this process to drop the caller it cached.
describe("cached API callers", () => {
  it("refuse a token revoked by another process within moments", async () => {
    const user = await createTestUser();
    const call = () => callRoute(listProjects, { token: user.token });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    await getPool().query("UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1", [user.id]);
    expect(await statusWithin(call, 401)).toBe(401);
  });

  it("refuse a user disabled by another process within moments", async () => {
    const user = await createTestUser();
    const call = () => callRoute(listProjects, { token: user.token });
    expect((await call()).status).toBe(200);
    await getPool().query("UPDATE users SET disabled_at = now() WHERE id = $1", [user.id]);
    expect(await statusWithin(call, 401)).toBe(401);
  });

  it("drop an admin's rights within moments of their demotion", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const call = () => callRoute(listUsers, { token: admin.token });
    expect((await call()).status).toBe(200);
    await getPool().query("UPDATE users SET is_admin = false WHERE id = $1", [admin.id]);
    expect(await statusWithin(call, 403)).toBe(403);
  });
});
