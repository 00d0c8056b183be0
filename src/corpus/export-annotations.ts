/**
 * The page's highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), one
 * AnnotationCollection in JSON-LD, so annotation tools that speak the standard can open them.
 *
 * Each highlight targets the page's canonical URL with two selectors:
 * - TextQuoteSelector: the exact words plus up to 32 characters either side (the robust one;
 *   the same context length Hypothesis records);
 * - TextPositionSelector: start/end in Unicode code points, as the model requires (not UTF-16
 *   units), counted in the article text Sourcemark extracted, not the whole page's text. Tools
 *   re-anchor by the quote when the positions do not fit their own text.
 */
import type { Analysis, ClaimStatus, Corroboration, QuoteStatus } from '../shared/model.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Characters of context kept before and after the exact text. */
export const QUOTE_CONTEXT = 32;

export interface TextQuoteSelector { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
export interface TextPositionSelector { type: 'TextPositionSelector'; start: number; end: number }
export interface TextualBody { type: 'TextualBody'; purpose: 'tagging' | 'describing'; value: string; format: 'text/plain'; language?: string }

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  generator: { type: 'Software'; name: string };
  body: TextualBody[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** What the export reads of a page: its address, title, text and what Sourcemark found in it. */
export interface AnnotatedPage {
  /** The canonical URL when the page declares one, else its URL. */
  source: string;
  title: string;
  text: string;
  analysis: Analysis;
  corroboration: Corroboration | null;
  lang?: string | null;
}

export interface AnnotationOptions {
  /** ISO 8601 time of the export. */
  created: string;
  /** Returns a new IRI for each annotation and page (e.g. `urn:uuid:` + crypto.randomUUID()). */
  newId(): string;
  generator?: string;
}

/** Returns the number of Unicode code points in text[0, utf16Offset). */
export function codePointOffset(text: string, utf16Offset: number): number {
  let n = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16Offset) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const isLow = (text: string, i: number) => { const c = text.charCodeAt(i); return c >= 0xdc00 && c <= 0xdfff; };

/** Returns the two selectors for the span [start, end) of the text. */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  // Widen the context outwards by one unit rather than cut a surrogate pair (an emoji) in half.
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && isLow(text, from)) from--;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (to < text.length && isLow(text, to)) to++;
  const s = codePointOffset(text, start);
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) },
    { type: 'TextPositionSelector', start: s, end: s + codePointOffset(text.slice(start, end), end - start) },
  ];
}

const CLAIM_WORD: Record<ClaimStatus, string> = {
  corroborated: 'corroborated by other outlets', contradicted: 'contradicted by another outlet',
  mixed: 'mixed: some outlets agree, others report differently', 'single-source': 'single source so far',
};
const QUOTE_WORD: Record<QuoteStatus, string> = {
  verbatim: 'quoted verbatim by other outlets', variant: 'quoted with different words elsewhere',
  'single-source': 'single source so far',
};

/** Returns the page's highlights (claims, quotes, vague attributions) as one Web Annotation collection. */
export function toWebAnnotations(page: AnnotatedPage, opts: AnnotationOptions): AnnotationCollection {
  const { text, analysis, corroboration } = page;
  const claims = new Map(corroboration?.claims.map((c) => [c.claimId, c]));
  const quotes = new Map(corroboration?.quotes.map((q) => [q.quoteId, q]));
  const generator = { type: 'Software' as const, name: opts.generator ?? 'Sourcemark' };
  const lang = page.lang ? { language: page.lang } : {};
  const make = (start: number, end: number, tag: string, description: string): WebAnnotation & { start: number } => ({
    id: opts.newId(), type: 'Annotation', motivation: 'highlighting', created: opts.created, generator,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: description, format: 'text/plain', ...lang },
    ],
    target: { source: page.source, selector: selectorsFor(text, start, end) },
    start,
  });
  const items = [
    ...analysis.claims.map((c) => {
      const r = claims.get(c.id);
      const outlets = (stance: string) => [...new Set(r?.evidence.filter((e) => e.stance === stance).map((e) => e.outlet))];
      const agree = outlets('agree');
      const against = outlets('contradict');
      const parts = [`Check-worthy claim, ${CLAIM_WORD[r?.status ?? 'single-source']}.`];
      if (agree.length) parts.push(`Also reported by ${agree.join(', ')}.`);
      if (against.length) parts.push(`Reported differently by ${against.join(', ')}.`);
      return make(c.start, c.end, 'claim', parts.join(' '));
    }),
    ...analysis.quotes.map((q) => {
      const status = quotes.get(q.id)?.status ?? 'single-source';
      return make(q.start, q.end, 'quote', `Quote${q.speaker ? ` attributed to ${q.speaker}` : ', speaker unknown'}; ${QUOTE_WORD[status]}.`);
    }),
    ...analysis.attributions.map((a) => make(a.start, a.end, 'vague-attribution', a.reason)),
  ].filter((a) => a.target.selector[0].exact.length > 0)
    .sort((a, b) => a.start - b.start);
  return {
    '@context': ANNO_CONTEXT,
    id: opts.newId(),
    type: 'AnnotationCollection',
    label: `Sourcemark highlights: ${page.title}`,
    total: items.length,
    first: { id: opts.newId(), type: 'AnnotationPage', startIndex: 0, items: items.map(({ start: _s, ...a }) => a) },
  };
}
