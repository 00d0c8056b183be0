import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { lexemeColumns, lexemeMemo } from '../../../src/analysis/lexeme-memo.js';

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

describe('lexemeColumns', () => {
  it('fills a row once per lexeme and keeps every row through growth', () => {
    let calls = 0;
    const rows = lexemeColumns(2, (t, d, at) => { calls++; d[at] = t.value.length; d[at + 1] = t.value.charCodeAt(0); });
    const text = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ') + ' the cat the cat';
    const words = tokenize(text).tokens.filter((t) => t.type === 'word');
    for (const t of words) {
      const at = rows.row(t);
      expect([rows.data[at], rows.data[at + 1]]).toEqual([t.value.length, t.value.charCodeAt(0)]);
    }
    const distinct = new Set(words.map((t) => t.value)).size;
    expect(calls).toBe(distinct);
    for (const t of words) { const at = rows.row(t); expect(rows.data[at]).toBe(t.value.length); }
    expect(calls).toBe(distinct);
  });
  it('fills a scratch row each time for tokens without a lexeme id', () => {
    let calls = 0;
    const rows = lexemeColumns(1, (_t, d, at) => { calls++; d[at] = 5; });
    const t = { ...tokenize('cat').tokens[0]!, lex: -1 };
    expect(rows.data[rows.row(t)]).toBe(5);
    expect(rows.data[rows.row(t)]).toBe(5);
    expect(calls).toBe(2);
  });
});
