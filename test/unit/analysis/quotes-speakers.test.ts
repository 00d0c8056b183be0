/**
 * Speaker attribution rules added after the first version: hand-written sentences, one rule each.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const run = (text: string) => findQuotes(tokenize(text));
const speakers = (text: string) => run(text).map((q) => q.speaker);

describe('findQuotes: names the tagger misses', () => {
  it('reads a surname tagged as a verb before "said" as a name', () => {
    expect(speakers('The council met on Monday.\n\nLynch said there remains a “significant gap in the budget for next year.”'))
      .toEqual(['Lynch']);
  });

  it('reads a past-tense speech verb tagged as an adjective after a name', () => {
    expect(speakers('“We will open the bridge in May,” Toomey fumed on Tuesday.')).toEqual(['Toomey']);
  });
});

describe('findQuotes: pronoun salience', () => {
  it('prefers the main-clause subject of the previous sentence over an embedded one', () => {
    const [q] = run('Ben Ode said praise from Carl Marsh would not change his plan. He said Marsh has “been a good partner to the city.”');
    expect(q!.speaker).toBe('Ben Ode');
    expect(q!.speakerHow).toBe('coreference');
  });

  it('takes a sentence-opening name set off by an adverbial phrase as the subject', () => {
    expect(speakers('Speaking in Salem, Ana Ruiz, without naming him, criticised Ben Ode.\n\n“He has never built a bridge,” she said.'))
      .toEqual(['Ana Ruiz']);
  });
});

describe('findQuotes: which speech verb governs the quote', () => {
  it('ignores a speech verb in a later clause after the quote', () => {
    expect(speakers('Ana Ruiz said the council was “short of money” because Ben Ode cannot defend the budget.')).toEqual(['Ana Ruiz']);
  });

  it('lets a reporting verb further left win over a weak verb of belief', () => {
    expect(speakers('Ana Ruiz said Ben Ode’s staff believe the plan is “a waste of money for everyone.”')).toEqual(['Ana Ruiz']);
  });

  it('takes the clause subject for a participle ("…, saying, “…”")', () => {
    expect(speakers('Ana Ruiz welcomed the vote, saying, “This bridge will change how people get to work.”')).toEqual(['Ana Ruiz']);
  });

  it('reads a verb that opens the clause before its subject ("Said X, “…”")', () => {
    expect(speakers('Said Ana Ruiz, “This bridge will change how people get to work.”')).toEqual(['Ana Ruiz']);
  });

  it('steps over an adverb set off by commas and a bracketed party tag', () => {
    expect(speakers('Ana Ruiz, meanwhile, told reporters that “the bridge will open in May.”')).toEqual(['Ana Ruiz']);
    expect(speakers('Ben Ode (D) said Tuesday that “the bridge will open in May.”')).toEqual(['Ben Ode']);
  });

  it('takes the name before an appositive with no article ("X, the city’s chief engineer, said")', () => {
    expect(speakers('“We will open the bridge in May,” Ben Ode, Ana Ruiz’ chief engineer, said.')).toEqual(['Ben Ode']);
  });

  it('reads "in X’s view"', () => {
    expect(speakers('The bridge is a “disaster for the whole region,” in Ben Ode’s view.')).toEqual(['Ben Ode']);
  });
});

describe('findQuotes: attributions outside the quote’s sentence', () => {
  it('reads an attribution that the splitter put in the next sentence ("“….” X said.")', () => {
    expect(speakers('The council met on Monday. “We will not raise the fares this year.” Ben Ode said.')).toEqual(['Ben Ode']);
    expect(speakers('The council met on Monday. “Will you raise the fares this year?” asked Ana Ruiz.')).toEqual(['Ana Ruiz']);
  });

  it('does not take a next sentence that goes on with its own clause', () => {
    const qs = run('The council met on Monday. “We will not raise the fares this year.” Ben Ode said the budget was tight.');
    expect(qs.map((q) => q.speaker)).toEqual([null]);
  });

  it('reads an interview-transcript label ("NAME: …") over a weak verb', () => {
    const [q] = run('RUIZ: Well, the council thinks this is “a very good deal for the city.” We agree.');
    expect(q!.speaker).toBe('RUIZ');
    expect(q!.speakerHow).toBe('speaker-line');
  });

  it('does not read a non-speaker label as a transcript speaker', () => {
    expect(speakers('UPDATE: The council thinks this is “a very good deal for the city and for everyone.”')).toEqual(['The council']);
  });
});
