import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolnear } from '../../../src/cli/eval/polnear.js';
import {
  evalQuotes, goldQuotes, matchSpans, quotedParts, sameSpeaker, scoreQuotes, summarizeQuotes, type GoldQuote,
} from '../../../src/cli/eval/quotes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tiny = path.join(here, '../../fixtures/eval-tiny');

const gold = (source: string | null, extra: Partial<GoldQuote> = {}): GoldQuote =>
  ({ start: 0, end: 1, source, noSource: source === null, named: true, ...extra });

describe('quotes eval gold', () => {
  const articles = loadPolnear(tiny)!;

  it('takes the quoted parts of contents with quotation marks, one per stretch', () => {
    const [a] = articles;
    const g = goldQuotes(a!);
    expect(g.map((q) => a!.text.slice(q.start, q.end))).toEqual([
      '“We are on schedule and on budget,”',
      '“The river crossing will change how people get to work,”',
      '“cautiously optimistic.”',
    ]);
  });

  it('resolves a pronoun source to the nearest earlier named source', () => {
    const g = goldQuotes(articles[0]!);
    expect(g[1]!.source).toBe('Ruiz');
    expect(g[2]!.source).toBe('A spokesperson for the Transport Board');
  });

  it('splits a content segment into its quoted parts; an open mark runs to the segment end', () => {
    const t = 'x “a b,” he said, “c d.” and “e f';
    expect(quotedParts(t, { start: 0, end: t.length }).map((s) => t.slice(s.start, s.end))).toEqual(['“a b,”', '“c d.”', '“e f']);
    const s = 'said "yes, we can" today';
    expect(quotedParts(s, { start: 0, end: s.length }).map((p) => s.slice(p.start, p.end))).toEqual(['"yes, we can"']);
  });
});

describe('quotes eval scoring', () => {
  const articles = loadPolnear(tiny)!;

  it('scores a perfect prediction 1', () => {
    const g = goldQuotes(articles[0]!);
    const r = summarizeQuotes([scoreQuotes(g, g.map((q) => ({ start: q.start, end: q.end, speaker: q.source })))]);
    expect(r.f1_03).toBe(1);
    expect(r.f1_08).toBe(1);
    expect(r.speaker_accuracy).toBe(1);
    expect(r.speaker_accuracy_named).toBe(1);
  });

  it('scores an empty prediction 0', () => {
    const r = summarizeQuotes([scoreQuotes(goldQuotes(articles[0]!), [])]);
    expect(r.f1_03).toBe(0);
    expect(r.recall_03).toBe(0);
    expect(r.n_pred).toBe(0);
  });

  it('matches at 0.3 but not 0.8 of the longer span, each gold once', () => {
    const g = [{ start: 0, end: 10 }];
    expect(matchSpans(g, [{ start: 0, end: 4 }], 0.3)).toEqual([[0, 0]]);
    expect(matchSpans(g, [{ start: 0, end: 4 }], 0.8)).toEqual([]);
    expect(matchSpans(g, [{ start: 0, end: 9 }, { start: 1, end: 10 }], 0.3)).toHaveLength(1);
  });

  it('compares speakers by shared name token, else by content word', () => {
    expect(sameSpeaker('Steven Cheung', gold('Trump campaign spokesman Cheung'))).toBe(true);
    expect(sameSpeaker('The President', gold('Cheung'))).toBe(false);
    expect(sameSpeaker(null, gold('Cheung'))).toBe(false);
    expect(sameSpeaker('the mission', gold('the mission'))).toBe(true);
    expect(sameSpeaker(null, gold(null))).toBe(true);
  });

  it('runs findQuotes over the tiny folder and finds its quotes', async () => {
    const r = await evalQuotes(tiny);
    expect(r).not.toBeNull();
    expect(r!.n_gold).toBe(3);
    expect(r!.f1_03).toBe(1);
    expect(r!.speaker_accuracy).toBe(1);
  });

  it('returns null without PolNeAR', async () => {
    expect(await evalQuotes(path.join(here, 'no-such-dir'))).toBeNull();
  });
});

