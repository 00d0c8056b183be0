/**
 * End-to-end harness: serves pages from 127.0.0.1, launches Debian's Chromium or Firefox ESR with
 * the built extension (playwright-core 1.64.1, recipes in ../shared/notes/extension-testing.md),
 * blocks every request that would leave the machine, and opens the popup for a page's tab.
 */
import { chromium, firefox, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

const EXECUTABLES: Record<BrowserName, { path: string; install: string }> = {
  chromium: { path: '/usr/bin/chromium', install: 'sudo apt-get update && sudo apt-get install -y chromium' },
  firefox: { path: '/usr/bin/firefox-esr', install: 'sudo apt-get update && sudo apt-get install -y firefox-esr' },
};
export const GECKO_ID = 'sourcemark@sourcemark.example';
const FIREFOX_UUID = '8d1f9a52-3c1e-4b7e-9a51-5e0c2f3d7a10';

/** Returns the absolute build folder for the browser, failing with the build command when absent. */
export function extensionDir(browser: BrowserName): string {
  const dir = path.resolve(browser === 'chromium' ? 'dist/chrome' : 'dist/firefox');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No build in ${dir}: run \`E2E=1 node build.mjs\` first (npm test does this).`);
  }
  return dir;
}

/** Throws a clear message with the install command when the browser is not installed. */
export function requireBrowser(browser: BrowserName): string {
  const exe = EXECUTABLES[browser];
  if (!existsSync(exe.path)) throw new Error(`${exe.path} is missing. Install it with: ${exe.install}`);
  return exe.path;
}

export interface Site {
  server: Server;
  /** Path -> HTML; pages may be added while the server runs. */
  pages: Map<string, string>;
  origin: string;
  close(): Promise<void>;
}

// A self-signed certificate for 127.0.0.1 (test only; the browsers ignore certificate errors).
const TLS = readFileSync(new URL('./loopback-tls.pem', import.meta.url), 'utf8');

/**
 * Serves the given path -> HTML map (and .css files) from 127.0.0.1 on a free port, in plain HTTP
 * and, on the same port, HTTPS: saved pages that send themselves to https: (`if
 * (location.protocol != "https:") location = ...`) land on the same page instead of an error
 * page, as they would on their site.
 */
export async function serve(pages: Map<string, string>): Promise<Site> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = pages.get(url.pathname);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = /\.css$/.test(url.pathname) ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type }).end(body);
  };
  const server = createServer(handler);
  const secure = createHttpsServer({ key: TLS, cert: TLS }, handler);
  // One port for both: a TLS connection starts with a handshake record (first byte 0x16).
  const sockets = new Set<Socket>();
  const front = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : server).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as { port: number }).port;
  return {
    server,
    pages,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      secure.closeAllConnections();
      front.close(() => resolve());
    }),
  };
}

export interface Session {
  browser: BrowserName;
  ctx: BrowserContext;
  /**
   * Chromium: every request of the context's pages and of the extension's service worker (CDP
   * Network domain on the worker target, which playwright-core 1.64 attaches) that tried to leave
   * 127.0.0.1, blocked, by URL. Firefox: empty (no request events there, see `launch`).
   */
  outbound: string[];
  /**
   * The recording proxy every non-loopback connection of this browser goes to (and dies at). It
   * also sees the browser's own traffic (Chromium's update and sign-in checks), which no page or
   * extension asked for: compare against a session without the extension to attribute it.
   */
  proxy: Blackhole;
  /** The profile folder (kept on close when the caller passed it in `launch`). */
  profile: string;
  close(): Promise<void>;
}

