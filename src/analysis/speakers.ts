/**
 * Speaker attribution for quotes: the subject of a speech verb next to the quote ("X said",
 * "said X", "X, a spokesperson for Y, said", "according to X"), pronouns and definite
 * descriptions ("he", "the mission") resolved to the nearest fitting earlier mention, and speaker
 * lines ("Spokesperson X stated:") in their own paragraph. Every scan is bounded by a sentence or
 * a fixed window, so the whole pass stays linear in the text.
 */
import type { SpeakerHow } from '../shared/model.js';
import type { Token, Tokenized } from './nlp.js';
import {
  FEMALE_NAMES, GROUP_PRONOUNS, MALE_NAMES, PERSON_PRONOUNS, PERSON_TITLES, RELATIVE_PRONOUNS, isNameToken, nameKind,
  phraseEndingAt, phraseStartingAt, type NounPhrase,
} from './names.js';

/**
 * Lemmas of verbs that introduce or close reported speech. Collected from the cue words of
 * PolNeAR's attribution annotations and the reporting-verb lists of news style guides.
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'state', 'warn', 'claim', 'note', 'write', 'tweet', 'explain', 'argue',
  'insist', 'ask', 'answer', 'reply', 'respond', 'continue', 'declare', 'announce', 'acknowledge',
  'admit', 'assert', 'contend', 'comment', 'remark', 'recall', 'suggest', 'predict', 'caution',
  'complain', 'concede', 'conclude', 'confirm', 'deny', 'emphasize', 'emphasise', 'stress',
  'maintain', 'observe', 'report', 'testify', 'urge', 'vow', 'promise', 'joke', 'quip', 'describe',
  'call', 'label', 'post', 'shout', 'scream', 'chant', 'yell', 'mention', 'repeat', 'reiterate',
  'counter', 'charge', 'allege', 'blast', 'slam', 'praise', 'criticize', 'criticise', 'attribute',
  'accuse', 'demand', 'pledge', 'boast', 'brag', 'lament', 'proclaim', 'recount', 'wonder',
  'whisper', 'muse', 'interject', 'agree', 'retort', 'characterize', 'refer', 'point', 'read',
  'tout', 'thank', 'mock', 'rip', 'attack', 'question', 'speak', 'chime', 'summarize', 'concur',
  'dismiss', 'defend', 'disagree', 'insinuate', 'implore', 'plead', 'offer',
  'boom', 'snap', 'fire', 'exclaim', 'gush', 'grumble', 'sneer', 'scoff', 'tease', 'rail', 'hit',
  'decry', 'lash', 'fume', 'shoot', 'hail', 'applaud', 'condemn', 'denounce', 'quote', 'cite',
  'recommend', 'advise', 'indicate', 'find', 'show', 'reveal', 'believe', 'think', 'feel', 'hope',
  'fear', 'put', 'dub', 'term', 'brand', 'laud', 'grouse', 'gripe', 'groan', 'ponder', 'muse', 'press',
  'begin', 'start', 'quip', 'rant', 'opine', 'reason', 'surmise', 'posit', 'conclude', 'scold', 'chide',
  'rebuke', 'assure', 'inform', 'warn', 'address', 'sing', 'preach', 'lecture', 'retweet', 'wrote',
]);

/** Surface forms that are speech verbs whatever POS wink gives them. */
const ALWAYS_SPEECH = new Set(['said', 'says', 'told', 'tells', 'added', 'stated', 'wrote', 'tweeted', 'asked', 'explained', 'warned', 'noted']);

/** Adverbs, auxiliaries and particles allowed between a subject and its speech verb. */
const VERB_GAP_POS = new Set(['ADV', 'AUX', 'PART']);

/** Nouns for what was said: "Cheung's statement said" names Cheung, not the statement. */
const UTTERANCE_NOUNS = new Set(['statement', 'comment', 'comments', 'remark', 'remarks', 'tweet', 'post', 'letter', 'message', 'email', 'speech', 'interview', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'campaign']);

export interface Found {
  text: string;
  start: number;
  end: number;
  how: SpeakerHow;
  /** True when the speaker is a person's name (the antecedent for "he"/"she"). */
  person: boolean;
  /** Found only through a weak verb ("believe", "find"): a better source may override it. */
  weak?: boolean;
}

