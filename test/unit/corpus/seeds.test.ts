/**
 * Seed acceptance: the two seed articles (same event, two outlets) in one library. Seed text is
 * read from ../shared/seeds at run time; every sentence is a claim (sentenceAnalysis), or the
 * analysis core's claims once analyze() runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, ArticleRecord, ClaimReport, Corroboration } from '../../../src/shared/model.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { claimIdOf, loadSeeds, recordOf } from './helpers.js';

const seeds = loadSeeds();
if (!seeds) console.warn('SKIP seed acceptance: ../shared/seeds not found');

describe.skipIf(!seeds)('seed acceptance', () => {
  let lib: Library;
  let a: ArticleRecord, b: ArticleRecord;
  let ca: Corroboration, cb: Corroboration;
  const claim = (r: ArticleRecord, c: Corroboration, needle: string): ClaimReport =>
    c.claims.find((x) => x.claimId === claimIdOf(r, needle))!;
  const quote = (r: ArticleRecord, c: Corroboration, needle: string) => {
    const q = r.analysis.quotes.find((q) => q.text.includes(needle));
    if (!q) throw new Error(`no quote with "${needle}"`);
    return c.quotes.find((x) => x.quoteId === q.id)!;
  };

  beforeAll(async () => {
    a = recordOf(seeds![0]!, 'https://outlet-a.example/000', 'Outlet A');
    b = recordOf(seeds![1]!, 'https://outlet-b.example/002', 'Outlet B');
    lib = await Library.open(new MemoryStore());
    await lib.upsert(a);
    await lib.upsert(b);
    ca = lib.corroborate(a);
    cb = lib.corroborate(b);
  });

  it('000: the hacking claim shows Iran\'s denial from 002', () => {
    const r = claim(a, ca, 'claims Iranian hackers breached');
    expect(['contradicted', 'mixed']).toContain(r.status);
    const deny = r.evidence.find((e) => e.stance === 'contradict');
    expect(deny?.articleId).toBe(b.id);
    expect(deny?.sentence).toMatch(/denied any involvement|neither possesses/);
    if (r.status === 'mixed') expect(r.evidence.some((e) => e.stance === 'agree' && e.articleId === b.id)).toBe(true);
  });

  it('000: the Microsoft report on a high-ranking official in June 2024 is corroborated by 002', () => {
    const r = claim(a, ca, 'high-ranking official');
    expect(r.status).toBe('corroborated');
    expect(r.agreeingOrigins).toBe(1);
    expect(r.evidence[0]!.sentence).toMatch(/June 2024/);
  });

  it('000: the 2018 JCPOA withdrawal is single-source', () => {
    expect(claim(a, ca, 'withdrew from the Joint Comprehensive').status).toBe('single-source');
  });

  it('000: any 002 evidence for the 2020 Soleimani strike is the drone strike sentence', () => {
    const r = claim(a, ca, 'death of Qassem Soleimani');
    for (const e of r.evidence) expect(e.sentence).toMatch(/2020 drone strike/);
  });

  it('000: Cheung\'s "These documents were obtained illegally ..." is matched in 002', () => {
    const r = quote(a, ca, 'These documents were obtained illegally from foreign');
    expect(['verbatim', 'variant']).toContain(r.status);
    expect(r.evidence[0]!.articleId).toBe(b.id);
    expect(r.evidence[0]!.share).toBeGreaterThan(0.8);
    expect(r.evidence[0]!.speakerMismatch).toBe(false);
  });

  it('000: the "Iranians know ..." quote is single-source', () => {
    expect(quote(a, ca, 'The Iranians know').status).toBe('single-source');
  });

  it('002: the Microsoft report (June 2024) is corroborated by 000', () => {
    const r = claim(b, cb, 'broke into the account');
    expect(r.status).toBe('corroborated');
    expect(r.evidence[0]!.articleId).toBe(a.id);
  });

  it('002: the drone strike sentence is matched by 000\'s Soleimani sentence only', () => {
    const r = claim(b, cb, '2020 drone strike');
    expect(r.status).toBe('corroborated');
    for (const e of r.evidence) expect(e.sentence).toMatch(/Soleimani/);
  });

  it('002: Iran\'s denial agrees with 000\'s "Iran has consistently denied"', () => {
    const r = claim(b, cb, 'denied any involvement');
    expect(r.evidence.some((e) => e.stance === 'agree' && /consistently denied/.test(e.sentence))).toBe(true);
  });

  it('002: both Cheung fragments are found in 000\'s full quote', () => {
    for (const needle of ['These documents were obtained illegally', 'intended to interfere with the 2024 election']) {
      const r = quote(b, cb, needle);
      expect(r.status).toBe('verbatim');
      expect(r.evidence[0]!.match).toBe('fragment');
      expect(r.evidence[0]!.articleId).toBe(a.id);
    }
  });

  it('002: the mission\'s "We do not accord any credence" quote is single-source', () => {
    expect(quote(b, cb, 'We do not accord any credence').status).toBe('single-source');
  });

  it('a wire reprint of 002 under another outlet does not double corroboration', async () => {
    const reprint = recordOf(b.text.replace('Skip to content', 'Reprinted with permission'), 'https://reprint.example/x', 'Reprint Daily');
    await lib.upsert(reprint);
    try {
      expect(lib.originOf(reprint.id)).toBe(lib.originOf(b.id));
      const r = lib.corroborate(a).claims.find((x) => x.claimId === claimIdOf(a, 'high-ranking official'))!;
      expect(r.status).toBe('corroborated');
      expect(r.agreeingOrigins).toBe(1);
      // And from the reprint's side, 002 is not corroboration.
      const rr = lib.corroborate(reprint);
      expect(rr.claims.every((c) => c.evidence.every((e) => e.articleId !== b.id))).toBe(true);
    } finally {
      await lib.remove(reprint.id);
    }
  });

  it('an article that says "Outlet A reported ..." is not a second origin for Outlet A\'s claim', async () => {
    const citing = recordOf(
      'Follow-up story\n\nOutlet A reported that Iranian government-affiliated hackers attempted to infiltrate the account of a high-ranking official in a U.S. presidential campaign in June 2024.',
      'https://citing.example/y', 'Citing Times');
    await lib.upsert(citing);
    try {
      const r = lib.corroborate(a).claims.find((x) => x.claimId === claimIdOf(a, 'high-ranking official'))!;
      const ev = r.evidence.find((e) => e.articleId === citing.id);
      expect(ev).toBeDefined();
      expect(ev!.origin).toBe(lib.originOf(a.id));
      expect(r.agreeingOrigins).toBe(1); // 002 only
    } finally {
      await lib.remove(citing.id);
    }
  });
});

// With the analysis core's own claims and quotes, once analyze() runs.
let analyze: ((t: string) => Analysis) | null = null;
try {
  analyze = (await import('../../../src/analysis/analyze.js')).analyze;
  if (seeds) analyze(seeds[0]!.slice(0, 200));
} catch {
  analyze = null;
}
if (seeds && !analyze) console.warn('SKIP seed acceptance with analyze(): the analysis core does not run yet');

describe.skipIf(!seeds || !analyze)('seed acceptance with analyze()', () => {
  it('Cheung\'s quote is matched across the seeds and the JCPOA claim (if selected) is single-source', async () => {
    const a = { ...recordOf(seeds![0]!, 'https://outlet-a.example/000', 'Outlet A'), analysis: analyze!(seeds![0]!) };
    const b = { ...recordOf(seeds![1]!, 'https://outlet-b.example/002', 'Outlet B'), analysis: analyze!(seeds![1]!) };
    const lib = await Library.open(new MemoryStore([a, b]));
    const ca = lib.corroborate(a);
    const q = a.analysis.quotes.find((q) => q.text.includes('These documents were obtained illegally'));
    expect(q).toBeDefined();
    expect(ca.quotes.find((x) => x.quoteId === q!.id)!.status).not.toBe('single-source');
    const j = a.analysis.claims.find((c) => a.text.slice(c.start, c.end).includes('withdrew from the Joint'));
    if (j) expect(ca.claims.find((x) => x.claimId === j.id)!.status).toBe('single-source');
  });
});
