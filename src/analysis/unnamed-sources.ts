/**
 * Unnamed sources in a grammatical relation with a verb of saying or believing, found on wink
 * tokens: the subject before the verb ("officials said", "some Republicans argue", "a source
 * close to the campaign told"), the phrase after an inverted verb (", said one senior aide"),
 * the phrase after "according to", and the agent of a passive ("was described by some as").
 * A word list cannot enumerate these ("Jewish leaders point to", "a federal judge found"), and a
 * cue word alone is not enough: the unnamed phrase must be the verb's subject or agent.
 * The phrase test is source-phrases.ts (the same as the eval's gold rule).
 */
import type { Token, Tokenized } from './nlp.js';
import { ANONYMOUS_SOURCE_HEADS, CAUSATIVE_LEMMAS, DOCUMENT_SOURCE_HEADS, CAUSED_VIEW_LEMMAS, COMMON_SOURCE_NOUNS, INVERTED_SOURCE_LEMMAS, MASS_SOURCE_HEADS, SOURCE_VERB_LEMMAS, isGroupWord, isSourceHead } from './cues.js';
import { isUnnamed, readSourcePhrase, type SourcePhrase } from './source-phrases.js';
import { lexemeMemo } from './lexeme-memo.js';

export interface SourceRelation {
  /** Character span covering the source phrase and its verb. */
  start: number;
  end: number;
  phrase: SourcePhrase;
  how: 'subject' | 'inverted' | 'according-to' | 'agent';
  /** A share of poll respondents ("63 percent said") whose sentence does not name the poll. */
  share?: boolean;
}

const lower = (t: Token) => t.lower;
const BOUNDARY_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', "''", "'", '``', '--', '[', ']', '.', '?', '!', '…']);
const CLAUSE_WORDS = new Set(['that', 'but', 'and', 'or', 'while', 'because', 'although', 'though', 'when', 'whether', 'if', 'since', 'where', 'after', 'before', 'until', 'unless', 'whereas', 'so', 'yet', 'as', 'than', 'how', 'why', 'what', 'even', 'which', 'who', 'whom', 'whose', 'indeed', 'still', 'meanwhile']);
const BETWEEN = new Set(['AUX', 'ADV', 'PART']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'re", '’re', 'am']);
// Noun-tagged forms wink gives some verbs after a plural subject ("critics say", "some view").
const NOUNY_VERB_FORMS = new Set(['say', 'says', 'call', 'calls', 'view', 'claim', 'claims', 'report', 'reports', 'fear', 'fears',
  'hope', 'hopes', 'doubt', 'doubts', 'worry', 'question', 'note', 'notes', 'warn', 'argue', 'believe', 'think', 'show', 'shows',
  'estimate', 'estimates', 'suggest', 'expect', 'contend', 'insist', 'agree', 'predict', 'point', 'charge', 'blame', 'tell', 'wonder']);
// Words that end the phrase after an inverted verb or "according to": time and place adjuncts.
const ADJUNCT_START = new Set(['on', 'during', 'after', 'before', 'via', 'at', 'last', 'this', 'earlier', 'later', 'today', 'yesterday', 'tonight', 'in', 'when', 'while', 'as', 'because', 'and', 'but']);
const DAY_OR_MONTH = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept?|oct|nov|dec)\.?$/i;
// Past forms after which the next word shows an active verb with an object, not a reduced passive.
const OBJECT_START = new Set(['DET', 'PRON', 'NOUN', 'PROPN', 'NUM', 'SCONJ', 'PUNCT']);

const QUOTE_TOKENS = new Set(["'", '"', '”', '’', '“', "''"]);
const SENTENCE_END = new Set(['.', '!', '?']);

