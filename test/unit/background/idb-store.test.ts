import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, IdbStore, STORE, isQuotaError } from '../../../src/background/idb-store.js';
import { StoreError } from '../../../src/corpus/store.js';
import { record } from './records.js';
import { Library } from '../../../src/corpus/library.js';

let n = 0;
const fresh = () => new IdbStore(`test-${++n}-${Date.now()}`);

afterEach(() => vi.restoreAllMocks());

describe('IdbStore', () => {
  it('round-trips a record', async () => {
    const s = fresh();
    const r = record('a', { text: 'Ünïcode “quoted” text' });
    await s.put(r);
    expect(await s.get('a')).toEqual(r);
    expect(await s.count()).toBe(1);
    expect((await s.all()).records).toEqual([r]);
    expect(await s.get('missing')).toBeUndefined();
  });

  it('updates a record instead of duplicating it', async () => {
    const s = fresh();
    await s.put(record('a', { title: 'old' }));
    await s.put(record('a', { title: 'new', lastSeen: 5 }));
    expect(await s.count()).toBe(1);
    expect((await s.get('a'))?.title).toBe('new');
  });

  it('deletes and clears', async () => {
    const s = fresh();
    await s.put(record('a'));
    await s.put(record('b'));
    await s.delete('a');
    expect((await s.all()).records.map((r) => r.id)).toEqual(['b']);
    await s.clear();
    expect(await s.count()).toBe(0);
  });

  it('skips and counts a corrupt or foreign record instead of crashing', async () => {
    const s = fresh();
    await s.put(record('good'));
    await s.close();
    const db = await openDB(s.name, DB_VERSION);
    await db.put(STORE, { id: 'bad', url: 42, analysis: 'nope' });
    await db.put(STORE, { ...record('half'), analysis: { version: 1 } });
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { records, skipped } = await s.all();
    expect(records.map((r) => r.id)).toEqual(['good']);
    expect(skipped).toBe(2);
    expect(s.skipped).toBe(2);
    expect(await s.get('bad')).toBeUndefined();
    expect(warn).toHaveBeenCalled(); // not swallowed silently
  });

  it('refuses to store an invalid record', async () => {
    const s = fresh();
    await expect(s.put({ id: 'x' } as never)).rejects.toBeInstanceOf(StoreError);
  });

  it('turns a quota failure into storage-full and keeps the old record', async () => {
    const s = fresh();
    await s.put(record('a', { title: 'kept' }));
    // fake-indexeddb has no quota: make the next put fail the way Chrome does.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await s.put(record('a', { title: 'lost' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('storage-full');
    expect((err as StoreError).message).toMatch(/storage is full/i);
    expect((await s.get('a'))?.title).toBe('kept');
  });

  it('turns a quota abort of the transaction into storage-full', async () => {
    const s = fresh();
    await s.put(record('a', { title: 'kept' }));
    // The other way quota shows up: the request succeeds, then the transaction aborts.
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const req = realPut.apply(this, args);
      const tx = this.transaction;
      req.addEventListener('success', () => {
        Object.defineProperty(tx, 'error', { value: new DOMException('Quota exceeded', 'QuotaExceededError') });
        tx.abort();
      });
      return req;
    });
    const err = await s.put(record('a', { title: 'lost' })).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage-full');
    expect((await s.get('a'))?.title).toBe('kept');
  });

  it('other failures are StoreError("storage"), not swallowed', async () => {
    const s = fresh();
    await s.put(record('a'));
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementationOnce(() => {
      throw new DOMException('disk on fire', 'UnknownError');
    });
    const err = await s.all().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('storage');
    expect((err as StoreError).message).toMatch(/disk on fire/);
    // and the store still works afterwards
    expect((await s.all()).records).toHaveLength(1);
  });

  it('upgrades a version-1 database without losing its records', async () => {
    const name = `v1-${Date.now()}`;
    const v1 = await openDB(name, 1, { upgrade: (db) => { db.createObjectStore(STORE, { keyPath: 'id' }); } });
    await v1.put(STORE, record('old', { lastSeen: 7 }));
    v1.close();
    const s = new IdbStore(name);
    expect((await s.get('old'))?.lastSeen).toBe(7);
    await s.put(record('new'));
    await s.close();
    const db = await openDB(name, DB_VERSION);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction(STORE).store.indexNames]).toContain('lastSeen');
    expect(await db.countFromIndex(STORE, 'lastSeen')).toBe(2);
    db.close();
  });

  it('reports a newer on-disk schema as a storage error instead of crashing', async () => {
    const name = `future-${Date.now()}`;
    const future = await openDB(name, DB_VERSION + 1, { upgrade: (db) => { db.createObjectStore(STORE, { keyPath: 'id' }); } });
    future.close();
    const err = await new IdbStore(name).count().catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage');
  });

  it('recognises quota errors by name and message', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('two writers at once (two tabs, two connections): every record lands once', async () => {
    const name = `concurrent-${Date.now()}`;
    const a = new IdbStore(name);
    const b = new IdbStore(name);
    await Promise.all([
      a.put(record('x', { title: 'from a' })), b.put(record('y')), a.put(record('z')),
      b.put(record('x', { title: 'from b', lastSeen: 2 })),
    ]);
    const { records } = await a.all();
    expect(records.map((r) => r.id).sort()).toEqual(['x', 'y', 'z']);
    expect(['from a', 'from b']).toContain(records.find((r) => r.id === 'x')?.title);
    await a.close();
    await b.close();
  });

  it('a write that fails beside others leaves the others and the old record in place', async () => {
    const s = fresh();
    await s.put(record('old', { title: 'kept' }));
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if ((args[0] as { id?: string }).id === 'old') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const results = await Promise.allSettled([s.put(record('old', { title: 'lost' })), s.put(record('n1')), s.put(record('n2'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(((results[0] as PromiseRejectedResult).reason as StoreError).code).toBe('storage-full');
    vi.restoreAllMocks();
    expect((await s.get('old'))?.title).toBe('kept');
    expect(await s.count()).toBe(3);
  });

  it('the library over IndexedDB: concurrent revisits of one article keep one entry, and it reopens intact', async () => {
    const name = `library-${Date.now()}`;
    const lib = await Library.open(new IdbStore(name));
    await Promise.all([lib.upsert(record('a', { lastSeen: 2 })), lib.upsert(record('a', { lastSeen: 3 })), lib.upsert(record('b'))]);
    expect(lib.size).toBe(2);
    const reopened = await Library.open(new IdbStore(name));
    expect(reopened.size).toBe(2);
  });

  it('a quota failure in the library leaves its index as it was', async () => {
    const lib = await Library.open(new IdbStore(`library-full-${Date.now()}`));
    await lib.upsert(record('a'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(lib.upsert(record('b'))).rejects.toMatchObject({ code: 'storage-full' });
    expect(lib.size).toBe(1);
  });
});
