/**
 * Near-duplicate fingerprints: word 5-gram shingles hashed into a 64-value MinHash signature,
 * banded for locality-sensitive lookup. Two texts with shingle Jaccard J collide in at least one of
 * 16 bands of 4 rows with probability 1 - (1 - J^4)^16 (J 0.5 -> 0.64, J 0.7 -> 0.98).
 */
import { words } from './normalize.js';

export const NUM_HASHES = 64;
export const BANDS = 16;
const ROWS = NUM_HASHES / BANDS;
const SHINGLE = 5;

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers / offsets: the signature must be the same in every process (stored keys).
const A = new Uint32Array(NUM_HASHES);
const B = new Uint32Array(NUM_HASHES);
{
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
  for (let i = 0; i < NUM_HASHES; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

/** Returns the hashed word 5-gram shingles of a text (lower-cased words, punctuation ignored). */
export function shingles(text: string): Set<number> {
  const ws = words(text).map((w) => w.w);
  const out = new Set<number>();
  if (ws.length < SHINGLE) {
    if (ws.length) out.add(fnv1a(ws.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= ws.length; i++) out.add(fnv1a(ws.slice(i, i + SHINGLE).join(' ')));
  return out;
}

/** Returns the MinHash signature of a shingle set. */
export function minhash(sh: Set<number>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of sh) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = (Math.imul(A[i]!, s) + B[i]!) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Returns the estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** Returns the LSH band keys of a signature ("band:hash"). */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/** Returns the LSH band keys of a signature as numbers (band index mixed into the hash): compact map keys. */
export function bandHashes(sig: Uint32Array): Uint32Array {
  const out = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(0x811c9dc5 ^ b, 0x01000193);
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out[b] = h >>> 0;
  }
  return out;
}
