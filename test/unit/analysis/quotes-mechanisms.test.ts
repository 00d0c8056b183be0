/**
 * The speaker mechanisms beyond "X said" in the quote's own sentence, one block each: the speaker
 * after the quote, in the next paragraph, a pronoun across paragraphs, a description, a nested
 * quote, a multi-paragraph quote, and staying silent when the evidence is thin. Hand-written
 * fixtures (fictional people and places).
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const run = (text: string) => findQuotes(tokenize(text));
const who = (text: string) => run(text).map((q) => [q.speaker, q.speakerHow]);
const mention = (text: string, i = 0) => {
  const q = run(text)[i]!;
  return q.speakerStart === null ? null : text.slice(q.speakerStart, q.speakerEnd!);
};

describe('speaker after the quote', () => {
  it('steps over an age, a place and a relative clause between the name and the verb', () => {
    expect(who('“We will open the bridge in May,” Ben Ode, 45, of Salem, Ore., who chairs the board, said on Tuesday.'))
      .toEqual([['Ben Ode', 'same-sentence']]);
  });

  it('steps over a prepositional or participial interrupter', () => {
    expect(who('“The bridge is safe,” Ana Ruiz, after a long pause, said on Monday.')).toEqual([['Ana Ruiz', 'same-sentence']]);
    expect(who('Ana Ruiz, speaking to reporters in Salem, said, “The bridge is safe for every truck.”')).toEqual([['Ana Ruiz', 'same-sentence']]);
  });

  it('keeps "“…?” she asked" in one sentence', () => {
    expect(who('The board met. “Is the bridge safe for trucks?” asked Ana Ruiz, the city engineer.')).toEqual([['Ana Ruiz', 'same-sentence']]);
  });

  it('reads a closing mark typed as an opening one', () => {
    const qs = run('“The bridge is late,“ said Ana Ruiz, who runs the project. “It will open in June.”');
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([['The bridge is late,', 'Ana Ruiz'], ['It will open in June.', 'Ana Ruiz']]);
  });

  it('names the person at the end of a title-headed phrase', () => {
    expect(who('Secretary of State Ana Ruiz said the talks were “very productive for both sides.”')).toEqual([['Ana Ruiz', 'same-sentence']]);
    expect(who('“We are ready,” said Salem-based lawyer Ben Ode.')).toEqual([['Ben Ode', 'same-sentence']]);
  });

  it('reads an attribution closing the sentence after a clause of the writer’s', () => {
    expect(who('Ben Ode spoke next. “The tolls will pay for it” because traffic keeps growing, he said.')).toEqual([['Ben Ode', 'coreference']]);
  });

  it('reads an inverted attribution closing the sentence ("…” that …, said X, a strategist.)', () => {
    expect(who('Few agree. “It seems unlikely” that the board can finish, said Ben Ode, a party strategist.')).toEqual([['Ben Ode', 'same-sentence']]);
  });

  it('gives the second of two joined verbs the first one’s subject', () => {
    expect(who('Ana Ruiz thought for a moment and said that “the bridge will open in June.”')).toEqual([['Ana Ruiz', 'same-sentence']]);
  });

  it('gives a statement to whoever issued it', () => {
    expect(who('The Salem Transit Board issued a statement saying the strike was “a failure of leadership.”'))
      .toEqual([['The Salem Transit Board', 'same-sentence']]);
  });
});

describe('speaker in the sentence or paragraph around the quote', () => {
  it('takes the speaker of a paraphrase right before the quote', () => {
    expect(who('The plan is dead, Ana Ruiz said on Monday. “We will not pay for it this year.”')).toEqual([['Ana Ruiz', 'continuation']]);
  });

  it('takes a bare attribution opening the next paragraph', () => {
    const text = 'The council met on Monday.\n\n“We will not pay for the bridge this year.”\n\nMayor Ana Ruiz said on Monday.';
    const [q] = run(text);
    expect([q!.speaker, q!.speakerHow]).toEqual(['Ana Ruiz', 'speaker-line']);
    expect(q!.speakerStart!).toBeGreaterThan(q!.end);
  });

  it('does not take a next paragraph that says something of its own', () => {
    const text = 'The council met on Monday.\n\n“We will not pay for the bridge this year.”\n\nMayor Ana Ruiz said the plan was dead.';
    expect(run(text).map((q) => q.speaker)).toEqual([null]);
  });
});

describe('pronouns across paragraphs', () => {
  it('resolves "she" to the woman named two paragraphs up, past a man', () => {
    const text = 'Mayor Ana Ruiz spoke first. Ben Ode, the board chairman, listened.\n\nShe said the council had no money left.\n\n“We will not pay for the bridge,” she said.';
    expect(who(text)).toEqual([['Ana Ruiz', 'coreference']]);
    expect(mention(text)).toBe('Ana Ruiz');
  });

  it('learns a sex from the pronouns the article uses', () => {
    const text = 'Sasha Ndiaye took the stage. She thanked the crowd.\n\nLater Jordan Vale, a teacher, spoke. He is new in town.\n\n“We all need this bridge,” she said.';
    expect(who(text)).toEqual([['Sasha Ndiaye', 'coreference']]);
  });

  it('prefers the main subject over one inside a reported clause', () => {
    expect(who('Ben Ode says Carl Marsh is wrong about the bridge. “It will pay for itself,” he said.')).toEqual([['Ben Ode', 'coreference']]);
  });

  it('keeps the speaker of a run of quote paragraphs', () => {
    const text = '“The bridge is late,” Ana Ruiz said on Monday.\n\n“We ran out of steel in March.”\n\n“It will open in June,” she added.';
    expect(who(text).map(([s]) => s)).toEqual(['Ana Ruiz', 'Ana Ruiz', 'Ana Ruiz']);
  });
});

describe('descriptions', () => {
  it('resolves "the senator" to the person titled Sen.', () => {
    const text = 'Sen. Ana Ruiz and Gov. Ben Ode met on Monday.\n\n“We agree on the bridge,” the senator said.';
    expect(who(text)).toEqual([['Ana Ruiz', 'coreference']]);
  });

  it('resolves a role learned from an apposition', () => {
    const text = 'Ben Ode, the city’s chief engineer, inspected the site. Ana Ruiz joined him later.\n\n“The bridge is safe,” the engineer said.';
    expect(who(text)).toEqual([['Ben Ode', 'coreference']]);
  });

  it('keeps a description nobody in the article fits as the article gives it', () => {
    expect(who('The site was closed. “The bridge is safe,” the engineer said.')).toEqual([['the engineer', 'same-sentence']]);
  });
});

describe('nested and multi-paragraph quotes', () => {
  it('gives a quote with a quote inside it to the outer speaker', () => {
    const qs = run('“Ana Ruiz told me, ‘we will build it,’ and I believed her,” Ben Ode said.');
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker).toBe('Ben Ode');
  });

  it('gives every part of a multi-paragraph quote the speaker named in its last part', () => {
    const qs = run('The mayor spoke at length.\n\n“We will build the bridge this year.\n\n“And we will open it in the spring,” Ana Ruiz said.');
    expect(qs.map((q) => q.speaker)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });
});

describe('thin evidence', () => {
  it('leaves a pronoun with nobody to stand for unresolved', () => {
    expect(who('The bridge opened on Monday. “We waited long enough,” he said.')).toEqual([[null, 'none']]);
  });

  it('does not make the writer’s "I" someone else', () => {
    expect(who('Ben Ode called me on Monday. “The bridge is open,” I said to him.').map(([s]) => s)).toEqual([null]);
  });

  it('does not take a passive speech verb’s subject as the speaker', () => {
    expect(who('The bridge is described in the report as “a triumph of engineering and patience.”').map(([s]) => s)).toEqual([null]);
  });
});
