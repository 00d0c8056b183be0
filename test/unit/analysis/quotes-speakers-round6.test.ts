/**
 * Speaker attribution rules of issue 4, round 6 (hyphenated given names, "From X:" source lines,
 * clause openers before an apposition): hand-written sentences with fictional people, one rule each.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const speakers = (text: string) => findQuotes(tokenize(text)).map((q) => q.speaker);
const last = (text: string) => speakers(text).pop();

describe('findQuotes: hyphenated given names', () => {
  it('keeps the part of a given name before the hyphen', () => {
    expect(last('“We will rebuild the bridge before winter comes,” said Anne-Marie Duval, the mayor.')).toBe('Anne-Marie Duval');
  });

  it('does not join a name to a word before a spaced dash', () => {
    expect(last('The vote was close - Duval said: “We will rebuild the bridge before winter comes.”')).toBe('Duval');
  });
});

describe('findQuotes: "From X:" cites the source of the quote after it', () => {
  it('gives the quote to the document cited', () => {
    expect(last('Web panels differ. From the study: “In general, samples with careful weighting produced more accurate results than the others.”')).toBe('the study');
  });

  it('gives a post to its author', () => {
    expect(last('Aides say the governor will back Ode. From Ruiz’s Facebook post: “For the sake of our town we must move past the anger of this long campaign.”')).toBe('Ruiz');
  });

  it('needs the line to be only "From" and the phrase', () => {
    expect(last('Sales rose. From March to May, the shop changed: “We had queues around the block every weekend that spring.”')).not.toBe('May');
  });
});

describe('findQuotes: a clause opener before a subject with an apposition', () => {
  it('takes the subject of "As X, a role, put it:"', () => {
    expect(last('Few senators want a meeting. As Tom Bragg, the No. 3 in the party leadership, put it: “This nominee will not be confirmed. There is no point pretending.”')).toBe('Tom Bragg');
  });

  it('still leaves a place inside a prepositional phrase out', () => {
    expect(last('Ruiz, during a town hall meeting in Salem, said: “We will fix the roads before the next winter.”')).toBe('Ruiz');
  });
});

describe('findQuotes: a headline in title case names nobody by position', () => {
  const headline = 'Dana Poole: ‘I’m Tired Of Men Telling Us What To Do With Our Bodies.’\n\n';
  it('does not take a capitalised word of the headline as the next quote’s speaker', () => {
    expect(last(headline + '"His remarks were outrageous and dangerous, and I think they opened a long conversation that matters," she said.')).not.toBe('Men');
  });

  it('does not take a pronoun contraction as a name', () => {
    expect(last(headline + '"His remarks were outrageous and dangerous, and I think they opened a long conversation that matters. Ted Ode wants to ban the plan."')).toBeNull();
  });

  it('still finds a speaker whose subject position is outside a headline', () => {
    expect(last('The hall was full on Monday. Later Men Marsh said: “We will open the new school in the spring.”')).toBe('Men Marsh');
  });
});

describe('findQuotes: "More from X:" after a dash', () => {
  it('gives the quote to both names of the label', () => {
    expect(last('Polls moved all along - More from Blumer and Cahn: “The shift was visible in every poll we looked at over the month.”')).toBe('Blumer and Cahn');
  });

  it('gives it to a document', () => {
    expect(last('It is not enough to look right - More from the report: “Today numerous online panels exist and they differ in many ways.”')).toBe('the report');
  });
});

describe('findQuotes: a past-tense speech verb tagged as an adjective before "that"', () => {
  it('reads "The complaint, which …, alleged that" as the complaint speaking', () => {
    expect(last('His campaign sued the board in court. The complaint, which was filed in federal district court in Salem, alleged that the board “acted in bad faith and broke the rules it wrote.”')).toBe('The complaint');
  });
});

describe('findQuotes: a dash introduces a whole quoted sentence as a colon does', () => {
  it('gives it to the person subject of the clause before the dash', () => {
    expect(last('Ode also embraced tougher rules -- “I think the old rules are nothing compared to what they would do to us.”')).toBe('Ode');
  });

  it('not a quoted phrase that the sentence goes on after', () => {
    expect(last('Ode also embraced tougher rules — “a plan for all seasons” as his aides put the slogan on every flyer in town.')).not.toBe('Ode');
  });
});

describe('findQuotes: a participle after a noun right of the quote attributes nothing', () => {
  it('does not take the phrase a participle modifies as the speaker', () => {
    expect(last('That led Ruiz to make a joke about golf and call Ode “very nimble and quick on his feet,” a nod to the mayor acknowledging that he has changed his position on taxes.')).toBeNull();
  });

  it('still reads a progressive after the quote', () => {
    expect(last('When Ode used the words, “I am not quite there yet,” he was echoing Ruiz, who said the same in May.')).not.toBeNull();
  });
});

describe('findQuotes: a quote inside an opening subordinate clause', () => {
  it('gives it to the clause’s own speaker, not the main clause after it', () => {
    expect(speakers('When Ode later said he would “protect all our citizens,” the crowd applauded loudly.')[0]).toBe('Ode');
  });

  it('reads a verb that introduces the quote with a comma', () => {
    expect(speakers('After Dana Ruiz shouted, “Salem first,” Ode joked about the weather.')[0]).toBe('Dana Ruiz');
  });

  it('leaves a colon-introduced quote after the main verb to the main clause', () => {
    expect(speakers('After Ruiz said that students might do better at “less advanced schools,” Ode said: “I do not like what she said.”')).toEqual(['Ruiz', 'Ode']);
  });

  it('keeps the main clause’s attribution when nothing on the left reports the quote', () => {
    expect(speakers('As for Ruiz’s mangling of “Salem,” Ode found comic relief in it.')[0]).toBe('Ode');
  });

  it('does not apply once a comma has closed the opening clause', () => {
    expect(speakers('When asked about it, “We will see what happens,” said Ode.')[0]).toBe('Ode');
  });
});

describe('findQuotes: a participle hangs on the main clause after opening adverbials', () => {
  it('skips a time phrase and a subordinate clause before the subject', () => {
    expect(last('In June 2009, after Ruiz suffered a concussion, Ode emailed her his best wishes, addressing her as “Dana” and telling her, “you are an all-star player and we need you for the long run!”')).toBe('Ode');
  });
});

describe('findQuotes: a participle after a trailing clause when the main subject names no one', () => {
  it('hangs the participle on the clause right before it', () => {
    expect(last('The first clash came during a rally at the college, when Smith hecklers interrupted her remarks, shouting “you lose, we win, go home now!” She laughed.')).toBe('Smith hecklers');
  });

  it('keeps a person main subject', () => {
    expect(last('Ruiz spoke at the college, when the crowd was quiet, saying “we will win this state in the fall.”')).toBe('Ruiz');
  });
});

describe('findQuotes: a role and its name with no comma as the subject of joined verbs', () => {
  it('gives the quote to the name, not to the subject of an earlier clause', () => {
    expect(last('In the weeks before the visit, a group of pastors called for a protest, and the civic group the Fairness League sharply criticized the mayor and said it would “return” all of his gifts.')).toBe('the Fairness League');
  });
});

describe('findQuotes: a quoted fragment inside what a core reporting verb reports', () => {
  it('goes to the outer speaker, not the subject of a verb inside the report', () => {
    expect(last('At one point, Ode said Ruiz executives were calling “every 15 minutes.”')).toBe('Ode');
  });

  it('not across an adverbial clause', () => {
    expect(last('“It is misleading,” Ode tweeted after Ruiz argued for the second time that “if everyone had voted as he did, we would have lost the plant.”')).toBe('Ruiz');
  });

  it('not for a whole quoted sentence the inner verb introduces', () => {
    expect(last('Ode said that Ruiz told the crowd: “We will win this state in the fall.”')).toBe('Ruiz');
  });
});
