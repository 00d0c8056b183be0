// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract.js';
import { TextMapBuilder } from '../../../src/content/text-map.js';
import { fixturePages } from './helpers.js';

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

describe('TextMapBuilder', () => {
  it('maps taken characters both ways and leaves added ones unmapped', () => {
    document.body.innerHTML = '<p>ab  c</p><p>de</p>';
    const [t1, t2] = Array.from(document.querySelectorAll('p'), (p) => p.firstChild as Text) as [Text, Text];
    const b = new TextMapBuilder();
    b.take('a', t1, 0);
    b.take('b', t1, 1);
    b.take(' ', t1, 2); // the collapsed run "  "
    b.take('c', t1, 4);
    b.add('\n\n');
    b.take('d', t2, 0);
    b.take('e', t2, 1);
    const map = b.build();
    expect(map.text).toBe('ab c\n\nde');
    expect(map.pointAt(3)).toEqual({ node: t1, offset: 4 });
    expect(map.pointAt(4)).toBeNull();
    expect(map.offsetOf(t1, 4)).toBe(3);
    expect(map.offsetOf(t2, 1)).toBe(7);
    expect(map.offsetOf(t1, 3)).toBe(3); // inside the collapsed run: the next character
    // A span across the block break is two pieces; the collapsed space covers its whole run.
    const pieces = map.pieces(1, 8);
    expect(pieces.map((p) => p.node.data.slice(p.startOffset, p.endOffset))).toEqual(['b  c', 'de']);
  });
});

describe.each(fixturePages())('text map round trip on $slug', ({ html, expected }) => {
  it('every mapped character points at the same character in the live page, and back', () => {
    loadPage(html);
    const r = extractArticle(document, { url: expected.url });
    if (r.kind !== 'article') throw new Error(r.reason);
    const { text } = r.article;
    let mapped = 0;
    for (let i = 0; i < text.length; i++) {
      const p = r.map.pointAt(i);
      if (!p) {
        expect(text[i]).toBe('\n');
        continue;
      }
      mapped++;
      expect(p.node.isConnected).toBe(true);
      const live = p.node.data[p.offset]!;
      if (text[i] === ' ') expect(live).toMatch(/\s/);
      else expect(live).toBe(text[i]);
      expect(r.map.offsetOf(p.node, p.offset)).toBe(i);
    }
    expect(mapped).toBeGreaterThan(text.length * 0.9);
  });

  it('pieces of any sentence hold exactly its text once white space is collapsed', () => {
    loadPage(html);
    const r = extractArticle(document, { url: expected.url });
    if (r.kind !== 'article') throw new Error(r.reason);
    const { text } = r.article;
    for (const m of text.matchAll(/[^.!?\n]+[.!?]/g)) {
      const start = m.index!;
      const end = start + m[0].length;
      const joined = r.map.pieces(start, end).map((p) => p.node.data.slice(p.startOffset, p.endOffset)).join('');
      expect(joined.replace(/\s+/g, ' ')).toBe(text.slice(start, end).replace(/\n+/g, ''));
    }
  });
});
