/**
 * Finds the article on a page and returns its text, metadata and a map from text offsets to the
 * LIVE page's text nodes. Readability runs on a reading copy of the page (it rewrites the tree it
 * reads); page-copy.ts builds that copy in one walk that also remembers which live text node each
 * copied one came from, so the text nodes Readability keeps tell us which live text belongs to
 * the article. Works on any Document (browser, jsdom): `extractArticle` runs at once (CLI, eval,
 * tests), `extractArticleSliced` spreads the walks over short tasks (the content script).
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ExtractedArticle } from '../shared/model.js';
import { TextMapBuilder, type TextMap } from './text-map.js';
import { boilerplateMemo, isBoilerplateBlock, pruneSteps, type BoilerplateMemo } from './boilerplate.js';
import { copyPage, type PageCopy } from './page-copy.js';
import { runAll, runSliced, timed } from './yield.js';

export { BLOCK_TAGS } from './page-copy.js';

export type Extraction =
  | { kind: 'article'; article: ExtractedArticle; map: TextMap }
  | { kind: 'not-article'; reason: string };

export interface ExtractOptions {
  /** Skip the isProbablyReaderable gate (the CLI's --force). */
  skipGate?: boolean;
  /** Override the page URL (jsdom documents built from a string). */
  url?: string;
  /** Minimum article text length in characters. */
  minLength?: number;
  /** Leave out what the page's CSS hides (default: when the document is rendered). */
  layout?: boolean;
}

export interface SliceOptions {
  /** Milliseconds of work per task before yielding to the page. */
  budgetMs?: number;
  yieldFn: () => Promise<void>;
  /** Checked between slices (an AbortSignal or anything with `aborted`). */
  signal?: { readonly aborted: boolean };
}

// NodeFilter constant, spelled out so this file runs without DOM globals (Node + jsdom).
const SHOW_TEXT = 0x4;

// Written out at every use, not kept in a const: esbuild folds the expression away in shipped
// builds only where it stands inline (the bench checks that no 'sm:' label is left in them).

/** Returns the article on the page, or why there is none. Never modifies `doc`. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): Extraction {
  return runAll(extractSteps(doc, opts));
}

/**
 * Returns the article like `extractArticle`, but walks the page in tasks of about `budgetMs`
 * (Readability's own parse is the one step that cannot be split). Undefined when aborted.
 */
export function extractArticleSliced(doc: Document, opts: ExtractOptions & SliceOptions): Promise<Extraction | undefined> {
  return runSliced(extractSteps(doc, opts), opts.budgetMs ?? 8, opts.yieldFn, opts.signal,
    ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) ? 'sm:extract' : undefined);
}