type Gender = 'f' | 'm' | null;
interface Mention { from: number; to: number; gender: Gender; subject: boolean; }

const FEMALE_TITLES = new Set(['mrs.', 'ms.', 'mrs', 'ms', 'madam', 'congresswoman', 'chairwoman', 'spokeswoman', 'queen', 'princess', 'lady', 'dame']);
const MALE_TITLES = new Set(['mr.', 'mr', 'congressman', 'chairman', 'spokesman', 'king', 'prince', 'sir', 'lord']);

/** Shared per-text state: token -> sentence index, quote membership, person-name mentions. */
export class SpeakerContext {
  readonly text: string;
  readonly tokens: Token[];
  readonly sentOf: Int32Array;
  /** 1 for tokens inside a quote (marks included). */
  readonly inQuote: Uint8Array;
  /** Person-name runs outside quotes, in order. */
  readonly persons: Mention[] = [];
  private readonly mentionByFrom = new Map<number, Mention>();

  constructor(readonly tok: Tokenized, quoteSpans: { start: number; end: number }[]) {
    this.text = tok.text;
    const n = tok.tokens.length;
    this.sentOf = new Int32Array(n).fill(-1);
    tok.sentences.forEach((s, i) => { for (let t = s.tokenStart; t < s.tokenEnd; t++) this.sentOf[t] = i; });
    this.tokens = relabelNames(tok.tokens, this.sentOf);
    this.inQuote = new Uint8Array(n);
    let q = 0;
    for (let t = 0; t < n && q < quoteSpans.length; t++) {
      while (q < quoteSpans.length && quoteSpans[q]!.end <= this.tokens[t]!.start) q++;
      const s = quoteSpans[q];
      if (s && this.tokens[t]!.start >= s.start && this.tokens[t]!.end <= s.end) this.inQuote[t] = 1;
    }
    this.collectPersons();
  }

  /** Records person-like name runs: two or more words, after a title, or a known surname. */
  private collectPersons(): void {
    const known = new Map<string, Gender>();
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (this.inQuote[i] || !isNameToken(tokens[i]!)) continue;
      let j = i;
      for (;;) {
        while (j < tokens.length && isNameToken(tokens[j]!) && !this.inQuote[j]) j++;
        // "Lopez-Cantera": a hyphen with no space joins two name words
        const h = tokens[j], r = tokens[j + 1];
        if (h && r && h.value === '-' && h.start === tokens[j - 1]!.end && r.start === h.end && isNameToken(r) && !this.inQuote[j + 1]) { j += 2; continue; }
        break;
      }
      let a = i;
      const titled = PERSON_TITLES.has(tokens[i - 1]?.value.toLowerCase() ?? '');
      // "State Rep. Wendy Nanney", "Former Gov. Mike Huckabee": the name starts after the last title
      for (let x = i; x < j - 1; x++) if (PERSON_TITLES.has(tokens[x]!.value.toLowerCase())) a = x + 1;
      const kind = nameKind(tokens, a, j);
      const last = tokens[j - 1]!.value;
      const surname = known.has(last);
      const firstName = tokens[a]!.value.toLowerCase();
      const knownFirst = j - a >= 2 && (FEMALE_NAMES.has(firstName) || MALE_NAMES.has(firstName));
      // "Twilight Zone", "Affordable Care": two capitalised words are a person only with a known
      // first name, a title, a speech verb ("Stoltenberg said") or a surname seen before
      // "in South Asia", "at Harvard": a name after these prepositions is a place or a body
      const locative = LOCATIVES.has(tokens[i - 1]?.value.toLowerCase() ?? '') && !/^['’]s$/.test(tokens[j]?.value ?? '');
      if (locative) { i = j - 1; continue; }
      const subject = isSubjectAt(this, i, j) || opensSentence(this, i, j);
      const speaks = subject && this.speaksAfter(j);
      // "Secretary of State John Kerry": the office word is not part of the name
      if (j - a > 2 && tokens[a]!.value === 'State') a++;
      if (kind === 'person' && a < j && (knownFirst || titled || a > i || surname || speaks || (subject && j - a >= 2)) && (surname || speaks || !isSentenceInitialWord(this, a, j))) {
        const title = (a > i ? tokens[a - 1] : tokens[i - 1])?.value.toLowerCase() ?? '';
        let gender: Gender = null;
        if (j - a >= 2 && FEMALE_NAMES.has(firstName)) gender = 'f';
        else if (j - a >= 2 && MALE_NAMES.has(firstName)) gender = 'm';
        else if (FEMALE_TITLES.has(title)) gender = 'f';
        else if (MALE_TITLES.has(title)) gender = 'm';
        else if (known.has(last)) gender = known.get(last)!;
        // a lone first name ("Bob said") carries its usual sex
        else if (j - a === 1 && FEMALE_NAMES.has(firstName) !== MALE_NAMES.has(firstName)) gender = FEMALE_NAMES.has(firstName) ? 'f' : 'm';
        const m: Mention = { from: a, to: j, gender, subject: isSubjectAt(this, i, j) };
        this.persons.push(m);
        this.mentionByFrom.set(a, m);
        if (gender || !known.has(last)) known.set(last, gender);
      }
      i = j - 1;
    }
  }

