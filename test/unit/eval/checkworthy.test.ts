import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { averagePrecision, evalCheckworthy, f1Of, meanAveragePrecision, scoreDebateRows, seenDebates } from '../../../src/cli/eval/checkworthy.js';
import { featurize } from '../../../src/cli/train/checkworthiness.js';
import { MODEL, scoreFeatures } from '../../../src/analysis/checkworthiness-model.js';
import { loadCheckThat2019, loadCheckThat2021, loadClaimBuster, parseCsv } from '../../../src/cli/eval/claimbuster.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

describe('check-worthiness loaders', () => {
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,b\n"x, ""y""",2\n')).toEqual([['a', 'b'], ['x, "y"', '2']]);
  });
  it('reads the tiny ClaimBuster, CheckThat 2019 and 2021 folders', () => {
    expect(loadClaimBuster(TINY, 'crowdsourced.csv')!.map((r) => r.label)).toEqual([1, 0, 0, 1]);
    expect(loadClaimBuster(TINY, 'groundtruth.csv')!.map((r) => r.group)).toEqual(['cb:2000-01-01', 'cb:2000-01-02']);
    expect(loadCheckThat2019(TINY)!.map((r) => r.label)).toEqual([0, 1, 0, 1, 0]);
    expect(loadCheckThat2021(TINY, 'dataset_dev_v1_english.tsv')!.map((r) => r.label)).toEqual([1, 0]);
    expect(loadClaimBuster('/nonexistent', 'groundtruth.csv')).toBeNull();
  });
});

describe('check-worthiness scorers', () => {
  const gold = [1, 0, 0, 1];
  it('F1: perfect 1, empty 0', () => {
    expect(f1Of(gold.map(Boolean), gold)).toBe(1);
    expect(f1Of(gold.map(() => false), gold)).toBe(0);
  });
  it('MAP: perfect ranking 1, positives last lower', () => {
    expect(averagePrecision([0.9, 0.1, 0.2, 0.8], gold)).toBe(1);
    expect(averagePrecision([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
    expect(meanAveragePrecision([{ group: 'a', score: 1, label: 1 }, { group: 'a', score: 0, label: 0 }, { group: 'b', score: 0, label: 1 }, { group: 'b', score: 1, label: 0 }])).toBeCloseTo(0.75);
  });
  it('evalCheckworthy runs end to end on the tiny folders and returns null without them', async () => {
    const r = await evalCheckworthy(TINY);
    for (const k of ['claimbuster_f1', 'claimbuster_groundtruth_f1', 'checkthat2019_map', 'checkthat2021_f1'] as const) {
      expect(r![k]).toBeGreaterThanOrEqual(0);
      expect(r![k]).toBeLessThanOrEqual(1);
    }
    expect(r!.rows_out_of_fold).toBe(0); // the tiny debates are not training debates
    expect(r!.rows_committed_model).toBeGreaterThan(0);
    expect(await evalCheckworthy('/nonexistent')).toBeNull();
  });
});

describe('which model scores a row', () => {
  const ex = (group: string, text: string, label: 0 | 1) => ({ group, key: `${group}:${text.length}`, text, label, weight: 1, domain: 0, features: featurize(text) });
  const trained = Object.entries(MODEL.folds).filter(([g]) => g.startsWith('cb:'));
  const [g0] = trained.find(([, f]) => f === 0)!;
  const [g1] = trained.find(([, f]) => f === 1)!;
  it('rows of training debates are scored out of fold, new debates by the committed weights', () => {
    const rows = [
      ex(g0, 'In 2010 the deficit rose to 9 percent of the economy.', 1), ex(g0, 'Thank you very much for having me.', 0),
      ex(g1, 'We cut taxes for 95 percent of working families.', 1), ex(g1, 'I want to go back to the question.', 0),
      ex('cb:2099-01-01', 'Exports doubled between 2001 and 2009.', 1),
    ];
    const scored = scoreDebateRows(rows);
    const fresh = scored.find((r) => r.ex.group === 'cb:2099-01-01')!;
    expect(fresh.score).toBe(scoreFeatures(rows[4]!.features));
    expect(fresh.threshold).toBe(MODEL.threshold);
    // Out of fold: a model fitted on the other fold's two rows, not the committed one.
    const oof = scored.find((r) => r.ex.group === g0)!;
    expect(oof.score).not.toBe(scoreFeatures(rows[0]!.features));
  });
  it('flags a new debate held within a day of a training debate (the same debate in the other dataset)', () => {
    const cbTrained = trained[0]![0].slice(3); // YYYY-MM-DD
    const next = new Date(Date.parse(cbTrained) + 864e5).toISOString().slice(0, 10).replace(/-/g, '');
    expect(seenDebates([`ct19:${next}_debate`, 'cb:2099-01-01'])).toEqual(new Set([`ct19:${next}_debate`]));
  });
});
