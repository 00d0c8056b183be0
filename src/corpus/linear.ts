/**
 * Multinomial logistic regression over named, real-valued sparse features (full-batch gradient
 * descent with L2, fixed order: the same rows give the same weights). Used by body-stance.ts.
 */

export interface LinearModel {
  labels: string[];
  /** feature name -> weight per label. */
  weights: Record<string, number[]>;
  bias: number[];
}

export type Features = Record<string, number>;

/** Returns per-label probabilities of one feature vector. */
export function linearProba(model: LinearModel, x: Features): number[] {
  const z = model.bias.slice();
  for (const f in x) {
    const w = model.weights[f];
    const v = x[f]!;
    if (w && v) for (let k = 0; k < z.length; k++) z[k]! += w[k]! * v;
  }
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export interface TrainOptions {
  epochs: number;
  lr: number;
  l2: number;
  /** Per-label weight of a row (class balancing); 1 when absent. */
  classWeight?: number[];
}

/** Returns a model trained on rows of (features, label index). Features absent from every row get no weight. */
export function trainLinear(rows: { x: Features; label: number }[], labels: string[], opts: TrainOptions): LinearModel {
  const vocab = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const K = labels.length;
  const X = rows.map((r) => {
    const ids: number[] = [], vals: number[] = [];
    for (const f of Object.keys(r.x).sort()) if (r.x[f]) { ids.push(index.get(f)!); vals.push(r.x[f]!); }
    return { ids, vals };
  });
  const W = new Float64Array(vocab.length * K);
  const b = new Float64Array(K);
  const cw = rows.map((r) => opts.classWeight?.[r.label] ?? 1);
  const wsum = cw.reduce((a, c) => a + c, 0) || 1;
  // Adagrad-style per-weight step sizes: features on very different scales still converge.
  const gW2 = new Float64Array(W.length).fill(1e-8), gb2 = new Float64Array(K).fill(1e-8);
  const z = new Float64Array(K);
  for (let ep = 0; ep < opts.epochs; ep++) {
    const gW = new Float64Array(W.length);
    const gb = new Float64Array(K);
    for (let r = 0; r < rows.length; r++) {
      const { ids, vals } = X[r]!;
      for (let k = 0; k < K; k++) z[k] = b[k]!;
      for (let j = 0; j < ids.length; j++) for (let k = 0; k < K; k++) z[k]! += W[ids[j]! * K + k]! * vals[j]!;
      let m = -Infinity;
      for (let k = 0; k < K; k++) if (z[k]! > m) m = z[k]!;
      let s = 0;
      for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k]! - m); s += z[k]!; }
      for (let k = 0; k < K; k++) {
        const g = (z[k]! / s - (rows[r]!.label === k ? 1 : 0)) * cw[r]!;
        gb[k]! += g;
        for (let j = 0; j < ids.length; j++) gW[ids[j]! * K + k]! += g * vals[j]!;
      }
    }
    for (let i = 0; i < W.length; i++) {
      const g = gW[i]! / wsum + opts.l2 * W[i]!;
      gW2[i]! += g * g;
      W[i]! -= (opts.lr * g) / Math.sqrt(gW2[i]!);
    }
    for (let k = 0; k < K; k++) {
      const g = gb[k]! / wsum;
      gb2[k]! += g * g;
      b[k]! -= (opts.lr * g) / Math.sqrt(gb2[k]!);
    }
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), (v) => Math.round(v * 1e4) / 1e4);
    if (w.some((v) => v !== 0)) weights[f] = w;
  });
  return { labels, weights, bias: Array.from(b, (v) => Math.round(v * 1e4) / 1e4) };
}
