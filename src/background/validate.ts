/**
 * Shape checks for what crosses a trust boundary into the background: message arguments from
 * content scripts and the popup, and records read back from IndexedDB (which may be corrupt, or
 * written by an older or foreign version of the extension).
 * Hand-written rather than a schema library: the shapes are small and this keeps the worker lean.
 */
import type { Analysis, ArticleRecord, ExtractedArticle } from '../shared/model.js';
import { normalizeSite } from './site.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isSpan = (v: unknown): v is Obj => isObj(v) && isNum(v.start) && isNum(v.end) && v.start <= v.end;
const isArrayOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);

/** Largest article text accepted from a page (about 200k words); beyond that it is not an article. */
export const MAX_TEXT_LENGTH = 1_500_000;

/** Returns true when the value is an analysis with the fields the popup and matcher read. */
export function isAnalysis(v: unknown): v is Analysis {
  return isObj(v) && isNum(v.version) && isNum(v.textLength)
    && isArrayOf(v.sentences, isSpan)
    && isArrayOf(v.claims, (c) => isSpan(c) && isStr((c as Obj).id))
    && isArrayOf(v.quotes, (q) => isSpan(q) && isStr((q as Obj).id) && isStr((q as Obj).text))
    && isArrayOf(v.attributions, (a) => isSpan(a) && isStr((a as Obj).id) && isStr((a as Obj).kind));
}

/** Returns true when the value is a complete, readable article record. */
export function isArticleRecord(v: unknown): v is ArticleRecord {
  return isObj(v) && isStr(v.id) && v.id.length > 0 && isStr(v.url) && isStrOrNull(v.canonicalUrl)
    && isStr(v.outlet) && isStr(v.title) && isStrOrNull(v.byline) && isStrOrNull(v.publishedTime)
    && isStr(v.text) && isAnalysis(v.analysis) && isStrOrNull(v.wire)
    && isNum(v.firstSeen) && isNum(v.lastSeen);
}

/** Returns true when the value is an article as the content script extracts it. */
export function isExtractedArticle(v: unknown): v is ExtractedArticle {
  return isObj(v) && isStr(v.url) && isStrOrNull(v.canonicalUrl) && isStr(v.title)
    && isStrOrNull(v.byline) && isStrOrNull(v.siteName) && isStrOrNull(v.publishedTime)
    && isStrOrNull(v.lang) && isStr(v.text) && v.text.length <= MAX_TEXT_LENGTH;
}

/** Returns true for a browser tab id (a non-negative integer; -1 is TAB_ID_NONE). */
export const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Argument validators, one per message name: a handler only ever sees checked arguments. */
export const argChecks = {
  'page/analyze': (a: Obj) => isExtractedArticle(a.article),
  'e2e/open': (a: Obj) => isStr(a.path) && /^[a-z0-9][a-z0-9._/-]*(\?[\w=&.-]*)?$/i.test(a.path) && !a.path.includes('..'),
  'tab/report': (a: Obj) => isTabId(a.tabId),
  'tab/reveal': (a: Obj) => isTabId(a.tabId) && isStr(a.itemId) && /^[a-z]\d{1,6}$/.test(a.itemId),
  'tab/set-enabled': (a: Obj) => isTabId(a.tabId) && typeof a.enabled === 'boolean',
  'library/stats': (_a: Obj) => true,
  'tab/source': (a: Obj) => isTabId(a.tabId),
  'library/list': (_a: Obj) => true,
  'library/delete': (a: Obj) => isStr(a.id) && a.id.length > 0 && a.id.length <= 4096,
  'library/clear': (_a: Obj) => true,
  'library/export': (_a: Obj) => true,
  // The file's contents are checked in full by the handler (checkLibraryFile), with a message.
  'library/import': (a: Obj) => 'file' in a,
  'item/show': (a: Obj) => isStr(a.itemId) && /^[a-z]\d{1,6}$/.test(a.itemId),
  'site/list': (_a: Obj) => true,
  'site/set': (a: Obj) => isStr(a.site) && normalizeSite(a.site) === a.site && ['on', 'paused', 'off'].includes(a.mode as string)
    && (a.tabId === undefined || isTabId(a.tabId)),
  'library/lookup': (a: Obj) => isStr(a.text) && a.text.trim().length > 0 && a.text.length <= 100_000
    && (a.tabId === undefined || isTabId(a.tabId)),
} as const;
