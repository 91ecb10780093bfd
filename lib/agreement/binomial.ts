import type { Prng } from "./prng";

// log(k!) - [log(sqrt(2 pi)) + (k + 1/2) log(k + 1) - (k + 1)] for k = 0..9.
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Sum of geometric waiting times; expected cost n * p + 1 uniforms. For n * p < 10. */
function binomialInversion(rng: Prng, n: number, p: number): number {
  const logQ = Math.log1p(-p);
  let trials = 0;
  let successes = 0;
  for (;;) {
    trials += Math.ceil(Math.log(rng.nextOpen()) / logQ);
    if (trials > n) return successes;
    successes++;
  }
}

/**
 * BTRS: transformed rejection with squeeze (Hörmann 1993, "The generation of
 * binomial random variates", J. Stat. Comput. Simul. 46), for p <= 1/2 and
 * n * p >= 10. Constant expected cost.
 */
function binomialBtrs(rng: Prng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vR = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const tailM = stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng.nextOpen() - 0.5;
    const v = rng.nextOpen();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vR) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      tailM -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (logV <= bound) return k;
  }
}

/** Exact Binomial(n, p) variate (n a non-negative integer). */
export function sampleBinomial(rng: Prng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

/**
 * Multinomial(n, weights / sum(weights)) via conditional binomials, written
 * into `out`. `weights` are non-negative (integer counts here, so the running
 * remainder is exact).
 */
export function sampleMultinomial(rng: Prng, n: number, weights: Float64Array, out: Float64Array): void {
  let mass = 0;
  for (let g = 0; g < weights.length; g++) mass += weights[g];
  let left = n;
  for (let g = 0; g < weights.length; g++) {
    const w = weights[g];
    if (left === 0 || w === 0) {
      out[g] = 0;
    } else if (w >= mass) {
      out[g] = left;
      left = 0;
    } else {
      const k = sampleBinomial(rng, left, w / mass);
      out[g] = k;
      left -= k;
    }
    mass -= w;
  }
}
