/**
 * Where a cue pattern can match, found without scanning the whole text once per pattern. Each
 * attribution cue (cues.ts) is a case-insensitive regular expression `\b(?:pattern)\b`; V8 tries
 * it at every position of the text, so 34 cues cost 34 passes over every article (about a tenth
 * of the analysis). Most cues start with a literal word ("is|are|was ...", "reportedly|...");
 * `literalStarts` reads those first letters off the pattern source, and a `WordStarts` index of
 * the text (built once, one pass) lists the word starts that begin with them. The cue's regex is
 * then tried, sticky, at those positions only, in text order: the same matches as the global
 * scan, because every match of such a pattern starts at one of them (a match that opens with a
 * letter and a \b starts a word).
 */

/** A prefix every match may start with, and whether the pattern can still extend it literally. */
interface Prefix { s: string; open: boolean }

/** More prefixes than this are cut to their first letters (still a superset, fewer look-ups). */
const MAX_PREFIXES = 256;

/**
 * Returns lower-case literal prefixes such that every match of `pattern` (flags "i", no "u")
 * starts with one of them, or null when some match could start with something else than an ASCII
 * letter or the source uses syntax this reader does not know. Understood: literals, escapes of
 * punctuation, (?:...) groups, alternation, lookarounds (zero width), \b, character classes and
 * \w \s \d (they end a prefix; \s as a NON_WORD mark), and the quantifiers ? * + {m,n} (lazy or not).
 */
export function literalStarts(pattern: string): string[] | null {
  let i = 0;
  let ok = true;
  const fail = (): Prefix[] => { ok = false; return [{ s: '', open: false }]; };

  const concat = (a: Prefix[], b: Prefix[]): Prefix[] => {
    const out: Prefix[] = [];
    for (const x of a) {
      if (!x.open) { out.push(x); continue; }
      for (const y of b) out.push({ s: x.s + y.s, open: y.open });
    }
    return cap(out);
  };
  const close = (a: Prefix[]): Prefix[] => a.map((x) => ({ s: x.s, open: false }));
  const cap = (a: Prefix[]): Prefix[] => {
    const seen = new Map<string, Prefix>();
    for (const x of a) {
      const k = x.s + (x.open ? '+' : '.');
      if (!seen.has(k)) seen.set(k, x);
    }
    const u = [...seen.values()];
    if (u.length <= MAX_PREFIXES) return u;
    return [...new Set(u.map((x) => x.s.slice(0, 1)))].map((s) => ({ s, open: false }));
  };

  /** Reads a quantifier at i, if any: min count and whether the item may repeat. */
  const quantifier = (): { min: number; more: boolean } | null => {
    const c = pattern[i];
    let q: { min: number; more: boolean } | null = null;
    if (c === '?') { q = { min: 0, more: false }; i++; }
    else if (c === '*') { q = { min: 0, more: true }; i++; }
    else if (c === '+') { q = { min: 1, more: true }; i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, more: max > 1 };
      i += m[0].length;
    }
    if (q && pattern[i] === '?') i++; // lazy
    return q;
  };

  /** Applies a quantifier to an item's prefixes. */
  const quantified = (item: Prefix[], q: { min: number; more: boolean } | null, before: Prefix[]): Prefix[] => {
    if (!q) return concat(before, item);
    if (q.min === 0) return cap([...before, ...concat(before, q.more ? close(item) : item)]);
    // At least once; what follows a repeatable item is not known literally.
    return q.more ? concat(before, close(item)) : concat(before, item);
  };

  const alternation = (): Prefix[] => {
    let out: Prefix[] = [];
    for (;;) {
      out = cap([...out, ...sequence()]);
      if (pattern[i] === '|') { i++; continue; }
      return out;
    }
  };

  const sequence = (): Prefix[] => {
    let cur: Prefix[] = [{ s: '', open: true }];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const c = pattern[i]!;
      let item: Prefix[];
      if (c === '(') {
        if (pattern.startsWith('(?:', i)) { i += 3; item = alternation(); }
        else if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) { i += 3; alternation(); item = [{ s: '', open: true }]; }
        else if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) { i += 4; alternation(); item = [{ s: '', open: true }]; }
        else return fail();
        if (pattern[i] !== ')') return fail();
        i++;
      } else if (c === '[') {
        const end = pattern.indexOf(']', i + 2);
        if (end < 0) return fail();
        i = end + 1;
        item = [{ s: '', open: false }];
      } else if (c === '\\') {
        const e = pattern[i + 1];
        if (e === undefined) return fail();
        i += 2;
        if (e === 'b') { item = [{ s: '', open: true }]; }
        // \s: one non-word character (NON_WORD), which is all the index needs to know of it.
        else if (e === 's') item = [{ s: NON_WORD, open: false }];
        else if ('wWSdD'.includes(e)) item = [{ s: '', open: false }];
        else if (/[.\\/()[\]{}?*+|^$'’-]/.test(e)) item = [{ s: e, open: true }];
        else return fail();
      } else if (c === '.' || c === '^' || c === '$') {
        return fail();
      } else {
        i++;
        // Case-insensitive without the u flag: only ASCII letters have another case.
        item = [{ s: c.toLowerCase() === c.toUpperCase() ? c : c.toLowerCase(), open: true }];
      }
      const q = quantifier();
      cur = quantified(item, q, cur);
    }
    return cur;
  };

  const all = alternation();
  if (!ok || i !== pattern.length) return null;
  const out = [...new Set(all.map((x) => x.s))];
  if (out.some((s) => !/^[a-z]/.test(s))) return null;
  return out;
}