// What sentenceStarts and isSourceVerb ask of a token's value and lemma, cached per lexeme (speed:
// Set look-ups for every token were a tenth of the attribution pass).
const K_QUOTE = 1, K_END = 2, K_OPEN_QUOTE = 4, K_TYPE_BREAK = 8, K_SOURCE_VERB = 16;
const kindOf = lexemeMemo((t) => (QUOTE_TOKENS.has(t.value) ? K_QUOTE : 0) | (SENTENCE_END.has(t.value) ? K_END : 0) |
  (t.value === '“' ? K_OPEN_QUOTE : 0) | (t.type === 'tabCRLF' ? K_TYPE_BREAK : 0) |
  (SOURCE_VERB_LEMMAS.has(t.lemma) && /^[a-z]+$/.test(t.value) ? K_SOURCE_VERB : 0));

/** Returns a per-token flag: 1 when the token opens a sentence (or follows a line break / opening quote). */
function sentenceStarts(tok: Tokenized): Uint8Array {
  const flags = new Uint8Array(tok.tokens.length);
  for (const s of tok.sentences) flags[s.tokenStart] = 1;
  const { tokens } = tok;
  const kinds = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) kinds[i] = kindOf(tokens[i]!);
  for (let i = 1; i < tokens.length; i++) {
    // after a line break, an opening quote, or sentence-final punctuation (quotes between skipped)
    let k = i - 1;
    while (k > 0 && (kinds[k]! & K_QUOTE) !== 0) k--;
    if ((kinds[k]! & (K_TYPE_BREAK | K_END)) !== 0 || (kinds[i - 1]! & K_OPEN_QUOTE) !== 0) flags[i] = 1;
  }
  return flags;
}

function isBoundary(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.type === 'tabCRLF') return true;
  if (t.pos === 'PUNCT' && BOUNDARY_PUNCT.has(t.value)) return true;
  if (t.value === '-' && k > 0 && tokens[k - 1]!.end < t.start) return true; // " - " used as a dash
  const v = lower(t);
  if (v === 'that') {
    // "that official said" (a determiner) but "information that investigators said" (a clause)
    const n = tokens[k + 1];
    return !(t.pos === 'DET' && n && (n.pos === 'NOUN' || n.pos === 'ADJ') && !(n.pos === 'NOUN' && /s$/.test(n.value) && n.lemma !== n.value));
  }
  return CLAUSE_WORDS.has(v) && t.pos !== 'NOUN' && t.pos !== 'PROPN';
}

/** True when token v is a lower-case verb of saying or believing (also when wink tags it NOUN after a subject). */
function isSourceVerb(tokens: Token[], v: number): boolean {
  const t = tokens[v]!;
  if ((kindOf(t) & K_SOURCE_VERB) === 0) return false;
  const prev = tokens[v - 1];
  const next = tokens[v + 1];
  // "a program called Harmony": naming, not saying
  if (t.lemma === 'call' && (t.value === 'called' || t.value === 'calling') && (!next || next.pos === 'PROPN' || next.pos === 'NUM' || next.pos === 'PUNCT' || /^[A-Z]/.test(next.value))) return false;
  if (t.pos === 'VERB') return !(prev && (prev.pos === 'DET' || prev.value === "'s" || prev.value === '’s'));
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') {
    // "critics say the", "some view Trump", "which critics say is": a complement follows
    if (!NOUNY_VERB_FORMS.has(t.value) || !prev || !next) return false;
    if (!(next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'SCONJ' || next.pos === 'PROPN' || next.pos === 'AUX' || next.pos === 'PART' || next.pos === 'PUNCT' || next.pos === 'ADJ' || next.pos === 'ADV')) return false;
    // "4 in 10 say", "26 percent say": a share of respondents before a verb wink reads as a noun
    if (prev.pos === 'NUM' || prev.value === '%' || lower(prev) === 'percent') return true;
    const plural = prev.pos === 'NOUN' ? /s$/.test(prev.value) && prev.lemma !== lower(prev) : prev.pos === 'PROPN' && /s$/.test(prev.value) && (COMMON_SOURCE_NOUNS.has(lower(prev)) || isGroupWord(prev.value));
    // "data show", "polling suggests": a mass noun is a source without a plural
    if (MASS_SOURCE_HEADS.has(lower(prev)) && !/s$/.test(t.value)) return true;
    return plural || (prev.pos === 'DET' || prev.pos === 'PRON' || prev.pos === 'ADJ' || prev.pos === 'PROPN') && /^(?:some|many|most|others|few|another|several)$/i.test(prev.value);
  }
  return false;
}

