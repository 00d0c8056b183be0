/**
 * The background's message handlers, one table per incoming direction, and the dispatcher that
 * checks sender and payload before a handler runs. Everything the handlers touch comes in through
 * `Services`, so the tables run in Node tests without a browser.
 */
import {
  isEnvelope, type ArgsOf, type BackgroundToContent, type ContentToBackground, type Handlers,
  type PageReport, type PageState, type PopupToBackground, type ReplyOf,
} from '../shared/messages.js';
import { ANALYSIS_VERSION, type Analysis, type ArticleRecord, type Corroboration, type ExtractedArticle } from '../shared/model.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { ArticleStore } from '../corpus/store.js';
import type { LibraryEntry } from '../shared/messages.js';
import { checkLibraryFile, toLibraryFile } from '../corpus/library-file.js';
import { StoreError } from '../corpus/store.js';
import { argChecks, isArticleRecord } from './validate.js';
import type { TabStates } from './tab-state.js';
import type { UiServices } from './ui-services.js';
import { siteOffMessage, uiContentHandlers, uiPopupHandlers } from './ui-handlers.js';

/** The library as the handlers use it (src/corpus/library.ts). */
export interface LibraryLike {
  readonly size: number;
  upsert(record: ArticleRecord): Promise<unknown> | unknown;
  /** Removes the article from store and index. */
  remove(id: string): Promise<unknown> | unknown;
  corroborate(record: ArticleRecord): Corroboration;
}

/** The opened library plus what went wrong opening it (unreadable records, no IndexedDB). */
export interface OpenedLibrary {
  library: LibraryLike;
  store: ArticleStore;
  /** Set when the library is degraded: e.g. records skipped, or kept in memory only. */
  warning: string | null;
  /**
   * Settles when every stored article is indexed (Library.openInSlices); until then answers
   * carry `libraryPending` and are sent again when it settles. Absent: indexed already.
   */
  indexed?: Promise<void>;
}

export interface Services {
  /** The one `ready` promise: the library, opened once per worker. */
  ready: Promise<OpenedLibrary>;
  analyze(text: string): Analysis;
  makeRecord(article: ExtractedArticle, analysis: Analysis, now: number, previous?: ArticleRecord): ArticleRecord;
  tabs: TabStates;
  /** Sends a message to the tab's content script; fails with 'no-content' when none answers. */
  toTab<K extends keyof BackgroundToContent>(tabId: number, name: K, args: ArgsOf<BackgroundToContent, K>):
    Promise<Result<ReplyOf<BackgroundToContent, K>>>;
  isIncognito(tabId: number): Promise<boolean>;
  /**
   * True when the user opted in to keeping articles from private windows (options page,
   * src/shared/settings.ts). Absent or failing means no: private windows store nothing.
   */
  storePrivateWindows?(): Promise<boolean>;
  /** Opens an extension page in a new tab (E2E builds only). */
  openExtensionPage(path: string): Promise<number>;
  storageUsage(): Promise<number | null>;
  now(): number;
  /** True only in E2E builds. */
  e2e: boolean;
  /** How long 'tab/report' waits for a content script that is still reading its page. */
  pendingTimeoutMs?: number;
  /** Per-site switches, the popup's report cache and badge, hand-offs (absent: those features are off). */
  ui?: UiServices;
}

export interface ContentCtx { services: Services; tabId: number; incognito: boolean }
export interface PopupCtx { services: Services }

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Returns the failure for a storage error: its StoreError code, else 'storage'. */
const storageFailure = (e: unknown, what: string) =>
  fail(e instanceof StoreError ? e.code : 'storage', `${what}: ${messageOf(e)}`);

const entryOf = (r: ArticleRecord): LibraryEntry => ({
  id: r.id, url: r.url, outlet: r.outlet, title: r.title, publishedTime: r.publishedTime,
  firstSeen: r.firstSeen, lastSeen: r.lastSeen, claims: r.analysis.claims.length,
});

/**
 * Stores the records; if one fails, undoes the ones already stored (restoring what they replaced)
 * and rethrows, so an import that cannot finish leaves the library as it was.
 */