function* extractSteps(doc: Document, opts: ExtractOptions): Generator<void, Extraction, void> {
  if (!doc.body) return { kind: 'not-article', reason: 'no body' };
  if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.mark('sm:x:gate:start');
  const readerable = opts.skipGate || isProbablyReaderable(doc, { visibilityChecker: gateVisible }) || declaresArticle(doc);
  if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.measure('sm:x:gate', 'sm:x:gate:start');
  if (!readerable) {
    return { kind: 'not-article', reason: 'page does not look like an article' };
  }
  yield;

  let walk = copyPage(doc, { layout: opts.layout, unlikely: unlikelyCandidate });
  let copy = yield* ((typeof __BENCH__ !== 'undefined' && __BENCH__) ? timed('sm:x:copy', walk) : walk);
  if (!copy) return { kind: 'not-article', reason: 'no document element' };
  const meta = readMeta(doc);
  yield;

  let parsed: ReadabilityResult | null;
  if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.mark('sm:x:elements', { detail: copy.elements });
  if (copy.elements > READABILITY_MAX_ELEMENTS || copy.chars > READABILITY_MAX_CHARS) {
    // Readability's parse is one task that cannot yield, and on a page this big it takes
    // seconds: find the article the cheap way, in slices (see largestProse).
    const content = yield* largestProse(copy.doc);
    parsed = { title: clean(content.querySelector('h1')?.textContent) || clean(doc.title), byline: null, siteName: null, publishedTime: null, lang: null, content };
  } else {
    if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.mark('sm:x:readability:start');
    let reader = reading(copy.doc);
    parsed = reader.parse();
    if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.measure('sm:x:readability', 'sm:x:readability:start');
    if (retried(reader)) {
      if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.mark('sm:x:retry');
      // Readability's first pass found too little and it tried again without dropping unlikely
      // candidates, which this copy had already left out: parse a copy that has them.
      yield;
      walk = copyPage(doc, { layout: opts.layout });
      copy = (yield* ((typeof __BENCH__ !== 'undefined' && __BENCH__) ? timed('sm:x:copy', walk) : walk))!;
      yield;
      if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.mark('sm:x:readability:start');
      reader = reading(copy.doc);
      parsed = reader.parse();
      if ((typeof __BENCH__ !== 'undefined' && __BENCH__)) performance.measure('sm:x:readability', 'sm:x:readability:start');
    }
  }
  const content = parsed?.content;
  if (!parsed || !content) return { kind: 'not-article', reason: 'no article content found' };
  yield;

  const memo = boilerplateMemo();
  const prune = pruneSteps(content, memo);
  yield* ((typeof __BENCH__ !== 'undefined' && __BENCH__) ? timed('sm:x:prune', prune) : prune);
  yield;
  const kept = keptTexts(content, copy);
  const keep = yield* ((typeof __BENCH__ !== 'undefined' && __BENCH__) ? timed('sm:x:keep', kept) : kept);
  yield;
  const build = buildText(copy, keep, clean(parsed.title), memo);
  const map = yield* ((typeof __BENCH__ !== 'undefined' && __BENCH__) ? timed('sm:x:text', build) : build);
  const minLength = opts.minLength ?? 200;
  if (map.text.length < minLength) {
    return { kind: 'not-article', reason: `article text too short (${map.text.length} characters)` };
  }

  const url = opts.url ?? doc.URL ?? '';
  const article: ExtractedArticle = {
    url,
    canonicalUrl: canonicalUrl(doc, url),
    title: clean(parsed.title) || clean(doc.title) || url,
    byline: cleanByline(parsed.byline),
    siteName: meta.siteName ?? (clean(parsed.siteName) || null),
    publishedTime: meta.publishedTime ?? (clean(parsed.publishedTime) || null),
    lang: clean(doc.documentElement?.getAttribute('lang')) || clean(parsed.lang) || null,
    text: map.text,
  };
  return { kind: 'article', article, map };
}

/**
 * Returns Readability on the reading copy, without its last step (`_postProcessContent`: it makes
 * link and image URLs absolute and unwraps nested <div>s); extraction reads only which text nodes
 * Readability kept and takes their blocks from the live page, so that step changes nothing it reads.
 */
function reading(doc: Document): Readability<Element> {
  const reader = new Readability<Element>(doc, { serializer: (el) => el as Element, keepClasses: true });
  (reader as unknown as { _postProcessContent: (el: Element) => void })._postProcessContent = () => {};
  return reader;
}

/** The part of Readability's result extraction reads. */
interface ReadabilityResult {
  title: string | null | undefined;
  byline: string | null | undefined;
  siteName: string | null | undefined;
  publishedTime: string | null | undefined;
  lang: string | null | undefined;
  content: Element | null | undefined;
}

