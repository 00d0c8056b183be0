/**
 * Helpers for the UI end-to-end suites: the demo story served as it is in demo/, the popup opened
 * for a page's tab as a real page, axe-core run inside extension pages, clicks inside the
 * tooltip's closed shadow root (found over CDP, clicked with the mouse), and screenshots.
 */
import type { Page, Worker } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Session } from './harness.ts';

/** Returns every file of demo/ by its URL path ("/harbor-ledger/port-calder-e-coli.html", "/assets/demo.css"). */
export function demoPages(root = path.resolve('demo')): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(html|css)$/.test(f)) out.set('/' + path.relative(root, p).split(path.sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

export const DEMO = {
  gazette: '/calder-gazette/boil-water-advisory.html',
  ledger: '/harbor-ledger/port-calder-e-coli.html',
  wire: '/coastal-press/port-calder-boil-water.html',
  reprint: '/lakeside-herald/port-calder-water-advisory.html',
  front: '/calder-gazette/index.html',
} as const;

/** An article with plain descriptive prose: no claims, quotes or vague attributions in it. */
export const QUIET_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slow morning by the river — Quiet Pages</title>
<meta property="og:site_name" content="Quiet Pages"><meta property="og:type" content="article"></head>
<body><header><a href="/">Quiet Pages</a></header><main><article><h1>A slow morning by the river</h1>
<p>The fog lifts slowly over the water, and the far bank comes into view a little at a time. Herons stand in the shallows without moving, as patient as the stones around them, while small birds dart between the reeds.</p>
<p>On mornings like this the path along the river is almost empty. The gravel is still damp, the benches are wet with dew, and the air smells of moss and cold earth. Walking here is less about getting somewhere than about noticing what is already there.</p>
<p>Later the sun warms the meadow and the colours sharpen: green grass, pale sky, the dark line of the trees. Bees move from clover to clover. Nothing much happens, and that is exactly the point of coming here early, before the day fills up with noise.</p>
<p>By the time the first cyclists pass, the fog is gone and the river looks ordinary again, bright and busy under a clear sky. It is worth getting up early for, even once in a while, just to see it wake.</p>
</article></main><footer>Quiet Pages</footer></body></html>`;

/** Returns the extension's service worker (Chromium). */
export function serviceWorker(session: Session): Worker {
  const sw = session.ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) throw new Error('no extension service worker');
  return sw;
}

/** Returns the extension's origin, e.g. chrome-extension://<id>. */
export const extensionOrigin = (session: Session): string => `chrome-extension://${new URL(serviceWorker(session).url()).host}`;

/**
 * Opens popup.html for the page's tab as a page of its own (the E2E hook asks the background to
 * open it with the sender's tab id, as the toolbar popup is for the current tab) and returns it
 * with the tab id, once it has the background's own answer on screen.
 */
export async function popupFor(session: Session, page: Page): Promise<{ popup: Page; tabId: number }> {
  const opened = session.ctx.waitForEvent('page', { timeout: 15000, predicate: (p) => p.url().includes('popup.html') || p.url() === 'about:blank' });
  await page.evaluate(() => window.postMessage({ type: 'sourcemark:e2e-open', path: 'popup.html' }, '*'));
  const popup = await opened;
  await popup.waitForURL(/popup\.html\?tab=\d+/, { timeout: 15000 });
  await popup.waitForSelector('[data-sourcemark-ready]', { timeout: 30000 });
  return { popup, tabId: Number(new URL(popup.url()).searchParams.get('tab')) };
}

/** Opens popup.html?tab=<id> directly (what the toolbar button shows for that tab). */
export async function popupForTab(session: Session, tabId: number): Promise<Page> {
  const popup = await session.ctx.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`${extensionOrigin(session)}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-sourcemark-ready]', { timeout: 30000 });
  return popup;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/**
 * Runs axe-core (every rule axe runs by default: WCAG 2.x A and AA plus best practices) in the
 * page and returns the violations. The source is evaluated over the devtools protocol, which the
 * extension pages' CSP (script-src 'self') does not apply to; nothing is added to the page's DOM.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** Returns where screenshots go: docs/screenshots when UPDATE_SCREENSHOTS=1 (npm run screenshots), else test-results. */
export function screenshotDir(): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve('docs', 'screenshots') : path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Clicks the element matching `attr` inside the tooltip's closed shadow root with the mouse: the
 * page (and Playwright's selectors) can't see into a closed root, the devtools protocol can.
 */
export async function clickInTooltip(page: Page, attr: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true }) as { root: CdpNode };
    const node = findNode(root, (n) => (n.attributes ?? []).includes(attr));
    if (!node) throw new Error(`no ${attr} in the tooltip`);
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendNodeId }) as { quads: number[][] };
    if (!quads[0]) throw new Error(`${attr} is not on screen`);
    const [x1, y1, , , x3, y3] = quads[0] as [number, number, number, number, number, number];
    await page.mouse.move((x1 + x3) / 2, (y1 + y3) / 2, { steps: 4 });
    await page.mouse.down();
    await page.mouse.up();
  } finally {
    await cdp.detach();
  }
}

interface CdpNode { backendNodeId: number; attributes?: string[]; children?: CdpNode[]; shadowRoots?: CdpNode[] }

function findNode(n: CdpNode, hit: (n: CdpNode) => boolean): CdpNode | null {
  if (hit(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const f = findNode(c, hit);
    if (f) return f;
  }
  return null;
}

/** Returns the kinds of extension contexts open now (Chromium's runtime.getContexts): e.g. ["BACKGROUND", "POPUP"]. */
export async function openContexts(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const rt = chrome.runtime as unknown as { getContexts(f: object): Promise<{ contextType: string }[]> };
    return (await rt.getContexts({})).map((c) => c.contextType);
  });
}
