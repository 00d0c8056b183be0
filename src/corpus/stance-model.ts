/**
 * A small learned stance model for (claim, headline/sentence) pairs: multinomial logistic
 * regression over hashed-free sparse features (headline words and bigrams, the cue flags of
 * features.ts, claim/headline overlap). Trained by src/cli/train/stance.ts on Emergent's training
 * split only; the weights are committed in models/stance.json.
 */
import { sentenceFeatures } from './features.js';
import { words, termOf } from './normalize.js';

export const STANCE_LABELS = ['for', 'against', 'observing'] as const;
export type StanceLabel = (typeof STANCE_LABELS)[number];

export interface StanceModel {
  labels: readonly string[];
  /** feature name -> weights per label. */
  weights: Record<string, number[]>;
  bias: number[];
}

/** Returns the sparse binary features of a (claim, headline) pair. */
export function stanceFeatures(claim: string, headline: string): string[] {
  const hf = sentenceFeatures(headline);
  const cf = sentenceFeatures(claim);
  const hw = words(headline).map((w) => w.w);
  const out = new Set<string>();
  for (let i = 0; i < hw.length; i++) {
    out.add('w:' + hw[i]);
    if (i + 1 < hw.length) out.add('b:' + hw[i] + '_' + hw[i + 1]);
  }
  const flags: [string, boolean][] = [
    ['denial', hf.denial], ['negated', hf.negated], ['hedged', hf.hedged], ['anaphoric', hf.anaphoricDenial],
    ['question', /\?\s*$/.test(headline)], ['c_negated', cf.negated || cf.denial],
    ['neg_mismatch', (hf.negated || hf.denial) !== (cf.negated || cf.denial)],
  ];
  for (const [k, v] of flags) if (v) out.add('f:' + k);
  const ct = new Set(cf.terms);
  const shared = hf.terms.filter((t) => ct.has(t)).length;
  const j = shared / Math.max(1, new Set([...hf.terms, ...cf.terms]).size);
  out.add('sim:' + Math.min(4, Math.floor(j * 10)));
  // Headline words the claim does not have: "denies", "hoax", "rumor" come from here.
  for (const w of words(headline)) {
    const t = termOf(w);
    if (t && !ct.has(t)) out.add('new:' + t);
  }
  return [...out];
}

/** Returns per-label probabilities for one feature list. */
export function predictProba(model: StanceModel, feats: string[]): number[] {
  const z = model.bias.slice();
  for (const f of feats) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < z.length; k++) z[k]! += w[k]!;
  }
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Returns the most likely stance label of a headline toward a claim. */
export function predictStance(model: StanceModel, claim: string, headline: string): string {
  const p = predictProba(model, stanceFeatures(claim, headline));
  return model.labels[p.indexOf(Math.max(...p))]!;
}

/** Returns a model trained by full-batch gradient descent with L2 (deterministic: fixed order, no sampling). */
export function trainModel(rows: { feats: string[]; label: number }[], labels: readonly string[], opts = { epochs: 300, lr: 0.5, l2: 1e-3, minCount: 2 }): StanceModel {
  const counts = new Map<string, number>();
  for (const r of rows) for (const f of r.feats) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= opts.minCount).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const K = labels.length;
  const W = new Float64Array(vocab.length * K);
  const b = new Float64Array(K);
  const X = rows.map((r) => r.feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const n = rows.length;
  for (let ep = 0; ep < opts.epochs; ep++) {
    const gW = new Float64Array(W.length);
    const gb = new Float64Array(K);
    for (let r = 0; r < n; r++) {
      const z = Array.from(b);
      for (const i of X[r]!) for (let k = 0; k < K; k++) z[k]! += W[i * K + k]!;
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, c) => a + c, 0);
      for (let k = 0; k < K; k++) {
        const g = e[k]! / s - (rows[r]!.label === k ? 1 : 0);
        gb[k]! += g;
        for (const i of X[r]!) gW[i * K + k]! += g;
      }
    }
    for (let i = 0; i < W.length; i++) W[i]! -= opts.lr * (gW[i]! / n + opts.l2 * W[i]!);
    for (let k = 0; k < K; k++) b[k]! -= (opts.lr * gb[k]!) / n;
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), (v) => Math.round(v * 1e4) / 1e4);
    if (w.some((v) => v !== 0)) weights[f] = w;
  });
  return { labels, weights, bias: Array.from(b, (v) => Math.round(v * 1e4) / 1e4) };
}
