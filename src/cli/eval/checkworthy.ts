/**
 * Check-worthiness evals:
 * - claimbuster_f1: ClaimBuster crowdsourced.csv, Verdict 1 vs the rest, positive-class F1 of
 *   "highlighted as a claim" (score >= the debate threshold);
 * - claimbuster_groundtruth_f1: the same on groundtruth.csv (expert-checked);
 * - checkthat2019_map: CheckThat 2019 task 1, lines ranked by score within each transcript,
 *   average precision per transcript, averaged (the task's official MAP);
 * - checkthat2021_f1: CheckThat 2021 task 1a tweets (train, dev and test files; label = last
 *   column), positive-class F1.
 * Which model scores a row, so that no figure is on data its model trained on, whatever folder:
 * - a row of a debate / transcript the committed model trained on (listed with its fold in
 *   models/checkworthiness.json) is scored out of fold: by a model fitted on this folder's rows
 *   of the other folds' debates, with a threshold from an inner cross-validation on those folds
 *   (src/cli/train/checkworthiness.ts; on ../shared/eval this reproduces the training protocol);
 * - every other row (a new debate, the held-out half, all tweets) is scored by the committed
 *   weights at the committed threshold.
 * The `rows_*` counts say how many rows took each path. Both datasets transcribe some of the same
 * 2016 debates, so a new debate can hold sentences the committed model saw under the other
 * dataset's name: `rows_debate_seen` counts the rows of new debates held within a day of a
 * training debate, and the `*_unseen` figures leave them out.
 * `checkthat2019_map_official_split` follows the task's own layout instead: a model fitted on every
 * row except the test_annotated transcripts (and any debate merged with one, see unitsOf) ranks
 * the lines of the test_annotated transcripts (MAP over those transcripts only).
 * Halves check: the `*_half0` / `*_half1` figures are the same scores restricted to the debates of
 * each half (sha1 parity of the debate, see halvesOf): a change that helps only one half is noise
 * or fitted to a few debates.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { debateDay, fitLogistic, halvesOf, heldOutScores, loadExamples, featurize, predict, unitsOf, type Example } from '../train/checkworthiness.js';
import { MODEL, scoreFeatures } from '../../analysis/checkworthiness-model.js';
import { loadCheckThat2021 } from './claimbuster.js';

export interface CheckworthyScores {
  claimbuster_f1: number | null;
  claimbuster_groundtruth_f1: number | null;
  checkthat2019_map: number | null;
  checkthat2021_f1: number | null;
  claimbuster_f1_unseen: number | null;
  claimbuster_groundtruth_f1_unseen: number | null;
  checkthat2019_map_unseen: number | null;
  checkthat2019_map_official_split: number | null;
  claimbuster_f1_half0: number | null;
  claimbuster_f1_half1: number | null;
  claimbuster_groundtruth_f1_half0: number | null;
  claimbuster_groundtruth_f1_half1: number | null;
  checkthat2019_map_half0: number | null;
  checkthat2019_map_half1: number | null;
  rows_out_of_fold: number;
  rows_committed_model: number;
  rows_debate_seen: number;
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

export interface Scored {
  ex: Pick<Example, 'group' | 'key' | 'label'>;
  score: number;
  threshold: number;
  /** A new debate held within a day of a debate the committed model trained on. */
  seen: boolean;
}

/** Returns the new groups held within a day of a debate the committed model trained on. */
export function seenDebates(groups: string[]): Set<string> {
  const trainedDays = Object.keys(MODEL.folds).map(debateDay).filter((d): d is number => d !== null);
  return new Set(groups.filter((g) => {
    const d = debateDay(g);
    return !(g in MODEL.folds) && d !== null && trainedDays.some((t) => Math.abs(t - d) <= 1);
  }));
}

/** Returns every labelled debate row scored as the header says. */
export function scoreDebateRows(examples: Example[]): Scored[] {
  const trained = examples.filter((e) => e.group in MODEL.folds);
  const fresh = examples.filter((e) => !(e.group in MODEL.folds));
  const out: Scored[] = [];
  if (trained.length) {
    const fold = new Map(Object.entries(MODEL.folds));
    const { scores, thresholds } = heldOutScores(trained, fold);
    trained.forEach((ex, i) => out.push({ ex, score: scores[i]!, threshold: thresholds[i]!, seen: false }));
  }
  const seen = seenDebates([...new Set(fresh.map((e) => e.group))]);
  for (const ex of fresh) out.push({ ex, score: scoreFeatures(ex.features), threshold: MODEL.threshold, seen: seen.has(ex.group) });
  return out;
}