// Heads that "find" things in the sense of concluding them ("a federal judge found", "investigators found").
const FINDING_HEADS = new Set(['judge', 'court', 'panel', 'jury', 'investigator', 'researcher', 'auditor', 'inspector', 'analyst', 'expert', 'scientist', 'economist', 'review', 'probe', 'inquiry']);

/**
 * True when a verb with this subject is saying or believing, not its other senses: "find" needs
 * "that" or a finding body ("Syrians find a home" is no attribution), "add" needs "that" or a
 * quote ("organizers added 160 staff"), "show up" is no showing, and an -ing form after a noun
 * ("Americans thinking", "a man calling himself") only counts for documents and anonymous sources
 * or at the start of a clause ("with recent polls showing").
 */
function verbFits(tokens: Token[], v: number, p: SourcePhrase, starts: Uint8Array): boolean {
  const t = tokens[v]!;
  const next = tokens[v + 1];
  const nv = next ? lower(next) : '';
  if (t.lemma === 'find') return nv === 'that' || p.document || p.anonymous || FINDING_HEADS.has(tokens[p.head]!.lemma);
  if (t.lemma === 'add') return nv === 'that' || !next || next.pos === 'PUNCT';
  if (t.lemma === 'show' && (nv === 'up' || nv === 'off')) return false;
  if (/ing$/.test(t.value) && tokens[v - 1] && !BETWEEN.has(tokens[v - 1]!.pos)) {
    const before = tokens[p.start - 1];
    if (p.document || p.anonymous) {
      // "issued a statement saying", "a memo to employees explaining": the document or people are
      // the object of someone else's act, whose words these are; "with polls showing" is not
      if (before && (before.pos === 'VERB' || (before.pos === 'ADP' && lower(before) !== 'with'))) return false;
      return true;
    }
    return !before || starts[p.start] === 1 || isBoundary(tokens, p.start - 1) || lower(before) === 'with';
  }
  return true;
}

/** True when the token after a phrase ends its clause (punctuation, a line break, the end). */
function endsClause(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !t || t.type === 'tabCRLF' || (t.pos === 'PUNCT' && t.value !== '-') || ADJUNCT_START.has(t.value) || DAY_OR_MONTH.test(t.value);
}

/** Returns the index of the first token of the clause that ends before token `end`, scanning at most `max` tokens. */
function clauseStart(tokens: Token[], end: number, max: number): number {
  let k = end - 1;
  while (k >= 0 && end - k <= max) {
    if (isBoundary(tokens, k) && !/^(?:and|or)$/i.test(tokens[k]!.value)) return k + 1;
    // a finite verb with its auxiliary ends the search ("he has told"); participles may sit inside
    const t = tokens[k]!;
    if (t.pos === 'AUX' && !(tokens[k + 1] && tokens[k + 1]!.pos === 'VERB' && /(?:ing|ed)$/.test(tokens[k + 1]!.value) && k + 1 < end - 1)) return k + 1;
    k--;
  }
  return k + 1;
}

/** Returns the end (exclusive) of a phrase that starts at `from`: the next boundary or time / place adjunct. */
function phraseEnd(tokens: Token[], from: number, max: number): number {
  let k = from;
  while (k < tokens.length && k - from < max) {
    const t = tokens[k]!;
    if (t.type === 'tabCRLF' || (t.pos === 'PUNCT' && BOUNDARY_PUNCT.has(t.value) && t.value !== '-')) break;
    if (k > from && (ADJUNCT_START.has(t.value) || DAY_OR_MONTH.test(t.value))) break;
    if (k > from && t.pos === 'VERB' && !/(?:ing|ed)$/.test(t.value)) break;
    if (k > from && (t.pos === 'AUX' || /^(?:who|which|that)$/i.test(t.value))) break;
    k++;
  }
  return k;
}

