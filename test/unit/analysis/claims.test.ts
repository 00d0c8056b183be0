import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tokenize } from '../../../src/analysis/nlp.js';
import { scoreSentences, selectClaims } from '../../../src/analysis/claims.js';

const run = (text: string) => {
  const tok = tokenize(text);
  const sentences = scoreSentences(tok);
  const claims = selectClaims(tok, sentences, { quotes: [], attributions: [] });
  return { sentences, claims, claimTexts: claims.map((c) => text.slice(c.start, c.end)) };
};

describe('scoreSentences / selectClaims', () => {
  const text = 'Skip to content\n\nCity Council Votes On New Bridge Plan\n\nMarch 3 2024 , 07:56 PM • 1085 views\n\n' +
    'In 2019, the city council approved a $40 million bridge, twice the cost of the old one.\n\n' +
    'What do you think about that?\n\nI really love this town.\n\nSubscribe now to keep reading.';
  const r = run(text);
  it('scores every sentence in [0, 1]', () => {
    expect(r.sentences.length).toBeGreaterThanOrEqual(6);
    for (const s of r.sentences) expect(s.checkworthiness).toBeGreaterThanOrEqual(0), expect(s.checkworthiness).toBeLessThanOrEqual(1);
  });
  it('picks the factual sentence with its reasons', () => {
    expect(r.claimTexts).toEqual(['In 2019, the city council approved a $40 million bridge, twice the cost of the old one.']);
    expect(r.claims[0]!.id).toBe('c0');
    expect(r.claims[0]!.reasons).toEqual(expect.arrayContaining(['number', 'date']));
  });
  it('never picks boilerplate, headline, dateline, question or opinion', () => {
    for (const t of r.claimTexts) expect(t).not.toMatch(/Skip|Votes On|views|think|love|Subscribe/);
  });
});

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), 'utf8');

describe.skipIf(!existsSync(SEEDS))('claims on the seed articles (../shared/seeds)', () => {
  const has = (texts: string[], re: RegExp) => texts.some((t) => re.test(t));
  it('seed 000: breach report, Microsoft report, JCPOA withdrawal, Soleimani strike', () => {
    const { claimTexts } = run(seed('000_3f6d940d9b2808b0.txt'));
    expect(has(claimTexts, /has reported a breach/)).toBe(true);
    expect(has(claimTexts, /Microsoft report, which revealed/)).toBe(true);
    expect(has(claimTexts, /withdrew from the Joint Comprehensive/)).toBe(true);
    expect(has(claimTexts, /death of Qassem Soleimani/)).toBe(true);
    expect(has(claimTexts, /views|^Image$|Trump Campaign Alleges/)).toBe(false);
  });
  it('seed 002: Iran denial and Microsoft report sentences, no furniture', () => {
    const { claimTexts } = run(seed('002_c5d8f18d434d3306.txt'));
    expect(has(claimTexts, /mission to the United Nations denied/)).toBe(true);
    expect(has(claimTexts, /The report emphasized/)).toBe(true);
    expect(has(claimTexts, /^(?:Skip to content|author avatar|Subscribe now|Continue reading)/)).toBe(false);
    expect(has(claimTexts, /Did Iran Just Strike Again/)).toBe(false);
  });
});
