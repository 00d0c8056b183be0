import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FIT, halvesOf } from '../../../src/cli/train/checkworthiness.js';
import { sweepCheckworthiness } from '../../../src/cli/train/checkworthiness-sweep.js';
import { evalCheckworthy, officialSplitMap } from '../../../src/cli/eval/checkworthy.js';
import { loadCheckThat2019 } from '../../../src/cli/eval/claimbuster.js';
import { loadExamples } from '../../../src/cli/train/checkworthiness.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

describe('halves check', () => {
  it('puts the two transcriptions of one debate on the same side and splits many debates both ways', () => {
    const names = Array.from({ length: 24 }, (_, i) => `cb:2001-01-${String(i + 1).padStart(2, '0')}`);
    const half = halvesOf([...names, 'ct19:20010103_debate']);
    expect(half.get('ct19:20010103_debate')).toBe(half.get('cb:2001-01-02')); // first debate within a day
    const counts = [0, 1].map((h) => names.filter((g) => half.get(g) === h).length);
    expect(counts[0]! + counts[1]!).toBe(names.length);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(halvesOf([...names].reverse())).toEqual(new Map([...halvesOf(names)].reverse()));
  });
  it('the eval reports each half as a figure in [0, 1] or null', async () => {
    const r = (await evalCheckworthy(TINY))! as unknown as Record<string, number | null | undefined>;
    for (const k of ['claimbuster_f1', 'claimbuster_groundtruth_f1', 'checkthat2019_map']) {
      for (const h of [0, 1]) {
        expect(r).toHaveProperty(`${k}_half${h}`);
        const v = r[`${k}_half${h}`] ?? null;
        expect(v === null || (v >= 0 && v <= 1), `${k}_half${h} = ${v}`).toBe(true);
      }
    }
  });
});

describe('training-settings sweep', () => {
  it('scores every variant on the tiny folders and leaves the training settings as they were', () => {
    const before = { ...FIT };
    const out = sweepCheckworthiness(TINY, [{}, { epochs: 1, positiveWeight: 2 }]);
    expect(out.map((r) => r.settings)).toEqual([{}, { epochs: 1, positiveWeight: 2 }]);
    for (const r of out) {
      expect(r.figures.claimbuster_f1).toBeGreaterThanOrEqual(0);
      expect(r.figures.checkthat2019_map).toBeLessThanOrEqual(1);
    }
    expect(FIT).toEqual(before);
  });
});

describe('CheckThat 2019 official split', () => {
  it('keeps each transcript\'s upstream folder and ranks only the test_annotated ones with a model that never saw them', () => {
    expect([...new Set(loadCheckThat2019(TINY)!.map((r) => `${r.group} ${r.split}`))].sort())
      .toEqual(['ct19:20000101_tiny_debate training', 'ct19:20000102_tiny_speech test_annotated']);
    const examples = loadExamples(TINY);
    const map = officialSplitMap(examples);
    expect(map).toBeGreaterThanOrEqual(0);
    expect(map).toBeLessThanOrEqual(1);
    expect(officialSplitMap(examples.filter((e) => e.split !== 'test_annotated'))).toBeNull();
  });
});
