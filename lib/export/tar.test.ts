import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

import { afterAll, describe, expect, it } from "vitest";

import { gzipStream } from "./gzip-stream";
import type { TTarEntry } from "./tar";
import { tarHeader, tarStream } from "./tar";
import { collectBytes } from "./text-chunks";

const work = mkdtempSync(join(tmpdir(), "concord-tar-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const long = `${"d".repeat(90)}/${"e".repeat(60)}/file.txt`;
const big = Buffer.from(Array.from({ length: 3000 }, (_, i) => `line ${i} ✓\n`).join(""), "utf8");

function entries(): TTarEntry[] {
  return [
    { type: "directory", path: "set" },
    { type: "file", path: "set/README.md", body: Buffer.from("# Title\n", "utf8") },
    { type: "file", path: "set/empty.txt", body: new Uint8Array(0) },
    { type: "directory", path: "set/data" },
    { type: "file", path: "set/data/test.jsonl", size: big.length, body: chunked(big, 1000) },
    { type: "file", path: `set/${long}`, body: Buffer.from("deep", "utf8") },
  ];
}

/** A minimal ustar reader: enough to check what the writer wrote. */
function readTar(archive: Buffer) {
  const files: { name: string; type: string; mode: string; size: number; mtime: number; body: Buffer }[] = [];
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const sum = header.reduce((acc, b, i) => acc + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(parseInt(text(148, 8), 8)).toBe(sum);
    expect(text(257, 6)).toBe("ustar");
    expect([text(108, 8), text(116, 8), text(265, 32), text(297, 32)]).toEqual([
      "0000000",
      "0000000",
      "",
      "",
    ]);
    const size = parseInt(text(124, 12), 8);
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const body = archive.subarray(offset + 512, offset + 512 + size);
    files.push({
      name,
      type: text(156, 1),
      mode: text(100, 8),
      size,
      mtime: parseInt(text(136, 12), 8),
      body,
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { files, end: offset };
}

describe("tarStream", () => {
  it("writes ustar entries that read back, padded to 512-byte blocks and a 10 KiB record", async () => {
    const archive = await collectBytes(tarStream(entries(), { mtime: 1_700_000_000 }));
    expect(archive.length % 10240).toBe(0);
    const { files, end } = readTar(archive);
    expect(files.map((f) => [f.name, f.type, f.mode, f.size])).toEqual([
      ["set/", "5", "0000755", 0],
      ["set/README.md", "0", "0000644", 8],
      ["set/empty.txt", "0", "0000644", 0],
      ["set/data/", "5", "0000755", 0],
      ["set/data/test.jsonl", "0", "0000644", big.length],
      [`set/${long}`, "0", "0000644", 4],
    ]);
    expect(files.every((f) => f.mtime === 1_700_000_000)).toBe(true);
    expect(files[4].body.equals(big)).toBe(true);
    expect(archive.subarray(end).every((b) => b === 0)).toBe(true);
  });

  it("is byte-identical across runs and input chunking", async () => {
    const first = await collectBytes(tarStream(entries()));
    const again = entries();
    again[4] = { type: "file", path: "set/data/test.jsonl", size: big.length, body: chunked(big, 7) };
    const second = await collectBytes(tarStream(again));
    expect(first.equals(second)).toBe(true);
  });

  it("lists and extracts with GNU tar, gzip-compressed", async () => {
    const archive = await collectBytes(gzipStream(tarStream(entries())));
    const file = join(work, "a.tar.gz");
    writeFileSync(file, archive);
    const env = { ...process.env, TZ: "UTC" };
    const listing = execFileSync("tar", ["-tvzf", file], { encoding: "utf8", env });
    expect(listing).toMatch(/^-rw-r--r-- 0\/0 +8 1970-01-01 00:00 set\/README\.md$/m);
    expect(listing).toMatch(/^drwxr-xr-x 0\/0 +0 1970-01-01 00:00 set\/data\/$/m);
    expect(listing.trim().split("\n")).toHaveLength(6);
    const out = join(work, "x");
    execFileSync("mkdir", ["-p", out]);
    execFileSync("tar", ["-xzf", file, "-C", out], { env });
    expect(readFileSync(join(out, "set/data/test.jsonl")).equals(big)).toBe(true);
    expect(readFileSync(join(out, `set/${long}`), "utf8")).toBe("deep");
  });

  it("refuses a stream whose length differs from its declared size", async () => {
    const short: TTarEntry = { type: "file", path: "f", size: 10, body: chunked(Buffer.from("abc"), 2) };
    await expect(collectBytes(tarStream([short]))).rejects.toThrow(/declared 10/);
    const longer: TTarEntry = { type: "file", path: "f", size: 2, body: chunked(Buffer.from("abc"), 2) };
    await expect(collectBytes(tarStream([longer]))).rejects.toThrow(/longer/);
  });

  it("refuses unsafe and over-long paths", () => {
    const header = (path: string) => tarHeader({ type: "file", path, size: 0, mtime: 0 });
    expect(() => header("/etc/passwd")).toThrow(/unsafe/);
    expect(() => header("a/../b")).toThrow(/unsafe/);
    expect(() => header("a//b")).toThrow(/unsafe/);
    expect(() => header("x".repeat(101))).toThrow(/too long/);
    expect(header(`${"p".repeat(150)}/${"n".repeat(100)}`).length).toBe(512);
  });
});

describe("gzipStream", () => {
  it("writes a fixed header (mtime 0) and the same bytes however the input is chunked", async () => {
    const a = await collectBytes(gzipStream(chunked(big, 100)));
    const b = await collectBytes(gzipStream(chunked(big, 4096)));
    expect(a.equals(b)).toBe(true);
    expect([...a.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(gunzipSync(a).equals(big)).toBe(true);
  });

  it("passes on an error of its source", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("x");
      throw new Error("source failed");
    }
    await expect(collectBytes(gzipStream(failing()))).rejects.toThrow("source failed");
  });
});
