import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isRawContent } from "@/lib/endpoints/define-endpoint";
import type { TRoute } from "./define-route";
import { buildOpenApiDocument } from "./openapi-document";
import { ROUTES } from "./registry";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir = API_ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** What each route file serves: its path (as the registry writes it), and each exported method's value. */
async function servedHandlers() {
  const served: { where: string; path: string; method: string; handler: unknown }[] = [];
  for (const file of routeFiles()) {
    const folder = "/" + path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/");
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, handler] of Object.entries(exported)) {
      if (METHODS.includes(name)) {
        served.push({
          where: path.relative(process.cwd(), file),
          path: folder.replace(/\[([^\]]+)\]/g, "{$1}"),
          method: name,
          handler,
        });
      }
    }
  }
  return served;
}

/** Handlers a route file serves that are not the registry's route for that method and path. */
export function unregistered(
  served: Awaited<ReturnType<typeof servedHandlers>>,
  routes: readonly TRoute[],
): string[] {
  return served
    .filter(({ path: p, method, handler }) => {
      const route = routes.find((r) => r === handler);
      return !route || route.endpoint.path !== p || route.endpoint.method !== method;
    })
    .map(({ where, method }) => `${method} in ${where}`);
}

type TJson = Record<string, unknown>;
/** A JSON Schema with every $ref replaced by what it points to, and no $schema or $defs. */
function inline(schema: unknown, defs: Record<string, unknown>, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, defs, seen));
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as TJson).$ref;
  if (typeof ref === "string") {
    const name = ref.split("/").pop()!;
    return seen.includes(name) ? { $ref: "(recursive)" } : inline(defs[name], defs, [...seen, name]);
  }
  // zod-openapi also writes a union's common `type` beside its oneOf: the same set of values.
  const isUnionType = (key: string) => key === "type" && Array.isArray((schema as TJson).oneOf);
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== "$schema" && key !== "$defs" && key !== "id" && !isUnionType(key))
      .map(([key, value]) => [key, inline(value, defs, seen)]),
  );
}

describe("the route registry", () => {
  const doc = buildOpenApiDocument();
  const key = (r: TRoute) => `${r.endpoint.method} ${r.endpoint.path}`;

  it("is the only source of route handlers: every app/api/v1 route file re-exports a registry route", async () => {
    const served = await servedHandlers();
    expect(unregistered(served, ROUTES)).toEqual([]);
    expect(served.map((s) => `${s.method} ${s.path}`).sort()).toEqual(ROUTES.map(key).sort());
  });

  it("would notice a handler written in a route file instead of declared", async () => {
    const served = await servedHandlers();
    const stray = {
      where: "app/api/v1/stray/route.ts",
      path: "/stray",
      method: "GET",
      handler: async () => new Response(),
    };
    expect(unregistered([...served, stray], ROUTES)).toEqual(["GET in app/api/v1/stray/route.ts"]);
    const moved = { ...served[0], path: "/elsewhere" };
    expect(unregistered([moved], ROUTES)).toHaveLength(1);
  });

  it("declares each method and path once, with a params schema naming exactly the path's parameters", () => {
    expect(new Set(ROUTES.map(key)).size).toBe(ROUTES.length);
    for (const { endpoint } of ROUTES) {
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(endpoint.params?.shape ?? {}).sort(), endpoint.path).toEqual(inPath);
    }
  });

  it("is what the OpenAPI document lists, operation for operation", () => {
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {})
        .filter((k) => METHODS.includes(k.toUpperCase()))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(key).sort());
  });

  it("documents each request body with the very schema the handler parses", () => {
    const components = (doc.components?.schemas ?? {}) as Record<string, unknown>;
    const withBody = ROUTES.filter((r) => r.endpoint.body);
    expect(withBody.length).toBeGreaterThan(10);
    for (const { endpoint } of withBody) {
      const operation = doc.paths?.[endpoint.path]?.[endpoint.method.toLowerCase() as "post"];
      const documented = (operation?.requestBody as { content: Record<string, { schema: unknown }> })
        ?.content["application/json"].schema;
      const declared = z.toJSONSchema(endpoint.body!, { io: "input", unrepresentable: "any" }) as TJson;
      expect(inline(documented, components), `${endpoint.method} ${endpoint.path}`).toEqual(
        inline(declared, (declared.$defs ?? {}) as Record<string, unknown>),
      );
    }
  });

  it("gives every operation a summary, its refusals and, where it takes input, an example its schemas accept", () => {
    for (const { endpoint } of ROUTES) {
      const where = `${endpoint.method} ${endpoint.path}`;
      const operation = doc.paths?.[endpoint.path]?.[endpoint.method.toLowerCase() as "get"];
      expect(operation?.summary, where).toBeTruthy();
      expect(
        Object.keys(operation?.responses ?? {}).some((s) => Number(s) >= 400),
        where,
      ).toBe(true);
      if (endpoint.body || endpoint.rawBody || endpoint.query) expect(endpoint.examples, where).toBeDefined();
      if (endpoint.body)
        expect(endpoint.body.safeParse(endpoint.examples?.body).error, where).toBeUndefined();
      if (endpoint.examples?.query)
        expect(endpoint.query?.safeParse(endpoint.examples.query).error, where).toBeUndefined();
      const [ok] = Object.values(endpoint.responses);
      if (endpoint.examples?.response !== undefined && ok && !isRawContent(ok)) {
        expect(ok.safeParse(endpoint.examples.response).error, where).toBeUndefined();
      }
    }
  });
});
