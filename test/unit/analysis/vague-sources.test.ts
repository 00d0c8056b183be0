import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findAttributions, isAttributing } from '../../../src/analysis/attributions.js';

// Sentences written for this test.
const vague = (text: string) => findAttributions(tokenize(text)).filter(isAttributing).map((a) => text.slice(a.start, a.end));
const found = (text: string) => findAttributions(tokenize(text)).filter(isAttributing)
  .map((a) => ({ kind: a.kind, text: text.slice(a.start, a.end), reason: a.reason }));

describe('unnamed sources of verbs of saying and believing', () => {
  const flagged: Array<[string, string]> = [
    ['Republicans say the bill is too costly.', 'Republicans say'],
    ['Voters said they were tired of the campaign.', 'Voters said'],
    ['A federal judge found the rule unlawful.', 'A federal judge found'],
    ['Many of his supporters believe the count was wrong.', 'Many of his supporters believe'],
    ['Others argue that the plan will fail.', 'Others argue'],
    ['The deal is off, said one senior aide.', 'said one senior aide'],
    ['Polls show a tight race in the state.', 'Polls show'],
    ['The drug works, and research shows it is safe.', 'research shows'],
    ['Polling suggests a close race.', 'Polling suggests'],
    ['The dam failed, according to several engineers.', 'according to several engineers'],
    ['He met critics who have suggested the vote was unfair.', 'critics who have suggested'],
    ['Police officials said a second device was found nearby.', 'Police officials said'],
    ['Critics call it a tax on the poor.', 'Critics call'],
    ['Some Republicans argue that the deal is weak.', 'Some Republicans argue'],
    ['American officials said the talks had stalled.', 'American officials said'],
    ['But aides said the governor would sign the bill.', 'aides said'],
    ['A source familiar with Cruz\u2019s thinking said he would stay in the race.', 'A source familiar with Cruz\u2019s thinking said'],
    ['The company was sold in May, according to state corporate records.', 'according to state corporate records'],
    ['Senior advisers who have studied the map argue that she will win.', 'Senior advisers who have studied the map argue'],
    ['Many Republicans oppose the new tariff.', 'Many Republicans oppose'],
    ['\u201cWe will not fold,\u201d said a party strategist who spoke on condition of anonymity.', 'said a party strategist who spoke on condition of anonymity'],
    ['The tax, which critics say is unfair, passed on Friday.', 'critics say'],
    // a causative makes an unnamed group the one who wonders or says
    ['The ruling led many to wonder whether the law would stand.', 'many to wonder'],
    ['The delay prompted some analysts to speculate about a sale.', 'some analysts to speculate'],
    // wink tags these verbs as nouns after their subject
    ['Data show that incomes rose.', 'Data show'],
    ['But public records show little evidence of it.', 'public records show'],
    ['Others wonder how the deal could last.', 'Others wonder'],
    ['The race tightened, with recent polls showing a tie.', 'recent polls showing'],
    ['Some critics have questioned the plan.', 'Some critics have questioned'],
    ['Republicans slammed the ruling on Monday.', 'Republicans slammed'],
    ['Many voters expressed frustration with the count.', 'Many voters expressed'],
    // wink tags "polling" as a verb; "every" opens an indefinite source
    ['Recent polling shows that his rating is low.', 'Recent polling shows'],
    ['And every recent state poll has shown him trailing.', 'every recent state poll has shown'],
    // wink tags a bare plural after "to" as a verb
    ['The mayor will resign, according to reports.', 'according to reports'],
    ['According to reports, the mayor will resign.', 'According to reports'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(vague(text)).toContain(span));

  it('says why, by the kind of source', () => {
    const [anon] = found('Police officials said a second device was found nearby.');
    expect(anon).toMatchObject({ kind: 'anonymous-source' });
    expect(anon!.reason).toMatch(/not named/);
    const [group] = found('Some Republicans argue that the deal is weak.');
    expect(group).toMatchObject({ kind: 'weasel' });
    expect(group!.reason).toMatch(/unnamed group/);
    const [poll] = found('Polls show a tight race in the state.');
    expect(poll!.reason).toMatch(/not identified/);
  });

  const notFlagged = [
    // headline style: a bare singular noun, capitalised only because it opens the line
    'Video shows dramatic rescue of stranded hikers',
    'Report says mill will close by spring',
    'The company said profits rose.',
    'His aides said the trip was cancelled.',
    'White House officials said the meeting went well.',
    'Democratic Party officials said the count would start late.',
    'Senate Republicans said the vote would be held on Friday.',
    'He told others that he would go.',
    'Three commissioners were charged with bribery.',
    'She asked employees not to disclose the figures.',
    'Ana Ruiz said the bridge would open.',
    'Smith said the vote was fair.',
    // the officials are named first; "the officials" then points back to them
    'Two officials, Ana Ruiz and Tom Lee, met on Monday. The officials said the plan was dead.',
    // naming, a physical finding, a physical adding, a wish
    'A program called Harmony gave $5,000 to the group.',
    'Refugees find a home in the small city.',
    'Organizers added 160 guards along the route.',
    'Republicans want lower taxes.',
    'Nobody would question her intelligence.',
    'It could help a young visitor see the work of the police.',
    'The remark came as Trump\u2019s reported net worth fell.',
    // the addressee of "told", and a document someone named issued
    '\u201cWe will cope,\u201d Ana Ruiz, the former leader, told lawmakers on Monday.',
    'His office put out a statement saying the plan was dead.',
    // a request or an order: no one has said anything yet
    'She urged employees to disclose their income.',
    'The campaign asked voters to write letters.',
  ];
  for (const text of notFlagged) it(`nothing in "${text}"`, () => expect(vague(text)).toEqual([]));
});

describe('shares of poll respondents', () => {
  // The share is credited to the people a poll asked; when the sentence names no poll, the reader
  // is not told which one.
  const flagged: Array<[string, string]> = [
    ['However, 63 percent said they would vote in November.', '63 percent said'],
    ['Nearly half said they want someone new.', 'Nearly half said'],
    ['And a full 79 percent of farmers say the rule is unfair.', 'a full 79 percent of farmers say'],
    // a number word that opens the sentence is no name; "%" and "two in three" are shares too
    ['Sixty-six percent said it made no difference.', 'Sixty-six percent said'],
    ['About 26% say they are conservative.', 'About 26% say'],
    ['Two in three said they were less likely to vote.', 'Two in three said'],
    ['In Ohio, 85% of farmers said the system favors the wealthy.', '85% of farmers said'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(vague(text)).toContain(span));
  it('asks which poll', () => {
    const [share] = found('However, 63 percent said they would vote in November.');
    expect(share).toMatchObject({ kind: 'weasel' });
    expect(share!.reason).toMatch(/Which poll/);
  });
  it('points at the share even when wink reads "say" as a noun', () => {
    expect(vague('About 4 in 10 say they want a change.').join(' ')).toMatch(/10 say/);
  });
  const notFlagged = [
    // the sentence names the poll: the figure is the poll's, which is credited
    'A Gallup poll found that 63 percent said the plan was fair.',
    'According to the survey, 40 percent said they would move.',
    // a bare number is no share of respondents
    'At one point, she said, she was ready to quit.',
    'Those over 60 say they feel that way.',
    'With almost 100% of the precincts reporting, the race was close.',
    // a rate, not respondents
    'The 15 percent rate is lower than the 33 percent rate he proposed.',
    'The fund lost 5 percent last year.',
  ];
  for (const text of notFlagged) it(`nothing in "${text}"`, () => expect(vague(text)).toEqual([]));
});

describe('agentless attributions', () => {
  const flagged: Array<[string, string]> = [
    ['The bill is expected to pass next week.', 'is expected to'],
    ['The minister seemed reluctant to answer.', 'seemed'],
    ['The fire appears to have started in the kitchen.', 'appears to'],
    ['Voters seem to care more about jobs.', 'seem to'],
    // the reduced passive of a judging verb after a noun or comma
    ['Ruiz, regarded as the dominant figure of the court, died.', 'regarded as'],
    ['He defended the shake-up, viewed as a sign of trouble.', 'viewed as'],
    ['He is widely seen as the front-runner.', 'is widely seen as'],
    ['The firm has been accused of hiding losses.', 'has been accused of'],
    ['The mayor has been harshly criticized for the plan.', 'has been harshly criticized for'],
    ['It was revealed in March that the firm had lied.', 'It was revealed'],
    ['The move was described by some as reckless.', 'was described by some'],
    ['But the change was seen by some as a demotion.', 'was seen by some'],
    ['The rollout was widely criticized as sloppy.', 'was widely criticized as'],
    // a passive of a saying / judging verb whose agent is an unnamed group, also without "be"
    ['The toll is favored by most Republicans in the state.', 'is favored by most Republicans'],
    ['The board passed a measure opposed by unions on Monday.', 'opposed by unions'],
    ['The bill passed, as expected.', 'as expected'],
    ['The plant failed as predicted in July.', 'as predicted'],
    // a criticism as a noun, with no critic named
    ['The mayor has come under heavy criticism for the plan.', 'come under heavy criticism'],
    ['The firm is facing accusations of fraud.', 'facing accusations'],
    ['The program is drawing scrutiny.', 'drawing scrutiny'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(vague(text)).toContain(span));
  it('says whose view is missing', () => {
    const [c] = found('The mayor has been harshly criticized for the plan.');
    expect(c!.reason).toMatch(/Criticised by whom/);
  });
  const notFlagged = [
    'She appeared on television on Monday.',
    'She was nominated for an award in 2011.',
    'The treaty was signed in 1994.',
    'He changed course so he would not be accused of bias.',
    'The plan was criticized by the city council.',
    'The plan drew criticism from the city council.',
    'He would face criticism if he left the race.',
    'She faced questions about the budget.',
    'The actress spoke about being described as a role model.',
    'The district is known as the Golden Mile.',
    // an active "have seen", a sighting, and a named agent
    'He has seen as much before.',
    'He was seen by police leaving the house.',
    'The plan was seen by the board as a failure.',
    // a named agent, and a bare "be" after a modal (no assertion)
    'The toll is favored by Senator Ruiz and her staff.',
    'The figures cannot be trusted by investors.',
    'The cake was baked as expected by the judges.',
    'She voted as expected Democrats would.',
  ];
  for (const text of notFlagged) it(`nothing in "${text}"`, () => expect(vague(text)).toEqual([]));
});

describe('inside a quotation the quoted speaker is the source', () => {
  it('a quoted speaker\u2019s "seems" or "some say" is not a vague attribution of the article', () => {
    expect(vague('\u201cThe plan seems rushed, and some say it will fail,\u201d Ana Ruiz said.')).toEqual([]);
    expect(vague('"It appears to be a mistake," the mayor said.')).toEqual([]);
  });
  it('the same words outside the quotation are', () => {
    expect(vague('The plan seems rushed, and some say it will fail.')).toEqual(expect.arrayContaining(['seems', 'some say']));
  });
});

describe('a coordinated verb keeps the subject of the first verb', () => {
  it('"X met a group of farmers and said" does not credit the farmers', () => {
    expect(vague('The governor met a group of farmers and said the tariff would end.')).toEqual([]);
    expect(vague('She rallied young voters with her speech and called for calm.')).toEqual([]);
  });
});

describe('an impression inside a relative clause is the writer\u2019s description', () => {
  it('"an economy that seems rigged" is highlighted as the writer\u2019s hedge, not a vague attribution', () => {
    const text = 'Voters are angry about an economy that seems rigged.';
    const all = findAttributions(tokenize(text));
    expect(all.map((a) => [a.kind, text.slice(a.start, a.end)])).toEqual([['hedge', 'seems']]);
    expect(all[0]!.reason).toMatch(/the writer signals/);
    expect(all.filter(isAttributing)).toEqual([]);
    expect(vague('He took what appeared to be a bribe.')).toEqual([]);
  });
});

describe('the writer\u2019s own hedges are highlighted but are not attributions', () => {
  it('"may" in the writer\u2019s voice is a hedge, not a vague attribution', () => {
    const all = findAttributions(tokenize('The storm may reach the coast by Friday.'));
    expect(all.map((a) => a.kind)).toEqual(['hedge']);
    expect(all.filter(isAttributing)).toEqual([]);
  });
});
