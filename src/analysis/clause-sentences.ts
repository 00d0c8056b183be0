/**
 * Sentences for attribution: wink's sentences with the splits that fall inside a clause undone.
 * wink ends a sentence at an abbreviation before a bracket ("Sen. Ana Ruiz (D-Ore.) said …") and
 * at "?”" / "!”" before the attribution ("“Why now?” she asked."). A sentence that starts on the
 * same line with a lower-case word, or after one that left a bracket open, goes on with the one
 * before, so the two are joined; a line break always ends a sentence (headline, dateline, speaker
 * line).
 */
import type { SentenceSpan, Tokenized } from './nlp.js';

/** A lower-case word: not a URL, handle or other token that happens to start in lower case. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}’'-]*$/u;

/** True when text [a, b) opens more round brackets than it closes. */
function openBracket(text: string, a: number, b: number): boolean {
  let depth = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/** Returns the sentences of the text with clause-internal splits joined. */
export function clauseSentences(tok: Tokenized): SentenceSpan[] {
  const { text, tokens, sentences } = tok;
  const out: SentenceSpan[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const first = tokens[s.tokenStart]!;
    const sameLine = prev !== undefined && !text.slice(prev.end, s.start).includes('\n');
    // a lower-case start, or a split inside brackets ("Sen. Ana Ruiz (D-N.Y.) said")
    if (prev && sameLine && (LOWER_WORD.test(first.value) || openBracket(text, prev.start, prev.end))) {
      out[out.length - 1] = { start: prev.start, end: s.end, tokenStart: prev.tokenStart, tokenEnd: s.tokenEnd };
    } else out.push(s);
  }
  return out;
}
