/**
 * The 11 quote decisions of ../shared/notes/nlp-libraries.md §3.4 on the two seed articles, read
 * from ../shared/seeds at run time (their text is not copied here). Quotes are identified by
 * their order in the article; speakers by a name the expected speaker must contain.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';
import { findQuoteStretches } from '../../../src/analysis/quote-marks.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedDir = path.join(here, '../../../../shared/seeds');
const seed = (prefix: string) => {
  const f = existsSync(seedDir) ? readdirSync(seedDir).find((n) => n.startsWith(prefix)) : undefined;
  return f ? readFileSync(path.join(seedDir, f), 'utf8') : null;
};
const s000 = seed('000_');
const s002 = seed('002_');

describe.skipIf(!s000)('seed 000 quotes (skipped when ../shared/seeds is absent)', () => {
  const qs = s000 ? findQuotes(tokenize(s000)) : [];

  it('finds both quotes', () => expect(qs).toHaveLength(2));

  it('credits the first quote to Steven Cheung in its sentence', () => {
    expect(qs[0]!.speaker).toBe('Steven Cheung');
    expect(qs[0]!.speakerHow).toBe('same-sentence');
  });

  it('credits the second quote to the speaker line that follows it', () => {
    expect(qs[1]!.speaker).toBe('Steven Cheung');
    expect(qs[1]!.speakerHow).toBe('speaker-line');
    expect(qs[1]!.speakerStart!).toBeGreaterThan(qs[1]!.end);
  });
});

describe.skipIf(!s002)('seed 002 quotes (skipped when ../shared/seeds is absent)', () => {
  const text = s002 ?? '';
  const qs = s002 ? findQuotes(tokenize(text)) : [];

  it('keeps 8 of the 9 quoted stretches, dropping the one-word nickname', () => {
    const stretches = findQuoteStretches(text);
    expect(stretches).toHaveLength(9);
    expect(qs).toHaveLength(8);
    const dropped = stretches.filter((s) => !qs.some((q) => q.start === s.start));
    expect(dropped).toHaveLength(1);
    expect(text.slice(dropped[0]!.innerStart, dropped[0]!.innerEnd).split(/\s+/)).toHaveLength(1);
  });

  const expected: [name: string, how: string[]][] = [
    ['Steven Cheung', ['same-sentence']],
    ['A spokesperson for the National Security Council', ['same-sentence']],
    ['mission to the United Nations', ['coreference']],
    ['mission to the United Nations', ['continuation', 'coreference']],
    ['Cheung', ['same-sentence']],
    ['Cheung', ['same-sentence']],
    ['Microsoft', ['same-sentence']],
    ['Cheung', ['same-sentence']],
  ];
  expected.forEach(([name, how], i) => {
    it(`credits quote ${i} to ${name}`, () => {
      expect(qs[i]!.speaker).toContain(name);
      expect(how).toContain(qs[i]!.speakerHow);
      expect(text.slice(qs[i]!.speakerStart!, qs[i]!.speakerEnd!)).toBe(qs[i]!.speaker);
    });
  });

  it('never spans a paragraph break', () => {
    for (const q of qs) expect(text.slice(q.start, q.end)).not.toContain('\n');
  });
});