/**
 * Past these sizes of the reading copy, Readability is not run: its parse is one task that cannot
 * yield, and it grows with the copy (about 10 to 30 microseconds per element measured in Chromium
 * on most development pages, so 2,500 elements is some 25 to 75 ms; 10,000 paragraphs took 200 to
 * 300 ms). Some pages cost more per element: the quiet bench (`npm run bench -- --only pages`)
 * measured 28 to 107 microseconds on the four of 60 real pages whose parse took over 50 ms, so
 * below this limit one task of ours can still exceed issue 6's 50 ms there. Above them the page's prose is found in slices (largestProse). On the development halves
 * this limit changes no extraction (f1 .988 with it and with 12,000; with 1,000 it drops to .972);
 * the few larger real pages seen (a long Wikipedia article, 8,000 elements) go the cheap way.
 */
const READABILITY_MAX_ELEMENTS = 2_500;
const READABILITY_MAX_CHARS = 1_500_000;

/**
 * Returns the element that holds most of the page's prose, the way Readability starts: every
 * paragraph-like element with some text gives its parent a score (1, one per comma, one per 100
 * characters up to 3) and its grandparent half of it; the best-scored element wins. Linear, and
 * a generator that yields every few hundred elements.
 */
function* largestProse(doc: Document): Generator<void, Element, void> {
  const body = doc.body ?? doc.documentElement;
  const scores = new Map<Element, number>();
  const paras = body.querySelectorAll('p, pre, td, li, blockquote, dd');
  for (let i = 0; i < paras.length; i++) {
    if (i % 256 === 255) yield;
    const p = paras[i]!;
    const text = p.textContent ?? '';
    if (text.trim().length < 25) continue;
    const score = 1 + (text.split(',').length - 1) + Math.min(Math.floor(text.length / 100), 3);
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element = body;
  let top = 0;
  for (const [el, v] of scores) if (v > top) [best, top] = [el, v];
  return best;
}

interface ReadabilityRules {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp };
  UNLIKELY_ROLES: string[];
}
/** Readability's own rules (read from the library, so they follow its version). */
const RULES = Readability.prototype as unknown as ReadabilityRules;

/**
 * Returns true for what Readability's first pass removes as an "unlikely candidate" (class or id
 * like "sidebar", "comment", "footer"; roles like "navigation"), with its exceptions: not near a
 * table or code, not <body> or <a>. Nodes Readability may first take as the byline, and h1/h2
 * (it may first drop one as the title's duplicate), are left to Readability itself.
 */
function unlikelyCandidate(el: Element): boolean {
  // Most elements have no class, id or role: nothing for the rules to match (the copy asks this
  // of every element of the page).
  if (!el.hasAttribute('class') && !el.hasAttribute('id') && !el.hasAttribute('role')) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'A' || tag === 'H1' || tag === 'H2') return false;
  const match = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author') || RULES.REGEXPS.byline.test(match)) {
    return false;
  }
  if (RULES.REGEXPS.unlikelyCandidates.test(match) && !RULES.REGEXPS.okMaybeItsACandidate.test(match)
    && !nearAncestor(el, 'TABLE') && !nearAncestor(el, 'CODE')) {
    return true;
  }
  return RULES.UNLIKELY_ROLES.includes(el.getAttribute('role') ?? '');
}

/** Readability's `_hasAncestorTag(node, tag)`: one of the four nearest ancestors. */
function nearAncestor(el: Element, tag: string): boolean {
  let p = el.parentElement;
  for (let d = 0; p && d <= 3; d++, p = p.parentElement) if (p.tagName.toUpperCase() === tag) return true;
  return false;
}

/**
 * isProbablyReaderable's own visibility rule (no inline display:none, no hidden, no
 * aria-hidden="true" unless a fallback image), reading `el.style` only when there is a style
 * attribute: every `style` read makes a declaration object, a few ms per page for all its <p>s.
 */
function gateVisible(node: Node): boolean {
  const el = node as Element;
  if (el.hasAttribute('style') && (el as HTMLElement).style?.display === 'none') return false;
  if (el.hasAttribute('hidden')) return false;
  return el.getAttribute('aria-hidden') !== 'true' || String(el.getAttribute('class') ?? '').includes('fallback-image');
}

