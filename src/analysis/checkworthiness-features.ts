/**
 * Check-worthiness features of one sentence, computed in a single pass over its tokens: hashed
 * lemma unigrams and bigrams (proper names and numbers folded into classes — <name>, <year>,
 * <pct>, <big> money/millions, <num> — so the model learns "a name" rather than which names a
 * debate used), POS unigrams and bigrams, a past-tense verb flag, and a few dense signals (numbers,
 * dates, named actors, comparisons, reported actions, first/second person, question mark,
 * modal and opinion words, length). Shared by training (src/cli/train) and scoring (claims.ts).
 */
import type { Tokenized } from './nlp.js';
import { COMPARISON_WORDS, FIRST_SECOND_PERSON, MODALS, OPINION_WORDS, REPORTED_ACTION_LEMMAS } from './cues.js';

/** Hash space size: 2^16 buckets keeps the committed weights small (≈ 300 KB JSON). */
export const FEATURE_BITS = 16;
const MASK = (1 << FEATURE_BITS) - 1;

export interface Features {
  idx: number[];
  val: number[];
}

/** Tallies the tooltip reasons need; filled by the same pass as the features. */
export interface SentenceSignals {
  numbers: number;
  dates: number;
  names: number;
  reportedActions: number;
  comparisons: number;
  firstSecond: number;
  opinion: number;
  words: number;
  question: boolean;
}

// FNV-1a over UTF-16 code units: cheap, deterministic, identical in Node and browsers.
// fnv continues a running state, so "b:" + prev + "|" + w hashes without building the string.
const FNV_SEED = 0x811c9dc5;
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
function hash(s: string): number {
  return (fnv(FNV_SEED, s) >>> 0) & MASK;
}
const H_W = fnv(FNV_SEED, 'w:');
const H_B = fnv(FNV_SEED, 'b:');
const H_P = fnv(FNV_SEED, 'p:');

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const DATE_ENTITIES = new Set(['DATE', 'DURATION']);

/** Optional feature groups (scratch sweeps toggle them; the committed model uses these values). */
export const FEATURE_OPTS = { names: false, trigrams: false, posBigrams: true, past: true, numberClasses: true };

/** Returns the class token of a number: a year, a percentage, money, or a plain number. */
function numberClass(value: string, next: string | undefined): string {
  if (!FEATURE_OPTS.numberClasses) return '<num>';
  if (/^(?:1[89]|20)\d\d$/.test(value)) return '<year>';
  if (next && /^(?:%|percent|per)$/i.test(next)) return '<pct>';
  if (/^[$€£]/.test(value) || (next && /^(?:million|billion|trillion|dollars?)$/i.test(next))) return '<big>';
  return '<num>';
}

