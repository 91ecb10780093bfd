/**
 * Small deterministic PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128-bit state), seeded through splitmix32 so that nearby seeds
 * give unrelated streams. Not cryptographic. A class (rather than a closure)
 * because V8 keeps its state in object fields, which is markedly faster in the
 * bootstrap's hot loop.
 */
const TWO_32 = 4294967296;

export class Prng {
  // Numeric initialisers keep V8's field representation unboxed (double) rather than tagged.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1) with 32-bit resolution. */
  next(): number {
    return this.nextUint32() / TWO_32;
  }

  /** Uniform double in the open interval (0, 1); safe to take the log of. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_32;
  }

  /** Uniform integer in [0, n) for 0 < n <= 2^32 (bias below n / 2^32). */
  nextIndex(n: number): number {
    return Math.floor((this.nextUint32() * n) / TWO_32);
  }
}

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from an integer seed (any safe integer, negative allowed). */
export function createPrng(seed: number): Prng {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a safe integer; got ${seed}`);
  const low = splitmix32(seed | 0);
  const high = Math.floor(seed / TWO_32) | 0;
  return new Prng(low() ^ high, low(), low(), low());
}
