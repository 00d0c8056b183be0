/**
 * Tells a page's own reordering from a change of ours. Some pages place an element by timing: the
 * Guardian's ad-block probe appends `<div>&nbsp;</div>` to <body> in a requestAnimationFrame
 * callback, so it lands between two of the page's scripts when a frame comes during parsing and at
 * the end of <body> when it comes later. A load with the extension has other frame timing than one
 * without, so the same text can come out with that one piece elsewhere, though we wrote nothing there.
 *
 * `pageMovedOnePiece` accepts exactly that: the two texts differ only by one piece of text taken
 * from one place and put at another (after the common start and end are cut off, what is left is
 * a rotation of the other), the piece is short, and no mark of ours lies in it. Anything else (text
 * added, dropped, changed, or a move that touches our marks) still counts as a change.
 */

/** Longest piece of text a page may move by itself (a probe, a counter, a stray &nbsp;). */
export const MAX_MOVED_CHARS = 200;

export interface MovedPiece {
  /** Offset of the moved piece in the text with the extension. */
  start: number;
  end: number;
}

/**
 * Returns where the moved piece lies in `withExt` when `withExt` is `without` with one short piece
 * of it moved elsewhere and none of `markRanges` (offsets of our marks' text in `withExt`)
 * overlapping that piece; null otherwise (also when the texts are equal: nothing moved).
 */
export function pageMovedOnePiece(withExt: string, without: string, markRanges: ReadonlyArray<readonly [number, number]>): MovedPiece | null {
  if (withExt === without || withExt.length !== without.length) return null;
  let p = 0;
  while (withExt.charCodeAt(p) === without.charCodeAt(p)) p++;
  let s = 0;
  const n = withExt.length;
  while (s < n - p && withExt.charCodeAt(n - 1 - s) === without.charCodeAt(n - 1 - s)) s++;
  const a = withExt.slice(p, n - s);
  const b = without.slice(p, n - s);
  // a is a rotation of b: a = b[k:] + b[:k] for some k, so the piece b[:k] went from the front to
  // the back, or equally b[k:] went from the back to the front; the shorter one is what moved.
  const k = (b + b).indexOf(a, 1);
  if (k <= 0 || k >= b.length) return null;
  const frontMovedBack = k <= b.length - k;
  const len = frontMovedBack ? k : b.length - k;
  if (len > MAX_MOVED_CHARS) return null;
  const start = frontMovedBack ? p + a.length - len : p;
  const piece = { start, end: start + len };
  if (markRanges.some(([ms, me]) => ms < piece.end && piece.start < me)) return null;
  return piece;
}
