/**
 * Stance eval on Emergent (Ferreira & Vlachos 2016): claim vs article headline, for / against /
 * observing. Reported on the authors' test split (claims never seen in training) with the
 * committed model (src/corpus/models/stance.json, trained on the training split only);
 * also 5-fold cross-validation by claimId over every dev claim, retraining per fold.
 */
import { parseCsv } from './csv.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STANCE_LABELS, predictStance, stanceFeatures, trainModel, type StanceModel } from '../../corpus/stance-model.js';
import { fnv1a } from '../../corpus/fingerprint.js';

export interface StanceEval {
  emergent_accuracy: number;
  emergent_macro_f1: number;
  n_claims: number;
  n_pairs: number;
  cv_accuracy: number;
  majority_baseline: number;
}

export { parseCsv };

export interface EmergentRow { claim: string; headline: string; stance: string; claimId: string }

/** Returns the rows of one Emergent CSV, or null when the file is absent. */
export function loadEmergent(file: string): EmergentRow[] | null {
  if (!existsSync(file)) return null;
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const col = (n: string) => head!.indexOf(n);
  return rows.map((r) => ({ claim: r[col('claimHeadline')]!, headline: r[col('articleHeadline')]!, stance: r[col('articleHeadlineStance')]!, claimId: r[col('claimId')]! }));
}

/** Returns accuracy and macro F1 of predictions against gold labels (0 for no rows). */
export function scoreLabels(gold: string[], pred: string[], labels: readonly string[]): { accuracy: number; macro_f1: number } {
  if (!gold.length) return { accuracy: 0, macro_f1: 0 };
  const acc = gold.filter((g, i) => g === pred[i]).length / gold.length;
  const f1s = labels.map((l) => {
    const tp = gold.filter((g, i) => g === l && pred[i] === l).length;
    const fp = pred.filter((p, i) => p === l && gold[i] !== l).length;
    const fn = gold.filter((g, i) => g === l && pred[i] !== l).length;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return { accuracy: acc, macro_f1: f1s.reduce((a, b) => a + b, 0) / labels.length };
}

/** Returns the model trained on these rows. */
export function trainOn(rows: EmergentRow[]): StanceModel {
  return trainModel(rows.map((r) => ({ feats: stanceFeatures(r.claim, r.headline), label: STANCE_LABELS.indexOf(r.stance as never) })), STANCE_LABELS);
}

export const MODEL_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../corpus/models/stance.json');

/** Returns Emergent stance figures, or null when the data is absent. */
export async function evalStance(dataDir: string, modelFile = MODEL_FILE): Promise<StanceEval | null> {
  const dir = path.join(dataDir, 'emergent');
  const train = loadEmergent(path.join(dir, 'url-versions-2015-06-14-clean-train.csv'));
  const test = loadEmergent(path.join(dir, 'url-versions-2015-06-14-clean-test.csv'));
  if (!train || !test) return null;
  const model: StanceModel = existsSync(modelFile) ? JSON.parse(readFileSync(modelFile, 'utf8')) : trainOn(train);
  const pred = test.map((r) => predictStance(model, r.claim, r.headline));
  const s = scoreLabels(test.map((r) => r.stance), pred, STANCE_LABELS);
  // Cross-validation by claim over every dev row (train + test files), folds by hash of claimId.
  const all = [...train, ...test];
  const gold: string[] = [], cvPred: string[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const inFold = (r: EmergentRow) => fnv1a(r.claimId) % 5 === fold;
    const m = trainOn(all.filter((r) => !inFold(r)));
    for (const r of all.filter(inFold)) { gold.push(r.stance); cvPred.push(predictStance(m, r.claim, r.headline)); }
  }
  const counts = STANCE_LABELS.map((l) => test.filter((r) => r.stance === l).length);
  return {
    emergent_accuracy: s.accuracy, emergent_macro_f1: s.macro_f1,
    n_claims: new Set(test.map((r) => r.claimId)).size, n_pairs: test.length,
    cv_accuracy: scoreLabels(gold, cvPred, STANCE_LABELS).accuracy,
    majority_baseline: test.length ? Math.max(...counts) / test.length : 0,
  };
}
