import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { averagePrecision, evalCheckworthy, f1Of, meanAveragePrecision } from '../../../src/cli/eval/checkworthy.js';
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
    expect(await evalCheckworthy('/nonexistent')).toBeNull();
  });
});