  /**
   * Returns the antecedent for a person pronoun at token `t`, by salience: in the pronoun's own
   * sentence, the leftmost fitting person in subject position before it ("Djokovic told reporters
   * that he …"); else, walking back sentence by sentence, the leftmost fitting subject of the
   * nearest sentence that has one (the main clause's subject, not an embedded "… Putin would");
   * a sentence with only non-subject mentions gives the nearest one as a fallback. "Fitting"
   * means no sex clash. Null when nothing is within the window; looks at a bounded number of
   * mentions.
   */
  personBefore(t: number, gender: Gender): Mention | null {
    let lo = 0, hi = this.persons.length - 1, best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.persons[mid]!.to <= t) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    let any: Mention | null = null;
    let cand: Mention | null = null;
    let candSent = -2;
    for (let k = best, seen = 0; k >= 0 && seen < 30; k--, seen++) {
      const m = this.persons[k]!;
      if (t - m.to > ANTECEDENT_WINDOW) break;
      const s = this.sentOf[m.from]!;
      if (cand && s !== candSent) return cand;
      if (gender && m.gender && m.gender !== gender) continue;
      if (m.subject) { cand = m; candSent = s; }
      else any ??= m;
    }
    return cand ?? any;
  }

  /** Returns the person mentions lying within tokens [a, b), in order. */
  personsIn(a: number, b: number): Mention[] {
    let lo = 0, hi = this.persons.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.persons[mid]!.from < a) lo = mid + 1; else hi = mid;
    }
    const out: Mention[] = [];
    for (let k = lo; k < this.persons.length && this.persons[k]!.to <= b; k++) out.push(this.persons[k]!);
    return out;
  }

  /** Returns the person mention starting at token `from`, if any. */
  mentionAt(from: number): Mention | undefined {
    return this.mentionByFrom.get(from);
  }

  /** True when a speech verb follows token `j` within a few adverbs / an appositive. */
  speaksAfter(j: number): boolean {
    for (let k = j, n = 0; k < this.tokens.length && n < 12; k++, n++) {
      if (this.isSpeechVerb(k)) return true;
      const p = this.tokens[k]!.pos;
      if (p === 'VERB' || this.tokens[k]!.value === '.') return false;
    }
    return false;
  }

  isSpeechVerb(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.inQuote[i]) return false;
    if (ALWAYS_SPEECH.has(t.value.toLowerCase())) return true;
    if (t.pos === 'VERB') return SPEECH_VERBS.has(t.lemma);
    // "Toomey fumed": wink sometimes tags a past-tense speech verb after a name as an adjective
    if ((t.pos === 'ADJ' || t.pos === 'NOUN') && /ed$/.test(t.value)) {
      const p = this.tokens[i - 1];
      if (!p || !(p.pos === 'PROPN' || p.pos === 'PRON' || this.inQuote[i - 1])) return false;
      const v = t.value.toLowerCase();
      return SPEECH_VERBS.has(v.slice(0, -1)) || SPEECH_VERBS.has(v.slice(0, -2)) || SPEECH_VERBS.has(v.replace(/ied$/, 'y'));
    }
    return false;
  }

  found(from: number, to: number, how: SpeakerHow, person: boolean): Found {
    const start = this.tokens[from]!.start, end = this.tokens[to - 1]!.end;
    return { text: this.text.slice(start, end), start, end, how, person };
  }
}

