/**
 * Per-lexeme caches for the analysis modules. Every token of the shared pipeline carries a
 * lexeme id (Token.lex): the same number for the same word form and POS while the pipeline's
 * lexicon lives (nlp.ts LexemeFacts). A value computed from what the id stands for (the value,
 * its lower case, lemma and token type; not the POS, which some modules relabel on copies) can
 * be cached under it: a typed-array read per token instead of a string hash look-up.
 */
import type { Token } from './nlp.js';

/**
 * Lexeme id of the first entry of the current table: each new table starts past the old one's
 * ids, so a token kept from an older table is never mistaken for one of the new table.
 */
let lexBase = 0;

/** Returns the id of the current table's entry 0 (nlp.ts adds the entry number). */
export function lexemeIdBase(): number {
  return lexBase;
}

/** Starts a new table: ids of the old one (it had `oldSize` entries) become stale. */
export function startLexemeTable(oldSize: number): void {
  lexBase += oldSize;
}

/**
 * Returns `compute(t)` cached per lexeme id (Token.lex), for values that depend on the token's
 * value, lower case, lemma or type only (a table index, a word class, a flag). Values must be
 * integers in the Int32 range; tokens without a current id (contractions: -1; tokens of an
 * older table) are computed each time. The cache empties itself when a new table starts.
 */
export function lexemeMemo(compute: (t: Token) => number): (t: Token) => number {
  let base = -1;
  let known = new Uint8Array(0);
  let vals = new Int32Array(0);
  return (t: Token) => {
    // Contractions, and tokens of a table rebuilt since, are computed.
    if (t.lex < lexBase) return compute(t);
    if (base !== lexBase) { base = lexBase; known = new Uint8Array(1024); vals = new Int32Array(1024); }
    const id = t.lex - base;
    if (id >= known.length) {
      const cap = Math.max(id + 1, known.length * 2);
      const k2 = new Uint8Array(cap); k2.set(known); known = k2;
      const v2 = new Int32Array(cap); v2.set(vals); vals = v2;
    }
    if (known[id] === 1) return vals[id]!;
    const v = compute(t);
    vals[id] = v; known[id] = 1;
    return v;
  };
}

/** Per-lexeme rows of whole numbers in one typed array (lexemeColumns). */
export interface LexemeRows {
  /** Row r is data[r * stride .. (r + 1) * stride); read it after `row`, which may grow the array. */
  data: Int32Array;
  /** Returns the offset of the token's row, filling it first when it is new. */
  row(t: Token): number;
}

/**
 * Returns rows of `stride` Int32 values cached per lexeme id, filled by `fill(t, data, offset)`:
 * like lexemeMemo, for several values per lexeme side by side in one typed array (one
 * cache line per word instead of an object and the arrays it points into). Tokens without a
 * current id are filled into a scratch row each time.
 */
export function lexemeColumns(stride: number, fill: (t: Token, data: Int32Array, offset: number) => void): LexemeRows {
  let base = -1;
  // Row 0 is the scratch row; lexeme id k is row k + 1. known[k] = 1 once row k + 1 is filled.
  let known = new Uint8Array(0);
  const rows: LexemeRows = {
    data: new Int32Array(stride),
    row(t: Token): number {
      if (!(t.lex >= lexBase)) { fill(t, rows.data, 0); return 0; }
      if (base !== lexBase) { base = lexBase; known = new Uint8Array(1024); rows.data = new Int32Array(1025 * stride); }
      const id = t.lex - base;
      if (id >= known.length) {
        const cap = Math.max(id + 1, known.length * 2);
        const k2 = new Uint8Array(cap); k2.set(known); known = k2;
        const d2 = new Int32Array((cap + 1) * stride); d2.set(rows.data); rows.data = d2;
      }
      const at = (id + 1) * stride;
      if (known[id] === 0) { fill(t, rows.data, at); known[id] = 1; }
      return at;
    },
  };
  return rows;
}
