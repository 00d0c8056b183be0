/**
 * Trains the check-worthiness model: L2-regularised logistic regression over the hashed features
 * of src/analysis/checkworthiness-features.ts, fitted with AdaGrad SGD in a fixed-seed order, so
 * the same data always gives the same weights.
 *
 * Training data (dev halves under ../shared/eval): ClaimBuster crowdsourced.csv + groundtruth.csv
 * (Verdict 1 = check-worthy vs the rest) and CheckThat 2019 task 1 (all 13 dev transcripts).
 * Held-out reporting: rows are grouped by debate / transcript and the groups dealt into K folds
 * (sorted by name, fold = index mod K). `crossValidate` trains on K-1 folds and scores the held-out
 * fold, so every reported figure (src/cli/eval/checkworthy.ts) is on debates the scoring model
 * never saw. The debate highlight threshold is chosen, inside each outer fold, by an inner
 * cross-validation on the training folds only (best F1 on their ClaimBuster rows). The committed
 * model is then trained on every row; its `threshold` is chosen the same way over all folds.
 * CheckThat 2021 tweets are never trained on.
 * FIT.epochs = 6 (was 12) and the feature groups in FEATURE_OPTS were picked by the same
 * debate-grouped cross-validation (figures in the eval command), so those figures carry a small
 * model-selection optimism.
 */
import { writeFileSync } from 'node:fs';
import { tokenize } from '../../analysis/nlp.js';
import { FEATURE_BITS, sentenceFeatures, type Features } from '../../analysis/checkworthiness-features.js';
import type { CheckworthinessModel } from '../../analysis/checkworthiness-model.js';
import { loadCheckThat2019, loadClaimBuster, type LabelledRow } from '../eval/claimbuster.js';

export interface Example extends LabelledRow {
  features: Features;
  /** Training weight (CheckThat lines count less: its labels follow a stricter, ranking-oriented standard). */
  weight: number;
}

export const K_FOLDS = 5;
/** Training settings (exported so scratch sweeps can vary them; the committed model uses these). */
export const FIT = { epochs: 6, l2: 1e-5, rate: 0.3, positiveWeight: 1 };
const SEED = 20240810;
/** News threshold = debate threshold + this margin: news prose is denser in facts than debate talk. */
export const NEWS_MARGIN = 0.1;

/** Returns the features of one row of text (the row is one unit even if wink splits it). */
export function featurize(text: string): Features {
  const tok = tokenize(text);
  return sentenceFeatures(tok, 0, tok.tokens.length).features;
}

/** Returns every training example with features, or [] when no dataset is present. */
export function loadExamples(dataDir: string): Example[] {
  const rows: Array<[LabelledRow, number]> = [];
  for (const r of loadClaimBuster(dataDir, 'crowdsourced.csv') ?? []) rows.push([r, 1]);
  for (const r of loadClaimBuster(dataDir, 'groundtruth.csv') ?? []) rows.push([{ ...r, key: `gt:${r.key}` }, 1]);
  for (const r of loadCheckThat2019(dataDir) ?? []) rows.push([r, 0.5]);
  return rows.map(([r, weight]) => ({ ...r, weight, features: featurize(r.text) }));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns logistic-regression weights fitted on the examples (deterministic). */
export function fitLogistic(examples: Example[]): { bias: number; weights: Float64Array } {
  const dims = 1 << FEATURE_BITS;
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims).fill(1e-8);
  let bias = 0, gb = 1e-8;
  const order = examples.map((_, i) => i);
  const rand = mulberry32(SEED);
  for (let epoch = 0; epoch < FIT.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const ex = examples[n]!;
      const { idx, val } = ex.features;
      let z = bias;
      for (let k = 0; k < idx.length; k++) z += w[idx[k]!]! * val[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - ex.label) * ex.weight * (ex.label ? FIT.positiveWeight : 1);
      for (let k = 0; k < idx.length; k++) {
        const h = idx[k]!;
        const g = err * val[k]! + FIT.l2 * w[h]!;
        g2[h]! += g * g;
        w[h]! -= (FIT.rate * g) / Math.sqrt(g2[h]!);
      }
      gb += err * err;
      bias -= (FIT.rate * err) / Math.sqrt(gb);
    }
  }
  return { bias, weights: w };
}

