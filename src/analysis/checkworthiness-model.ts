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

/** Returns the model's probability in [0, 1] that the features describe a check-worthy claim. */
export function scoreFeatures(f: Features, model: Pick<CheckworthinessModel, 'bias' | 'weights'> = MODEL): number {
  let z = model.bias;
  const w = model.weights;
  for (let i = 0; i < f.idx.length; i++) z += w[f.idx[i]!]! * f.val[i]!;
  return 1 / (1 + Math.exp(-z));
}