/** Returns the source phrase before verb v (its subject), or null. */
function subjectOf(tokens: Token[], starts: Uint8Array, v: number): { phrase: SourcePhrase } | null {
  let j = v - 1;
  let sawAux = false;
  const ing = /ing$/.test(tokens[v]!.value);
  let sawBe = false;
  while (j >= 0 && v - j <= 4 && BETWEEN.has(tokens[j]!.pos) && tokens[j]!.value !== ',' && lower(tokens[j]!) !== 'to') {
    if (BE.has(lower(tokens[j]!))) {
      if (!ing) return null; // passive: the subject is not the one who says
      sawBe = true;
    }
    if (tokens[j]!.pos === 'AUX') sawAux = true;
    j--;
  }
  // "have admitting privileges": an -ing form after an auxiliary other than "be" is no verb phrase
  if (ing && sawAux && !sawBe) return null;
  if (j < 0 || lower(tokens[j]!) === 'to') return null;
  // "a past form + as / by / adjective" is a reduced passive ("a phrase widely considered obscene")
  if (!sawAux && /ed$/.test(tokens[v]!.value)) {
    const next = tokens[v + 1];
    if (next && !OBJECT_START.has(next.pos) && !(next.pos === 'VERB' && /ing$/.test(next.value)) && !(next.pos === 'ADP' && lower(next) !== 'as' && lower(next) !== 'by')) return null;
    if (next && next.pos === 'ADP' && (lower(next) === 'as' || lower(next) === 'by')) return null;
  }
  // "rallied young people ... and called": a coordinated verb shares the earlier verb's subject
  if (/^(?:and|or|but)$/i.test(tokens[j]!.value)) return null;
  let end = j + 1;
  let relative = false;
  // "critics who have suggested": the verb belongs to the relative clause's head
  if (lower(tokens[j]!) === 'who' || (lower(tokens[j]!) === 'that' && tokens[j]!.pos === 'PRON')) { end = j; relative = true; }
  // "A Democratic strategist, who asked not to be named, said": step over the parenthetical
  else if (tokens[j]!.value === ',') {
    let k = j - 1;
    while (k > 0 && j - k < 25 && tokens[k]!.value !== ',' && tokens[k]!.type !== 'tabCRLF' && !/^[.;:!?]$/.test(tokens[k]!.value)) k--;
    if (k > 0 && tokens[k]!.value === ',' && lower(tokens[k + 1]!) === 'who') end = k;
    else return null;
  }
  const s = clauseStart(tokens, end, 16);
  // "advisers who have run the numbers argue": the verb's subject is the phrase before "who"
  let r = s - 1;
  while (r > 0 && BETWEEN.has(tokens[r]!.pos) && !/^(?:who|that)$/i.test(tokens[r]!.value)) r--;
  const rel = tokens[r];
  if (rel && r > 0 && (lower(rel) === 'who' || (lower(rel) === 'that' && rel.pos === 'PRON')) && tokens.slice(r + 1, end).some((x) => x.pos === 'VERB')) {
    let e2 = r;
    if (tokens[e2 - 1]?.value === ',') e2--;
    const before = readSubjectPhrase(tokens, starts, clauseStart(tokens, e2, 16), e2);
    if (before) return { phrase: { ...before.phrase, end: before.phrase.end } };
  }
  return readSubjectPhrase(tokens, starts, s, end, relative);
}

/**
 * Returns the longest source phrase that ends at `end` and starts at the clause start or right
 * after a preposition, verb or conjunction inside the clause ("with recent polls showing",
 * "including prominent businesses that warn"), or null.
 */
