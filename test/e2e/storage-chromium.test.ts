/**
 * Storage you can trust, in real Chromium with a persistent profile: the library survives a
 * browser restart, a revisit updates rather than duplicates, and a full store, a corrupt or
 * foreign record, a schema upgrade from the previous version, a library from a newer version and
 * two tabs writing at once each give a clear message in the popup (its storageWarning notice),
 * lose nothing that was stored before, and leave the extension working.
 *
 * How the faults are made, and why:
 * - Full store: Chromium applies no quota to an extension origin, even with the CDP override
 *   `Storage.overrideQuotaForOrigin` and without `unlimitedStorage` (measured: a 5 MB write still
 *   succeeds), so the test makes the service worker's IndexedDB refuse writes the way Chromium
 *   does when full: `IDBObjectStore.put` throws a QuotaExceededError DOMException. The patch is
 *   applied from the test inside the worker (`sw.evaluate`); the product has no hook for it.
 *   The IndexedDB abort path of a quota failure is unit-tested with fake-indexeddb.
 * - Corrupt, foreign, old and newer data is written straight into the extension's IndexedDB from
 *   the worker, then the browser is restarted, as a user's profile would be.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launch, openPopup, serve, visit, type Session, type Site } from './harness.ts';
import { fictionalArticle } from './fictional-articles.ts';

const DB = 'sourcemark';

function worker(s: Session): Worker {
  const sw = s.ctx.serviceWorkers()[0];
  if (!sw) throw new Error('no service worker');
  return sw;
}

/** What the library page shows: article count, titles and its notices. */
async function libraryPage(s: Session): Promise<{ count: number; titles: string[]; text: string }> {
  const id = new URL(worker(s).url()).host;
  const page = await s.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForSelector('[data-library-ready], [data-library-error]', { timeout: 20000 });
    const text = await page.evaluate(() => document.body.innerText);
    const titles = await page.$$eval('[data-library-article] .title', (els) => els.map((e) => e.textContent ?? ''));
    return { count: titles.length, titles, text };
  } finally {
    await page.close();
  }
}

