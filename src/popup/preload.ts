/**
 * The popup's first reads, started as soon as its script runs (before the first render): the
 * background's answer for the tab, the last answer the background left in storage.session (shown
 * at once, then replaced), and any hand-off from the tooltip or the context menu.
 */
import browser from 'webextension-polyfill';
import { handoffKey, HANDOFF_MAX_AGE_MS, isHandoff, isTabReply, reportKey, type Handoff } from '../shared/handoff.js';
import type { TabReply } from '../shared/messages.js';
import type { Result } from '../shared/result.js';
import { ask } from './send.js';

export interface Preload {
  tabId: number;
  /** The background's answer, now. */
  fresh: Promise<Result<TabReply>>;
  /** The last answer, from storage.session; null when there is none. */
  cached: Promise<TabReply | null>;
  handoff: Promise<Handoff | null>;
  /**
   * The first answer to hand the first render, once `settleFirst` has seen one: the cached or the
   * fresh reply, whichever came first (a cached one is still replaced by the fresh one).
   */
  first?: { reply: TabReply; fresh: boolean } | { error: Result<TabReply> & { ok: false } };
}

type Area = { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
const session = (): Area | null => (browser.storage as { session?: Area } | undefined)?.session ?? null;

async function read<T>(key: string, check: (v: unknown) => v is T): Promise<T | null> {
  try {
    const v = (await session()?.get(key))?.[key];
    return check(v) ? v : null;
  } catch {
    return null;
  }
}

/** Returns the tab's hand-off when it is recent enough to be what the reader just asked for. */
export async function readHandoff(tabId: number, now = Date.now()): Promise<Handoff | null> {
  const h = await read(handoffKey(tabId), isHandoff);
  return h && now - h.at >= 0 && now - h.at <= HANDOFF_MAX_AGE_MS ? h : null;
}

/** Returns nothing; forgets the tab's hand-off (the reader closed what it opened). */
export async function clearHandoff(tabId: number): Promise<void> {
  await session()?.remove(handoffKey(tabId)).catch(() => {});
}

const started = new Map<number, Preload>();

/** Returns nothing; starts the first reads for the tab (once), for `takePreload` to pick up. */
export function startPreload(tabId: number): Preload {
  let p = started.get(tabId);
  if (!p) started.set(tabId, p = preload(tabId));
  return p;
}

/** Returns the reads started for the tab, once; later loads read afresh. */
export function takePreload(tabId: number): Preload | undefined {
  const p = started.get(tabId);
  started.delete(tabId);
  return p;
}

/**
 * Returns once the tab's first answer is known (cached or fresh, noted in `first`) or after
 * `capMs`, so the popup's first render can show items at once instead of a loading state that is
 * replaced a few milliseconds later; the static "Loading…" placeholder shows meanwhile.
 */
export async function settleFirst(p: Preload, capMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first: Preload['first'];
  const cap = new Promise<void>((r) => { timer = setTimeout(r, capMs); });
  // The background's answer wins over the cached copy; its error only shows when nothing else did.
  const fromFresh = p.fresh.then((r) => {
    if (r.ok) first = { reply: r.value, fresh: true };
    else first ??= { error: r };
  });
  const fromCache = p.cached.then((reply) => {
    if (reply) first ??= { reply, fresh: false };
    // No cached answer: wait for the fresh one instead.
    else return fromFresh;
  });
  await Promise.race([fromCache, fromFresh, cap]);
  clearTimeout(timer);
  // Set once, here: what the first render sees does not change behind it.
  p.first = first;
}

/** Starts every first read for the tab. */
export function preload(tabId: number): Preload {
  return {
    tabId,
    fresh: ask('tab/report', { tabId }),
    cached: read(reportKey(tabId), isTabReply),
    handoff: readHandoff(tabId),
  };
}
