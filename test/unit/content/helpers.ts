// Shared by the content tests: fixture discovery and a fake analysis built from phrases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MessageListener } from '../../../src/content/lifecycle.js';
import type { PageReport } from '../../../src/shared/messages.js';
import type { Analysis, ExtractedArticle } from '../../../src/shared/model.js';
import { ok } from '../../../src/shared/result.js';

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

/** The claim, quote and hedge the fake background finds in the news-furniture fixture. */
export const FIXTURE_CLAIM = 'Officials said the barrier would cost about £12 million and take two years to finish.';
export const FIXTURE_QUOTE = '"We cannot keep sandbagging the same streets every winter,"';

/** A fake browser.runtime whose background "analyses" by finding known phrases in the text. */
export class FakeRuntime {
  id: string | undefined = 'ext-id';
  sent: unknown[] = [];
  listeners: MessageListener[] = [];
  enabled = true;
  /** Claim phrases to find (those absent from the text are left out). */
  claims = [FIXTURE_CLAIM];
  /** Set to hold replies back until released. */
  hold: Promise<void> | null = null;
  onMessage = {
    addListener: (fn: MessageListener) => { this.listeners.push(fn); },
    removeListener: (fn: MessageListener) => { this.listeners = this.listeners.filter((l) => l !== fn); },
  };
  async sendMessage(message: unknown): Promise<unknown> {
    this.sent.push(message);
    const { article } = (message as { args: { article: ExtractedArticle } }).args;
    if (this.hold) await this.hold;
    const analysis = fakeAnalysis(article.text, {
      claims: this.claims.filter((c) => article.text.includes(c)),
      quotes: article.text.includes(FIXTURE_QUOTE) ? [{ phrase: FIXTURE_QUOTE, speaker: 'Dana Whitfield' }] : [],
      attributions: article.text.includes('reportedly') ? ['reportedly'] : [],
    });
    const report: PageReport = {
      articleId: 'a1', url: article.url, outlet: 'x', title: article.title, text: article.text, analysis,
      corroboration: { articleId: 'a1', claims: [], quotes: [], librarySize: 1 }, enabled: this.enabled, storageWarning: null,
    };
    return ok(report);
  }
}