function readSubjectPhrase(tokens: Token[], starts: Uint8Array, from: number, end: number, afterAnyVerb = false): { phrase: SourcePhrase } | null {
  for (let s = from; s < end; s++) {
    if (s > from) {
      const p = tokens[s - 1]!;
      // after a preposition (not "of": "74 percent of voters"), a participle, a conjunction or an adverb
      const ok = (p.pos === 'ADP' && lower(p) !== 'of') || (p.pos === 'VERB' && (afterAnyVerb || /(?:ing|ed)$/.test(p.value))) || p.pos === 'CCONJ' || p.pos === 'SCONJ' || p.pos === 'ADV';
      if (!ok) continue;
    }
    const phrase = readSourcePhrase(tokens, s, end, starts[s] === 1);
    if (phrase && (isSourceHead(tokens[phrase.head]!) || phrase.share)) return { phrase };
    if (phrase && phrase.named) return { phrase };
  }
  return null;
}

/**
 * Returns the unnamed phrase that a causative verb makes say or believe something ("led many to
 * wonder", "leaving some analysts to speculate", "prompted critics to say"), or null. Only
 * causatives (CAUSATIVE_LEMMAS): after "urged employees to disclose" or "asked voters to write"
 * no one has said anything yet.
 */
function causedSpeaker(tokens: Token[], v: number): SourcePhrase | null {
  if (v < 3 || lower(tokens[v - 1]!) !== 'to' || !/^[a-z]+$/.test(tokens[v]!.value) || !CAUSED_VIEW_LEMMAS.has(tokens[v]!.lemma)) return null;
  const end = v - 1;
  for (let s = end - 1; s > 0 && end - s <= 4; s--) {
    const before = tokens[s - 1]!;
    if (before.pos !== 'VERB' || !CAUSATIVE_LEMMAS.has(before.lemma)) continue;
    const p = readSourcePhrase(tokens, s, end, false);
    if (p && (isSourceHead(tokens[p.head]!) || p.head === p.start)) return p;
  }
  return null;
}

/**
 * "according to reports.": wink reads a bare plural after "to" as an infinitive verb. A lone
 * plural source noun that ends its clause is the source phrase itself.
 */
function bareVerbTaggedSource(tokens: Token[], k: number): SourcePhrase | null {
  const t = tokens[k];
  if (!t || t.pos !== 'VERB' || !/^[a-z]+s$/.test(t.value) || !endsClause(tokens, k + 1)) return null;
  const v = lower(t);
  const document = DOCUMENT_SOURCE_HEADS.has(v);
  if (!document && !COMMON_SOURCE_NOUNS.has(v)) return null;
  return { start: k, end: k + 1, head: k, named: false, anaphoric: false, anonymous: ANONYMOUS_SOURCE_HEADS.has(v), document, share: false };
}

/** Returns the source phrase right after token `from` up to the end of its clause, or null. */
function phraseAfter(tokens: Token[], starts: Uint8Array, from: number): SourcePhrase | null {
  if (from >= tokens.length) return null;
  const e = phraseEnd(tokens, from, 16);
  // keep "who spoke on condition of anonymity" with the phrase it describes
  if (tokens[e] && lower(tokens[e]!) === 'who') {
    let r = e + 1;
    while (r < tokens.length && r - e <= 14 && tokens[r]!.type !== 'tabCRLF' && !(tokens[r]!.pos === 'PUNCT' && BOUNDARY_PUNCT.has(tokens[r]!.value))) r++;
    const withClause = readSourcePhrase(tokens, from, r, starts[from] === 1);
    if (withClause) return withClause;
  }
  return readSourcePhrase(tokens, from, e, starts[from] === 1);
}