export interface Blackhole {
  port: number;
  /** "<method> <target>" of every request that reached the proxy, in order. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 that records the first request line of every connection (`CONNECT
 * host:443` for TLS and WebSockets, `GET http://host/...` for plain HTTP) and answers 403. Both
 * browsers are pointed at it, so nothing reaches the network even where Playwright's request
 * interception is not used (Firefox, see `launch`) or does not see a request, and what tried to
 * leave is on record either way. Loopback is exempt in the browser, never sent here.
 */
export async function blackholeProxy(): Promise<Blackhole> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    let answered = false;
    socket.on('data', (chunk) => {
      if (answered) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      answered = true;
      const line = head.split('\r\n')[0] ?? '';
      const [method = '?', target = '?'] = line.split(' ');
      seen.push(`${method} ${target}`);
      // A page sending its own top frame off the machine (an anti-copy check that is not on its
      // domain, "force https" to another host) gets 204 No Content, so it stays where it is, as
      // on its own site; everything else is refused.
      // Firefox sends no Sec-Fetch-* headers to plain-http hosts; a document load asks for HTML first.
      const navigate = method === 'GET' && (/^sec-fetch-mode:\s*navigate\b/im.test(head) || /^accept:\s*text\/html\b/im.test(head));
      socket.end(navigate
        ? 'HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
        : 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    seen,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

const isLocal = (url: string) => {
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol) && !/^wss?:$/.test(u.protocol)) return true;   // extension, data, about
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  } catch {
    return true;
  }
};

export interface LaunchOptions {
  /** Load the built extension (default true). */
  extension?: boolean;
  /** Use this profile folder and keep it on close (restart tests); default: a fresh temporary one. */
  profile?: string;
  /** Load the extension from this folder instead of the build (a variant of the build, e.g. one permission less). */
  extensionDir?: string;
  /** Firefox only: more preferences (e.g. a small storage limit for the quota test). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** How many times a browser start is tried before the test fails. */
const LAUNCH_ATTEMPTS = 3;

/**
 * Launches the browser in a fresh profile, with the built extension unless told otherwise.
 * A start that fails is tried again: on a loaded 2-core CI machine Firefox once failed to start
 * for a whole suite (BiDi session set-up gave up), which is the machine, not the extension.
 */
export async function launch(browser: BrowserName, opts: LaunchOptions = {}): Promise<Session> {
  // A missing browser or build fails at once, with its fix: trying again would not help.
  const executablePath = requireBrowser(browser);
  const ext = opts.extension !== false ? opts.extensionDir ?? extensionDir(browser) : '';
  let lastError: unknown;
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
    try {
      return await launchOnce(browser, opts, executablePath, ext);
    } catch (e) {
      lastError = e;
      const first = String((e as Error)?.message ?? e).split('\n')[0];
      console.error(`# ${browser} launch attempt ${attempt}/${LAUNCH_ATTEMPTS} failed: ${first}`);
      await sleep(2000 * attempt);
    }
  }
  throw lastError;
}

/** Kills what is left of a browser started on this profile (a close that hung, a failed start). */
function killProfileProcesses(profile: string): void {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) process.kill(Number(pid), 'SIGKILL');
    } catch { /* the process ended meanwhile, or is not ours */ }
  }
}

/** Resolves after `ms`, with 'timeout'. */
const timeoutAfter = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());

