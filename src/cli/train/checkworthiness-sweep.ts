/**
 * `npm run train -- --sweep '[{"l2":1e-4},{"epochs":10}]'`: scores each variant of the training
 * settings (FIT) with the eval's own protocol (out of fold by debate, thresholds from an inner
 * cross-validation; see checkworthiness.ts) and prints the debate figures of all debates and of
 * each half, so a change can be kept only when it helps on both halves. Features are computed
 * once and shared by every variant; nothing is written.
 */
import { FIT, foldsOf, heldOutScores, loadExamples } from './checkworthiness.js';
import { figures, halfFigures, type Scored } from '../eval/checkworthy.js';

export type FitSettings = Partial<typeof FIT>;

/** Returns the figures of each settings variant, in the order given. */
export function sweepCheckworthiness(dataDir: string, variants: FitSettings[]): Array<{ settings: FitSettings; figures: Record<string, number | null> }> {
  const defaults = { ...FIT };
  const examples = loadExamples(dataDir);
  if (!examples.length) throw new Error(`no check-worthiness training data under ${dataDir}`);
  const folds = foldsOf(examples);
  try {
    return variants.map((settings) => {
      Object.assign(FIT, defaults, settings);
      for (const e of examples) e.weight = e.domain === 1 ? FIT.checkThatWeight : 1;
      const { scores, thresholds } = heldOutScores(examples, folds);
      const rows: Scored[] = examples.map((ex, i) => ({ ex, score: scores[i]!, threshold: thresholds[i]!, seen: false }));
      return { settings, figures: { ...figures(rows), ...halfFigures(rows) } };
    });
  } finally {
    Object.assign(FIT, defaults);
  }
}
