/**
 * Privacy and security, in a real browser with the built extension:
 * - zero network requests from the extension: a user session (read two articles, open the popup,
 *   reveal an item, switch highlights off and on, open the library page) makes no request that
 *   leaves the machine. Two recorders: Chromium's request events of pages AND of the extension's
 *   service worker (playwright-core 1.64 puts the CDP Network domain on the worker target; a
 *   control test proves a worker fetch is seen), and, in both browsers, the recording proxy every
 *   connection goes to (harness.ts). The proxy also sees the browser's own traffic (Chromium's
 *   component updater and sign-in check, Firefox's Remote Settings), so it is compared with the
 *   same session run without the extension: a host only the extension's session asked for fails;
 * - the built manifests: least privilege and a strict content security policy for the
 *   extension's pages, and the browser enforcing it there (Chromium: fetch and eval refused);
 * - page text is never inserted as HTML: an article quoting HTML-like text shows it as text in the
 *   popup, and nothing in the page runs it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extensionDir, launch, openPopup, serve, visit, type BrowserName, type Session, type Site } from './harness.ts';
import { fictionalArticle } from './fictional-articles.ts';

const hostOf = (line: string) => {
  const target = line.split(' ')[1] ?? '';
  try {
    return target.includes('://') ? new URL(target).host : target;
  } catch {
    return target;
  }
};

// An article that quotes markup: it must reach the popup as text, never as elements.
const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
function hostileArticle(origin: string): string {
  const esc = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return fictionalArticle(4, origin).replace('</article>',
    `<p>"Type ${esc} into the form and see what happens," said Lena Ortiz, a security researcher, on Tuesday.</p></article>`);
}

/** The same user session in any browser; returns the pages it opened. */
async function userSession(s: Session, site: Site): Promise<Page[]> {
  const a = await visit(s, `${site.origin}/news/1/bridge-plan`);
  const b = await visit(s, `${site.origin}/news/2/bridge-plan`);
  const popup = await openPopup(s, b);
  await popup.click('[data-sourcemark-item] .item-main');
  await popup.click('[data-sourcemark-toggle]');
  await popup.click('[data-sourcemark-toggle]');
  await popup.close();
  // The library page (Chromium opens it directly; Firefox through the test build's e2e/open).
  if (s.browser === 'chromium') {
    const id = new URL(s.ctx.serviceWorkers()[0]!.url()).host;
    const lib = await s.ctx.newPage();
    await lib.goto(`chrome-extension://${id}/options.html`);
    await lib.waitForSelector('[data-library-ready]', { timeout: 20000 });
    await lib.close();
  } else {
    const opened = s.ctx.waitForEvent('page', { timeout: 15000 });
    await a.evaluate(() => window.postMessage({ type: 'sourcemark:e2e-open', path: 'options.html' }, '*'));
    await opened;
  }
  // Let anything scheduled (timers, a worker waking up) happen while the recorders listen.
  await new Promise((r) => setTimeout(r, 3000));
  return [a, b];
}

