/**
 * The library's IndexedDB store (database 'sourcemark', object store 'articles' keyed by id).
 * It never loses what it had: IndexedDB transactions are atomic, so a failed put (quota) leaves
 * the previous record in place, and the failure is thrown as a StoreError, never swallowed.
 * Records that fail shape validation (corrupt, or written by a foreign/older build) are skipped
 * and counted, so one bad record cannot take the whole library down.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { StoreError, type ArticleStore } from '../corpus/store.js';
import type { ArticleRecord } from '../shared/model.js';
import { isArticleRecord } from './validate.js';

export const DB_NAME = 'sourcemark';
export const STORE = 'articles';
/**
 * Schema versions. Upgrades run in order from the version found on disk, never dropping data:
 *   1: object store 'articles', keyPath 'id'
 *   2: index 'lastSeen' (oldest-first eviction and "recently read" listings)
 */
export const DB_VERSION = 2;

interface Schema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { lastSeen: number } };
}

/** Returns true when an error (DOMException or a transaction's abort reason) means "disk quota". */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  // Chrome and the spec: QuotaExceededError. Firefox before 2023: NS_ERROR_DOM_QUOTA_REACHED.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
    || (typeof message === 'string' && /quota/i.test(message));
}

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Returns the StoreError a raw IndexedDB failure stands for. */
export function toStoreError(e: unknown, doing: string): StoreError {
  if (e instanceof StoreError) return e;
  if (isQuotaError(e)) {
    return new StoreError('storage-full',
      `Browser storage is full, so this article was not saved to your library (${doing}). `
      + 'Articles already in the library are kept. Free some disk space or remove old articles.');
  }
  return new StoreError('storage', `The article library could not be ${doing}: ${describe(e)}`);
}

export class IdbStore implements ArticleStore {
  /** Records the last all() or get() found unreadable; reset by each all(). */
  skipped = 0;
  private db: Promise<IDBPDatabase<Schema>> | null = null;

  /** `name` lets tests use one database each. */
  constructor(readonly name = DB_NAME) {}

  /** Returns the open database, opening (and upgrading) it on first use or after a close. */
  private open(): Promise<IDBPDatabase<Schema>> {
    if (this.db) return this.db;
    const opening = openDB<Schema>(this.name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' });
        if (oldVersion < 2) {
          const store = tx.objectStore(STORE);
          if (!store.indexNames.contains('lastSeen')) store.createIndex('lastSeen', 'lastSeen');
        }
      },
      // Another context (a newer worker after an update) wants to upgrade: let it, reopen later.
      blocking: () => { void this.close(); },
      terminated: () => { this.db = null; },
    });
    this.db = opening;
    opening.catch(() => { this.db = null; }); // the next call retries; this caller sees the error
    return opening;
  }

  private async run<T>(doing: string, fn: (db: IDBPDatabase<Schema>) => Promise<T>): Promise<T> {
    let db: IDBPDatabase<Schema>;
    try {
      db = await this.open();
    } catch (e) {
      throw toStoreError(e, 'opened');
    }
    try {
      return await fn(db);
    } catch (e) {
      throw toStoreError(e, doing);
    }
  }

  /** Closes the connection; the next call reopens it. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db.catch(() => null))?.close();
  }

  async get(id: string): Promise<ArticleRecord | undefined> {
    const raw: unknown = await this.run('read', (db) => db.get(STORE, id));
    if (raw === undefined) return undefined;
    if (isArticleRecord(raw)) return raw;
    this.skipped++;
    console.warn(`Sourcemark: library record ${JSON.stringify(id)} is unreadable and was skipped`);
    return undefined;
  }

  async put(record: ArticleRecord): Promise<void> {
    if (!isArticleRecord(record)) throw new StoreError('storage', 'Refused to store an incomplete article record.');
    await this.run('saved', async (db) => {
      const tx = db.transaction(STORE, 'readwrite');
      // A quota failure may surface on the request or only as the transaction's abort: await both.
      await Promise.all([tx.store.put(record), tx.done]);
    });
  }

  async delete(id: string): Promise<void> {
    await this.run('updated', async (db) => {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([tx.store.delete(id), tx.done]);
    });
  }

  async clear(): Promise<void> {
    await this.run('cleared', (db) => db.clear(STORE));
  }

  async count(): Promise<number> {
    return this.run('read', (db) => db.count(STORE));
  }

  async all(): Promise<{ records: ArticleRecord[]; skipped: number }> {
    const raw: unknown[] = await this.run('read', (db) => db.getAll(STORE));
    const records: ArticleRecord[] = [];
    let skipped = 0;
    for (const r of raw) {
      if (isArticleRecord(r)) records.push(r);
      else skipped++;
    }
    this.skipped = skipped;
    if (skipped) console.warn(`Sourcemark: ${skipped} unreadable library record(s) skipped`);
    return { records, skipped };
  }
}
