import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evalHedges, isUncertaintyCue, overlapScores, parseSzeged, sentenceHalf } from '../../../src/cli/eval/hedges.js';
import type { Attribution } from '../../../src/shared/model.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

describe('hedges eval (Szeged wiki.xml reader and overlap scorer)', () => {
  const docs = parseSzeged(readFileSync(`${TINY}szeged-wikiweasel/wiki.xml`, 'utf8'));
  it('reads documents, decodes entities and places cue spans', () => {
    expect(docs.map((d) => d.id)).toEqual(['Bridge of Tinytown_1', 'Fish & Chips Shop_2']);
    expect(docs.flatMap((d) => d.cues.map((c) => d.text.slice(c.start, c.end)))).toEqual(['may', 'allegedly', 'believed']);
    expect(docs[0]!.text).toContain('\n\n');
    expect(docs[0]!.sentences.map((x) => [x.id, docs[0]!.text.slice(x.start, x.end)])).toEqual([
      ['S1.1', 'Bridge of Tinytown'], ['S1.2', 'The bridge was built in 1901 and may be the oldest in the county.'], ['S1.3', 'It is painted green.'],
    ]);
  });
  it('scores hedges and belief-word weasels, not sources that only say something', () => {
    const a = (kind: Attribution['kind'], cue: string): Attribution => ({ id: 'a0', start: 0, end: 1, kind, cue, reason: 'r' });
    expect(isUncertaintyCue(a('hedge', 'may'))).toBe(true);
    expect(isUncertaintyCue(a('weasel', 'many believe'))).toBe(true);
    expect(isUncertaintyCue(a('anonymous-source', 'officials said'))).toBe(false);
    expect(isUncertaintyCue(a('unsupported-claim', 'no evidence has been provided'))).toBe(false);
  });
  it('splits sentences into halves by a hash of document and sentence id', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `S1.${i}`);
    expect(new Set(ids.map((id) => sentenceHalf('Doc_1', id)))).toEqual(new Set(['a', 'b']));
    expect(sentenceHalf('Doc_1', 'S1.2')).toBe(sentenceHalf('Doc_1', 'S1.2'));
  });
  it('a perfect prediction scores 1, an empty one 0', () => {
    const gold = docs[1]!.cues.map((c) => [c]);
    expect(overlapScores(docs[1]!.cues, gold)).toEqual({ f1: 1, precision: 1, recall: 1, n_gold: 2 });
    expect(overlapScores([], gold)).toMatchObject({ f1: 0, precision: 0, recall: 0 });
  });
  it('runs the product on the tiny folder and returns null without it', async () => {
    const r = await evalHedges(TINY);
    expect(r).toMatchObject({ n_gold: 3 });
    expect(r!.half_a_f1).toBeGreaterThanOrEqual(0);
    expect(r!.recall).toBeGreaterThan(0.5);
    expect(await evalHedges('/nonexistent')).toBeNull();
  });
});
