/**
 * Check-worthiness features of one sentence, computed in a single pass over its tokens, shared by
 * training (src/cli/train) and scoring (claims.ts):
 * - hashed lemma unigrams and bigrams, proper names and numbers folded into classes (<name>,
 *   <year>, <pct>, <big> money/millions, <num>) so the model learns "a name" rather than which
 *   names a debate used; inflected word forms ("was", "cut", "voted": tense and number);
 * - each word's class at three granularities (checkworthiness-clusters.ts: k-means over GloVe
 *   vectors), so words the training debates never used are scored like their neighbours in
 *   meaning (one map lookup per word);
 * - POS unigrams and bigrams; wink entity types (DATE, CARDINAL, PERCENT, MONEY, ...);
 * - grammar flags: past tense, future "will", first person singular / plural and second person,
 *   modal auxiliaries, negation, comparatives and superlatives, a name followed by a verb (a
 *   named actor doing something), question mark, length bucket, and a few conjunctions a linear
 *   model cannot form itself (a number in a past-tense sentence, "we will", nothing concrete);
 * - crosses of a number / date / name / percentage-or-money in the sentence with each verb lemma.
 * Feature groups and training settings were chosen by debate-grouped cross-validation (see
 * src/cli/train/checkworthiness.ts). The signals the tooltip reasons need are tallied on the way.
 */
import type { Tokenized } from './nlp.js';
import { lexemeColumns } from './lexeme-memo.js';
import { CLUSTER_LEVELS, CLUSTER_WORDS, CLUSTERS_SIGNATURE, classAt, wordIndexOf } from './checkworthiness-clusters.js';
import { COMPARISON_WORDS, FIRST_SECOND_PERSON, MODALS, OPINION_WORDS, REPORTED_ACTION_LEMMAS } from './cues.js';

/** Hash space size: 2^18 buckets; the committed weights keep only the non-zero ones. */
export const FEATURE_BITS = 18;
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
const bucket = (h: number) => (h >>> 0) & MASK;
const H_W = fnv(FNV_SEED, 'w:');
const H_B = fnv(FNV_SEED, 'b:');
const H_F = fnv(FNV_SEED, 'f:');
const H_P = fnv(FNV_SEED, 'p:');
const H_Q = fnv(FNV_SEED, 'q:');
const H_E = fnv(FNV_SEED, 'e:');
const H_C = fnv(FNV_SEED, 'c:');
const H_K = Array.from({ length: CLUSTER_LEVELS }, (_, g) => fnv(FNV_SEED, `k${g}:`));
/** fnv over the two low bytes of a small integer (a word class), without building a string. */
function fnvInt(h: number, x: number): number {
  h = Math.imul(h ^ (x & 0xff), 0x01000193);
  return Math.imul(h ^ ((x >>> 8) & 0xff), 0x01000193);
}
/** The class features of every table word, hashed once: CLASS_HASH[i * CLUSTER_LEVELS + g]. */
const CLASS_HASH = new Int32Array(CLUSTER_WORDS * CLUSTER_LEVELS);
for (let i = 0; i < CLUSTER_WORDS; i++) for (let g = 0; g < CLUSTER_LEVELS; g++) CLASS_HASH[i * CLUSTER_LEVELS + g] = fnvInt(H_K[g]!, classAt(i, g));
/** The class features of a word without a class: its class token (<name>, <num>, ...) or unknown. */
const noClassHash = (w: string, g: number) => fnv(H_K[g]!, w.charCodeAt(0) === 60 /* < */ ? w : '?');

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const DATE_ENTITIES = new Set(['DATE', 'DURATION']);
/** Punctuation that says something about the sentence (question, exclamation, quotation, list). */
const TELLING_PUNCT = new Set(['?', '!', '"', '“', '”', ':', ';', '(']);
/** The English personal pronoun paradigm by person (closed class), for the voice flags. */
const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
const SECOND = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const PAST_AUX = new Set(['was', 'were', 'did', 'had']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);