/** Speech-verb forms that follow a speaker's name ("Lynch said", "Skelly called"). */
function isSpeechForm(t: Token | undefined): boolean {
  if (!t) return false;
  const v = t.value.toLowerCase();
  if (ALWAYS_SPEECH.has(v)) return true;
  return (t.pos === 'VERB' || t.pos === 'AUX') && SPEECH_VERBS.has(t.lemma) && v !== t.lemma && !/ing$/.test(v);
}

const WORD_POS = new Set(['VERB', 'NOUN', 'ADJ', 'ADV']);

/**
 * Returns the tokens with surnames wink mistags retagged PROPN. Its lexicon knows "lynch" and
 * "skelly"-like words as verbs or nouns, so "Lynch said" has no name; a capitalised word is a name
 * when a speech verb follows it (a capitalised verb or adjective anywhere, a noun not opening its
 * sentence, since "Officials said" is common), when it directly follows a known first name, or
 * when it follows an inverted "said". Copies only the tokens it changes.
 */
export function relabelNames(tokens: Token[], sentOf: Int32Array): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!WORD_POS.has(t.pos) || !/^\p{Lu}\p{Ll}/u.test(t.value) || t.stop) continue;
    const prev = tokens[i - 1];
    const initial = !prev || sentOf[i - 1] !== sentOf[i] || /^[“"‘'(\-–—:]$/.test(prev.value);
    let name = false;
    if (isSpeechForm(tokens[i + 1])) name = t.pos !== 'NOUN' || (!initial && t.lemma === t.value.toLowerCase());
    else if (prev && prev.pos === 'PROPN' && (MALE_NAMES.has(prev.value.toLowerCase()) || FEMALE_NAMES.has(prev.value.toLowerCase()))) name = true;
    else if (prev && !initial && ALWAYS_SPEECH.has(prev.value.toLowerCase()) && t.pos !== 'ADV') name = true;
    if (!name) continue;
    out ??= tokens.slice();
    out[i] = { ...t, pos: 'PROPN' };
  }
  return out ?? tokens;
}

/** Prepositions of place: the name after them is not a speaker. */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside']);

/**
 * True when the name run [a, b) opens its sentence, or follows an opening adverbial ("Speaking in
 * Harlem, Clinton, without naming him, accused …"), and is not a possessor or a list item.
 */
function opensSentence(ctx: SpeakerContext, a: number, b: number): boolean {
  const n = ctx.tokens[b]?.value.toLowerCase() ?? '';
  if (n === '’s' || n === "'s" || n === 'and' || n === 'of' || n === '’' || n === "'") return false;
  const s = ctx.sentOf[a]!;
  if (s < 0) return false;
  const st = ctx.tok.sentences[s]!.tokenStart;
  if (a === st) return true;
  const p = ctx.tokens[a - 1]!;
  if (p.value !== ',') return false;
  const f = ctx.tokens[st]!;
  if (!(f.pos === 'ADP' || f.pos === 'ADV' || f.pos === 'SCONJ' || (f.pos === 'VERB' && /ing$/.test(f.value)))) return false;
  for (let k = st; k < a - 1; k++) if (ctx.tokens[k]!.value === ',' || ctx.inQuote[k]) return false;
  return true;
}

