import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstFolderClosedTo } from "./postgres-user-access";

let root: string;
const me = { uid: process.getuid!(), gids: [process.getgid!()] };
const stranger = { uid: 999_999, gids: [999_999] };
const groupMate = { uid: 999_999, gids: [process.getgid!()] };

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "concord-access-"));
  await chmod(root, 0o755);
  await mkdir(path.join(root, "owner-only", "inner"), { recursive: true });
  await chmod(path.join(root, "owner-only"), 0o700);
  await mkdir(path.join(root, "group", "inner"), { recursive: true });
  await chmod(path.join(root, "group"), 0o710);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("firstFolderClosedTo", () => {
  it("names the first folder on the way whose x bit the user lacks", () => {
    const target = path.join(root, "owner-only", "inner", "postgres");
    expect(firstFolderClosedTo(stranger, target)).toBe(path.join(root, "owner-only"));
    expect(firstFolderClosedTo(null, target)).toBe(path.join(root, "owner-only"));
    expect(firstFolderClosedTo(me, target)).toBeNull();
  });

  it("reads the group bits for a member of the folder's group, and only then", () => {
    const target = path.join(root, "group", "inner", "postgres");
    expect(firstFolderClosedTo(groupMate, target)).toBeNull();
    expect(firstFolderClosedTo(stranger, target)).toBe(path.join(root, "group"));
  });

  it("stops at folders not made yet", () => {
    expect(firstFolderClosedTo(stranger, path.join(root, "later", "deeper", "postgres"))).toBeNull();
  });
});
