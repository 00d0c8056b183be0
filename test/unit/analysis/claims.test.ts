import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tokenize } from '../../../src/analysis/nlp.js';
import { scoreSentences, selectClaims } from '../../../src/analysis/claims.js';
import { analyze } from '../../../src/analysis/analyze.js';

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

// Written news of our own (no dataset rows): each paragraph is one kind of line a news page
// carries. The claims must be exactly the reported facts; furniture, opinion, questions, bylines,
// datelines, captions and quote-only paragraphs must never be highlighted.
describe('claims on written news fixtures', () => {
  const FACTS = [
    'WASHINGTON — The Senate voted 52-48 on Tuesday to approve a $1.2 trillion infrastructure bill, sending the measure to the House.',
    'The bill sets aside $110 billion for roads and bridges and $66 billion for passenger rail, according to a summary released by the committee.',
    'Unemployment fell to 3.9 percent in March, the Labor Department said on Friday, the lowest rate in two years.',
    'Employers added 236,000 jobs last month, beating forecasts of 190,000.',
    'Acme Corp. laid off 1,200 workers in 2024, according to a filing with the Securities and Exchange Commission.',
  ];
  const NOT_CLAIMS = [
    'Senate Passes $1.2 Trillion Infrastructure Bill After Months of Talks', // headline
    'By Maria Lopez and Daniel Kim, Staff Writers', // byline
    'Published March 4, 2025 | Updated 6:15 PM ET | 5 min read', // dateline
    '“This is a historic day for working families,” Park told reporters outside the chamber.', // quote
    '“We will not stop until every bridge in this country is safe.”', // quote only
    'The plan is a reckless gamble that will saddle our children with debt.', // opinion
    'Frankly, I think the numbers are too good to be true.', // first-person opinion
    'It is a wonderful time to be a job seeker.', // evaluation
    'Will the House pass it before the August recess?', // question
    'What does this mean for your paycheck?', // question to the reader
    'Commuters wait for a train at Union Station in Washington on Monday. (Photo: Alex Brown/Reuters)', // caption
    'Sign up for our morning newsletter to get the latest news.', // boilerplate
    'Read more: How to negotiate a raise', // link
    'The company declined to comment.', // no-comment note
    'Copyright 2025 The Daily Ledger. All rights reserved.', // footer
  ];
  const article = [NOT_CLAIMS[0], NOT_CLAIMS[1], NOT_CLAIMS[2], FACTS[0], FACTS[1], NOT_CLAIMS[3], NOT_CLAIMS[4], NOT_CLAIMS[5],
    NOT_CLAIMS[8], NOT_CLAIMS[10], FACTS[2], FACTS[3], NOT_CLAIMS[6], NOT_CLAIMS[9], NOT_CLAIMS[7], FACTS[4], NOT_CLAIMS[12],
    NOT_CLAIMS[13], NOT_CLAIMS[11], NOT_CLAIMS[14]].join('\n\n');
  const a = analyze(article);
  const claimTexts = a.claims.map((c) => article.slice(c.start, c.end));
  for (const fact of FACTS) {
    it(`highlights the reported fact: ${fact.slice(0, 50)}…`, () => expect(claimTexts).toContain(fact));
  }
  for (const line of NOT_CLAIMS) {
    it(`never highlights: ${line.slice(0, 50)}…`, () => {
      for (const c of claimTexts) expect(line.includes(c) || c.includes(line)).toBe(false);
    });
  }
  it('says why: numbers and dates as reasons', () => {
    const senate = a.claims.find((c) => article.slice(c.start, c.end) === FACTS[0])!;
    expect(senate.reasons).toEqual(expect.arrayContaining(['number', 'date']));
  });
});
