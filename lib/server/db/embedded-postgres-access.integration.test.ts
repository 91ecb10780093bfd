import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

// Started by root, PostgreSQL runs as user postgres, which must be able to enter every folder on
// the way to its data (and to its binaries). A clone under a private folder (root's home, any
// `mktemp -d`) used to die at first start with an unhandled `spawn initdb EACCES`.
const isRoot = process.getuid?.() === 0;
let privateDir: string | null = null;

afterEach(async () => {
  if (privateDir) await rm(privateDir, { recursive: true, force: true });
  privateDir = null;
});

describe.runIf(isRoot)("the embedded PostgreSQL started by root", () => {
  it("stops with one sentence naming the private folder, before touching anything", async () => {
    privateDir = await mkdtemp(path.join(os.tmpdir(), "concord-private-"));
    await chmod(privateDir, 0o700);
    const dataDir = path.join(privateDir, "clone", ".data", "postgres");
    const error = await startEmbeddedPostgres({ dataDir }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toContain(`cannot enter ${privateDir}`);
    expect(error!.message).toMatch(/chmod o\+x|--data-dir|DATABASE_URL/);
    expect(error!.message.trim().split(/[.!?]\s+[A-Z]/)).toHaveLength(1);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("still starts when every folder on the way may be entered", async () => {
    privateDir = await mkdtemp(path.join(os.tmpdir(), "concord-open-"));
    await chmod(privateDir, 0o711);
    await mkdir(path.join(privateDir, "clone"), { mode: 0o711 });
    const server = await startEmbeddedPostgres({
      dataDir: path.join(privateDir, "clone", "pg"),
      fastUnsafe: true,
    });
    await server.stop();
  });
});
