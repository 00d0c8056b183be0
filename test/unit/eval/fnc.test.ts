import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalFnc, scoreFnc } from '../../../src/cli/eval/fnc.js';

const TINY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/eval-tiny');

describe('fnc scorer', () => {
  it('perfect = 1, empty = 0, and weights related/unrelated 0.25 + label 0.75', () => {
    const g = ['agree', 'disagree', 'discuss', 'unrelated'];
    expect(scoreFnc(g, g)).toEqual({ relative_score: 1, related_accuracy: 1, disagree_f1: 1 });
    expect(scoreFnc([], [])).toEqual({ relative_score: 0, related_accuracy: 0, disagree_f1: 0 });
    // agree predicted as discuss: related right (0.25) of max 1.
    expect(scoreFnc(['agree'], ['discuss']).relative_score).toBe(0.25);
  });
  it('returns null when absent; matches the tiny folder perfectly', async () => {
    expect(await evalFnc('/nonexistent')).toBeNull();
    const r = (await evalFnc(TINY))!;
    expect(r).toEqual({ relative_score: 1, related_accuracy: 1, disagree_f1: 0, n_pairs: 4 });
  });
});
