/**
 * Applies the committed check-worthiness model (logistic regression over the hashed features of
 * checkworthiness-features.ts; trained by src/cli/train/checkworthiness.ts, weights in
 * models/checkworthiness.json).
 */
import type { Features } from './checkworthiness-features.js';
import weightsJson from './models/checkworthiness.json' with { type: 'json' };

/** The committed file: sparse weights, delta-coded bucket indices and values in 1/WEIGHT_SCALE units. */
export interface CheckworthinessModelFile {
  version: number;
  featureBits: number;
  /** FEATURE_SIGNATURE of the feature code the weights were trained with. */
  featureSignature: string;
  /** Bias for ClaimBuster-style sentences (what the product scores); CheckThat's own bias is only for training. */
  bias: number;
  weightScale: number;
  /** Gaps between successive non-zero buckets (the first is the bucket itself). */
  indexGaps: number[];
  /** Weight of each non-zero bucket times weightScale, rounded. */
  values: number[];
  /** Highlight threshold for debate sentences, chosen by cross-validation on the training debates. */
  threshold: number;
  /** Highlight threshold for news prose (stricter; see claims.ts). */
  newsThreshold: number;
  /** Cross-validation fold of every training group (debate / transcript): evals score these out of fold. */
  folds: Record<string, number>;
}

export interface CheckworthinessModel {
  bias: number;
  /** Dense weights, one per hash bucket. */
  weights: Float64Array;
  threshold: number;
  newsThreshold: number;
  featureSignature: string;
  folds: Record<string, number>;
}

/** Returns the dense model of a committed model file. */
export function modelFromFile(file: CheckworthinessModelFile): CheckworthinessModel {
  const weights = new Float64Array(1 << file.featureBits);
  let at = 0;
  file.indexGaps.forEach((gap, i) => {
    at += gap;
    weights[at] = file.values[i]! / file.weightScale;
  });
  return {
    bias: file.bias, weights, threshold: file.threshold, newsThreshold: file.newsThreshold,
    featureSignature: file.featureSignature, folds: file.folds,
  };
}

export const MODEL: CheckworthinessModel = modelFromFile(weightsJson as unknown as CheckworthinessModelFile);

/**
 * MODEL's weights packed for scoring: each bucket's stored value (a whole number) in 16 bits and
 * the weights those values stand for in a small table, so WEIGHT_OF[PACKED[b] - LOWEST] is
 * MODEL.weights[b] exactly (the same value / weightScale division). Why: the dense 2 MB array
 * was read at random for every feature and missed the CPU cache on most reads; 0.5 MB plus a
 * table of the few thousand distinct weights mostly does not. Null when the values do not fit.
 */
const PACKED = ((file: CheckworthinessModelFile) => {
  let lowest = 0, highest = 0;
  for (const v of file.values) { lowest = Math.min(lowest, v); highest = Math.max(highest, v); }
  if (highest - lowest >= 0xffff || !file.values.every(Number.isInteger)) return null;
  const packed = new Uint16Array(1 << file.featureBits).fill(-lowest);
  let at = 0;
  file.indexGaps.forEach((gap, i) => { at += gap; packed[at] = file.values[i]! - lowest; });
  const weightOf = Float64Array.from({ length: highest - lowest + 1 }, (_, k) => (k + lowest) / file.weightScale);
  // Buckets without a weight hold 0 in MODEL.weights: the table's entry for value 0 must be 0 too.
  weightOf[-lowest] = 0;
  return { packed, weightOf };
})(weightsJson as unknown as CheckworthinessModelFile);

/** Returns the model's probability in [0, 1] that the features describe a check-worthy claim. */
export function scoreFeatures(f: Features, model: Pick<CheckworthinessModel, 'bias' | 'weights'> = MODEL): number {
  return scoreValues(f.idx, f.val, f.idx.length, model);
}

/** scoreFeatures of features given as buckets idx[i] with values val[i], i < count. */
export function scoreValues(idx: ArrayLike<number>, val: ArrayLike<number>, count: number, model: Pick<CheckworthinessModel, 'bias' | 'weights'> = MODEL): number {
  let z = model.bias;
  if (model === MODEL && PACKED) {
    const { packed, weightOf } = PACKED;
    for (let i = 0; i < count; i++) z += weightOf[packed[idx[i]!]!]! * val[i]!;
  } else {
    const w = model.weights;
    for (let i = 0; i < count; i++) z += w[idx[i]!]! * val[i]!;
  }
  return 1 / (1 + Math.exp(-z));
}
