/**
 * The one place that talks to wink-nlp: text in, tokens / sentences / entities with character
 * offsets out. wink's tokens are lossless (value + preceding spaces rebuild the text exactly),
 * so offsets come from a prefix sum; see ../shared/notes/nlp-libraries.md §4.
 * The model is loaded once per process (about 150 ms) on first use.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../shared/spans.js';
import { findEntities } from './entities.js';
import { negationFlags } from './negation.js';
import { cachedTransformers } from './wink-hints.js';
import { lexemeIdBase, startLexemeTable } from './lexeme-memo.js';

export interface Token extends Span {
  value: string;
  /** The value in lower case (one string per lexeme, shared by its tokens). */
  lower: string;
  /** Lower-cased lemma ("said" -> "say"). */
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, PUNCT, SPACE, ... */
  pos: string;
  /** wink token type: word, number, punctuation, quoted_phrase, tabCRLF, url, ... */
  type: string;
  stop: boolean;
  /** Set on tokens inside a negated scope (negation.ts). */
  negation: boolean;
  /**
   * Lexeme id: the same number for every token of the same word form and POS while the shared
   * pipeline lives, -1 for contractions. Lets consumers cache what they derive from a token's
   * value, lower case, lemma or type (lexeme-memo.ts) instead of a string look-up per token.
   */
  lex: number;
}

export interface SentenceSpan extends Span {
  /** Index of the first token and one past the last token of the sentence. */
  tokenStart: number;
  tokenEnd: number;
}

export interface EntitySpan extends Span {
  /** Entity type (entities.ts, wink's names): DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT, URL, MENTION, ... */
  type: string;
  value: string;
  tokenStart: number;
  tokenEnd: number;
}

