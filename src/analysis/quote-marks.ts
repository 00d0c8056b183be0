/**
 * Finds quoted stretches in raw text by pairing double quotation marks line by line. A quote
 * never crosses a line break, except by the news convention for long quotes: a paragraph that
 * opens a quote and leaves it open is continued by the next paragraph's opening mark; then each
 * paragraph part is its own stretch and they share a `group`.
 */

/** Opening and closing double marks: curly (“ ”), guillemets (« »), low-9 („), straight ("). */
const OPENERS = '“«„‟';
const CLOSERS = '”»';
const STRAIGHT = '"';

export interface QuoteStretch {
  /** Character offsets: the opening mark up to and including the closing mark (or the line end). */
  start: number;
  end: number;
  /** Offsets of the words inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** False for a paragraph part left open by the multi-paragraph convention. */
  closed: boolean;
  /** Parts of one multi-paragraph quote share a group number; otherwise unique. */
  group: number;
}

const isOpener = (c: string) => OPENERS.includes(c);
const isCloser = (c: string) => CLOSERS.includes(c);
/** True for any character that can be a double quotation mark (a fast pre-check per character). */
const isMarkCode = (c: number) => c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e || c === 0x201f;

/** Returns true when the straight mark at `i` reads as an opening mark from its neighbours. */
function straightOpens(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(after) && !/[A-Za-z0-9]/.test(before);
}

/** Returns the quoted stretches of the text in order. */
export function findQuoteStretches(text: string): QuoteStretch[] {
  const out: QuoteStretch[] = [];
  let group = 0;
  let lineStart = 0;
  let carryGroup = -1; // group of a quote left open at the end of the previous paragraph
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let open = -1;
    let openGroup = -1;
    for (let i = lineStart; i < lineEnd; i++) {
      if (!isMarkCode(text.charCodeAt(i))) continue;
      const c = text[i]!;
      let opens = false, closes = false;
      if (c === STRAIGHT) {
        if (open >= 0) closes = true;
        else opens = straightOpens(text, i);
      } else if (isOpener(c)) {
        // "“It's unusual,“ said X": an opening mark typed for a closing one, after punctuation
        if (open >= 0 && /[,.!?]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ' ')) closes = true;
        else opens = true;
      } else if (isCloser(c)) closes = open >= 0;
      if (opens) {
        open = i;
        // a paragraph's first mark continues the previous paragraph's open quote
        const first = i === firstNonSpace(text, lineStart, lineEnd);
        openGroup = first && carryGroup >= 0 ? carryGroup : ++group;
      } else if (closes) {
        out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, closed: true, group: openGroup });
        open = -1;
      }
    }
    // a blank line between the paragraphs of one quote keeps the quote open
    if (firstNonSpace(text, lineStart, lineEnd) === lineEnd) {
      if (lineEnd >= n) break;
      lineStart = lineEnd + 1;
      continue;
    }
    carryGroup = -1;
    if (open >= 0) {
      const next = nextLineStart(text, lineEnd);
      const nc = next < n ? text[next]! : '';
      if (nc && (isOpener(nc) || nc === STRAIGHT)) {
        let e = lineEnd;
        while (e > open + 1 && /\s/.test(text[e - 1]!)) e--;
        out.push({ start: open, end: e, innerStart: open + 1, innerEnd: e, closed: false, group: openGroup });
        carryGroup = openGroup;
      }
      // otherwise the mark is unbalanced: it opens nothing, so nothing runs away
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

function firstNonSpace(text: string, a: number, b: number): number {
  while (a < b && /\s/.test(text[a]!)) a++;
  return a;
}

/** Returns the offset of the first non-space character of the next non-empty line. */
function nextLineStart(text: string, lineEnd: number): number {
  let i = lineEnd;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
