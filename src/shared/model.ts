/**
 * The data model every part shares: what the analysis core finds in a text, what the library
 * stores, and what the corroboration step says about each claim and quote.
 * Offsets are always into the article text the content script extracted (see spans.ts).
 */
import type { Span } from './spans.js';

/** Bumped whenever the analysis output changes shape or meaning; stored records are re-analysed. */
export const ANALYSIS_VERSION = 9;

export interface Sentence extends Span {
  /** Probability-like score in [0, 1] that the sentence is a check-worthy factual claim. */
  checkworthiness: number;
}

/** Why a sentence counts as a check-worthy claim, for the tooltip ("contains a number", ...). */
export type ClaimReason = 'number' | 'date' | 'named-actor' | 'reported-action' | 'comparison' | 'model';

export interface Claim extends Span {
  /** Stable within one analysis: `c<index>`. */
  id: string;
  score: number;
  reasons: ClaimReason[];
}

/** How the speaker of a quote was found, so the tooltip can say so and tests can check it. */
export type SpeakerHow =
  | 'same-sentence'    // "X said" / "said X" around the quote in its sentence
  | 'speaker-line'     // a separate line such as "Spokesperson X stated:" next to the quote
  | 'continuation'     // the quote continues the previous quote of the same speaker
  | 'coreference'      // a pronoun or title ("he", "the mission") resolved to an earlier name
  | 'none';

export interface Quote extends Span {
  /** `q<index>`. The span includes the quotation marks. */
  id: string;
  /** The quoted words without the quotation marks. */
  text: string;
  /** The speaker's name as the article gives it, or null when unknown. */
  speaker: string | null;
  /** The mention used to name the speaker (a pronoun's antecedent, when resolved), or null. */
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerHow: SpeakerHow;
}

export type AttributionKind =
  | 'anonymous-source'   // "a source", "officials said", "people familiar with the matter"
  | 'hedge'              // "reportedly", "allegedly", "might", "it is believed"
  | 'unsupported-claim'  // "no evidence was provided", "remain unsubstantiated"
  | 'weasel';            // "some say", "critics argue", "many believe"

export interface Attribution extends Span {
  /** `a<index>`. */
  id: string;
  kind: AttributionKind;
  /** One sentence for the tooltip: why this is vague or unverified. */
  reason: string;
  /** The cue words that triggered it, lower-cased. */
  cue: string;
}

export interface Analysis {
  version: number;
  textLength: number;
  sentences: Sentence[];
  claims: Claim[];
  quotes: Quote[];
  attributions: Attribution[];
  /**
   * 'other' when the text is plainly not English (src/analysis/language.ts): the analysis only
   * reads English, so it then finds nothing rather than guess. Absent in older records: English.
   */
  language?: 'en' | 'other';
}

/** What the content script extracts from a page (and `sourcemark extract` prints). */
export interface ExtractedArticle {
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** Plain text; blocks separated by "\n\n". Analysis offsets point into this. */
  text: string;
}

/** One article in the local library. */
export interface ArticleRecord {
  /** Stable key: the normalised canonical URL (or URL), so a revisit updates the record. */
  id: string;
  url: string;
  canonicalUrl: string | null;
  /** Outlet name: og:site_name, else the domain without "www.". */
  outlet: string;
  title: string;
  byline: string | null;
  publishedTime: string | null;
  text: string;
  analysis: Analysis;
  /** Wire service the story is credited to (AP, Reuters, AFP, UPI...), or null. */
  wire: string | null;
  firstSeen: number;
  lastSeen: number;
}

export type ClaimStatus = 'corroborated' | 'contradicted' | 'mixed' | 'single-source';
export type QuoteStatus = 'verbatim' | 'variant' | 'single-source';
export type Stance = 'agree' | 'contradict' | 'observing';

/** One sentence in another known article that bears on a claim. */
export interface ClaimEvidence {
  articleId: string;
  outlet: string;
  url: string;
  title: string;
  sentence: string;
  stance: Stance;
  /** Similarity of the two sentences in [0, 1]. */
  similarity: number;
  /** What differs, for contradictions: e.g. ["30 percent vs 12 percent"]. */
  differs: string[];
  /** Origin group key: syndicated copies of one story share it. */
  origin: string;
}

export interface ClaimReport {
  claimId: string;
  status: ClaimStatus;
  /** Independent origins that agree, not counting this article's own origin. */
  agreeingOrigins: number;
  evidence: ClaimEvidence[];
}

export type DiffOp = { op: 'same' | 'added' | 'removed'; text: string };

export interface QuoteEvidence {
  articleId: string;
  outlet: string;
  url: string;
  title: string;
  /** The other article's quoted words. */
  text: string;
  speaker: string | null;
  match: 'verbatim' | 'variant' | 'fragment';
  /** Share of this quote's words found in the other, in [0, 1]. */
  share: number;
  /** Word diff from this quote to the other one. */
  diff: DiffOp[];
  /** The other article credits the words to someone else. */
  speakerMismatch: boolean;
  origin: string;
}

export interface QuoteReport {
  quoteId: string;
  status: QuoteStatus;
  evidence: QuoteEvidence[];
}

export interface Corroboration {
  articleId: string;
  claims: ClaimReport[];
  quotes: QuoteReport[];
  /** How many other articles the library held when this was computed. */
  librarySize: number;
  /**
   * Articles not compared yet: the library was still being read after a background restart
   * (the answer is partial and is sent again once it is complete). Absent when none.
   */
  libraryPending?: number;
}
