import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { importCommand, progressBar } from "@/lib/cli/concord/import-command";
import { db, disconnectDb } from "@/lib/db";
import { startAppRouteServer } from "@/lib/testing/app-route-server";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

const work = mkdtempSync(join(tmpdir(), "concord-import-cli-"));

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await disconnectDb();
});

describe("concord import", () => {
  it("uploads a gzipped Prodigy file with its labels over HTTP, with a progress bar, and skips bad lines on request", async () => {
    const lead = await createTestUser();
    const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
    const params = { id: project.id };
    const definition = { key: "topic", kind: "single_choice", options: [{ key: "a" }, { key: "b" }] };
    expect((await callRoute(createDefinition, { token: lead.token, params, json: definition })).status).toBe(
      201,
    );
    const lines = [
      { text: "one", _input_hash: 1, accept: ["a"], answer: "accept", _annotator_id: "x" },
      { text: "one", _input_hash: 1, accept: ["b"], answer: "accept", _annotator_id: "y" },
      { text: "two", accept: ["a"], answer: "accept", _annotator_id: "x" },
    ];
    const file = join(work, "topic.jsonl.gz");
    writeFileSync(file, gzipSync(lines.map((l) => JSON.stringify(l)).join("\n")));
    const server = await startAppRouteServer();
    try {
      const shown: string[] = [];
      const args = [
        file,
        "--project",
        project.id,
        "--format",
        "prodigy",
        "--definition",
        "topic",
        "--url",
        server.url,
        "--token",
        lead.token,
      ];
      await expect(importCommand(args, (line) => shown.push(line))).rejects.toThrow(/422[\s\S]*_input_hash/);
      const result = await importCommand([...args, "--on-invalid", "skip"], (line) => shown.push(line));
      expect(result).toMatchObject({ imported: 1, annotations: 2, skippedCount: 1, skipped: [{ line: 3 }] });
      expect(shown.at(-1)).toMatch(/^\[#+\] 100%/);
    } finally {
      await server.close();
    }
    expect(await db.annotation.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("draws the bar in proportion", () => {
    expect(progressBar(5e6, 10e6, 1e6, 10)).toBe("[#####.....]  50%  5.0 MB of 10.0 MB  1.0 MB/s");
  });
});
