import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { lexemeMemo } from '../../../src/analysis/lexeme-memo.js';

describe('lexemeMemo', () => {
  it('computes once per lexeme and returns the computed value for every token', () => {
    let calls = 0;
    const len = lexemeMemo((t) => { calls++; return t.value.length; });
    const { tokens } = tokenize('the cat and the hat and the bat');
    const words = tokens.filter((t) => t.type === 'word');
    for (const t of words) expect(len(t)).toBe(t.value.length);
    expect(calls).toBe(new Set(words.map((t) => t.value)).size);
    for (const t of words) len(t);
    expect(calls).toBe(new Set(words.map((t) => t.value)).size);
  });
  it('computes tokens without a lexeme id each time', () => {
    let calls = 0;
    const f = lexemeMemo(() => { calls++; return 7; });
    const t = { ...tokenize('cat').tokens[0]!, lex: -1 };
    expect(f(t)).toBe(7);
    expect(f(t)).toBe(7);
    expect(calls).toBe(2);
  });
});
