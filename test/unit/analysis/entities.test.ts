import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';

/** Returns "TYPE:text" for every entity of the text. */
const entities = (text: string) => tokenize(text).entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

describe('entities (own recogniser over wink tokens)', () => {
  it('finds dates, times and durations', () => {
    const got = entities('On June 3, 2024 at 10:30 a.m. she left; by Monday, two years since 1980 and four years ago, last week.');
    expect(got).toEqual(expect.arrayContaining([
      'DATE:June 3, 2024', 'TIME:10:30 a.m.', 'DATE:Monday', 'DURATION:two years', 'DURATION:since 1980',
      'DATE:four years ago', 'DATE:last week',
    ]));
  });
  it('finds money, percentages, ordinals and counts', () => {
    const got = entities('The firm paid $5 million, up 40% or 12 per cent, the 3rd rise; hundreds of people and twenty - five cars.');
    expect(got).toEqual(expect.arrayContaining([
      'MONEY:$5 million', 'PERCENT:40%', 'PERCENT:12 per cent', 'ORDINAL:3rd', 'CARDINAL:hundreds', 'CARDINAL:twenty - five',
    ]));
  });
  it('tells a year in a sentence from a number alone on its line, and leaves codes alone', () => {
    expect(entities('It opened in 1998.')).toContain('DATE:1998');
    expect(entities('Index\n\n1998\n\nMore')).toContain('CARDINAL:1998');
    expect(entities('Call 555-0100 now.')).toEqual([]);
  });
  it('does not take the verb "may" or a bare clock reading as an entity', () => {
    expect(entities('They may come.')).toEqual([]);
    expect(entities('Updated 10:30')).toEqual([]);
  });
  it('never joins tokens across a line break', () => {
    for (const e of tokenize('Sales rose 5\n\npercent').entities) expect(e.type).not.toBe('PERCENT');
  });
  it('marks web tokens by their wink type', () => {
    expect(entities('Write to x@y.com or @bob, see http://a.com #tag')).toEqual(['EMAIL:x@y.com', 'MENTION:@bob', 'URL:http://a.com', 'HASHTAG:#tag']);
  });
});

describe('negation flags', () => {
  const flags = (text: string) => tokenize(text).tokens.filter((t) => t.negation).map((t) => t.value);
  it('flag the words after a negator up to the clause boundary', () => {
    expect(flags('They did not agree with it, but left.')).toEqual(['agree', 'with', 'it']);
    expect(flags('She never said that because he was there.')).toEqual(['said', 'that']);
  });
  it('end at the sentence end', () => {
    expect(flags('No one came. Then it rained.')).toEqual(['one', 'came']);
  });
});
