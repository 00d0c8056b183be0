import { describe, expect, it } from 'vitest';
import { chooseThreshold, featurize, fitLogistic, foldsOf, heldOutScores, INNER_FOLDS, predict, type Example } from '../../../src/cli/train/checkworthiness.js';

// Made-up debate lines: claims with figures vs courtesies, spread over twelve made-up debates.
const CLAIMS = ['In 2010 the deficit rose to 9 percent of the economy.', 'Exports doubled between 2001 and 2009.', 'We cut taxes for 95 percent of working families.', 'Unemployment fell to 4 percent last year.'];
const OTHER = ['Thank you very much for having me tonight.', 'I want to go back to the question.', 'Well, let me say this.', 'That is a good point, Jim.'];
function debates(n: number): Example[] {
  const out: Example[] = [];
  for (let d = 0; d < n; d++) {
    const group = `cb:2001-01-${String(d + 1).padStart(2, '0')}`;
    [...CLAIMS.map((t) => [t, 1] as const), ...OTHER.map((t) => [t, 0] as const)].forEach(([text, label], i) => {
      out.push({ group, key: `${d}:${i}`, text, label, weight: 1, domain: 0, features: featurize(text) });
    });
  }
  return out;
}

describe('check-worthiness threshold by inner cross-validation', () => {
  const ex = debates(12);
  it('deals whole debates into INNER_FOLDS folds', () => {
    const inner = foldsOf(ex, INNER_FOLDS);
    expect(new Set(inner.values()).size).toBe(INNER_FOLDS);
    const perFold = [...inner.values()].reduce((m, f) => m.set(f, (m.get(f) ?? 0) + 1), new Map<number, number>());
    expect([...perFold.values()].sort()).toEqual([1, 1, 1, 1, 2, 2, 2, 2]); // 12 debates round-robin
  });
  it('picks a threshold between the scores of the two kinds of line, the same every time', () => {
    const thr = chooseThreshold(ex);
    expect(chooseThreshold(ex)).toBe(thr);
    const m = fitLogistic(ex);
    for (const e of ex) expect(predict(m, e.features) >= thr).toBe(e.label === 1);
  });
  it('held-out thresholds come from the other folds only (a fold with one debate left falls back)', () => {
    const two = debates(2);
    const { thresholds } = heldOutScores(two, foldsOf(two, 2));
    expect([...new Set(thresholds)]).toEqual([0.5]);
    const { thresholds: t5 } = heldOutScores(ex, foldsOf(ex, 5));
    for (const t of t5) expect(t).toBeGreaterThan(0);
  });
});
