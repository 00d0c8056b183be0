/**
 * Dates, times, durations, numbers, money, percentages, ordinals and web tokens (URL, e-mail,
 * @mention, #hashtag, emoji, emoticon), found by a few rules over wink's tokens. It replaces
 * wink's NER step, which cost about a quarter of the whole analysis (measured: `npm run eval --
 * --only speed`, issue 4) while only the check-worthiness features read its output. The types and
 * spans follow wink's where the rules are simple (the same type names, so the features keep their
 * meaning), but they are not identical: e.g. a bare "year" is not a DURATION here, and only the
 * forms listed below are recognised. The learned weights are trained on this output.
 */
import type { EntitySpan, Token } from './nlp.js';
import { lexemeMemo } from './lexeme-memo.js';

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Words that name a day or season on their own. */
const DATE_WORDS = new Set(['today', 'yesterday', 'tomorrow', 'christmas', 'weekend', 'winter', 'summer', 'spring', 'autumn',
  'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties']);
const TIME_WORDS = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'tonight', 'overnight']);
/** Units of a length of time (singular and plural). */
const UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'decade', 'decades']);
/** Words that make "day", "week", "morning" ... a point in time ("last week", "this morning"). */
const DEICTIC = new Set(['this', 'last', 'next', 'same', 'previous', 'that', 'following', 'coming', 'past']);
/** Words that make a unit a length ("few days", "several hours"). */
const VAGUE_COUNT = new Set(['few', 'several', 'many', 'some', 'couple']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty',
  'ninety', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'zero']);
/** Counts that stand alone as a number ("hundreds of people"). */
const PLURAL_COUNTS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'tens']);
const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'twentieth', 'thirtieth', 'hundredth', 'thousandth', 'millionth']);
const SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'bn', 'm']);
const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds', 'yen', 'yuan', 'rupees', 'pesos', 'francs', 'cents']);
const APPROX = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately']);
const RANGE_START = new Set(['since', 'until', 'till', 'between', 'from', 'by']);
const WEB_TYPES: Record<string, string> = { url: 'URL', email: 'EMAIL', mention: 'MENTION', hashtag: 'HASHTAG', emoji: 'EMOJI', emoticon: 'EMOTICON' };