export function privacyChecks(browser: BrowserName): void {
  describe(`privacy and security in ${browser}`, { timeout: 300000 }, () => {
    let site: Site;
    let withExt: Session;
    let plain: Session;

    before(async () => {
      site = await serve(new Map());
      for (let n = 0; n < 3; n++) site.pages.set(`/news/${n}/bridge-plan`, fictionalArticle(n, site.origin));
      site.pages.set('/news/4/bridge-plan', hostileArticle(site.origin));
      withExt = await launch(browser);
      plain = await launch(browser, { extension: false });
    });
    after(async () => {
      await withExt?.close();
      await plain?.close();
      await site?.close();
    });

    if (browser === 'chromium') {
      it('the service worker cannot reach the network, and would be caught if it could', async () => {
        const ping = () => fetch('https://sourcemark-control.example/ping').then(() => 'answered', (e: unknown) => `failed: ${String(e)}`);
        // The real build: the worker's CSP (connect-src 'none') refuses the fetch before any request exists.
        const real = await launch('chromium');
        try {
          assert.match(await real.ctx.serviceWorkers()[0]!.evaluate(ping), /^failed/);
          assert.deepEqual(real.outbound, []);
        } finally {
          await real.close();
        }
        // Control: a copy of the build without its CSP. Now the worker's request exists, and the
        // recorder sees it (the CDP Network domain on the worker target) and blocks it.
        const dir = await mkdtemp(path.join(tmpdir(), 'sourcemark-nocsp-'));
        await cp(extensionDir('chromium'), dir, { recursive: true });
        const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
        delete manifest.content_security_policy;
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
        const control = await launch('chromium', { extensionDir: dir });
        try {
          assert.match(await control.ctx.serviceWorkers()[0]!.evaluate(ping), /^failed/, 'the request left the machine');
          assert.deepEqual(control.outbound, ['https://sourcemark-control.example/ping']);
        } finally {
          await control.close();
          await rm(dir, { recursive: true, force: true });
        }
      });
    }

    it('a user session makes no request that leaves the machine', async () => {
      const before = new Set(withExt.proxy.seen.map(hostOf));
      await userSession(withExt, site);
      // The same steps without the extension, for the browser's own traffic.
      const p = await plain.ctx.newPage();
      for (const n of [1, 2]) await p.goto(`${site.origin}/news/${n}/bridge-plan`);
      await new Promise((r) => setTimeout(r, 3000));
      const browserOwn = new Set([...plain.proxy.seen.map(hostOf), ...before]);
      const extensionOnly = [...new Set(withExt.proxy.seen.map(hostOf))].filter((h) => !browserOwn.has(h));
      console.log(`${browser}: proxy saw ${withExt.proxy.seen.length} connection(s) with the extension `
        + `(${[...new Set(withExt.proxy.seen.map(hostOf))].join(', ') || 'none'}), ${plain.proxy.seen.length} without `
        + `(${[...new Set(plain.proxy.seen.map(hostOf))].join(', ') || 'none'}); request events: ${withExt.outbound.length}`);
      assert.deepEqual(withExt.outbound, [], 'pages or the service worker asked for the network');
      assert.deepEqual(extensionOnly, [], 'hosts only the extension\'s session asked for');
    });

    it('the built manifest asks for the least it needs and has a strict CSP', () => {
      const m = JSON.parse(readFileSync(path.join(extensionDir(browser), 'manifest.json'), 'utf8')) as Record<string, unknown>;
      // storage: tab state and settings; unlimitedStorage: the library; contextMenus: "look up in my library".
      // A new permission must be added here on purpose (and to the README's permissions table).
      assert.deepEqual(m.permissions, ['storage', 'unlimitedStorage', 'contextMenus']);
      for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable', 'web_accessible_resources', 'key', 'update_url']) {
        assert.equal(m[key], undefined, `${key} in the manifest`);
      }
      const scripts = m.content_scripts as { matches: string[]; all_frames?: boolean }[];
      assert.deepEqual(scripts.map((c) => c.matches), [['http://*/*', 'https://*/*']]);
      const csp = (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
      assert.deepEqual(directives.get('default-src'), ["'self'"]);
      assert.deepEqual(directives.get('script-src'), ["'self'"]);
      assert.deepEqual(directives.get('connect-src'), ["'none'"]);
      assert.deepEqual(directives.get('object-src'), ["'none'"]);
      assert.deepEqual(directives.get('base-uri'), ["'none'"]);
      assert.deepEqual(directives.get('form-action'), ["'none'"]);
      assert.doesNotMatch(csp, /unsafe-(eval|inline)|wasm-unsafe|\*|https?:|data:.*script/);
      if (browser === 'firefox') {
        const gecko = (m.browser_specific_settings as { gecko: { data_collection_permissions: { required: string[] } } }).gecko;
        assert.deepEqual(gecko.data_collection_permissions.required, ['none']);
      }
    });

    if (browser === 'chromium') {
      it('the browser enforces the CSP in the extension\'s pages: no fetch, no inline script, no remote image', async () => {
        const id = new URL(withExt.ctx.serviceWorkers()[0]!.url()).host;
        const page = await withExt.ctx.newPage();
        try {
          await page.goto(`chrome-extension://${id}/options.html`);
          const r = await page.evaluate(async (origin) => {
            const violations: string[] = [];
            document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
            const fetched = await fetch(`${origin}/news/1/bridge-plan`).then(() => 'fetched', () => 'refused');
            // An inline script: what an injected string would become if it ever reached the DOM as HTML.
            const s = document.createElement('script');
            s.textContent = 'window.__sourcemarkInline = true';
            document.head.append(s);
            const img = new Image();
            img.src = `${origin}/pixel.gif`;
            await new Promise((res) => setTimeout(res, 300));
            return { fetched, inline: (window as { __sourcemarkInline?: boolean }).__sourcemarkInline === true, violations };
          }, site.origin);
          assert.deepEqual({ fetched: r.fetched, inline: r.inline }, { fetched: 'refused', inline: false });
          for (const d of ['connect-src', 'script-src-elem', 'img-src']) assert.ok(r.violations.includes(d), `no ${d} violation: ${r.violations.join(', ')}`);
        } finally {
          await page.close();
        }
      });
    }

    it('page text quoting HTML stays text: in the popup and in the page', async () => {
      const page = await visit(withExt, `${site.origin}/news/4/bridge-plan`);
      const popup = await openPopup(withExt, page);
      const items = await popup.items();
      const quoted = items.filter((i) => i.text.includes('<img src=x onerror='));
      assert.ok(quoted.length > 0, `the quote with markup is not in the popup as text: ${JSON.stringify(items.map((i) => i.text.slice(0, 60)))}`);
      assert.equal(await page.title(), await page.evaluate(() => document.title));
      assert.doesNotMatch(await page.title(), /pwned/);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length), 0, 'the page grew the quoted <img>');
      if (browser === 'chromium') {
        const popupPage = withExt.ctx.pages().find((p) => p.url().includes('popup.html'))!;
        assert.equal(await popupPage.evaluate(() => document.querySelectorAll('[data-sourcemark-item] img, [data-sourcemark-item] script').length), 0);
        assert.doesNotMatch(await popupPage.title(), /pwned/);
      }
      await popup.close();
    });
  });
}
