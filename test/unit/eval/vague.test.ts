import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { articleHalf, isVagueSource, QUESTION_OR_NAME, relativeAntecedent, vagueGold, vagueGoldItems, evalVague } from '../../../src/cli/eval/vague.js';
import { overlapScores } from '../../../src/cli/eval/hedges.js';
import { parseAnn } from '../../../src/cli/eval/polnear.js';
import { tokenize } from '../../../src/analysis/nlp.js';

const TINY = fileURLToPath(new URL('../../fixtures/eval-tiny/', import.meta.url));

/** Builds a brat .ann for a text from [label, substring, occurrence] triples and event lines. */
function annFor(text: string, spans: Array<[string, string, number?]>, events: string[]): string {
  const lines = spans.map(([label, sub, nth = 0], i) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(sub, at + 1);
    if (at < 0) throw new Error(`no "${sub}" in fixture`);
    return `T${i + 1}\t${label} ${at} ${at + sub.length}\t${sub}`;
  });
  return [...lines, ...events].join('\n');
}

describe('vague-attribution gold rule (PolNeAR)', () => {
  it('reads sources as unnamed only when they name no person or organisation', () => {
    const unnamed = ['officials', 'a source', 'Some experts', 'Many', 'others', 'a federal judge', 'Officials',
      'some Republicans', 'American officials', 'a Chinese diplomat', 'Thirty percent', 'Nearly half of voters',
      'a source familiar with Cruz\u2019s thinking', 'People close to the Clinton campaign'];
    for (const s of unnamed) expect(isVagueSource(s), s).toBe(true);
    const named = ['Trump', 'White House officials', 'Senate Republicans', 'he', 'The candidate', 'his campaign',
      'the New York Times', 'Cuban', 'Edward Rendell, a former governor who is close to the Clintons', 'Israel\u2019s foreign ministry'];
    for (const s of named) expect(isVagueSource(s), s).toBe(false);
  });
  it('counts a source kept anonymous by the words after it', () => {
    expect(isVagueSource('a senior Trump adviser', ', who requested anonymity to speak freely')).toBe(true);
    expect(isVagueSource('a senior Trump adviser', ', who has worked for him since 2015')).toBe(false);
  });
  it('leaves questions and names without a source to the broad rule only', () => {
    for (const c of ['asked', 'was asked about', 'called the', 'so-called', 'known as', 'Known until last month as']) expect(QUESTION_OR_NAME.test(c), c).toBe(true);
    for (const c of ['calls for', 'is expected', 'seemed', 'reportedly', 'is known for', 'has been criticized']) expect(QUESTION_OR_NAME.test(c), c).toBe(false);
  });

  // Text and annotation written for this test.
  const text = 'Officials said the dam held. The mayor reportedly left. Ana Ruiz said it rained. '
    + 'He was asked about the flood. Critics who live nearby say the dam is old. Trump, who spoke first, said it was fine.';
  const ann = annFor(text, [
    ['Source', 'Officials'], ['Cue', 'said'], ['Content', 'the dam held'], ['Attribution', 'said'],
    ['Cue', 'reportedly'], ['Content', 'The mayor reportedly left'], ['Attribution-no-source', 'reportedly'],
    ['Source', 'Ana Ruiz'], ['Cue', 'said', 1], ['Content', 'it rained'], ['Attribution', 'said', 1],
    ['Cue', 'asked about'], ['Content', 'the flood'], ['Attribution-no-source', 'asked about'],
    ['Source', 'who', 0], ['Cue', 'say'], ['Content', 'the dam is old'], ['Attribution', 'say'],
    ['Source', 'who', 1], ['Cue', 'said', 2], ['Content', 'it was fine'], ['Attribution', 'said', 2],
  ], [
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'E2\tAttribution-no-source:T7 Content:T6 Cue:T5',
    'E3\tAttribution:T11 Content:T10 Cue:T9 Source:T8',
    'E4\tAttribution-no-source:T14 Content:T13 Cue:T12',
    'E5\tAttribution:T18 Content:T17 Cue:T16 Source:T15',
    'E6\tAttribution:T22 Content:T21 Cue:T20 Source:T19',
  ]);
  const relations = parseAnn(ann);
  const tok = tokenize(text);
  const show = (groups: Array<Array<{ start: number; end: number }>>) => groups.map((g) => g.map((s) => text.slice(s.start, s.end)));

  it('finds the antecedent of a relative pronoun source', () => {
    const at = (w: string, nth: number) => { let i = -1; for (let k = 0; k <= nth; k++) i = text.indexOf(w, i + 1); return i; };
    const crit = relativeAntecedent(tok, at('who', 0))!;
    expect(text.slice(crit.start, crit.end)).toBe('Critics');
    const trump = relativeAntecedent(tok, at('who', 1))!;
    expect(text.slice(trump.start, trump.end)).toBe('Trump');
  });
  it('keeps the unnamed and source-less relations; the question only in the broad rule', () => {
    expect(show(vagueGold(text, relations, false, tok))).toEqual([['said', 'Officials'], ['reportedly'], ['say', 'Critics', 'who']]);
    expect(show(vagueGold(text, relations, true, tok))).toEqual([['said', 'Officials'], ['reportedly'], ['asked about'], ['say', 'Critics', 'who']]);
    // without tokens a relative pronoun cannot be resolved and counts as pointing back
    expect(show(vagueGold(text, relations))).toEqual([['said', 'Officials'], ['reportedly']]);
  });
  it('classes the gold cues for the diagnostic recall figures', () => {
    expect(vagueGoldItems(text, relations, tok).map((g) => g.cueClass)).toEqual(['saying-believing', 'saying-believing', 'other', 'saying-believing']);
  });
  it('a perfect prediction scores 1, an empty one 0, a stray one lowers precision only', () => {
    const gold = vagueGold(text, relations, false, tok);
    expect(overlapScores(gold.map((g) => g[0]!), gold)).toMatchObject({ f1: 1, precision: 1, recall: 1, n_gold: 3 });
    expect(overlapScores([], gold)).toMatchObject({ f1: 0, recall: 0 });
    const stray = { start: text.indexOf('Ana Ruiz'), end: text.indexOf('Ana Ruiz') + 8 };
    expect(overlapScores([...gold.map((g) => g[0]!), stray], gold)).toMatchObject({ precision: 0.75, recall: 1 });
  });
  it('splits articles into halves by the parity of sha1(filename), deterministically', () => {
    const names = Array.from({ length: 40 }, (_, i) => `article_${i}`);
    const halves = names.map(articleHalf);
    expect(new Set(halves)).toEqual(new Set(['a', 'b']));
    expect(names.map(articleHalf)).toEqual(halves);
  });
  it('runs on the tiny PolNeAR folder (no vague relation there) and returns null without it', async () => {
    const r = await evalVague(TINY);
    expect(r).toMatchObject({ n_gold: 0, recall: 0, broad_n_gold: 0 });
    expect(r!.n_predicted).toBe(0);
    expect(await evalVague('/nonexistent')).toBeNull();
  });
});