/** True when a character offset falls inside one of the sorted regions. */
export function inRegions(regions: Array<[number, number]>, pos: number): boolean {
  let lo = 0, hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = regions[mid]!;
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

// Words that show the sentence names the poll behind a share ("a Quinnipiac poll found that 63
// percent said", "according to the survey, ..."): the share is then the poll's, which is credited.
const POLL_CREDIT_LEMMAS = new Set(['poll', 'survey', 'study', 'according', 'find', 'show', 'exit', 'census', 'report']);

/**
 * True when the sentence before token `a` credits a poll, survey or study (a share after it is
 * that poll's figure).
 */
function pollCredited(tokens: Token[], starts: Uint8Array, a: number): boolean {
  for (let k = a - 1; k >= 0 && a - k <= 60; k--) {
    if (POLL_CREDIT_LEMMAS.has(tokens[k]!.lemma) || POLL_CREDIT_LEMMAS.has(lower(tokens[k]!))) return true;
    if (starts[k] === 1) break;
  }
  return false;
}

const FRACTION_WORD = /^(?:half|thirds?|quarters?|fifths?|[a-z]+-(?:thirds?|quarters?|fifths?))$/;

/**
 * True when a share phrase is a share of respondents: a percentage, a fraction or "N in M"
 * ("63 percent", "26%", "nearly half", "two in three"), with no verb or relative pronoun inside.
 * A bare number is not ("at one point", "Those over 60 say", "Schiff, 56, told").
 */
function respondentShare(tokens: Token[], p: SourcePhrase): boolean {
  let share = false;
  for (let k = p.start; k < p.end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.lower === 'whom' || t.lower === 'which' || t.lower === 'who') return false;
    if (t.lower === 'percent' || t.value === '%' || FRACTION_WORD.test(t.lower)) share = true;
    if ((t.lower === 'in' && tokens[k - 1]?.pos === 'NUM' && tokens[k + 1]?.pos === 'NUM') || /^[a-z]+-in-[a-z]+$/.test(t.lower)) share = true;
  }
  return share;
}

/**
 * Returns the unnamed sources of verbs of saying and believing in a text, outside quotations.
 * Shares of poll respondents ("63 percent said") are kept only as subjects and when their
 * sentence names no poll or survey: "a Gallup poll found 63 percent said" credits the poll (the
 * eval measured these shares about three in four right as vague attributions; with a poll named
 * in the sentence, PolNeAR credits the poll, not the share).
 */
export function findUnnamedSources(tok: Tokenized, quoteRegions: Array<[number, number]>): SourceRelation[] {
  const { tokens } = tok;
  const starts = sentenceStarts(tok);
  const out: SourceRelation[] = [];
  const keep = (phrase: SourcePhrase | null, a: number, b: number, how: SourceRelation['how']) => {
    if (!phrase || !isUnnamed(phrase)) return;
    if (phrase.share && (how !== 'subject' || !respondentShare(tokens, phrase) || /ing$/.test(tokens[b]!.value) || pollCredited(tokens, starts, a))) return;
    const start = tokens[a]!.start;
    if (inRegions(quoteRegions, start)) return;
    out.push({ start, end: tokens[b]!.end, phrase, how, ...(phrase.share ? { share: true } : {}) });
  };
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (t.lemma === 'accord' && tokens[v + 1] && lower(tokens[v + 1]!) === 'to') {
      const p = bareVerbTaggedSource(tokens, v + 2) ?? phraseAfter(tokens, starts, v + 2);
      if (p && isSourceHead(tokens[p.head]!)) keep(p, v, p.end - 1, 'according-to');
      continue;
    }
    if (!isSourceVerb(tokens, v)) continue;
    const prev = tokens[v - 1];
    // ", said one senior aide" / "” say critics": the phrase after the verb is its subject
    if (prev && INVERTED_SOURCE_LEMMAS.has(t.lemma) && !/ing$/.test(t.value) && (prev.value === ',' || prev.value === '”' || prev.value === '"' || prev.value === "''" || prev.value === "'" || prev.value === '—')) {
      const p = phraseAfter(tokens, starts, v + 1);
      if (p && endsClause(tokens, p.end) && isSourceHead(tokens[p.head]!)) { keep(p, v, p.end - 1, 'inverted'); continue; }
      if (p) continue;
    }
    const subj = subjectOf(tokens, starts, v);
    if (subj && verbFits(tokens, v, subj.phrase, starts)) { keep(subj.phrase, subj.phrase.start, v, 'subject'); continue; }
    const obj = causedSpeaker(tokens, v);
    if (obj) keep(obj, obj.start, v, 'subject');
  }
  return out;
}