/**
 * Identifies the feature definition: the committed model records it, and a unit test fails when
 * the features change without `npm run train` (the weights would silently mean something else).
 */
export const FEATURE_SIGNATURE = (fnv(FNV_SEED, JSON.stringify([
  FEATURE_BITS, [...MODALS].sort(), [...MONTHS], [...TELLING_PUNCT], [...FIRST_SINGULAR], [...FIRST_PLURAL], [...SECOND],
  [...PAST_AUX], [...NEGATORS], CLUSTERS_SIGNATURE, 'v4: w b f k p q e c flags len conj xv',
])) >>> 0).toString(16);

/** Returns the class token of a number: a year, a percentage, money, or a plain number. */
function numberClass(value: string, next: string | undefined): string {
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

/** Math.log1p of the small whole counts most buckets hold (the same values, without the call). */
const LOG1P = Float64Array.from({ length: 64 }, (_, k) => Math.log1p(k));

// One accumulator for all calls (features are built one sentence at a time, synchronously):
// a count per bucket plus the buckets touched, in first-touch order (so every floating-point sum
// over the features is the same as with a Map). The counts sit in a small open-addressing table
// (a sentence touches a few hundred buckets at most) rather than a dense 2^18 array, whose random
// reads missed the CPU cache on nearly every token. The table doubles if a sentence needs it.
let slotBits = 10;
let slotKey = new Int32Array(1 << slotBits).fill(-1);
let slotVal = new Float64Array(1 << slotBits);
const touched: number[] = [];
const touchedSlot: number[] = [];
function slotOf(b: number): number {
  const mask = (1 << slotBits) - 1;
  let i = Math.imul(b, 0x9e3779b1) >>> (32 - slotBits);
  while (slotKey[i] !== b && slotKey[i] !== -1) i = (i + 1) & mask;
  return i;
}
function addHash(h: number, v = 1): void {
  const b = bucket(h);
  let i = slotOf(b);
  if (slotKey[i] === -1) {
    if (2 * (touched.length + 1) > slotKey.length) { grow(); i = slotOf(b); }
    slotKey[i] = b;
    touched.push(b);
    touchedSlot.push(i);
  }
  slotVal[i]! += v;
}
function grow(): void {
  const keys = touched.slice(), vals = touchedSlot.map((i) => slotVal[i]!);
  slotBits++;
  slotKey = new Int32Array(1 << slotBits).fill(-1);
  slotVal = new Float64Array(1 << slotBits);
  touchedSlot.length = 0;
  keys.forEach((b, k) => { const i = slotOf(b); slotKey[i] = b; slotVal[i] = vals[k]!; touchedSlot.push(i); });
}
// The sentence-level features' hashes, computed once (the same fnv of "f:name", "f:lenN", "x:name").
const FLAG_NAMES = ['num', 'date', 'name', 'past', 'fut', 'p1s', 'p1p', 'p2', 'neg', 'cmp', 'sup', 'q', 'mod', 'namev', 'pct', 'money'] as const;
const H_FLAG = Object.fromEntries(FLAG_NAMES.map((n) => [n, fnv(FNV_SEED, `f:${n}`)])) as Record<(typeof FLAG_NAMES)[number], number>;
const H_LEN = Array.from({ length: 7 }, (_, k) => fnv(FNV_SEED, `f:len${k}`));
const CONJ_NAMES = ['num_past', 'num_cmp', 'name_past', 'we_will', 'we_past', 'name_num', 'nothing'] as const;
const H_CONJ = Object.fromEntries(CONJ_NAMES.map((n) => [n, fnv(FNV_SEED, `x:${n}`)])) as Record<(typeof CONJ_NAMES)[number], number>;
// Crosses of what a sentence holds (a number, a date, a name, a percentage or money) with each of
// its verbs' lemmas: "a number + rose", "a name + voted" are claims where "a number + think" is
// not; a linear model over unigrams cannot form the pair itself. Out of fold (three shuffle
// seeds) they raised ClaimBuster F1 and CheckThat 2019 MAP on both halves.
const H_XV = ['num', 'date', 'name', 'ent'].map((n) => fnv(FNV_SEED, `xv:${n}|`));
/** The lemma hashes of the sentence's verbs (scratch, filled by accumulate). */
const VERB_LEMMA: number[] = [];
function flag(h: number, n: number): void {
  if (n > 0) addHash(h, Math.min(n, 3) / 3 + 0.5);
}

// What the feature pass reads of a word, kept per lexeme (lexeme-memo.ts): the word-list and
// suffix tests on its lower case and lemma as bit flags, and the hashes of its lemma and lower
// case. Why: a dozen Set look-ups and string hashes per token were most of the pass; a lexeme id
// decides them all (they depend on the lower case and lemma only; POS tests stay per token).
const F_CHANGED = 1, F_ING_OR_S = 2, F_PAST_AUX = 4, F_WILL = 8, F_P1S = 16, F_P1P = 32, F_P2 = 64, F_NEG = 128,
  F_EST = 256, F_ER = 512, F_CMP_WORD = 1024, F_SUP_WORD = 2048, F_MODAL = 4096, F_REPORTED = 8192,
  F_COMPARISON = 16384, F_CMP_SHAPE = 32768, F_FIRST_SECOND = 65536, F_OPINION = 131072, F_MONTH = 262144;
// Row layout: flags, hash of "w:" + lemma, bigram state "b:" + lemma + "|", hash of "f:" + lower
// case, word-class table index (-1: none), then the CLUSTER_LEVELS class feature hashes.
const R_FLAGS = 0, R_HW = 1, R_HB = 2, R_HF = 3, R_CLASS = 4, R_CLASS_HASH = 5;
const lexemeRows = lexemeColumns(R_CLASS_HASH + CLUSTER_LEVELS, (t, d, at) => {
  const lemma = t.lemma, low = t.lower;
  let f = 0;
  if (low !== lemma) f |= F_CHANGED;
  if (low.endsWith('ing') || low.endsWith('s')) f |= F_ING_OR_S;
  if (PAST_AUX.has(low)) f |= F_PAST_AUX;
  if (lemma === 'will' || low === "'ll") f |= F_WILL;
  if (FIRST_SINGULAR.has(low)) f |= F_P1S;
  if (FIRST_PLURAL.has(low)) f |= F_P1P;
  if (SECOND.has(low)) f |= F_P2;
  if (NEGATORS.has(lemma) || low === "n't") f |= F_NEG;
  if (low.endsWith('est')) f |= F_EST;
  if (low.endsWith('er')) f |= F_ER;
  if (lemma === 'more' || lemma === 'less' || lemma === 'than') f |= F_CMP_WORD;
  if (lemma === 'most' || lemma === 'least') f |= F_SUP_WORD;
  if (MODALS.has(lemma)) f |= F_MODAL;
  if (REPORTED_ACTION_LEMMAS.has(lemma)) f |= F_REPORTED;
  if (COMPARISON_WORDS.has(lemma)) f |= F_COMPARISON;
  if (/[a-z]{3}(?:er|est)$/.test(low) && low !== lemma) f |= F_CMP_SHAPE;
  if (FIRST_SECOND_PERSON.has(lemma)) f |= F_FIRST_SECOND;
  if (OPINION_WORDS.has(lemma)) f |= F_OPINION;
  if (MONTHS.has(lemma)) f |= F_MONTH;
  const wi = wordIndexOf(low) ?? -1;
  d[at + R_FLAGS] = f;
  d[at + R_HW] = fnv(H_W, lemma);
  d[at + R_HB] = fnv(fnv(H_B, lemma), '|');
  d[at + R_HF] = fnv(H_F, low);
  d[at + R_CLASS] = wi;
  for (let g = 0; g < CLUSTER_LEVELS; g++) d[at + R_CLASS_HASH + g] = wi < 0 ? 0 : CLASS_HASH[wi * CLUSTER_LEVELS + g]!;
});
const H_W_NAME = fnv(H_W, '<name>');
const H_B_NAME = fnv(fnv(H_B, '<name>'), '|');
/** The class features of a word with no class that is not a class token: "unknown" at each level. */
const NO_CLASS_HASH = Array.from({ length: CLUSTER_LEVELS }, (_, g) => fnv(H_K[g]!, '?'));
/** The class features of each class token (<name>, <year>, ...), hashed once (a lemma that merely starts with "<" may be one too: the cache is capped). */
const CLASS_TOKEN_HASHES = new Map<string, number[]>();
function classTokenHashes(w: string): number[] {
  let hs = CLASS_TOKEN_HASHES.get(w);
  if (!hs) {
    hs = Array.from({ length: CLUSTER_LEVELS }, (_, g) => noClassHash(w, g));
    if (CLASS_TOKEN_HASHES.size < 64) CLASS_TOKEN_HASHES.set(w, hs);
  }
  return hs;
}
/**
 * Per POS tag: a small number, its unigram hash and its bigram hashes after each previous tag by
 * that tag's number (filled lazily; one map look-up per token instead of two). Number 0 is "<s>".
 */
interface PosHashes { id: number; name: string; unigram: number; after: number[] }
const POS_HASHES = new Map<string, PosHashes>();
const POS_BY_ID: PosHashes[] = [];
function posHashes(pos: string): PosHashes {
  let p = POS_HASHES.get(pos);
  if (!p) {
    p = { id: POS_BY_ID.length, name: pos, unigram: fnv(H_P, pos), after: [] };
    POS_HASHES.set(pos, p);
    POS_BY_ID.push(p);
  }
  return p;
}
const POS_START = posHashes('<s>');
function posBigram(prev: PosHashes, p: PosHashes): number {
  let h = p.after[prev.id];
  if (h === undefined) p.after[prev.id] = h = fnv(fnv(fnv(H_Q, prev.name), '|'), p.name);
  return h;
}

/** Accumulates the features of tokens [tokenStart, tokenEnd) in the table; returns the reason tallies. */
function accumulate(tok: Tokenized, tokenStart: number, tokenEnd: number): SentenceSignals {
  touched.length = 0;
  touchedSlot.length = 0;
  VERB_LEMMA.length = 0;
  const sig: SentenceSignals = { numbers: 0, dates: 0, names: 0, reportedActions: 0, comparisons: 0, firstSecond: 0, opinion: 0, words: 0, question: false };
  const tokens = tok.tokens;
  let prevState = fnv(fnv(H_B, '<s>'), '|');
  let prevPos = POS_START;
  let nums = 0, past = 0, future = 0, p1s = 0, p1p = 0, p2 = 0, neg = 0, comparative = 0, superlative = 0, modals = 0, nameVerb = 0, questions = 0;
  let position = 0; // index among the sentence's non-space tokens
  let lastName = -10;
  for (let i = tokenStart; i < tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.type === 'tabCRLF' || t.pos === 'SPACE') continue;
    const at = position++;
    if (t.pos === 'PUNCT') {
      if (TELLING_PUNCT.has(t.value)) addHash(fnv(H_C, t.value));
      if (t.value === '?') { questions++; sig.question = true; }
      continue;
    }
    sig.words++;
    const row = lexemeRows.row(t);
    const rd = lexemeRows.data;
    const fl = rd[row + R_FLAGS]!;
    const pos = t.pos;
    const ph = posHashes(pos);
    let w: string;
    // Hashes of w: its unigram, and the bigram state it leaves for the next word.
    let hw: number, hb: number;
    if (t.type === 'number' || pos === 'NUM') {
      let next: string | undefined;
      for (let j = i + 1; j < tokenEnd; j++) { const n = tokens[j]!; if (n.type !== 'tabCRLF' && n.pos !== 'SPACE') { next = n.value; break; } }
      w = numberClass(t.value, next);
      hw = fnv(H_W, w); hb = fnv(fnv(H_B, w), '|');
      nums++;
    } else if (pos === 'PROPN' && (fl & F_MONTH) === 0) {
      w = '<name>';
      hw = H_W_NAME; hb = H_B_NAME;
      // A capitalised first word is often just sentence case; count names after it.
      if (at > 0) sig.names++;
      lastName = at;
    } else { w = t.lemma; hw = rd[row + R_HW]!; hb = rd[row + R_HB]!; }
    addHash(hw);
    // Word classes of the surface form; a word without one counts as its class token or unknown.
    if (rd[row + R_CLASS]! < 0) {
      const unknown = w.charCodeAt(0) !== 60; /* < */
      const hs = unknown ? NO_CLASS_HASH : classTokenHashes(w);
      for (let g = 0; g < CLUSTER_LEVELS; g++) addHash(hs[g]!);
    } else for (let g = 0; g < CLUSTER_LEVELS; g++) addHash(rd[row + R_CLASS_HASH + g]!);
    addHash(fnv(prevState, w));
    const changed = (fl & F_CHANGED) !== 0; // lower case differs from the lemma
    if (changed) addHash(rd[row + R_HF]!);
    addHash(ph.unigram);
    addHash(posBigram(prevPos, ph));
    const verbal = pos === 'VERB' || pos === 'AUX';
    if (verbal && changed && (fl & F_ING_OR_S) === 0) past++;
    if (verbal && (fl & F_PAST_AUX) !== 0) past++;
    if (fl & F_WILL) future++;
    if (fl & F_P1S) p1s++;
    if (fl & F_P1P) p1p++;
    if (fl & F_P2) p2++;
    if (t.negation || (fl & F_NEG) !== 0) neg++;
    const adjAdv = pos === 'ADJ' || pos === 'ADV';
    if (adjAdv && changed) {
      if (fl & F_EST) superlative++;
      else if (fl & F_ER) comparative++;
    }
    if (fl & F_CMP_WORD) comparative++;
    if (fl & F_SUP_WORD) superlative++;
    if (pos === 'AUX' && (fl & F_MODAL) !== 0) modals++;
    if (pos === 'VERB' && at - lastName <= 2 && at > lastName) nameVerb++;
    if (pos === 'VERB') VERB_LEMMA.push(rd[row + R_HW]!);
    // Reason tallies (tooltips), not model features.
    if (pos === 'VERB' && (fl & F_REPORTED) !== 0) sig.reportedActions++;
    if ((fl & F_COMPARISON) !== 0 || (adjAdv && (fl & F_CMP_SHAPE) !== 0)) sig.comparisons++;
    if (fl & F_FIRST_SECOND) sig.firstSecond++;
    if (fl & F_OPINION) sig.opinion++;
    prevState = hb;
    prevPos = ph;
  }
  addHash(fnv(prevState, '</s>'));
  sig.numbers = nums;
  let dates = 0, percents = 0, money = 0;
  if (tokenEnd > tokenStart) {
    const s = tokens[tokenStart]!.start, e = tokens[tokenEnd - 1]!.end;
    for (let k = firstEntityFrom(tok, s); k < tok.entities.length && tok.entities[k]!.start < e; k++) {
      const ent = tok.entities[k]!;
      addHash(fnv(H_E, ent.type));
      if (ent.type === 'PERCENT') percents++;
      if (ent.type === 'MONEY') money++;
      if (DATE_ENTITIES.has(ent.type)) {
        dates++;
        // A year inside a date is the date, not a separate number (for the reasons only).
        for (let j = ent.tokenStart; j < ent.tokenEnd; j++) {
          const t = tokens[j]!;
          if (t.type === 'number' || t.pos === 'NUM') sig.numbers--;
        }
      }
    }
  }
  sig.dates = dates;
  flag(H_FLAG.num, nums);
  flag(H_FLAG.date, dates);
  flag(H_FLAG.name, sig.names);
  flag(H_FLAG.past, past);
  flag(H_FLAG.fut, future);
  flag(H_FLAG.p1s, p1s);
  flag(H_FLAG.p1p, p1p);
  flag(H_FLAG.p2, p2);
  flag(H_FLAG.neg, neg);
  flag(H_FLAG.cmp, comparative);
  flag(H_FLAG.sup, superlative);
  flag(H_FLAG.q, questions);
  flag(H_FLAG.mod, modals);
  flag(H_FLAG.namev, nameVerb);
  flag(H_FLAG.pct, percents);
  flag(H_FLAG.money, money);
  addHash(H_LEN[Math.min(6, Math.floor(Math.log2(sig.words + 1)))]!);
  if (nums && past) addHash(H_CONJ.num_past);
  if (nums && comparative) addHash(H_CONJ.num_cmp);
  if (sig.names && past) addHash(H_CONJ.name_past);
  if ((p1s || p1p) && future) addHash(H_CONJ.we_will);
  if ((p1s || p1p) && past) addHash(H_CONJ.we_past);
  if (sig.names && nums) addHash(H_CONJ.name_num);
  if (!nums && !dates && !sig.names) addHash(H_CONJ.nothing);
  const holds = [nums > 0, dates > 0, sig.names > 0, percents + money > 0];
  for (let t = 0; t < holds.length; t++) {
    if (!holds[t]) continue;
    for (const x of VERB_LEMMA) addHash(fnvInt(fnvInt(H_XV[t]!, x & 0xffff), x >>> 16));
  }
  VERB_LEMMA.length = 0;
  return sig;
}

