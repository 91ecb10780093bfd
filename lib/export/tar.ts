/**
 * A streaming POSIX ustar writer for deterministic archives: entries in the order given, mtime
 * fixed (0 unless given), uid/gid 0, empty uname/gname, mode 0644 for files and 0755 for
 * directories, no PAX or GNU extensions. The archive ends with two zero blocks and is padded to
 * a 10,240-byte record, as GNU tar and Python's tarfile write it.
 *
 * Limits of plain ustar, checked: paths up to 100 bytes, or 255 when they can be split at a "/"
 * into a 155-byte prefix and a 100-byte name; files up to 8 GiB - 1.
 *
 * A file whose body is a stream must declare its size up front (the header comes first); the
 * writer throws if the stream yields a different number of bytes.
 */
export type TTarEntry =
  | { type: "directory"; path: string }
  | { type: "file"; path: string; body: Uint8Array }
  | { type: "file"; path: string; size: number; body: AsyncIterable<Uint8Array> };

export type TTarOptions = { mtime?: number };

const BLOCK = 512;
const RECORD = 20 * BLOCK;
const MAX_SIZE = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as GNU tar and Python write them.
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function splitPath(path: string): { prefix: Buffer; name: Buffer } {
  const bytes = Buffer.from(path, "utf8");
  if (bytes.length <= 100) return { prefix: Buffer.alloc(0), name: bytes };
  for (let i = bytes.length - 1; i > 0; i--) {
    if (bytes[i] !== 0x2f) continue;
    if (i <= 155 && bytes.length - i - 1 <= 100 && bytes.length - i - 1 > 0) {
      return { prefix: bytes.subarray(0, i), name: bytes.subarray(i + 1) };
    }
  }
  throw new Error(`tar: path too long for ustar: ${path}`);
}

function assertSafePath(path: string): void {
  const parts = path.replace(/\/$/, "").split("/");
  if (path.startsWith("/") || parts.some((p) => p === "" || p === "." || p === "..") || path.includes("\0")) {
    throw new Error(`tar: unsafe path ${JSON.stringify(path)}`);
  }
}

/** One 512-byte ustar header. */
export function tarHeader(entry: {
  type: "file" | "directory";
  path: string;
  size: number;
  mtime: number;
}): Buffer {
  assertSafePath(entry.path);
  if (!Number.isSafeInteger(entry.size) || entry.size < 0 || entry.size > MAX_SIZE) {
    throw new Error(`tar: bad size ${entry.size} for ${entry.path}`);
  }
  if (!Number.isSafeInteger(entry.mtime) || entry.mtime < 0 || entry.mtime > MAX_SIZE) {
    throw new Error(`tar: bad mtime ${entry.mtime}`);
  }
  const isDir = entry.type === "directory";
  const { prefix, name } = splitPath(isDir && !entry.path.endsWith("/") ? `${entry.path}/` : entry.path);
  const header = Buffer.alloc(BLOCK);
  name.copy(header, 0);
  header.write(octal(isDir ? 0o755 : 0o644, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii"); // uid
  header.write(octal(0, 8), 116, "ascii"); // gid
  header.write(octal(isDir ? 0 : entry.size, 12), 124, "ascii");
  header.write(octal(entry.mtime, 12), 136, "ascii");
  header.write("        ", 148, "ascii"); // checksum counts as spaces while summing
  header.write(isDir ? "5" : "0", 156, "ascii");
  header.write("ustar\0" + "00", 257, "ascii"); // uname, gname (265, 297) stay empty
  header.write(octal(0, 8), 329, "ascii"); // devmajor
  header.write(octal(0, 8), 337, "ascii"); // devminor
  prefix.copy(header, 345);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return header;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

export async function* tarStream(
  entries: Iterable<TTarEntry> | AsyncIterable<TTarEntry>,
  options: TTarOptions = {},
): AsyncGenerator<Uint8Array> {
  const mtime = options.mtime ?? 0;
  let written = 0;
  for await (const entry of entries) {
    if (entry.type === "directory") {
      yield tarHeader({ type: "directory", path: entry.path, size: 0, mtime });
      written += BLOCK;
      continue;
    }
    const size = "size" in entry ? entry.size : entry.body.byteLength;
    yield tarHeader({ type: "file", path: entry.path, size, mtime });
    if (!("size" in entry)) {
      if (size > 0) yield entry.body;
    } else {
      let seen = 0;
      for await (const chunk of entry.body) {
        seen += chunk.byteLength;
        if (seen > size) throw new Error(`tar: ${entry.path} is longer than its declared ${size} bytes`);
        if (chunk.byteLength > 0) yield chunk;
      }
      if (seen !== size) throw new Error(`tar: ${entry.path} has ${seen} bytes, not the declared ${size}`);
    }
    const pad = padding(size);
    if (pad.length > 0) yield pad;
    written += BLOCK + size + pad.length;
  }
  written += 2 * BLOCK;
  const rest = written % RECORD;
  yield Buffer.alloc(2 * BLOCK + (rest === 0 ? 0 : RECORD - rest));
}
