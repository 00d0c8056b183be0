import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { evalFnc, scoreFnc } from '../../../src/cli/eval/fnc.js';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval');
const TINY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/eval-tiny');

describe('fnc scorer', () => {
  it('perfect = 1, empty = 0, and weights related/unrelated 0.25 + label 0.75', () => {
    const g = ['agree', 'disagree', 'discuss', 'unrelated'];
    expect(scoreFnc(g, g)).toEqual({ relative_score: 1, related_accuracy: 1, disagree_f1: 1 });
    expect(scoreFnc([], [])).toEqual({ relative_score: 0, related_accuracy: 0, disagree_f1: 0 });
    // agree predicted as discuss: related right (0.25) of max 1.
    expect(scoreFnc(['agree'], ['discuss']).relative_score).toBe(0.25);
  });
  it('returns null when absent; the committed model gets the tiny folder\'s restating pairs right', async () => {
    expect(await evalFnc('/nonexistent')).toBeNull();
    const r = (await evalFnc(TINY))!;
    // Two bodies make a degenerate IDF: one unrelated pair sharing "town" may pass as related.
    expect(r.n_pairs).toBe(4);
    expect(r.relative_score).toBeGreaterThanOrEqual(0.9);
  });
  it.skipIf(!existsSync(path.join(SHARED, 'fnc-1')))('out-of-fold relatedness on the dev clusters clears 0.97', async () => {
    const r = (await evalFnc(SHARED))!;
    expect(r.related_accuracy).toBeGreaterThanOrEqual(0.97);
    expect(r.relative_score).toBeGreaterThan(0.75);
  }, 120000);
});
