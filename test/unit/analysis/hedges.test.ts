import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/nlp.js';
import { findAttributions } from '../../../src/analysis/attributions.js';

// Sentences written for this test.
const hedges = (text: string) => findAttributions(tokenize(text)).filter((a) => a.kind === 'hedge' || a.kind === 'weasel').map((a) => text.slice(a.start, a.end).toLowerCase());

describe('hedge cues', () => {
  const flagged: Array<[string, string]> = [
    ['The figures could be wrong.', 'could'],
    ['The fire may have started in the kitchen.', 'may have'],
    ['The results suggest a link between the two.', 'suggest'],
    ['He is considered one of the best players.', 'is considered one'],
    ['It is possible that the data were wrong.', 'it is possible'],
    ['The cause of the fire remains unclear.', 'unclear'],
    ['The painting is thought to be a copy.', 'is thought to'],
    ['The vote was probably rigged.', 'probably'],
    ['Some claim the tower is haunted.', 'some claim'],
  ];
  for (const [text, span] of flagged) it(`flags "${span}"`, () => expect(hedges(text)).toContain(span));
  const clean = [
    'Finish the work as soon as possible.',
    'He could not find the key.',
    // a forecast in the writer's voice, everyday in news: not highlighted
    'The storm could reach the coast by Friday.',
    'The team made it possible to finish early.',
    'The thought of it made him laugh.',
    'Theresa May met the press in May.',
  ];
  for (const text of clean) it(`nothing in "${text}"`, () => expect(hedges(text)).toEqual([]));
});
