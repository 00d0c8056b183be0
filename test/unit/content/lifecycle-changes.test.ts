// @vitest-environment jsdom
// Pages that change under the content script: late content, re-rendered paragraphs, edits,
// the extension going away, and a switch-off that leaves nothing behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startContentScript, type ContentScript } from '../../../src/content/lifecycle.js';
import { envelope, type BackgroundToContent } from '../../../src/shared/messages.js';
import { FakeRuntime, FIXTURE_CLAIM, FIXTURE_QUOTE, fixturePages } from './helpers.js';

const page = fixturePages().find((p) => p.slug === 'news-furniture')!;
const LATE = 'Late in the evening the council confirmed that 3,000 homes on the eastern quay would be protected by the barrier once it is finished.';
const MARKS = 'mark[data-sourcemark-kind]';

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

const fast = () => Promise.resolve();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let cs: ContentScript | null = null;
let runtime: FakeRuntime;

function start(): ContentScript {
  cs = startContentScript({ doc: document, win: window, runtime, yieldFn: fast, pollMs: 20, settleMs: 30 });
  return cs;
}

/** Waits for the settle timer and whatever run it started (or until `until` holds). */
async function settle(until?: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  do {
    await sleep(60);
    await cs!.idle();
  } while (until && !until() && Date.now() < deadline);
}

const marks = () => Array.from(document.querySelectorAll(MARKS));
const marked = (id: string) => marks().filter((m) => m.getAttribute('data-sourcemark-id') === id).map((m) => m.textContent).join('');
const claimParagraph = () => Array.from(document.querySelectorAll('article p')).find((p) => p.textContent!.includes('£12 million'))!;

/** Every node of the body with its type, name and text: two split text nodes differ from one. */
function shape(root: Node): string {
  const out: string[] = [];
  const walk = (n: Node, depth: number): void => {
    out.push(`${depth}:${n.nodeType}:${n.nodeName}:${n.nodeType === 3 ? (n as Text).data : ''}`);
    for (const c of Array.from(n.childNodes)) walk(c, depth + 1);
  };
  walk(root, 0);
  return out.join('\n');
}

beforeEach(() => {
  runtime = new FakeRuntime();
  loadPage(page.html);
});
afterEach(() => {
  cs?.stop();
  cs = null;
});

describe('late content', () => {
  it('marks what arrived without re-marking what was marked', async () => {
    runtime.claims = [FIXTURE_CLAIM, LATE];
    start();
    await cs!.idle();
    const before = marks();
    expect(marked('c0')).toBe(FIXTURE_CLAIM);
    const p = document.createElement('p');
    p.textContent = LATE;
    document.querySelector('article')!.appendChild(p);
    await settle(() => marked('c1') !== '');
    expect(runtime.sent).toHaveLength(2);
    // The first marks are the same elements as before, and the new claim is marked.
    for (const m of before) expect(m.isConnected).toBe(true);
    expect(marks().filter((m) => !before.includes(m)).map((m) => m.textContent).join('')).toBe(LATE);
    expect(marked('c1')).toBe(LATE);
  });

  it('does not react to its own marks', async () => {
    start();
    await cs!.idle();
    await settle();
    await settle();
    expect(runtime.sent).toHaveLength(1);
  });
});

describe('re-rendered paragraphs', () => {
  it('get their highlights back from the same analysis when the text is unchanged', async () => {
    start();
    await cs!.idle();
    const count = marks().length;
    const old = claimParagraph();
    // A framework renders the paragraph again from its data: new nodes, same text, no marks.
    const fresh = document.createElement('p');
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
    expect(marks().length).toBeLessThan(count);
    await settle(() => marks().length === count);
    expect(runtime.sent).toHaveLength(1); // nothing new to analyse
    expect(marks().length).toBe(count);
    expect(marked('c0')).toBe(FIXTURE_CLAIM);
    expect(fresh.querySelector(MARKS)).not.toBeNull();
  });

  it('are re-anchored by quote and position before the fresh analysis arrives', async () => {
    start();
    await cs!.idle();
    let release!: () => void;
    runtime.hold = new Promise<void>((r) => { release = r; });
    const old = claimParagraph();
    const fresh = document.createElement('p');
    // Re-rendered with an edit before the claim: offsets move, the claim's text stays.
    fresh.textContent = `UPDATE: the vote was confirmed. ${old.textContent}`;
    old.replaceWith(fresh);
    for (let i = 0; i < 50 && runtime.sent.length < 2; i++) await sleep(60);
    await sleep(60);
    expect(runtime.sent).toHaveLength(2);
    expect(marked('c0')).toBe(FIXTURE_CLAIM); // re-anchored while the background works
    expect(marked('q0')).toBe(FIXTURE_QUOTE);
    release();
    await cs!.idle();
    expect(marked('c0')).toBe(FIXTURE_CLAIM);
  });

  it('drop a highlight whose text is gone', async () => {
    start();
    await cs!.idle();
    const old = claimParagraph();
    const fresh = document.createElement('p');
    fresh.textContent = 'The paragraph was rewritten and says something else entirely now, with no figures in it at all.';
    old.replaceWith(fresh);
    await settle(() => runtime.sent.length === 2);
    expect(marked('c0')).toBe('');
    expect(marks().some((m) => m.textContent === FIXTURE_CLAIM)).toBe(false);
  });
});

