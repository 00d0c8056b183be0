import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { evalStance, scoreLabels, parseCsv } from '../../../src/cli/eval/stance.js';

const TINY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/eval-tiny');
const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval');

describe('stance scorer', () => {
  it('perfect = 1, all wrong = 0, empty = 0', () => {
    const L = ['for', 'against', 'observing'];
    expect(scoreLabels(['for', 'against', 'observing'], ['for', 'against', 'observing'], L)).toEqual({ accuracy: 1, macro_f1: 1 });
    expect(scoreLabels(['for', 'against'], ['against', 'for'], L)).toEqual({ accuracy: 0, macro_f1: 0 });
    expect(scoreLabels([], [], L)).toEqual({ accuracy: 0, macro_f1: 0 });
  });
  it('parses quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\n1,"x, ""y"""\n')).toEqual([['a', 'b'], ['1', 'x, "y"']]);
  });
  it('returns null when the data is absent; runs on the tiny folder (trained on its own train file)', async () => {
    expect(await evalStance('/nonexistent')).toBeNull();
    const r = (await evalStance(TINY, '/nonexistent-model.json'))!;
    expect(r.n_claims).toBe(2);
    expect(r.emergent_accuracy).toBeGreaterThan(0.8);
  });
  it.skipIf(!existsSync(path.join(SHARED, 'emergent')))('the committed model clears 0.78 on the Emergent test split', async () => {
    const r = (await evalStance(SHARED))!;
    expect(r.emergent_accuracy).toBeGreaterThanOrEqual(0.78);
  }, 60000);
});