/** Runs raw IndexedDB code inside the extension's service worker (its own origin). */
type RawRecord = Record<string, unknown> & { id: string };
const readAll = (s: Session) => worker(s).evaluate(async (name) => {
  const open = indexedDB.open(name);
  const db = await new Promise<IDBDatabase>((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  try {
    const req = db.transaction('articles').objectStore('articles').getAll();
    const rows = await new Promise<unknown[]>((res, rej) => { req.onsuccess = () => res(req.result as unknown[]); req.onerror = () => rej(req.error); });
    return { version: db.version, indexes: [...db.transaction('articles').objectStore('articles').indexNames], rows: rows as RawRecord[] };
  } finally {
    db.close();
  }
}, DB);

const putRaw = (s: Session, value: unknown) => worker(s).evaluate(async ({ name, value }) => {
  const open = indexedDB.open(name);
  const db = await new Promise<IDBDatabase>((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  const tx = db.transaction('articles', 'readwrite');
  tx.objectStore('articles').put(value);
  await new Promise<void>((res, rej) => { tx.oncomplete = () => res(); tx.onabort = () => rej(tx.error); });
  db.close();
}, { name: DB, value });

/** Replaces the library with a database of the given version holding `rows` (no lastSeen index). */
const rewriteAs = (s: Session, version: number, rows: unknown[]) => worker(s).evaluate(async ({ name, version, rows }) => {
  // The worker's own connection closes itself on versionchange (idb-store.ts `blocking`).
  await new Promise<void>((res, rej) => { const d = indexedDB.deleteDatabase(name); d.onsuccess = () => res(); d.onerror = () => rej(d.error); });
  const open = indexedDB.open(name, version);
  open.onupgradeneeded = () => { open.result.createObjectStore('articles', { keyPath: 'id' }); };
  const db = await new Promise<IDBDatabase>((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  const tx = db.transaction('articles', 'readwrite');
  for (const r of rows) tx.objectStore('articles').put(r);
  await new Promise<void>((res, rej) => { tx.oncomplete = () => res(); tx.onabort = () => rej(tx.error); });
  db.close();
}, { name: DB, version, rows });

const markCount = (p: Page) => p.$$eval('mark[data-sourcemark-kind]', (els) => els.length);

async function popupText(s: Session, page: Page): Promise<string> {
  const popup = await openPopup(s, page);
  const text = await popup.text();
  await popup.close();
  return text;
}

describe('storage in chromium (persistent profile)', { timeout: 600000 }, () => {
  let site: Site;
  let profile: string;
  let s: Session;
  const url = (n: number) => `${site.origin}/news/${n}/bridge-plan`;
  const restart = async () => {
    await s.close();
    s = await launch('chromium', { profile });
  };

  before(async () => {
    site = await serve(new Map());
    for (let n = 0; n < 8; n++) site.pages.set(`/news/${n}/bridge-plan`, fictionalArticle(n, site.origin));
    profile = await mkdtemp(path.join(tmpdir(), 'sourcemark-storage-'));
    s = await launch('chromium', { profile });
  });
  after(async () => {
    await s?.close();
    await site?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('keeps the library across a browser restart, and a revisit updates the record instead of adding one', async () => {
    const page = await visit(s, url(0));
    assert.ok(await markCount(page) > 0, 'no highlights');
    const first = (await readAll(s)).rows;
    assert.equal(first.length, 1);
    await restart();
    const lib = await libraryPage(s);
    assert.equal(lib.count, 1, 'the article is gone after the restart');
    assert.match(lib.titles[0] ?? '', /Harrowgate council approves/);
    await new Promise((r) => setTimeout(r, 20));
    await visit(s, url(0));
    const again = (await readAll(s)).rows;
    assert.equal(again.length, 1, 'the revisit added a second record');
    assert.equal(again[0]!.firstSeen, first[0]!.firstSeen, 'firstSeen changed');
    assert.ok((again[0]!.lastSeen as number) > (first[0]!.lastSeen as number), 'lastSeen not updated');
  });

  it('a full store: the popup says so, nothing stored is lost, highlights still work', async () => {
    const kept = (await readAll(s)).rows;
    await worker(s).evaluate(() => {
      const g = globalThis as unknown as { __realPut?: typeof IDBObjectStore.prototype.put };
      g.__realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    try {
      const page = await visit(s, url(1));
      assert.ok(await markCount(page) > 0, 'no highlights while the store is full');
      const text = await popupText(s, page);
      assert.match(text, /Library storage problem/);
      assert.match(text, /storage is full/i);
      assert.match(text, /already in the library are kept/i);
    } finally {
      await worker(s).evaluate(() => {
        const g = globalThis as unknown as { __realPut?: typeof IDBObjectStore.prototype.put };
        if (g.__realPut) IDBObjectStore.prototype.put = g.__realPut;
      });
    }
    assert.deepEqual((await readAll(s)).rows, kept, 'records changed while the store was full');
    // Space again: the next visit stores the article and the notice goes.
    const page = await visit(s, url(2));
    assert.doesNotMatch(await popupText(s, page), /storage problem/i);
    assert.equal((await readAll(s)).rows.length, 2);
  });

  it('a corrupt or foreign record is skipped with a message; the rest is kept and the extension works', async () => {
    await putRaw(s, { id: 'https://elsewhere.example/junk', url: 42, analysis: 'not an analysis' });
    await putRaw(s, { id: 'https://other-extension.example/x', kind: 'bookmark', created: 1 });
    await restart();
    const page = await visit(s, url(3));
    assert.ok(await markCount(page) > 0, 'no highlights with a corrupt record in the library');
    const text = await popupText(s, page);
    assert.match(text, /2 unreadable article\(s\) in your library were skipped/);
    const lib = await libraryPage(s);
    assert.equal(lib.count, 3, 'readable articles lost');
    assert.match(lib.text, /2 unreadable articles were left out/);
    // Unreadable records are left on disk (nothing is thrown away without the user asking).
    assert.equal((await readAll(s)).rows.length, 5);
  });

  it('two tabs writing at once: every article stored once, no warning', async () => {
    const before = (await readAll(s)).rows.filter((r) => typeof r.url === 'string' && r.url.startsWith(site.origin)).length;
    const pages = await Promise.all([visit(s, url(4)), visit(s, url(5)), visit(s, url(6)), visit(s, url(6))]);
    for (const p of pages) assert.ok(await markCount(p) > 0, 'a tab got no highlights');
    const rows = (await readAll(s)).rows.filter((r) => typeof r.url === 'string' && r.url.startsWith(site.origin));
    assert.equal(rows.length, before + 3);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    for (const p of pages.slice(0, 2)) assert.doesNotMatch(await popupText(s, p), /storage is full|could not be/i);
  });

  it('a library written by the previous schema version is upgraded without losing an article', async () => {
    const rows = (await readAll(s)).rows;
    const readable = rows.filter((r) => typeof r.url === 'string');
    // Version 1: the object store alone, no lastSeen index (idb-store.ts DB_VERSION history).
    await rewriteAs(s, 1, readable);
    await restart();
    const lib = await libraryPage(s);
    assert.equal(lib.count, readable.length, 'articles lost in the upgrade');
    const after = await readAll(s);
    assert.equal(after.version, 2);
    assert.ok(after.indexes.includes('lastSeen'), 'the upgrade did not add the lastSeen index');
    const page = await visit(s, url(7));
    assert.ok(await markCount(page) > 0);
    assert.equal((await readAll(s)).rows.length, readable.length + 1);
  });

  it('a library from a newer version: the popup says it cannot be opened, the data is left as it was', async () => {
    const rows = (await readAll(s)).rows;
    await rewriteAs(s, 99, rows);
    await restart();
    const page = await visit(s, url(0));
    assert.ok(await markCount(page) > 0, 'no highlights when the library cannot be opened');
    assert.match(await popupText(s, page), /could not be opened.*kept only until the browser closes/s);
    const onDisk = await readAll(s);
    assert.equal(onDisk.version, 99);
    assert.equal(onDisk.rows.length, rows.length, 'the newer library was changed');
  });
});
