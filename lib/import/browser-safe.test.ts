import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

/** Value (not type-only) imports of a module and, through relative imports, of all it imports. */
function valueImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(join(here, file), "utf8");
  const specifiers = [...source.matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)].map(
    (match) => match[1],
  );
  return specifiers.flatMap((specifier) =>
    specifier.startsWith("./") ? valueImports(`${specifier.slice(2)}.ts`, seen) : [`${file} → ${specifier}`],
  );
}

describe("the JSON array reader", () => {
  it("imports nothing that needs Node, because the import page's preview runs it in the browser", () => {
    expect(valueImports("read-json-array.ts")).toEqual([]);
  });

  it("shares the dataFields rule with the page's mapping preview without needing Node", () => {
    expect(valueImports("data-field-pick.ts")).toEqual([]);
    expect(valueImports("map-record.ts")).toContain("map-record.ts → node:crypto");
  });

  it("is checked by a test that does see Node imports", () => {
    expect(valueImports("read-records.ts")).toContain("decode-utf8.ts → node:buffer");
  });
});
