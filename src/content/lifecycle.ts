/**
 * The content script's life on one tab: extract, ask the background to analyse, highlight, answer
 * the background's messages, follow SPA navigation and late content, and undo everything on
 * switch-off. Browser APIs come in through `ContentDeps`, so tests drive it with fakes.
 */
import {
  envelope, isEnvelope, type ArgsOf, type BackgroundToContent, type ContentToBackground, type Handlers,
  type PageReport, type PageState,
} from '../shared/messages.js';
import type { Analysis, Corroboration, ExtractedArticle } from '../shared/model.js';
// The background's limit on article text (a pure constant of the protocol's checks).
import { MAX_TEXT_LENGTH } from '../background/validate.js';
import { fail, ok, type Result } from '../shared/result.js';
import { extractArticleSliced, type Extraction } from './extract.js';
import { Highlighter, installMarkStyles, MARK_SELECTOR, removeMarkStyles } from './highlight.js';
import type { TextMap } from './text-map.js';
import { Tooltip } from './tooltip.js';
import { endTask, whenIdle, yieldToPage } from './yield.js';
import { reanchorAnalysis } from './reanchor.js';

export interface MessageSenderLike {
  id?: string;
}
export type MessageListener = (message: unknown, sender: MessageSenderLike) => Promise<unknown> | undefined;

/** The slice of browser.runtime the content script uses. */
export interface RuntimeLike {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(fn: MessageListener): void; removeListener(fn: MessageListener): void };
}

export type FinishState = 'done' | 'not-article' | 'error';

export interface ContentDeps {
  doc: Document;
  win: Window;
  runtime: RuntimeLike;
  /** Called when annotating a page finished (E2E builds expose it to the test), with the error's message on 'error'. */
  onState?: (state: FinishState, detail?: string) => void;
  /** How often to look for SPA navigation, ms. */
  pollMs?: number;
  /** Quiet time before late content triggers a re-read, ms. */
  settleMs?: number;
  /** Yield between slices of work (tests pass a fast one). */
  yieldFn?: () => Promise<void>;
}

export interface ContentScript {
  /** Returns the reply to a background message, or undefined when it is not ours. */
  handle: MessageListener;
  /** Resolves when the current run (extract, analyse, highlight) has finished. */
  idle(): Promise<void>;
  /** Removes everything: marks, tooltip, styles, listeners, timers. */
  stop(): void;
}

const CONTENT_NAMES = ['page/state', 'highlights/reveal', 'highlights/set-enabled', 'highlights/statuses'] as const;
const INVALIDATED = /extension context invalidated|context invalidated|message manager disconnected|receiving end does not exist/i;
/** Re-reads per URL, so a page that mutates forever (tickers, ads, re-renders) cannot loop us. */
const MAX_REFRESHES = 12;
/** How much new text (or lost highlighting) makes the page worth reading again. */
const LATE_TEXT_CHARS = 80;
/** Elements whose added content is never article text. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

/**
 * Returns the article as it is sent for analysis: a text longer than the background accepts is
 * cut at the last paragraph break before the limit (the offsets of what is kept do not change),
 * so a huge page still gets highlights on its first part instead of none.
 */
export function forAnalysis(article: ExtractedArticle): ExtractedArticle {
  if (article.text.length <= MAX_TEXT_LENGTH) return article;
  const cut = article.text.lastIndexOf('\n\n', MAX_TEXT_LENGTH);
  return { ...article, text: article.text.slice(0, cut > 0 ? cut : MAX_TEXT_LENGTH) };
}

