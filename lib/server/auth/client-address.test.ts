import { describe, expect, it } from "vitest";
import { clientAddress, markClientAdmitted } from "./client-address";

describe("clientAddress", () => {
  it("believes X-Forwarded-For only once the client admission writes it", () => {
    const forged = new Headers({ "x-forwarded-for": "6.6.6.6" });
    expect(clientAddress(forged)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6" })).toBeNull();
    markClientAdmitted();
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress({ "x-forwarded-for": ["198.51.100.4"] })).toBe("198.51.100.4");
    expect(clientAddress(new Headers())).toBeNull();
  });
});
