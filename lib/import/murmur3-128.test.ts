import { describe, expect, it } from "vitest";
import { murmur3x86128 } from "./murmur3-128";

function murmur(text: string): number[] {
  const out = new Uint32Array(4);
  murmur3x86128(text, out);
  return [...out];
}

describe("murmur3x86128", () => {
  it("matches a byte-level port of the C reference on the UTF-16LE bytes, for every tail length", () => {
    // Computed with a Python transcription of MurmurHash3_x86_128 over text.encode("utf-16-le").
    expect(murmur("")).toEqual([0, 0, 0, 0]);
    expect(murmur("a")).toEqual([54243734, 3438235617, 3438235617, 3438235617]);
    expect(murmur("abc")).toEqual([727422883, 553082805, 1343406772, 1343406772]);
    expect(murmur("item-10000001")).toEqual([3668982819, 3190802713, 3612717066, 137911703]);
    expect(murmur("0123456789abcdef")).toEqual([769227975, 4282612707, 3233899561, 3271910756]);
    expect(murmur("0123456789abcdefg")).toEqual([12039421, 3385343273, 4140825178, 3674084229]);
    expect(murmur("日本語😀 text of some length here!!")).toEqual([
      2196644703, 3168853013, 2020020708, 4186973482,
    ]);
  });

  it("gives 200,000 sequential ids 200,000 distinct 96-bit keys", () => {
    const keys = new Set<string>();
    const out = new Uint32Array(4);
    for (let i = 0; i < 200_000; i++) {
      murmur3x86128(`item-${i}`, out);
      keys.add(`${out[0]}:${out[1]}:${out[2]}`);
    }
    expect(keys.size).toBe(200_000);
  });
});
