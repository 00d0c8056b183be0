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

/** Returns FNC-1 figures on the dev pairs, or null when the data is absent. */
export async function evalFnc(dataDir: string): Promise<FncEval | null> {
  const dir = path.join(dataDir, 'fnc-1');
  const stancesFile = path.join(dir, 'competition_test_stances.csv');
  if (!existsSync(stancesFile)) return null;
  const [head, ...rows] = parseCsv(readFileSync(stancesFile, 'utf8'));
  const h = head!.indexOf('Headline'), b = head!.indexOf('Body ID'), s = head!.indexOf('Stance');
  const pairs = rows.map((r) => ({ headline: r[h]!, bodyId: r[b]!, stance: r[s]! }));
  const texts = bodies(path.join(dir, 'competition_test_bodies.csv'));
  for (const [id, t] of bodies(path.join(dir, 'train_bodies.csv'))) if (!texts.has(id)) texts.set(id, t);
  const pred = await predictFnc(pairs, texts);
  return { ...scoreFnc(pairs.map((p) => p.stance), pred), n_pairs: pairs.length };
}
