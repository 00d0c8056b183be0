/**
 * The storage interface of the library of known articles. The background uses the IndexedDB
 * implementation (src/background/idb-store.ts); tests and the CLI use memory-store.ts.
 * A store never loses what it had: a failed write leaves the previous records in place.
 */
import type { ArticleRecord } from '../shared/model.js';

export type StoreErrorCode = 'storage-full' | 'storage-corrupt' | 'storage';

/** Thrown by stores; `code` tells the popup what to say. */
export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface ArticleStore {
  /** Returns the record, or undefined when there is none (or it is unreadable). */
  get(id: string): Promise<ArticleRecord | undefined>;
  /** Inserts or replaces the record with this id. Throws StoreError; the old record stays on failure. */
  put(record: ArticleRecord): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
  count(): Promise<number>;
  /** Returns every readable record; `skipped` counts records that failed validation. */
  all(): Promise<{ records: ArticleRecord[]; skipped: number }>;
}
