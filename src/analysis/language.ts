/**
 * Is this text English? The analysis (cue words, the tagger, the learned weights) only knows
 * English, and a highlight on text it cannot read would be a guess. The test is the share of word
 * tokens that are common English function words: about a third of English prose, a few percent at
 * most in other languages. The list leaves out words that are also common in the languages the
 * news is mostly written in ("a", "in", "as", "was", "will", "on", "die", "also", "an"). English
 * lists and tables (a meal plan, a results page) can have few function words, so a low share
 * only means "not English" when the text has none at all or the function words of other
 * European languages outnumber the English ones.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'that', 'for', 'with', 'by', 'from', 'it', 'he', 'she', 'they', 'his', 'her',
  'their', 'has', 'had', 'have', 'were', 'are', 'been', 'be', 'this', 'which', 'who', 'would', 'said', 'not',
  'but', 'its', 'we', 'you', 'than', 'after', 'about', 'when', 'there', 'at', 'is', 'our', 'could', 'should',
]);

// Frequent function words of French, Spanish, Portuguese, Italian, German, Dutch, Czech / Polish
// and Latin placeholder text that are not English words.
const OTHER_FUNCTION_WORDS = new Set([
  'de', 'la', 'le', 'les', 'des', 'du', 'et', 'est', 'une', 'un', 'que', 'qui', 'dans', 'pour', 'pas', 'au', 'sur',
  'el', 'los', 'las', 'del', 'y', 'en', 'por', 'con', 'para', 'una', 'es', 'se', 'su', 'lo', 'al', 'como',
  'il', 'di', 'che', 'della', 'per', 'non', 'sono', 'gli', 'da', 'nel', 'ha', 'dei', 'delle',
  'não', 'uma', 'com', 'os', 'ao', 'em', 'do', 'dos', 'da', 'na', 'no', 'é', 'e', 'o',
  'und', 'der', 'die', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'für', 'ein', 'eine', 'dem', 'des',
  'het', 'een', 'van', 'op', 'je', 'ze', 'że', 've', 'za', 'jako', 'oraz', 'jest', 'sit', 'amet', 'ut', 'ipsum', 'dolor',
]);

// A word: a run of letters, except that each Chinese or Japanese character counts as one.
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L})+(?:['’]\p{L}+)*/gu;

/** Texts shorter than this many words are not judged: too little evidence either way. */
const MIN_WORDS = 40;
/**
 * Measured once on the gold article texts of ../shared/eval (extraction benchmark and real pages):
 * English prose 0.14-0.40, one English list page 0.04, other languages at most 0.07.
 */
export const ENGLISH_SHARE_THRESHOLD = 0.1;

/** Longest entry of the two lists: a longer word cannot be one of them. */
const MAX_LISTED = Math.max(...[...ENGLISH_FUNCTION_WORDS, ...OTHER_FUNCTION_WORDS].map((w) => w.length));

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Calls `word` with the start and end of every WORD match, in order. Speed: the Unicode-property
 * regex cost a third of wink's tokenisation time, so ASCII words are found by hand (there \p{L}
 * is [A-Za-z], and only a letter can start a match); the regex takes over, from the same
 * position, whenever a word or the gap before it meets a non-ASCII character, so the words are
 * exactly the regex's.
 */
function eachWord(text: string, word: (start: number, end: number, ascii: boolean) => void): void {
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 128 && !isAsciiLetter(c)) { p++; continue; }
    let q = p;
    let ascii = c < 128;
    if (ascii) {
      // Letters, then any "'" + letters; stop at a non-ASCII character and let the regex decide.
      for (;;) {
        while (q < n && isAsciiLetter(text.charCodeAt(q))) q++;
        const d = text.charCodeAt(q);
        if (q < n && d >= 128) { ascii = false; break; }
        if (d !== 39) break;
        const e = text.charCodeAt(q + 1);
        if (q + 1 < n && e >= 128) { ascii = false; break; }
        if (!isAsciiLetter(e)) break;
        q += 1;
      }
    }
    if (ascii) { word(p, q, true); p = q; continue; }
    WORD.lastIndex = p;
    const m = WORD.exec(text);
    if (!m) return;
    word(m.index, m.index + m[0].length, false);
    p = m.index + m[0].length;
  }
}

/** Which list a word is on: 1 English, 2 other, 0 neither. */
const ENGLISH = 1, OTHER = 2;
/** Hash of a lower-cased ASCII word (lower-casing on the fly), for ASCII_LISTED. */
function asciiHash(text: string, a: number, b: number): number {
  let h = b - a;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c) | 0;
  }
  return h;
}
/**
 * The listed words that are ASCII, by asciiHash, each with its list (speed: an ASCII word is looked
 * up by its characters, without slicing and lower-casing it; a hash shared by two words falls
 * back to the Set look-up).
 */
const ASCII_LISTED = new Map<number, { word: string; list: number } | null>();
for (const [words, list] of [[ENGLISH_FUNCTION_WORDS, ENGLISH], [OTHER_FUNCTION_WORDS, OTHER]] as const) {
  for (const w of words) {
    if (!/^[a-z']+$/.test(w)) continue;
    const h = asciiHash(w, 0, w.length);
    const e = ASCII_LISTED.get(h);
    ASCII_LISTED.set(h, e === undefined || (e && e.word === w) ? { word: w, list: e?.list ?? list } : null);
  }
}

/** Returns which list the word text[a, b) (ASCII letters and apostrophes) is on. */
function asciiListOf(text: string, a: number, b: number): number {
  const e = ASCII_LISTED.get(asciiHash(text, a, b));
  if (e === undefined) return 0;
  if (e === null) return listOf(text.slice(a, b).toLowerCase());
  const w = e.word;
  if (w.length !== b - a) return 0;
  for (let i = 0; i < w.length; i++) {
    const c = text.charCodeAt(a + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== w.charCodeAt(i)) return 0;
  }
  return e.list;
}

const listOf = (w: string) => (ENGLISH_FUNCTION_WORDS.has(w) ? ENGLISH : OTHER_FUNCTION_WORDS.has(w) ? OTHER : 0);

/** Returns the share of word tokens that are English function words, and how many words were read. */
export function englishShare(text: string): { share: number; other: number; words: number } {
  let words = 0;
  let hits = 0;
  let other = 0;
  eachWord(text, (a, b, ascii) => {
    words++;
    // Lower-casing ASCII keeps the length, so a longer ASCII word is in neither list.
    if (ascii && b - a > MAX_LISTED) return;
    const list = ascii ? asciiListOf(text, a, b) : listOf(text.slice(a, b).toLowerCase());
    if (list === ENGLISH) hits++;
    else if (list === OTHER) other++;
  });
  return { share: words ? hits / words : 0, other: words ? other / words : 0, words };
}

/** True unless the text is long enough to judge and plainly not English. */
export function looksEnglish(text: string): boolean {
  const { share, other, words } = englishShare(text);
  if (words < MIN_WORDS || share >= ENGLISH_SHARE_THRESHOLD) return true;
  return share > 0.02 && share > other;
}
