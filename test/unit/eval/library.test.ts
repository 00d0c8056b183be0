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
