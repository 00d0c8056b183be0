/**
 * Moves an analysis from the text it was made for to a changed text of the same article, the way
 * Hypothesis re-anchors annotations: each span is found again by its exact text (a text-quote
 * selector), the occurrence chosen by how well the words before and after it still match and how
 * close it lies to where the span used to be (a text-position selector as the hint). A span whose
 * exact text is gone is dropped: a wrong highlight costs more than a missing one. Pure: text in,
 * spans out, no DOM.
 */
import type { Analysis } from '../shared/model.js';

/** Characters of context on each side, as Hypothesis keeps them (prefix/suffix of 32). */
const CONTEXT = 32;
/** Occurrences of one quote looked at, at most (a span of common words could occur everywhere). */
const MAX_OCCURRENCES = 500;

interface Anchor {
  start: number;
  end: number;
}

/** Returns where text[start, end) of `oldText` is in `newText`, or null when it is not there. */
export function reanchorSpan(oldText: string, newText: string, start: number, end: number): Anchor | null {
  const exact = oldText.slice(start, end);
  if (!exact) return null;
  const prefix = oldText.slice(Math.max(0, start - CONTEXT), start);
  const suffix = oldText.slice(end, end + CONTEXT);
  // Where the span would be if the text only grew or shrank evenly around it.
  const expected = oldText.length > 0 ? start * (newText.length / oldText.length) : 0;
  let best: Anchor | null = null;
  let bestScore = -Infinity;
  let from = 0;
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const at = newText.indexOf(exact, from);
    if (at < 0) break;
    from = at + 1;
    const context = commonSuffix(newText.slice(Math.max(0, at - CONTEXT), at), prefix)
      + commonPrefix(newText.slice(at + exact.length, at + exact.length + CONTEXT), suffix);
    // Context decides; position only breaks ties (and picks the nearer of two bare matches).
    const score = context - Math.abs(at - expected) / Math.max(1, newText.length);
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + exact.length };
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Returns the analysis moved onto `newText`: every claim, quote and attribution found again keeps
 * its id and fields with new offsets (a quote's speaker mention too, when found), the others are
 * left out. Sentences are not carried over (they are recomputed with the next analysis).
 */
export function reanchorAnalysis(analysis: Analysis, oldText: string, newText: string): Analysis {
  if (oldText === newText) return analysis;
  const move = <T extends { start: number; end: number }>(items: T[]): T[] => {
    const out: T[] = [];
    for (const item of items) {
      const a = reanchorSpan(oldText, newText, item.start, item.end);
      if (a) out.push({ ...item, start: a.start, end: a.end });
    }
    return out;
  };
  return {
    ...analysis,
    textLength: newText.length,
    sentences: [],
    claims: move(analysis.claims),
    quotes: move(analysis.quotes).map((q) => {
      if (q.speakerStart === null || q.speakerEnd === null) return q;
      const s = reanchorSpan(oldText, newText, q.speakerStart, q.speakerEnd);
      return { ...q, speakerStart: s?.start ?? null, speakerEnd: s?.end ?? null };
    }),
    attributions: move(analysis.attributions),
  };
}