export interface Tokenized {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  entities: EntitySpan[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/** The part of wink's core model that holds the lexicon: `hash` maps a lexeme to its index in `list`. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}
let lexemes: LexemeTable | null = null;
/** POS names by number (the core model's `features.pos.list`) of the shared instance. */
let posList: string[] | null = null;

/**
 * The pipe the product runs: sentences and POS. wink's entities ('ner') and negation flags come
 * from our own passes over its tokens instead (entities.ts, negation.ts): the two wink steps cost
 * about a quarter of the whole analysis and only the check-worthiness features read them.
 * Sentiment ('sa') and custom entities ('cer') are left out: nothing reads them. Leaving 'ner'
 * and 'negation' out changes no POS tag or sentence (checked on the real pages' text).
 */
export const PIPE = ['sbd', 'pos'] as const;

/**
 * Out-of-vocabulary lexemes kept before the pipeline is rebuilt. Every text adds its OOV words to
 * wink's lexicon list (see forgetNewLexemes); past this many the instance is dropped and reloaded,
 * which bounds the memory a long-running background page spends on them (about 10 MB).
 */
const MAX_OOV_LEXEMES = 100_000;

// wink-eng-lite-web-model's metaCER loader re-stringifies its module-level JSON on every call,
// so the string grows with each wink instance and the third load throws "Invalid string length".
// Loading it once and handing every instance that result keeps reloads possible.
let metaCer: unknown;
const winkModel = {
  ...model,
  metaCER: () => (metaCer ??= (model as unknown as { metaCER: () => unknown }).metaCER()),
} as typeof model;

/** Returns a new wink instance with this pipe (the model's loaders guarded as above). */
export function createWink(pipe: readonly string[]): Nlp {
  return winkNLP(winkModel, [...pipe] as never);
}

/** Returns the shared wink pipeline, loading the model on first call. */
export function getNlp(): Nlp {
  if (nlp && lexemes && lexemes.list.length - lexemes.intrinsicSize > MAX_OOV_LEXEMES) nlp = null;
  if (!nlp) {
    // Keep a handle on the core model wink builds for this instance (its lexicon is mutable state).
    const core = () => {
      const m = (model as unknown as { core: () => { features: { lexeme: LexemeTable; pos: { list: string[] } } } }).core();
      lexemes = m.features.lexeme;
      posList = m.features.pos.list;
      return m;
    };
    // Sentence and POS transformers with per-lexeme caches (wink-hints.ts): the same tags, faster.
    const hints = cachedTransformers(() => lexemes!.list.length);
    const m = model as unknown as { sbd: () => object; pos: () => object };
    const sbd = () => ({ ...m.sbd(), transformers: hints.sbd });
    const pos = () => ({ ...m.pos(), transformers: hints.pos });
    nlp = winkNLP({ ...winkModel, core, sbd, pos, addons: rawAddons } as typeof model, [...PIPE]);
  }
  return nlp;
}

/** Returns how many out-of-vocabulary entries the shared pipeline's lexicon holds (memory check). */
export function oovLexemeCount(): number {
  return lexemes ? lexemes.list.length - lexemes.intrinsicSize : 0;
}

/**
 * Out-of-vocabulary words that may stay in wink's lexicon across texts: ASCII letters only or
 * digits only. wink's tokeniser keeps such a string whole, with the same token type, in every
 * context whether or not it is known (its "word" and "number" patterns take it whole), so caching
 * them cannot change how a later text is tokenised.
 */
const SAFE_OOV = /^(?:[A-Za-z]+|[0-9]+)$/;

/**
 * Makes the other words a text added to wink's lexicon unknown again, so the next text is
 * tokenised as if it were the first. Why: wink adds every out-of-vocabulary word to its lexicon,
 * and its tokeniser keeps a known word whole. A word once added whole ("Obama's" before a full
 * stop, where the "word + full stop" rule takes it as it is) was from then on never split again
 * ("Obama's campaign" gave one token instead of "Obama" + "'s"), so tokens, POS tags and every
 * figure depended on which texts had been read before (`npm run eval` gave other
 * check-worthiness figures than `npm run eval -- --only checkworthy`). Only hash entries are
 * removed: the list and wink's private per-lexeme property table grow in lockstep and must stay
 * aligned, so such a word seen again is added again under a new index (bounded by
 * MAX_OOV_LEXEMES).
 */
function forgetNewLexemes(from: number): void {
  const lx = lexemes;
  if (!lx) return;
  const { hash, list } = lx;
  for (let i = from; i < list.length; i++) {
    const w = list[i]!;
    if (hash[w] === i && !SAFE_OOV.test(w)) delete hash[w];
  }
}

/**
 * True when wink's lemma of this token is garbage: a contraction of the lexicon ("cannot")
 * taken whole by the tokeniser (before a comma or full stop) carries its expansion pointer where
 * a lemma index belongs, and wink reads whatever word sits at that index (an unrelated earlier
 * word, or nothing). Then the lower-cased value is the lemma.
 */
function isWholeContraction(doc: ReturnType<Nlp['readDoc']>, lx: LexemeTable, value: string): boolean {
  const i = lx.hash[value];
  if (i === undefined || i >= lx.intrinsicSize) return false;
  // wink's isLexeme returns the lexicon look-up: one index, or four numbers per expansion.
  const found = doc.isLexeme(value) as unknown as number[] | null;
  return found !== null && found.length > 1;
}

/** True for the white-space characters wink leaves between tokens (it makes tokens of tab/CR/LF). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Token start offsets and "a line break precedes it" flags, found by walking the text: wink is
 * lossless, so each value starts at the first position after the white space that follows the
 * previous token. That saves wink's per-token space reconstruction (its.precedingSpaces).
 * Returns null if the walk ever has to skip a non-space character (then the caller falls back to
 * wink's preceding spaces).
 */
function walkOffsets(text: string, values: string[]): { starts: Int32Array; breakBefore: Uint8Array } | null {
  const n = values.length;
  const starts = new Int32Array(n);
  const breakBefore = new Uint8Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let nl = 0;
    const c0 = v.charCodeAt(0);
    for (;;) {
      const c = text.charCodeAt(p);
      // The first character decides most positions; the rest is compared in place (a
      // startsWith call per token cost more than the comparison).
      if ((c === c0 && sameAt(text, p, v)) || v.length === 0) break;
      if (p >= text.length || !isSpace(c)) return null;
      if (c === 10) nl = 1;
      p++;
    }
    starts[i] = p;
    breakBefore[i] = nl;
    p += v.length;
  }
  return { starts, breakBefore };
}

/** True when text has v at p, v's first character already matched. */
function sameAt(text: string, p: number, v: string): boolean {
  const n = v.length;
  if (p + n > text.length) return false;
  for (let j = 1; j < n; j++) if (text.charCodeAt(p + j) !== v.charCodeAt(j)) return false;
  return true;
}

function offsetsFromSpaces(doc: ReturnType<Nlp['readDoc']>, its: Nlp['its'], values: string[]): { starts: Int32Array; breakBefore: Uint8Array } {
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts = new Int32Array(values.length);
  const breakBefore = new Uint8Array(values.length);
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    const sp = spaces[i] ?? '';
    p += sp.length;
    starts[i] = p;
    breakBefore[i] = sp.includes('\n') ? 1 : 0;
    p += values[i]!.length;
  }
  return { starts, breakBefore };
}

