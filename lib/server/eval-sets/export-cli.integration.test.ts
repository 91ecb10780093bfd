import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { exportCommand } from "@/lib/cli/concord/export-command";
import { disconnectDb } from "@/lib/db";
import { startAppRouteServer } from "@/lib/testing/app-route-server";
import { callRoute } from "@/lib/testing/call-route";
import { annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";

const work = mkdtempSync(join(tmpdir(), "concord-cli-test-"));

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await disconnectDb();
});

async function frozenSet() {
  const s = await createCurationProject({ items: 5 });
  for (const itemId of s.itemIds) {
    for (const a of s.annotators) await annotate(s.project.id, itemId, a.id, { sentiment: "pos" });
  }
  const name = `cli ${s.project.name}`;
  const set = await callRoute(createSetRoute, { token: s.lead.token, params: s.params, json: { name } });
  const v1 = await callRoute(freezeRoute, {
    method: "POST",
    token: s.lead.token,
    params: { id: set.body.id },
  });
  expect(v1.status).toBe(201);
  return { ...s, name, v1: v1.body as { sha256: string; byteCount: number } };
}

const quiet = () => {
  const lines: string[] = [];
  return { lines, output: { progress: (l: string) => lines.push(l), info: (l: string) => lines.push(l) } };
};

describe("concord export", () => {
  it("downloads a version by set name over HTTP, with progress, and verifies its sha256", async () => {
    const s = await frozenSet();
    const server = await startAppRouteServer();
    try {
      const file = join(work, "v1.jsonl");
      const { lines, output } = quiet();
      const result = await exportCommand(
        ["--url", server.url, "--token", s.engineer.token, "--set", s.name, "--version", "1", "-o", file],
        output,
      );
      expect(result).toMatchObject({ isVerified: true, sha256: s.v1.sha256, bytes: s.v1.byteCount });
      const bytes = readFileSync(file);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(s.v1.sha256);
      expect(lines.some((l) => l.includes("(100%)"))).toBe(true);
      expect(lines.some((l) => l.includes("verified"))).toBe(true);

      const csv = join(work, "v1.csv");
      const other = await exportCommand(
        [
          "--url",
          server.url,
          "--token",
          s.lead.token,
          "--set",
          s.name,
          "--version",
          "latest",
          "--format",
          "csv",
          "-o",
          csv,
        ],
        quiet().output,
      );
      expect(other.isVerified).toBe(false);
      expect(readFileSync(csv, "utf8")).toMatch(/^item_id,external_id,/);
    } finally {
      await server.close();
    }
  });

  it("keeps nothing when the bytes do not match the recorded hash", async () => {
    const s = await frozenSet();
    // A server whose export flips one byte (same length), as a broken proxy might.
    const tampering = await startAppRouteServer({
      transform: async (pathname, response) => {
        if (!pathname.endsWith("/export")) return response;
        const bytes = Buffer.from(await response.arrayBuffer());
        bytes[10] = bytes[10] === 0x61 ? 0x62 : 0x61;
        return new Response(bytes, { headers: { "content-length": String(bytes.length) } });
      },
    });
    try {
      const file = join(work, "tampered.jsonl");
      await expect(
        exportCommand(
          [
            "--url",
            tampering.url,
            "--token",
            s.engineer.token,
            "--set",
            s.name,
            "--version",
            "1",
            "-o",
            file,
          ],
          quiet().output,
        ),
      ).rejects.toThrow(/does not match the frozen version/);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.partial`)).toBe(false);
    } finally {
      await tampering.close();
    }
  });

  it("says clearly when the token, the set or the version is wrong", async () => {
    const s = await frozenSet();
    const server = await startAppRouteServer();
    const run = (args: string[]) =>
      exportCommand(["--url", server.url, "-o", join(work, "x.jsonl"), ...args], quiet().output);
    try {
      await expect(run(["--token", "cnc_nope", "--set", s.name, "--version", "1"])).rejects.toThrow(
        /refused the token/,
      );
      await expect(
        run(["--token", s.engineer.token, "--set", "no such set", "--version", "1"]),
      ).rejects.toThrow(/no eval set named/);
      await expect(
        run(["--token", s.annotators[0].token, "--set", s.name, "--version", "1"]),
      ).rejects.toThrow(/no eval set named/);
      await expect(run(["--token", s.engineer.token, "--set", s.name, "--version", "7"])).rejects.toThrow(
        /404/,
      );
      await expect(run(["--token", s.engineer.token, "--set", s.name, "--version", "x"])).rejects.toThrow(
        /--version/,
      );
    } finally {
      await server.close();
    }
  });
});
