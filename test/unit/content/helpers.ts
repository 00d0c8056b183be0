// Shared by the content tests: fixture discovery and a fake analysis built from phrases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../../../src/shared/model.js';

export const PAGES_DIR = path.resolve(__dirname, '../../fixtures/pages');

export interface PageExpectation {
  url: string;
  title?: string;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  canonicalUrl?: string | null;
  startsWith?: string;
  endsWith?: string;
  blocks?: number;
  includes?: string[];
  excludes?: string[];
}

export interface FixturePage {
  slug: string;
  html: string;
  expected: PageExpectation;
}

/** Returns every fixture page folder (source.html + expected.json). */
export function fixturePages(): FixturePage[] {
  return readdirSync(PAGES_DIR)
    .filter((slug) => existsSync(path.join(PAGES_DIR, slug, 'source.html')))
    .map((slug) => ({
      slug,
      html: readFileSync(path.join(PAGES_DIR, slug, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(path.join(PAGES_DIR, slug, 'expected.json'), 'utf8')) as PageExpectation,
    }));
}

/** Returns the span of `phrase` in `text` (the first one after `from`), failing loudly when absent. */
export function spanOf(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

/** Returns an Analysis with the given claim, quote and attribution phrases. */
export function fakeAnalysis(
  text: string,
  parts: { claims?: string[]; quotes?: { phrase: string; speaker: string | null }[]; attributions?: string[] },
): Analysis {
  return {
    version: 1,
    textLength: text.length,
    sentences: [],
    claims: (parts.claims ?? []).map((p, i) => ({ id: `c${i}`, ...spanOf(text, p), score: 0.9, reasons: ['number'] })),
    quotes: (parts.quotes ?? []).map((q, i) => ({
      id: `q${i}`, ...spanOf(text, q.phrase), text: q.phrase.replace(/^["“]|["”]$/g, ''), speaker: q.speaker,
      speakerStart: null, speakerEnd: null, speakerHow: q.speaker ? 'same-sentence' : 'none',
    })),
    attributions: (parts.attributions ?? []).map((p, i) => ({
      id: `a${i}`, ...spanOf(text, p), kind: 'hedge', reason: 'The source is not named.', cue: p.toLowerCase(),
    })),
  };
}
