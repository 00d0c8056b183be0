/**
 * More speaker attribution rules (second round): hand-written sentences, one rule each.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const speakers = (text: string) => findQuotes(tokenize(text)).map((q) => q.speaker);

describe('findQuotes: speaker after the quote', () => {
  it('reads a capitalised word inside a name run before a role noun as part of the name', () => {
    expect(speakers('A judge ruled on the case last week.\n\n“Now we know the office refused to give up the papers,” Salem Watch president Dana Cole said Tuesday.'))
      .toEqual(['Dana Cole']);
  });

  it('reads an "-ing" word before a role noun as part of the role phrase', () => {
    expect(speakers('The group plans to march on Friday.\n\n“We cannot pay the rent and buy food,” union organizing director Dana Cole told a radio station.'))
      .toEqual(['Dana Cole']);
  });

  it('takes the name in an apposition after a role phrase in an inverted attribution', () => {
    expect(speakers('“We will open the bridge in May,” said the city’s chief engineer, Ana Ruiz, on Monday.')).toEqual(['Ana Ruiz']);
  });
});

describe('findQuotes: subjects with interrupters', () => {
  it('keeps a party tag with an abbreviation and a relative clause in one sentence', () => {
    expect(speakers('Rep. Ana Ruiz (D-Ore.), who introduced a bill this month, said in a statement that the plans were “important first steps toward fixing the roads.”'))
      .toEqual(['Ana Ruiz']);
  });
});

describe('findQuotes: participles', () => {
  it('gives a participle after "X said," the subject of that reporting verb', () => {
    expect(speakers('Ana Ruiz and Ben Ode will meet next week, Tom Bell said, adding, “They need to sit down and talk.”')).toEqual(['Tom Bell']);
  });

  it('gives a participle the reporting subject, not the subject of what is reported', () => {
    expect(speakers('Even a top party strategist said Ana Ruiz will have to choose a side, saying, “At some point, she is going to have to speak up.”'))
      .toEqual(['a top party strategist']);
  });

  it('reads "shot back" as a speech verb when the tagger makes "shot" a noun', () => {
    expect(speakers('After Ben Ode criticized her during a debate, Ana Ruiz shot back, “I suppose I could have stayed home, but I chose to work.”'))
      .toEqual(['Ana Ruiz']);
  });

  it('gives a participle the name opening its clause when the verb after it is mistagged', () => {
    expect(speakers('Ana Ruiz shot back in a statement, saying she has “made a lot of money in down markets.”')).toEqual(['Ana Ruiz']);
  });
});

describe('findQuotes: digest labels and closing attributions', () => {
  it('takes the name between a dash and a colon before the quote', () => {
    expect(speakers('Engineers agree - Ana Ruiz: “We will open the bridge in May, whatever the weather does.”')).toEqual(['Ana Ruiz']);
  });

  it('prefers a reporting verb closing the sentence over a weak verb before the quote', () => {
    expect(speakers('Auditors did not find “any sign of fraud in the books of the city” after a year of work, said Ana Ruiz.')).toEqual(['Ana Ruiz']);
  });

  it('reads a present-tense speech verb tagged as a noun after an apposition', () => {
    expect(speakers('Ben Ode, a consultant, notes that “the bridge is a year late and over budget.”')).toEqual(['Ben Ode']);
  });
});

describe('findQuotes: appositions and labels (round three)', () => {
  it('takes the name set off after a possessed role phrase', () => {
    expect(speakers('The allies tried to calm their colleagues.\n\n“Positions will soften,” Ana Ruiz’s chief of staff, Ben Ode, told a reporter before the vote.'))
      .toEqual(['Ben Ode']);
  });

  it('reads through a participle inside a second apposition', () => {
    expect(speakers('The plan is the main tool for the state.\n\n“It’s an invasion of the state’s rights,” Ben Ode, the attorney general of Oregon, one of the states suing the agency, said.'))
      .toEqual(['Ben Ode']);
  });

  it('takes both names of a digest label "- A and B:"', () => {
    expect(speakers('VOTERS CARE MORE ABOUT HOPE THAN WINNING - Dana Cole and Ben Ode: “We found that, across the towns, the leaders matter most.” [Post.]'))
      .toEqual(['Dana Cole and Ben Ode']);
  });

  it('finds a digest label when the phrase before the colon runs over the dash', () => {
    expect(speakers('Turnout has been important for the contests - Dana Cole: “Two weeks ago, the strongest territory had been the south.”'))
      .toEqual(['Dana Cole']);
  });

  it('gives a participle after "upon" the subject of its clause', () => {
    expect(speakers('Ana Ruiz, herself a supporter during the primary, drew a wave of boos upon saying, “The mayor heard the passion of the people.”'))
      .toEqual(['Ana Ruiz']);
  });

  it('never takes a time phrase as the speaker', () => {
    expect(speakers('The Salem Fund began a large ad campaign this week praising Ana Ruiz for seeking “sensible answers” to the crisis in her city.'))
      .not.toContain('this week');
  });

  it('reads a capitalised word between an adjective and a title as part of an inverted name', () => {
    expect(speakers('A judge ruled on the case last week.\n\n“The office hid this email for years,” said Judicial Watch President Dana Cole.'))
      .toEqual(['Dana Cole']);
  });
});

describe('findQuotes: sex from a role set off before a name', () => {
  it('does not give "she" to a man introduced as "her husband, X,"', () => {
    expect(speakers('Rachel Berg, a philanthropist from Salem, said the speeches led her to rule out two candidates. Along with her husband, Milton Berg, a money manager, she has given to many candidates. She called Ode a “special person.”'))
      .toEqual(['Rachel Berg']);
  });
});

describe('findQuotes: documents as speakers', () => {
  it('reads "claims" tagged as a noun after a document noun as the verb', () => {
    expect(speakers('The group paid for a new spot in Salem. The ad claims “Ruiz is the leader you can trust to fix the roads.”')).toEqual(['The ad']);
  });

  it('keeps a document description as itself rather than an earlier name it was tied to', () => {
    expect(speakers('The Salem Fund released a new Ruiz ad on Monday. The ad claims “Ruiz is the leader you can trust to fix the roads.”')).toEqual(['The ad']);
  });

  it('reads "states" after a quote and a document phrase as the attribution', () => {
    expect(speakers('The group paid for a new spot in Salem.\n\n“They know Ruiz is the only one strong enough to fix the roads,” a voice-over in the ad states.'))
      .toEqual(['the ad']);
  });

  it('gives the words of "footage of X saying" to X', () => {
    expect(speakers('The spot ends with footage of Ana Ruiz saying during the debate last week, “That makes me smart,” when Ode blasted her.'))
      .toEqual(['Ana Ruiz']);
  });

  it('takes "talked about" as a speech verb', () => {
    expect(speakers('Reprising one of her favorite lines, the former mayor talked about the “progress we had under the old council” and her plans.'))
      .toEqual(['the former mayor']);
  });
});
