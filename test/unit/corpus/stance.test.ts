import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../../../src/corpus/features.js';
import { nameDiffs, pairStance } from '../../../src/corpus/stance.js';

const f = sentenceFeatures;

describe('pairStance: a different place or actor for the same event', () => {
  it('a different place for the same happening is noted in differs (not a contradiction)', () => {
    const c = f('A car bomb exploded near a police station in Kandahar on Tuesday, killing nine people.');
    const e = f('A car bomb exploded near a police station in Herat on Tuesday, killing nine people.');
    expect(nameDiffs(c, e)).toEqual(['Kandahar vs Herat']);
    expect(pairStance(c, e, 0.6)).toEqual({ stance: 'agree', differs: ['Kandahar vs Herat'] });
  });
  it('a different actor opening the same action is noted; a source opening the sentence is not an actor', () => {
    const c = f('Maria Lopez announced the merger of the two airlines on Friday.');
    const e = f('John Carter announced the merger of the two airlines on Friday.');
    expect(pairStance(c, e, 0.6).differs).toEqual(['Maria Lopez vs John Carter']);
    expect(nameDiffs(f('Army Radio reported that the minister resigned on Friday.'), f('State Television reported that the minister resigned on Friday.'))).toEqual([]);
  });
  it('no place on one side, the same place in other words, or a place the other mentions elsewhere: no difference', () => {
    const c = f('A car bomb exploded near a police station in Kandahar on Tuesday, killing nine people.');
    expect(nameDiffs(c, f('A car bomb exploded near a police station on Tuesday, killing nine people.'))).toEqual([]);
    expect(nameDiffs(c, f('In Kandahar a car bomb exploded near a police station at Shah Road, killing nine.'))).toEqual([]);
    expect(pairStance(c, f('A car bomb exploded near a police station in Kandahar on Tuesday, killing nine people.'), 0.9).stance).toBe('agree');
  });
  it('below the same-event similarity, or with the place after a different word, nothing is noted', () => {
    const c = f('Protesters gathered in Paris on Saturday against the pension reform.');
    const e = f('Protesters gathered in Lyon on Saturday against the pension reform.');
    expect(pairStance(c, e, 0.3)).toEqual({ stance: 'agree', differs: [] });
    expect(nameDiffs(f('Officers who vanished in Massachusetts were found on Monday.'), f('Officers who vanished were found near Niagara Falls on Monday.'))).toEqual([]);
  });
});
