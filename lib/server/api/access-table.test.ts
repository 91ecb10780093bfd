import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_POLICIES } from "@/lib/policies/all-policies";
import { renderAccessTable } from "./access-table";
import { ROUTES } from "./registry";

describe("docs/access.md", () => {
  it("is the table the policies and the registry make", async () => {
    await expect(renderAccessTable(ROUTES)).toMatchFileSnapshot(
      path.join(process.cwd(), "docs", "access.md"),
    );
  });

  it("covers every route: each applies a rule of one of the domains' policies", () => {
    const rules = new Set(Object.values(ALL_POLICIES).flatMap((policy) => Object.values(policy)));
    const outside = ROUTES.filter((r) => !rules.has(r.access)).map(
      (r) => `${r.endpoint.method} ${r.endpoint.path}`,
    );
    expect(outside).toEqual([]);
  });
});
