/**
 * FNC-1 eval through the library: every dev body (plus the unlabelled train bodies as
 * distractors) is one article in an in-memory library; each headline is matched as a one-claim
 * article. A body with evidence is related, its stance maps agree -> agree, contradict ->
 * disagree, observing -> discuss; a body without evidence is unrelated. Scored with the official
 * FNC-1 weighting (0.25 for related/unrelated right, +0.75 for the right related label), relative
 * to the best possible score.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYSIS_VERSION, type ArticleRecord, type Stance } from '../../shared/model.js';
import { Library } from '../../corpus/library.js';
import { MemoryStore } from '../../corpus/memory-store.js';
import { parseCsv } from './stance.js';
import { fnv1a } from '../../corpus/fingerprint.js';
import { linearProba, trainLinear, type Features } from '../../corpus/linear.js';
import {
  BODY_LABELS, bodyView, docFreq, pairFeatures, predictBodyStance, relatedPart, type BodyStanceModel, type BodyView,
} from '../../corpus/body-stance.js';

export interface FncEval {
  relative_score: number;
  related_accuracy: number;
  disagree_f1: number;
  n_pairs: number;
}

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

function bodies(file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const id = head!.indexOf('Body ID'), body = head!.indexOf('articleBody');
  for (const r of rows) out.set(r[id]!, r[body]!);
  return out;
}

const emptyAnalysis = (text: string) => ({ version: ANALYSIS_VERSION, textLength: text.length, sentences: [], claims: [], quotes: [], attributions: [] });

function bodyRecord(id: string, text: string): ArticleRecord {
  return {
    id: `fnc:body:${id}`, url: `fnc:body:${id}`, canonicalUrl: null, outlet: `body-${id}`, title: '', byline: null,
    publishedTime: null, text, analysis: emptyAnalysis(text), wire: null, firstSeen: 0, lastSeen: 0,
  };
}

const STANCE_TO_FNC: Record<Stance, string> = { agree: 'agree', contradict: 'disagree', observing: 'discuss' };

/** Returns the FNC-1 labels the library predicts for (headline, body id) pairs. */
export async function predictFnc(pairs: { headline: string; bodyId: string }[], texts: Map<string, string>): Promise<string[]> {
  const lib = await Library.open(new MemoryStore());
  for (const [id, t] of texts) lib.index(bodyRecord(id, t));
  const byHeadline = new Map<string, Map<string, Stance>>();
  for (const h of new Set(pairs.map((p) => p.headline))) {
    const text = h;
    const q: ArticleRecord = {
      ...bodyRecord('query', text), id: 'fnc:headline', title: h,
      analysis: { ...emptyAnalysis(text), claims: [{ id: 'c0', start: 0, end: text.length, score: 1, reasons: [] }] },
    };
    const rep = lib.corroborate(q).claims[0]!;
    const m = new Map<string, Stance>();
    // Evidence is best-first; a contradiction in a body outweighs its agreeing sentence.
    for (const e of rep.evidence) {
      const prev = m.get(e.articleId);
      if (!prev || e.stance === 'contradict') m.set(e.articleId, e.stance);
    }
    byHeadline.set(h, m);
  }
  return pairs.map((p) => {
    const s = byHeadline.get(p.headline)!.get(`fnc:body:${p.bodyId}`);
    return s ? STANCE_TO_FNC[s] : 'unrelated';
  });
}

export interface FncPair { headline: string; bodyId: string; stance: string }

