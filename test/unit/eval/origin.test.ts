import { describe, expect, it } from 'vitest';
import { evalOrigin, scoreF1 } from '../../../src/cli/eval/origin.js';

describe('origin scorer', () => {
  it('perfect = 1, empty = 0', () => {
    expect(scoreF1(5, 0, 0, 10).wire_f1).toBe(1);
    expect(scoreF1(0, 0, 0, 0).wire_f1).toBe(0);
    expect(scoreF1(1, 1, 1, 3).wire_f1).toBeCloseTo(0.5);
  });
  it('returns null when PolNeAR is absent', async () => {
    expect(await evalOrigin('/nonexistent')).toBeNull();
  });
});
