/**
 * Per-sentence matching features: content terms, numbers / years / months, capitalised names,
 * and the cue flags the stance step needs (negation, denial, hedged reporting, citing an outlet).
 * Cue lists live here once; each says where it comes from.
 */
import { STOP, stem, termOf, words } from './normalize.js';

export interface SentenceFeatures {
  /** Distinct content terms (stems). */
  terms: string[];
  /** Terms that come from capitalised words not at sentence start: names, places, organisations. */
  names: string[];
  /** Number mentions keyed by kind: "pct:30", "year:2020", "month:june", "num:12". */
  numbers: string[];
  negated: boolean;
  denial: boolean;
  /** Hedged or reported: "officials say", "reportedly", "alleged", "claims". */
  hedged: boolean;
  /** A denial whose object is an anaphor ("denied such allegations", "denied any involvement"): it denies the article's topic. */
  anaphoricDenial: boolean;
  /** Outlets or agencies the sentence cites as its source ("according to Reuters", "Politico reported"). */
  cites: string[];
  /** Where it happens: capitalised names after "in / at / near / outside", as written, with the stem of the word before ("exploded in Kabul" -> {name: "Kabul", anchor: "explod"}). */
  places: NameSlot[];
  /** Who acts: a name of two or more capitalised words opening the sentence, with the stem of its verb ("Maria Lopez announced" -> anchor "announc"), or null. */
  actor: NameSlot | null;
}

export interface NameSlot {
  name: string;
  anchor: string;
}

