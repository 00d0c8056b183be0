import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/shared/model.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { StoreError } from '../../../src/corpus/store.js';
import { recordOf } from './helpers.js';

const A = 'Council closes library\n\nThe city council voted on Monday to close the Elm Street library by March 2025, citing a budget gap of 30 percent.';
const B = 'Library to shut\n\nCity council members voted Monday to close the Elm Street library by March 2025 because of a budget gap of 12 percent.';
const C = 'Mayor denies library plan\n\nThe mayor denied that the city council voted to close the Elm Street library, calling the reports false.';
const D = 'Unrelated story\n\nA local bakery won a regional award for its sourdough bread and rye loaves this weekend.';
const E = 'Council vote reported\n\nOfficials say the city council reportedly voted to close the Elm Street library by March 2025.';

describe('Library', () => {
  it('open() indexes what the store holds; corroborate never matches a record with itself', async () => {
    const a = recordOf(A, 'https://a.example/1', 'A');
    const lib = await Library.open(new MemoryStore([a]));
    expect(lib.size).toBe(1);
    const c = lib.corroborate(a);
    expect(c.librarySize).toBe(0);
    expect(c.claims.every((x) => x.status === 'single-source' && x.evidence.length === 0)).toBe(true);
  });

  it('finds a different number for the same event and fills differs', async () => {
    const a = recordOf(A, 'https://a.example/1', 'A');
    const b = recordOf(B, 'https://b.example/1', 'B');
    const lib = await Library.open(new MemoryStore([a, b]));
    const rep = lib.corroborate(a).claims.find((c) => a.text.slice(a.analysis.claims.find((x) => x.id === c.claimId)!.start).startsWith('The city council'))!;
    expect(rep.status).toBe('contradicted');
    expect(rep.evidence[0]!.differs).toEqual(['30 percent vs 12 percent']);
  });

  it('an explicit denial contradicts; a hedged report is observing; unrelated text never matches', async () => {
    const b = recordOf(B.replace(' of 12 percent', ''), 'https://b.example/1', 'B');
    const c = recordOf(C, 'https://c.example/1', 'C');
    const d = recordOf(D, 'https://d.example/1', 'D');
    const e = recordOf(E, 'https://e.example/1', 'E');
    const lib = await Library.open(new MemoryStore([b, c, d, e]));
    const rep = lib.corroborate(b).claims.find((x) => b.text.slice(b.analysis.claims.find((y) => y.id === x.claimId)!.start).startsWith('City council'))!;
    expect(rep.status).toBe('contradicted');
    const by = (id: string) => rep.evidence.filter((x) => x.articleId === id).map((x) => x.stance);
    expect(by(c.id)).toContain('contradict');
    expect(by(e.id)).toEqual(['observing']);
    expect(by(d.id)).toEqual([]);
    expect(rep.agreeingOrigins).toBe(0);
  });

  it('upsert of the same id replaces without duplicates; remove drops it', async () => {
    const lib = await Library.open(new MemoryStore());
    const a = recordOf(A, 'https://a.example/1', 'A');
    const b = recordOf(B, 'https://b.example/1', 'B');
    await lib.upsert(a);
    await lib.upsert(b);
    await lib.upsert({ ...b, lastSeen: 5 });
    expect(lib.size).toBe(2);
    const ev = lib.corroborate(a).claims.flatMap((c) => c.evidence);
    expect(new Set(ev.map((e) => e.sentence)).size).toBe(ev.length);
    await lib.remove(b.id);
    expect(lib.size).toBe(1);
    expect(lib.corroborate(a).claims.flatMap((c) => c.evidence)).toEqual([]);
  });

  it('a failed store.put propagates and leaves the index unchanged', async () => {
    const store = new MemoryStore();
    const lib = await Library.open(store);
    const a = recordOf(A, 'https://a.example/1', 'A');
    await lib.upsert(a);
    store.put = async (_r: ArticleRecord) => { throw new StoreError('storage-full', 'quota'); };
    const b = recordOf(B, 'https://b.example/1', 'B');
    await expect(lib.upsert(b)).rejects.toBeInstanceOf(StoreError);
    expect(lib.size).toBe(1);
    expect(lib.corroborate(a).claims.flatMap((c) => c.evidence)).toEqual([]);
  });

  it('two articles citing the same outlet count as one origin', async () => {
    const x = recordOf('Story one\n\nThe factory in Leeds will cut 400 jobs next year, according to Reuters.', 'https://x.example/1', 'X');
    const y = recordOf('Story two\n\nThe Leeds factory is to cut 400 jobs next year, according to Reuters.', 'https://y.example/1', 'Y');
    const z = recordOf('Story three\n\nThe factory in Leeds will cut 400 jobs next year, its owner said on Friday.', 'https://z.example/1', 'Z');
    const lib = await Library.open(new MemoryStore([x, y, z]));
    const rep = lib.corroborate(z).claims.find((c) => c.evidence.length)!;
    expect(rep.evidence.length).toBe(2);
    expect(rep.agreeingOrigins).toBe(1);
  });
});
