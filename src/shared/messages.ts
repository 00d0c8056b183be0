/**
 * Every message between the extension's parts, one call map per direction: name -> (args) => reply.
 * Handler tables `satisfies` these maps, so a missing or misspelt handler is a compile error.
 * Replies are always Result<T> (see result.ts): nothing throws across a process boundary.
 */
import type { Analysis, ArticleRecord, ClaimReport, Corroboration, ExtractedArticle, QuoteReport } from './model.js';
import type { Result } from './result.js';

/** The page as the background knows it, enough for the popup and the tooltips. */
export interface PageReport {
  articleId: string;
  url: string;
  outlet: string;
  title: string;
  text: string;
  analysis: Analysis;
  corroboration: Corroboration;
  /** Highlights currently shown in the tab. */
  enabled: boolean;
  /** Set when the article could not be stored (quota, corrupt store): the page still works. */
  storageWarning: string | null;
}

/** One row of the library page: an article without its text and analysis. */
export interface LibraryEntry {
  id: string;
  url: string;
  outlet: string;
  title: string;
  publishedTime: string | null;
  firstSeen: number;
  lastSeen: number;
  claims: number;
}

/** The library export file (src/corpus/library-file.ts builds and checks it). */
export interface LibraryFileShape {
  format: 'sourcemark-library';
  version: number;
  exportedAt: string;
  articles: ArticleRecord[];
}

/** How Sourcemark runs on a site: on, paused until the browser restarts, or always off. */
export type SiteMode = 'on' | 'paused' | 'off';

/** One site the reader switched off or paused (sites not listed are on). */
export interface SiteEntry {
  /** Host name without a leading "www." (see shared/site.ts). */
  site: string;
  mode: Exclude<SiteMode, 'on'>;
  since: number;
}

/** What the popup shows for a tab: its report, or one of the plain states. */
export type TabReply = PageReport | { notArticle: string } | { siteOff: SiteEntry };

/** Where else a piece of text (a selection) is reported in the library, sentence by sentence. */
export interface LookupResult {
  text: string;
  sentences: { text: string; report: ClaimReport }[];
  /** The text as a quote: who else has these words (null when it is too short to tell). */
  quote: QuoteReport | null;
  librarySize: number;
}

/** What the content script knows about its page. */
export type PageState =
  | { state: 'article'; article: ExtractedArticle; enabled: boolean }
  | { state: 'not-article'; reason: string }
  | { state: 'pending' };

/** content -> background */
export interface ContentToBackground {
  /** Analyse the extracted article, store it in the library, and corroborate it. */
  'page/analyze': (args: { article: ExtractedArticle }) => PageReport;
  /** Test builds only (`__E2E__`): open an extension page in a tab (Firefox BiDi can't navigate there). */
  'e2e/open': (args: { path: string }) => { tabId: number };
  /** The tooltip's "show in list": the popup opens (where the browser allows) on this item. */
  'item/show': (args: { itemId: string }) => { opened: boolean };
}

/** popup (or library page) -> background */
export interface PopupToBackground {
  /** Everything the popup shows for a tab; corroboration is recomputed against the library now. */
  'tab/report': (args: { tabId: number }) => TabReply;
  /** Scroll the tab to a highlight and flash it. */
  'tab/reveal': (args: { tabId: number; itemId: string }) => boolean;
  /** Turn the tab's highlights off or on. */
  'tab/set-enabled': (args: { tabId: number; enabled: boolean }) => boolean;
  /** Library size and storage health. */
  'library/stats': (args: Record<string, never>) => { articles: number; bytes: number | null; warning: string | null };
  /** Every readable article in the library, newest visit first; `skipped` counts unreadable ones. */
  'library/list': (args: Record<string, never>) => { articles: LibraryEntry[]; skipped: number };
  /** Removes one article from the library (true when it was there). */
  'library/delete': (args: { id: string }) => boolean;
  /** Removes every article; returns how many were removed. */
  'library/clear': (args: Record<string, never>) => { removed: number };
  /** The whole library as one versioned file. */
  'library/export': (args: Record<string, never>) => LibraryFileShape;
  /** The tab's article addresses as its page declares them, for exports (canonical URL as target). */
  'tab/source': (args: { tabId: number }) => { url: string; canonicalUrl: string | null; lang: string | null };
  /** Checks the whole file, then adds its articles (replacing same-id ones); a bad file changes nothing. */
  'library/import': (args: { file: unknown }) => { added: number; replaced: number };
  /** Every site switched off or paused. */
  'site/list': (args: Record<string, never>) => { sites: SiteEntry[] };
  /** Switches a site on, paused or off; with a tab on that site, its highlights follow at once. */
  'site/set': (args: { site: string; mode: SiteMode; tabId?: number }) => { sites: SiteEntry[] };
  /** Where else the text is reported in the library (the context menu's "where else is this reported?"). */
  'library/lookup': (args: { text: string; tabId?: number }) => LookupResult;
}

/** background -> content */
export interface BackgroundToContent {
  'page/state': (args: Record<string, never>) => PageState;
  'highlights/reveal': (args: { itemId: string }) => boolean;
  'highlights/set-enabled': (args: { enabled: boolean }) => boolean;
  /** Fresh statuses for the tooltips after the library changed. */
  'highlights/statuses': (args: { corroboration: Corroboration }) => boolean;
}

/** The wire shape of every message: a name from one of the maps and its arguments. */
export interface Envelope<M, K extends keyof M = keyof M> {
  sourcemark: 1;
  name: K;
  args: M[K] extends (args: infer A) => unknown ? A : never;
}

export type ArgsOf<M, K extends keyof M> = M[K] extends (args: infer A) => unknown ? A : never;
export type ReplyOf<M, K extends keyof M> = M[K] extends (...a: never[]) => infer R ? R : never;

/** A handler table for a call map: each handler may be async and returns a Result. */
export type Handlers<M, Ctx = void> = {
  [K in keyof M]: (args: ArgsOf<M, K>, ctx: Ctx) => Promise<Result<ReplyOf<M, K>>> | Result<ReplyOf<M, K>>;
};

/** Returns a message envelope. */
export function envelope<M, K extends keyof M>(name: K, args: ArgsOf<M, K>): Envelope<M, K> {
  return { sourcemark: 1, name, args } as Envelope<M, K>;
}

/** Returns true when the value has the envelope shape and names one of the given handlers. */
export function isEnvelope<M>(value: unknown, names: readonly (keyof M)[]): value is Envelope<M> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.sourcemark === 1 && typeof v.name === 'string' && names.includes(v.name as keyof M)
    && typeof v.args === 'object' && v.args !== null;
}
