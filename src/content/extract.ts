/**
 * Finds the article on a page and returns its text, metadata and a map from text offsets to the
 * LIVE page's text nodes. Readability runs on a clone (it rewrites the tree it reads); before it
 * does, the clone's text nodes are paired with the live ones, so the text nodes Readability keeps
 * tell us which live text belongs to the article. Works on any Document (browser, jsdom).
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ExtractedArticle } from '../shared/model.js';
import { TextMapBuilder, type TextMap } from './text-map.js';
import { isBoilerplateBlock, pruneBoilerplate } from './boilerplate.js';

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
}

// NodeFilter / Node constants, spelled out so this file runs without DOM globals (Node + jsdom).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new block for a reader (separated by "\n\n" in the text). */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose text a reader never sees as article prose. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'svg', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE',
]);

const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SPACE = /\s/;

/** Returns the article on the page, or why there is none. Never modifies `doc`. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): Extraction {
  if (!doc.body) return { kind: 'not-article', reason: 'no body' };
  if (!opts.skipGate && !isProbablyReaderable(doc) && !declaresArticle(doc)) {
    return { kind: 'not-article', reason: 'page does not look like an article' };
  }

  const clone = doc.cloneNode(true) as Document;
  const pairing = pairTextNodes(clone, doc);
  const meta = readMeta(doc);

  if (typeof __BENCH__ !== 'undefined' && __BENCH__) performance.mark('sm:x:readability:start');
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse();
  if (typeof __BENCH__ !== 'undefined' && __BENCH__) performance.measure('sm:x:readability', 'sm:x:readability:start');
  const content = parsed?.content;
  if (!parsed || !content) return { kind: 'not-article', reason: 'no article content found' };

  pruneBoilerplate(content);
  const keep = liveTextNodes(content, pairing);
  if (typeof __BENCH__ !== 'undefined' && __BENCH__) performance.mark('sm:x:text:start');
  const map = buildText(doc, keep, clean(parsed.title));
  if (typeof __BENCH__ !== 'undefined' && __BENCH__) performance.measure('sm:x:text', 'sm:x:text:start');
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

interface Pairing {
  map: Map<Text, Text>;
  /** Live text nodes in document order, for re-finding text Readability re-created. */
  live: Text[];
  index: Map<Text, number>;
}

/** Walks the clone and the live document in step: clone text node -> live text node. */
function pairTextNodes(clone: Document, live: Document): Pairing {
  const map = new Map<Text, Text>();
  const liveList: Text[] = [];
  const index = new Map<Text, number>();
  const a = clone.createTreeWalker(clone, SHOW_TEXT);
  const b = live.createTreeWalker(live, SHOW_TEXT);
  for (;;) {
    const ca = a.nextNode() as Text | null;
    const lb = b.nextNode() as Text | null;
    if (!ca || !lb) break;
    map.set(ca, lb);
    index.set(lb, liveList.length);
    liveList.push(lb);
  }
  return { map, live: liveList, index };
}

/** Returns the set of live text nodes behind the text Readability kept. */
function liveTextNodes(content: Element, pairing: Pairing): Set<Text> {
  const keep = new Set<Text>();
  const walker = content.ownerDocument.createTreeWalker(content, SHOW_TEXT);
  let cursor = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    let live = pairing.map.get(n);
    if (!live) {
      // Readability re-parses its page from HTML when a first pass finds too little text, which
      // makes new text nodes: find the live node with the same text, near where we last were.
      if (!n.data.trim()) continue;
      live = findLive(pairing, n.data, cursor);
      if (!live) continue;
    }
    keep.add(live);
    cursor = (pairing.index.get(live) ?? cursor) + 1;
  }
  return keep;
}

function findLive(p: Pairing, data: string, from: number): Text | undefined {
  const end = Math.min(p.live.length, from + 5000);
  for (let i = from; i < end; i++) if (p.live[i]!.data === data) return p.live[i];
  for (let i = 0; i < from && i < p.live.length; i++) if (p.live[i]!.data === data) return p.live[i];
  return undefined;
}

interface Entry {
  node: Text;
  /** What separates this node from the previous content: a block break, a <br>, nothing. */
  sep: 'block' | 'br' | 'none';
}

