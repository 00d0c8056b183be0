/**
 * Noun phrases that stand as a source, read from wink tokens, and whether they name anyone. The
 * test is the same as the PolNeAR gold rule's (src/cli/eval/vague.ts): a source is unnamed when it
 * is not a pronoun or a definite / possessive phrase (those point back to someone the article
 * names) and none of its words is a proper name, where a capital that only marks the start of a
 * sentence ("Officials said") and words for members of a party, nation or faith ("some
 * Republicans", "American officials") do not count; or when it says it is anonymous ("a source
 * familiar with Cruz's thinking"). Pure, token ranges in, a small record out.
 */
import type { Token } from './nlp.js';
import {
  ANONYMOUS_SOURCE_HEADS, COMMON_SOURCE_NOUNS, DOCUMENT_SOURCE_HEADS, INDEFINITE_DETERMINERS, MASS_SOURCE_HEADS, NOT_SOURCE_PLURALS,
  QUANTIFIER_HEADS, VAGUE_PRONOUNS, isGroupWord,
} from './cues.js';

export interface SourcePhrase {
  start: number;
  /** One past the last token. */
  end: number;
  head: number;
  /** The phrase names a person or organisation (a proper name that is not a group word). */
  named: boolean;
  /** A pronoun, or a phrase opened by a definite determiner or possessive: it points back. */
  anaphoric: boolean;
  /** The phrase says the source is anonymous, or its head is an official / source / aide. */
  anonymous: boolean;
  /** The head is a poll, report, study or record rather than a person. */
  document: boolean;
  /** A share of respondents ("63 percent", "one in five"): a poll figure, not a source. */
  share: boolean;
}

const DEFINITE = new Set(['the', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'both', 'each', 'either', 'neither', 'whose', 'that']);
const PRONOUN_SOURCES = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'whom', 'which', 'that', 'him', 'them', 'us', 'me', 'this']);
// Words that open a quantified group before "of": "some of the officials", "a majority of voters".
const QUANT_OF = new Set(['some', 'many', 'most', 'several', 'few', 'one', 'two', 'three', 'four', 'five', 'none', 'all', 'half',
  'dozens', 'hundreds', 'thousands', 'majority', 'minority', 'number', 'handful', 'group', 'chorus', 'couple', 'lot', 'lots', 'any', 'others', 'more']);
// Words that only scale a quantity: "only 24 percent", "at least 21,000", "more than half".
const SCALERS = new Set(['only', 'even', 'nearly', 'almost', 'about', 'roughly', 'just', 'some', 'fully', 'barely']);
// Words that may open a post-modifier of a source head: "people familiar with", "a source close to".
const POSTMOD_WORDS = new Set(['familiar', 'close', 'knowledgeable', 'involved', 'briefed', 'who', 'privy', 'speaking', 'granted', 'authorized', 'not', 'with']);
const NEGATIVE = new Set(['no', 'nobody', 'none', 'neither', 'anyone', 'anybody', 'nothing', 'nor']);
const ANONYMITY = /^(?:anonymous|anonymously|anonymity|unnamed|unidentified|familiar|briefed|privy|knowledgeable|insider|insiders)$/;

const lower = (t: Token) => t.lower;
const FRACTION = /^(?:half|thirds?|quarters?|fifths?|[a-z]+-(?:thirds?|quarters?|fifths?))$/;
const isCap = (t: Token) => /^[A-Z]/.test(t.value);
const isNounish = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM';

/**
 * True when token i's capital letter names someone: not a group word, not "I", and not a common
 * source noun or determiner capitalised only because it opens the sentence.
 */
function namesSomeone(tokens: Token[], i: number, sentenceStart: boolean): boolean {
  const t = tokens[i]!;
  // a number word is no name ("Sixty-six percent said")
  if (!isCap(t) || t.value === 'I' || t.pos === 'NUM') return false;
  if (isGroupWord(t.value)) return false;
  const v = lower(t);
  // determiners and quantifiers are never names, wherever the capital comes from
  if (INDEFINITE_DETERMINERS.has(v) || VAGUE_PRONOUNS.has(v) || SCALERS.has(v) || QUANT_OF.has(v) || DEFINITE.has(v)) return false;
  if (!sentenceStart) return true;
  if (COMMON_SOURCE_NOUNS.has(v)) return false;
  // "Senior officials", "Anonymous sources": an adjective before a lower-case word
  const next = tokens[i + 1];
  return !((t.pos === 'ADJ' || t.pos === 'DET') && next !== undefined && !isCap(next));
}

