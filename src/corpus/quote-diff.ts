/**
 * Quote comparison: word-level LCS diff, and fragment alignment (one quote is a contiguous part of
 * the other, or a quote reappears split into several shorter quotes in another article).
 */
import type { DiffOp } from '../shared/model.js';
import { quoteWords } from './normalize.js';

/** Returns the word diff from `a` to `b` (LCS over normalised words; text keeps a's / b's words). */
export function wordDiff(a: string[], b: string[]): DiffOp[] {
  const n = a.length, m = b.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], w: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ' ' + w;
    else ops.push({ op, text: w });
  };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { push('same', a[i]!); i++; j++; }
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return ops;
}

/** Returns the number of words the diff keeps. */
export function sameCount(ops: DiffOp[]): number {
  return ops.filter((o) => o.op === 'same').reduce((s, o) => s + o.text.split(' ').length, 0);
}

/** Returns the start index of `needle` as a contiguous run in `hay`, or -1. */
export function indexOfRun(hay: string[], needle: string[]): number {
  if (!needle.length || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export interface QuoteMatch {
  match: 'verbatim' | 'variant' | 'fragment';
  /** Share of this quote's words found in the other's. */
  share: number;
  /** The other article's quoted words (fragments joined with " … "). */
  text: string;
  /** Index of the other quotes used. */
  used: number[];
  diff: DiffOp[];
}

/** Shortest quote that may match as a fragment: shorter runs ("extremely seriously") are common phrases. */
export const MIN_FRAGMENT_WORDS = 4;

/**
 * Returns how quote `q` appears among another article's quotes `others` (normalised words), or null.
 * verbatim: same words. fragment: q is a contiguous part of one of them, or several of them are
 * contiguous parts of q covering most of it. variant: LCS share >= 0.6 with one of them.
 */
export function matchQuote(q: string[], others: { words: string[]; text: string }[]): QuoteMatch | null {
  if (!q.length) return null;
  const key = q.join(' ');
  for (let i = 0; i < others.length; i++) {
    if (others[i]!.words.join(' ') === key) return { match: 'verbatim', share: 1, text: others[i]!.text, used: [i], diff: [{ op: 'same', text: key }] };
  }
  if (q.length >= MIN_FRAGMENT_WORDS) {
    for (let i = 0; i < others.length; i++) {
      const o = others[i]!.words;
      if (indexOfRun(o, q) >= 0) return { match: 'fragment', share: 1, text: others[i]!.text, used: [i], diff: wordDiff(q, o) };
    }
  }
  // Several of the other article's quotes are contiguous parts of q.
  const parts: { i: number; at: number; len: number }[] = [];
  for (let i = 0; i < others.length; i++) {
    const o = others[i]!.words;
    if (o.length < MIN_FRAGMENT_WORDS) continue;
    const at = indexOfRun(q, o);
    if (at >= 0) parts.push({ i, at, len: o.length });
  }
  if (parts.length) {
    const covered = new Uint8Array(q.length);
    for (const p of parts) covered.fill(1, p.at, p.at + p.len);
    const share = covered.reduce((s, x) => s + x, 0) / q.length;
    if (share >= 0.5) {
      parts.sort((a, b) => a.at - b.at);
      const otherWords = parts.flatMap((p) => others[p.i]!.words);
      return {
        match: 'fragment', share, text: parts.map((p) => others[p.i]!.text).join(' … '),
        used: parts.map((p) => p.i), diff: wordDiff(q, otherWords),
      };
    }
  }
  let best: QuoteMatch | null = null;
  for (let i = 0; i < others.length; i++) {
    const o = others[i]!.words;
    if (Math.min(o.length, q.length) < 3) continue;
    const diff = wordDiff(q, o);
    const same = sameCount(diff);
    const share = same / q.length;
    // Both ways: a long quote that contains a few of q's words is not a variant of q.
    if (share >= 0.6 && same / o.length >= 0.5 && (!best || share > best.share)) {
      best = { match: 'variant', share, text: others[i]!.text, used: [i], diff };
    }
  }
  return best;
}

/** Returns the normalised words of a quote text. */
export { quoteWords };
