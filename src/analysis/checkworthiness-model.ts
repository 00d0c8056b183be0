/**
 * Applies the committed check-worthiness model (logistic regression over the hashed features of
 * checkworthiness-features.ts; trained by src/cli/train/checkworthiness.ts, weights in
 * models/checkworthiness.json).
 */
import type { Features } from './checkworthiness-features.js';
import weightsJson from './models/checkworthiness.json' with { type: 'json' };

export interface CheckworthinessModel {
  version: number;
  featureBits: number;
  bias: number;
  /** Dense weights, one per hash bucket. */
  weights: number[];
  /** Highlight threshold for debate sentences, chosen by cross-validation on the training debates. */
  threshold: number;
  /** Highlight threshold for news prose (stricter; see claims.ts). */
  newsThreshold: number;
}

export const MODEL: CheckworthinessModel = weightsJson as CheckworthinessModel;

/** Returns the model's probability in [0, 1] that the features describe a check-worthy claim. */
export function scoreFeatures(f: Features, model: Pick<CheckworthinessModel, 'bias' | 'weights'> = MODEL): number {
  let z = model.bias;
  const w = model.weights;
  for (let i = 0; i < f.idx.length; i++) z += (w[f.idx[i]!] ?? 0) * f.val[i]!;
  return 1 / (1 + Math.exp(-z));
}
