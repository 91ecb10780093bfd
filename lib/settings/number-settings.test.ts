import { describe, expect, it } from "vitest";
import { numberSetting, numberSettings } from "./number-settings";

describe("numeric settings", () => {
  it("take their defaults when unset or empty, and the given numbers otherwise", () => {
    const defaults = numberSettings({});
    expect(defaults.CONCORD_AGREEMENT_APPLY_MS).toBe(250);
    expect(defaults.DATABASE_POOL_SIZE).toBe(10);
    expect(defaults.CONCORD_MAX_UPLOAD_BYTES).toBe(512 * 1024 * 1024);
    expect(numberSettings({ CONCORD_SWEEP_SECONDS: " ", DATABASE_QUEUE_POOL_SIZE: "12" })).toMatchObject({
      CONCORD_SWEEP_SECONDS: 30,
      DATABASE_QUEUE_POOL_SIZE: 12,
    });
    expect(numberSetting("CONCORD_WEBHOOK_POLL_MS", { CONCORD_WEBHOOK_POLL_MS: "200" })).toBe(200);
    expect(numberSetting("CONCORD_SWEEP_SECONDS", { CONCORD_SWEEP_SECONDS: "0.5" })).toBe(0.5);
  });

  it("refuse what is not a number, or out of range, naming each variable and its value", () => {
    expect(() => numberSettings({ CONCORD_AGREEMENT_APPLY_MS: "fast", DATABASE_POOL_SIZE: "0" })).toThrow(
      /CONCORD_AGREEMENT_APPLY_MS="fast".*DATABASE_POOL_SIZE="0"/,
    );
    expect(() => numberSettings({ CONCORD_SWEEP_SECONDS: "-1" })).toThrow(/CONCORD_SWEEP_SECONDS="-1"/);
    expect(() => numberSettings({ DATABASE_POOL_IDLE_MS: "1.5" })).toThrow(/DATABASE_POOL_IDLE_MS/);
    expect(() => numberSetting("CONCORD_MAX_UPLOAD_BYTES", { CONCORD_MAX_UPLOAD_BYTES: "1e" })).toThrow(
      /CONCORD_MAX_UPLOAD_BYTES="1e"/,
    );
  });
});