/**
 * Builds the article text from the kept live text nodes in document order: white space collapsed
 * as a reader sees it, "\n\n" between blocks, "\n" for <br>. Blocks that read as page furniture
 * (see boilerplate.ts) are left out.
 */
function buildText(doc: Document, keep: Set<Text>, title: string): TextMap {
  const blocks = collectBlocks(doc, keep);
  const texts = blocks.map(blockText);
  const kept = blocks.filter((_, i) => !isBoilerplateBlock(texts[i]!, i, texts.length, title));

  const b = new TextMapBuilder();
  for (const block of kept) {
    let pendingSpace: { node: Text; offset: number } | null = null;
    let first = true;
    for (const { node, sep } of block) {
      const data = node.data;
      let started = false;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i]!;
        if (ZERO_WIDTH.test(ch)) continue;
        if (SPACE.test(ch)) {
          if (!pendingSpace) pendingSpace = { node, offset: i };
          continue;
        }
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
          b.take(' ', pendingSpace.node, pendingSpace.offset);
          pendingSpace = null;
        }
        b.take(ch, node, i);
      }
    }
  }
  return b.build();
}

/** Returns the kept text nodes grouped into reader-visible blocks, in document order. */
function collectBlocks(doc: Document, keep: Set<Text>): Entry[][] {
  const root = doc.body ?? doc.documentElement;
  // FILTER_REJECT (2) skips a whole subtree; FILTER_ACCEPT is 1.
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (n: Node) => (n.nodeType === ELEMENT_NODE && SKIP_TAGS.has((n as Element).tagName.toUpperCase()) ? 2 : 1),
  });
  const blocks: Entry[][] = [];
  let current: Entry[] | null = null;
  let lastBlock: Element | null = null;
  let sawBlock = false;
  let brs = 0;
  for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === ELEMENT_NODE) {
      const tag = (n as Element).tagName.toUpperCase();
      if (BLOCK_TAGS.has(tag)) sawBlock = true;
      else if (tag === 'BR') brs++;
      continue;
    }
    if (n.nodeType !== TEXT_NODE || !keep.has(n as Text)) continue;
    const node = n as Text;
    if (!/\S/.test(node.data) || !visibleText(node)) {
      if (current && /\S/.test(node.data) === false) current.push({ node, sep: 'none' });
      continue;
    }
    const block = blockOf(node);
    // Two <br> in a row read as a paragraph break (Readability makes them a <p> too).
    if (!current || block !== lastBlock || sawBlock || brs >= 2) {
      current = [{ node, sep: 'block' }];
      blocks.push(current);
    } else {
      current.push({ node, sep: brs > 0 ? 'br' : 'none' });
    }
    sawBlock = false;
    brs = 0;
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
  for (const { node } of block) {
    text += node.data;
    const n = node.data.replace(/\s+/g, '').length;
    total += n;
    if (node.parentElement?.closest('a')) linked += n;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), linkShare: total ? linked / total : 0, node: block[0]?.node };
}

/**
 * In a browser, text hidden by the page's CSS (hover cards, collapsed widgets) is not read;
 * Readability only sees inline styles. Without layout (jsdom) everything counts as visible.
 */
function visibleText(node: Text): boolean {
  const el = node.parentElement as (Element & { checkVisibility?: (o?: object) => boolean }) | null;
  if (!el || typeof el.checkVisibility !== 'function' || !hasLayout(el.ownerDocument)) return true;
  return el.checkVisibility({ visibilityProperty: true });
}

const layoutCache = new WeakMap<Document, boolean>();
function hasLayout(doc: Document): boolean {
  let v = layoutCache.get(doc);
  if (v === undefined) {
    // jsdom and happy-dom report a zero-sized body; a rendered page with an article does not.
    const body = doc.body;
    v = !!body && body.getBoundingClientRect().height > 0;
    layoutCache.set(doc, v);
  }
  // A page that hides its whole body (anti-flicker snippets do, until their script loads or times
  // out) cannot be judged by visibility yet: read it as without layout rather than find nothing.
  return v && (doc.body as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility?.({ visibilityProperty: true }) !== false;
}

function blockOf(node: Node): Element | null {
  for (let p = node.parentElement; p; p = p.parentElement) {
    if (BLOCK_TAGS.has(p.tagName.toUpperCase())) return p;
  }
  return null;
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