/** True when the name run [a, b) is a clause subject: followed by a verb, an appositive or "who". */
function isSubjectAt(ctx: SpeakerContext, a: number, b: number): boolean {
  const tokens = ctx.tokens;
  let k = b;
  // "Sen. Claire McCaskill (D-Mo.) said": a party tag in brackets
  if (tokens[k]?.value === '(') {
    let c = k + 1;
    while (c < tokens.length && c - k < 8 && tokens[c]!.value !== ')') c++;
    if (tokens[c]?.value === ')') k = c + 1;
  }
  // "Manriquez of Oakland carried": a short "of Place" after the name
  if (tokens[k]?.value === 'of' && tokens[k + 1] && isNameToken(tokens[k + 1]!)) {
    let c = k + 1;
    while (c < tokens.length && c - k < 4 && isNameToken(tokens[c]!)) c++;
    if (tokens[c]?.pos === 'VERB') return true;
  }
  while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
  const n = tokens[k];
  if (!n) return false;
  if (n.pos === 'VERB' || n.pos === 'AUX') return true;
  if (n.value === ',' && tokens[k + 1] && (tokens[k + 1]!.pos === 'DET' || RELATIVE_PRONOUNS.has(tokens[k + 1]!.value.toLowerCase()) || tokens[k + 1]!.pos === 'NUM')) return true;
  if (n.value === '’s' || n.value === "'s") return false;
  // "…,” said Cheung": the speaker of an inverted attribution right after a quote
  const p = tokens[a - 1];
  return Boolean(p && ctx.isSpeechVerb(a - 1) && (ctx.inQuote[a - 2] || (tokens[a - 2]?.value === ',' && ctx.inQuote[a - 3])));
}

/** A one-word capitalised headline word is not a name ("Image", "Strike"): needs two words. */
function isSentenceInitialWord(ctx: SpeakerContext, a: number, j: number): boolean {
  if (j - a > 1) return false;
  const s = ctx.sentOf[a];
  return s !== undefined && s >= 0 && ctx.tok.sentences[s]!.tokenStart === a;
}

/** Returns the speaker a noun phrase stands for: its name, its possessor, or the whole phrase. */
function fromPhrase(ctx: SpeakerContext, np: NounPhrase, how: SpeakerHow, before: number): Found | null {
  const tokens = ctx.tokens;
  const headTok = tokens[np.head]!;
  if (np.name) return ctx.found(np.name.from, np.name.to, how, true);
  // "Cheung's statement", "the Trump campaign's spokesman": the possessor speaks
  if (UTTERANCE_NOUNS.has(headTok.lemma) || UTTERANCE_NOUNS.has(headTok.value.toLowerCase())) {
    for (let i = np.head - 1; i > np.from; i--) {
      const v = tokens[i]!.value;
      if ((v === '’s' || v === "'s") && isNameToken(tokens[i - 1]!)) {
        let a = i - 1;
        while (a - 1 >= np.from && isNameToken(tokens[a - 1]!)) a--;
        if (nameKind(tokens, a, i) === 'person' && headTok.lemma !== 'campaign') return ctx.found(a, i, how, true);
        break;
      }
    }
  }
  const first = tokens[np.from]!.value.toLowerCase();
  let hasName = false;
  for (let i = np.from; i < np.to; i++) if (isNameToken(tokens[i]!)) hasName = true;
  if (!hasName && (first === 'the' || first === 'this' || first === 'that')) {
    const ante = resolveDescription(ctx, np, before);
    if (ante) return ante;
  }
  if (np.to - np.from === 1 && headTok.pos === 'NOUN' && !/^[A-Z]/.test(headTok.value)) {
    // a bare common noun ("officials said") is a vague source, still a speaker as given
    return ctx.found(np.from, np.to, how, false);
  }
  return ctx.found(np.from, np.to, how, false);
}

/** How far back (tokens) a description or pronoun looks for its antecedent. */
const ANTECEDENT_WINDOW = 600;

/**
 * Returns the nearest earlier phrase with the same head that names someone ("the mission" ->
 * "Iran’s mission to the United Nations"; "the spokesperson" -> "A spokesperson for the National
 * Security Council"), or null.
 */
