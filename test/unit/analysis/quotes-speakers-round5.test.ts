/**
 * Speaker attribution rules of issue 4, round 5 (resumed "he said", narrative distance, colon
 * and dash lines, run-on quotes): hand-written sentences with fictional people, one rule each.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findQuotes } from '../../../src/analysis/quotes.js';

const speakers = (text: string) => findQuotes(tokenize(text)).map((q) => q.speaker);
const last = (text: string) => speakers(text).pop();

describe('findQuotes: "“…,” he said" resumes the attribution before it', () => {
  it('takes the speaking main subject of its own sentence over a name inside what was reported', () => {
    const text = 'Vance Cole spoke first. “We will win,” Cole said.\n\n'
      + 'Campaign spokesman Rick Tallow said that voters can be confident that Cole has “guiding principles for hard choices,” he said.';
    expect(last(text)).toBe('Rick Tallow');
  });

  it('takes the speaking subject of the sentence before over the person that sentence reported on', () => {
    const text = 'Dana Cole spoke in Salem on Monday. “I will win this state,” Cole said. Cole toured a farm.\n\n'
      + 'Mara Lenn said Dana Cole does not show consistency on farm policy.\n\n“It is not something she says every day,” she said.';
    expect(last(text)).toBe('Mara Lenn');
  });

  it('takes the subject of the nearest sentence even when that subject did not speak', () => {
    const text = 'Tom Rask arrived late. “The plan is sound,” Ben Ode said. Ode left the stage. Ode waved to the crowd. “It is done,” Ode said.\n\n'
      + 'The moderators were ready to move on, but Rask was not having it.\n\n“You see, everybody, this is what the capital does,” he said.';
    expect(last(text)).toBe('Rask');
  });

  it('keeps a subject followed by a reflexive a subject', () => {
    const text = 'Ben Ode said the post was risky. Ode added that it might be seen as condescending. Tom Rask himself was delighted by the fuss.\n\n'
      + '“The people who were offended were people we wanted to offend,” he later said.';
    expect(last(text)).toBe('Tom Rask');
  });

  it('reads a closing ", X said." as the main clause and what comes before it as reported', () => {
    const text = 'Rob Stovan met Ted Carr in 2010. Ted Carr toured the state. Carr spoke at bars. Carr won votes, Stovan said.\n\n'
      + 'Carr electrified the small crowds with promises to shake things up if elected, Stovan said.\n\n“He was very articulate,” he said.';
    expect(last(text)).toBe('Stovan');
  });
});

describe('findQuotes: distance counts the article’s own sentences', () => {
  it('reaches the speaker over a quote of many sentences', () => {
    const text = 'Ana Ruiz spoke to the council. President Tom Berrow rebuked his critics on Monday, saying a new label would do nothing.\n\n'
      + '“What would this label accomplish? What would it change? Would it help us? Would it bring allies? Is there a plan served by this?” he said.';
    expect(last(text)).toBe('Tom Berrow');
  });
});

describe('findQuotes: descriptions', () => {
  it('leaves "the Salem senator" open when no senator was said to be from Salem', () => {
    const text = 'Sen. Tom Berrow said the vote was close. “We will see,” Berrow said.\n\n'
      + 'Presidential candidate Ben Ode is choosing not to respond.\n\nInstead, the Salem senator is sticking to his message.\n\n“We have come a long way,” he told supporters.';
    expect(last(text)).toBe('Ben Ode');
  });
});

describe('findQuotes: colon and dash lines', () => {
  it('gives a quote after a colon to the person subject of a clause with no speech verb', () => {
    expect(speakers('Dana Kell has adopted the stance common among some officials: “I am against it in private, but for it in public.”'))
      .toEqual(['Dana Kell']);
  });

  it('gives a quote paragraph to the person subject of a colon line with no speech verb', () => {
    expect(speakers('When the senator died, Governor Tom Berrow released the following statement:\n\n“We offer our condolences to the family and friends of the senator.”'))
      .toEqual(['Tom Berrow']);
  });

  it('takes a weak verb that introduces the quote directly as its attribution', () => {
    expect(speakers('When Ben Ode suggested that Salem would sue, Ana Ruiz fired back forcefully: “If they sue us in a court here, they are going to lose.”'))
      .toEqual(['Ana Ruiz']);
  });

  it('names the speaker of a pull quote from the dash line under it', () => {
    expect(speakers('Quotable.\n\n“The whole idea is something we hear about all the time, and it needs to stop.”\n\n-Mara Lenn, Salem.'))
      .toEqual(['Mara Lenn']);
  });
});

describe('findQuotes: more subjects', () => {
  it('reads a gerund after a preposition as the speech verb of the clause subject', () => {
    expect(speakers('Tom Berrow rallied supporters by warning darkly that “the rule of the right is in danger.”')).toEqual(['Tom Berrow']);
  });

  it('gives the words of a released video to who released it', () => {
    expect(speakers('In selling the courses, Tom Berrow released a marketing video that said, “We are going to have terrific professors.”'))
      .toEqual(['Tom Berrow']);
  });

  it('takes the subject of "be" in "was quick to add"', () => {
    expect(speakers('Tom Berrow was quick to add that the plan stays in place.\n\n“Building it? Not negotiable.”')).toEqual(['Tom Berrow']);
  });

  it('takes the person opening an aside set off by dashes after a role', () => {
    expect(speakers('Ana Ruiz spoke first. A former Republican candidate -- Tom Berrow, who lost the 2008 race -- said the plan “offered no changes to the strategy.”'))
      .toEqual(['Tom Berrow']);
  });

  it('reads "protested" as reporting speech', () => {
    expect(speakers('Ana Ruiz spoke first. His campaign protested that Ruiz aides were being “disingenuous” about the permit.')).toEqual(['campaign']);
  });

  it('steps over a long apposition with a relative clause', () => {
    expect(speakers('Rich Hefton, a top Salem party operative who played a major role in the big Florida win for the party in 2008 and who is now running all of the early-vote efforts in the state, said the absentee program is a “critical part of our strategy.”'))
      .toEqual(['Rich Hefton']);
  });

  it('hangs a participle after the object of a preposition on the clause subject', () => {
    expect(speakers('Exit polls were taken across the state.\n\nTom Berrow says he would be doing nothing more than yelling at people on their way into the polls saying “Hey, vote for me.”'))
      .toEqual(['Tom Berrow']);
  });

  it('reads a noun after a determiner and a noun as no speech verb ("the following comment")', () => {
    expect(speakers('On July 6, Tom Berrow made the following comment:\n\n“For young people who have left school, the real rate is high.”')).toEqual(['Tom Berrow']);
  });

  it('lets two names joined by "and" close a quote as its subject', () => {
    const [first] = speakers('The Salem Herald described a campaign in trouble. “The mayor is filled with resentment, on edge,” Ana Ruiz and Ben Ode wrote.');
    expect(['Ben Ode', 'Ana Ruiz and Ben Ode']).toContain(first);
  });

  it('reads "she went on." after a quote as an attribution', () => {
    expect(speakers('Ana Ruiz pointed to the nine plans Ben Ode has laid out.\n\n“And it is a bit concerning to me because it would end the care we know,” she went on.'))
      .toEqual(['Ana Ruiz']);
  });

  it('gives a quote in the next sentence of a clause naming no one to the speaker just quoted', () => {
    expect(speakers('“What he does is dangerous,” Dana Reyes says.\n\n“It is ambush journalism,” she says. It is “this new in-your-face journalism.”'))
      .toEqual(['Dana Reyes', 'Dana Reyes', 'Dana Reyes']);
  });

  it('takes an "as X said" right after a quote as its attribution', () => {
    expect(speakers('Still, the fact that the race “is a dead heat right now,” as Tom Berrow said on a radio program on Monday, only raises the stakes.'))
      .toEqual(['Tom Berrow']);
  });

  it('gives a quote inside an opening participle to the main clause’s person subject', () => {
    expect(speakers('Acknowledging that the mayor “says a lot of silly stuff,” though, Tom Berrow did suggest that the mayor is good for business.'))
      .toEqual(['Tom Berrow']);
  });

  it('steps over "on Wednesday" between a subject and its verb', () => {
    expect(speakers('Much of the anger was aimed at the adviser, who Tom Berrow on Wednesday called “a horrible, despicable human being.”'))
      .toEqual(['Tom Berrow']);
  });

  it('steps over a long role apposition with only an infinitive in it', () => {
    expect(speakers('Ted Norland, co-founder of the Salem Institute and advocate of an Apollo-type effort to cultivate new technologies, welcomed “the recognition that we do not have all the technology we need.”'))
      .toEqual(['Ted Norland']);
  });

  it('lets a relative clause whose comma opens the quote introduce it', () => {
    expect(speakers('On Thursday, Ana Ruiz won an endorsement from a colleague, from Tom Berrow, who declared in the spin room, “I am sending the signal that it is time to unite.”'))
      .toEqual(['Tom Berrow']);
  });

  it('gives "who" the person a phrase ends in', () => {
    expect(speakers('The test originated, as nasty things often do, in the mouth of Tom Berrow, who proclaimed in July that refugees “cannot come into this country.”'))
      .toEqual(['Tom Berrow']);
  });

  it('reads a hyphenated compound before a base-form speech word as a noun phrase ("his state-of-the-state address")', () => {
    expect(speakers('In January, Gov. Tom Berrow of Salem lauded Ana Ruiz in his state-of-the-state address for helping develop “new and innovative ideas.”'))
      .toEqual(['Tom Berrow']);
  });

  it('takes no speaker from a later clause after a quote that runs on into its sentence', () => {
    expect(speakers('Although Dana Ruiz says that Ben Ode “broke the story” of the standoff near Salem, others argue that Ode caused it.'))
      .toEqual(['Dana Ruiz']);
  });
});