/**
 * wink's raw document data (wink-nlp 2.4.0, pinned exactly in package.json): four numbers per
 * token (lexeme index; contraction pointer or preceding-space count; POS << 20 | lemma; negation
 * flag) and the sentences as [first token, last token, ...]. Why read it raw: asking for lexeme
 * indices, POS tags and contraction flags through `tokens().out(its.x)` is one call per token per
 * field, and the POS comes back as a string that then had to be mapped back to a number.
 */
interface RawDoc { tokens: number[]; sentences: number[][]; cache: unknown }
const TK_SIZE = 4;
const POS_MASK = 0x3f00000;
const BITS4LEMMA = 20;
/** POS numbers fit in 6 bits (POS_MASK), so lexeme * 64 + POS is a unique key. */
const POS_SLOTS = 64;

/**
 * Returns a doc's raw data. wink hands its raw document only to the model's readabilityStats
 * add-on (`doc.out(its.readabilityStats)` calls `addons.readabilityStats(rdd, its)`); the shared
 * instance is built with that add-on replaced by one that returns the raw data (nothing in the
 * product reads readability statistics).
 */
function rawOf(doc: ReturnType<Nlp['readDoc']>, its: Nlp['its']): RawDoc {
  const raw = doc.out(its.readabilityStats as never) as unknown as RawDoc;
  if (!raw || !Array.isArray(raw.tokens)) throw new Error('wink-nlp internals changed: readabilityStats no longer receives the raw document');
  return raw;
}
const rawAddons = Object.assign(Object.create(null) as Record<string, unknown>, (model as unknown as { addons: object }).addons, {
  readabilityStats: (rdd: RawDoc) => rdd,
});

/**
 * What wink says about a lexeme that does not depend on its context, kept per lexeme index and
 * POS of the shared instance (reset with it): token type, stop-word flag, the final lemma, and
 * the lower-cased value. Why: reading lemmas, types and stop flags token by token through wink's
 * `out` was a third of wink's own pipeline time; a lexeme index plus POS tag decides all three
 * (wink's lemma is a lexicon look-up or its lemmatiser on the normal form and POS), so each is
 * asked of wink once, and lower-casing once per lexeme saves a string per token for every
 * consumer. The look-up is typed arrays by lexeme index (the first POS seen) and a map for
 * further POS; the fact number, offset by lexemeIdBase, is the tokens' lexeme id (Token.lex).
 * A lexeme index is never reused for another word within one instance (the lexicon list only
 * grows; forgetNewLexemes removes hash entries only), so out-of-vocabulary words may be cached
 * too; the instance, and with it this cache, is rebuilt past MAX_OOV_LEXEMES.
 */