/** Returns true when Readability's first pass fell short and it parsed again (its `_attempts`). */
function retried(reader: unknown): boolean {
  const attempts = (reader as { _attempts?: unknown[] })._attempts;
  return Array.isArray(attempts) && attempts.length > 0;
}

/**
 * Returns true when the page says it is an article (og:type or schema.org JSON-LD). Some news
 * pages hold their prose in <div>s, which isProbablyReaderable does not count.
 */
function declaresArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/^article\b/i.test(og.trim())) return true;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"@type"\s*:\s*\[?\s*"[A-Za-z]*(Article|BlogPosting)"/.test(s.textContent ?? '')) return true;
  }
  return false;
}

/** Returns, per copied text (index into copy.texts), 1 when Readability kept it; yields now and then. */
function* keptTexts(content: Element, copy: PageCopy): Generator<void, Uint8Array, void> {
  const keep = new Uint8Array(copy.texts.length);
  const walker = content.ownerDocument.createTreeWalker(content, SHOW_TEXT);
  let cursor = 0;
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (++seen % 512 === 0) yield;
    const i = copy.index.get(n);
    if (i !== undefined) {
      keep[i] = 1;
      cursor = i + 1;
      continue;
    }
    // Readability re-parses its page from HTML when a first pass finds too little text, which
    // makes new text nodes (adjacent ones merged): find the live run with the same text, near
    // where we last were.
    if (!n.data.trim()) continue;
    const run = findRun(copy.texts, n.data, cursor);
    if (!run) continue;
    for (let k = run[0]; k < run[1]; k++) keep[k] = 1;
    cursor = run[1];
  }
  return keep;
}

/** Returns [from, to): consecutive texts whose data joined is `data`, searched from `from` on. */
function findRun(texts: Text[], data: string, from: number): [number, number] | null {
  const end = Math.min(texts.length, from + 5000);
  const at = (i: number): [number, number] | null => {
    if (texts[i]!.data === data) return [i, i + 1];
    if (!texts[i]!.data || !data.startsWith(texts[i]!.data)) return null;
    let joined = texts[i]!.data;
    for (let j = i + 1; j < texts.length && joined.length < data.length; j++) {
      joined += texts[j]!.data;
      if (joined === data) return [i, j + 1];
      if (!data.startsWith(joined)) return null;
    }
    return null;
  };
  for (let i = from; i < end; i++) {
    const r = at(i);
    if (r) return r;
  }
  for (let i = 0; i < from && i < texts.length; i++) {
    const r = at(i);
    if (r) return r;
  }
  return null;
}

interface Entry {
  node: Text;
  /** What separates this node from the previous content: a block break, a <br>, nothing. */
  sep: 'block' | 'br' | 'none';
  linked: boolean;
}

/**
 * Runs of white space (collapsed to one space) and zero-width characters (skipped). A single
 * U+0020 between two other characters reads as it is, so it is no separator: the text between
 * separators is taken in one piece, not word by word (a 5 MB article is some 800,000 words).
 */
const SEP_RE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]{2,}|[^\S ]|[\u00ad\u200b-\u200d\u2060]|^ | $/g;
/** White space that is not one of the zero-width characters (\s has U+FEFF). */
const SPACE_RE = /[^\S\ufeff]/;

/**
 * Builds the article text from the kept live text nodes in document order: white space collapsed
 * as a reader sees it, "\n\n" between blocks, "\n" for <br>. Blocks that read as page furniture
 * (see boilerplate.ts) are left out. A generator: it yields every few hundred blocks.
 */
