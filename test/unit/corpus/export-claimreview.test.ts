import { describe, expect, it } from 'vitest';
import { toClaimReview } from '../../../src/corpus/export-claimreview.js';
import { fakeReport } from '../popup/fake-report.js';

const r = fakeReport();
const source = { url: 'https://harbor.example/story', title: r.title, outlet: r.outlet, text: r.text };
const claim = (id: string) => r.analysis.claims.find((c) => c.id === id)!;
const report = (id: string) => r.corroboration.claims.find((c) => c.claimId === id);

describe('toClaimReview', () => {
  it('has the schema.org ClaimReview shape: claimReviewed, itemReviewed Claim with appearances, date', () => {
    const cr = toClaimReview(source, claim('c1'), report('c1'), '2026-11-23');
    expect(cr['@context']).toBe('https://schema.org');
    expect(cr['@type']).toBe('ClaimReview');
    expect(cr.claimReviewed).toBe('Officials said the boil notice would last three days.');
    expect(cr.datePublished).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(cr.itemReviewed['@type']).toBe('Claim');
    expect(cr.itemReviewed.appearance.map((a) => [a['@type'], a.url, a.publisher.name])).toEqual([
      ['NewsArticle', 'https://harbor.example/story', 'Harbor Ledger'],
      ['NewsArticle', 'https://x.example/a', 'Valley Courier'],
    ]);
    expect(cr.itemReviewed.appearance[1]!.text).toBe('The notice will last three days.');
  });

  it('names the contradicting outlets with their sentence and what differs', () => {
    const cr = toClaimReview(source, claim('c1'), report('c1'), '2026-11-23');
    expect(cr.citation).toEqual([{
      '@type': 'NewsArticle', url: 'https://x.example/a', headline: 'T', publisher: { '@type': 'Organization', name: 'Metro Wire' },
      text: 'The notice will last a week.', description: 'Reports differently: three days vs a week',
    }]);
    expect(cr.reviewBody).toContain('Reported the same by Valley Courier (1 independent origin');
    expect(cr.reviewBody).toContain('Reported differently by Metro Wire (three days vs a week).');
  });

  it('invents no rating, for any status', () => {
    for (const id of ['c0', 'c1', 'c2']) {
      const cr = toClaimReview(source, claim(id), report(id), '2026-11-23');
      const json = JSON.stringify(cr);
      expect(json).not.toMatch(/reviewRating|ratingValue|bestRating|alternateName/);
      expect(cr.reviewBody).toContain('no rating is given');
    }
  });

  it('states a single-source claim as such, with only its own appearance', () => {
    const cr = toClaimReview(source, claim('c2'), undefined, '2026-11-23');
    expect(cr.reviewBody).toMatch(/^No other article in the reader's library reports this\./);
    expect(cr.itemReviewed.appearance).toHaveLength(1);
    expect(cr.citation).toEqual([]);
  });
});
