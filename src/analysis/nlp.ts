/**
 * The one place that talks to wink-nlp: text in, tokens / sentences / entities with character
 * offsets out. wink's tokens are lossless (value + preceding spaces rebuild the text exactly),
 * so offsets come from a prefix sum; see ../shared/notes/nlp-libraries.md §4.
 * The model is loaded once per process (about 150 ms) on first use.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../shared/spans.js';

export interface Token extends Span {
  value: string;
  /** Lower-cased lemma ("said" -> "say"). */
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, PUNCT, SPACE, ... */
  pos: string;
  /** wink token type: word, number, punctuation, quoted_phrase, tabCRLF, url, ... */
  type: string;
  stop: boolean;
  /** wink's negation flag (set on tokens inside a negated scope). */
  negation: boolean;
}

export interface SentenceSpan extends Span {
  /** Index of the first token and one past the last token of the sentence. */
  tokenStart: number;
  tokenEnd: number;
}

export interface EntitySpan extends Span {
  /** wink entity type: DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT, URL, MENTION, ... */
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

/** Returns the shared wink pipeline, loading the model on first call. */
export function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'ner', 'pos']);
  return nlp;
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
    while (!text.startsWith(v, p)) {
      const c = text.charCodeAt(p);
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
 * Returns the text's tokens, sentences and entities with character offsets.
 * Speed: wink's pipeline (readDoc) is most of the cost; each token property is read once with a
 * bulk `out` (measured faster than one `each` with per-token `out`, about 7x here), offsets come
 * from a walk over the text instead of wink's per-token space reconstruction.
 */
export function tokenize(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const col = doc.tokens();
  const values = col.out() as string[];
  const lemmas = col.out(its.lemma as never) as unknown as string[];
  const pos = col.out(its.pos) as string[];
  const types = col.out(its.type) as string[];
  const stops = col.out(its.stopWordFlag) as unknown as boolean[];
  const negs = col.out(its.negationFlag) as unknown as boolean[];
  const { starts, breakBefore } = walkOffsets(text, values) ?? offsetsFromSpaces(doc, its, values);
  const count = values.length;
  const tokens: Token[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const lemma = lemmas[i];
    const start = starts[i]!;
    tokens[i] = {
      start, end: start + value.length, value,
      lemma: lemma === undefined ? value.toLowerCase() : lowerOf(lemma), pos: pos[i] ?? 'X', type: types[i] ?? 'word',
      stop: stops[i] === true, negation: negs[i] === true,
    };
  }
  const sentences: SentenceSpan[] = [];
  for (const s of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // wink keeps a single "\n" inside a sentence and puts the preceding "\n\n" into it: split at
    // line breaks and drop white-space-only tokens, because a line break in article text is a
    // block boundary (headline, dateline, speaker line).
    let a = s[0];
    const b = s[1] + 1;
    for (let i = a; i <= b; i++) {
      const atBreak = i === b || types[i] === 'tabCRLF' || breakBefore[i] === 1;
      if (!atBreak) continue;
      let x = a, y = i;
      while (x < y && types[x] === 'tabCRLF') x++;
      while (y > x && types[y - 1] === 'tabCRLF') y--;
      if (y > x) sentences.push({ start: tokens[x]!.start, end: tokens[y - 1]!.end, tokenStart: x, tokenEnd: y });
      a = types[i] === 'tabCRLF' ? i + 1 : i;
    }
  }
  const ents = doc.entities();
  const details = ents.out(its.detail) as unknown as { value: string; type: string }[];
  const spans = ents.out(its.span) as unknown as [number, number][];
  const entities: EntitySpan[] = spans.map((s, i) => {
    const tokenStart = s[0], tokenEnd = s[1] + 1;
    return {
      start: tokens[tokenStart]!.start, end: tokens[tokenEnd - 1]!.end,
      type: details[i]!.type, value: details[i]!.value, tokenStart, tokenEnd,
    };
  });
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