/** Every word that can start an entity (the sets above, in lower case). */
const TRIGGERS = new Set([...MONTHS, ...WEEKDAYS, ...DATE_WORDS, ...TIME_WORDS, ...UNITS, ...DEICTIC, ...VAGUE_COUNT, ...NUMBER_WORDS,
  ...PLURAL_COUNTS, ...ORDINAL_WORDS, ...APPROX, ...RANGE_START, 'a', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);

const YEAR = /^(?:1[5-9]|20)\d\d$/;
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const CLOCK = /^\d{1,2}:\d\d$/;
/** Digit groups joined by colons or hyphens (timestamps, ISBNs, phone numbers) are not counts. */
const CODE = /^\d+(?:[:-]\d+)+$/;
const YEAR_RANGE = /^(?:1[5-9]|20)\d\d[–—](?:(?:1[5-9]|20)\d\d|\d\d)$/;
const NUMBERISH = /^[+-]?\d/;
const AM_PM = /^(?:a\.?m\.?|p\.?m\.?|am|pm|utc|gmt|et|est|edt|pt|bst|cet)$/;

const lower = (t: Token | undefined) => (t ? t.lower : '');
// What the rules ask of a token's own value, lower case and type, as bit flags cached per lexeme
// (speed: most tokens are words that start no entity, ruled out by one look-up; the frequent
// trigger words "a", "that", "this", "from", "by" then run the rules on flags instead of a
// dozen Set look-ups and a regex replace each).
const B_NOTHING = 1, B_NUMBER_TOKEN = 2, B_NUMBER_WORD = 4, B_RANGE_START = 8, B_APPROX = 16, B_MONTH = 32, B_CAPITAL = 64,
  B_WEEKDAY_OR_DATE = 128, B_ORDINAL_WORD = 256, B_PLURAL_COUNT = 512, B_DEICTIC = 1024, B_VAGUE_COUNT = 2048, B_TIME_WORD = 4096,
  B_UNIT = 8192, B_SKIP = 16384, B_WEB = 32768;
const bitsOf = lexemeMemo((t) => {
  const w = t.lower;
  const c0 = t.value.charCodeAt(0);
  const digitLike = (c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45;
  let b = 0;
  // A word that cannot start an entity: not a digit, sign or trigger word, no hyphen.
  if (t.type === 'word' && !digitLike && !TRIGGERS.has(w) && !t.value.includes('-')) b |= B_NOTHING;
  // Punctuation is skipped too, and web tokens are entities by their type.
  if (t.type === 'punctuation') b |= B_SKIP;
  if (Object.hasOwn(WEB_TYPES, t.type)) b |= B_WEB;
  if (t.type === 'number' && NUMBERISH.test(t.value)) b |= B_NUMBER_TOKEN;
  if (NUMBER_WORDS.has(w) || (w.includes('-') && w.split('-').every((p) => NUMBER_WORDS.has(p)))) b |= B_NUMBER_WORD;
  if (RANGE_START.has(w)) b |= B_RANGE_START;
  if (APPROX.has(w)) b |= B_APPROX;
  if (MONTHS.has(w.replace(/\.$/, ''))) b |= B_MONTH;
  if (/^\p{Lu}/u.test(t.value)) b |= B_CAPITAL;
  if (WEEKDAYS.has(w) || DATE_WORDS.has(w)) b |= B_WEEKDAY_OR_DATE;
  if (ORDINAL_WORDS.has(w)) b |= B_ORDINAL_WORD;
  if (PLURAL_COUNTS.has(w)) b |= B_PLURAL_COUNT;
  if (DEICTIC.has(w)) b |= B_DEICTIC;
  if (VAGUE_COUNT.has(w)) b |= B_VAGUE_COUNT;
  if (TIME_WORDS.has(w)) b |= B_TIME_WORD;
  if (UNITS.has(w)) b |= B_UNIT;
  return b;
});
const bitsOrNone = (t: Token | undefined) => (t ? bitsOf(t) : 0);
const isNumberToken = (t: Token | undefined) => t !== undefined && (bitsOf(t) & B_NUMBER_TOKEN) !== 0;
const isNumberWord = (t: Token | undefined) => t !== undefined && (bitsOf(t) & B_NUMBER_WORD) !== 0;
const isCount = (t: Token | undefined) => isNumberToken(t) || isNumberWord(t);

/**
 * Returns the entities of the tokens, in text order, never across a line break (`breakBefore[i]`
 * is 1 when a line break precedes token i).
 */
export function findEntities(text: string, tokens: Token[], breakBefore: Uint8Array): EntitySpan[] {
  const out: EntitySpan[] = [];
  const n = tokens.length;
  // Tokens a and b (a < b) are on one line: nothing between them is or holds a line break.
  const sameLine = (a: number, b: number) => {
    if (b >= n) return false;
    for (let k = a + 1; k <= b; k++) if (breakBefore[k] === 1 || tokens[k]!.type === 'tabCRLF') return false;
    return true;
  };
  const push = (type: string, a: number, b: number) => {
    out.push({ type, start: tokens[a]!.start, end: tokens[b - 1]!.end, value: text.slice(tokens[a]!.start, tokens[b - 1]!.end), tokenStart: a, tokenEnd: b });
  };
  /** Returns the end of a number with its scale words ("5 million", "twenty-four"), from i. */
  const countEnd = (i: number) => {
    let j = i + 1;
    const words = isNumberWord(tokens[i]);
    for (;;) {
      if (j < n && sameLine(j - 1, j) && (SCALES.has(lower(tokens[j])) || (words && isNumberWord(tokens[j])))) { j++; continue; }
      // "twenty - five", "seven and a half", "seven hundred and fifty"
      if (words && j + 1 < n && lower(tokens[j]) === '-' && isNumberWord(tokens[j + 1]) && sameLine(j - 1, j + 1)) { j += 2; continue; }
      if (j + 2 < n && lower(tokens[j]) === 'and' && lower(tokens[j + 1]) === 'a' && lower(tokens[j + 2]) === 'half' && sameLine(j - 1, j + 2)) { j += 3; continue; }
      if (words && j + 1 < n && lower(tokens[j]) === 'and' && isNumberWord(tokens[j + 1]) && SCALES.has(lower(tokens[j - 1])) && sameLine(j - 1, j + 1)) { j += 2; continue; }
      return j;
    }
  };
  let i = 0;
  const next = (k: number) => (sameLine(i, i + k) ? tokens[i + k] : undefined);
  while (i < n) {
    const t = tokens[i]!;
    // Most tokens are words that start no entity: one cached look-up per lexeme rules them out.
    const b = bitsOf(t);
    if ((b & (B_NOTHING | B_SKIP)) !== 0) { i++; continue; }
    const w = lower(t);
    if ((b & B_WEB) !== 0) { push(WEB_TYPES[t.type]!, i, i + 1); i++; continue; }
    // Money: "$5 million", "US$12,000", "20 euros", "twelve dollars".
    if (t.type === 'currency' && isCount(next(1))) { const e = countEnd(i + 1); push('MONEY', i, e); i = e; continue; }
    // Ranges of years: "since 1980", "between 2001 and 2003", "from 1990 to 1995", "2015–2020".
    if ((b & B_RANGE_START) !== 0 && isNumberToken(next(1)) && YEAR.test(next(1)!.value)) {
      const joiner = lower(next(2));
      if ((w === 'between' && joiner === 'and') || (w === 'from' && (joiner === 'to' || joiner === 'until'))) {
        if (isNumberToken(next(3)) && YEAR.test(next(3)!.value)) { push('DURATION', i, i + 4); i += 4; continue; }
      } else if (w === 'by') { push('DATE', i, i + 2); i += 2; continue; }
      else if (w !== 'between' && w !== 'from') { push('DURATION', i, i + 2); i += 2; continue; }
    }
    if ((b & B_APPROX) !== 0 && isCount(next(1))) {
      // "about 40 percent": the approximation belongs to a percentage only.
      const e = countEnd(i + 1);
      const after = e < n && sameLine(e - 1, e) ? lower(tokens[e]) : '';
      if (after === '%' || after === 'percent') { push('PERCENT', i, e + 1); i = e + 1; continue; }
      if (after === 'per' && e + 1 < n && lower(tokens[e + 1]) === 'cent') { push('PERCENT', i, e + 2); i = e + 2; continue; }
      // "about 300": an approximate count.
      if (!UNITS.has(after) && !CURRENCY_WORDS.has(after) && !(isNumberToken(tokens[i + 1]) && YEAR.test(tokens[i + 1]!.value))) {
        push('CARDINAL', i, e); i = e; continue;
      }
    }
    if (isNumberToken(t) && CODE.test(t.value) && !ISO_DATE.test(t.value)) {
      // "10:30 a.m.", "14:05 UTC" are times; a bare clock reading or a code is left alone.
      if (CLOCK.test(t.value) && AM_PM.test(lower(next(1)))) { push('TIME', i, i + 2); i += 2; continue; }
      i++; continue;
    }
    // "1990 – 1995"
    if (isNumberToken(t) && YEAR.test(t.value) && /^[–—]$/.test(next(1)?.value ?? '') && isNumberToken(next(2)) && YEAR.test(next(2)!.value)) {
      push('DURATION', i, i + 3); i += 3; continue;
    }
    if (isCount(t)) {
      const e = countEnd(i);
      const after = e < n && sameLine(e - 1, e) ? tokens[e] : undefined;
      const a = lower(after);
      if (a === '%' || a === 'percent') { push('PERCENT', i, e + 1); i = e + 1; continue; }
      if (a === 'per' && e + 1 < n && lower(tokens[e + 1]) === 'cent') { push('PERCENT', i, e + 2); i = e + 2; continue; }
      if (CURRENCY_WORDS.has(a)) { push('MONEY', i, e + 1); i = e + 1; continue; }
      if (UNITS.has(a) && !(e === i + 1 && YEAR.test(t.value))) {
        // "four years ago" is a point in time.
        if (e + 1 < n && sameLine(e, e + 1) && lower(tokens[e + 1]) === 'ago') { push('DATE', i, e + 2); i = e + 2; continue; }
        push('DURATION', i, e + 1); i = e + 1; continue;
      }
      if (isNumberToken(t) && e === i + 1) {
        // "3 June 2024", "3 June"
        if (MONTHS.has(a) && /^\p{Lu}/u.test(after!.value)) {
          let f = e + 1;
          if (f < n && sameLine(e, f) && isNumberToken(tokens[f]) && YEAR.test(tokens[f]!.value)) f++;
          push('DATE', i, f); i = f; continue;
        }
        // A year-like number alone on its line (a list entry, a caption) is just a number.
        const breakAt = (k: number) => k < 0 || k >= n || tokens[k]!.type === 'tabCRLF';
        const alone = (breakAt(i - 1) || breakBefore[i] === 1) && (breakAt(i + 1) || breakBefore[i + 1] === 1);
        if (ISO_DATE.test(t.value) || (YEAR.test(t.value) && !alone)) { push('DATE', i, e); i = e; continue; }
        if (YEAR_RANGE.test(t.value)) { push('DURATION', i, e); i = e; continue; }
      }
      if (isNumberWord(t) && a === "o'clock") { push('TIME', i, e + 1); i = e + 1; continue; }
      push('CARDINAL', i, e); i = e; continue;
    }
    // "June 3, 2024", "June 2024", "June 3", "June" (a proper noun: "may" the verb is not a month).
    if ((b & B_MONTH) !== 0 && (b & B_CAPITAL) !== 0 && (t.pos === 'PROPN' || isNumberToken(next(1)))) {
      let e = i + 1;
      if (isNumberToken(next(1)) && /^\d{1,2}$/.test(next(1)!.value)) {
        e = i + 2;
        if (lower(next(2)) === ',' && isNumberToken(next(3)) && YEAR.test(next(3)!.value)) e = i + 4;
        else if (isNumberToken(next(2)) && YEAR.test(next(2)!.value)) e = i + 3;
      } else if (isNumberToken(next(1)) && YEAR.test(next(1)!.value)) e = i + 2;
      else if (lower(next(1)) === 'of' && isNumberToken(next(2)) && YEAR.test(next(2)!.value)) e = i + 3;
      push('DATE', i, e); i = e; continue;
    }
    if ((b & B_WEEKDAY_OR_DATE) !== 0) { push('DATE', i, i + 1); i++; continue; }
    if (t.type === 'decade') { push('DATE', i, i + 1); i++; continue; }
    if (t.type === 'ordinal' || (b & B_ORDINAL_WORD) !== 0) {
      if (lower(next(1)) === 'century') { push('DATE', i, i + 2); i += 2; continue; }
      push('ORDINAL', i, i + 1); i++; continue;
    }
    if ((b & B_PLURAL_COUNT) !== 0) { push('CARDINAL', i, i + 1); i++; continue; }
    if ((b & B_DEICTIC) !== 0 && next(1)) {
      const u = lower(next(1));
      if (TIME_WORDS.has(u)) { push('TIME', i, i + 2); i += 2; continue; }
      if (UNITS.has(u) && !u.endsWith('s')) { push('DATE', i, i + 2); i += 2; continue; }
    }
    if (((b & B_VAGUE_COUNT) !== 0 || w === 'a') && (bitsOrNone(next(1)) & B_UNIT) !== 0) {
      if (lower(next(2)) === 'ago') { push('DATE', i, i + 3); i += 3; continue; }
      if (w !== 'a') { push('DURATION', i, i + 2); i += 2; continue; }
    }
    if ((b & B_TIME_WORD) !== 0) { push('TIME', i, i + 1); i++; continue; }
    // A bare unit of time ("a day", "each year") is a length of time.
    if ((b & B_UNIT) !== 0 && w !== 'second') { push('DURATION', i, i + 1); i++; continue; }
    i++;
  }
  return out;
}
