import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_CUES } from '../../../src/analysis/cues.js';
import { eachCueMatch, literalStarts, prefixKeys, WordStarts } from '../../../src/analysis/cue-starts.js';

/** Every match of a global scan, as [start, end] pairs. */
function globalMatches(re: RegExp, text: string): number[][] {
  const out: number[][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function indexedMatches(pattern: string, text: string, words: WordStarts): number[][] | null {
  const starts = literalStarts(pattern);
  if (!starts) return null;
  const source = `\\b(?:${pattern})\\b`;
  const out: number[][] = [];
  eachCueMatch(text, new RegExp(source, 'gi'), new RegExp(source, 'iy'), prefixKeys(starts), words, (m) => out.push([m.index, m.index + m[0].length]));
  return out;
}

// A deterministic word salad of cue words, look-alikes, capitals, curly apostrophes and line breaks.
const BAG = [
  'officials', 'Officials', 'said', 'say', 'sources', 'according', 'to', 'a', 'A', 'an', 'two', 'senior', 'aide', 'is', 'Is',
  'was', 'were', 'been', 'be', 'widely', 'believed', 'thought', 'may', 'May', 'might', 'could', 'well', 'have', 'it', "it's",
  'it’s', 'reportedly', 'rumoured', 'rumored', 'alleged', 'by', 'that', 'possible', 'as', 'unclear', 'likely', 'voters',
  'did', 'not', "didn't", 'didn’t', 'provide', 'evidence', 'no', 'proof', 'without', 'people', 'familiar', 'with', 'the',
  'matter', 'anonymous', 'unnamed', 'spoke', 'on', 'condition', 'of', 'anonymity', 'some', 'critics', 'argue', 'studies',
  'show', 'seems', 'appears', 'there', 'are', 'reports', 'expected', 'seen', 'accused', 'verified', 'independently',
  'U.S.', 'isn’t', 'weren\'t', 'issue', 'island', 'x-ray', 'e-mail', 'Ánd', 'naïve', '2024', '_id', 'ok.', '"quote"',
];
const SEPS = [' ', ' ', ' ', ' ', '  ', ', ', '. ', '\n', ' - ', '—', ' “', '” ', '\u00a0', ''];
function salad(seed: number, words: number): string {
  let x = seed >>> 0;
  const rnd = (n: number) => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x % n; };
  let s = '';
  for (let i = 0; i < words; i++) s += BAG[rnd(BAG.length)]! + SEPS[rnd(SEPS.length)]!;
  return s;
}

describe('literalStarts', () => {
  it('lists the literal openings of alternatives, optional parts and quantified letters', () => {
    expect(literalStarts('reportedly|rumou?red')?.sort()).toEqual(['reportedly', 'rumored', 'rumoured']);
    expect(literalStarts('(?:an?|one)\\s+source')?.sort()).toEqual(['a\0', 'an\0', 'one\0']);
    expect(literalStarts('(?<!\\bnot\\s)(?:is|be)\\s+said')?.sort()).toEqual(['be\0', 'is\0']);
    expect(literalStarts('(?:some\\s+)?people')?.sort()).toEqual(['people', 'some\0']);
  });
  it('gives up where a match could open with something else than a letter', () => {
    expect(literalStarts('(?:an?)?\\s*anonymous')).toBeNull();
    expect(literalStarts('[\\w.]+\\s+said')).toBeNull();
    expect(literalStarts('(?:a|\\d+) said')).toBeNull();
  });
});

describe('eachCueMatch', () => {
  it('finds exactly the matches of a global scan, for every attribution cue', () => {
    let indexed = 0, matches = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = salad(seed, 400);
      const words = new WordStarts(text);
      for (const cue of ATTRIBUTION_CUES) {
        const got = indexedMatches(cue.pattern, text, words);
        if (!got) continue;
        indexed++;
        matches += got.length;
        expect(got, `${cue.pattern.slice(0, 40)} seed ${seed}`).toEqual(globalMatches(new RegExp(`\\b(?:${cue.pattern})\\b`, 'gi'), text));
      }
    }
    // Most cues open with a literal word: the index is used, not the fallback.
    expect(indexed).toBeGreaterThan(30 * 40);
    expect(matches).toBeGreaterThan(1000);
  });
  it('skips candidates inside an earlier match, as the global scan does', () => {
    const text = 'it is said that it is said to be';
    const words = new WordStarts(text);
    const pattern = 'it is said(?: that it)?|is said';
    expect(indexedMatches(pattern, text, words)).toEqual(globalMatches(new RegExp(`\\b(?:${pattern})\\b`, 'gi'), text));
  });
});