/** Returns the running content script for a page. */
export function startContentScript(deps: ContentDeps): ContentScript {
  const { doc, win, runtime } = deps;
  const pollMs = deps.pollMs ?? 1000;
  const settleMs = deps.settleMs ?? 1200;
  const session = new AbortController();

  let state: PageState = { state: 'pending' };
  let enabled = true;
  let map: TextMap | null = null;
  /** The live text nodes behind `map`, to notice when the page removes article text. */
  let mapNodes = new Set<Text>();
  let analysis: Analysis | null = null;
  /** The text `analysis` was made for (it may have been re-anchored onto a newer text). */
  let analysedText = '';
  let analysedUrl = '';
  let corroboration: Corroboration | null = null;
  let url = pageUrl();
  let refreshes = 0;
  let runId = 0;
  let current: Promise<void> = Promise.resolve();
  let logged = false;
  let dead = false;
  let firstRun = true;

  // Per-annotation resources, all dropped by `teardown()`.
  let annotation: AbortController | null = null;
  let tooltip: Tooltip | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let lateChars = 0;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  const highlighter = new Highlighter(doc);
  // One observer for the page's own changes, batched behind one timer (see noteMutations).
  const observer = new MutationObserver((records) => noteMutations(records));
  let observing = false;

  function pageUrl(): string {
    const href = doc.location?.href ?? doc.URL;
    return href.replace(/#.*$/, '');
  }

  /** Logs once; the extension being reloaded under the page is not an error, just the end. */
  function report(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    if (INVALIDATED.test(message)) {
      stop();
      return;
    }
    if (!logged) {
      logged = true;
      console.warn('Sourcemark:', e);
    }
  }

  /** Runs our own DOM writes so the observer never mistakes them for the page's. */
  function quiet<T>(fn: () => T): T {
    if (observing) noteMutations(observer.takeRecords());
    try {
      return fn();
    } finally {
      if (observing) observer.takeRecords();
    }
  }

  function observe(): void {
    if (observing || dead || !doc.body) return;
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    observing = true;
  }

  function unobserve(): void {
    observer.disconnect();
    observing = false;
  }

  /**
   * Counts what the page changed: text it added (infinite scroll, "read more"), article text it
   * removed or edited, and highlights it removed (a re-rendered paragraph). Enough of it, once the
   * page has been quiet for `settleMs`, triggers one re-read.
   */
  function noteMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (mapNodes.has(r.target as Text)) lateChars += LATE_TEXT_CHARS;
        continue;
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType === 3) lateChars += (n as Text).data.trim().length;
        else if (n.nodeType === 1 && !NOT_TEXT.has((n as Element).tagName.toUpperCase()) && !(n as Element).matches(MARK_SELECTOR)) {
          lateChars += (n.textContent ?? '').trim().length;
        }
      }
      for (const n of Array.from(r.removedNodes)) {
        if (n.nodeType === 3) {
          if (mapNodes.has(n as Text)) lateChars += LATE_TEXT_CHARS;
        } else if (n.nodeType === 1 && ((n as Element).matches(MARK_SELECTOR) || (n as Element).querySelector(MARK_SELECTOR))) {
          lateChars += LATE_TEXT_CHARS;
        }
      }
    }
    if (lateChars >= LATE_TEXT_CHARS && settleTimer === null) scheduleSettle();
  }

  function scheduleSettle(): void {
    settleTimer = setTimeout(() => {
      settleTimer = null;
      lateChars = 0;
      if (!dead && enabled && refreshes < MAX_REFRESHES) {
        refreshes++;
        start('late-content');
      }
    }, settleMs);
  }

  /** Removes marks, tooltip, styles, observer and timers of the current annotation. */
  function teardown(): void {
    annotation?.abort();
    annotation = null;
    unobserve();
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = null;
    lateChars = 0;
    tooltip?.destroy();
    tooltip = null;
    highlighter.clear();
    removeMarkStyles(doc);
  }

  function watchNavigation(): void {
    if (pollTimer !== null || dead) return;
    // Polling a string is cheap and patches nothing of the page's (no history.pushState wrapper).
    pollTimer = setInterval(checkUrl, pollMs);
    const nav = (win as { navigation?: EventTarget }).navigation;
    nav?.addEventListener?.('navigatesuccess', checkUrl, { signal: session.signal });
    win.addEventListener('popstate', checkUrl, { signal: session.signal });
  }

  function stopWatching(): void {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  function checkUrl(): void {
    try {
      if (dead) return;
      // runtime.id disappears when the extension is reloaded or removed under the page.
      if (!runtime.id) {
        stop();
        return;
      }
      if (!enabled) return;
      const now = pageUrl();
      if (now === url) return;
      url = now;
      refreshes = 0;
      start('navigation');
    } catch (e) {
      report(e);
    }
  }

  function start(_why: string): void {
    if (dead) return;
    const id = ++runId;
    const prev = current;
    current = prev.then(() => run(id)).catch((e: unknown) => {
      report(e);
      if (id === runId && !dead) deps.onState?.('error', e instanceof Error ? e.message : String(e));
    });
  }

  const stale = (id: number): boolean => dead || id !== runId;

  function setMap(m: TextMap | null): void {
    map = m;
    mapNodes = new Set(m?.nodes ?? []);
  }

  /**
   * One read of the page: extract (in slices), then
   *  - same text as the analysis: only bring the marks in line (re-rendered paragraphs get their
   *    highlights back, nothing is re-marked, the background is not asked);
   *  - the same page with changed text (late content, edits): move the current analysis onto
   *    the new text by quote and position (kept highlights stay, lost ones return at once), then
   *    ask for a fresh analysis and bring the marks in line with it;
   *  - a new page (first load, SPA navigation): drop the old highlights and annotate afresh.
   */
  async function run(id: number): Promise<void> {
    const yieldFn = deps.yieldFn ?? yieldToPage;
    // The first run waits until the page has settled after loading (its own scripts, first
    // paint): the page gets its most sensitive moment to itself, and our work meets less of it.
    await (deps.yieldFn ?? (firstRun ? () => whenIdle(2000) : yieldToPage))();
    firstRun = false;
    if (stale(id) || !enabled) return;
    // Changes the page makes while we read it are noted, so they lead to one more read.
    observe();
    const extraction = await extractArticleSliced(doc, { url: pageUrl(), yieldFn, signal: { get aborted() { return stale(id); } } });
    let resumed = performance.now();
    try {
      await afterExtraction(id, extraction, () => endTask(resumed), () => { resumed = performance.now(); });
    } finally {
      endTask(resumed);
    }
  }

  /**
   * The rest of one read, after extraction. `pause()` is called before each await and `resume()`
   * after it, so test and bench builds measure each synchronous stretch as one task of ours.
   */
  async function afterExtraction(id: number, extraction: Extraction | undefined, pause: () => void, resume: () => void): Promise<void> {
    if (stale(id) || !extraction) return;
    if (extraction.kind === 'not-article') {
      quiet(teardown);
      setMap(null);
      analysis = null;
      corroboration = null;
      state = { state: 'not-article', reason: extraction.reason };
      deps.onState?.('not-article');
      return;
    }
    const article = forAnalysis(extraction.article);
    const samePage = analysis !== null && analysedUrl === article.url;
    setMap(extraction.map);
    if (samePage && analysedText === article.text) {
      state = { state: 'article', article, enabled };
      pause();
      await annotate(id, analysis!);
      resume();
      if (!stale(id)) deps.onState?.('done');
      return;
    }
    if (samePage) {
      analysis = reanchorAnalysis(analysis!, analysedText, article.text);
      analysedText = article.text;
      pause();
      await annotate(id, analysis);
      resume();
      if (stale(id)) return;
    } else {
      // A different page: its old highlights must not stay while the new one is analysed.
      quiet(teardown);
      analysis = null;
      observe();
    }
    state = { state: 'article', article, enabled };

    pause();
    const reply = await runtime.sendMessage(envelope<ContentToBackground, 'page/analyze'>('page/analyze', { article }));
    resume();
    if (stale(id)) return;
    const res = reply as Result<PageReport> | undefined;
    if (!res || typeof res !== 'object' || !('ok' in res)) throw new Error('no reply from the background');
    if (!res.ok && res.error.code === 'site-off') {
      // The reader switched Sourcemark off for this site: no highlights until it is switched on
      // ('highlights/set-enabled' then reads the page again).
      enabled = false;
      analysis = null;
      corroboration = null;
      state = { state: 'article', article, enabled };
      deps.onState?.('done');
      return;
    }
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    const pageReport = res.value;
    if (pageReport.text !== article.text) throw new Error('analysis is for a different text');
    analysis = pageReport.analysis;
    analysedText = article.text;
    analysedUrl = article.url;
    corroboration = pageReport.corroboration;
    enabled = pageReport.enabled;
    state = { state: 'article', article, enabled };
    if (enabled) {
      pause();
      await annotate(id, analysis);
      resume();
    } else quiet(teardown);
    if (!stale(id)) deps.onState?.('done');
  }

  async function annotate(id: number, a: Analysis): Promise<void> {
    if (!map) return;
    annotation?.abort();
    const ctl = new AbortController();
    annotation = ctl;
    quiet(() => installMarkStyles(doc));
    observe();
    await highlighter.update(map, a, { signal: ctl.signal, around: quiet, yieldFn: deps.yieldFn });
    if (stale(id) || ctl.signal.aborted) return;
    tooltip ??= new Tooltip(doc, () => (analysis ? { analysis, corroboration } : null), showInList);
    watchNavigation();
  }

  /** The tooltip's link back to the popup item (the background opens the popup where it may). */
  async function showInList(itemId: string): Promise<boolean> {
    const reply = await runtime.sendMessage(envelope<ContentToBackground, 'item/show'>('item/show', { itemId }));
    const r = reply as Result<{ opened: boolean }> | undefined;
    return Boolean(r && typeof r === 'object' && r.ok && r.value.opened);
  }

  const handlers = {
    'page/state': () => ok(state),
    'highlights/reveal': ({ itemId }) => ok(enabled ? highlighter.reveal(itemId) : false),
    'highlights/set-enabled': async ({ enabled: on }) => {
      if (on === enabled) return ok(true);
      enabled = on;
      if (state.state === 'article') state = { ...state, enabled };
      runId++; // whatever run was going on ends at its next step
      if (!on) {
        quiet(teardown);
        stopWatching();
        return ok(true);
      }
      watchNavigation();
      url = pageUrl();
      refreshes = 0;
      // The page may have changed while we were off, or was never analysed (its site was switched
      // off): read it again (the same text costs no analysis).
      start('re-enable');
      await current;
      return ok(true);
    },
    'highlights/statuses': ({ corroboration: c }) => {
      corroboration = c;
      tooltip?.refresh();
      return ok(true);
    },
  } satisfies Handlers<BackgroundToContent>;

  const checks: { [K in keyof BackgroundToContent]: (a: Record<string, unknown>) => boolean } = {
    'page/state': () => true,
    'highlights/reveal': (a) => typeof a.itemId === 'string' && a.itemId.length > 0 && a.itemId.length < 200,
    'highlights/set-enabled': (a) => typeof a.enabled === 'boolean',
    'highlights/statuses': (a) => {
      const c = a.corroboration as Record<string, unknown> | null;
      return typeof c === 'object' && c !== null && Array.isArray(c.claims) && Array.isArray(c.quotes);
    },
  };

  const handle: MessageListener = (message, sender) => {
    if (!isEnvelope<BackgroundToContent>(message, CONTENT_NAMES)) return undefined;
    if (sender.id !== runtime.id) return Promise.resolve(fail('bad-request', 'Message from another extension refused'));
    const name = message.name as keyof BackgroundToContent;
    const args = message.args as Record<string, unknown>;
    if (!checks[name](args)) return Promise.resolve(fail('bad-request', `Bad arguments for ${name}`));
    const h = handlers[name] as (a: ArgsOf<BackgroundToContent, typeof name>) => Result<unknown> | Promise<Result<unknown>>;
    return (async () => {
      try {
        return await h(args as never);
      } catch (e) {
        report(e);
        return fail('internal', e instanceof Error ? e.message : String(e));
      }
    })();
  };

  function stop(): void {
    if (dead) return;
    dead = true;
    runId++;
    // Each step on its own: after the extension was reloaded some of these throw, and nothing
    // may reach the page.
    const steps = [
      () => quiet(teardown),
      () => unobserve(),
      () => stopWatching(),
      () => session.abort(),
      () => runtime.onMessage.removeListener(handle),
    ];
    for (const step of steps) {
      try {
        step();
      } catch {
        // The page or the extension context may already be gone; nothing of ours is left then.
      }
    }
  }

  runtime.onMessage.addListener(handle);
  watchNavigation();
  start('load');

  return {
    handle,
    idle: async () => {
      // Runs may chain (late content, navigation): wait until no new one was queued.
      for (;;) {
        const p = current;
        await p;
        if (p === current) return;
      }
    },
    stop,
  };
}
