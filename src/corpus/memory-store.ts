/**
 * In-memory ArticleStore for tests and the CLI. Records are structured-cloned on the way in and
 * out, so a caller mutating what it passed or got back cannot change the stored data.
 */
import type { ArticleRecord } from '../shared/model.js';
import type { ArticleStore } from './store.js';

// The core compiles with lib ES2022 only; structuredClone exists in browsers, workers and Node >= 17.
declare function structuredClone<T>(value: T): T;

export class MemoryStore implements ArticleStore {
  private readonly records = new Map<string, ArticleRecord>();

  constructor(initial: ArticleRecord[] = []) {
    for (const r of initial) this.records.set(r.id, structuredClone(r));
  }

  async get(id: string): Promise<ArticleRecord | undefined> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : undefined;
  }

  async put(record: ArticleRecord): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }

  async clear(): Promise<void> {
    this.records.clear();
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async all(): Promise<{ records: ArticleRecord[]; skipped: number }> {
    return { records: [...this.records.values()].map((r) => structuredClone(r)), skipped: 0 };
  }
}