describe('quotes eval gold sources', () => {
  it('tells person sources from bodies and documents, and reads sex from names and titles', async () => {
    const { sourceInfo } = await import('../../../src/cli/eval/quotes.js');
    expect(sourceInfo('Sen. Ana Ruiz (D-Ore.)').person).toBe(true);
    expect(sourceInfo('Sen. Mary Ruiz (D-Ore.)').sex).toBe('f');
    expect(sourceInfo('Ben Ode, a spokesman for the board,').sex).toBe('m');
    expect(sourceInfo('the FBI').person).toBe(false);
    expect(sourceInfo('Opinion polls').person).toBe(false);
    expect(sourceInfo('excerpts of his speech released by the Transport Board').person).toBe(false);
    expect(sourceInfo('the Vermont senator').description).toBe(true);
    expect(sourceInfo('Ben Ode').description).toBe(false);
  });

  it('gives a bare surname the sex its full name shows elsewhere in the article', async () => {
    const { sourceInfo, fillSexBySurname, antecedent } = await import('../../../src/cli/eval/quotes.js');
    const named = [sourceInfo('Ruiz', 10), sourceInfo('Ode', 20)];
    fillSexBySurname('Mary Ruiz met Ben Ode. Ruiz said no.', named);
    expect(named.map((n) => n.sex)).toEqual(['f', 'm']);
    expect(antecedent(named, 40, { person: true, sex: 'f' })).toBe('Ruiz');
    // a surname seen with both sexes stays open
    const both = [sourceInfo('Ruiz', 10)];
    fillSexBySurname('Mary Ruiz and Ben Ruiz came.', both);
    expect(both[0]!.sex).toBeNull();
  });

  it('resolves "she" past a body and a man to the nearest fitting person', async () => {
    const { sourceInfo, antecedent } = await import('../../../src/cli/eval/quotes.js');
    const named = [sourceInfo('Mayor Mary Ruiz', 10), sourceInfo('Ben Ode', 20), sourceInfo('the Transport Board', 30)];
    expect(antecedent(named, 40, { person: true, sex: 'f' })).toBe('Mayor Mary Ruiz');
    expect(antecedent(named, 40, { person: true, sex: 'm' })).toBe('Ben Ode');
    expect(antecedent(named, 40, { person: false, sex: null })).toBe('the Transport Board');
    expect(antecedent(named, 5, { person: true, sex: null })).toBeNull();
  });

  it('does not let a name in the appositive stand for the speaker', () => {
    const g = gold('Ben Ode, a spokesman for the Ana Ruiz campaign,');
    expect(sameSpeaker('Ben Ode', g)).toBe(true);
    expect(sameSpeaker('Ruiz', g)).toBe(false);
    expect(sameSpeaker('Sierra Club', gold('Mr. Ode of the Sierra Club'))).toBe(false);
    expect(sameSpeaker('Ben Ode', gold('Mr. Ode of the Sierra Club'))).toBe(true);
  });

  it('tells two people with one surname apart by their first names', () => {
    expect(sameSpeaker('Mary Ruiz', gold('Sen. Ana Ruiz (D-Ore.)'))).toBe(false);
    expect(sameSpeaker('Ruiz', gold('Sen. Ana Ruiz (D-Ore.)'))).toBe(true);
    expect(sameSpeaker('Ana Maria Ruiz', gold('Ana Ruiz'))).toBe(true);
    expect(sameSpeaker('Debbie Vale Ode', gold('Vale Ode'))).toBe(true);
  });

  it('reads titles as titles, not names', () => {
    expect(sameSpeaker('Ben Ode', gold('Board Chairman B.K. Ode of Salem'))).toBe(true);
    expect(sameSpeaker('Board', gold('Board Chairman B.K. Ode'))).toBe(false);
    expect(sameSpeaker('Board Chairman', gold('Board Chairman B.K. Ode'))).toBe(true);
    expect(sameSpeaker('Ben Ode', gold('Secretary of State Ben Ode'))).toBe(true);
  });

  it('accepts a role description taken from the gold source, not a name inside it', () => {
    const g = gold('Ben Ode, president of the Salem Teachers Union,');
    expect(sameSpeaker('president of the Salem Teachers Union', g)).toBe(true);
    expect(sameSpeaker('Salem Teachers Union', g)).toBe(false);
    expect(sameSpeaker('a 40-year-old nurse', gold('Ana Ruiz, a 40-year-old nurse from Salem,'))).toBe(true);
    expect(sameSpeaker('a clinic', gold('Ana Ruiz, who runs a clinic'))).toBe(false);
  });

  it('reads a role followed by a bare name as that person', () => {
    expect(sameSpeaker('Ben Ode', gold('The board’s chief engineer, Ben Ode,'))).toBe(true);
    expect(sameSpeaker('Ana Ruiz', gold('The board’s chief engineer, Ben Ode,'))).toBe(false);
  });

  it('resolves a relative-pronoun source to the phrase it follows', async () => {
    const { relativeAntecedent } = await import('../../../src/cli/eval/quotes.js');
    const t = 'The plan was backed by Sen. Ana Ruiz of Salem, who said it was fair.';
    expect(relativeAntecedent(t, t.indexOf('who'))).toBe('Ana Ruiz');
    const u = 'Ben Ode, the board’s chief engineer, who signed it, agreed.';
    expect(relativeAntecedent(u, u.indexOf('who'))).toBe('the board’s chief engineer');
  });

  it('accepts either a description or its antecedent', () => {
    const g = gold('the Vermont senator', { described: 'Sen. Ben Ode' });
    expect(sameSpeaker('Ben Ode', g)).toBe(true);
    expect(sameSpeaker('the Vermont senator', g)).toBe(true);
    expect(sameSpeaker('Ana Ruiz', g)).toBe(false);
  });
});
