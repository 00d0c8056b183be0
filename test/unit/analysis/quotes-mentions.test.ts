/**
 * The mention tracker and pronoun resolution behind quote speakers (mentions.ts, coreference.ts,
 * clause-sentences.ts), on hand-written sentences with fictional people.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuoteStretches } from '../../../src/analysis/quote-marks.js';
import { SpeakerContext } from '../../../src/analysis/speakers.js';
import { clauseSentences } from '../../../src/analysis/clause-sentences.js';

const context = (text: string) => new SpeakerContext(tokenize(text), findQuoteStretches(text));
const entities = (text: string) => {
  const ctx = context(text);
  return ctx.mentions.entities.map((e) => ({ kind: e.kind, name: `${e.first ?? ''} ${e.surname}`.trim(), gender: e.gender, roles: [...e.roles].sort(), mentions: e.mentions.filter((m) => m.via === 'name').length }));
};
const resolved = (text: string, word: string, nth = 0) => {
  const ctx = context(text);
  const at = ctx.tokens.map((t, i) => [t.value, i] as const).filter(([v]) => v === word)[nth]![1];
  const m = ctx.coref.nameFor(at);
  return m ? text.slice(ctx.tokens[m.from]!.start, ctx.tokens[m.to - 1]!.end) : null;
};

describe('mention tracker: who is named', () => {
  it('groups a bare surname with the full name, and keeps two people of one surname apart', () => {
    const es = entities('Hillary Ruiz spoke on Monday. Bill Ruiz listened. Later Ruiz answered questions. Ruiz left at noon.');
    expect(es.filter((e) => e.kind === 'person').map((e) => [e.name, e.mentions])).toEqual([['hillary ruiz', 3], ['bill ruiz', 1]]);
  });

  it('a known first name before a place word makes a person; the place word alone, or after "in", a place', () => {
    const es = entities('Helen Park spoke on Monday in Palm Springs. Later she met residents of Orange County in Jackson Heights.');
    expect(es.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(['helen park']);
  });

  it('reads sex from first names and titles', () => {
    const es = entities('Mary Ode met Mr. Vale on Monday. Ms. Lee and the spokeswoman Pat Oro said nothing.');
    expect(es.map((e) => [e.name, e.gender])).toEqual([['mary ode', 'f'], ['vale', 'm'], ['lee', 'f'], ['pat oro', 'f']]);
  });

  it('learns sex from the pronouns used right after a lone mention', () => {
    const es = entities('Sasha Ndiaye took the stage. She thanked the crowd. Jordan Vale arrived later. He sat down.');
    expect(es.map((e) => [e.name, e.gender])).toEqual([['sasha ndiaye', 'f'], ['jordan vale', 'm']]);
  });

  it('learns roles from titles, role nouns before a name and appositions', () => {
    const es = entities('Sen. Ana Ruiz met actor Ben Ode. Carl Marsh, the city’s chief engineer, joined them.');
    expect(es.map((e) => [e.name, e.roles])).toEqual([['ana ruiz', ['senator']], ['ben ode', ['actor']], ['carl marsh', ['engineer']]]);
  });

  it('tells groups, bodies and places from people', () => {
    const es = entities('Republicans met in Salem. The Salem Transit Board said no. Latinos voted early. Central Asia was quiet.');
    expect(es.map((e) => [e.name, e.kind])).toEqual([['republicans', 'group'], ['salem transit board', 'org'], ['latinos', 'group']]);
  });

  it('tells place names by their last word', () => {
    const es = entities('Ben Ode spoke. Ponte Vedra Beach voted no. Then Carl Marsh spoke.');
    expect(es.map((e) => e.name)).toEqual(['ben ode', 'carl marsh']);
  });

  it('does not take a title alone or names inside quotes as people', () => {
    const es = entities('The former Secretary spoke. “Ben Ode is wrong,” the mayor said.');
    expect(es).toEqual([]);
  });
});

describe('pronoun resolution (salience)', () => {
  it('prefers the recent subject over an object', () => {
    expect(resolved('Ana Ruiz met Mary Ode on Monday. She said the bridge was safe.', 'She')).toBe('Ana Ruiz');
  });

  it('skips a candidate of the wrong sex', () => {
    expect(resolved('Mary Ruiz met Ben Ode on Monday. He said the bridge was safe.', 'He')).toBe('Ben Ode');
    expect(resolved('Ana Ruiz met Ben Ode on Monday. He said the bridge was safe.', 'He')).toBe('Ben Ode');
  });

  it('keeps a chain of pronouns on one person', () => {
    const text = 'Ben Ode spoke first. He praised the crew. Then Carl Marsh, a contractor, was thanked by him. He said the crew worked hard.';
    expect(resolved(text, 'He', 0)).toBe('Ben Ode');
  });

  it('resolves "they" to a body or group, never to a person', () => {
    expect(resolved('The Salem Transit Board met Ben Ode. They said the fares would rise.', 'They')).toBe('Salem Transit Board');
  });

  it('takes a subject set off by a dashed apposition', () => {
    expect(resolved('Carl Marsh spoke first. Ben Ode – a bridge fan – gave a short answer. He said yes.', 'He')).toBe('Ben Ode');
  });

  it('leaves a pronoun open when nobody fits', () => {
    expect(resolved('The bridge opened on Monday. She said it was late.', 'She')).toBeNull();
  });
});

describe('clause sentences', () => {
  it('joins wink’s splits inside brackets and before a lower-case attribution', () => {
    const a = 'Sen. Ana Ruiz (D-N.Y.) said no. Then she left.';
    expect(clauseSentences(tokenize(a)).map((s) => a.slice(s.start, s.end))).toEqual(['Sen. Ana Ruiz (D-N.Y.) said no.', 'Then she left.']);
    const b = 'He stopped. “Why now?” she asked. Then she left.';
    expect(clauseSentences(tokenize(b)).map((s) => b.slice(s.start, s.end))).toEqual(['He stopped.', '“Why now?” she asked.', 'Then she left.']);
  });

  it('never joins across a line break', () => {
    const text = 'The Headline\nand a dateline';
    expect(clauseSentences(tokenize(text))).toHaveLength(2);
  });
});
