// Opening a large library in slices (Library.openInSlices): answers meanwhile say they are
// partial, and what is stored or removed during the indexing wins over the copies read at open.
import { describe, expect, it } from 'vitest';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { recordOf } from './helpers.js';

const story = (i: number, pct: number) =>
  `Council vote ${i}\n\nThe city council voted on Monday to close the Elm Street library by March 2025, citing a budget gap of ${pct} percent.`;

function records(n: number) {
  return Array.from({ length: n }, (_, i) => ({ ...recordOf(story(i, 30), `https://o${i}.example/1`, `Outlet ${i}`), firstSeen: i + 1 }));
}

/** One record per slice. */
const EACH_RECORD = { sliceMs: 0, now: () => performance.now(), pause: () => new Promise<void>((r) => setTimeout(r, 0)) };

describe('Library.openInSlices', () => {
  it('returns before indexing ends; corroborate meanwhile is partial and says how many are left', async () => {
    const stored = records(40);
    const lib = await Library.openInSlices(new MemoryStore(stored), EACH_RECORD);
    expect(lib.pendingCount).toBeGreaterThan(0);
    const query = recordOf(story(99, 30), 'https://q.example/1', 'Q');
    const partial = lib.corroborate(query);
    expect(partial.libraryPending).toBe(lib.pendingCount);
    expect(partial.librarySize + partial.libraryPending!).toBe(40);
    await lib.indexed;
    expect(lib.pendingCount).toBe(0);
    const full = lib.corroborate(query);
    expect(full.libraryPending).toBeUndefined();
    expect(full.librarySize).toBe(40);
  });

  it('a record stored anew or removed while indexing is not overwritten by the copy read at open', async () => {
    const QUERY = 'Ferry news\n\nThe harbour authority said on Tuesday that the Pier Nine ferry terminal will reopen in June after repairs costing 4 million dollars.';
    const ECHO = 'Terminal to reopen\n\nThe Pier Nine ferry terminal will reopen in June, the harbour authority said Tuesday, after repairs that cost 4 million dollars.';
    const OTHER = 'Bakery prize\n\nA bakery on the east side won a regional prize for its rye loaves, the judges announced at the weekend fair.';
    const stored = records(30);
    const last = stored[29]!;
    const gone = { ...recordOf(ECHO, 'https://gone.example/1', 'Gone'), firstSeen: 100 };
    const store = new MemoryStore([...stored, gone]);
    const lib = await Library.openInSlices(store, EACH_RECORD);
    expect(lib.pendingCount).toBeGreaterThan(2); // `last` and `gone` are still pending
    await lib.upsert({ ...recordOf(ECHO, last.url, last.outlet), id: last.id, firstSeen: last.firstSeen });
    await lib.remove(gone.id);
    await lib.indexed;
    expect(lib.size).toBe(30);
    const evidence = lib.corroborate(recordOf(QUERY, 'https://q.example/1', 'Q')).claims.flatMap((c) => c.evidence);
    expect(evidence.some((e) => e.articleId === last.id)).toBe(true);
    expect(evidence.some((e) => e.articleId === gone.id)).toBe(false);
    // Control: the same query finds nothing in a library that only has unrelated text.
    const control = await Library.open(new MemoryStore([recordOf(OTHER, 'https://x.example/1', 'X')]));
    expect(control.corroborate(recordOf(QUERY, 'https://q.example/1', 'Q')).claims.flatMap((c) => c.evidence)).toEqual([]);
  });

  it('open() still indexes everything before it returns', async () => {
    const lib = await Library.open(new MemoryStore(records(5)));
    expect(lib.pendingCount).toBe(0);
    expect(lib.size).toBe(5);
  });
});
