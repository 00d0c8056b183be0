/**
 * Speaker attribution rules of issue 4, round 7: hand-written sentences with fictional people,
 * one rule each (each case fails without its rule).
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const speakers = (text: string) => findQuotes(tokenize(text)).map((q) => q.speaker);
const last = (text: string) => speakers(text).pop();

describe('findQuotes: an opening participle led by a preposition', () => {
  it('gives "After saying “…,” X was …" to the main clause subject', () => {
    expect(last('Ana Ruiz spoke on Monday. After saying her left knee was “so stiff I could barely stand up,” Ruiz was taken to the clinic for scans.')).toBe('Ruiz');
  });

  it('resolves a pronoun subject of that main clause', () => {
    expect(last('In her 2009 memoir, Ana Ruiz described the injury. After saying her left knee was “so stiff I could barely stand up,” she was taken to the clinic.')).toBe('Ana Ruiz');
  });
});

describe('findQuotes: a participle after a comma that the tagger reads as an adjective', () => {
  it('reports the quote for the clause subject (", promising “…”")', () => {
    expect(last('Tom Bragg softened his tone, promising “we will listen to every single family on the street.”')).toBe('Tom Bragg');
  });

  it('is no speech verb after a determiner', () => {
    expect(last('Tom Bragg gave a promising “new start for the whole town and all of its families.”')).not.toBe('Tom Bragg');
  });
});

describe('findQuotes: a titled or first-named person after "from"', () => {
  it('is a person mention that a relative "who" can stand for', () => {
    expect(last('The vote drew a sharp reaction from Senator Ana Ruiz, who called the mayor “unfit to serve as a leader of anything.”')).toBe('Ana Ruiz');
  });
});

describe('findQuotes: a relative "who" after a place or thing in a prepositional phrase', () => {
  it('stands for the people the phrase before the preposition names', () => {
    expect(last('The remarks were echoed by Democrats across the state, who said the mayor was “unfit to serve as a leader of anything.”')).toBe('Democrats');
  });

  it('stands for a person named before "on camera"', () => {
    expect(last('Ode spoke to Tom Bragg on camera, who answered, “Okay, we will all be there soon!”')).toBe('Tom Bragg');
  });
});

describe('findQuotes: a quote resumed in lower case after a dashed aside', () => {
  it('keeps the speaker of the quote before the aside, not the aside’s own', () => {
    expect(speakers('Sheriff Tom Bragg spoke next. He said, “Ana Ruiz will build the bridge” - at which point the crowd chanted “Build the bridge!” - “and bring back jobs and keep the town safe for everyone.”')).toEqual(['Tom Bragg', 'the crowd', 'Tom Bragg']);
  });

  it('needs an earlier quote before the aside', () => {
    expect(last('Tom Bragg called it “a plan to fail” in June. The town - still angry about the vote - “will not forget this for a long time,” said Ana Ruiz.')).toBe('Ana Ruiz');
  });
});

describe('findQuotes: a participle after the main clause skips an opening adverbial', () => {
  it('does not hang on a speech word inside "Alongside X calls for …,"', () => {
    expect(last('Alongside union calls for action, even a senior party strategist said Ruiz must choose a side, saying, “At some point, she is going to have to say where she stands.”')).toBe('a senior party strategist');
  });
});

describe('findQuotes: a subject before an aside opened by a preposition', () => {
  it('is the subject even when the aside holds a clause (", for all the progress he won,")', () => {
    expect(last('Cheap gas also helped, said Tom Bragg, an economist. “Nuclear is off the table in most of the rich world,” Bragg said.\nAnd Obama, for all the progress he helped win from world leaders, seems to agree. “We do not yet know exactly what is going to work best,” he said.')).toBe('Obama');
  });
});

describe('findQuotes: the agent of a passive speech verb', () => {
  it('speaks after "was asked by"', () => {
    expect(last('Ruiz was asked by the moderator Tom Bragg whether her plan would risk “adding another costly program to a strained budget.”')).toBe('Tom Bragg');
  });

  it('leaves a passive with no agent unattributed', () => {
    expect(last('The plan is described as “a bold step for the whole town” in the report.')).toBeNull();
  });
});

describe('findQuotes: a dateline opens no clause', () => {
  it('gives a participle the subject after "CITY, Date (Agency) —"', () => {
    expect(last('SALEM, July 25 (UPI) — The Town Council released a statement at the start of the meeting Monday, offering “a deep and sincere apology” to the mayor.')).toBe('The Town Council');
  });
});

describe('findQuotes: the state of "in City, State," is a place', () => {
  it('never names the state as the speaker', () => {
    expect(last('A woman in Salem, Oregon, told him she worries he is “too nice” to fend off his rivals.')).toBe('A woman in Salem');
  });
});
