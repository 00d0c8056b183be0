import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findAttributions, isAttributing } from '../../../src/analysis/attributions.js';

// Sentences written for this test.
const vague = (text: string) => findAttributions(tokenize(text)).filter(isAttributing).map((a) => text.slice(a.start, a.end));

describe('unnamed sources of reporting verbs', () => {
  const flagged: Array<[string, string]> = [
    ['Republicans say the bill is too costly.', 'Republicans say'],
    ['Voters said they were tired of the campaign.', 'Voters said'],
    ['A federal judge found the rule unlawful.', 'A federal judge found'],
    ['Many of his supporters believe the count was wrong.', 'Many of his supporters believe'],
    ['Others argue that the plan will fail.', 'Others argue'],
    ['The deal is off, said one senior aide.', 'said one senior aide'],
    ['Polls show a tight race in the state.', 'Polls show'],
    ['The dam failed, according to several engineers.', 'according to several engineers'],
    ['He met critics who have suggested the vote was unfair.', 'critics who have suggested'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(vague(text)).toContain(span));

  const named = [
    'The company said profits rose.',
    'His aides said the trip was cancelled.',
    'White House officials said the meeting went well.',
    'Democratic Party officials said the count would start late.',
    'He told others that he would go.',
    'Three commissioners were charged with bribery.',
    'She asked employees not to disclose the figures.',
    'Ana Ruiz said the bridge would open.',
  ];
  for (const text of named) it(`nothing in "${text}"`, () => expect(vague(text)).toEqual([]));
});

describe('agentless attributions', () => {
  const flagged: Array<[string, string]> = [
    ['The bill is expected to pass next week.', 'is expected to'],
    ['The minister seemed reluctant to answer.', 'seemed'],
    ['The fire appears to have started in the kitchen.', 'appears to'],
    ['He is widely seen as the front-runner.', 'is widely seen as'],
    ['The firm has been accused of hiding losses.', 'has been accused of'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(vague(text)).toContain(span));
  it('leaves "appeared on" and quoted speculation alone', () => {
    expect(vague('She appeared on television on Monday.')).toEqual([]);
  });
});