interface LexemeFacts {
  /** By lexeme index: fact number + 1 for the POS in `firstPos`, 0 when none. */
  first: Int32Array;
  firstPos: Uint8Array;
  /** lexeme * POS_SLOTS + POS -> fact number, for a lexeme's further POS. */
  more: Map<number, number>;
  /** By fact number (one object per fact, so a token reads one cache line, not four columns). */
  list: LexemeFact[];
  /**
   * Value + POS -> fact number, for words forgetNewLexemes makes unknown again. Such a word comes
   * back under a new lexeme index in every text that uses it; with the same facts it gets the
   * same fact number (so the same Token.lex), and every per-lexeme cache (lexeme-memo.ts) keeps
   * its entry instead of filling a new one per text.
   */
  reborn: Map<string, number>;
}
interface LexemeFact { type: string; stop: boolean; lemma: string; lower: string }
let facts: LexemeFacts | null = null;
let factsFor: Nlp | null = null;
function lexemeFacts(n: Nlp, size: number): LexemeFacts {
  if (factsFor !== n || !facts) {
    startLexemeTable(facts ? facts.list.length : 0);
    facts = { first: new Int32Array(size), firstPos: new Uint8Array(size), more: new Map(), list: [], reborn: new Map() };
    factsFor = n;
  } else if (facts.first.length < size) {
    const cap = Math.max(size, facts.first.length * 2);
    const first = new Int32Array(cap); first.set(facts.first);
    const firstPos = new Uint8Array(cap); firstPos.set(facts.firstPos);
    facts.first = first; facts.firstPos = firstPos;
  }
  return facts;
}

/** Returns the fact number of (lexeme, POS), or -1 when not cached. */
function factOf(lf: LexemeFacts, u: number, pn: number): number {
  const f = lf.first[u]!;
  if (f !== 0 && lf.firstPos[u] === pn) return f - 1;
  if (f === 0) return -1;
  return lf.more.get(u * POS_SLOTS + pn) ?? -1;
}

/** Registers the facts of (lexeme u, POS pn) and returns their fact number. */
function addFact(lf: LexemeFacts, u: number, pn: number, value: string, type: string, stop: boolean, lemma: string, lower: string): number {
  let k = -1;
  // A word that is not SAFE_OOV is forgotten after each text: reuse its earlier fact number when
  // every fact is the same (they depend on the value and POS; compared, not assumed).
  const key = SAFE_OOV.test(value) ? null : `${pn}\u0000${value}`;
  if (key !== null) {
    const old = lf.reborn.get(key);
    const o = old === undefined ? undefined : lf.list[old]!;
    if (o && o.type === type && o.stop === stop && o.lemma === lemma && o.lower === lower) k = old!;
  }
  if (k < 0) {
    k = lf.list.length;
    lf.list.push({ type, stop, lemma, lower });
    if (key !== null && lf.reborn.size < MAX_OOV_LEXEMES) lf.reborn.set(key, k);
  }
  if (lf.first[u] === 0) { lf.first[u] = k + 1; lf.firstPos[u] = pn; } else lf.more.set(u * POS_SLOTS + pn, k);
  return k;
}

/**
 * Returns the text's tokens, sentences and entities with character offsets.
 * Speed: wink's pipeline (readDoc) is most of the cost. Lexeme indices, POS numbers and
 * contraction flags are read from wink's raw token array (rawOf); type, stop flag, lemma and
 * lower case come from LexemeFacts, and wink's readers (its.type, its.lemma, ...) run only for
 * lexeme + POS pairs not seen before and for contractions. Offsets come from a walk over the
 * text instead of wink's per-token space reconstruction. The sentence and POS steps run with
 * cached transformers (wink-hints.ts).
 */
