import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { recordOf } from './helpers.js';

describe('MemoryStore', () => {
  it('copies records in and out so callers cannot mutate stored data', async () => {
    const s = new MemoryStore();
    const r = recordOf('A headline long enough here\n\nThe council voted to close the library on Monday.', 'https://x.example/1', 'X');
    await s.put(r);
    r.title = 'changed';
    const got = (await s.get(r.id))!;
    expect(got.title).not.toBe('changed');
    got.analysis.claims.length = 0;
    expect((await s.get(r.id))!.analysis.claims.length).toBeGreaterThan(0);
    const all = await s.all();
    all.records[0]!.outlet = 'Y';
    expect((await s.get(r.id))!.outlet).toBe('X');
  });

  it('put replaces by id; delete, count, clear', async () => {
    const s = new MemoryStore();
    const r = recordOf('Some headline for the article\n\nText of the article is here today.', 'https://x.example/1', 'X');
    await s.put(r);
    await s.put({ ...r, lastSeen: 9 });
    expect(await s.count()).toBe(1);
    expect((await s.get(r.id))!.lastSeen).toBe(9);
    await s.delete(r.id);
    expect(await s.get(r.id)).toBeUndefined();
    await s.put(r);
    await s.clear();
    expect((await s.all()).records).toEqual([]);
  });
});
