// The bundled demo story (demo/) must show every highlight kind and every status: this runs the
// real pipeline (extract -> analyze -> library) over the demo pages, the way the browser does.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { extractArticle } from '../../../src/content/extract.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import type { ArticleRecord, Corroboration } from '../../../src/shared/model.js';

const PAGES = {
  ledger: 'harbor-ledger/port-calder-e-coli.html',
  wire: 'coastal-press/port-calder-boil-water.html',
  reprint: 'lakeside-herald/port-calder-water-advisory.html',
  gazette: 'calder-gazette/boil-water-advisory.html',
};

function load(path: string) {
  const url = `http://127.0.0.1:8080/${path}`;
  const dom = new JSDOM(readFileSync(`demo/${path}`, 'utf8'), { url });
  return extractArticle(dom.window.document, { url });
}

let gazette: ArticleRecord;
let corr: Corroboration;
const sentence = (start: number, end: number) => gazette.text.slice(start, end);

beforeAll(async () => {
  const lib = await Library.open(new MemoryStore());
  let now = 1;
  for (const path of Object.values(PAGES)) {
    const x = load(path);
    if (x.kind !== 'article') throw new Error(`${path}: ${x.reason}`);
    const rec = makeRecord(x.article, analyze(x.article.text), now++);
    await lib.upsert(rec);
    if (path === PAGES.gazette) gazette = rec;
  }
  corr = lib.corroborate(gazette);
}, 60000);

describe('demo story', () => {
  it('the front pages are not articles', () => {
    expect(load('calder-gazette/index.html').kind).toBe('not-article');
    expect(load('index.html').kind).toBe('not-article');
  });

  it('the gazette has every claim status', () => {
    const by = (status: string) => corr.claims.filter((c) => c.status === status)
      .map((c) => { const cl = gazette.analysis.claims.find((x) => x.id === c.claimId)!; return sentence(cl.start, cl.end); });
    const table = Object.fromEntries(['corroborated', 'contradicted', 'mixed', 'single-source'].map((s) => [s, by(s)]));
    expect(table.contradicted!.join(' ')).toMatch(/14 samples/);
    expect(table.mixed!.join(' ')).toMatch(/140 miles/);
    expect(table.corroborated!.length).toBeGreaterThan(0);
    expect(table['single-source']!.length).toBeGreaterThan(0);
  });

  it('the gazette has every quote status, and a speaker mismatch', () => {
    const by = (status: string) => corr.quotes.filter((q) => q.status === status)
      .map((q) => gazette.analysis.quotes.find((x) => x.id === q.quoteId)!.text);
    expect(by('verbatim').join(' ')).toMatch(/Nobody should drink/);
    expect(by('variant').join(' ')).toMatch(/We found the problem/);
    expect(by('single-source').join(' ')).toMatch(/newborn/);
    expect(corr.quotes.some((q) => q.evidence.some((e) => e.speakerMismatch))).toBe(true);
  });

  it('the gazette has every kind of vague attribution', () => {
    expect(new Set(gazette.analysis.attributions.map((a) => a.kind)))
      .toEqual(new Set(['anonymous-source', 'hedge', 'unsupported-claim', 'weasel']));
  });

  it('the wire reprint counts as the same source as the wire', () => {
    const mixed = corr.claims.find((c) => c.status === 'mixed')!;
    const against = mixed.evidence.filter((e) => e.stance === 'contradict');
    expect(against.map((e) => e.outlet).sort()).toEqual(['Coastal Press Service', 'Lakeside Herald']);
    expect(new Set(against.map((e) => e.origin)).size).toBe(1);
  });
});
