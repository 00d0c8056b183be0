/**
 * Negation scope flags, set on wink's tokens in one pass. It replaces wink's negation step (an
 * automaton over the whole text; only the check-worthiness features read its flags) and follows
 * the same idea: a negator ("not", "n't", "never", "no", "without", ...) opens a scope that runs
 * to the next clause boundary (punctuation that ends a clause, or a word that starts a new
 * clause: "but", "because", "which", ...) or the end of the sentence; the words in it are flagged.
 * The trigger and boundary words are those of wink's English negation model
 * (wink-eng-lite-web-model, eng-negation-model.json), without its multi-word patterns.
 */
import type { SentenceSpan, Token } from './nlp.js';
import { lexemeMemo } from './lexeme-memo.js';

const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'none', 'nor', 'neither', 'without', 'cannot', 'hardly', 'scarcely',
  'rarely', 'impossible', 'unlikely', 'fail', 'fails', 'failed', 'failing', 'prevent', 'eliminate']);
const BOUNDARY_WORDS = new Set(['but', 'however', 'although', 'though', 'because', 'cause', 'unless', 'until', 'which', 'yet', 'so',
  'still', 'nevertheless', 'except', 'as']);
const BOUNDARY_PUNCT = new Set([',', '.', ';', '!', '?', ')', ':']);

const NEGATOR = 1;
const BOUNDARY = 2;
/** A token's part in a scope, cached per lexeme: words compare in lower case, other tokens (punctuation, numbers, web tokens) as they are. */
const roleOf = lexemeMemo((t) => {
  const w = t.type === 'word' ? t.lower : t.value;
  return NEGATORS.has(w) ? NEGATOR : BOUNDARY_PUNCT.has(w) || BOUNDARY_WORDS.has(w) ? BOUNDARY : 0;
});

/** Returns a flag per token: 1 when the token lies inside a negated scope. */
export function negationFlags(tokens: Token[], sentences: SentenceSpan[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  for (const s of sentences) {
    let open = false;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i]!;
      const role = roleOf(t);
      if (role === NEGATOR) { open = true; continue; }
      if (role === BOUNDARY) { open = false; continue; }
      if (open && t.type !== 'punctuation' && t.type !== 'emoji' && t.type !== 'emoticon') flags[i] = 1;
    }
  }
  return flags;
}
