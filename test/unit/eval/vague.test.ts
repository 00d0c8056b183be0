import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { isVagueSource, vagueGold, evalVague } from '../../../src/cli/eval/vague.js';
import { overlapScores } from '../../../src/cli/eval/hedges.js';
import { parseAnn } from '../../../src/cli/eval/polnear.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

describe('vague-attribution eval (PolNeAR)', () => {
  it('classifies sources by the documented rule', () => {
    for (const s of ['officials', 'a source', 'Some experts', 'Many', 'others', 'a federal judge']) expect(isVagueSource(s), s).toBe(true);
    for (const s of ['Trump', 'White House officials', 'he', 'The candidate', 'his campaign', 'the New York Times']) expect(isVagueSource(s), s).toBe(false);
  });
  // Text and annotation written for this test: one vague source, one no-source cue, one named source.
  const text = 'Officials said the dam held. The mayor reportedly left. Ana Ruiz said it rained.';
  const ann = [
    'T1\tSource 0 9\tOfficials', 'T2\tCue 10 14\tsaid', 'T3\tContent 15 27\tthe dam held',
    'T4\tCue 39 49\treportedly', 'T5\tContent 29 54\tThe mayor reportedly left', 'T6\tAttribution-no-source 39 49\treportedly',
    'T7\tSource 56 64\tAna Ruiz', 'T8\tCue 65 69\tsaid', 'T9\tContent 70 79\tit rained', 'T10\tAttribution 10 14\tsaid', 'T11\tAttribution 65 69\tsaid',
    'E1\tAttribution:T10 Content:T3 Cue:T2 Source:T1', 'E2\tAttribution-no-source:T6 Content:T5 Cue:T4', 'E3\tAttribution:T11 Content:T9 Cue:T8 Source:T7',
  ].join('\n');
  const gold = vagueGold(text, parseAnn(ann));
  it('keeps the vague and source-less relations only', () => {
    expect(gold.map((g) => g.map((s) => text.slice(s.start, s.end)))).toEqual([['said', 'Officials'], ['reportedly']]);
  });
  it('a perfect prediction scores 1, an empty one 0', () => {
    expect(overlapScores(gold.map((g) => g[0]!), gold)).toMatchObject({ f1: 1, precision: 1, recall: 1, n_gold: 2 });
    expect(overlapScores([], gold)).toMatchObject({ f1: 0, recall: 0 });
  });
  it('runs on the tiny PolNeAR folder (no vague relation there) and returns null without it', async () => {
    const r = await evalVague(TINY);
    expect(r).toMatchObject({ n_gold: 0, recall: 0 });
    expect(await evalVague('/nonexistent')).toBeNull();
  });
});