/** True when the phrase head "percent" has a number right before it ("63 percent", "6.5 percent"). */
function share0(tokens: Token[], i: number, head: number): boolean {
  return head > 0 && head >= i && tokens[head - 1]!.pos === 'NUM';
}

/**
 * Returns tokens [s, e) read as a source noun phrase, or null when they are not one:
 * [scaler] [quantifier "of"] [determiner] modifiers head [post-modifier], at most 16 tokens, a
 * post-modifier opened by a preposition, "familiar" / "close", "who", or a participle.
 * `startsSentence` says whether token s opens its sentence (its capital then proves nothing).
 */
export function readSourcePhrase(tokens: Token[], s: number, e: number, startsSentence: boolean): SourcePhrase | null {
  // a phrase never starts inside a hyphenated word ("blue-collar" read from "-collar")
  if (e <= s || e - s > 16 || /^[-–]/.test(tokens[s]!.value)) return null;
  let i = s;
  let share = false;
  // "at least", "more than", "fewer than", "as many as", "only", "nearly"
  for (;;) {
    const v = lower(tokens[i]!);
    const n = tokens[i + 1] ? lower(tokens[i + 1]!) : '';
    if ((v === 'at' && n === 'least') || ((v === 'more' || v === 'fewer' || v === 'less') && n === 'than')) { i += 2; continue; }
    if (v === 'as' && n === 'many' && tokens[i + 2] && lower(tokens[i + 2]!) === 'as') { i += 3; continue; }
    if (SCALERS.has(v) && i + 1 < e && (tokens[i + 1]!.pos === 'NUM' || QUANT_OF.has(n))) { i++; continue; }
    break;
  }
  if (i >= e) return null;
  // "one in five", "6 in 10", "three-in-five"
  if (tokens[i]!.pos === 'NUM' && tokens[i + 1] && lower(tokens[i + 1]!) === 'in' && tokens[i + 2]?.pos === 'NUM') {
    share = true;
    i += 3;
    // "Two in three said": the share is the whole phrase, its last number the head
    if (i === e) return { start: s, end: e, head: e - 1, named: false, anaphoric: false, anonymous: false, document: false, share };
  }
  else if (/^[a-z]+-in-[a-z]+$/i.test(tokens[i]!.value)) { share = true; i++; }
  let quantified = false;
  let det: string | null = null;
  // quantifier + "of": "some of the", "one of his", "a majority of", "two-thirds of"
  {
    let q = i;
    if ((lower(tokens[q]!) === 'a' || lower(tokens[q]!) === 'the') && q + 1 < e) q++;
    const qv = lower(tokens[q]!);
    if (q + 1 < e && lower(tokens[q + 1]!) === 'of' && (QUANT_OF.has(qv) || tokens[q]!.pos === 'NUM' || /^[a-z]+-(?:thirds?|quarters?|fifths?|halves)$/.test(qv))) {
      quantified = true;
      det = qv;
      i = q + 2;
    }
  }
  if (i >= e) return null;
  let anaphoric = false;
  const first = tokens[i]!;
  const fv = lower(first);
  // "no one", "nobody", "none", "anyone": a negative or open quantifier credits no claim to anyone
  if (NEGATIVE.has(fv) || (det !== null && NEGATIVE.has(det))) return null;
  if (e - i === 1 && (first.pos === 'PRON' || PRONOUN_SOURCES.has(fv)) && !VAGUE_PRONOUNS.has(fv)) {
    return { start: s, end: e, head: i, named: false, anaphoric: !quantified, anonymous: false, document: false, share };
  }
  if (DEFINITE.has(fv) && (first.pos === 'DET' || first.pos === 'PRON' || fv !== 'that')) {
    anaphoric = !quantified;
    i++;
  } else if (INDEFINITE_DETERMINERS.has(fv) || VAGUE_PRONOUNS.has(fv) || first.pos === 'NUM') {
    det ??= fv;
    if (first.pos === 'NUM' && /^\d/.test(first.value)) det = 'number';
    i++;
    // "a few", "some other", "two other", "a handful of" (handled above), "many more"
    while (i < e && (INDEFINITE_DETERMINERS.has(lower(tokens[i]!)) || lower(tokens[i]!) === 'few') && tokens[i]!.pos !== 'NOUN') i++;
  }
  // modifiers and head
  let head = -1;
  let j = i;
  for (; j < e; j++) {
    const t = tokens[j]!;
    if (t.value === "'s" || t.value === '’s') {
      // a possessive in front of the head: "Trump's aides" (named) or "the party's leaders" (points back)
      if (!quantified) anaphoric = true;
      continue;
    }
    // wink tags "third" in "a third said" as an adverb, and "%" as a symbol
    if ((FRACTION.test(lower(t)) && t.pos === 'ADV') || (t.value === '%' && j > s && tokens[j - 1]!.pos === 'NUM')) { head = j; continue; }
    // wink tags "polling" in "recent polling shows" as a verb
    if (t.pos === 'VERB' && MASS_SOURCE_HEADS.has(lower(t)) && j > i) { head = j; continue; }
    if (isNounish(t) || t.pos === 'ADJ' || t.value === '-' || (t.pos === 'VERB' && /^[a-z-]+$/.test(t.value) && j + 1 < e && (isNounish(tokens[j + 1]!) || tokens[j + 1]!.pos === 'ADJ'))) {
      if (isNounish(t)) head = j;
      continue;
    }
    // "regulators and environmental groups": a coordinated phrase, read on to its last head
    if (head >= 0 && (lower(t) === 'and' || lower(t) === 'or') && j + 1 < e && tokens[j + 1]!.pos !== 'VERB' && tokens[j + 1]!.pos !== 'AUX') {
      const d = lower(tokens[j + 1]!);
      if (DEFINITE.has(d) && !quantified) anaphoric = true;
      continue;
    }
    if (head >= 0 && t.pos === 'DET' && j > i && (lower(tokens[j - 1]!) === 'and' || lower(tokens[j - 1]!) === 'or')) continue;
    break;
  }
  if (head < 0) {
    // a quantifier standing alone: "some say", "others argue", "many of them believe"
    if (j === i && i > s) {
      const q = tokens[i - 1]!;
      if (VAGUE_PRONOUNS.has(lower(q)) || q.pos === 'NUM' || QUANT_OF.has(lower(q))) head = i - 1;
    }
    if (head < 0 && quantified && j < e && (tokens[j]!.pos === 'PRON')) { head = j; j++; }
    if (head < 0) return null;
  }
  // post-modifier
  if (j < e) {
    const t = tokens[j]!;
    const ok = t.pos === 'ADP' || POSTMOD_WORDS.has(lower(t)) || (t.pos === 'VERB' && /(?:ing|ed)$/.test(t.value)) || t.value === ',';
    if (!ok) return null;
  }
  const headTok = tokens[head]!;
  const hv = lower(headTok);
  // "percent" is no source on its own ("points", "percent" of a rate), but a share of respondents is
  if (NOT_SOURCE_PLURALS.has(hv) && !(hv === 'percent' && share0(tokens, i, head))) return null;
  // "nearly half", "a third", "two-thirds": a fraction of respondents is a share as well
  if (FRACTION.test(hv) && (head === i || det !== null || i > s)) share = true;
  if (hv === 'percent' || hv === '%' || (headTok.pos === 'NUM' && head === e - 1) || (head === i && headTok.pos === 'NUM' && !/^(?:one|two|three|four|five)$/.test(hv))) share = true;
  let named = false;
  let nameFirst = false;
  for (let k = s; k < e; k++) {
    if (namesSomeone(tokens, k, startsSentence && k === s)) {
      named = true;
      if (k === s) nameFirst = true;
    }
  }
  let marked = false;
  for (let k = s; k < e; k++) if (ANONYMITY.test(lower(tokens[k]!))) marked = true;
  const lemma = headTok.lemma;
  const anonymous = marked || ANONYMOUS_SOURCE_HEADS.has(lemma) || ANONYMOUS_SOURCE_HEADS.has(hv);
  // "a source familiar with Cruz's thinking": anonymous although a name occurs after the head
  if (named && marked && !nameFirst) named = false;
  // A sentence-initial common noun gets wink's PROPN for its capital ("Video shows ..."): judge it
  // as the noun it is unless the capital names someone.
  const commonHead = headTok.pos === 'NOUN' || (headTok.pos === 'PROPN' && startsSentence && head === s && !named);
  if (det === null && !quantified && !share && commonHead && lemma === hv && !QUANTIFIER_HEADS.has(hv) && !MASS_SOURCE_HEADS.has(hv) && hv !== 'police') {
    // a bare singular noun is no source ("Government said", "Video shows" are headlines): needs a determiner
    if (!/s$/.test(hv)) return null;
  }
  return { start: s, end: e, head, named, anaphoric, anonymous, document: DOCUMENT_SOURCE_HEADS.has(lemma) || DOCUMENT_SOURCE_HEADS.has(hv), share };
}

/** True when a source phrase is unnamed in the sense of the vague-attribution rule. */
export function isUnnamed(p: SourcePhrase): boolean {
  return !p.named && !p.anaphoric;
}