function* buildText(copy: PageCopy, keep: Uint8Array, title: string, memo: BoilerplateMemo): Generator<void, TextMap, void> {
  const blocks = collectBlocks(copy, keep);
  yield;
  const b = new TextMapBuilder();
  for (let k = 0; k < blocks.length; k++) {
    yield;
    const block = blocks[k]!;
    if (isBoilerplateBlock(blockText(block), k, blocks.length, title, memo)) continue;
    let pendingSpace: { node: Text; offset: number } | null = null;
    let first = true;
    for (const { node, sep } of block) {
      const data = node.data;
      let started = false;
      // Between separators (see SEP_RE) the text is taken as it is.
      let pos = 0;
      SEP_RE.lastIndex = 0;
      for (;;) {
        const m = SEP_RE.exec(data);
        const end = m ? m.index : data.length;
        if (end > pos) {
          if (!started) {
            started = true;
            if (first) {
              first = false;
              pendingSpace = null;
              if (b.length > 0) b.add('\n\n');
            } else if (sep === 'br') {
              pendingSpace = null;
              b.add('\n');
            }
          }
          if (pendingSpace) {
            b.takeRun(' ', pendingSpace.node, pendingSpace.offset);
            pendingSpace = null;
          }
          b.takeRun(data.slice(pos, end), node, pos);
        }
        if (!m) break;
        if (!pendingSpace) {
          // A collapsed space maps to the separator's first white-space character.
          const at = m[0].search(SPACE_RE);
          if (at >= 0) pendingSpace = { node, offset: m.index + at };
        }
        pos = m.index + m[0].length;
      }
    }
  }
  return b.build();
}

/** Returns the kept text nodes grouped into reader-visible blocks, in document order. */
function collectBlocks(copy: PageCopy, keep: Uint8Array): Entry[][] {
  const { texts, blocks: blockOf, blockMarks, brMarks, linked } = copy;
  const blocks: Entry[][] = [];
  let current: Entry[] | null = null;
  let lastBlock: Element | null = null;
  let lastBlockMark = 0;
  let lastBrMark = 0;
  for (let i = 0; i < texts.length; i++) {
    if (!keep[i]) continue;
    const node = texts[i]!;
    if (!/\S/.test(node.data)) {
      if (current) current.push({ node, sep: 'none', linked: linked[i] === 1 });
      continue;
    }
    const block = blockOf[i]!;
    const sawBlock = blockMarks[i]! > lastBlockMark;
    const brs = brMarks[i]! - lastBrMark;
    // Two <br> in a row read as a paragraph break (Readability makes them a <p> too).
    if (!current || block !== lastBlock || sawBlock || brs >= 2) {
      current = [{ node, sep: 'block', linked: linked[i] === 1 }];
      blocks.push(current);
    } else {
      current.push({ node, sep: brs > 0 ? 'br' : 'none', linked: linked[i] === 1 });
    }
    lastBlockMark = blockMarks[i]!;
    lastBrMark = brMarks[i]!;
    lastBlock = block;
  }
  return blocks;
}

interface BlockText {
  text: string;
  /** Share of the block's non-space characters inside links. */
  linkShare: number;
  /** The block's first live text node: boilerplate.ts reads the page's own structure around it. */
  node?: Text;
}

function blockText(block: Entry[]): BlockText {
  let text = '';
  let linked = 0;
  let total = 0;
  for (const { node, linked: linked_ } of block) {
    text += node.data;
    const n = node.data.replace(/\s+/g, '').length;
    total += n;
    if (linked_) linked += n;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), linkShare: total ? linked / total : 0, node: block[0]?.node };
}

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

function readMeta(doc: Document): { siteName: string | null; publishedTime: string | null } {
  return {
    siteName: metaContent(doc, 'og:site_name'),
    publishedTime: metaContent(doc, 'article:published_time', 'datePublished', 'parsely-pub-date', 'date'),
  };
}

function canonicalUrl(doc: Document, base: string): string | null {
  const href = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')?.trim();
  if (!href) return null;
  try {
    const u = new URL(href, base || undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function cleanByline(s: string | null | undefined): string | null {
  const v = clean(s).replace(/^by\s+/i, '');
  return v && v.length <= 200 ? v : null;
}