function resolveDescription(ctx: SpeakerContext, np: NounPhrase, before: number): Found | null {
  const tokens = ctx.tokens;
  const lemma = tokens[np.head]!.lemma;
  const stop = Math.max(0, before - ANTECEDENT_WINDOW);
  for (let i = np.from - 1; i >= stop; i--) {
    const t = tokens[i]!;
    if (t.lemma !== lemma || ctx.inQuote[i]) continue;
    const s = ctx.sentOf[i]!;
    if (s < 0) continue;
    const sent = ctx.tok.sentences[s]!;
    if (t.pos === 'PROPN') {
      // "President Obama" for "the president"
      let a = i, b = i + 1;
      while (b < sent.tokenEnd && isNameToken(tokens[b]!)) b++;
      while (a - 1 >= sent.tokenStart && isNameToken(tokens[a - 1]!)) a--;
      if (b - a >= 2) {
        let x = a;
        while (x < b - 1 && PERSON_TITLES.has(tokens[x]!.value.toLowerCase())) x++;
        return ctx.found(x, b, 'coreference', true);
      }
      continue;
    }
    const left = phraseEndingAt(tokens, i + 1, sent.tokenStart);
    if (!left) continue;
    const whole = phraseStartingAt(tokens, left.from, sent.tokenEnd) ?? left;
    const firstWord = tokens[whole.from]!.value.toLowerCase();
    let hasName = false;
    for (let x = whole.from; x < whole.to; x++) if (isNameToken(tokens[x]!)) hasName = true;
    if (hasName || firstWord === 'a' || firstWord === 'an') {
      if (whole.name) return ctx.found(whole.name.from, whole.name.to, 'coreference', true);
      return ctx.found(whole.from, whole.to, 'coreference', false);
    }
  }
  return null;
}

/** True when a found speaker does not clash in sex with the pronoun. */
function fitsFound(ctx: SpeakerContext, f: Found, gender: Gender): boolean {
  if (!gender) return true;
  const from = tokenAt(ctx, f.start);
  const m = from < 0 ? undefined : ctx.mentionAt(from);
  return !m || !m.gender || m.gender === gender;
}