/** Returns the model trained on labelled pairs (features from pairFeatures): relatedness, its threshold, stance. */
export function trainBodyModel(rows: { x: Features; stance: string }[]): BodyStanceModel {
  const rel = rows.map((r) => ({ x: relatedPart(r.x), label: r.stance === 'unrelated' ? 0 : 1 }));
  const related = trainLinear(rel, ['unrelated', 'related'], { epochs: 400, lr: 0.5, l2: 1e-4 });
  // Threshold: the one with the best accuracy on the training rows (few dense features, little overfit).
  const scored = rel.map((r) => ({ p: linearProba(related, r.x)[1]!, y: r.label })).sort((a, b) => a.p - b.p);
  let right = scored.filter((r) => r.y === 1).length, best = right, threshold = 0;
  for (let i = 0; i < scored.length; i++) {
    right += scored[i]!.y === 0 ? 1 : -1;
    if (right > best && (i + 1 === scored.length || scored[i + 1]!.p > scored[i]!.p)) {
      best = right;
      threshold = i + 1 < scored.length ? (scored[i]!.p + scored[i + 1]!.p) / 2 : scored[i]!.p + 1e-9;
    }
  }
  const st = rows.filter((r) => r.stance !== 'unrelated').map((r) => ({ x: r.x, label: BODY_LABELS.indexOf(r.stance as never) }));
  const freq = BODY_LABELS.map((_, k) => st.filter((r) => r.label === k).length);
  // Balanced class weights, softened (fourth root; chosen by the cross-validation): disagree is rare but matters.
  const classWeight = freq.map((f) => (st.length / (BODY_LABELS.length * Math.max(1, f))) ** 0.25);
  const stance = trainLinear(st, [...BODY_LABELS], { epochs: 400, lr: 0.5, l2: 1e-4, classWeight });
  return { related, threshold: Math.round(threshold * 1e4) / 1e4, stance };
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

/** Returns the features of every pair (IDF over every body, dev and distractors). */
export function fncFeatures(pairs: FncPair[], texts: Map<string, string>): Features[] {
  const d = docFreq(texts.values());
  const views = new Map<string, BodyView>();
  return pairs.map((p) => {
    let v = views.get(p.bodyId);
    if (!v) views.set(p.bodyId, (v = bodyView(texts.get(p.bodyId) ?? '', d)));
    return pairFeatures(p.headline, v, d);
  });
}

export const FNC_FOLDS = 5;
export const BODY_MODEL_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../corpus/models/stance-body.json');

/**
 * Returns FNC-1 figures on the dev pairs, or null when the data is absent. With clusters.json the
 * figures are out-of-fold: 5 folds by story cluster (hash of the cluster key); a pair is scored by a
 * model trained on pairs whose headline and body clusters are both outside its fold. Without it
 * (a tiny test folder) the committed model is used.
 */
export async function evalFnc(dataDir: string, modelFile = BODY_MODEL_FILE): Promise<FncEval | null> {
  const data = loadFnc(dataDir);
  if (!data) return null;
  const { pairs, texts, clusterOf } = data;
  const X = fncFeatures(pairs, texts);
  const hasClusters = existsSync(path.join(dataDir, 'fnc-1', 'clusters.json'));
  const pred: string[] = new Array(pairs.length);
  if (hasClusters) {
    const foldOf = (k: string) => fnv1a(k) % FNC_FOLDS;
    for (let fold = 0; fold < FNC_FOLDS; fold++) {
      const train = pairs.map((p, i) => ({ x: X[i]!, stance: p.stance, c: clusterOf(p) })).filter((r) => r.c.every((k) => foldOf(k) !== fold));
      const model = trainBodyModel(train);
      pairs.forEach((p, i) => { if (foldOf(clusterOf(p)[0]!) === fold) pred[i] = predictBodyStance(model, X[i]!); });
    }
  } else {
    const model: BodyStanceModel = existsSync(modelFile)
      ? JSON.parse(readFileSync(modelFile, 'utf8'))
      : trainBodyModel(pairs.map((p, i) => ({ x: X[i]!, stance: p.stance })));
    pairs.forEach((_, i) => { pred[i] = predictBodyStance(model, X[i]!); });
  }
  return { ...scoreFnc(pairs.map((p) => p.stance), pred), n_pairs: pairs.length };
}
