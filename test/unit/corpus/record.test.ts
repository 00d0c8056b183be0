import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../src/corpus/record.js';
import { detectWire, normalizeUrl } from '../../../src/corpus/normalize.js';
import { wordDiff, matchQuote } from '../../../src/corpus/quote-diff.js';
import { quoteWords } from '../../../src/corpus/normalize.js';
import { OriginIndex } from '../../../src/corpus/origin.js';
import { sentenceAnalysis } from './helpers.js';

describe('normalizeUrl / makeRecord', () => {
  it('lower-cases the host, strips www., hash, utm_* and the trailing slash', () => {
    expect(normalizeUrl('https://WWW.Example.COM/News/Story/?utm_source=x&id=3#top')).toBe('https://example.com/News/Story?id=3');
    expect(normalizeUrl('http://example.com/a/')).toBe(normalizeUrl('https://www.example.com/a'));
  });

  it('uses the canonical URL, siteName or the domain, keeps firstSeen on a revisit, detects the wire', () => {
    const text = 'WASHINGTON (AP) — The Senate passed the bill on Tuesday after a long debate in the chamber.';
    const art = { url: 'https://www.news.example/x?utm_medium=y', canonicalUrl: null, title: 't', byline: null, siteName: null, publishedTime: null, lang: 'en', text };
    const r1 = makeRecord(art, sentenceAnalysis(text), 100);
    expect(r1.id).toBe('https://news.example/x');
    expect(r1.outlet).toBe('news.example');
    expect(r1.wire).toBe('AP');
    const r2 = makeRecord({ ...art, siteName: 'News Example' }, sentenceAnalysis(text), 200, r1);
    expect([r2.firstSeen, r2.lastSeen, r2.outlet]).toEqual([100, 200, 'News Example']);
  });

  it('credits a wire from the byline or credit line, not from "according to Reuters" in the body', () => {
    expect(detectWire('By Jane Doe, Associated Press', 'Body text.')).toBe('AP');
    expect(detectWire(null, 'Body text here.\n\nReporting by Jane Doe; Editing by John Roe')).toBe(null);
    expect(detectWire(null, 'Body.\n\n(Reporting by Jane Doe; Editing by John Roe)')).toBe('Reuters');
    expect(detectWire(null, 'HEMPSTEAD, N.Y., Sept. 26 (UPI) — ' + 'The candidate was removed from the site by police. '.repeat(8))).toBe('UPI');
    expect(detectWire(null, 'The minister resigned on Monday, according to Reuters, after weeks of pressure from his party and the opposition in parliament.')).toBe(null);
  });
});

describe('quote matching', () => {
  it('diffs words via LCS', () => {
    expect(wordDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: 'same', text: 'a' }, { op: 'removed', text: 'b' }, { op: 'added', text: 'x' }, { op: 'same', text: 'c' }]);
  });

  it('verbatim, fragment, split fragments, variant, none', () => {
    const q = quoteWords('We will not raise taxes on working families this year');
    const o = (t: string) => ({ words: quoteWords(t), text: t });
    expect(matchQuote(q, [o('We will not raise taxes on working families this year.')])!.match).toBe('verbatim');
    expect(matchQuote(quoteWords('not raise taxes on working families'), [o('We will not raise taxes on working families this year')])!.match).toBe('fragment');
    const split = matchQuote(q, [o('We will not raise taxes'), o('on working families this year')])!;
    expect([split.match, split.share]).toEqual(['fragment', 1]);
    const v = matchQuote(q, [o('We will never raise taxes on working families')])!;
    expect(v.match).toBe('variant');
    expect(v.diff.some((d) => d.op === 'added' && d.text === 'never')).toBe(true);
    expect(matchQuote(q, [o('The weather is fine today in the city')])).toBeNull();
  });
});

describe('OriginIndex', () => {
  const story = 'The storm knocked out power to 40,000 homes across the county on Sunday night, and crews worked through Monday to restore lines while schools stayed closed and officials urged residents to stay off the roads.';
  it('near-copies share an origin; a wire credit merges groups; distinct stories stay apart', () => {
    const o = new OriginIndex();
    const a = o.add('a', story, null, 'Daily A');
    const b = o.add('b', story.replace('Sunday night', 'Sunday evening'), null, 'Daily B');
    expect(b).toBe(a);
    const c = o.add('c', story + ' Reporting by the Associated Press.', 'AP', 'Daily C');
    expect(c).toBe('wire:ap');
    expect(o.originOf('a')).toBe('wire:ap');
    expect(o.add('d', 'A local bakery won a regional award for its sourdough bread and rye loaves at the weekend fair in town.', null, 'D')).toBe('id:d');
  });
  it('a cited outlet resolves to its library origin, a wire, or cite:<name>', () => {
    const o = new OriginIndex();
    o.add('p', story, null, 'Politico');
    expect(o.citedOrigin('Politico')).toBe('id:p');
    expect(o.citedOrigin('The Associated Press')).toBe('wire:ap');
    expect(o.citedOrigin('The Guardian')).toBe('cite:guardian');
  });
});
