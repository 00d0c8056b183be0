/**
 * The Chromium half of the bench: a persistent context with the bench build, a raw CDP line to
 * the service worker (playwright-core gives no CDP session for workers), and the in-page
 * measurements: the content script's performance marks (bench builds only), a Readability parse
 * of the same page as the baseline (cold, in a browser without the extension: launchPlain), long
 * tasks, and the popup's first items.
 */
/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { requireBrowser } from '../e2e/harness.ts';

export interface Bench {
  ctx: BrowserContext;
  sw: Worker;
  extId: string;
  /** Runs GC in the service worker and returns its used JS heap, bytes. */
  swHeap(): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Returns Chromium with the given unpacked extension loaded, headless, in a fresh profile. */
export async function launchBench(extDir: string): Promise<Bench> {
  const executablePath = requireBrowser('chromium');
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcemark-bench-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--remote-debugging-port=0',
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
  const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  // Blocks anything that would leave the machine, as the e2e harness does.
  await ctx.route((u) => /^https?:/.test(u.protocol) && !['127.0.0.1', 'localhost'].includes(u.hostname), (r) => r.abort());

  let port = 0;
  for (let i = 0; i < 50 && !port; i++) {
    port = Number((await readFile(path.join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n')[0]) || 0;
    if (!port) await sleep(100);
  }
  const swHeap = async (): Promise<number> => {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json() as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const t = targets.find((x) => x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${extId}/`));
    if (!t) throw new Error('no service worker target');
    const ws = new WebSocket(t.webSocketDebuggerUrl);
    await new Promise((res, rej) => { ws.once('open', res); ws.once('error', rej); });
    let id = 0;
    const send = (method: string, params: object = {}) => new Promise<Record<string, unknown>>((res, rej) => {
      const my = ++id;
      const on = (data: WebSocket.RawData) => {
        const msg = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown>; error?: unknown };
        if (msg.id !== my) return;
        ws.off('message', on);
        if (msg.error) rej(new Error(JSON.stringify(msg.error))); else res(msg.result ?? {});
      };
      ws.on('message', on);
      ws.send(JSON.stringify({ id: my, method, params }));
    });
    try {
      await send('HeapProfiler.collectGarbage');
      const r = await send('Runtime.getHeapUsage');
      return r.usedSize as number;
    } finally {
      ws.close();
    }
  };
  return {
    ctx, sw, extId, swHeap,
    close: async () => {
      await ctx.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Opens a page and waits for the content script's finish flag (the bench build has the E2E hooks). */
export async function visitPage(b: Bench, url: string, init?: () => void): Promise<{ page: Page; state: string }> {
  const page = await b.ctx.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await page.waitForFunction(
    () => ['done', 'not-article', 'error'].includes(document.documentElement.dataset.sourcemarkState ?? ''),
    undefined, { timeout: 30000 },
  );
  return { page, state: await page.evaluate(() => document.documentElement.dataset.sourcemarkState ?? '') };
}

/** Records long tasks from the start (an init script, before the page's own scripts). */
export function recordLongTasks(): void {
  const w = window as unknown as { __smLong: { start: number; duration: number }[] };
  w.__smLong = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__smLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: the marks still give the slice lengths */ }
}

export interface PageTiming {
  /** Extraction: the reading copy, Readability on it, the text map (summed over its slices). */
  extract_ms: number;
  /** planMarks + every highlight slice (mapping offsets to ranges and marking). */
  mark_ms: number;
  content_ms: number;
  /** Inside extraction: the content script's own Readability parse and the text-map build; plan + slices of marking. */
  breakdown: { copy: number; readability: number; text: number; gate: number; prune: number; keep: number; plan: number; slices: number; retries: number; elements: number };
  /** Longest synchronous piece of content-script work (extraction, or one slice). */
  longest_piece_ms: number;
  slices: number;
  /** First Readability parse (cloneNode + parse) of the same page, in the same page. */
  readability_ms: number;
  /** Median of the repeated (warm) parses. */
  readability_warm_ms: number;
  /** Long tasks overlapping content-script work, and the longest of the page's own. */
  longest_task_ms: number;
  page_longest_task_ms: number;
}

/** Reads the content script's marks from the page and times Readability on the same page. */
export async function measurePage(page: Page, readabilitySrc: string, baselineRepeats: number): Promise<PageTiming> {
  await page.addScriptTag({ content: readabilitySrc });
  // tsx compiles this file with esbuild's keepNames, whose __name helper the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate((repeats) => {
    // Long tasks so far, before the baseline parse below adds one of its own.
    const long = ((window as unknown as { __smLong?: { start: number; duration: number }[] }).__smLong ?? []).slice();
    const entries = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('sm:'));
    const sum = (name: string) => entries.filter((e) => e.name === name).reduce((s, e) => s + e.duration, 0);
    const extract = sum('sm:extract');
    const mark = sum('sm:plan') + sum('sm:slice');
    const marks = performance.getEntriesByType('mark');
    const breakdown = { copy: sum('sm:x:copy'), readability: sum('sm:x:readability'), text: sum('sm:x:text'),
      gate: sum('sm:x:gate'), prune: sum('sm:x:prune'), keep: sum('sm:x:keep'), plan: sum('sm:plan'), slices: sum('sm:slice'),
      // Readability's second parse (its first fell short) and the reading copy's size in elements.
      retries: marks.filter((m) => m.name === 'sm:x:retry').length,
      elements: Number((marks.find((m) => m.name === 'sm:x:elements') as PerformanceMark | undefined)?.detail ?? NaN) };
    // A document as the page had it before the content script: marks unwrapped, our host removed.
    const clean = document.cloneNode(true) as Document;
    for (const m of Array.from(clean.querySelectorAll('mark[data-sourcemark-kind]'))) m.replaceWith(...Array.from(m.childNodes));
    for (const el of Array.from(clean.querySelectorAll('sourcemark-tooltip, #sourcemark-style'))) el.remove();
    clean.normalize();
    const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      new R(clean.cloneNode(true) as Document).parse();
      times.push(performance.now() - t0);
    }
    // The content script runs its Readability once per page load, cold (new world, code not yet
    // optimised); the baseline is likewise the first parse in this page. Warm parses are reported too.
    const first = times[0]!;
    times.sort((a, b) => a - b);
    // Tasks of ours: extraction slices, the mark plan, marking slices (sm:x:* are parts of these,
    // and the copy/text ones are summed over several slices, so they are no single task).
    const tasks = entries.filter((e) => !e.name.startsWith('sm:x:'));
    const work = tasks.map((e) => [e.startTime, e.startTime + e.duration] as const);
    const overlaps = (t: { start: number; duration: number }) => work.some(([a, b]) => t.start < b && a < t.start + t.duration);
    const ours = long.filter(overlaps).map((t) => t.duration);
    const theirs = long.filter((t) => !overlaps(t)).map((t) => t.duration);
    const pieces = tasks.map((e) => e.duration);
    return {
      extract_ms: extract,
      mark_ms: mark,
      breakdown,
      content_ms: extract + mark,
      longest_piece_ms: Math.max(0, ...pieces),
      slices: entries.filter((e) => e.name === 'sm:slice').length,
      readability_ms: first,
      readability_warm_ms: times[Math.floor(times.length / 2)]!,
      longest_task_ms: Math.max(0, ...ours),
      page_longest_task_ms: Math.max(0, ...theirs),
    };
  }, baselineRepeats);
}

/**
 * A Chromium without the extension, for the cold baseline: each parse runs in a new browser
 * context, so in its own renderer process, where neither our content script nor an earlier parse
 * has compiled Readability's patterns yet (V8 caches compiled regular expressions per process,
 * so a parse after our content script, in the same page, measured about 0.8 of a cold one).
 */
export interface PlainBrowser {
  /** First Readability parse (cloneNode + parse) of the page, in a fresh process. */
  coldReadabilityMs(url: string, readabilitySrc: string): Promise<number>;
  close(): Promise<void>;
}

export async function launchPlain(): Promise<PlainBrowser> {
  const browser = await chromium.launch({
    executablePath: requireBrowser('chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    async coldReadabilityMs(url, readabilitySrc) {
      const ctx = await browser.newContext();
      try {
        await ctx.route((u) => /^https?:/.test(u.protocol) && !['127.0.0.1', 'localhost'].includes(u.hostname), (r) => r.abort());
        const page = await ctx.newPage();
        // goto waits for the load event: about when the content script runs (document_idle).
        await page.goto(url);
        await page.addScriptTag({ content: readabilitySrc });
        return await page.evaluate(() => {
          const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
          const t0 = performance.now();
          new R(document.cloneNode(true) as Document).parse();
          return performance.now() - t0;
        });
      } finally {
        await ctx.close();
      }
    },
    close: () => browser.close(),
  };
}

/** Notes when the popup first shows an item, and the frame after (an init script for popup.html). */
export function watchFirstItem(): void {
  const w = window as unknown as { __smFirstItem?: number; __smFirstFrame?: number };
  const mo = new MutationObserver(() => {
    if (w.__smFirstItem !== undefined || !document.querySelector('[data-sourcemark-item]')) return;
    w.__smFirstItem = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => { w.__smFirstFrame = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true });
}

export interface PopupTiming { first_item_ms: number; first_frame_ms: number; dcl_ms: number; dom_interactive_ms: number; items: number; report_rpc_ms: number; marks: Record<string, number> }

/**
 * Returns the first frame of the bench build's blank extension page (BLANK_PAGE in build.ts), ms
 * from navigation, measured as the popup's is: the browser's own cost of opening an extension page.
 */
export async function measureBlankPage(b: Bench, file: string): Promise<number> {
  const page = await b.ctx.newPage();
  await page.addInitScript(watchFirstItem);
  await page.goto(`chrome-extension://${b.extId}/${file}`);
  await page.waitForFunction(() => (window as unknown as { __smFirstFrame?: number }).__smFirstFrame !== undefined, undefined, { timeout: 30000 });
  const ms = await page.evaluate(() => (window as unknown as { __smFirstFrame: number }).__smFirstFrame);
  await page.close();
  return ms;
}

/** Opens popup.html for a tab and returns when its first item was inserted and painted. */
export async function measurePopup(b: Bench, tabId: number): Promise<PopupTiming> {
  const page = await b.ctx.newPage();
  await page.addInitScript(watchFirstItem);
  await page.goto(`chrome-extension://${b.extId}/popup.html?tab=${tabId}`);
  await page.waitForFunction(() => (window as unknown as { __smFirstFrame?: number }).__smFirstFrame !== undefined, undefined, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const w = window as unknown as { __smFirstItem: number; __smFirstFrame: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      first_item_ms: w.__smFirstItem,
      first_frame_ms: w.__smFirstFrame,
      dcl_ms: nav?.domContentLoadedEventEnd ?? 0,
      // The parser's end (the popup's script has run; its async work has not): a baseline the
      // popup's own early rendering cannot push back, as it can push back DOMContentLoaded.
      dom_interactive_ms: nav?.domInteractive ?? 0,
      items: document.querySelectorAll('[data-sourcemark-item]').length,
      // Bench builds mark the popup's steps (src/popup/bench-marks.ts): script start, ask, reply, ...
      marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sm:popup:'))
        .map((m) => [m.name.slice(9), Math.round(m.startTime * 10) / 10])),
    };
  });
  // Where the time goes: the background's tab/report round trip alone, asked from the same page.
  const rpc = await page.evaluate(async (tab) => {
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await chrome.runtime.sendMessage({ sourcemark: 1, name: 'tab/report', args: { tabId: tab } });
      ts.push(performance.now() - t);
    }
    return ts.sort((a, b) => a - b)[1]!;
  }, tabId);
  await page.close();
  return { ...r, report_rpc_ms: rpc };
}

/**
 * Returns the tab id of an open page. The extension has no "tabs" permission, so tab URLs are
 * hidden from it; the E2E hook opens popup.html?tab=<sender's tab> instead, and we read the id.
 */
export async function tabIdOf(b: Bench, page: Page): Promise<number> {
  const opened = b.ctx.waitForEvent('page', { timeout: 15000 });
  await page.evaluate(() => window.postMessage({ type: 'sourcemark:e2e-open', path: 'popup.html' }, '*'));
  const popup = await opened;
  await popup.waitForURL(/tab=\d+/, { timeout: 15000 }).catch(() => {});
  const id = Number(new URL(popup.url()).searchParams.get('tab'));
  await popup.close();
  if (!id) throw new Error(`no tab id in ${popup.url()}`);
  return id;
}