/** Scratch values of the last finished sentence: VAL[i] belongs to bucket touched[i]. */
let VAL = new Float64Array(1024);

/**
 * Damps the accumulated counts (log) and scales them to unit length, so long sentences do not
 * dominate the dot product; writes them to VAL, clears the table and returns how many there are.
 */
function finish(): number {
  const n = touched.length;
  if (VAL.length < n) VAL = new Float64Array(Math.max(n, 2 * VAL.length));
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const slot = touchedSlot[i]!;
    const c = slotVal[slot]!;
    const v = c < LOG1P.length && c === (c | 0) ? LOG1P[c]! : Math.log1p(c);
    slotVal[slot] = 0;
    slotKey[slot] = -1;
    VAL[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < n; i++) VAL[i]! /= norm;
  return n;
}

/** Returns the hashed features and reason tallies of tokens [tokenStart, tokenEnd). */
export function sentenceFeatures(tok: Tokenized, tokenStart: number, tokenEnd: number): { features: Features; signals: SentenceSignals } {
  const signals = accumulate(tok, tokenStart, tokenEnd);
  const n = finish();
  return { features: { idx: touched.slice(), val: Array.from(VAL.subarray(0, n)) }, signals };
}

/**
 * Returns `score` of the features of tokens [tokenStart, tokenEnd) and their reason tallies: the
 * same features as sentenceFeatures, handed over in scratch buffers (bucket idx[i], value val[i],
 * i < count; valid during the call only) instead of two new arrays per sentence.
 */
export function scoreSentence(
  tok: Tokenized, tokenStart: number, tokenEnd: number,
  score: (idx: readonly number[], val: Float64Array, count: number) => number,
): { score: number; signals: SentenceSignals } {
  const signals = accumulate(tok, tokenStart, tokenEnd);
  const n = finish();
  return { score: score(touched, VAL, n), signals };
}
