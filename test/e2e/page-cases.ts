/**
 * Real pages nobody here wrote, read from ../shared/eval at test time (never copied into the repo):
 * - real-pages/<slug>: source.html, expected.html (the article) and expected-metadata.json
 *   (readerable or not), from mozilla/readability's test suite;
 * - article-extraction-benchmark: gzipped news pages with the gold article text, all articles.
 *
 * `checkworthy` marks the pages the "articles get highlights" share counts: readerable pages whose
 * article is English prose (the analysis is English-only). A page is English prose when its
 * expected metadata declares no other language AND at least 5% of the words of its gold article
 * text are frequent English function words (the, of, and, to, ...; FUNCTION_WORDS). That second
 * test leaves out the Readability fixtures written in lorem ipsum (base-url, social-buttons,
 * title-en-dash...: 0%) and undeclared non-English pages (la-nacion, qq, and the benchmark's
 * Korean, Portuguese, Indonesian, Russian, German pages: under 3.5%); English news scores 12-30%,
 * the lowest English page (a product list, 5f03fc173ebc) 5.3%.
 * Every page still gets every other check (errors, marks inside the article, text unchanged).
 *
 * REAL_PAGES_ONLY=slug1,slug2 restricts both suites to those slugs (for investigating a page).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { htmlToText } from '../../src/cli/eval/speed.ts';

export interface PageCase {
  slug: string;
  html: string;
  /** True when the page is an article (expected to get highlights), false when it is not. */
  readerable: boolean;
  /** The article's text (white space collapsed): every mark must lie inside it. */
  articleText: string;
  /** True when the page is an English article: it should get highlights (see the header). */
  checkworthy: boolean;
}

const EVAL = path.resolve('..', 'shared', 'eval');
/**
 * Returns `s` as both sides of the "marks inside the article" check compare it: typographic quotes
 * and apostrophes made straight, dashes made '-', zero-width characters dropped, white space
 * (including no-break spaces) collapsed. The gold texts and the page differ in these only.
 */
export const collapse = (s: string) => s
  .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
  .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
  .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
  .replace(/[\u2010-\u2015\u2212]/g, '-')
  .replace(/\s+/g, ' ').trim();

// Frequent English function words that are not also Latin or Romance words ("a", "in", "et"...).
const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'is', 'that', 'for', 'it', 'with', 'was', 'he', 'she', 'they', 'this', 'are', 'have', 'has', 'from', 'but', 'not', 'said', 'which', 'would', 'were', 'you', 'your', 'will', 'been']);

/** Returns true when `text` reads as English prose (see the header for the rule). */
export function isEnglishProse(text: string, lang?: string | null): boolean {
  if (lang && !/^en\b/i.test(lang)) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  return words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length >= 0.05;
}

const only = process.env.REAL_PAGES_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (slug: string) => !only || only.includes(slug);

/** Returns the readability test pages, or null when the folder is absent. */
export function realPages(): PageCase[] | null {
  const root = path.join(EVAL, 'real-pages');
  if (!existsSync(root)) return null;
  return readdirSync(root).sort().filter((d) => wanted(d) && existsSync(path.join(root, d, 'source.html'))).map((slug) => {
    const meta = JSON.parse(readFileSync(path.join(root, slug, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean; lang?: string | null };
    const articleText = collapse(htmlToText(readFileSync(path.join(root, slug, 'expected.html'), 'utf8')));
    const readerable = meta.readerable !== false;
    return {
      slug,
      html: readFileSync(path.join(root, slug, 'source.html'), 'utf8'),
      readerable,
      articleText,
      checkworthy: readerable && isEnglishProse(articleText, meta.lang),
    };
  });
}

/** Returns the extraction benchmark's news pages, or null when the folder is absent. */
export function benchmarkPages(): PageCase[] | null {
  const root = path.join(EVAL, 'article-extraction-benchmark');
  if (!existsSync(path.join(root, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(path.join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return Object.keys(truth).sort().filter((k) => wanted(k.slice(0, 12)) && existsSync(path.join(root, 'html', `${k}.html.gz`))).map((k) => {
    const articleText = collapse(truth[k]!.articleBody);
    return {
      slug: k.slice(0, 12),
      html: gunzipSync(readFileSync(path.join(root, 'html', `${k}.html.gz`))).toString('utf8'),
      readerable: true,
      articleText,
      checkworthy: isEnglishProse(articleText),
    };
  });
}
