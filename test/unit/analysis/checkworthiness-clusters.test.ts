import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CLUSTER_LEVELS, classAt, wordIndexOf } from '../../../src/analysis/checkworthiness-clusters.js';
import { sphericalKMeans } from '../../../src/cli/train/word-clusters.js';

describe('word classes', () => {
  it('give every common word a class below its granularity, and none to a non-word', () => {
    const sizes = [128, 512, 1024];
    expect(CLUSTER_LEVELS).toBe(3);
    for (const w of ['the', 'tariffs', 'unemployment', 'said', 'wednesday']) {
      const p = wordIndexOf(w);
      expect(p, w).toBeDefined();
      sizes.forEach((k, g) => { expect(classAt(p!, g)).toBeLessThan(k); });
    }
    expect(wordIndexOf('xqzvbnkw')).toBeUndefined();
  });
  it('put words of one meaning together at the coarsest granularity, unrelated ones apart', () => {
    const coarse = (w: string) => classAt(wordIndexOf(w)!, 0);
    expect(coarse('tuesday')).toBe(coarse('wednesday'));
    expect(coarse('tuesday')).not.toBe(coarse('unemployment'));
  });
  it('the committed table stays small', () => {
    const raw = readFileSync(new URL('../../../src/analysis/models/word-clusters.json', import.meta.url));
    expect(gzipSync(raw).length).toBeLessThan(512 * 1024);
  });
  it('k-means is deterministic and separates two obvious groups', () => {
    const v = (a: number, b: number) => { const x = new Float64Array(100); x[0] = a; x[1] = b; const n = Math.hypot(a, b); x[0] /= n; x[1] /= n; return x; };
    const vectors = [v(1, 0.1), v(1, 0.2), v(0.1, 1), v(0.2, 1), v(1, 0.15)];
    const a = sphericalKMeans(vectors, 2), b = sphericalKMeans(vectors, 2);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[0]).toBe(a[1]);
    expect(a[0]).toBe(a[4]);
    expect(a[2]).toBe(a[3]);
    expect(a[0]).not.toBe(a[2]);
  });
});
