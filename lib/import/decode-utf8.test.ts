import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidByte } from "./decode-utf8";
import { InvalidUtf8Error } from "./invalid-utf8-error";
import { byteChunks } from "@/lib/testing/test-input";

async function decodeAll(chunks: AsyncIterable<Uint8Array | string>): Promise<string> {
  let text = "";
  for await (const piece of decodeUtf8(chunks)) text += piece;
  return text;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe("decodeUtf8", () => {
  it("decodes any text the same whatever the chunk size, dropping one leading BOM", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme" }),
        fc.integer({ min: 1, max: 9 }),
        async (text, size) => {
          expect(await decodeAll(byteChunks(`\uFEFF${text}`, size))).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds the first invalid byte exactly as a strict decoder judges validity", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        const bad = firstInvalidByte(bytes);
        expect(bad === bytes.length).toBe(isValidUtf8(bytes));
        expect(isValidUtf8(bytes.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("yields the text before a bad byte, then throws", async () => {
    const bytes = Buffer.concat([Buffer.from("ok ü\nline 2 "), Buffer.from([0xff]), Buffer.from(" rest")]);
    for (const size of [1, 2, 5, 100]) {
      const pieces: string[] = [];
      await expect(async () => {
        for await (const piece of decodeUtf8(byteChunks(bytes, size))) pieces.push(piece);
      }).rejects.toThrow(InvalidUtf8Error);
      expect(pieces.join("")).toBe("ok ü\nline 2 ");
    }
  });

  it("rejects input that ends inside a character", async () => {
    const truncated = Buffer.from("abc€").subarray(0, 5);
    await expect(decodeAll(byteChunks(truncated, 2))).rejects.toThrow(InvalidUtf8Error);
  });
});