async function storeAll(lib: OpenedLibrary, records: readonly ArticleRecord[]): Promise<{ added: number; replaced: number }> {
  const done: { id: string; previous: ArticleRecord | undefined }[] = [];
  try {
    for (const r of records) {
      const previous = await lib.store.get(r.id);
      await lib.library.upsert(r);
      done.push({ id: r.id, previous });
    }
  } catch (e) {
    for (const { id, previous } of done.reverse()) {
      try {
        if (previous) await lib.library.upsert(previous);
        else await lib.library.remove(id);
      } catch (undo) {
        console.error('Sourcemark: could not undo part of a failed import', undo);
      }
    }
    throw e;
  }
  const replaced = done.filter((d) => d.previous).length;
  return { added: done.length - replaced, replaced };
}

async function stored(lib: OpenedLibrary, id: string): Promise<ArticleRecord | undefined> {
  try {
    return await lib.store.get(id);
  } catch (e) {
    console.warn('Sourcemark: could not read the stored article, re-analysing', e);
    return undefined;
  }
}

/**
 * Returns the stored record when it still matches the page (same text, current analysis
 * version), else a fresh analysis of the page that keeps the stored record's history.
 */
async function recordFor(
  s: Services, lib: OpenedLibrary, article: ExtractedArticle, knownId: string | undefined,
): Promise<{ record: ArticleRecord; fresh: boolean }> {
  const known = knownId ? await stored(lib, knownId) : undefined;
  if (known && known.text === article.text && known.analysis.version === ANALYSIS_VERSION) {
    return { record: known, fresh: false };
  }
  const analysis = s.analyze(article.text);
  const now = s.now();
  const record = s.makeRecord(article, analysis, now);
  const previous = known?.id === record.id ? known : await stored(lib, record.id);
  return { record: previous ? s.makeRecord(article, analysis, now, previous) : record, fresh: true };
}

/** True when an article from a private (incognito) tab may be stored: only after the user opted in. */
async function mayStorePrivate(s: Services): Promise<boolean> {
  try {
    return (await s.storePrivateWindows?.()) === true;
  } catch {
    return false;
  }
}

/** Stores the record unless the tab is private and the user did not opt in; returns the storage warning, if any. */
async function store(s: Services, lib: OpenedLibrary, record: ArticleRecord, incognito: boolean): Promise<string | null> {
  if (incognito && !(await mayStorePrivate(s))) return null;
  try {
    await lib.library.upsert(record);
    return null;
  } catch (e) {
    // StoreError (quota, corrupt store) or anything else: the page still gets its analysis.
    console.warn('Sourcemark: article not saved to the library', e);
    return messageOf(e);
  }
}

/** Per opened library: the tabs answered while it was still being read, with what they show. */
const incomplete = new WeakMap<OpenedLibrary, Map<number, { record: ArticleRecord; article: ExtractedArticle }>>();

/**
 * Returns nothing; once every stored article is indexed, sends each tab that was answered while
 * the library was still being read its statuses against the whole library, and keeps that answer
 * for the popup. A tab that has moved on to another article is skipped.
 */
function completeLater(s: Services, lib: OpenedLibrary, tabId: number, record: ArticleRecord, article: ExtractedArticle): void {
  let tabs = incomplete.get(lib);
  if (!tabs) {
    incomplete.set(lib, tabs = new Map());
    const waiting = tabs;
    void lib.indexed?.then(async () => {
      for (const [id, page] of waiting) await completeTab(s, lib, id, page.record, page.article);
      waiting.clear();
    });
  }
  tabs.set(tabId, { record, article });
}

async function completeTab(s: Services, lib: OpenedLibrary, tabId: number, record: ArticleRecord, article: ExtractedArticle): Promise<void> {
  try {
    const known = await s.tabs.get(tabId);
    if (known?.articleId !== record.id) return;
    const corroboration = lib.library.corroborate(record);
    const pushed = await s.toTab(tabId, 'highlights/statuses', { corroboration });
    if (!pushed.ok) return; // the tab was closed or navigated: nothing to update
    await s.ui?.reports.put(tabId, report(record, corroboration, known.enabled, known.storageWarning ?? lib.warning), article);
  } catch (e) {
    console.warn('Sourcemark: could not update a page after the library was read', e);
  }
}

function report(record: ArticleRecord, corroboration: Corroboration, enabled: boolean, storageWarning: string | null): PageReport {
  return {
    articleId: record.id, url: record.url, outlet: record.outlet, title: record.title, text: record.text,
    analysis: record.analysis, corroboration, enabled, storageWarning,
  };
}