export function figures(rows: Scored[]): Pick<CheckworthyScores, 'claimbuster_f1' | 'claimbuster_groundtruth_f1' | 'checkthat2019_map'> {
  const f1 = (sel: Scored[]) => (sel.length ? f1Of(sel.map((r) => r.score >= r.threshold), sel.map((r) => r.ex.label)) : null);
  const ct = rows.filter((r) => r.ex.group.startsWith('ct19:'));
  return {
    claimbuster_f1: f1(rows.filter((r) => r.ex.group.startsWith('cb:') && !r.ex.key.startsWith('gt:'))),
    claimbuster_groundtruth_f1: f1(rows.filter((r) => r.ex.group.startsWith('cb:') && r.ex.key.startsWith('gt:'))),
    checkthat2019_map: ct.length ? meanAveragePrecision(ct.map((r) => ({ group: r.ex.group, score: r.score, label: r.ex.label }))) : null,
  };
}

/** Returns the debate figures of each half of the debates (see halvesOf), keys suffixed _half0 / _half1. */
export function halfFigures(rows: Scored[]): Record<string, number | null> {
  const half = halvesOf(rows.map((r) => r.ex.group));
  const out: Record<string, number | null> = {};
  for (const h of [0, 1] as const) {
    for (const [k, v] of Object.entries(figures(rows.filter((r) => half.get(r.ex.group) === h)))) out[`${k}_half${h}`] = v;
  }
  return out;
}

/** Returns CheckThat 2019 MAP on its test_annotated transcripts of a model fitted on all other rows, or null. */
export function officialSplitMap(examples: Example[]): number | null {
  const unit = unitsOf([...new Set(examples.map((e) => e.group))].sort());
  const testUnits = new Set(examples.filter((e) => e.split === 'test_annotated').map((e) => unit.get(e.group)));
  const test = examples.filter((e) => e.split === 'test_annotated');
  const train = examples.filter((e) => !testUnits.has(unit.get(e.group)));
  if (!test.length || !train.length) return null;
  const model = fitLogistic(train);
  return meanAveragePrecision(test.map((e) => ({ group: e.group, score: predict(model, e.features), label: e.label })));
}

/** Returns the check-worthiness figures, or null when none of the datasets is present. */
export async function evalCheckworthy(dataDir: string): Promise<CheckworthyScores | null> {
  const has = (d: string) => existsSync(path.join(dataDir, d));
  if (!['claimbuster', 'checkthat2019-task1-en', 'checkthat2021-task1a-en'].some(has)) return null;
  const examples = loadExamples(dataDir);
  const rows = scoreDebateRows(examples);
  const all = figures(rows);
  const unseen = figures(rows.filter((r) => !r.seen));
  const out: CheckworthyScores = {
    ...all, checkthat2021_f1: null,
    claimbuster_f1_unseen: unseen.claimbuster_f1, claimbuster_groundtruth_f1_unseen: unseen.claimbuster_groundtruth_f1,
    checkthat2019_map_unseen: unseen.checkthat2019_map,
    checkthat2019_map_official_split: officialSplitMap(examples),
    ...(halfFigures(rows) as Pick<CheckworthyScores, `${'claimbuster_f1' | 'claimbuster_groundtruth_f1' | 'checkthat2019_map'}_half${0 | 1}`>),
    rows_out_of_fold: rows.filter((r) => r.ex.group in MODEL.folds).length,
    rows_committed_model: rows.filter((r) => !(r.ex.group in MODEL.folds)).length,
    rows_debate_seen: rows.filter((r) => r.seen).length,
  };
  const tweets = ['dataset_train_v1_english.tsv', 'dataset_dev_v1_english.tsv', 'dataset_test_english.tsv']
    .flatMap((f) => loadCheckThat2021(dataDir, f) ?? []);
  if (tweets.length) {
    out.checkthat2021_f1 = f1Of(tweets.map((t) => scoreFeatures(featurize(t.text)) >= MODEL.threshold), tweets.map((t) => t.label));
    out.rows_committed_model += tweets.length;
  }
  return out;
}
