/**
 * The real `Services` for the service worker: the IndexedDB library, the analysis core, tab
 * messaging. Nothing here must survive a worker restart: the library is reopened from IndexedDB
 * and per-tab state lives in storage.session (see tab-state.ts). Caches are fine.
 */
import browser from 'webextension-polyfill';
import { analyze } from '../analysis/analyze.js';
import { Library } from '../corpus/library.js';
import { TASK_SLICER } from './task-slicer.js';
import { MemoryStore } from '../corpus/memory-store.js';
import { makeRecord } from '../corpus/record.js';
import { envelope, type ArgsOf, type BackgroundToContent, type ReplyOf } from '../shared/messages.js';
import type { Analysis } from '../shared/model.js';
import { fail, type Result } from '../shared/result.js';
import { SETTINGS_KEY, parseSettings } from '../shared/settings.js';
import type { OpenedLibrary, Services } from './handlers.js';
import { IdbStore } from './idb-store.js';
import { TabStates, type SessionArea } from './tab-state.js';
import { showBadge } from './badge.js';
import { notifyingLibrary, ReportCache } from './report-cache.js';
import { SiteSettings, type KeyValueArea } from './site-settings.js';
import type { UiServices } from './ui-services.js';
import { handoffKey } from '../shared/handoff.js';

/** Returns the library on IndexedDB; if IndexedDB cannot be opened, an in-memory one with a warning. */
export async function openLibrary(): Promise<OpenedLibrary> {
  const store = new IdbStore();
  try {
    // Indexed in slices: pages are answered meanwhile, against the part indexed so far.
    const library = await Library.openInSlices(store, TASK_SLICER);
    void library.indexed.then(() => {
      for (const id of library.unindexable) console.warn('Sourcemark: an article in the library could not be indexed', id);
    });
    const warning = store.skipped
      ? `${store.skipped} unreadable article(s) in your library were skipped.`
      : null;
    return { library, store, warning, indexed: library.indexed };
  } catch (e) {
    console.error('Sourcemark: the article library could not be opened; using a temporary one', e);
    const memory = new MemoryStore();
    return {
      library: await Library.open(memory),
      store: memory,
      warning: `Your article library could not be opened (${e instanceof Error ? e.message : String(e)}). `
        + 'Articles read now are kept only until the browser closes.',
    };
  }
}

/** Returns `analyze`, remembering the last few results: the popup asks again for the same page. */
function cachedAnalyze(size = 8): (text: string) => Analysis {
  const cache = new Map<string, Analysis>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    // The wink model is initialised by the first analyze() call in this worker (src/analysis/nlp.ts).
    const analysis = analyze(text);
    cache.set(text, analysis);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return analysis;
  };
}

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection|No matching message handler|Missing host permission/i;

/** Sends one message to a tab's content script and returns its Result reply. */
async function toTab<K extends keyof BackgroundToContent>(
  tabId: number, name: K, args: ArgsOf<BackgroundToContent, K>,
): Promise<Result<ReplyOf<BackgroundToContent, K>>> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, envelope<BackgroundToContent, K>(name, args), { frameId: 0 });
    if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Result<ReplyOf<BackgroundToContent, K>>;
    return fail('no-content', 'Sourcemark is not running on this page.');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (NO_RECEIVER.test(message)) return fail('no-content', 'Sourcemark is not running on this page.');
    return fail('internal', message);
  }
}

/** Returns the per-site switches, report cache (and badge), hand-offs and popup opener. */
function createUi(session: SessionArea | null): UiServices {
  const local = (browser.storage?.local ?? null) as KeyValueArea | null;
  return {
    sites: new SiteSettings(local, session),
    reports: new ReportCache(session, (tabId, reply) => showBadge(browser.action, tabId, reply)),
    async handoff(tabId, h) {
      await session?.set({ [handoffKey(tabId)]: h }).catch((e: unknown) => console.warn('Sourcemark: hand-off not stored', e));
    },
    async openPopup() {
      try {
        await browser.action.openPopup();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Returns the services for this worker; `ready` opens the library once. */
export function createServices(): Services {
  const session = (browser.storage as { session?: SessionArea } | undefined)?.session ?? null;
  const ui = createUi(session);
  return {
    ui,
    // Every library change makes the memoised reports stale (report-cache.ts), and so does the
    // end of the indexing that follows a worker start.
    ready: openLibrary().then((opened) => {
      void opened.indexed?.then(() => ui.reports.libraryChanged());
      return { ...opened, library: notifyingLibrary(opened.library, () => ui.reports.libraryChanged()) };
    }),
    analyze: cachedAnalyze(),
    makeRecord,
    tabs: new TabStates(session),
    toTab,
    async isIncognito(tabId) {
      try {
        return (await browser.tabs.get(tabId)).incognito;
      } catch {
        return false;
      }
    },
    async storePrivateWindows() {
      // Read on every use (no cache): the user may change it on the options page at any time.
      try {
        return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).storePrivateWindows;
      } catch (e) {
        console.warn('Sourcemark: settings unreadable; private windows store nothing', e);
        return false;
      }
    },
    async openExtensionPage(path) {
      const tab = await browser.tabs.create({ url: browser.runtime.getURL(path) });
      return tab.id ?? -1;
    },
    async storageUsage() {
      try {
        return (await navigator.storage?.estimate?.())?.usage ?? null;
      } catch {
        return null;
      }
    },
    now: () => Date.now(),
    e2e: typeof __E2E__ !== 'undefined' && __E2E__,
  };
}
