/**
 * One claim and its corroboration as schema.org ClaimReview-shaped JSON-LD
 * (https://schema.org/ClaimReview), for a fact-checker's CMS to start a review from.
 *
 * No rating is invented: there is no `reviewRating`. The review states facts only: where the
 * claim appears (this article and the outlets that report the same thing, as `appearance` of
 * the Claim), which outlets report differently (as `citation`, with their sentence and what
 * differs), and a plain-language `reviewBody`. Author and publisher are left to the fact-checker.
 */
import type { Claim, ClaimEvidence, ClaimReport, ClaimStatus } from '../shared/model.js';

export interface ArticleRef {
  '@type': 'NewsArticle';
  url: string;
  headline: string;
  publisher: { '@type': 'Organization'; name: string };
  /** The article's sentence that makes (or contradicts) the claim. */
  text?: string;
  description?: string;
}

export interface ClaimReviewJson {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  datePublished: string;
  reviewAspect: string;
  reviewBody: string;
  itemReviewed: { '@type': 'Claim'; text: string; appearance: ArticleRef[] };
  citation: ArticleRef[];
}

/** The article the claim was read in. */
export interface ClaimSource { url: string; title: string; outlet: string; text: string }

const ref = (url: string, headline: string, outlet: string, extra: Partial<ArticleRef> = {}): ArticleRef =>
  ({ '@type': 'NewsArticle', url, headline, publisher: { '@type': 'Organization', name: outlet }, ...extra });

const STATUS_SENTENCE: Record<ClaimStatus, string> = {
  corroborated: 'Other outlets in the reader\'s library report the same thing.',
  contradicted: 'Another outlet in the reader\'s library reports something different.',
  mixed: 'Some outlets in the reader\'s library report the same thing; others report something different.',
  'single-source': 'No other article in the reader\'s library reports this.',
};

/** Returns a list as "A", "A and B", "A, B and C". */
const names = (xs: string[]) => (xs.length <= 1 ? xs[0] ?? '' : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** One entry per article: the first sentence it contributes of that stance. */
function perArticle(evidence: readonly ClaimEvidence[], stance: ClaimEvidence['stance']): ClaimEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => e.stance === stance && !seen.has(e.articleId) && seen.add(e.articleId));
}

/**
 * Returns the ClaimReview for one claim of an article: the claim's sentence, its appearances,
 * the contradicting articles, and a factual summary, dated `date` (YYYY-MM-DD).
 */
export function toClaimReview(source: ClaimSource, claim: Claim, report: ClaimReport | undefined, date: string): ClaimReviewJson {
  const sentence = source.text.slice(claim.start, claim.end).replace(/\s+/g, ' ').trim();
  const evidence = report?.evidence ?? [];
  const agree = perArticle(evidence, 'agree');
  const against = perArticle(evidence, 'contradict');
  const status = report?.status ?? 'single-source';
  const body = [STATUS_SENTENCE[status]];
  if (agree.length) {
    const origins = report?.agreeingOrigins ?? agree.length;
    body.push(`Reported the same by ${names([...new Set(agree.map((e) => e.outlet))])}`
      + ` (${origins} independent origin${origins === 1 ? '' : 's'}; syndicated copies count once).`);
  }
  if (against.length) {
    const differs = [...new Set(against.flatMap((e) => e.differs))];
    body.push(`Reported differently by ${names([...new Set(against.map((e) => e.outlet))])}${differs.length ? ` (${differs.join('; ')})` : ''}.`);
  }
  body.push('Compiled automatically by Sourcemark from articles the reader has read; no rating is given.');
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: sentence,
    datePublished: date,
    reviewAspect: 'corroboration across outlets',
    reviewBody: body.join(' '),
    itemReviewed: {
      '@type': 'Claim',
      text: sentence,
      appearance: [
        ref(source.url, source.title, source.outlet, { text: sentence }),
        ...agree.map((e) => ref(e.url, e.title, e.outlet, { text: e.sentence })),
      ],
    },
    citation: against.map((e) => ref(e.url, e.title, e.outlet, {
      text: e.sentence,
      description: e.differs.length ? `Reports differently: ${e.differs.join('; ')}` : 'Reports differently.',
    })),
  };
}