describe('the extension going away', () => {
  it('stops quietly when runtime.id disappears (extension reloaded), removing its marks', async () => {
    start();
    await cs!.idle();
    const warn = console.warn;
    let warned = 0;
    console.warn = () => { warned++; };
    try {
      runtime.id = undefined;
      await sleep(60);
    } finally {
      console.warn = warn;
    }
    expect(warned).toBe(0);
    expect(marks()).toHaveLength(0);
    expect(runtime.listeners).toHaveLength(0);
  });

  it('stops quietly when sendMessage throws synchronously or the listener cannot be removed', async () => {
    runtime.sendMessage = () => { throw new Error('Extension context invalidated.'); };
    runtime.onMessage.removeListener = () => { throw new Error('Extension context invalidated.'); };
    const warn = console.warn;
    let warned = 0;
    console.warn = () => { warned++; };
    try {
      start();
      await cs!.idle();
      // Late content after the end: nothing runs, nothing throws.
      document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: LATE }));
      await settle();
    } finally {
      console.warn = warn;
    }
    expect(warned).toBe(0);
    expect(marks()).toHaveLength(0);
  });
});

describe('switch-off and stop', () => {
  it('switch-off restores the text and the node structure exactly, after late content too', async () => {
    runtime.claims = [FIXTURE_CLAIM, LATE];
    start();
    await cs!.idle();
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: LATE }));
    await settle(() => marks().length > 3);
    expect(marks().length).toBeGreaterThan(3);
    // The page as it would be without us: the same mutations on a fresh copy.
    const reference = new DOMParser().parseFromString(page.html, 'text/html');
    reference.querySelector('article')!.append(Object.assign(reference.createElement('p'), { textContent: LATE }));
    const r = (await cs!.handle(envelope<BackgroundToContent, 'highlights/set-enabled'>('highlights/set-enabled', { enabled: false }), { id: 'ext-id' }));
    expect(r).toEqual({ ok: true, value: true });
    expect(shape(document.body)).toBe(shape(reference.body));
    expect(document.getElementById('sourcemark-style')).toBeNull();
    expect(document.querySelector('sourcemark-tooltip')).toBeNull();
  });

  it('stop() leaves no timer, listener or observer behind', async () => {
    const live = new Set<unknown>();
    const g = globalThis as unknown as Record<string, (...a: unknown[]) => unknown>;
    const saved = { setTimeout: g.setTimeout!, setInterval: g.setInterval!, clearTimeout: g.clearTimeout!, clearInterval: g.clearInterval! };
    g.setTimeout = (fn: unknown, ms: unknown, ...rest: unknown[]) => {
      const id = saved.setTimeout((...a: unknown[]) => { live.delete(id); (fn as (...x: unknown[]) => void)(...a); }, ms, ...rest);
      live.add(id);
      return id;
    };
    g.setInterval = (fn: unknown, ms: unknown) => { const id = saved.setInterval(fn, ms); live.add(id); return id; };
    g.clearTimeout = (id: unknown) => { live.delete(id); return saved.clearTimeout(id); };
    g.clearInterval = (id: unknown) => { live.delete(id); return saved.clearInterval(id); };
    try {
      start();
      await cs!.idle();
      // A reveal (its flash timer) and late content (the settle timer) before stopping.
      await cs!.handle(envelope<BackgroundToContent, 'highlights/reveal'>('highlights/reveal', { itemId: 'c0' }), { id: 'ext-id' });
      document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: LATE }));
      await sleep(0);
      expect(live.size).toBeGreaterThan(0);
      cs!.stop();
      expect([...live]).toEqual([]);
      expect(runtime.listeners).toHaveLength(0);
      expect(marks()).toHaveLength(0);
      // Listeners are gone: page events and page changes do nothing.
      window.dispatchEvent(new PopStateEvent('popstate'));
      history.pushState({}, '', '/elsewhere');
      document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: LATE }));
      await sleep(60);
      expect(runtime.sent).toHaveLength(1);
      expect(document.querySelector('sourcemark-tooltip')).toBeNull();
    } finally {
      Object.assign(g, saved);
    }
  });
});
