import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queueIdleHeaders } from "@/lib/queue/queue-idle-headers";
import { buildOpenApiDocument } from "./openapi-document";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");

/** Every route handler file under app/api/v1 with the HTTP methods it exports, as OpenAPI paths. */
function routeHandlers(dir = API_ROOT): { path: string; method: string }[] {
  const found: { path: string; method: string }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      found.push(...routeHandlers(full));
    } else if (name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const route = "/" + path.relative(API_ROOT, dir).split(path.sep).join("/");
      const openApiPath = route.replace(/\[([^\]]+)\]/g, "{$1}");
      // `export const GET = ...` or, as route files are now, `export { someRoute as GET } from ...`.
      for (const m of source.matchAll(/(?:export const|\bas) (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        found.push({ path: openApiPath === "/" ? "/" : openApiPath, method: m[1].toLowerCase() });
      }
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 with the problem schema as a component", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.schemas?.Problem).toBeDefined();
  });

  it("describes every route handler under /api/v1, and nothing that does not exist", () => {
    const handlers = routeHandlers()
      .map((h) => `${h.method} ${h.path}`)
      .sort();
    const documented = Object.entries(doc.paths ?? {})
      .flatMap(([p, item]) =>
        Object.keys(item ?? {})
          .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
          .map((m) => `${m} ${p}`),
      )
      .sort();
    expect(documented).toEqual(handlers);
  });

  it("includes every endpoint of the public contract (docs/api-v1.md)", () => {
    const contract = readFileSync(path.join(process.cwd(), "docs", "api-v1.md"), "utf8");
    const rows = [...contract.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/[^` ]+)/gm)].map((m) => ({
      method: m[1].toLowerCase(),
      path: m[2].split("?")[0],
    }));
    expect(rows.length).toBeGreaterThan(10);
    const missing = rows
      .filter((r) => !doc.paths?.[r.path]?.[r.method as "get"])
      .map((r) => `${r.method} ${r.path}`);
    // Endpoints of later milestones are listed here until they exist; the list may only shrink.
    expect(missing.sort()).toEqual([]);
  });

  it("lists every header a claim that serves nothing sends", () => {
    const responses = doc.paths?.["/projects/{id}/queue/next"]?.post?.responses ?? {};
    const documented = Object.keys(responses["204"]?.headers ?? {}).map((h) => h.toLowerCase());
    const sent = Object.keys(
      queueIdleHeaders({ state: "leased", leasedItems: 2, leaseExpiresAt: "2026-12-06T16:10:00.000Z" }, 0),
    );
    expect(sent.length).toBe(4);
    expect(documented.sort()).toEqual(sent.sort());
  });
});
