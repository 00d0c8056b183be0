// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract.js';
import { Highlighter, MARK_SELECTOR, planMarks } from '../../../src/content/highlight.js';
import { fakeAnalysis, fixturePages } from './helpers.js';

const page = fixturePages().find((p) => p.slug === 'news-furniture')!;
const sync = () => Promise.resolve();

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

function extract() {
  const r = extractArticle(document, { url: page.expected.url });
  if (r.kind !== 'article') throw new Error(r.reason);
  return r;
}

const CLAIM = 'Officials said the barrier would cost about £12 million and take two years to finish.';
const QUOTE = '"We cannot keep sandbagging the same streets every winter,"';
// Overlaps the claim's end and the quote's start: marks must nest, not break the text.
const ATTR = 'Officials said';
const HEDGE = 'reportedly';
const CROSS = 'finish. "We cannot';

describe('highlight', () => {
  beforeEach(() => loadPage(page.html));

  it('wraps exactly the span text, with kind, id and speaker', async () => {
    const { article, map } = extract();
    const analysis = fakeAnalysis(article.text, {
      claims: [CLAIM], quotes: [{ phrase: QUOTE, speaker: 'Dana Whitfield' }], attributions: [ATTR, HEDGE],
    });
    const r = await new Highlighter(document).apply(map, analysis, { yieldFn: sync });
    expect(r.skipped).toBe(0);
    const textOf = (id: string) =>
      Array.from(document.querySelectorAll(`${MARK_SELECTOR}[data-sourcemark-id="${id}"]`), (m) => m.textContent).join('');
    expect(textOf('c0')).toBe(CLAIM);
    expect(textOf('q0')).toBe(QUOTE);
    expect(textOf('a0')).toBe(ATTR);
    expect(textOf('a1')).toBe(HEDGE);
    const q = document.querySelector('mark[data-sourcemark-id="q0"]')!;
    expect(q.getAttribute('data-sourcemark-kind')).toBe('quote');
    expect(q.getAttribute('data-sourcemark-speaker')).toBe('Dana Whitfield');
    expect(q.tagName).toBe('MARK');
  });

  it('nests overlapping spans: attributions inside claims', async () => {
    const { article, map } = extract();
    const analysis = fakeAnalysis(article.text, { claims: [CLAIM], attributions: [ATTR] });
    await new Highlighter(document).apply(map, analysis, { yieldFn: sync });
    const attr = document.querySelector('mark[data-sourcemark-id="a0"]')!;
    expect(attr.parentElement?.getAttribute('data-sourcemark-id')).toBe('c0');
  });

  it('a span crossing two marks is split at their edges, and the text is unchanged', async () => {
    const { article, map } = extract();
    const before = document.body.textContent;
    const analysis = fakeAnalysis(article.text, {
      claims: [CLAIM], quotes: [{ phrase: QUOTE, speaker: null }], attributions: [CROSS],
    });
    await new Highlighter(document).apply(map, analysis, { yieldFn: sync });
    const parts = Array.from(document.querySelectorAll('mark[data-sourcemark-id="a0"]'));
    // "finish." inside the claim, " " between the two, "\"We cannot" inside the quote.
    expect(parts.map((m) => m.textContent)).toEqual(['finish.', ' ', '"We cannot']);
    expect(parts[0]!.parentElement?.getAttribute('data-sourcemark-id')).toBe('c0');
    expect(parts[1]!.parentElement?.tagName).toBe('P');
    expect(parts[2]!.parentElement?.getAttribute('data-sourcemark-id')).toBe('q0');
    expect(document.body.textContent).toBe(before);
  });

  it('clear() restores the page exactly, down to the original text nodes', async () => {
    const { article, map } = extract();
    const html = document.body.innerHTML;
    const text = document.body.textContent;
    const lede = document.querySelectorAll('article p')[2]!.firstChild as Text;
    const analysis = fakeAnalysis(article.text, {
      claims: [CLAIM], quotes: [{ phrase: QUOTE, speaker: 'x' }], attributions: [ATTR, CROSS.slice(0, 6)],
    });
    const h = new Highlighter(document);
    const r = await h.apply(map, analysis, { yieldFn: sync });
    expect(r.marks).toBeGreaterThanOrEqual(4);
    expect(document.body.innerHTML).not.toBe(html);
    expect(document.body.textContent).toBe(text);
    h.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(html);
    expect(lede.isConnected).toBe(true);
    expect(document.querySelectorAll('article p')[2]!.childNodes.length).toBe(1);
  });

  it('update() keeps marks of items still there, renames their ids, removes the gone, marks the new', async () => {
    const { article, map } = extract();
    const text = document.body.textContent;
    const childCounts = Array.from(document.querySelectorAll('article p'), (p) => p.childNodes.length);
    const h = new Highlighter(document);
    await h.update(map, fakeAnalysis(article.text, { claims: [CLAIM, 'The harbour council voted 7 to 2 on Tuesday'] }), { yieldFn: sync });
    const kept = Array.from(document.querySelectorAll('mark[data-sourcemark-id="c0"]'));
    // The next analysis (of the page with its marks) lists the claim second, drops the other, adds a hedge.
    const again = extract();
    // "ending a dispute" sits in text that removing the gone claim's mark joins back: the map must follow.
    const next = fakeAnalysis(again.article.text, { claims: ['Residents will be able to see the plans', CLAIM], attributions: [HEDGE, 'ending a dispute'] });
    const r = await h.update(again.map, next, { yieldFn: sync });
    expect(r).toMatchObject({ kept: 1, removed: 1 });
    for (const m of kept) expect(m.getAttribute('data-sourcemark-id')).toBe('c1');
    expect(Array.from(document.querySelectorAll('mark[data-sourcemark-id="c1"]'))).toEqual(kept);
    expect(Array.from(document.querySelectorAll('mark[data-sourcemark-id="c0"]'), (m) => m.textContent).join('')).toBe('Residents will be able to see the plans');
    expect(document.querySelector('mark[data-sourcemark-id="a0"]')?.textContent).toBe(HEDGE);
    expect(document.querySelector('mark[data-sourcemark-id="a1"]')?.textContent).toBe('ending a dispute');
    expect(r.skipped).toBe(0);
    expect(document.body.textContent).toBe(text);
    expect(document.body.textContent!.includes('The harbour council voted 7 to 2 on Tuesday')).toBe(true);
    expect(Array.from(document.querySelectorAll('mark'), (m) => m.textContent)).not.toContain('The harbour council voted 7 to 2 on Tuesday');
    h.clear();
    expect(Array.from(document.querySelectorAll('article p'), (p) => p.childNodes.length)).toEqual(childCounts);
  });

  it('marks without creating NodeIterators (each one slows every later DOM removal in Blink)', async () => {
    const { article, map } = extract();
    const original = document.createNodeIterator.bind(document);
    let created = 0;
    document.createNodeIterator = ((...a: Parameters<typeof original>) => { created++; return original(...a); }) as typeof original;
    try {
      const r = await new Highlighter(document).apply(map, fakeAnalysis(article.text, { claims: [CLAIM], attributions: [ATTR, HEDGE] }), { yieldFn: sync });
      expect(r.marks).toBeGreaterThanOrEqual(3);
      expect(r.skipped).toBe(0);
    } finally {
      document.createNodeIterator = original;
    }
    expect(created).toBe(0);
  });

  it('marks a paragraph with more ranges than one mark.js call takes, in several slices, all of them', async () => {
    // One long paragraph, each of its 60 words an item: 60 ranges in one block.
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    loadPage(`<html><head><title>Many marks</title></head><body><article><h1>Many marks</h1><p>${words.join(' ')}. ${'Filler prose for the article body. '.repeat(12)}</p></article></body></html>`);
    const r0 = extractArticle(document, { skipGate: true });
    if (r0.kind !== 'article') throw new Error(r0.reason);
    const before = document.body.textContent;
    // Marks on the page at each yield: a yield with some but not all of them marked shows the
    // one block was marked over more than one slice.
    const seen: number[] = [];
    const r = await new Highlighter(document).apply(r0.map, fakeAnalysis(r0.article.text, { claims: words }), {
      budgetMs: 0, yieldFn: () => { seen.push(document.querySelectorAll(MARK_SELECTOR).length); return Promise.resolve(); },
    });
    expect(r).toMatchObject({ marks: 60, skipped: 0 });
    expect(Array.from(document.querySelectorAll(MARK_SELECTOR), (m) => m.textContent)).toEqual(words);
    expect(document.body.textContent).toBe(before);
    expect(seen.some((n) => n > 0 && n < 60)).toBe(true);
  });

  it('never marks inside form fields or editable regions', async () => {
    document.body.innerHTML = '<article><p>The mayor said 40 homes flooded.</p><textarea>The mayor said 40 homes flooded.</textarea>'
      + '<div contenteditable="true"><p>The mayor said 40 homes flooded.</p></div></article>';
    const { TextMapBuilder } = await import('../../../src/content/text-map.js');
    const b = new TextMapBuilder();
    const nodes = [
      document.querySelector('article > p')!.firstChild as Text,
      document.querySelector('textarea')!.firstChild as Text,
      document.querySelector('[contenteditable] p')!.firstChild as Text,
    ];
    nodes.forEach((n, k) => {
      if (k) b.add('\n\n');
      for (let i = 0; i < n.data.length; i++) b.take(n.data[i]!, n, i);
    });
    const map = b.build();
    const sentence = 'The mayor said 40 homes flooded.';
    const analysis = {
      ...fakeAnalysis(map.text, {}),
      claims: [0, 1, 2].map((k) => ({ id: `c${k}`, start: k * (sentence.length + 2), end: k * (sentence.length + 2) + sentence.length, score: 1, reasons: [] })),
    };
    await new Highlighter(document).apply(map, analysis, { yieldFn: sync });
    expect(document.querySelectorAll('article > p mark').length).toBe(1);
    expect(document.querySelector('textarea')!.querySelector('mark')).toBeNull();
    expect(document.querySelector('[contenteditable] mark')).toBeNull();
  });

  it('skips a range whose text changed since extraction instead of marking the wrong words', async () => {
    const { article, map } = extract();
    const analysis = fakeAnalysis(article.text, { claims: [CLAIM] });
    const p = document.querySelectorAll('article p')[2]!.firstChild as Text;
    p.data = p.data.replace('Officials', 'Engineers');
    const r = await new Highlighter(document).apply(map, analysis, { yieldFn: sync });
    expect(r.marks).toBe(0);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('plans claims before quotes before attributions', () => {
    const { article, map } = extract();
    const analysis = fakeAnalysis(article.text, { attributions: [HEDGE], quotes: [{ phrase: QUOTE, speaker: null }], claims: [CLAIM] });
    expect(planMarks(map, analysis).map((j) => j.kind)).toEqual(['claim', 'quote', 'attribution']);
  });

  it('reveal scrolls to the item and flashes it; unknown ids are false', async () => {
    const { article, map } = extract();
    const h = new Highlighter(document);
    await h.apply(map, fakeAnalysis(article.text, { claims: [CLAIM] }), { yieldFn: sync });
    let scrolled = 0;
    (Element.prototype as { scrollIntoView: () => void }).scrollIntoView = () => { scrolled++; };
    expect(h.reveal('c0')).toBe(true);
    expect(scrolled).toBe(1);
    expect(document.querySelector('mark[data-sourcemark-id="c0"]')!.classList.contains('sourcemark-flash')).toBe(true);
    expect(h.reveal('c99')).toBe(false);
  });
});