export function tokenize(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const lx = lexemes!;
  const lexemesBefore = lx.list.length;
  const doc = n.readDoc(text);
  const raw = rawOf(doc, its);
  const rt = raw.tokens;
  const count = rt.length / TK_SIZE;
  const list = lx.list;
  const values: string[] = new Array(count);
  const posNums = new Uint8Array(count);
  for (let i = 0, k = 0; i < count; i++, k += TK_SIZE) {
    values[i] = list[rt[k]!]!;
    posNums[i] = (rt[k + 2]! & POS_MASK) >>> BITS4LEMMA;
  }
  const { starts, breakBefore } = walkOffsets(text, values) ?? offsetsFromSpaces(doc, its, values);
  const lf = lexemeFacts(n, list.length);
  const factNo = new Int32Array(count);
  // Tokens whose facts are not known yet (or never cached: contractions); filled below from wink.
  const missing: number[] = [];
  for (let i = 0; i < count; i++) {
    const f = rt[i * TK_SIZE + 1]! > 65535 ? -1 : factOf(lf, rt[i * TK_SIZE]!, posNums[i]!);
    factNo[i] = f;
    if (f < 0) missing.push(i);
  }
  const tokens: Token[] = new Array(count);
  let own: { type: string; stop: boolean; lemma: string; lower: string }[] | null = null;
  if (missing.length > 0) {
    own = [];
    // wink's own per-token readers, called on the raw data (what `out` does, without a call per field).
    const itsType = its.type as unknown as (i: number, rdd: RawDoc) => string | undefined;
    const itsStop = its.stopWordFlag as unknown as (i: number, rdd: RawDoc) => boolean;
    const itsLemma = its.lemma as unknown as (i: number, rdd: RawDoc, addons: unknown) => string | undefined;
    for (const i of missing) {
      const type = itsType(i, raw) ?? 'word';
      const stop = itsStop(i, raw) === true;
      const value = values[i]!;
      let lemma = itsLemma(i, raw, rawAddons);
      if (lemma === undefined || !(lx.hash[lemma]! < lx.intrinsicSize)) {
        if (lemma === undefined || isWholeContraction(doc, lx, value)) lemma = value.toLowerCase();
      }
      lemma = lowerOf(lemma);
      const lower = lowerOf(value);
      const u = rt[i * TK_SIZE]!;
      if (rt[i * TK_SIZE + 1]! > 65535) {
        // A contraction's lemma sits in its own token data: not a per-lexeme fact.
        factNo[i] = -2 - own.length;
        own.push({ type, stop, lemma, lower });
      } else {
        const pn = posNums[i]!;
        let f = factOf(lf, u, pn);
        if (f < 0) f = addFact(lf, u, pn, value, type, stop, lemma, lower);
        factNo[i] = f;
      }
    }
  }
  const posNames = posList!;
  const flist = lf.list;
  const base = lexemeIdBase();
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const start = starts[i]!;
    const f = factNo[i]!;
    const pos = posNames[posNums[i]!] ?? 'X';
    if (f >= 0) {
      const fo = flist[f]!;
      tokens[i] = { start, end: start + value.length, value, lower: fo.lower, lemma: fo.lemma, pos, type: fo.type, stop: fo.stop, negation: false, lex: base + f };
    } else {
      const o = own![-2 - f]!;
      tokens[i] = { start, end: start + value.length, value, lower: o.lower, lemma: o.lemma, pos, type: o.type, stop: o.stop, negation: false, lex: -1 };
    }
  }
  const sentences: SentenceSpan[] = [];
  for (const s of raw.sentences) {
    // wink keeps a single "\n" inside a sentence and puts the preceding "\n\n" into it: split at
    // line breaks and drop white-space-only tokens, because a line break in article text is a
    // block boundary (headline, dateline, speaker line).
    let a = s[0]!;
    const b = s[1]! + 1;
    for (let i = a; i <= b; i++) {
      const atBreak = i === b || tokens[i]!.type === 'tabCRLF' || breakBefore[i] === 1;
      if (!atBreak) continue;
      let x = a, y = i;
      while (x < y && tokens[x]!.type === 'tabCRLF') x++;
      while (y > x && tokens[y - 1]!.type === 'tabCRLF') y--;
      if (y > x) sentences.push({ start: tokens[x]!.start, end: tokens[y - 1]!.end, tokenStart: x, tokenEnd: y });
      a = tokens[i]?.type === 'tabCRLF' ? i + 1 : i;
    }
  }
  const negated = negationFlags(tokens, sentences);
  for (let i = 0; i < count; i++) if (negated[i] === 1) tokens[i]!.negation = true;
  const entities = findEntities(text, tokens, breakBefore);
  forgetNewLexemes(lexemesBefore);
  return { text, tokens, sentences, entities };
}

// Lemmas repeat heavily; most are already lower case, so skip the toLowerCase allocation then.
function lowerOf(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}
