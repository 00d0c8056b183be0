/**
 * Check-worthiness evals, all on rows the scoring model did not train on:
 * - claimbuster_f1: ClaimBuster crowdsourced.csv, Verdict 1 vs the rest, positive-class F1 of
 *   "highlighted as a claim" (score >= the debate threshold);
 * - claimbuster_groundtruth_f1: the same on groundtruth.csv (expert-checked);
 * - checkthat2019_map: CheckThat 2019 task 1, lines ranked by score within each transcript,
 *   average precision per transcript, averaged (the task's official MAP);
 * - checkthat2021_f1: CheckThat 2021 task 1a tweets (train, dev and test files; label = last
 *   column), positive-class F1 at the committed model's debate threshold.
 * The debate figures come from group 5-fold cross-validation by debate / transcript (see
 * src/cli/train/checkworthiness.ts): each row is scored by a model trained on the other folds,
 * with a threshold chosen by an inner cross-validation on those folds only. Tweets are never
 * trained on, so they are scored by the committed model.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { heldOutScores, loadExamples, featurize } from '../train/checkworthiness.js';
import { MODEL, scoreFeatures } from '../../analysis/checkworthiness-model.js';
import { loadCheckThat2021 } from './claimbuster.js';

export interface CheckworthyScores {
  claimbuster_f1: number | null;
  claimbuster_groundtruth_f1: number | null;
  checkthat2019_map: number | null;
  checkthat2021_f1: number | null;
}

/** Returns positive-class F1 of binary predictions. */
export function f1Of(pred: ArrayLike<boolean>, gold: ArrayLike<number>): number {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
  }
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** Returns the average precision of a ranking by descending score (0 when there is no positive). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0, sum = 0;
  order.forEach((i, rank) => { if (labels[i]) { hits++; sum += hits / (rank + 1); } });
  return hits ? sum / hits : 0;
}

/** Returns the mean over groups of the average precision within each group. */
export function meanAveragePrecision(rows: Array<{ group: string; score: number; label: number }>): number {
  const groups = new Map<string, Array<{ score: number; label: number }>>();
  for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const aps = [...groups.values()].map((g) => averagePrecision(g.map((x) => x.score), g.map((x) => x.label)));
  return aps.length ? aps.reduce((a, b) => a + b, 0) / aps.length : 0;
}

/** Returns the check-worthiness figures, or null when none of the datasets is present. */
export async function evalCheckworthy(dataDir: string): Promise<CheckworthyScores | null> {
  const has = (d: string) => existsSync(path.join(dataDir, d));
  if (!['claimbuster', 'checkthat2019-task1-en', 'checkthat2021-task1a-en'].some(has)) return null;
  const out: CheckworthyScores = { claimbuster_f1: null, claimbuster_groundtruth_f1: null, checkthat2019_map: null, checkthat2021_f1: null };
  const examples = loadExamples(dataDir);
  if (examples.length) {
    const { scores, thresholds } = heldOutScores(examples);
    const pick = (keep: (key: string, group: string) => boolean) => {
      const ix = examples.map((_, i) => i).filter((i) => keep(examples[i]!.key, examples[i]!.group));
      return { pred: ix.map((i) => scores[i]! >= thresholds[i]!), gold: ix.map((i) => examples[i]!.label), ix };
    };
    const crowd = pick((k, g) => g.startsWith('cb:') && !k.startsWith('gt:'));
    if (crowd.ix.length) out.claimbuster_f1 = f1Of(crowd.pred, crowd.gold);
    const gt = pick((k, g) => g.startsWith('cb:') && k.startsWith('gt:'));
    if (gt.ix.length) out.claimbuster_groundtruth_f1 = f1Of(gt.pred, gt.gold);
    const ct = pick((_, g) => g.startsWith('ct19:'));
    if (ct.ix.length) out.checkthat2019_map = meanAveragePrecision(ct.ix.map((i) => ({ group: examples[i]!.group, score: scores[i]!, label: examples[i]!.label })));
  }
  const tweets = ['dataset_train_v1_english.tsv', 'dataset_dev_v1_english.tsv', 'dataset_test_english.tsv']
    .flatMap((f) => loadCheckThat2021(dataDir, f) ?? []);
  if (tweets.length) {
    out.checkthat2021_f1 = f1Of(tweets.map((t) => scoreFeatures(featurize(t.text)) >= MODEL.threshold), tweets.map((t) => t.label));
  }
  return out;
}
