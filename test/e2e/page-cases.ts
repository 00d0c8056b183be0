/**
 * Real pages nobody here wrote, read from ../shared/eval at test time (never copied into the repo):
 * - real-pages/<slug>: source.html, expected.html (the article) and expected-metadata.json
 *   (readerable or not), from mozilla/readability's test suite;
 * - article-extraction-benchmark: gzipped news pages with the gold article text, all articles.
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
}

const EVAL = path.resolve('..', 'shared', 'eval');
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Returns the readability test pages, or null when the folder is absent. */
export function realPages(): PageCase[] | null {
  const root = path.join(EVAL, 'real-pages');
  if (!existsSync(root)) return null;
  return readdirSync(root).sort().filter((d) => existsSync(path.join(root, d, 'source.html'))).map((slug) => {
    const meta = JSON.parse(readFileSync(path.join(root, slug, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
    return {
      slug,
      html: readFileSync(path.join(root, slug, 'source.html'), 'utf8'),
      readerable: meta.readerable !== false,
      articleText: collapse(htmlToText(readFileSync(path.join(root, slug, 'expected.html'), 'utf8'))),
    };
  });
}

/** Returns the extraction benchmark's news pages, or null when the folder is absent. */
export function benchmarkPages(): PageCase[] | null {
  const root = path.join(EVAL, 'article-extraction-benchmark');
  if (!existsSync(path.join(root, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(path.join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return Object.keys(truth).sort().filter((k) => existsSync(path.join(root, 'html', `${k}.html.gz`))).map((k) => ({
    slug: k.slice(0, 12),
    html: gunzipSync(readFileSync(path.join(root, 'html', `${k}.html.gz`))).toString('utf8'),
    readerable: true,
    articleText: collapse(truth[k]!.articleBody),
  }));
}