/** Stands for "some non-word character" in a prefix (from \s); never a literal of a pattern. */
const NON_WORD = '\0';

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** ASCII letters folded to lower case; other code units as they are. */
const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/** ASCII character classes: 0 not a word character, 1 a digit or "_", LETTER an ASCII letter. */
const LETTER = 2;
const CHAR_CLASS = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : isWordChar(c) ? 1 : 0));
/** Key of a second character: a word character folded to lower case, or 127 for any other (and the text end). */
const key2 = (c: number) => (isWordChar(c) ? fold(c) : 127);

const KEYS = 26 * 128;

/**
 * Returns the index key ranges [from, to) a word's key (WordStarts) must fall in for the word to
 * begin with one of these prefixes: a one-letter prefix is all keys of its letter.
 */
export function prefixKeys(prefixes: readonly string[]): Int32Array {
  const member = new Uint8Array(KEYS + 1);
  for (const s of prefixes) {
    const a = s.charCodeAt(0) - 97;
    if (s.length === 1) member.fill(1, a * 128, a * 128 + 128);
    else member[a * 128 + key2(s.charCodeAt(1))] = 1;
  }
  const ranges: number[] = [];
  for (let k = 0; k < KEYS; k++) {
    if (member[k] === 0) continue;
    const from = k;
    while (member[k + 1] === 1) k++;
    ranges.push(from, k + 1);
  }
  return Int32Array.from(ranges);
}

/**
 * The start of every word of a text that opens with an ASCII letter, grouped by key (first letter
 * * 128 + the second character's key2): the starts of key k are pos[first[k] .. first[k + 1]),
 * in text order.
 */
export class WordStarts {
  readonly pos: Int32Array;
  readonly first: Int32Array;

  constructor(text: string) {
    const n = text.length;
    // At most one word start per two characters.
    const at = new Int32Array((n >> 1) + 1);
    const keyOf = new Uint16Array((n >> 1) + 1);
    let count = 0;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const c = text.charCodeAt(p);
      const cls = c < 128 ? CHAR_CLASS[c]! : 0;
      if (cls === LETTER && !prevWord) {
        at[count] = p;
        const d = p + 1 < n ? text.charCodeAt(p + 1) : 127;
        keyOf[count++] = (fold(c) - 97) * 128 + (d < 128 && CHAR_CLASS[d]! !== 0 ? fold(d) : 127);
      }
      prevWord = cls !== 0;
    }
    // Counting sort by key (stable, so each key's starts stay in text order).
    const first = new Int32Array(KEYS + 1);
    for (let j = 0; j < count; j++) first[keyOf[j]! + 1]!++;
    for (let k = 0; k < KEYS; k++) first[k + 1]! += first[k]!;
    const next = first.slice(0, KEYS);
    const pos = new Int32Array(count);
    for (let j = 0; j < count; j++) pos[next[keyOf[j]!]!++] = at[j]!;
    this.pos = pos;
    this.first = first;
  }
}

/**
 * Calls `each` with every match of `re` (flags "gi", the cue's global regex) in `text`, as
 * `re.exec` in a loop from index 0 would return them. With `keys` (prefixKeys of the pattern's
 * literalStarts) and `sticky` (the same source with flags "iy") only the word starts of `words`
 * that can open a match are tried: the matches found there, taken in text order and each past
 * the end of the one before, are the global scan's (it goes on from the end of a match; no cue
 * matches the empty string).
 */
export function eachCueMatch(
  text: string, re: RegExp, sticky: RegExp | null, keys: Int32Array | null, words: WordStarts,
  each: (m: RegExpExecArray) => void,
): void {
  if (!sticky || !keys) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) each(m);
    return;
  }
  const { pos, first } = words;
  let found: RegExpExecArray[] | null = null;
  for (let r = 0; r < keys.length; r += 2) {
    for (let j = first[keys[r]!]!, end = first[keys[r + 1]!]!; j < end; j++) {
      sticky.lastIndex = pos[j]!;
      const m = sticky.exec(text);
      if (m) (found ??= []).push(m);
    }
  }
  if (!found) return;
  found.sort((x, y) => x.index - y.index);
  let from = 0;
  for (const m of found) {
    if (m.index < from) continue;
    each(m);
    from = m.index + m[0].length;
  }
}
