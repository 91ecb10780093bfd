import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/v1/health/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";

afterEach(async () => {
  await disconnectDb();
  vi.unstubAllEnvs();
});

describe("GET /api/v1/health", () => {
  it("says the database is up when it answers", async () => {
    const res = await callRoute(health);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: "up" });
  });

  it("answers 503 when the database does not", async () => {
    await disconnectDb();
    vi.stubEnv("DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none");
    const res = await callRoute(health);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ ok: false, db: "down" });
  });
});