/** Returns the first entity index whose start is at or after pos (entities are in text order). */
function firstEntityFrom(tok: Tokenized, pos: number): number {
  let lo = 0, hi = tok.entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tok.entities[mid]!.start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Returns the hashed features and reason tallies of tokens [tokenStart, tokenEnd). */
export function sentenceFeatures(tok: Tokenized, tokenStart: number, tokenEnd: number): { features: Features; signals: SentenceSignals } {
  const counts = new Map<number, number>();
  const addHash = (h: number, v = 1) => {
    counts.set(h, (counts.get(h) ?? 0) + v);
  };
  const add = (key: string, v = 1) => addHash(hash(key), v);
  const sig: SentenceSignals = { numbers: 0, dates: 0, names: 0, reportedActions: 0, comparisons: 0, firstSecond: 0, opinion: 0, words: 0, question: false };
  let prev = '<s>';
  let prev2 = '<s>';
  let prevPos = '<s>';
  let modals = 0;
  const first = tokenStart;
  for (let i = tokenStart; i < tokenEnd; i++) {
    const t = tok.tokens[i]!;
    if (t.type === 'tabCRLF' || t.pos === 'SPACE') continue;
    if (t.pos === 'PUNCT') {
      if (t.value === '?') sig.question = true;
      if (t.value === '?' || t.value === '!' || t.value === '"' || t.value === '“' || t.value === '”' || t.value === ':') add(`c:${t.value}`);
      continue;
    }
    sig.words++;
    const lemma = t.lemma;
    let w: string;
    if (t.type === 'number' || t.pos === 'NUM') { w = numberClass(t.value, tok.tokens[i + 1]?.value); sig.numbers++; }
    else if (t.pos === 'PROPN' && !MONTHS.has(lemma)) {
      w = '<name>';
      if (FEATURE_OPTS.names) add(`n:${lemma}`);
      // A capitalised first word is often just sentence case; count names after it.
      if (i > first) sig.names++;
    } else w = lemma;
    addHash((fnv(H_W, w) >>> 0) & MASK);
    addHash((fnv(fnv(fnv(H_B, prev), '|'), w) >>> 0) & MASK);
    if (FEATURE_OPTS.trigrams) add(`t:${prev2}|${prev}|${w}`);
    addHash((fnv(H_P, t.pos) >>> 0) & MASK);
    if (FEATURE_OPTS.posBigrams) add(`q:${prevPos}|${t.pos}`);
    if (FEATURE_OPTS.past && t.pos === 'VERB' && /ed$/.test(t.value) && t.value.toLowerCase() !== lemma) add('f:past');
    prev2 = prev;
    prev = w;
    prevPos = t.pos;
    if (t.pos === 'VERB' && REPORTED_ACTION_LEMMAS.has(lemma)) sig.reportedActions++;
    if (COMPARISON_WORDS.has(lemma) || ((t.pos === 'ADJ' || t.pos === 'ADV') && /[a-z]{3}(?:er|est)$/.test(t.value) && t.value !== lemma)) sig.comparisons++;
    if (FIRST_SECOND_PERSON.has(lemma)) sig.firstSecond++;
    if (OPINION_WORDS.has(lemma)) sig.opinion++;
    if (MODALS.has(lemma) && t.pos === 'AUX') modals++;
  }
  add(`b:${prev}|</s>`);
  if (tokenEnd > tokenStart) {
    const s = tok.tokens[tokenStart]!.start, e = tok.tokens[tokenEnd - 1]!.end;
    for (let k = firstEntityFrom(tok, s); k < tok.entities.length && tok.entities[k]!.start < e; k++) {
      const type = tok.entities[k]!.type;
      if (DATE_ENTITIES.has(type)) {
        sig.dates++;
        // A year inside a date is the date, not a separate number.
        for (let j = tok.entities[k]!.tokenStart; j < tok.entities[k]!.tokenEnd; j++) {
          const t = tok.tokens[j]!;
          if (t.type === 'number' || t.pos === 'NUM') sig.numbers--;
        }
      }
      add(`e:${type}`);
    }
  }
  const flag = (name: string, n: number) => { if (n > 0) add(`f:${name}`, Math.min(n, 3) / 3 + 0.5); };
  flag('num', sig.numbers);
  flag('date', sig.dates);
  flag('name', sig.names);
  flag('report', sig.reportedActions);
  flag('compare', sig.comparisons);
  flag('person12', sig.firstSecond);
  flag('opinion', sig.opinion);
  flag('modal', modals);
  if (sig.question) add('f:question');
  add(`f:len${Math.min(6, Math.floor(Math.log2(sig.words + 1)))}`);
  // Counts are damped (log) and the vector scaled to unit length, so long sentences do not
  // dominate the dot product.
  const idx = [...counts.keys()];
  const val = idx.map((k) => Math.log1p(counts.get(k)!));
  const norm = Math.sqrt(val.reduce((a, v) => a + v * v, 0)) || 1;
  for (let i = 0; i < val.length; i++) val[i]! /= norm;
  return { features: { idx, val }, signals: sig };
}