/** Returns the index of the token starting at character `start`, or -1 (binary search). */
function tokenAt(ctx: SpeakerContext, start: number): number {
  let lo = 0, hi = ctx.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.tokens[mid]!.start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** Returns the antecedent of a pronoun at token `p`: the last person mention, else `fallback`. */
function resolvePronoun(ctx: SpeakerContext, p: number, fallback: Found | null): Found | null {
  const v = ctx.tokens[p]!.value.toLowerCase();
  if (PERSON_PRONOUNS.has(v)) {
    const gender: Gender = v === 'she' ? 'f' : v === 'he' ? 'm' : null;
    const m = ctx.personBefore(p, gender);
    // the previous quote's speaker, when it is a person of a fitting sex
    const fb = fallback && fallback.person && fitsFound(ctx, fallback, gender) ? fallback : null;
    if (m && p - m.to <= ANTECEDENT_WINDOW) {
      if (fb && fb.start >= ctx.tokens[m.from]!.start) return { ...fb, how: 'coreference' };
      return ctx.found(m.from, m.to, 'coreference', true);
    }
    return fb ? { ...fb, how: 'coreference' } : null;
  }
  if (GROUP_PRONOUNS.has(v) && fallback) return { ...fallback, how: 'coreference' };
  return null;
}

/** Returns the index of the first token left of `i` that is not an adverb or auxiliary. */
function skipGapLeft(ctx: SpeakerContext, i: number, limit: number): number {
  const tokens = ctx.tokens;
  let k = i - 1;
  let steps = 0;
  for (;;) {
    while (k >= limit && steps < 4 && !ctx.inQuote[k]
      && (VERB_GAP_POS.has(tokens[k]!.pos) || REFLEXIVES.has(tokens[k]!.value.toLowerCase()))) { k--; steps++; }
    // "Hunter, meanwhile, told": an adverb set off by commas
    if (k - 2 >= limit && tokens[k]!.value === ',' && tokens[k - 1]!.pos === 'ADV' && tokens[k - 2]!.value === ',' && !ctx.inQuote[k - 2]) {
      k -= 3; steps++;
      continue;
    }
    return k;
  }
}

/** "Cruz himself said": a reflexive between subject and verb. */
const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves']);

/** Quantifier words that stand as a vague subject on their own ("Yet another said"). */
const VAGUE_SUBJECTS = new Set(['another', 'others', 'some', 'many', 'most', 'several', 'one', 'few', 'both', 'all']);

/**
 * Returns the subject of the speech verb at token `v`, looking left within [limit, v) and,
 * for inverted order ("…,” said Cheung), right within (v, rightLimit); or null.
 */
export function subjectOf(ctx: SpeakerContext, v: number, limit: number, rightLimit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  let k = skipGapLeft(ctx, v, limit);
  // "Sen. Chuck Schumer (D-N.Y.) said": step over a bracketed party tag
  if (tokens[k]?.value === ')' && !ctx.inQuote[k]) {
    let o = k - 1;
    while (o >= limit && k - o < 8 && tokens[o]!.value !== '(') o--;
    if (o >= limit && tokens[o]!.value === '(') k = o - 1;
  }
  const lt = tokens[k];
  if (k >= limit && lt && !ctx.inQuote[k]) {
    const lv = lt.value.toLowerCase();
    if (lt.pos === 'PRON' && (PERSON_PRONOUNS.has(lv) || GROUP_PRONOUNS.has(lv))) return resolvePronoun(ctx, k, last);
    if (RELATIVE_PRONOUNS.has(lv) && k - 1 >= limit && tokens[k - 1]!.value === ',') {
      const np = phraseEndingAt(tokens, k - 1, limit);
      if (np) return fromPhrase(ctx, np, 'same-sentence', k);
    }
    if (lt.value === ',') {
      const appo = appositiveSubject(ctx, k, limit);
      if (appo) return appo;
      // "…, saying …": a participle takes the subject of the clause it hangs on
      if (/ing$/.test(tokens[v]!.value)) return clauseSubject(ctx, k, limit, last);
    } else if (VAGUE_SUBJECTS.has(lv) && (lt.pos === 'DET' || lt.pos === 'PRON' || lt.pos === 'NUM' || lt.pos === 'ADJ')) {
      return ctx.found(k, k + 1, 'same-sentence', false);
    } else {
      const np = phraseEndingAt(tokens, k + 1, limit);
      if (np) return fromPhrase(ctx, np, 'same-sentence', k);
    }
  }
  // inverted: "…,” said Cheung" / "…,” says the report"
  const prev = tokens[v - 1];
  const afterQuote = ctx.inQuote[v - 1] || (prev && /^[,:]$/.test(prev.value) && ctx.inQuote[v - 2]);
  if (prev && afterQuote) {
    let r = v + 1;
    if (r < rightLimit && tokens[r]!.pos === 'PRON') {
      const pv = tokens[r]!.value.toLowerCase();
      if (PERSON_PRONOUNS.has(pv) || GROUP_PRONOUNS.has(pv)) return resolvePronoun(ctx, r, last);
    }
    while (r < rightLimit && tokens[r]!.pos === 'ADV') r++;
    const np = phraseStartingAt(tokens, r, rightLimit);
    if (np) return fromPhrase(ctx, np, 'same-sentence', r);
  }
  return null;
}

/**
 * Returns the subject of the clause ending before token `end` (the comma before a participle:
 * "Trump took a risk, telling the crowd"): the first person in subject position within
 * [limit, end), else a pronoun or noun phrase opening the clause and followed by its verb.
 */
export function clauseSubject(ctx: SpeakerContext, end: number, limit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  const ms = ctx.personsIn(limit, end);
  for (const m of ms) if (m.subject) return ctx.found(m.from, m.to, 'same-sentence', true);
  // skip an opening adverbial: "On Monday, the committee released …"
  let a = limit;
  while (a < end && ctx.inQuote[a]) a++;
  if (tokens[a] && (tokens[a]!.pos === 'ADP' || tokens[a]!.pos === 'ADV' || tokens[a]!.pos === 'SCONJ')) {
    let c = a;
    while (c < end && tokens[c]!.value !== ',') c++;
    if (c < end) a = c + 1;
  }
  while (a < end && tokens[a]!.pos === 'CCONJ') a++;
  const t = tokens[a];
  if (!t) return null;
  const v = t.value.toLowerCase();
  if (t.pos === 'PRON' && (PERSON_PRONOUNS.has(v) || GROUP_PRONOUNS.has(v))) return resolvePronoun(ctx, a, last);
  const np = phraseStartingAt(tokens, a, end);
  if (!np) return null;
  let k = np.to;
  if (tokens[k]?.value === ',') {
    // "Fiorina, the former CEO, said …": skip a short appositive
    let c = k + 1;
    while (c < end && c - k < 20 && tokens[c]!.value !== ',') c++;
    if (c < end) k = c + 1;
  }
  while (k < end && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k++;
  if (k < end && tokens[k]!.pos === 'VERB') return fromPhrase(ctx, np, 'same-sentence', a);
  return null;
}

/**
 * Returns the speaker of a verb that opens its clause and precedes its subject, right before the
 * quote: "Said Comey, “…”", "Continued Stone: “…”", "explained moderator Nancy Cordes: “…”".
 */
export function invertedBefore(ctx: SpeakerContext, v: number, quoteStart: number, limit: number): Found | null {
  const tokens = ctx.tokens;
  const p = tokens[v - 1];
  if (v > limit && p && !(p.value === ',' || p.value === ':' || p.value === '\n') && p.type !== 'tabCRLF') return null;
  let e = quoteStart;
  if (tokens[e - 1] && /^[,:]$/.test(tokens[e - 1]!.value)) e--;
  const np = phraseStartingAt(tokens, v + 1, e);
  if (!np || np.to !== e && !(tokens[np.to]?.value === ',')) return null;
  return fromPhrase(ctx, np, 'same-sentence', v + 1);
}

/** "Steven Cheung, a spokesperson for the Trump campaign, said": the name before the appositive. */
function appositiveSubject(ctx: SpeakerContext, comma: number, limit: number): Found | null {
  const tokens = ctx.tokens;
  // find the previous comma within a short window
  let c = comma - 1;
  const stop = Math.max(limit, comma - 25);
  while (c >= stop && tokens[c]!.value !== ',' && !ctx.inQuote[c]) c--;
  if (c < stop || tokens[c]!.value !== ',') return null;
  const np = phraseEndingAt(tokens, c, limit);
  if (!np || np.to !== c) return null;
  const mid = tokens[c + 1]!.value.toLowerCase();
  // the middle is an appositive ("a spokesperson ...", "the ...") or a relative clause ("who ...")
  const between = phraseStartingAt(tokens, c + 1, comma);
  // or any short stretch with no verb ("R-Ky.", "Sanders’ campaign manager")
  let verbless = comma - c <= 12;
  for (let x = c + 1; x < comma && verbless; x++) if (tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX' || ctx.inQuote[x]) verbless = false;
  if (!(RELATIVE_PRONOUNS.has(mid) || (between && between.to === comma) || tokens[c + 1]!.pos === 'DET' || tokens[c + 1]!.pos === 'NUM' || verbless)) return null;
  return fromPhrase(ctx, np, 'same-sentence', c);
}

/** Nouns of "in X's view": the possessor holds the view. */
const VIEW_NOUNS = new Set(['view', 'words', 'opinion', 'telling', 'account', 'estimation', 'judgment', 'assessment']);

/** Returns the speaker named by "according to X" starting at token `i`, or null. */
export function accordingTo(ctx: SpeakerContext, i: number, rightLimit: number, last: Found | null): Found | null {
  const t = ctx.tokens[i]!, n = ctx.tokens[i + 1];
  if (t.value.toLowerCase() === 'in' && n && isNameToken(n)) {
    // "in Bolton’s view", "in Trump's words"
    let j = i + 1;
    while (j < rightLimit && isNameToken(ctx.tokens[j]!)) j++;
    const poss = ctx.tokens[j], noun = ctx.tokens[j + 1];
    if (poss && noun && (poss.value === '’s' || poss.value === "'s") && VIEW_NOUNS.has(noun.value.toLowerCase())) return ctx.found(i + 1, j, 'same-sentence', true);
    return null;
  }
  if (t.value.toLowerCase() !== 'according' || !n || n.value.toLowerCase() !== 'to') return null;
  const r = i + 2;
  if (r < rightLimit && ctx.tokens[r]!.pos === 'PRON') return resolvePronoun(ctx, r, last);
  const np = phraseStartingAt(ctx.tokens, r, rightLimit);
  return np ? fromPhrase(ctx, np, 'same-sentence', r) : null;
}
