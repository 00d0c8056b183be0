/**
 * FNC-1 eval of the body-stance model (src/corpus/body-stance.ts). Every body of the folder (the
 * labelled ones plus the unlabelled train bodies as distractors) is in one collection, which gives
 * the IDF; each headline's listed pairs (its story's bodies plus distractors from other stories)
 * form its library: the model judges them together, so a body's cues can be compared with the
 * rest of the coverage it would sit beside. This runs the pure scoring functions directly, not the
 * Library class (whose per-sentence rules decide the popup's statuses).
 * Scored with the official FNC-1 weighting (0.25 for related/unrelated right, +0.75 for the right
 * related label), relative to the best possible score.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './stance.js';
import { fnv1a } from '../../corpus/fingerprint.js';
import { linearProba, trainLinear, type Features } from '../../corpus/linear.js';
import { words } from '../../corpus/normalize.js';
import {
  BODY_LABELS, addRelatedContext, bodyView, docFreq, pairFeatures, predictGroup, relatedPart, relatedProba, stanceInputs,
  type BodyStanceModel, type BodyView, type PairInput,
} from '../../corpus/body-stance.js';

export interface FncEval {
  relative_score: number;
  related_accuracy: number;
  disagree_f1: number;
  n_pairs: number;
  /** confusion[gold][predicted], FNC labels. */
  confusion?: Record<string, Record<string, number>>;
  /** The out-of-fold figures on the stories with an even / odd cluster hash. */
  halves?: { even: FncScore; odd: FncScore } | null;
  /** The committed model on the pairs of stories it was not trained on, or null when there are none. */
  committed?: FncScore | null;
}

export type FncScore = Omit<FncEval, 'confusion' | 'halves' | 'committed'>;

export const FNC_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;