const NOT_PLACE = new Set([...'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '), 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that']);

/** "in Kabul", "at the White House": a preposition of place, an optional "the", one to three capitalised words. */
const PLACE_RE = /([\p{L}'’-]+)\s+(?:in|at|near|outside)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/gu;

/** A sentence opening with a name of two to four capitalised words, then a lower-case word (the verb). */
const ACTOR_RE = /^\s*((?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}.-]+)\s+(\p{Ll}[\p{L}]+)\b/u;

/** Verbs after which the opening name is a source, not the actor ("Army Radio reported that ..."). */
const REPORTING_VERB = /^(?:said|says|say|reported|reports|told|tells|claimed|claims|wrote|writes|stated|states|added|confirmed|denied|according|reportedly|allegedly)$/;

/** Returns the content terms of a name ("Steven Cheung" -> ["steven", "cheung"]). */
export function nameTerms(name: string): string[] {
  return words(name).filter((w) => !NOT_PLACE.has(w.w)).map((w) => termOf(w)).filter((t): t is string => !!t);
}

/** Returns the places and the opening actor of a sentence, as written. */
function placesAndActor(text: string): { places: NameSlot[]; actor: NameSlot | null } {
  const places: NameSlot[] = [];
  for (const m of text.matchAll(PLACE_RE)) {
    const anchor = stem(m[1]!.toLowerCase());
    if (nameTerms(m[2]!).length && !STOP.has(m[1]!.toLowerCase())) places.push({ name: m[2]!.replace(/['’]s$/, ''), anchor });
  }
  const a = ACTOR_RE.exec(text);
  const ok = a && !/^(?:The|A|An|This|That|These|Those|In|On|At|But|And|When|After|Before)\s/.test(a[1]!) &&
    nameTerms(a[1]!).length >= 2 && !REPORTING_VERB.test(a[2]!) && !STOP.has(a[2]!);
  return { places, actor: ok ? { name: a[1]!, anchor: stem(a[2]!) } : null };
}

/** Negation cues (the closed class of English negators; wink's negation flag uses a similar list). */
const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|can't|won't|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't|n't)\b|n[’']t\b/i;

/**
 * Explicit denials and refutations (Emergent "against" headlines, FNC-1 "disagree" bodies and the
 * seed's "denied any involvement", "neither possesses nor harbors"). The noun "denial" is left out:
 * "despite this denial" reports one, it does not deny.
 */
const DENIAL = /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|debunk(?:s|ed|ing)?|dismiss(?:es|ed)?|hoax|fake|false(?:ly)?|untrue|bogus|baseless|unfounded|fabricat(?:ed|ion)|no evidence|not true|neither \w+ nor|no (?:credence|truth|basis)|myth|rumou?rs? (?:is|are|was) false|disput(?:e|es|ed)|contrary to|misleading|satir(?:e|ical)|parody|retract(?:s|ed|ion)?|not (?:real|genuine|authentic))\b/i;

/**
 * Hedged reporting (Emergent "observing" headlines; the analysis core's hedge list covers the
 * same ground for highlighting): the sentence passes a claim on without asserting it.
 */
const HEDGE = /\b(?:reported(?:ly)?|reports?|allege(?:s|d|dly)?|claim(?:s|ed|ing)?|purported(?:ly)?|supposed(?:ly)?|apparent(?:ly)?|rumou?r(?:s|ed)?|may|might|could|possibl[ey]|suggest(?:s|ed)?|believed|thought to|said to|appears?|seem(?:s|ed)?|unconfirmed|unverified|according to|sources? (?:say|said|says|claim)|officials? (?:say|said|says)|report(?:s|ed)? that|announc(?:es|ed))\b|\?\s*$/i;

const ANAPHORIC_DENIAL = /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed)?|refut(?:e|es|ed)|disput(?:e|es|ed))\b[^.;]{0,40}?\b(?:such|these|those|the|any|all|its|their)\s+(?:\w+\s)?(?:allegations?|claims?|reports?|accusations?|involvement|charges?|suggestions?|wrongdoing|responsibility)\b/i;

/** Cited-source patterns: "according to X", "X reported", "X first reported", "X said in a report". */
const CITE = [
  /\baccording to (?:the |a )?((?:[A-Z][\w.&'’-]*\s?){1,4})/g,
  /\b((?:[A-Z][\w.&'’-]*\s?){1,4})(?:was the first to report|first reported|reported|reports|has reported|said in a report|broke the (?:story|news))/g,
  /\b(?:reported|first reported|told) by (?:the )?((?:[A-Z][\w.&'’-]*\s?){1,4})/g,
];

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** Returns "United States" and similar multiword names folded so both spellings meet. */
function fold(text: string): string {
  return text.replace(/\bUnited States\b/g, 'U.S.').replace(/\bUnited Kingdom\b/g, 'U.K.');
}

/** Returns the matching features of one sentence. */
export function sentenceFeatures(raw: string): SentenceFeatures {
  const text = fold(raw);
  const ws = words(text);
  const terms = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const digits = /^\d[\d,.]*$/.test(w.w) ? w.w.replace(/,/g, '') : null;
    if (digits !== null) {
      const next = ws[i + 1]?.w ?? '';
      const n = Number(digits);
      if (/^(?:percent|per|%)/.test(next) || text.slice(w.end, w.end + 1) === '%') numbers.add('pct:' + n);
      else if (/^(1[89]|20)\d\d$/.test(digits)) numbers.add('year:' + digits);
      else numbers.add('num:' + n);
      terms.add(digits);
      continue;
    }
    if (MONTHS.includes(w.w) && (w.cap || ws[i + 1] && /^\d/.test(ws[i + 1]!.w))) numbers.add('month:' + w.w);
    const t = termOf(w);
    if (!t) continue;
    terms.add(t);
    // A capitalised word is a name unless it only starts the sentence; a sentence-initial possessive
    // ("Iran's mission") or one followed by another capitalised word ("Steven Cheung") still is.
    const initial = i === 0 || /[.!?:"“]\s*$/.test(text.slice(Math.max(0, w.start - 3), w.start));
    if (w.cap && (!initial || /['’]s$/.test(w.w) || ws[i + 1]?.cap)) names.add(t);
  }
  const cites: string[] = [];
  // Hedges are looked for outside the citation: "according to Reuters" names a source, it does not hedge.
  let uncited = text;
  for (const re of CITE) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!.trim().replace(/['’]s$/, '');
      if (name && !/^(?:The|A|An|It|He|She|They|We|Officials?|Sources?|Police|Media)$/.test(name)) {
        cites.push(name);
        uncited = uncited.replace(m[0], ' ');
      }
    }
  }
  return {
    terms: [...terms],
    names: [...names],
    numbers: [...numbers],
    negated: NEGATION.test(text),
    denial: DENIAL.test(text),
    anaphoricDenial: ANAPHORIC_DENIAL.test(text),
    hedged: HEDGE.test(uncited),
    cites,
    ...placesAndActor(text),
  };
}
