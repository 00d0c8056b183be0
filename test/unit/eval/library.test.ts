import { describe, expect, it } from 'vitest';
import { evalLibrary, syntheticRecords } from '../../../src/cli/eval/library.js';

describe('library eval', () => {
  it('returns null when the data is absent', async () => {
    expect(await evalLibrary('/nonexistent')).toBeNull();
  });
  it('builds deterministic synthetic records', () => {
    const pool = ['The council voted on 12 May to close the library.', 'Police said the road will reopen on Friday morning.', 'The company reported a profit of 30 million dollars.'];
    const a = syntheticRecords(pool, ['Title one', 'Title two'], 5);
    const b = syntheticRecords(pool, ['Title one', 'Title two'], 5);
    expect(a).toEqual(b);
    expect(a.every((r) => r.analysis.claims.length > 0)).toBe(true);
  });
});

describe('library eval on a tiny folder', () => {
  it('measures the in-memory and the IndexedDB library and reports growth', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'sm-lib-eval-'));
    mkdirSync(path.join(dir, 'fnc-1'));
    mkdirSync(path.join(dir, 'emergent'));
    // Sentences written for this test.
    const bodies = ['The council voted on 12 May to close the old library on the river road.', 'Police said the road will reopen on Friday morning after the repairs.',
      'The company reported a profit of 30 million dollars in the third quarter.', 'The mayor said the new bridge would cost about 12 million dollars.'];
    writeFileSync(path.join(dir, 'fnc-1', 'competition_test_bodies.csv'), 'Body ID,articleBody\n' + bodies.map((b, i) => `${i},"${b} ${bodies[(i + 1) % 4]}"`).join('\n') + '\n');
    writeFileSync(path.join(dir, 'emergent', 'url-versions-2015-06-14-clean.csv'), 'claimHeadline,articleHeadline\nx,Library to close\ny,Road reopens Friday\n');
    const r = (await evalLibrary(dir, [20, 60]))!;
    expect(r).not.toBeNull();
    for (const k of ['match_ms_p50_10k', 'match_ms_p50_100k', 'growth_p50_100k_over_10k', 'idb_fill_ms_10k', 'idb_open_ms_10k', 'idb_match_ms_p50_10k', 'idb_match_ms_p95_10k'] as const) {
      expect(typeof r[k]).toBe('number');
      expect(r[k]!).toBeGreaterThanOrEqual(0);
    }
  });
});
