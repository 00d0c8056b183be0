/**
 * Sentence check-worthiness scores and the claims picked for highlighting.
 *
 * `scoreSentences` scores every sentence with the committed logistic-regression model.
 * `selectClaims` is conservative on news prose: a sentence is a claim only when
 *   - its score reaches the model's `newsThreshold` (the debate threshold chosen by
 *     cross-validation on ClaimBuster, plus NEWS_MARGIN = 0.1: a wrong highlight costs more
 *     trust than a missing one), or, because the debate-trained model under-rates third-person
 *     news reporting, its score reaches NEWS_FLOOR and it names an actor together with a
 *     reported action, a date or a number ("X withdrew from Y in 2018", "X denied Z"), and
 *   - it reads as a factual statement: not a question, not an opinion in the first/second person,
 *     not page furniture (boilerplate lines, datelines, bylines, headlines / Title-Case lines),
 *     at least 6 words, and with something checkable (a number, a date, a named actor, a reported
 *     action or a comparison), and is not mostly a direct quotation (the speaker's claim is
 *     shown as a quote).
 */
import type { Claim, ClaimReason, Quote, Attribution, Sentence } from '../shared/model.js';
import type { Tokenized } from './nlp.js';
import { scoreSentence, type SentenceSignals } from './checkworthiness-features.js';
import { MODEL, scoreValues } from './checkworthiness-model.js';
import { BOILERPLATE_LINE } from './cues.js';

/** The committed model's score of features in scoreSentence's buffers. */
const scoreWithModel = (idx: readonly number[], val: Float64Array, count: number) => scoreValues(idx, val, count);

const MIN_WORDS = 6;
/** Lowest model score a sentence with a named actor plus an action, date or number may have. */
const NEWS_FLOOR = 0.005;
/** Non-claims that look concrete: speaker lines ("X stated:") and "did not comment" notes. */
const NON_CLAIM = /:\s*$|\b(?:declined|refused) to comment\b|\bdid not (?:immediately )?(?:respond|comment|reply)\b|\bcould not be reached\b/i;
/**
 * A photo credit marks its paragraph as a caption ("Commuters wait at the station on Monday.
 * (Photo: Jane Roe/Reuters)"): captions name people, places and dates but report no claim.
 * Credit forms from wire captions: "(AP Photo/…)", "Photo: …", "Photograph by …", "…/Getty Images".
 */
const CAPTION_CREDIT = /\((?:[A-Z]+ )?(?:file )?photo(?:graph)?\b[^)]*\)|\b(?:photo|photograph|image|picture)(?: credit)?\s*(?::|by\b)|\/\s*(?:getty images|reuters|ap|afp|epa|shutterstock|bloomberg)\b|\bcredit:\s/i;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'vs.', 'amid', 'over', 'after']);

/** Returns true for a headline-like line: most words capitalised and no sentence-final period. */
function isHeadline(s: string): boolean {
  if (/[.!]["”’]?$/.test(s.trim())) return false;
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (words.length < 2) return true;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase())).length;
  return caps >= Math.max(2, content * 0.7);
}

/** Returns true for a dateline / byline / view-counter line ("August 10 2024 , 07:56 PM • 1085 views", "By Jane Doe"). */
function isDatelineOrByline(s: string): boolean {
  if (/^by\s+[A-Z]/i.test(s) && s.split(/\s+/).length <= 8) return true;
  if (/\b\d+\s+(?:views|comments|shares|min read)\b/i.test(s)) return true;
  if (/•|\|/.test(s) && !/[.!?]["”]?$/.test(s)) return true;
  // A line that is mostly a date and time.
  return /^(?:\w+day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b/i.test(s) && s.split(/\s+/).length <= 10;
}

/**
 * True when the paragraph (text between line breaks) around [start, end) holds a photo credit;
 * `seen` keeps the answer per paragraph start (a paragraph's sentences share it, and the credit
 * scan runs over the whole paragraph).
 */
function inCaption(text: string, start: number, end: number, seen: Map<number, { b: number; yes: boolean }>): boolean {
  const a = text.lastIndexOf('\n', start - 1) + 1;
  const b = text.indexOf('\n', end);
  const known = seen.get(a);
  if (known !== undefined && known.b === b) return known.yes;
  const yes = CAPTION_CREDIT.test(text.slice(a, b < 0 ? text.length : b));
  seen.set(a, { b, yes });
  return yes;
}

function scoreOne(tok: Tokenized, tokenStart: number, tokenEnd: number): { score: number; signals: SentenceSignals } {
  return scoreSentence(tok, tokenStart, tokenEnd, scoreWithModel);
}

// Signals of the last scoreSentences call, so selectClaims need not run the feature pass twice.
let lastSignals: { tok: Tokenized; signals: SentenceSignals[] } | null = null;

/** Returns every sentence with its check-worthiness score in [0, 1]. */
export function scoreSentences(tok: Tokenized): Sentence[] {
  const signals: SentenceSignals[] = [];
  const out = tok.sentences.map((s) => {
    const r = scoreOne(tok, s.tokenStart, s.tokenEnd);
    signals.push(r.signals);
    return { start: s.start, end: s.end, checkworthiness: Math.round(r.score * 1e4) / 1e4 };
  });
  lastSignals = { tok, signals };
  return out;
}

/** Returns the reasons a sentence is checkable, empty when it has nothing concrete. */
function reasonsOf(sig: SentenceSignals): ClaimReason[] {
  const r: ClaimReason[] = [];
  if (sig.numbers) r.push('number');
  if (sig.dates) r.push('date');
  if (sig.names) r.push('named-actor');
  if (sig.reportedActions) r.push('reported-action');
  if (sig.comparisons) r.push('comparison');
  return r;
}

/** Returns the sentences to highlight as check-worthy claims, ids `c<i>`, in text order. */
export function selectClaims(
  tok: Tokenized,
  sentences: Sentence[],
  ctx: { quotes: Quote[]; attributions: Attribution[] },
): Claim[] {
  const signals = lastSignals?.tok === tok && lastSignals.signals.length === sentences.length
    ? lastSignals.signals
    : tok.sentences.map((s) => scoreOne(tok, s.tokenStart, s.tokenEnd).signals);
  const claims: Claim[] = [];
  const captions = new Map<number, { b: number; yes: boolean }>();
  sentences.forEach((s, i) => {
    const sig = signals[i]!;
    const byModel = s.checkworthiness >= MODEL.newsThreshold;
    const concrete = sig.names > 0 && (sig.reportedActions > 0 || sig.dates > 0 || sig.numbers > 0);
    if (!byModel && !(concrete && s.checkworthiness >= NEWS_FLOOR)) return;
    if (sig.words < MIN_WORDS || sig.question || sig.firstSecond > 1) return;
    const text = tok.text.slice(s.start, s.end);
    if (BOILERPLATE_LINE.test(text) || NON_CLAIM.test(text) || isHeadline(text) || isDatelineOrByline(text)) return;
    if (inCaption(tok.text, s.start, s.end, captions)) return;
    let quoted = 0;
    for (const q of ctx.quotes) quoted += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
    if (quoted > 0.6 * (s.end - s.start)) return;
    const reasons = reasonsOf(sig);
    if (!reasons.length) return;
    if (byModel) reasons.push('model');
    claims.push({ id: `c${claims.length}`, start: s.start, end: s.end, score: s.checkworthiness, reasons });
  });
  return claims;
}
