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

/** Returns the text's tokens, sentences and entities with character offsets. */
export function tokenize(text: string): Tokenized {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const negs = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    p += spaces[i]!.length;
    const value = values[i]!;
    tokens.push({
      start: p, end: p + value.length, value,
      lemma: (lemmas[i] ?? value).toLowerCase(), pos: pos[i] ?? 'X', type: types[i] ?? 'word',
      stop: Boolean(stops[i]), negation: Boolean(negs[i]),
    });
    p += value.length;
  }
  const toSpan = ([a, b]: [number, number]) => ({ tokenStart: a, tokenEnd: b + 1 });
  const sentences: SentenceSpan[] = [];
  for (const s of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // wink keeps a single "\n" inside a sentence and puts the preceding "\n\n" into it: split at
    // line breaks and drop white-space-only tokens, because a line break in article text is a
    // block boundary (headline, dateline, speaker line).
    let { tokenStart: a } = toSpan(s);
    const b = toSpan(s).tokenEnd;
    for (let i = a; i <= b; i++) {
      const atBreak = i === b || tokens[i]!.type === 'tabCRLF' || /\n/.test(spaces[i] ?? '');
      if (!atBreak) continue;
      let x = a, y = i;
      while (x < y && tokens[x]!.type === 'tabCRLF') x++;
      while (y > x && tokens[y - 1]!.type === 'tabCRLF') y--;
      if (y > x) sentences.push({ start: tokens[x]!.start, end: tokens[y - 1]!.end, tokenStart: x, tokenEnd: y });
      a = tokens[i]?.type === 'tabCRLF' ? i + 1 : i;
    }
  }
  const details = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  const entities: EntitySpan[] = spans.map((s, i) => {
    const { tokenStart, tokenEnd } = toSpan(s);
    return {
      start: tokens[tokenStart]!.start, end: tokens[tokenEnd - 1]!.end,
      type: details[i]!.type, value: details[i]!.value, tokenStart, tokenEnd,
    };
  });
  return { text, tokens, sentences, entities };
}
