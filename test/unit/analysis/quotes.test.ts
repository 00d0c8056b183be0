import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const run = (text: string) => findQuotes(tokenize(text));
const pairs = (text: string) => run(text).map((q) => [q.text, q.speaker]);

describe('findQuotes: spans', () => {
  it('finds curly and straight quotes with the marks inside the span', () => {
    const text = 'Ana Ruiz said, “We are on schedule.” Later Ben Ode said: "We are over budget by far."';
    const qs = run(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['“We are on schedule.”', '"We are over budget by far."']);
    expect(qs.map((q) => q.text)).toEqual(['We are on schedule.', 'We are over budget by far.']);
    expect(qs.map((q) => q.id)).toEqual(['q0', 'q1']);
  });

  it('keeps nested single quotes inside one quote', () => {
    const text = 'The mayor, Ana Ruiz, said: “They called it a ‘done deal’ before we voted on the plan.”';
    expect(run(text)).toHaveLength(1);
    expect(run(text)[0]!.text).toContain('‘done deal’');
  });

  it('splits a multi-paragraph quote into parts with one speaker', () => {
    const text = 'Ana Ruiz said: “We will build the bridge this year.\n\n“And we will open it in the spring, whatever the council says.”';
    const qs = run(text);
    expect(qs).toHaveLength(2);
    expect(text.slice(qs[0]!.start, qs[0]!.end)).toBe('“We will build the bridge this year.');
    expect(qs.map((q) => q.speaker)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('does not let an unbalanced mark run past its paragraph', () => {
    const text = 'Ana Ruiz said “we will build the bridge this year and more.\n\nThe council met on Monday. “Fine,” Ben Ode said.';
    const qs = run(text);
    for (const q of qs) expect(text.slice(q.start, q.end)).not.toContain('\n');
    expect(qs.map((q) => q.text)).toEqual(['Fine,']);
  });

  it('skips nicknames, titles and scare quotes with no speech around them', () => {
    expect(run('The emails came from an account identified only as “Robert.” The source sent more.')).toEqual([]);
    expect(run('She once appeared on the show “Shark Tank.” It did not go well.')).toEqual([]);
    expect(run('He read the book “The Long Road Home” last year.')).toEqual([]);
  });

  it('keeps short fragments inside reported speech', () => {
    expect(pairs('A spokesperson for the Transport Board said the agency takes the delay “extremely seriously” and will report back.'))
      .toEqual([['extremely seriously', 'A spokesperson for the Transport Board']]);
    expect(pairs('Ben Ode warned that “any further delay will cost the city millions.”'))
      .toEqual([['any further delay will cost the city millions.', 'Ben Ode']]);
  });
});

describe('findQuotes: speakers', () => {
  it('reads "X said" after the quote and "said X"', () => {
    expect(pairs('“The bridge is safe,” Ana Ruiz said.')).toEqual([['The bridge is safe,', 'Ana Ruiz']]);
    expect(pairs('“The bridge is safe,” said Ana Ruiz, the city engineer.')).toEqual([['The bridge is safe,', 'Ana Ruiz']]);
  });

  it('takes the name before an appositive and keeps role phrases whole', () => {
    expect(pairs('Ana Ruiz, a spokesperson for the Transport Board, said “the bridge is safe for all traffic.”'))
      .toEqual([['the bridge is safe for all traffic.', 'Ana Ruiz']]);
    expect(pairs('A spokesperson for the Transport Board said: “The bridge is safe for all traffic.”'))
      .toEqual([['The bridge is safe for all traffic.', 'A spokesperson for the Transport Board']]);
  });

  it('reads "according to X"', () => {
    expect(pairs('The bridge is “safe for all traffic,” according to Ana Ruiz.')).toEqual([['safe for all traffic,', 'Ana Ruiz']]);
  });

  it('resolves pronouns to the nearest fitting person and marks them as coreference', () => {
    const text = 'Mayor Ana Ruiz met Ben Ode on Monday.\n\n“The bridge opens in May,” she said.';
    const [q] = run(text);
    expect(q!.speaker).toBe('Ana Ruiz');
    expect(q!.speakerHow).toBe('coreference');
    expect(text.slice(q!.speakerStart!, q!.speakerEnd!)).toBe('Ana Ruiz');
  });

  it('resolves a definite description to the earlier phrase with the same head', () => {
    const text = 'Norway’s mission to the United Nations rejected the report.\n\n“We do not accept these claims,” the mission said.';
    const [q] = run(text);
    expect(q!.speaker).toBe('Norway’s mission to the United Nations');
    expect(q!.speakerHow).toBe('coreference');
  });

  it('continues the previous speaker for a quote with no attribution of its own', () => {
    const qs = run('“The bridge opens in May,” Ana Ruiz said. “We have the money for the whole project.”');
    expect(qs.map((q) => [q.speaker, q.speakerHow])).toEqual([['Ana Ruiz', 'same-sentence'], ['Ana Ruiz', 'continuation']]);
  });

  it('uses a speaker line before or after a quote paragraph', () => {
    const before = run('Board spokesperson Ben Ode stated:\n\n“The bridge will open in May as planned.”');
    expect(before.map((q) => [q.speaker, q.speakerHow])).toEqual([['Ben Ode', 'speaker-line']]);
    const after = run('“The bridge will open in May as planned.”\n\nBoard spokesperson Ben Ode stated:\n\nThe council meets again on Friday.');
    expect(after.map((q) => [q.speaker, q.speakerHow])).toEqual([['Ben Ode', 'speaker-line']]);
  });
});
