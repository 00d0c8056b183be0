import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { createWink } from '../../../src/analysis/nlp.js';

describe('tokenize', () => {
  it('gives every token exact character offsets', () => {
    const text = 'Hi there.\n\nI can\'t go  \t now.\r\n\nOK   done — a\u00a0b “quoted” text.';
    const { tokens } = tokenize(text);
    expect(tokens.length).toBeGreaterThan(10);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
  });
  it('fills lemma, POS, type, stop and negation', () => {
    const { tokens } = tokenize('The officials said they did not agree.');
    const said = tokens.find((t) => t.value === 'said')!;
    expect(said).toMatchObject({ lemma: 'say', pos: 'VERB', type: 'word', stop: false });
    expect(tokens.find((t) => t.value === 'The')!.stop).toBe(true);
    expect(tokens.find((t) => t.value === 'agree')!.negation).toBe(true);
    expect(tokens.every((t) => t.lemma === t.lemma.toLowerCase())).toBe(true);
  });
  it('splits sentences at line breaks and drops white-space-only tokens', () => {
    const text = 'Headline Without Period\nBy Jane Doe\n\nThe first sentence. The second one.';
    const { sentences, tokens } = tokenize(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Headline Without Period', 'By Jane Doe', 'The first sentence.', 'The second one.',
    ]);
    for (const s of sentences) {
      expect(tokens[s.tokenStart]!.start).toBe(s.start);
      expect(tokens[s.tokenEnd - 1]!.end).toBe(s.end);
    }
  });
  it('returns entities with offsets and token ranges', () => {
    const text = 'On June 3, 2024 the firm paid $5 million.';
    const { entities, tokens } = tokenize(text);
    expect(entities.some((e) => e.type === 'DATE')).toBe(true);
    for (const e of entities) {
      expect(e.start).toBe(tokens[e.tokenStart]!.start);
      expect(e.end).toBe(tokens[e.tokenEnd - 1]!.end);
      expect(text.slice(e.start, e.end).length).toBeGreaterThan(0);
    }
  });
  it('handles empty and white-space-only text', () => {
    expect(tokenize('').sentences).toEqual([]);
    expect(tokenize('\n\n  \n').sentences).toEqual([]);
  });
});

describe('tokenize does not depend on texts read before', () => {
  const values = (t: string) => tokenize(t).tokens.map((x) => `${x.value}/${x.lemma}/${x.pos}`);
  it('a word once taken whole ("Zorbleck\'s." at a full stop) is still split elsewhere', () => {
    const text = "Governor Zorbleck's budget cut 40 jobs, and we cannot, of course, undo it.";
    const before = values(text);
    expect(before).toContain("'s/'s/PART");
    tokenize("The plan was Zorbleck's. We cannot.");
    expect(values(text)).toEqual(before);
  });
  it('a whole contraction gets its own lemma, not an unrelated earlier word', () => {
    tokenize('Qwertzuiop Asdfghjkl met Yxcvbnm in Plokijuh.');
    const cannot = tokenize('We cannot, of course, say.').tokens.find((t) => t.value === 'cannot');
    expect(cannot?.lemma).toBe('cannot');
  });
  it('extra wink instances load (the model package re-stringifies its CER model on each load)', () => {
    for (let i = 0; i < 3; i++) expect(() => createWink([])).not.toThrow();
  });
});

describe('lexeme ids and lower case', () => {
  it('gives every token its lower-cased value', () => {
    const { tokens } = tokenize('The U.S. Senate said NO to Élodie’s plan.');
    for (const t of tokens) expect(t.lower).toBe(t.value.toLowerCase());
  });
  it('gives tokens of the same word form and POS one lexeme id, other forms other ids', () => {
    const { tokens } = tokenize('The cat saw the cat. The dog saw the cat.');
    const cats = tokens.filter((t) => t.value === 'cat');
    expect(new Set(cats.map((t) => t.lex)).size).toBe(1);
    expect(cats[0]!.lex).toBeGreaterThanOrEqual(0);
    const dog = tokens.find((t) => t.value === 'dog')!;
    expect(dog.lex).not.toBe(cats[0]!.lex);
    // "The" and "the" are different word forms.
    expect(tokens[0]!.lex).not.toBe(tokens.find((t) => t.value === 'the')!.lex);
  });
});

describe('the shared pipeline tags like stock wink', () => {
  it('has the POS tags and sentences of a wink instance with the stock transformers', () => {
    // Abbreviations, initials, quotes after full stops and unknown words exercise the SBD and POS hints.
    const text = 'Mr. Smith met Dr. J. R. Jones at 5 p.m. on Jan. 3. "We agree," he said. ' +
      "It's the U.S. Corp.'s plan, i.e. Zorblax's. They'll vote. 'Quite so.' She left.\n\nAs he said, it is so.";
    const stock = createWink(['sbd', 'pos']);
    const doc = stock.readDoc(text);
    const want = doc.tokens().out(stock.its.pos) as string[];
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.pos)).toEqual(want);
    const spans = doc.sentences().out(stock.its.span) as unknown as [number, number][];
    const starts = new Set(tokenize(text).sentences.map((s) => s.tokenStart));
    // Every wink sentence start is a sentence start here (we only add splits at line breaks).
    for (const [a] of spans) {
      let k = a;
      while (tokens[k]?.type === 'tabCRLF') k++;
      expect(starts.has(k)).toBe(true);
    }
  });
});