/** Asks the content script for its page, waiting while it is still reading the page. */
async function pageState(s: Services, tabId: number): Promise<Result<PageState>> {
  const deadline = s.now() + (s.pendingTimeoutMs ?? 4000);
  for (;;) {
    const r = await s.toTab(tabId, 'page/state', {});
    if (!r.ok || r.value.state !== 'pending' || s.now() >= deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const contentHandlers = {
  async 'page/analyze'({ article }, { services: s, tabId, incognito }) {
    const off = await s.ui?.sites.entryFor(article.url);
    if (off) {
      // Switched off for the site: nothing is analysed or stored, the page gets no highlights.
      await s.ui!.reports.put(tabId, { siteOff: off });
      return fail('site-off', siteOffMessage(off));
    }
    const lib = await s.ready;
    const before = await s.tabs.get(tabId);
    const { record, fresh } = await recordFor(s, lib, article, before?.articleId);
    const warning = fresh ? await store(s, lib, record, incognito) : before?.storageWarning ?? null;
    const corroboration = lib.library.corroborate(record);
    const enabled = before?.articleId === record.id ? before.enabled : true;
    const storageWarning = warning ?? lib.warning;
    await s.tabs.set(tabId, { articleId: record.id, enabled, incognito, storageWarning });
    const value = report(record, corroboration, enabled, storageWarning);
    await s.ui?.reports.put(tabId, value, article);
    if (corroboration.libraryPending) completeLater(s, lib, tabId, record, article);
    return ok(value);
  },
  ...uiContentHandlers,
  async 'e2e/open'({ path }, { services: s, tabId }) {
    if (!s.e2e) return fail('bad-request', 'e2e/open is only available in test builds');
    // The popup opened from a page is for that page's tab, as the toolbar popup would be.
    const target = path === 'popup.html' ? `popup.html?tab=${tabId}` : path;
    return ok({ tabId: await s.openExtensionPage(target) });
  },
} satisfies Handlers<ContentToBackground, ContentCtx>;

export const popupHandlers = {
  async 'tab/report'({ tabId }, { services: s }) {
    const page = await pageState(s, tabId);
    if (!page.ok) return page;
    if (page.value.state === 'not-article') return ok({ notArticle: page.value.reason });
    if (page.value.state === 'pending') return fail('internal', 'The page is still being read. Try again in a moment.');
    const { article, enabled } = page.value;
    const off = await s.ui?.sites.entryFor(article.url);
    if (off) {
      await s.ui!.reports.put(tabId, { siteOff: off });
      return ok({ siteOff: off });
    }
    // Same page text, library unchanged since the last answer: that answer still holds.
    const memo = s.ui?.reports.reportFor(tabId, article);
    if (memo) return ok(memo.enabled === enabled ? memo : { ...memo, enabled });
    const lib = await s.ready;
    const known = await s.tabs.get(tabId);
    const incognito = known?.incognito ?? await s.isIncognito(tabId);
    const { record, fresh } = await recordFor(s, lib, article, known?.articleId);
    let storageWarning = known?.articleId === record.id ? known.storageWarning : null;
    if (fresh) storageWarning = await store(s, lib, record, incognito);
    storageWarning ??= lib.warning;
    // The library may have grown since the page was analysed: corroborate against it now.
    const corroboration = lib.library.corroborate(record);
    await s.tabs.set(tabId, { articleId: record.id, enabled, incognito, storageWarning });
    const pushed = await s.toTab(tabId, 'highlights/statuses', { corroboration });
    if (!pushed.ok) console.warn('Sourcemark: could not update the page tooltips', pushed.error);
    const value = report(record, corroboration, enabled, storageWarning);
    await s.ui?.reports.put(tabId, value, article);
    if (corroboration.libraryPending) completeLater(s, lib, tabId, record, article);
    return ok(value);
  },
  async 'tab/reveal'({ tabId, itemId }, { services: s }) {
    return s.toTab(tabId, 'highlights/reveal', { itemId });
  },
  async 'tab/set-enabled'({ tabId, enabled }, { services: s }) {
    const r = await s.toTab(tabId, 'highlights/set-enabled', { enabled });
    if (r.ok) await s.tabs.update(tabId, { enabled });
    if (r.ok) await s.ui?.reports.setEnabled(tabId, enabled);
    return r;
  },
  async 'library/stats'(_args, { services: s }) {
    const lib = await s.ready;
    return ok({ articles: lib.library.size, bytes: await s.storageUsage(), warning: lib.warning });
  },
  async 'tab/source'({ tabId }, { services: s }) {
    const page = await pageState(s, tabId);
    if (!page.ok) return page;
    if (page.value.state !== 'article') return fail('not-article', 'This page has no article to export.');
    const { url, canonicalUrl, lang } = page.value.article;
    return ok({ url, canonicalUrl, lang });
  },
  async 'library/list'(_args, { services: s }) {
    const lib = await s.ready;
    try {
      const { records, skipped } = await lib.store.all();
      const articles = records.map(entryOf).sort((a, b) => b.lastSeen - a.lastSeen || (a.id < b.id ? -1 : 1));
      return ok({ articles, skipped });
    } catch (e) {
      return storageFailure(e, 'The library could not be read');
    }
  },
  async 'library/delete'({ id }, { services: s }) {
    const lib = await s.ready;
    try {
      const known = (await lib.store.get(id)) !== undefined;
      await lib.library.remove(id);
      return ok(known);
    } catch (e) {
      return storageFailure(e, 'The article could not be deleted');
    }
  },
  async 'library/clear'(_args, { services: s }) {
    const lib = await s.ready;
    let removed = 0;
    try {
      const { records } = await lib.store.all();
      for (const r of records) {
        await lib.library.remove(r.id);
        removed++;
      }
      // Unreadable records are not in the index; clearing the store drops them too.
      await lib.store.clear();
      return ok({ removed });
    } catch (e) {
      return storageFailure(e, `The library could not be fully cleared (${removed} removed)`);
    }
  },
  async 'library/export'(_args, { services: s }) {
    const lib = await s.ready;
    try {
      const { records } = await lib.store.all();
      return ok(toLibraryFile(records, s.now()));
    } catch (e) {
      return storageFailure(e, 'The library could not be read');
    }
  },
  async 'library/import'({ file }, { services: s }) {
    const checked = checkLibraryFile(file, isArticleRecord);
    if (!checked.ok) return checked;
    const lib = await s.ready;
    try {
      return ok(await storeAll(lib, checked.value));
    } catch (e) {
      return storageFailure(e, 'Nothing was imported');
    }
  },
  ...uiPopupHandlers,
} satisfies Handlers<PopupToBackground, PopupCtx>;

const contentNames = Object.keys(contentHandlers) as (keyof ContentToBackground)[];
const popupNames = Object.keys(popupHandlers) as (keyof PopupToBackground)[];

/** The parts of runtime.MessageSender the dispatcher reads. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
}

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''): the origin of this extension's own pages. */
  origin: string;
}

/**
 * Returns the reply to a runtime message, or undefined when the message is not ours (so another
 * listener may answer it). Checks that the sender is this extension, routes extension pages to
 * the popup table and tabs to the content table, and validates the arguments first.
 */
export function dispatch(message: unknown, sender: Sender, self: Self, services: Services): Promise<Result<unknown>> | undefined {
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  const names: readonly string[] = fromPage ? popupNames : contentNames;
  if (!isEnvelope<Record<string, unknown>>(message, names)) return undefined;
  if (sender.id !== self.id) return Promise.resolve(fail('bad-request', 'Message from another extension refused'));
  const name = message.name as string;
  const args = message.args as Record<string, unknown>;
  const check = argChecks[name as keyof typeof argChecks];
  if (!check(args)) return Promise.resolve(fail('bad-request', `Bad arguments for ${name}`));
  const run = async (): Promise<Result<unknown>> => {
    if (fromPage) {
      const h = popupHandlers[name as keyof PopupToBackground] as (a: unknown, c: PopupCtx) => Promise<Result<unknown>>;
      return h(args, { services });
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return fail('bad-request', `${name} must come from a tab`);
    const h = contentHandlers[name as keyof ContentToBackground] as (a: unknown, c: ContentCtx) => Promise<Result<unknown>>;
    return h(args, { services, tabId, incognito: sender.tab?.incognito === true });
  };
  return run().catch((e: unknown) => {
    console.error(`Sourcemark: ${name} failed`, e);
    return fail('internal', messageOf(e));
  });
}
