import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tokenize } from '../../../src/analysis/nlp.js';
import { FEATURE_BITS, FEATURE_SIGNATURE, scoreSentence, sentenceFeatures } from '../../../src/analysis/checkworthiness-features.js';
import { MODEL, scoreFeatures, scoreValues } from '../../../src/analysis/checkworthiness-model.js';

const feats = (text: string) => { const tok = tokenize(text); return sentenceFeatures(tok, 0, tok.tokens.length); };

describe('check-worthiness features and model', () => {
  it('features are deterministic, in range, unit length', () => {
    const a = feats('In 2018, the U.S. withdrew 3,000 troops, more than planned.');
    const b = feats('In 2018, the U.S. withdrew 3,000 troops, more than planned.');
    expect(a).toEqual(b);
    expect(a.features.idx.every((i) => i >= 0 && i < 1 << FEATURE_BITS)).toBe(true);
    expect(Math.hypot(...a.features.val)).toBeCloseTo(1, 6);
    expect(a.signals).toMatchObject({ dates: 1, numbers: 1, reportedActions: 1 });
    expect(a.signals.comparisons).toBeGreaterThan(0);
  });
  it('crosses a number in the sentence with its verbs, wherever they stand', () => {
    const buckets = (t: string) => new Set(feats(t).features.idx);
    const both = buckets('Prices rose while 12 workers left.');
    const noNumber = buckets('Prices rose while workers left.');
    const otherVerb = buckets('Prices fell while 12 workers left.');
    // What only the number and "rose" together give: neither sentence without one of them has it.
    expect([...both].filter((b) => !noNumber.has(b) && !otherVerb.has(b)).length).toBeGreaterThan(0);
  });
  it('signals questions and first/second person', () => {
    const s = feats('Do you think we should go?').signals;
    expect(s.question).toBe(true);
    expect(s.firstSecond).toBe(2);
  });
  it('committed weights are complete and small', () => {
    expect(MODEL.weights.length).toBe(1 << FEATURE_BITS);
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(MODEL.newsThreshold).toBeGreaterThan(MODEL.threshold);
    const raw = readFileSync(new URL('../../../src/analysis/models/checkworthiness.json', import.meta.url));
    expect(gzipSync(raw).length).toBeLessThan(1024 * 1024);
  });
  it('committed weights were trained with the current feature code (else run npm run train)', () => {
    expect(MODEL.featureSignature).toBe(FEATURE_SIGNATURE);
  });
  it('lists the fold of every training debate, so evals can score them out of fold', () => {
    const folds = Object.values(MODEL.folds);
    expect(folds.length).toBeGreaterThan(5);
    expect(new Set(folds).size).toBe(5);
  });
  it('scores with the packed weights exactly as with the dense ones', () => {
    const dense = { bias: MODEL.bias, weights: MODEL.weights };
    for (const text of ['Unemployment fell from 10 percent to 4 percent between 2010 and 2019.', 'Thank you so much, it is great to be here tonight.',
      'The senator said the bill would cut taxes for 40 million families by 2027.', 'Zyxq wubble frobnicated the quuxes.']) {
      const f = feats(text).features;
      expect(scoreFeatures(f)).toBe(scoreFeatures(f, dense));
      // The buffered path (claims.ts) gives the same score and tallies as the arrays.
      const tok = tokenize(text);
      const buffered = scoreSentence(tok, 0, tok.tokens.length, (idx, val, count) => scoreValues(idx, val, count));
      expect(buffered.score).toBe(scoreFeatures(f, dense));
      expect(buffered.signals).toEqual(feats(text).signals);
    }
  });
  it('ranks a statistic above a greeting', () => {
    const stat = scoreFeatures(feats('Unemployment fell from 10 percent to 4 percent between 2010 and 2019.').features);
    const hello = scoreFeatures(feats('Thank you so much, it is great to be here tonight.').features);
    expect(stat).toBeGreaterThan(hello);
    expect(stat).toBeGreaterThanOrEqual(0);
    expect(stat).toBeLessThanOrEqual(1);
  });
});
