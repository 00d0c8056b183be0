// `npm start`: build, serve the demo story from 127.0.0.1, and open it in a browser with Sourcemark.
//   node scripts/start.mjs                    Debian Chromium, fresh profile, visible window
//   node scripts/start.mjs --firefox          Firefox ESR through web-ext run (temporary add-on)
//   node scripts/start.mjs --headless --smoke visit the demo in headless Chromium (playwright-core),
//                                             print the marks and popup statuses, exit 0 when all are there
//   ... --headless --smoke --firefox          the same in headless Firefox ESR (marks only)
//   --no-build                                use the existing dist/ as it is
// Browser flags follow ../shared/notes/extension-testing.md (no first-run, no background traffic).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const firefox = args.has('--firefox');
const smoke = args.has('--smoke');
const headless = args.has('--headless') || smoke;

const BROWSERS = {
  chromium: { exe: '/usr/bin/chromium', install: 'sudo apt-get update && sudo apt-get install -y chromium' },
  firefox: { exe: '/usr/bin/firefox-esr', install: 'sudo apt-get update && sudo apt-get install -y firefox-esr' },
};
const CHROMIUM_FLAGS = ['--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** The demo: index first, then every article so the library knows the whole story. */
const DEMO = {
  index: '/index.html',
  articles: [
    '/harbor-ledger/port-calder-e-coli.html',
    '/coastal-press/port-calder-boil-water.html',
    '/lakeside-herald/port-calder-water-advisory.html',
    '/calder-gazette/boil-water-advisory.html',
  ],
  notArticle: '/calder-gazette/index.html',
};

function requireBrowser(name) {
  const b = BROWSERS[name];
  if (existsSync(b.exe)) return b.exe;
  console.error(`${b.exe} is missing. Install it with:\n\n  ${b.install}\n`);
  process.exit(1);
}

function run(cmd, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(' ')} exited with ${code}`))));
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves demo/ on 127.0.0.1 at a free port; returns the origin and a close function. */
async function serveDemo() {
  const base = path.join(root, 'demo');
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(base, path.normalize(rel));
      if (!file.startsWith(base + path.sep) || !(await stat(file)).isFile()) throw new Error('not found');
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

async function startChromium(site) {
  const exe = requireBrowser('chromium');
  const ext = path.join(root, 'dist/chrome');
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcemark-chromium-'));
  const urls = [site.origin + DEMO.index, ...DEMO.articles.map((p) => site.origin + p)];
  const child = spawn(exe, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`,
    `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...urls], { stdio: 'inherit' });
  console.log(`Chromium (pid ${child.pid}) with Sourcemark from ${ext}, profile ${profile}`);
  console.log('Open "The Calder Gazette" tab and click the Sourcemark button. Close the browser or press Ctrl+C to stop.');
  const stop = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((resolve) => child.on('exit', resolve));
  await rm(profile, { recursive: true, force: true });
}

async function startFirefox(site) {
  const exe = requireBrowser('firefox');
  const { default: webExt } = await import('web-ext');
  const runner = await webExt.cmd.run({
    sourceDir: path.join(root, 'dist/firefox'),
    target: ['firefox-desktop'],
    firefox: exe,
    startUrl: [site.origin + DEMO.index, ...DEMO.articles.map((p) => site.origin + p)],
    noInput: true,
    pref: { 'app.normandy.enabled': false, 'messaging-system.rsexperimentloader.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false, 'browser.shell.checkDefaultBrowser': false },
  }, { shouldExitProgram: false });
  console.log('Firefox ESR with Sourcemark as a temporary add-on. Open "The Calder Gazette" tab and click the Sourcemark button.');
  await new Promise((resolve) => {
    runner.registerCleanup(resolve);
    process.once('SIGINT', () => { void runner.exit(); });
  });
}

const GECKO_ID = 'sourcemark@sourcemark.example';

/** Returns a check(ok, what) that prints one line per check and counts failures. */
function checker() {
  let failures = 0;
  const check = (okay, what) => { if (!okay) failures++; console.log(`${okay ? 'ok  ' : 'FAIL'} ${what}`); };
  const fail = (e) => { failures++; console.error('FAIL', e instanceof Error ? e.message : e); };
  return { check, fail, failures: () => failures };
}

/** Returns the page's Sourcemark marks counted by kind. */
async function marksOn(page) {
  return page.evaluate(() => {
    const by = {};
    for (const m of document.querySelectorAll('mark[data-sourcemark-kind]')) {
      const k = m.getAttribute('data-sourcemark-kind');
      by[k] = (by[k] ?? 0) + 1;
    }
    return by;
  });
}

/** Opens every demo page in the context and checks its marks (none on the front page). */
async function checkMarks(ctx, site, check) {
  for (const p of DEMO.articles) {
    const page = await ctx.newPage();
    await page.goto(site.origin + p);
    const found = await page.waitForSelector('mark[data-sourcemark-kind]', { timeout: 30000 }).then(() => true, () => false);
    await page.waitForTimeout(300);
    const by = await marksOn(page);
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    check(found && total > 0, `${p}: ${total} marks ${JSON.stringify(by)}`);
  }
  const front = await ctx.newPage();
  await front.goto(site.origin + DEMO.notArticle);
  await front.waitForTimeout(2000);
  const frontMarks = Object.values(await marksOn(front)).reduce((a, b) => a + b, 0);
  check(frontMarks === 0, `${DEMO.notArticle}: ${frontMarks} marks (not an article)`);
}

/** Visits the demo in headless Firefox ESR (WebDriver BiDi) and checks the marks; returns the exit code. */
async function smokeFirefox(site) {
  const exe = requireBrowser('firefox');
  const { firefox: ff } = await import('playwright-core');
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcemark-smoke-ff-'));
  // A "proxy file" named after the add-on id, holding the unpacked build's path, sideloads it.
  await mkdir(path.join(profile, 'extensions'), { recursive: true });
  await writeFile(path.join(profile, 'extensions', GECKO_ID), path.join(root, 'dist/firefox'));
  const { check, fail, failures } = checker();
  let ctx;
  try {
    ctx = await ff.launchPersistentContext(profile, {
      channel: 'moz-firefox', executablePath: exe, headless: true,
      firefoxUserPrefs: { 'xpinstall.signatures.required': false },
    });
    await checkMarks(ctx, site, check);
    console.log('(Firefox: marks only; BiDi cannot open moz-extension:// pages in a normal build)');
  } catch (e) {
    fail(e);
  } finally {
    await ctx?.close();
    await rm(profile, { recursive: true, force: true });
  }
  console.log(failures() ? `smoke: ${failures()} check(s) failed` : 'smoke: all checks passed');
  return failures() ? 1 : 0;
}

/** Visits the demo in headless Chromium and checks marks and popup statuses; returns the exit code. */
async function smokeChromium(site) {
  const exe = requireBrowser('chromium');
  const { chromium } = await import('playwright-core');
  const ext = path.join(root, 'dist/chrome');
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcemark-smoke-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: exe, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const { check, fail, failures } = checker();
  try {
    let [sw] = ctx.serviceWorkers();
    sw ??= await ctx.waitForEvent('serviceworker', { timeout: 15000 });
    const extId = new URL(sw.url()).host;
    await checkMarks(ctx, site, check);

    // Without the "tabs" permission tabs.query() can't see URLs: ask each tab's content script
    // what it shows instead. `url` null finds the (only) tab whose page is not an article.
    const tabIdOf = (url) => sw.evaluate(async (u) => {
      for (const t of await chrome.tabs.query({})) {
        const r = await chrome.tabs.sendMessage(t.id, { sourcemark: 1, name: 'page/state', args: {} }).catch(() => null);
        if (!r?.ok) continue;
        if (u === null ? r.value.state === 'not-article' : r.value.article?.url === u) return t.id;
      }
      return null;
    }, url);
    const popupFor = async (url) => {
      const popup = await ctx.newPage();
      popup.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`  popup console: ${m.text()}`); });
      await popup.goto(`chrome-extension://${extId}/popup.html?tab=${await tabIdOf(url)}`);
      return popup;
    };
    const popup = await popupFor(site.origin + DEMO.articles.at(-1));
    await popup.waitForSelector('[data-sourcemark-item]', { timeout: 20000 }).catch(async (e) => {
      console.log(`  popup shows: ${(await popup.textContent('body'))?.trim().slice(0, 300)}`);
      throw e;
    });
    const items = await popup.$$eval('[data-sourcemark-item]', (els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-status') ?? '-'}`));
    const count = (k) => items.filter((i) => i === k).length;
    const summary = {};
    for (const i of items) summary[i] = (summary[i] ?? 0) + 1;
    console.log(`popup for ${DEMO.articles.at(-1)}: ${items.length} items ${JSON.stringify(summary)}`);
    for (const s of ['claim:corroborated', 'claim:contradicted', 'claim:mixed', 'claim:single-source',
      'quote:verbatim', 'quote:variant', 'quote:single-source']) check(count(s) > 0, `popup shows ${s}`);
    check(items.some((i) => i.startsWith('attribution:')), 'popup shows vague attributions');
    check(await popup.$('[data-speaker-mismatch]') !== null, 'popup flags a speaker mismatch');
    const frontPopup = await popupFor(null);
    const says = await frontPopup.waitForSelector('[data-state="not-article"]', { timeout: 10000 }).then(() => true, () => false);
    check(says, 'popup says the front page is not an article');
  } catch (e) {
    fail(e);
  } finally {
    await ctx.close();
    await rm(profile, { recursive: true, force: true });
  }
  console.log(failures() ? `smoke: ${failures()} check(s) failed` : 'smoke: all checks passed');
  return failures() ? 1 : 0;
}

if (!args.has('--no-build')) await run(process.execPath, ['build.mjs', '--no-zip']);
const site = await serveDemo();
console.log(`Demo served at ${site.origin}${DEMO.index}`);
let code = 0;
try {
  if (smoke) {
    code = firefox ? await smokeFirefox(site) : await smokeChromium(site);
  } else if (headless) {
    console.error('--headless is only supported with --smoke (the demo is meant to be looked at).');
    code = 2;
  } else if (firefox) {
    await startFirefox(site);
  } else {
    await startChromium(site);
  }
} finally {
  await site.close();
}
process.exit(code);