/** Returns the official FNC-1 score relative to the maximum, related/unrelated accuracy and disagree F1. */
export function scoreFnc(gold: string[], pred: string[]): Omit<FncEval, 'n_pairs'> {
  let score = 0, max = 0, relRight = 0, tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    const p = pred[i]!;
    const gRel = g !== 'unrelated', pRel = p !== 'unrelated';
    max += gRel ? 1 : 0.25;
    if (gRel === pRel) { score += 0.25; relRight++; }
    if (gRel && g === p) score += 0.75;
    if (g === 'disagree' && p === 'disagree') tp++;
    else if (p === 'disagree') fp++;
    else if (g === 'disagree') fn++;
  });
  return {
    relative_score: max ? score / max : 0,
    related_accuracy: gold.length ? relRight / gold.length : 0,
    disagree_f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/** Returns counts of (gold, predicted) label pairs. */
export function confusionOf(gold: string[], pred: string[]): Record<string, Record<string, number>> {
  const m: Record<string, Record<string, number>> = {};
  for (const g of FNC_LABELS) m[g] = Object.fromEntries(FNC_LABELS.map((p) => [p, 0]));
  gold.forEach((g, i) => { const row = (m[g] ??= {}); row[pred[i]!] = (row[pred[i]!] ?? 0) + 1; });
  return m;
}

function bodies(file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const id = head!.indexOf('Body ID'), body = head!.indexOf('articleBody');
  for (const r of rows) out.set(r[id]!, r[body]!);
  return out;
}

export interface FncPair { headline: string; bodyId: string; stance: string }

/** How the stance model is fitted (chosen by the cross-validation below; see the README's figures). */
export const STANCE_FIT = {
  epochs: 400, lr: 0.5, l2: 1e-4,
  /** Class weights are balanced weights raised to this power (1 = fully balanced, 0 = none). */
  classWeightPower: 0.5,
  /** A body word is a feature when bodies of at least this share of the training stories use it (topic words drop out). */
  bodyWordShare: 0.23,
  /** The same for headline words. */
  headlineWordShare: 0.28,
  /** How much more a related pair counts than an unrelated one when the relatedness threshold is chosen. */
  relatedWeight: 2,
  /** Added to the log-probabilities of agree / disagree / discuss before the argmax. */
  bias: [0, 0.4, 0],
};

/** A training row: a pair's input, its gold label and its [headline cluster, body cluster]. */
export interface FncRow { input: PairInput; stance: string; clusters: string[] }

/** Returns the row indices grouped by headline (first-seen order): one headline's library. */
function groupsByHeadline(rows: { input: PairInput }[]): number[][] {
  const m = new Map<string, number[]>();
  rows.forEach((r, i) => {
    let g = m.get(r.input.headline);
    if (!g) m.set(r.input.headline, (g = []));
    g.push(i);
  });
  return [...m.values()];
}

/** Returns the words (`bw:` / `hw:` keys) used by at least `share` of the stories. */
function sharedWords(rows: FncRow[], prefix: 'bw:' | 'hw:', share: number): Set<string> {
  const side = prefix === 'bw:' ? 1 : 0;
  const stories = new Map<string, Set<string>>();
  const all = new Set<string>();
  const seen = new Set<BodyView | string>();
  for (const r of rows) {
    const c = r.clusters[side]!;
    all.add(c);
    const key = side ? r.input.body : r.input.headline;
    if (seen.has(key)) continue;
    seen.add(key);
    const ws = side ? [...r.input.body.wordCounts.keys()] : [...new Set(words(r.input.headline).map((w) => w.w))];
    for (const w of ws) {
      let s = stories.get(w);
      if (!s) stories.set(w, (s = new Set()));
      s.add(c);
    }
  }
  const min = share * all.size;
  return new Set([...stories].filter(([, s]) => s.size >= min).map(([w]) => prefix + w));
}

/** Returns the model trained on labelled pairs: relatedness, its threshold, stance (deterministic). */
export function trainBodyModel(rows: FncRow[], fit = STANCE_FIT): BodyStanceModel {
  const rel = rows.map((r) => ({ x: relatedPart(r.input.x), label: r.stance === 'unrelated' ? 0 : 1 }));
  const related = trainLinear(rel, ['unrelated', 'related'], { epochs: 400, lr: 0.5, l2: 1e-4 });
  // Threshold: the best weighted accuracy on the training rows (few dense features, little
  // overfit), a related pair counting RELATED_WEIGHT times an unrelated one: the FNC-1 score
  // loses 0.25 for a false "related" but 0.25 plus the stance's 0.75 for a missed one.
  const scored = rel.map((r) => ({ p: linearProba(related, r.x)[1]!, y: r.label })).sort((a, b) => a.p - b.p);
  const W = fit.relatedWeight;
  let right = scored.filter((r) => r.y === 1).length * W, best = right, threshold = 0;
  for (let i = 0; i < scored.length; i++) {
    right += scored[i]!.y === 0 ? 1 : -W;
    if (right > best && (i + 1 === scored.length || scored[i + 1]!.p > scored[i]!.p)) {
      best = right;
      threshold = i + 1 < scored.length ? (scored[i]!.p + scored[i + 1]!.p) / 2 : scored[i]!.p + 1e-9;
    }
  }
  threshold = Math.round(threshold * 1e4) / 1e4;
  const partial: BodyStanceModel = { related, threshold, stance: { labels: [...BODY_LABELS], weights: {}, bias: [0, 0, 0] } };
  // Stance rows: gold-related pairs the relatedness step passes, with features computed in their
  // headline's library as the model will see them (the context is the pairs it calls related).
  const vocab = new Set([...sharedWords(rows, 'bw:', fit.bodyWordShare), ...sharedWords(rows, 'hw:', fit.headlineWordShare)]);
  const sx = new Map<number, Features>();
  const groups = groupsByHeadline(rows).map((g) => g.filter((i) => relatedProba(partial, rows[i]!.input.x) >= threshold));
  for (const passed of groups) {
    const inputs = stanceInputs(passed.map((i) => rows[i]!.input));
    passed.forEach((i, k) => {
      const x: Features = {};
      for (const [f, v] of Object.entries(inputs[k]!)) if (!(f.startsWith('bw:') || f.startsWith('hw:')) || vocab.has(f)) x[f] = v;
      sx.set(i, x);
    });
  }
  const examples = (keep: (i: number) => boolean) => {
    const out: { x: Features; label: number }[] = [];
    for (const passed of groups) for (const i of passed) {
      if (rows[i]!.stance !== 'unrelated' && keep(i)) out.push({ x: sx.get(i)!, label: BODY_LABELS.indexOf(rows[i]!.stance as never) });
    }
    return out;
  };
  const fitStance = (st: { x: Features; label: number }[]) => {
    const freq = BODY_LABELS.map((_, k) => st.filter((r) => r.label === k).length);
    const classWeight = freq.map((f) => (st.length / (BODY_LABELS.length * Math.max(1, f))) ** fit.classWeightPower);
    return trainLinear(st, [...BODY_LABELS], { epochs: fit.epochs, lr: fit.lr, l2: fit.l2, classWeight });
  };
  const stance = fitStance(examples(() => true));
  return { related, threshold, stance, bias: fit.bias, trainedOn: [...new Set(rows.flatMap((r) => r.clusters))].sort() };
}

/** Returns the FNC-1 labels of the inputs, each headline's pairs judged together as its library. */
export function predictPairs(model: BodyStanceModel, inputs: PairInput[]): string[] {
  const out: string[] = new Array(inputs.length);
  for (const g of groupsByHeadline(inputs.map((input) => ({ input })))) {
    predictGroup(model, g.map((i) => inputs[i]!)).forEach((l, k) => { out[g[k]!] = l; });
  }
  return out;
}

/** Returns pairs, body texts (dev bodies, then the unlabelled distractors) and clusters, or null when absent. */
export function loadFnc(dataDir: string): { pairs: FncPair[]; texts: Map<string, string>; clusterOf: (p: FncPair) => string[] } | null {
  const dir = path.join(dataDir, 'fnc-1');
  const stancesFile = path.join(dir, 'competition_test_stances.csv');
  if (!existsSync(stancesFile)) return null;
  const [head, ...rows] = parseCsv(readFileSync(stancesFile, 'utf8'));
  const h = head!.indexOf('Headline'), b = head!.indexOf('Body ID'), s = head!.indexOf('Stance');
  const pairs = rows.map((r) => ({ headline: r[h]!, bodyId: r[b]!, stance: r[s]! }));
  const texts = bodies(path.join(dir, 'competition_test_bodies.csv'));
  for (const [id, t] of bodies(path.join(dir, 'train_bodies.csv'))) if (!texts.has(id)) texts.set(id, t);
  const byBody = new Map<string, string>(), byHeadline = new Map<string, string>();
  const cf = path.join(dir, 'clusters.json');
  if (existsSync(cf)) {
    const clusters = JSON.parse(readFileSync(cf, 'utf8')) as Record<string, { bodies: number[]; headlines: string[] }>;
    for (const [k, c] of Object.entries(clusters)) {
      for (const id of c.bodies) byBody.set(String(id), k);
      for (const x of c.headlines) byHeadline.set(x, k);
    }
  }
  // Without clusters.json each body is its own cluster.
  const clusterOf = (p: FncPair) => [byHeadline.get(p.headline) ?? 'b' + p.bodyId, byBody.get(p.bodyId) ?? 'b' + p.bodyId];
  return { pairs, texts, clusterOf };
}

/** Returns the input of every pair (IDF over every body of the folder, dev and distractors; relatedness also relative to the headline's other pairs). */
export function fncInputs(pairs: FncPair[], texts: Map<string, string>): PairInput[] {
  const d = docFreq(texts.values());
  const views = new Map<string, BodyView>();
  const inputs = pairs.map((p) => {
    let v = views.get(p.bodyId);
    if (!v) views.set(p.bodyId, (v = bodyView(texts.get(p.bodyId) ?? '', d)));
    return { headline: p.headline, body: v, x: pairFeatures(p.headline, v, d) };
  });
  for (const g of groupsByHeadline(inputs.map((input) => ({ input })))) addRelatedContext(g.map((i) => inputs[i]!.x));
  return inputs;
}

export const FNC_FOLDS = 5;
export const BODY_MODEL_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../corpus/models/stance-body.json');

const scored = (gold: string[], pred: string[]) => ({ ...scoreFnc(gold, pred), n_pairs: gold.length });

/**
 * Returns FNC-1 figures on the folder's pairs, or null when the data is absent.
 * - With clusters.json the main figures are out-of-fold: 5 folds by story cluster (FNV hash of the
 *   headline's cluster key); a pair is scored by a model trained only on pairs whose headline and
 *   body clusters are both outside its fold. So on the held-out half the command trains on the
 *   held-out half's other folds and scores each fold; on the dev half, the same with dev.
 *   `halves` splits those out-of-fold predictions by the parity of the cluster hash (a check
 *   that the figures do not hang on a few stories).
 * - `committed`: the committed model (trained on every dev cluster) on the pairs of clusters it
 *   never saw (null on the dev half, where it saw all of them).
 * - Without clusters.json (a tiny test folder) the main figures are the committed model's.
 */
export async function evalFnc(dataDir: string, modelFile = BODY_MODEL_FILE): Promise<FncEval | null> {
  const data = loadFnc(dataDir);
  if (!data) return null;
  const { pairs, texts, clusterOf } = data;
  const inputs = fncInputs(pairs, texts);
  const gold = pairs.map((p) => p.stance);
  const committed: BodyStanceModel | null = existsSync(modelFile) ? JSON.parse(readFileSync(modelFile, 'utf8')) : null;
  const hasClusters = existsSync(path.join(dataDir, 'fnc-1', 'clusters.json'));
  let pred: string[];
  let halves: FncEval['halves'] = null;
  if (hasClusters) {
    pred = new Array(pairs.length);
    const foldOf = (k: string) => fnv1a(k) % FNC_FOLDS;
    for (let fold = 0; fold < FNC_FOLDS; fold++) {
      const train = pairs.map((p, i) => ({ input: inputs[i]!, stance: p.stance, clusters: clusterOf(p) })).filter((r) => r.clusters.every((k) => foldOf(k) !== fold));
      const model = trainBodyModel(train);
      const test = pairs.map((_, i) => i).filter((i) => foldOf(clusterOf(pairs[i]!)[0]!) === fold);
      predictPairs(model, test.map((i) => inputs[i]!)).forEach((l, k) => { pred[test[k]!] = l; });
    }
    const half = (h: number) => pairs.map((_, i) => i).filter((i) => fnv1a(clusterOf(pairs[i]!)[0]!) % 2 === h);
    const [even, odd] = [half(0), half(1)];
    halves = { even: scored(even.map((i) => gold[i]!), even.map((i) => pred[i]!)), odd: scored(odd.map((i) => gold[i]!), odd.map((i) => pred[i]!)) };
  } else {
    const model = committed ?? trainBodyModel(pairs.map((p, i) => ({ input: inputs[i]!, stance: p.stance, clusters: clusterOf(p) })));
    pred = predictPairs(model, inputs);
  }
  let committedScore: FncEval['committed'] = null;
  if (committed && hasClusters) {
    const seen = new Set(committed.trainedOn ?? []);
    const unseen = pairs.map((_, i) => i).filter((i) => clusterOf(pairs[i]!).every((k) => !seen.has(k)));
    if (unseen.length) {
      const p2 = predictPairs(committed, unseen.map((i) => inputs[i]!));
      committedScore = scored(unseen.map((i) => gold[i]!), p2);
    }
  }
  return { ...scoreFnc(gold, pred), n_pairs: pairs.length, confusion: confusionOf(gold, pred), halves, committed: committedScore };
}
