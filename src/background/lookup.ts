/**
 * "Where else is this reported?" for a piece of text the reader selected: each sentence of it is
 * matched against the library as a claim would be, and the whole as a quote, with the reader's
 * own article (and its syndicated copies) left out as corroboration always leaves them out.
 */
import { splitSentences } from '../corpus/sentences.js';
import type { LookupResult } from '../shared/messages.js';
import { ANALYSIS_VERSION, type ArticleRecord } from '../shared/model.js';
import type { LibraryLike } from './handlers.js';

/** Longest selection looked up; longer ones are cut (a selection of a whole page is not a claim). */
export const MAX_LOOKUP_CHARS = 2000;
/** At most this many sentences of a selection are matched. */
const MAX_SENTENCES = 8;
/** A selection of fewer words is too short to say anything about as a quote. */
const MIN_QUOTE_WORDS = 4;

const QUOTE_MARKS = /^[\s"“”„«»‘’']+|[\s"“”„«»‘’',;:]+$/g;

/** Returns where else the text is reported; `own` is the reader's article when the selection is on one. */
export function lookup(library: LibraryLike, text: string, own: ArticleRecord | undefined, id = 'lookup:selection'): LookupResult {
  const clean = text.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_CHARS);
  const spans = splitSentences(clean).filter((s) => s.end - s.start >= 12).slice(0, MAX_SENTENCES);
  const words = clean.replace(QUOTE_MARKS, '').split(/\s+/).filter(Boolean);
  const quoted = words.length >= MIN_QUOTE_WORDS ? clean.replace(QUOTE_MARKS, '') : null;
  const record: ArticleRecord = {
    id: own?.id ?? id, url: own?.url ?? '', canonicalUrl: own?.canonicalUrl ?? null, outlet: own?.outlet ?? '',
    title: own?.title ?? '', byline: null, publishedTime: null, text: clean, wire: own?.wire ?? null,
    firstSeen: 0, lastSeen: 0,
    analysis: {
      version: ANALYSIS_VERSION, textLength: clean.length, sentences: [],
      claims: spans.map((s, i) => ({ id: `c${i}`, start: s.start, end: s.end, score: 1, reasons: [] })),
      quotes: quoted ? [{ id: 'q0', start: 0, end: clean.length, text: quoted, speaker: null, speakerStart: null, speakerEnd: null, speakerHow: 'none' }] : [],
      attributions: [],
    },
  };
  const c = library.corroborate(record);
  return {
    text: clean,
    sentences: spans.map((s, i) => ({
      text: clean.slice(s.start, s.end),
      report: c.claims.find((r) => r.claimId === `c${i}`) ?? { claimId: `c${i}`, status: 'single-source', agreeingOrigins: 0, evidence: [] },
    })),
    quote: quoted ? c.quotes[0] ?? null : null,
    librarySize: c.librarySize,
  };
}
