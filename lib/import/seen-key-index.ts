/**
 * A set of 96-bit keys, each mapped to the line that first had it plus an optional 64-bit tag:
 * open addressing with linear probing in one Uint32Array.
 *
 * Why not a Set or Map of strings: for a million records a Map of ids costs 60 MB (short ids) to
 * 250 MB (200-character ids) and much GC work; this costs 16 bytes per slot (24 with the tag),
 * at most 3/4 full, whatever the key's source length, and makes no garbage. Why 96 bits: for
 * well-mixed keys the chance that any two of n = 1e6 share a key is about n²/2⁹⁷ ≈ 6e-18.
 */
export class SeenKeyIndex {
  private readonly stride: number;
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(withTag: boolean, initialCapacity = 1 << 12) {
    this.stride = withTag ? 6 : 4;
    const capacity = 1 << Math.max(4, Math.ceil(Math.log2(initialCapacity)));
    this.slots = new Uint32Array(capacity * this.stride);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /**
   * Inserts the key (three 32-bit words, the first well mixed: it picks the slot) with `line`
   * (≥ 1) and the tag, unless present. Returns -1 when inserted, else the slot of the earlier
   * entry (read it with `lineOf` / `tagMatches`).
   */
  findOrInsert(k0: number, k1: number, k2: number, line: number, t0 = 0, t1 = 0): number {
    k0 >>>= 0;
    k1 >>>= 0;
    k2 >>>= 0;
    const slots = this.slots;
    const stride = this.stride;
    let slot = k0 & this.mask;
    for (;;) {
      const at = slot * stride;
      if (slots[at + 3] === 0) break;
      if (slots[at] === k0 && slots[at + 1] === k1 && slots[at + 2] === k2) return slot;
      slot = (slot + 1) & this.mask;
    }
    const at = slot * stride;
    slots[at] = k0;
    slots[at + 1] = k1;
    slots[at + 2] = k2;
    slots[at + 3] = line;
    if (stride === 6) {
      slots[at + 4] = t0;
      slots[at + 5] = t1;
    }
    this.count++;
    if (this.count * 4 > (this.mask + 1) * 3) this.grow();
    return -1;
  }

  lineOf(slot: number): number {
    return this.slots[slot * this.stride + 3];
  }

  tagMatches(slot: number, t0: number, t1: number): boolean {
    const at = slot * this.stride;
    return this.slots[at + 4] === t0 >>> 0 && this.slots[at + 5] === t1 >>> 0;
  }

  private grow(): void {
    const old = this.slots;
    const stride = this.stride;
    const capacity = (this.mask + 1) * 2;
    const slots = new Uint32Array(capacity * stride);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += stride) {
      if (old[at + 3] === 0) continue;
      let slot = old[at] & mask;
      while (slots[slot * stride + 3] !== 0) slot = (slot + 1) & mask;
      const to = slot * stride;
      for (let j = 0; j < stride; j++) slots[to + j] = old[at + j];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 8 lowercase hex digits at `offset` as an unsigned 32-bit number, without allocating. */
export function hexWord(hex: string, offset: number): number {
  return (
    ((HEX[hex.charCodeAt(offset)] << 28) |
      (HEX[hex.charCodeAt(offset + 1)] << 24) |
      (HEX[hex.charCodeAt(offset + 2)] << 20) |
      (HEX[hex.charCodeAt(offset + 3)] << 16) |
      (HEX[hex.charCodeAt(offset + 4)] << 12) |
      (HEX[hex.charCodeAt(offset + 5)] << 8) |
      (HEX[hex.charCodeAt(offset + 6)] << 4) |
      HEX[hex.charCodeAt(offset + 7)]) >>>
    0
  );
}

const HEX = new Uint8Array(128);
for (let i = 0; i < 16; i++) HEX["0123456789abcdef".charCodeAt(i)] = i;
