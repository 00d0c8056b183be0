/**
 * Library scale eval: synthetic libraries of 10k and 100k articles built from the FNC-1 bodies'
 * sentences and Emergent headlines with deterministic variation (sentence sampling, numbers
 * shifted, words dropped, outlets rotated), then the time to corroborate one article (every
 * sentence a claim) and the heap the index takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYSIS_VERSION, type ArticleRecord } from '../../shared/model.js';
import { Library } from '../../corpus/library.js';
import type { ArticleStore } from '../../corpus/store.js';
import { splitSentences } from '../../corpus/sentences.js';
import { parseCsv } from './stance.js';

export interface LibraryEval {
  match_ms_p50_10k: number;
  match_ms_p95_10k: number;
  match_ms_p50_100k: number;
  match_ms_p95_100k: number;
  index_mb_100k: number;
  /** The 100k library's p50 over the 10k one's: far below 10 when matching grows sublinearly. */
  growth_p50_100k_over_10k: number;
  /** Indexing the 10k records already in memory: the baseline for idb_open_ms_10k. */
  index_ms_10k: number;
  /** The 10k library through the product's IndexedDB store (fake-indexeddb in Node): */
  idb_fill_ms_10k: number | null;
  /** the time to open the library from it (read every record, validate, index), */
  idb_open_ms_10k: number | null;
  /** of which the time until pages can be answered (records read; the index fills behind), */
  idb_ready_ms_10k: number | null;
  /** and matching with the library so opened. */
  idb_match_ms_p50_10k: number | null;
  idb_match_ms_p95_10k: number | null;
}

/** A store that holds nothing: the eval indexes records directly and only measures the index. */
class NullStore implements ArticleStore {
  async get() { return undefined; }
  async put() {}
  async delete() {}
  async clear() {}
  async count() { return 0; }
  async all() { return { records: [], skipped: 0 }; }
}

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** Returns synthetic article records (deterministic for a given pool and count). */
export function syntheticRecords(pool: string[], titles: string[], n: number, seed = 7): ArticleRecord[] {
  const r = rng(seed);
  const out: ArticleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const k = 5 + Math.floor(r() * 6);
    const start = Math.floor(r() * pool.length);
    const sents: string[] = [];
    for (let j = 0; j < k; j++) {
      let s = pool[(start + j * (1 + Math.floor(r() * 3))) % pool.length]!;
      s = s.replace(/\d+/g, (d) => String(Number(d) + Math.floor(r() * 3)));
      if (r() < 0.3) s = s.split(' ').filter(() => r() > 0.1).join(' ');
      sents.push(s);
    }
    const title = titles[Math.floor(r() * titles.length)] ?? '';
    const text = title + '\n\n' + sents.join(' ');
    const claims = splitSentences(text).map((sp, c) => ({ id: `c${c}`, start: sp.start, end: sp.end, score: 1, reasons: [] }));
    out.push({
      id: `syn:${i}`, url: `https://outlet${i % 500}.example/${i}`, canonicalUrl: null, outlet: `Outlet ${i % 500}`, title, byline: null,
      publishedTime: null, text, wire: null, firstSeen: i, lastSeen: i,
      analysis: { version: ANALYSIS_VERSION, textLength: text.length, sentences: claims.map((c) => ({ start: c.start, end: c.end, checkworthiness: 1 })), claims, quotes: [], attributions: [] },
    });
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

function matchTimes(lib: Library, records: ArticleRecord[], queries: number): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const q = records[(i * 7919) % records.length]!;
    const t0 = performance.now();
    lib.corroborate(q);
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

/**
 * Fills the product's IndexedDB store with the records (one put each, as the background writes
 * them), then opens the library from it and matches the same queries. Runs on fake-indexeddb,
 * a dev dependency, loaded only here; null when it cannot be loaded.
 */
async function measureIdb(records: ArticleRecord[], queries: number) {
  try {
    // a variable specifier: the package's typings do not resolve under its "exports"
    const fakeIndexedDb = 'fake-indexeddb/auto';
    await import(fakeIndexedDb);
  } catch {
    return null;
  }
  const { IdbStore } = await import('../../background/idb-store.js');
  const { TASK_SLICER } = await import('../../background/task-slicer.js');
  const store = new IdbStore(`sourcemark-eval-${records.length}-${Date.now()}`);
  let t0 = performance.now();
  for (const r of records) await store.put(r);
  const fill = performance.now() - t0;
  t0 = performance.now();
  // As the background opens it: answers can start once the records are read (`ready`), the
  // index fills in slices behind them (`open`: until the last one is indexed).
  const lib = await Library.openInSlices(store, TASK_SLICER);
  const ready = performance.now() - t0;
  await lib.indexed;
  const open = performance.now() - t0;
  if (lib.size !== records.length) throw new Error(`IndexedDB library holds ${lib.size} of ${records.length} articles`);
  const m = matchTimes(lib, records, queries);
  await store.clear();
  await store.close();
  return { fill, ready, open, ...m };
}

async function measure(records: ArticleRecord[], queries: number): Promise<{ p50: number; p95: number; mb: number; indexMs: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const lib = await Library.open(new NullStore());
  const t0 = performance.now();
  for (const rec of records) lib.index(rec);
  const indexMs = performance.now() - t0;
  gc?.();
  const mb = (process.memoryUsage().heapUsed - before) / 1e6;
  return { ...matchTimes(lib, records, queries), mb, indexMs };
}

/** Returns match latency at 10k and 100k articles and the 100k index size, or null when the data is absent. */
export async function evalLibrary(dataDir: string, sizes: [number, number] = [10_000, 100_000]): Promise<LibraryEval | null> {
  const bodiesFile = path.join(dataDir, 'fnc-1', 'competition_test_bodies.csv');
  const emergent = path.join(dataDir, 'emergent', 'url-versions-2015-06-14-clean.csv');
  if (!existsSync(bodiesFile) || !existsSync(emergent)) return null;
  const pool: string[] = [];
  for (const f of ['competition_test_bodies.csv', 'train_bodies.csv']) {
    const p = path.join(dataDir, 'fnc-1', f);
    if (!existsSync(p)) continue;
    const [, ...rows] = parseCsv(readFileSync(p, 'utf8'));
    for (const r of rows) for (const sp of splitSentences(r[1]!)) {
      const s = r[1]!.slice(sp.start, sp.end);
      if (s.length > 40 && s.length < 400) pool.push(s);
    }
  }
  const [eh, ...erows] = parseCsv(readFileSync(emergent, 'utf8'));
  const titles = erows.map((r) => r[eh!.indexOf('articleHeadline')]!);
  const smallRecords = syntheticRecords(pool, titles, sizes[0]);
  const small = await measure(smallRecords, 50);
  const big = await measure(syntheticRecords(pool, titles, sizes[1]), 50);
  const idb = await measureIdb(smallRecords, 50);
  return {
    match_ms_p50_10k: small.p50, match_ms_p95_10k: small.p95, match_ms_p50_100k: big.p50, match_ms_p95_100k: big.p95, index_mb_100k: big.mb,
    growth_p50_100k_over_10k: small.p50 > 0 ? big.p50 / small.p50 : 0, index_ms_10k: small.indexMs,
    idb_fill_ms_10k: idb?.fill ?? null, idb_open_ms_10k: idb?.open ?? null, idb_ready_ms_10k: idb?.ready ?? null,
    idb_match_ms_p50_10k: idb?.p50 ?? null, idb_match_ms_p95_10k: idb?.p95 ?? null,
  };
}
