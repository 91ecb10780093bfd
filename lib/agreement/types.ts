/**
 * Shared types for the inter-annotator agreement module.
 *
 * Conventions used throughout:
 * - A reliability matrix is `Rating[][]`: rows are items (units), columns are
 *   annotators (coders); `null` (or a missing cell in a ragged row) means
 *   "not rated".
 * - Statistics return `null` when they are undefined (no item with two
 *   ratings, or no variation so the expected disagreement is 0).
 */

/** One cell of a reliability matrix; `null` means "not rated". */
export type Rating = string | number | null;

/** A rating that is present. */
export type RatingValue = string | number;

/** Krippendorff's metric levels. */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * A custom difference function for Krippendorff's alpha, used as the
 * disagreement `delta(c, k)` directly (it plays the role of the *squared*
 * metric difference in Krippendorff's notation). It must be symmetric,
 * non-negative and return 0 for identical values. Used for MASI.
 */
export type DistanceMetric = {
  kind: "distance";
  distance: (a: RatingValue, b: RatingValue) => number;
};

/** Anything Krippendorff's alpha can be computed with. */
export type AlphaMetric = AlphaLevel | DistanceMetric;

/** Typed arrays accepted for integer columns of the aggregated API. */
export type IntArray = Int32Array | Uint32Array;