function predict(m: { bias: number; weights: Float64Array }, f: Features): number {
  let z = m.bias;
  for (let k = 0; k < f.idx.length; k++) z += m.weights[f.idx[k]!]! * f.val[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** Returns the fold (0..K-1) of every group name: groups sorted by name, dealt round-robin. */
export function foldsOf(examples: Example[], k = K_FOLDS): Map<string, number> {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  // Deal each dataset's groups separately so every fold holds debates of every dataset.
  const byPrefix = new Map<string, string[]>();
  for (const g of groups) {
    const p = g.split(':')[0]!;
    byPrefix.set(p, [...(byPrefix.get(p) ?? []), g]);
  }
  const fold = new Map<string, number>();
  for (const list of byPrefix.values()) list.forEach((g, i) => fold.set(g, i % k));
  return fold;
}

/** Returns out-of-fold scores (example index -> score) from group K-fold cross-validation. */
export function crossValidate(examples: Example[], k = K_FOLDS): Float64Array {
  const fold = foldsOf(examples, k);
  const scores = new Float64Array(examples.length);
  for (let f = 0; f < k; f++) {
    const model = fitLogistic(examples.filter((e) => fold.get(e.group) !== f));
    examples.forEach((e, i) => { if (fold.get(e.group) === f) scores[i] = predict(model, e.features); });
  }
  return scores;
}

/** Returns the threshold with the best positive-class F1 of the scores against the labels. */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const pos = Array.from(labels).reduce((a, b) => a + b, 0);
  let tp = 0, best = 0, thr = 0.5;
  for (let r = 0; r < idx.length; r++) {
    tp += labels[idx[r]!]!;
    const f1 = (2 * tp) / (r + 1 + pos);
    if (f1 > best && (r + 1 === idx.length || scores[idx[r + 1]!]! < scores[idx[r]!]!)) {
      best = f1;
      thr = r + 1 < idx.length ? (scores[idx[r]!]! + scores[idx[r + 1]!]!) / 2 : scores[idx[r]!]!;
    }
  }
  return thr;
}

const isCbCrowd = (e: Example) => e.group.startsWith('cb:') && !e.key.startsWith('gt:');

/** Returns the debate threshold chosen by cross-validation on these examples' ClaimBuster crowdsourced rows. */
export function chooseThreshold(examples: Example[], k = K_FOLDS): number {
  const oof = crossValidate(examples, k);
  const sel = examples.map((e, i) => [e, i] as const).filter(([e]) => isCbCrowd(e));
  return bestThreshold(sel.map(([, i]) => oof[i]!), sel.map(([e]) => e.label));
}

/**
 * Returns held-out scores and per-fold thresholds: for each outer fold, the model and the
 * threshold come from the other folds only.
 */
export function heldOutScores(examples: Example[], k = K_FOLDS): { scores: Float64Array; thresholds: Float64Array } {
  const fold = foldsOf(examples, k);
  const scores = new Float64Array(examples.length);
  const thresholds = new Float64Array(examples.length);
  for (let f = 0; f < k; f++) {
    const train = examples.filter((e) => fold.get(e.group) !== f);
    const model = fitLogistic(train);
    const thr = chooseThreshold(train, k - 1);
    examples.forEach((e, i) => {
      if (fold.get(e.group) !== f) return;
      scores[i] = predict(model, e.features);
      thresholds[i] = thr;
    });
  }
  return { scores, thresholds };
}

/** Trains on every row under dataDir, writes the weights JSON to outFile and returns its summary figures. */
export async function trainCheckworthiness(dataDir: string, outFile: string): Promise<Record<string, number>> {
  const examples = loadExamples(dataDir);
  if (!examples.length) throw new Error(`no check-worthiness training data under ${dataDir}`);
  const { bias, weights } = fitLogistic(examples);
  const threshold = chooseThreshold(examples);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const model: CheckworthinessModel = {
    version: 1, featureBits: FEATURE_BITS, bias: round(bias), weights: Array.from(weights, round),
    threshold: round(threshold), newsThreshold: round(Math.min(0.95, threshold + NEWS_MARGIN)),
  };
  writeFileSync(outFile, `${JSON.stringify(model)}\n`);
  return {
    examples: examples.length,
    positives: examples.filter((e) => e.label === 1).length,
    threshold: model.threshold,
    newsThreshold: model.newsThreshold,
  };
}
