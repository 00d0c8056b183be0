import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evalHedges, overlapScores, parseSzeged } from '../../../src/cli/eval/hedges.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

describe('hedges eval (Szeged wiki.xml reader and overlap scorer)', () => {
  const docs = parseSzeged(readFileSync(`${TINY}szeged-wikiweasel/wiki.xml`, 'utf8'));
  it('reads documents, decodes entities and places cue spans', () => {
    expect(docs.map((d) => d.id)).toEqual(['Bridge of Tinytown_1', 'Fish & Chips Shop_2']);
    expect(docs.flatMap((d) => d.cues.map((c) => d.text.slice(c.start, c.end)))).toEqual(['may', 'allegedly', 'believed']);
    expect(docs[0]!.text).toContain('\n\n');
  });
  it('a perfect prediction scores 1, an empty one 0', () => {
    const gold = docs[1]!.cues.map((c) => [c]);
    expect(overlapScores(docs[1]!.cues, gold)).toEqual({ f1: 1, precision: 1, recall: 1, n_gold: 2 });
    expect(overlapScores([], gold)).toMatchObject({ f1: 0, precision: 0, recall: 0 });
  });
  it('runs the product on the tiny folder and returns null without it', async () => {
    const r = await evalHedges(TINY);
    expect(r).toMatchObject({ n_gold: 3 });
    expect(r!.recall).toBeGreaterThan(0.5);
    expect(await evalHedges('/nonexistent')).toBeNull();
  });
});
