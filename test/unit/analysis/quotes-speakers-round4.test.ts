/**
 * Speaker attribution rules of issue 4 (pronouns, roles, non-speech quotes): hand-written
 * sentences with fictional people, one rule each.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';
import { findQuoteStretches } from '../../../src/analysis/quote-marks.js';
import { SpeakerContext } from '../../../src/analysis/speakers.js';

const speakers = (text: string) => findQuotes(tokenize(text)).map((q) => q.speaker);
const context = (text: string) => new SpeakerContext(tokenize(text), findQuoteStretches(text));
const entity = (text: string, name: string) => {
  const ctx = context(text);
  return ctx.mentions.entities.find((e) => e.surname === name.toLowerCase()) ?? null;
};

describe('mentions: roles and groups', () => {
  it('takes a possessed role noun set off before a name as its role', () => {
    const e = entity('Salem’s foreign minister, Tomas Veloro, plays down the risk.', 'Veloro');
    expect(e?.kind).toBe('person');
    expect([...e!.roles]).toContain('minister');
  });

  it('reads "New Yorkers" as a group, not a person', () => {
    expect(entity('Voters arrived early, just before New Yorkers went to the polls.', 'new yorkers')?.kind ?? 'group').toBe('group');
    const ctx = context('Voters arrived early, just before New Yorkers went to the polls.');
    expect(ctx.mentions.entities.some((e) => e.kind === 'person')).toBe(false);
  });

  it('gives no role to a name closing an opening adverbial from the subject after it', () => {
    const e = entity('In an interview with radio host Dana Marsh, the mayor said the bridge would open.', 'Marsh');
    expect(e === null || !e.roles.has('mayor')).toBe(true);
  });
});

describe('findQuotes: pronoun speakers', () => {
  it('reads a subject inside an opening subordinate clause as embedded, so "he" is the main subject', () => {
    expect(speakers('After radio host Carl Benning asked the author about the race, Omar Dessau replied at length.\n\n“We should never confuse hope with forecast,” he added.'))
      .toEqual(['Omar Dessau']);
  });

  it('does not give "it" the person quoted before', () => {
    expect(speakers('“We will not stop,” said Ana Ruiz, the group’s director.\n\nThe group later sent a letter to the council. “The delay is a failure of duty,” it read.'))
      .toEqual(['Ana Ruiz', null]);
  });
});

describe('findQuotes: quotes that are not reported speech', () => {
  it('takes no inverted speaker after a participle', () => {
    const qs = speakers('The campaign changed its website this week. “This is your movement,” it now says, showing a gallery of supporters.');
    expect(qs.every((s) => s === null || !/gallery/.test(s))).toBe(true);
  });

  it('takes no inverted speaker for a quoted phrase that is the subject of the verb after it', () => {
    const qs = speakers('Most of the students surveyed say the “gig economy” reflects an improvement in their lives.');
    expect(qs.every((s) => s === null || !/improvement/.test(s))).toBe(true);
  });
});

describe('findQuotes: attributions around the quote', () => {
  it('reads an attribution opening the next sentence that ends in an adverbial clause', () => {
    expect(speakers('The vote grew tense.\n\n“The great state of Salem is proud to cast its votes!” Senator Jeff Oden said as he opened the roll call.'))
      .toEqual(['Jeff Oden']);
  });

  it('takes no speaker from an aside opened by a dash after the quote', () => {
    const qs = speakers('Ruiz spoke first. She said, “We will build the bridge” - at which point the crowd chanted - “and we will build it soon.”');
    expect(qs.every((s) => s === null || !/crowd/.test(s))).toBe(true);
  });

  it('gives a participle the main subject, not the subject of the clause it reports', () => {
    expect(speakers('Bush called Ruiz a leader.\n\nCole, Salem’s sitting governor, repeated claims that Ruiz recites the same points, calling him a “talented speaker” when he reads from notes.'))
      .toEqual(['Cole']);
  });
});

describe('mentions: datelines', () => {
  it('does not take a capitalised dateline for a person', () => {
    const ctx = context('Ruiz blames the press.\n\nLA PINE, Ore. — Gov. Ana Ruiz on Thursday blamed the press for the flap.');
    expect(ctx.mentions.entities.filter((e) => /^la\b/.test(e.surname))).toEqual([]);
  });
});

describe('findQuotes: a person just introduced', () => {
  it('gives "she said" the person introduced as the subject, over the one named all along', () => {
    const text = 'Mayor Ana Ruiz opened the meeting. Ruiz said the bridge would wait. Ruiz later told reporters she was tired. '
      + 'Dana Cole, the organist at the church on the same street, remembered when the bridge was built.\n\n'
      + '“We never crossed it, and they never came over,” she said.';
    expect(speakers(text)).toEqual(['Dana Cole']);
  });
});

describe('findQuotes: names and time phrases', () => {
  it('reads a capitalised word after "said to" as a name, so the attribution stands', () => {
    expect(speakers('She named the show as her favorite.\n\n“Sometimes us old hands need our fix!” Ruiz said to People. The former senator led the office.'))
      .toEqual(['Ruiz']);
  });

  it('keeps a subject before a time phrase and its verb ("Ode last month joked")', () => {
    expect(speakers('Rep. Brad Oden (D-Ore.) last month joked to Chair Janet Vale that fate did not want her to raise rates. “The plan is that things rise in the spring,” he said at a hearing.'))
      .toEqual(['Brad Oden']);
  });
});

describe('mentions: offices before a name', () => {
  it('reads "Party Chief of Staff Katie Oden" as one person, Katie Oden', () => {
    expect(speakers('The party spent early.\n\nThat, Party Chief of Staff Katie Oden explained, is by design.\n\n“We have a head start on the ground,” she said in an interview.'))
      .toEqual(['Katie Oden']);
  });
});

describe('findQuotes: aspect verbs before "to say"', () => {
  it('gives "went on to say" the subject of "went"', () => {
    expect(speakers('Ruiz wrote a letter to the board.\n\nRuiz went on to say, “From the bottom of my heart, I know this to be true.”')).toEqual(['Ruiz']);
  });

  it('does not read "wanted to show" as the subject showing a quote', () => {
    const qs = speakers('The crowd filled the square. The marchers came because they wanted to show that “they cannot scare us back into hiding.”');
    expect(qs.every((s) => s === null || !/square/i.test(s))).toBe(true);
  });
});

describe('mentions: hyphenated given names', () => {
  it('keeps a lower-case syllable after a hyphen in the name ("Ban Ki-moon"), not "-era"', () => {
    expect(speakers('Secretary General Pak Ji-hoon condemned what he called a breach. “I count on the council to remain united,” he told reporters.'))
      .toEqual(['Pak Ji-hoon']);
    expect(speakers('The Ruiz-era rule stood for years. “It is a good rule,” said board member Ben Ode.')).toEqual(['Ben Ode']);
  });
});

describe('findQuotes: connectives before a continuing quote', () => {
  it('continues the previous speaker through "Instead," or "But" opening the sentence', () => {
    expect(speakers('Ruiz watched the speech. “He is supposed to lead this city,” Ruiz said. Instead, “he just acts like a beaten man.”'))
      .toEqual(['Ruiz', 'Ruiz']);
  });
});

describe('findQuotes: a prepositional phrase after the subject', () => {
  it('gives a participle the subject before "inside the tower"', () => {
    expect(speakers('Others disagreed. One aide inside the tower tried to downplay the comments, saying they were “not a big deal around here.”'))
      .toEqual(['One aide']);
  });
});

describe('findQuotes: phrases that are not the subject', () => {
  it('looks past "in a statement" to the subject of the joined verb', () => {
    expect(speakers('Dana Cole, the chairwoman of the party, is supporting Ruiz and in a statement credited her for “an exciting and inspiring campaign.”'))
      .toEqual(['Dana Cole']);
  });

  it('reads a participle inside a role phrase as a modifier ("current polling leader")', () => {
    expect(speakers('Ruiz praised the paper on Monday. “Very good reporter, very good reporter this guy,” Ruiz, the current polling leader in the state by a wide margin, said when Ode asked him a question.'))
      .toEqual(['Ruiz']);
  });
});