async function launchOnce(browser: BrowserName, opts: LaunchOptions, executablePath: string, ext: string): Promise<Session> {
  const withExtension = opts.extension !== false;
  const profile = opts.profile ?? await mkdtemp(path.join(tmpdir(), `sourcemark-${browser}-`));
  const proxy = await blackholeProxy();
  try {
    return await startBrowser(browser, opts, executablePath, withExtension, ext, profile, proxy);
  } catch (e) {
    await proxy.close().catch(() => {});
    killProfileProcesses(profile);
    if (!opts.profile) await rm(profile, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
}

async function startBrowser(
  browser: BrowserName, opts: LaunchOptions, executablePath: string, withExtension: boolean,
  ext: string, profile: string, proxy: Blackhole,
): Promise<Session> {
  let ctx: BrowserContext;
  if (browser === 'chromium') {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      ignoreHTTPSErrors: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // Chromium never proxies loopback (implicit <-loopback> bypass), so the test pages load.
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
        ...(withExtension ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : [])],
    });
    // The service worker proves the extension loaded.
    if (withExtension && ctx.serviceWorkers().length === 0) await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  } else {
    if (withExtension) {
      await mkdir(path.join(profile, 'extensions'), { recursive: true });
      // A "proxy file" named after the add-on id whose content is the unpacked folder: no zip needed.
      await writeFile(path.join(profile, 'extensions', GECKO_ID), ext);
    }
    ctx = await firefox.launchPersistentContext(profile, {
      channel: 'moz-firefox',
      executablePath,
      // A loaded 2-core machine once took over the default 30 s to start Firefox.
      timeout: 120000,
      headless: true,
      ignoreHTTPSErrors: true,
      firefoxUserPrefs: {
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'app.normandy.enabled': false,
        'messaging-system.rsexperimentloader.enabled': false,
        // Every connection that is not loopback goes to the recording proxy (see blackholeProxy).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, [::1]',
        'network.proxy.allow_hijacking_localhost': false,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        ...opts.firefoxPrefs,
      },
    });
  }
  const outbound: string[] = [];
  // Record and block what would leave the machine. Only in Chromium: in Firefox any request
  // listener or route turns on BiDi network events, and moz-extension pages opened after that
  // never get a script realm (seen with ESR 153 + playwright-core 1.64.1), so the popup can't be
  // tested. In Firefox the proxy above blocks and records instead.
  if (browser === 'chromium') {
    ctx.on('request', (req) => { if (!isLocal(req.url())) outbound.push(req.url()); });
    // A top-frame navigation off the machine gets 204 (the page stays, see blackholeProxy).
    await ctx.route((url) => !isLocal(url.href), (route) => {
      const req = route.request();
      return req.isNavigationRequest() && req.frame().parentFrame() === null
        ? route.fulfill({ status: 204, body: '' })
        : route.abort();
    });
  }
  return {
    browser, ctx, outbound, proxy, profile,
    close: async () => {
      // Closing over BiDi can hang; a browser that has not closed in 30 s is killed.
      if (await Promise.race([ctx.close().catch(() => {}), timeoutAfter(30000)]) === 'timeout') {
        console.error(`# ${browser} did not close in 30 s; killed`);
        killProfileProcesses(profile);
      }
      await proxy.close().catch(() => {});
      if (!opts.profile) await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Opens the page and waits until the content script says it finished (E2E builds set the flag). */
export async function visit(session: Session, url: string): Promise<Page> {
  const page = await session.ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => ['done', 'not-article', 'error'].includes(document.documentElement.dataset.sourcemarkState ?? ''),
    undefined, { timeout: 30000 },
  );
  return page;
}

export interface PopupItem { kind: string; status: string; text: string }

/** The popup opened for a page's tab, read and clicked as a user would. */
export interface PopupHandle {
  /** Every item with its text, including the other outlets' sentences. */
  items(): Promise<PopupItem[]>;
  /** All the popup's text. */
  text(): Promise<string>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens popup.html for the page's tab. Both browsers go through the E2E hook (page -> content
 * script -> background -> tabs.create with the sender's tab id), because Firefox over BiDi may not
 * navigate to moz-extension:// URLs.
 */
export async function openPopup(session: Session, page: Page): Promise<PopupHandle> {
  const ask = () => page.evaluate(() => window.postMessage({ type: 'sourcemark:e2e-open', path: 'popup.html' }, '*'));
  if (session.browser === 'firefox') {
    // The popup is read through its storage snapshot, so the BiDi "page" event (which Firefox
    // sometimes never reports for a new extension tab) is not waited for.
    return firefoxPopup(page, Date.now(), ask);
  }
  // A request that got lost (the worker was restarting) is asked again, up to three times.
  for (let attempt = 1; ; attempt++) {
    const opened = session.ctx.waitForEvent('page', { timeout: 15000 });
    await ask();
    try {
      return await chromiumPopup(await opened);
    } catch (e) {
      if (attempt >= 3 || !(e instanceof Error && e.name === 'TimeoutError' && /waiting for event "page"/.test(e.message))) throw e;
      console.error(`# the popup did not open in 15 s (attempt ${attempt}); asking again`);
    }
  }
}

async function chromiumPopup(popup: Page): Promise<PopupHandle> {
  await popup.waitForSelector('[data-sourcemark-ready]', { timeout: 30000 });
  return {
    items: () => popup.evaluate(() => {
      for (const s of document.querySelectorAll<HTMLElement>('[data-sourcemark-item] details:not([open]) > summary')) s.click();
      return [...document.querySelectorAll('[data-sourcemark-item]')].map((el) => ({
        kind: el.getAttribute('data-kind') ?? '',
        status: el.getAttribute('data-status') ?? '',
        text: (el as HTMLElement).innerText,
      }));
    }),
    text: () => popup.evaluate(() => document.body.innerText),
    click: (selector) => popup.click(selector),
    close: () => popup.close(),
  };
}

interface Snapshot { instance: string; ready: boolean; items: PopupItem[]; text: string; at: number }

/**
 * Firefox: the test can't reliably run code in a moz-extension page over BiDi (ESR 153 +
 * playwright-core 1.64.1: its script realm is often never reported), so the popup of a test
 * build publishes what it shows to storage.local and the page's content script relays reads and
 * clicks (src/shared/e2e-bridge.ts). The popup page is left open: closing it over BiDi can hang.
 */
async function firefoxPopup(page: Page, openedAt: number, ask: () => Promise<void>): Promise<PopupHandle> {
  const read = async (): Promise<Snapshot | null> => {
    await page.evaluate(() => {
      delete document.documentElement.dataset.sourcemarkPopup;
      window.postMessage({ type: 'sourcemark:e2e-read-popup' }, '*');
    });
    await page.waitForFunction(() => document.documentElement.dataset.sourcemarkPopup !== undefined, undefined, { timeout: 5000 });
    return JSON.parse(await page.evaluate(() => document.documentElement.dataset.sourcemarkPopup ?? 'null')) as Snapshot | null;
  };
  // A popup left open by an earlier step is not this one: only an instance that was not there
  // before the first request counts (older popups stop publishing once a newer one has, see
  // src/popup/e2e.ts).
  const before = (await read().catch(() => null))?.instance;
  const fresh = (s: Snapshot | null): s is Snapshot => !!s && s.ready && s.at >= openedAt && s.instance !== before;
  let snap: Snapshot | null = null;
  // Up to three requests, 15 s each: a request can be lost while the background restarts, or
  // the tab can fail to come up under load. The newest popup instance is the one used.
  for (let attempt = 1; attempt <= 3 && !fresh(snap); attempt++) {
    if (attempt > 1) console.error(`# the popup did not report in 15 s (attempt ${attempt - 1}); asking again`);
    await ask();
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      snap = await read();
      if (fresh(snap)) break;
      await sleep(200);
    }
  }
  if (!fresh(snap)) throw new Error('the popup never finished loading (asked three times)');
  const instance = snap.instance;
  return {
    items: async () => (await read())?.items ?? [],
    text: async () => (await read())?.text ?? '',
    click: async (selector) => {
      await page.evaluate(({ selector, instance }) => window.postMessage({ type: 'sourcemark:e2e-click-popup', selector, instance }, '*'), { selector, instance });
      await sleep(300);
    },
    close: async () => {},
  };
}

/** Returns the seed text by file prefix ("000"), or null when ../shared/seeds is absent. */
export async function readSeed(prefix: string): Promise<string | null> {
  const dir = path.resolve('..', 'shared', 'seeds');
  if (!existsSync(dir)) return null;
  const { readdir } = await import('node:fs/promises');
  const file = (await readdir(dir)).find((f) => f.startsWith(prefix + '_'));
  return file ? readFile(path.join(dir, file), 'utf8') : null;
}
