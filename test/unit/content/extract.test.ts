// @vitest-environment node
// Extraction runs on jsdom documents here, as the CLI and the eval do.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract.js';
import { fixturePages } from './helpers.js';

const pages = fixturePages();

describe.each(pages)('extract $slug', ({ html, expected }) => {
  const load = () => new JSDOM(html, { url: expected.url }).window.document;
  const article = () => {
    const r = extractArticle(load());
    if (r.kind !== 'article') throw new Error(`not an article: ${r.reason}`);
    return r.article;
  };

  for (const field of ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'canonicalUrl', 'url'] as const) {
    if (field in expected) {
      it(`${field}`, () => expect(article()[field]).toBe(expected[field]));
    }
  }
  if (expected.startsWith) it('text starts with the lede', () => expect(article().text.startsWith(expected.startsWith!)).toBe(true));
  if (expected.endsWith) it('text ends with the last paragraph', () => expect(article().text.endsWith(expected.endsWith!)).toBe(true));
  if (expected.blocks) it('block count', () => expect(article().text.split('\n\n')).toHaveLength(expected.blocks!));
  for (const s of expected.includes ?? []) it(`includes ${JSON.stringify(s.slice(0, 40))}`, () => expect(article().text).toContain(s));
  for (const s of expected.excludes ?? []) it(`excludes ${JSON.stringify(s)}`, () => expect(article().text).not.toContain(s));

  it('text is collapsed: no runs of spaces, no space around line breaks', () => {
    const t = article().text;
    expect(t).not.toMatch(/ {2}|\t| \n|\n | $|^ |\n{3}/);
  });

  it('leaves the live document untouched', () => {
    const doc = load();
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('not an article', () => {
  it('a short page without article markup is rejected by the gate', () => {
    const doc = new JSDOM('<html><body><nav><a href="/">Home</a></nav><p>Welcome.</p></body></html>', { url: 'https://x.example/' }).window.document;
    const r = extractArticle(doc);
    expect(r.kind).toBe('not-article');
  });

  it('a link list is not an article even when the gate is skipped', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">Story number ${i} headline</a></li>`).join('');
    const doc = new JSDOM(`<html><body><ul>${items}</ul></body></html>`, { url: 'https://x.example/' }).window.document;
    expect(extractArticle(doc, { skipGate: true }).kind).toBe('not-article');
  });
});

describe('pages too big for one Readability parse', () => {
  it('find the article the cheap way: its prose in, the furniture out', () => {
    const paras = Array.from({ length: 4200 }, (_, i) => `<p>Paragraph <b>${i}</b> of the report says the council spent <i>${i * 3}</i> million on roads, bridges and schools.</p>`).join('');
    const nav = Array.from({ length: 300 }, (_, i) => `<li><a href="/${i}">Section ${i}</a></li>`).join('');
    const doc = new JSDOM(`<html><head><title>The big report</title><meta property="og:type" content="article"></head><body><nav><ul>${nav}</ul></nav><article><h1>The big report</h1>${paras}</article><footer>Contact us</footer></body></html>`, { url: 'https://x.example/big' }).window.document;
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(12000);
    const r = extractArticle(doc);
    if (r.kind !== 'article') throw new Error(r.reason);
    expect(r.article.text).toContain('Paragraph 4199 of the report');
    expect(r.article.text).toContain('Paragraph 0 of the report');
    expect(r.article.text).not.toContain('Section 12');
    expect(r.article.text).not.toContain('Contact us');
    expect(r.article.title).toBe('The big report');
  }, 60000);
});
