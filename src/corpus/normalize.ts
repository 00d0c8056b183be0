/**
 * Text and URL normalisation shared by the library: URL -> record id, outlet names, wire credits,
 * and a light word pipeline (lower-case, stop words, suffix stripping) that is fast enough to
 * index 100k articles without running the wink model again.
 */

const TRACKING = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|cmpid$|smid$|ocid$)/i;

const URL_RE = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#:]*)(?::(\d+))?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

/** Returns the normalised URL used as record id: lower-case host, no www., no hash, no tracking params, no trailing slash. */
export function normalizeUrl(raw: string): string {
  // Parsed by hand: the pure core compiles without the DOM lib, so there is no URL class here.
  const m = URL_RE.exec(raw.trim());
  if (!m) return raw.trim();
  const scheme = m[1]!.toLowerCase() === 'http' ? 'https' : m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase().replace(/^www\./, '');
  const port = m[3] && !['80', '443'].includes(m[3]) ? ':' + m[3] : '';
  const path = (m[4] ?? '').replace(/\/+$/, '');
  const params = (m[5] ?? '').split('&').filter((kv) => kv && !TRACKING.test(kv.split('=')[0]!)).sort();
  return `${scheme}://${host}${port}${path}${params.length ? '?' + params.join('&') : ''}`;
}

/** Returns the host of a URL without "www.", or '' when it does not parse. */
export function domainOf(raw: string): string {
  const m = URL_RE.exec(raw.trim());
  return m ? m[2]!.toLowerCase().replace(/^www\./, '') : '';
}

/**
 * Wire services and the names they are credited with. Sources: the agencies' own style
 * (AP, Reuters, AFP, UPI, dpa, ANSA, EFE, Kyodo, Xinhua, PA, CP, Bloomberg News wire) and the
 * PolNeAR `wire` column.
 */
const WIRES: [string, RegExp][] = [
  ['AP', /\b(?:The )?Associated Press\b|\(AP\)|\bAP Photo\b|\bAP\b(?= (?:writers?|reporters?|contributed|[A-Z][a-z]+ [A-Z]))|^\s*AP\s*$|—\s*AP\b|\bBy AP\b/m],
  ['Reuters', /\bReuters\b/],
  ['AFP', /\bAgence France[- ]Presse\b|\(AFP\)|\bAFP\b/],
  ['UPI', /\bUnited Press International\b|\(UPI\)|\bUPI\b/],
  ['Bloomberg', /\bBloomberg News\b/],
  ['dpa', /\bdpa\b|Deutsche Presse-Agentur/],
  ['EFE', /\bAgencia EFE\b|\(EFE\)/],
  ['Kyodo', /\bKyodo News\b/],
  ['Xinhua', /\bXinhua\b/],
  ['PA', /\bPress Association\b|\bPA Media\b/],
  ['CP', /\bThe Canadian Press\b/],
];

/** Lines where a story credits a wire: bylines, datelines, "contributed to this report", copyright. */
const CREDIT_LINE = /^.{0,80}\((?:AP|Reuters|AFP|UPI|EFE)\)|^\s*(?:by|from|source:?|—|-)\s.{0,80}$|contributed (?:to )?this report|copyright|©|all rights reserved|\bwire\b|^\s*[A-Z][A-Za-z .&]{1,40}\s*$|reporting by|editing by|writing by|\b(?:AP|Associated Press|Reuters|AFP) (?:writers?|reporters?|correspondents?)\b/i;

/**
 * Returns the wire service the story is credited to, or null. Looks at the byline, then credit-like
 * lines at the top and bottom of the text (a body sentence "according to Reuters" cites, it does not credit).
 */
export function detectWire(byline: string | null, text: string, siteName?: string | null): string | null {
  const own = (siteName ?? '').toLowerCase();
  const test = (s: string): string | null => {
    for (const [name, re] of WIRES) if (re.test(s) && !own.includes(name.toLowerCase())) return name;
    return null;
  };
  if (byline) {
    const w = test(byline);
    if (w) return w;
  }
  const lines = text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const edge = [...lines.slice(0, 4), ...lines.slice(-5)];
  for (const l of edge) {
    if (l.length > 300) {
      // A dateline inside the first paragraph: "WASHINGTON (AP) — ..."
      const m = /^[^\n]{0,80}?\((AP|Reuters|AFP|UPI|EFE)\)/.exec(l);
      if (m) return m[1]!;
      continue;
    }
    // Reuters' sign-off: "(Reporting by X; Editing by Y)".
    if (/^\(Reporting by [^)]*(?:Editing|Writing) by/i.test(l)) return 'Reuters';
    if (!CREDIT_LINE.test(l)) continue;
    const w = test(l);
    if (w) return w;
  }
  return null;
}

/** Function words dropped before matching (SMART-style short list, plus reporting filler). */
export const STOP = new Set(
  ('a an the and or but if then else of to in on at by for with from into onto over under about above below ' +
    'as than that this these those there here it its it\'s they them their theirs he him his she her hers we us our ' +
    'you your i me my mine who whom whose which what when where why how is are was were be been being am do does did ' +
    'done doing have has had having will would shall should can could may might must also just so such very too more ' +
    'most much many some any each every all both few other another same own only not no nor out up down off again ' +
    'further once during before after while because since until through between against among per via s t ' +
    'mr mrs ms dr said say says saying told tell according including include new one').split(' '),
);

/** Returns a light stem: plural/verb suffixes stripped so "hackers"/"hacked"/"hack" meet. */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  if (s.endsWith("'s") || s.endsWith('’s')) s = s.slice(0, -2);
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is') && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith('er') && s.length > 5) s = s.slice(0, -2);
  else if (s.endsWith('ion') && s.length > 6) s = s.slice(0, -3);
  else if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  else if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  // Double consonant left by -ed/-ing: "stopped" -> "stopp" -> "stop".
  if (/([bdfgklmnprt])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** Demonym -> place ("Iranian" -> "iran", "Russians" -> "russ" like "Russia"), only for capitalised words. */
function demonym(lower: string): string {
  const m = /^(.{3,})(?:ians?|ia)$/.exec(lower);
  return m ? m[1]! : lower;
}

export interface Word {
  /** Lower-cased surface form. */
  w: string;
  /** Index into the text. */
  start: number;
  end: number;
  cap: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;

/** Returns the words of a text with offsets (letters/digits, inner apostrophes, dots and hyphens kept). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    let v = m[0];
    // Keep the dot only for abbreviations such as "U.S."; drop a sentence-final dot.
    if (v.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(v)) v = v.slice(0, -1);
    out.push({ w: v.toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + v.length, cap: /^\p{Lu}/u.test(v) });
  }
  return out;
}

/** Returns the matching key of one word: stop words -> null, else a stem; "U.S." and "United States" meet as "us". */
export function termOf(word: Word): string | null {
  let w = word.w.replace(/'s$/, '');
  if (w === 'u.s' || w === 'u.s.' || w === 'us' && word.cap) return 'u.s';
  if (w === 'u.k.' || w === 'u.k') return 'u.k';
  w = w.replace(/\./g, '');
  if (w.length < 2 || STOP.has(w)) return null;
  if (word.cap) w = demonym(w);
  return stem(w);
}

/** Returns the words of a quote normalised for verbatim comparison (case, curly quotes, punctuation ignored). */
export function quoteWords(text: string): string[] {
  return words(text).map((x) => x.w.replace(/\.$/, ''));
}
