/**
 * Speaker attribution for quotes: the subject of a speech verb next to the quote ("X said",
 * "said X", "X, a spokesperson for Y, said", "according to X"), pronouns and definite
 * descriptions ("he", "the mission") resolved to the nearest fitting earlier mention, and speaker
 * lines ("Spokesperson X stated:") in their own paragraph. Every scan is bounded by a sentence or
 * a fixed window, so the whole pass stays linear in the text.
 */
import type { SpeakerHow } from '../shared/model.js';
import type { SentenceSpan, Token, Tokenized } from './nlp.js';
import { clauseSentences } from './clause-sentences.js';
import { AGENT_NOUN, MentionTracker, type Gender, type MentionSource } from './mentions.js';
import { Coreference } from './coreference.js';
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
  'echo', 'elaborate', 'confess', 'remind', 'affirm', 'reaffirm', 'disclose', 'speculate', 'apologize', 'reflect',
  'marvel', 'rave', 'react', 'riff', 'needle', 'blame', 'credit', 'welcome', 'correct', 'highlight', 'mutter', 'bellow',
  'retaliate', 'bark', 'growl', 'hiss', 'cry', 'sigh', 'laugh', 'smile', 'shrug', 'talk',
  'protest', 'anticipate', 'command',
]);

/** Prepositions before a participle that hangs on the clause before it ("upon saying"). */
const PARTICIPLE_PREPOSITIONS = new Set(['upon', 'after', 'before', 'by', 'for', 'while', 'when', 'in', 'without']);

/** Past forms of irregular speech verbs ("shot back"). */
const IRREGULAR_PAST: Record<string, string> = { shot: 'shoot', hit: 'hit', spoke: 'speak', wrote: 'write', told: 'tell', said: 'say', read: 'read', put: 'put' };

/** Surface forms that are speech verbs whatever POS wink gives them. */
const ALWAYS_SPEECH = new Set(['said', 'says', 'told', 'tells', 'added', 'stated', 'wrote', 'tweeted', 'asked', 'explained', 'warned', 'noted']);

/** Adverbs, auxiliaries and particles allowed between a subject and its speech verb. */
const VERB_GAP_POS = new Set(['ADV', 'AUX', 'PART']);

/** Nouns for what was said: "Cheung's statement said" names Cheung, not the statement. */
const UTTERANCE_NOUNS = new Set(['statement', 'comment', 'comments', 'remark', 'remarks', 'tweet', 'post', 'letter', 'message', 'email', 'speech', 'interview', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'campaign']);

/** Recordings that show a person speaking ("footage of Trump saying"). */
const RECORDING_NOUNS = new Set(['footage', 'video', 'clip', 'recording', 'audio', 'tape']);

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

/** Shared per-text state: token -> sentence index, quote membership, mentions and coreference. */
export class SpeakerContext implements MentionSource {
  readonly text: string;
  readonly tokens: Token[];
  /** Sentences with clause-internal splits joined (clause-sentences.ts). */
  readonly sentences: SentenceSpan[];
  readonly sentOf: Int32Array;
  /** 1 for tokens inside a quote (marks included). */
  readonly inQuote: Uint8Array;
  /** People, bodies and groups named outside quotes (mentions.ts). */
  readonly mentions: MentionTracker;
  /** Pronouns and descriptions resolved to those entities (coreference.ts). */
  readonly coref: Coreference;

  constructor(readonly tok: Tokenized, quoteSpans: { start: number; end: number }[]) {
    this.text = tok.text;
    const n = tok.tokens.length;
    this.sentOf = new Int32Array(n).fill(-1);
    this.sentences = clauseSentences(tok);
    this.sentences.forEach((s, i) => { for (let t = s.tokenStart; t < s.tokenEnd; t++) this.sentOf[t] = i; });
    this.tokens = relabelNames(tok.tokens, this.sentOf);
    this.inQuote = new Uint8Array(n);
    let q = 0;
    for (let t = 0; t < n && q < quoteSpans.length; t++) {
      while (q < quoteSpans.length && quoteSpans[q]!.end <= this.tokens[t]!.start) q++;
      const s = quoteSpans[q];
      if (s && this.tokens[t]!.start >= s.start && this.tokens[t]!.end <= s.end) this.inQuote[t] = 1;
    }
    this.speechVerb = new Uint8Array(n);
    this.mentions = new MentionTracker(this);
    this.coref = new Coreference(this, this.mentions);
  }

  /** True when the entity of the mention starting at `from` is a person. */
  isPersonAt(from: number): boolean {
    const m = this.mentions.mentionAt(from);
    return m !== undefined && this.mentions.entities[m.entity]!.kind === 'person';
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

  /**
   * True when token `i` is a speech verb. Asked many times of the same tokens (every mention
   * scans its clause for one), so each token's answer is kept: 0 unknown, 1 no, 2 yes.
   */
  isSpeechVerb(i: number): boolean {
    const known = this.speechVerb[i];
    if (known !== undefined && known !== 0) return known === 2;
    const yes = this.testSpeechVerb(i);
    if (known !== undefined) this.speechVerb[i] = yes ? 2 : 1;
    return yes;
  }
  private speechVerb: Uint8Array = new Uint8Array(0);

  private testSpeechVerb(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.inQuote[i]) return false;
    if (ALWAYS_SPEECH.has(t.lower)) return true;
    // "“…,” she went on.": "go on" with nothing after it continues speaking
    if (t.lemma === 'go' && this.tokens[i + 1]?.lower === 'on' && /^[,.:;]$/.test(this.tokens[i + 2]?.value ?? '') && !this.inQuote[i + 2]) return true;
    // ("made the following comment:": a "verb" after a determiner and a noun is a noun)
    if (t.pos === 'VERB') return SPEECH_VERBS.has(t.lemma) && !(t.lower === t.lemma && !(t.lower in IRREGULAR_PAST) && this.endsNounPhrase(i));
    // "Toomey fumed": wink sometimes tags a past-tense speech verb after a name as an adjective
    if ((t.pos === 'ADJ' || t.pos === 'NOUN') && t.value.endsWith('ed')) {
      const p = this.tokens[i - 1];
      // ("The complaint alleged that …", "The suit, filed Monday, alleged that …": after a common
      // noun or a comma, when "that" opens what was said)
      const nounThat = (p?.pos === 'NOUN' || p?.value === ',') && this.tokens[i + 1]?.lower === 'that';
      if (!p || !(p.pos === 'PROPN' || p.pos === 'PRON' || this.inQuote[i - 1] || nounThat)) return false;
      const v = t.lower;
      return SPEECH_VERBS.has(v.slice(0, -1)) || SPEECH_VERBS.has(v.slice(0, -2)) || SPEECH_VERBS.has(v.replace(/ied$/, 'y'));
    }
    // "Ruiz shot back", "Ode fired back": a past-tense verb before "back", tagged as a noun
    if ((t.pos === 'NOUN' || t.pos === 'ADJ') && this.tokens[i + 1]?.lower === 'back') {
      const p = this.tokens[i - 1];
      const v = t.lower;
      const base = IRREGULAR_PAST[v] ?? v.replace(/d$/, '').replace(/e$/, '');
      if (p && (p.pos === 'PROPN' || p.pos === 'PRON') && (SPEECH_VERBS.has(base) || SPEECH_VERBS.has(base + 'e') || SPEECH_VERBS.has(v.replace(/ed$/, '')))) return true;
    }
    // "rallied supporters by warning darkly that …": a gerund after a preposition, tagged as a
    // noun, when what follows is a "that" clause, an adverb or the quote
    // (also a participle right after a comma, tagged as a noun or an adjective: "…, promising
    // that …", "…, warning “…”")
    const prev = this.tokens[i - 1]?.lower ?? '';
    if ((t.pos === 'NOUN' || (t.pos === 'ADJ' && prev === ',')) && t.value.endsWith('ing') && /^\p{Ll}+ing$/u.test(t.value) && (PARTICIPLE_PREPOSITIONS.has(prev) || (prev === ',' && !this.inQuote[i - 1]))) {
      const stem = t.value.slice(0, -3);
      const n = this.tokens[i + 1];
      const base = SPEECH_VERBS.has(stem) || SPEECH_VERBS.has(stem + 'e') || (/(.)\1$/.test(stem) && SPEECH_VERBS.has(stem.slice(0, -1)));
      return base && n !== undefined && (n.lower === 'that' || n.pos === 'ADV' || n.value === ',' || this.inQuote[i + 1] === 1);
    }
    // "Ben Ode, a consultant, notes that …": a present-tense speech verb tagged as a plural noun,
    // told apart by a subject before it and "that", a colon or a quote after it
    if (t.pos === 'NOUN' && t.value.endsWith('s') && /^\p{Ll}+s$/u.test(t.value)) {
      const v = t.value;
      if (!(SPEECH_VERBS.has(v.slice(0, -1)) || SPEECH_VERBS.has(v.slice(0, -2)))) return false;
      const p = this.tokens[i - 1], n = this.tokens[i + 1], pp = this.tokens[i - 2];
      // ("The ad claims “…”", "“…,” the report states."): also after a noun of a noun phrase
      const nounSubject = p !== undefined && p.pos === 'NOUN' && /^\p{Ll}/u.test(p.value) && pp !== undefined && (pp.pos === 'DET' || pp.pos === 'ADJ' || pp.pos === 'NOUN');
      const subject = p !== undefined && (p.pos === 'PROPN' || p.value === ',' || (p.pos === 'PRON' && /^(?:he|she|it)$/i.test(p.value)) || nounSubject);
      if (!subject || n === undefined) return false;
      if (n.lower === 'that' || n.value === ':' || /^[“"]$/.test(n.value)) return true;
      // closing an attribution right after a quote: "“…,” a voice-over in the ad states."
      if (!/^[.,]$/.test(n.value)) return false;
      for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
        if (this.inQuote[k]) return true;
        const pos = this.tokens[k]!.pos;
        if (pos === 'VERB' || pos === 'AUX' || this.tokens[k]!.value === '.') return false;
      }
      return false;
    }
    return false;
  }

  /**
   * True when the base-form word at `i` closes a noun phrase opened by a determiner or possessive
   * and takes no object ("the following comment:", "his state-of-the-state address for"): a noun,
   * not a verb.
   */
  private endsNounPhrase(i: number): boolean {
    let k = i - 1, words = 0;
    while (k >= 0 && i - k <= 10 && !this.inQuote[k]) {
      const t = this.tokens[k]!;
      const glued = t.value === '-' && this.tokens[k - 1]?.end === t.start;
      if (t.pos === 'NOUN' || t.pos === 'ADJ' || glued || (this.tokens[k + 1]?.value === '-' && this.tokens[k + 1]!.start === t.end)) { k--; words++; continue; }
      break;
    }
    const d = this.tokens[k];
    // (and no object or clause after it: "would any rational person believe Ruiz …" is a verb)
    const n = this.tokens[i + 1];
    const bare = n === undefined || ((n.pos === 'PUNCT' || n.pos === 'ADP' || n.pos === 'SCONJ') && n.lower !== 'that');
    return bare && words > 0 && d !== undefined && (d.pos === 'DET' || /^(?:his|her|their|its|my|our|your)$/i.test(d.value));
  }

  found(from: number, to: number, how: SpeakerHow, person: boolean): Found {
    // "said Anne-Marie Duval": a name run that a phrase scan began after a hyphen keeps the given
    // name glued before it (the tokenizer splits "Anne-Marie" into three tokens)
    const tk = this.tokens;
    while (from >= 2 && tk[from - 1]!.value === '-' && tk[from - 1]!.start === tk[from - 2]!.end && tk[from]!.start === tk[from - 1]!.end
      && isNameToken(tk[from - 2]!) && isNameToken(tk[from]!) && !this.inQuote[from - 2]) from -= 2;
    const start = this.tokens[from]!.start, end = this.tokens[to - 1]!.end;
    return { text: this.text.slice(start, end), start, end, how, person };
  }
}

/** Speech-verb forms that follow a speaker's name ("Lynch said", "Skelly called"). */
function isSpeechForm(t: Token | undefined): boolean {
  if (!t) return false;
  const v = t.lower;
  if (ALWAYS_SPEECH.has(v)) return true;
  return (t.pos === 'VERB' || t.pos === 'AUX') && SPEECH_VERBS.has(t.lemma) && v !== t.lemma && !/ing$/.test(v);
}

const WORD_POS = new Set(['VERB', 'NOUN', 'ADJ', 'ADV']);

/** True when a speech-verb form comes within a few tokens from `i`, before a full stop. */
function speechSoon(tokens: Token[], i: number): boolean {
  for (let k = i; k < tokens.length && k - i < 10; k++) {
    if (tokens[k]!.value === '.') return false;
    if (isSpeechForm(tokens[k])) return true;
  }
  return false;
}

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
    // cheap gate: only capitalised words of a few tags can be mistagged names
    const c = t.value.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !(c > 127 && /^\p{Lu}/u.test(t.value))) continue;
    if (t.pos !== 'AUX' && !WORD_POS.has(t.pos)) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(t.value)) continue;
    const prev = tokens[i - 1];
    const initial = !prev || sentOf[i - 1] !== sentOf[i] || /^[“"‘'(\-–—:]$/.test(prev.value);
    // "said Will Doyle", "May Ode said": a capitalised modal inside a sentence before a name;
    // "“…,” Will wrote", "which Will claims": a modal takes a bare verb, never an inflected one
    if (t.pos === 'AUX') {
      const n = tokens[i + 1];
      const inflected = n !== undefined && n.pos === 'VERB' && n.lower !== n.lemma && !/ing$/.test(n.value);
      if ((!initial && n?.pos === 'PROPN') || (MODALS.has(lv0(t)) && inflected)) {
        out ??= tokens.slice();
        out[i] = { ...t, pos: 'PROPN' };
      }
      continue;
    }
    if (t.stop) continue;
    let name = false;
    // "press secretary Josh Earnest": a known first name before a name, whatever wink tagged it
    const lv = t.lower;
    const nextName = tokens[i + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[i + 1]!.value);
    if ((MALE_NAMES.has(lv) || FEMALE_NAMES.has(lv)) && nextName) name = true;
    // "press secretary Josh Earnest": a capitalised word between a role noun and a name
    else if (nextName && !initial && prev!.pos === 'NOUN' && /^\p{Ll}/u.test(prev!.value)) name = true;
    else
    if (isSpeechForm(tokens[i + 1])) name = t.pos !== 'NOUN' || (!initial && t.lemma === t.lower);
    // "“…,” Blunt, after a long pause, said": a capitalised word right after a closing mark
    else if (prev && /^[”"]$/.test(prev.value) && tokens[i + 1]?.value === ',' && speechSoon(tokens, i + 2)) name = true;
    // "said Khin Zaw Win, an activist": a capitalised word closing a name before a comma
    else if (prev && !initial && prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.value) && tokens[i + 1]?.value === ',' && t.pos !== 'ADV') name = true;
    // "Salem Watch president Tom Ode said": a capitalised word inside a sentence that goes on a
    // name run and comes before a role noun or another name continues that name
    // ("said Judicial Watch President Tom Ode": after a capitalised adjective, before a title)
    else if (prev && !initial && (prev.pos === 'PROPN' || prev.pos === 'ADJ') && /^\p{Lu}/u.test(prev.value) && t.pos !== 'ADV' && (nextName || (tokens[i + 1]?.pos === 'NOUN' && tokens[i + 2]?.pos === 'PROPN'))) name = true;
    else if (prev && prev.pos === 'PROPN' && (MALE_NAMES.has(prev.lower) || FEMALE_NAMES.has(prev.lower))) name = true;
    else if (prev && !initial && ALWAYS_SPEECH.has(prev.lower) && t.pos !== 'ADV') name = true;
    // "Ruiz said to People", "told to Reuters": a capitalised word after "said to" is a name
    else if (prev && !initial && prev.lower === 'to' && ALWAYS_SPEECH.has(tokens[i - 2]?.lower ?? '') && t.pos !== 'ADV') name = true;
    // "Jolly, who was elected …": "who" takes a person, so the word before it is a name
    else if (t.pos !== 'ADV' && tokens[i + 1]?.value === ',' && tokens[i + 2]?.lower === 'who') name = true;
    if (!name) continue;
    out ??= tokens.slice();
    out[i] = { ...t, pos: 'PROPN' };
  }
  return out ?? tokens;
}

/** Capitalised modals that are also given names or surnames ("Will", "May", "Can"). */
const MODALS = new Set(['will', 'may', 'can', 'might', 'shall']);
const lv0 = (t: Token) => t.lower;

/** A pronoun fused with a verb ("I’m", "We’re", "It’s"): capitalised in title case, never a name. */
const PRONOUN_CONTRACTION = /^(?:I|We|You|They|He|She|It)[’'](?:m|re|s|ve|ll|d)$/;

/** Returns the speaker a noun phrase stands for: its name, its possessor, or the whole phrase. */
export function fromPhrase(ctx: SpeakerContext, np: NounPhrase, how: SpeakerHow, before: number): Found | null {
  const tokens = ctx.tokens;
  const headTok = tokens[np.head]!;
  // "Secretary of State John Kerry", "Speaker of the House Rep. Paul Ryan": a title heads the
  // phrase, the person named at its end speaks
  if (!np.name || PERSON_TITLES.has(tokens[np.name.from]!.lower) || np.name.to - np.name.from === 1 && isTitleWord(tokens[np.name.from]!)) {
    const ms = ctx.mentions.mentionsIn(np.from, np.to);
    const lastM = ms[ms.length - 1];
    if (lastM && lastM.to === np.to && ctx.mentions.entities[lastM.entity]!.kind === 'person' && (isTitleWord(headTok) || np.name)) {
      return ctx.found(lastM.from, lastM.to, how, true);
    }
  }
  // ("I’m Tired Of Men Telling Us …": a title-case headline; a pronoun's contraction names nobody)
  if (np.name) for (let x = np.name.from; x < np.name.to; x++) if (PRONOUN_CONTRACTION.test(tokens[x]!.value)) return null;
  if (np.name) return ctx.found(np.name.from, np.name.to, how, true);
  // "began an ad campaign this week praising …": a time phrase is never who speaks
  // (but not "the 46-year-old")
  const timeHead = np.head === np.to - 1 && tokens[np.head - 1]?.value !== '-';
  if (timeHead && (TIME_HEADS.has(headTok.lemma) || TIME_WORDS.test(headTok.value))) return null;
  // "footage of Trump saying", "a video of Ruiz telling": the person shown speaks
  if (RECORDING_NOUNS.has(headTok.lemma) && tokens[np.head + 1]?.lower === 'of') {
    const m = ctx.mentions.mentionsIn(np.head + 2, np.to).find((x) => x.from === np.head + 2);
    if (m && m.to === np.to && ctx.mentions.entities[m.entity]!.kind === 'person') return ctx.found(m.from, m.to, how, true);
  }
  // "Cheung's statement", "the Trump campaign's spokesman": the possessor speaks
  if (UTTERANCE_NOUNS.has(headTok.lemma) || UTTERANCE_NOUNS.has(headTok.lower)) {
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
  const first = tokens[np.from]!.lower;
  let hasName = false;
  for (let i = np.from; i < np.to; i++) if (isNameToken(tokens[i]!)) hasName = true;
  // "The ad claims …", "the statement said": a document speaks as itself, not as the person an
  // earlier "Ruiz ad" was named after
  const document = DOCUMENT_NOUNS.has(headTok.lemma) && np.head === np.to - 1;
  if (!hasName && !document && (first === 'the' || first === 'this' || first === 'that')) {
    // "the senator": the person the article gave that role (coreference.ts)
    const m = ctx.coref.nameFor(np.from);
    if (m) return ctx.found(m.from, m.to, 'coreference', true);
    const ante = resolveDescription(ctx, np, before);
    if (ante) return ante;
  }
  if (np.to - np.from === 1 && headTok.pos === 'NOUN' && !/^[A-Z]/.test(headTok.value)) {
    // a bare common noun ("officials said") is a vague source, still a speaker as given
    return ctx.found(np.from, np.to, how, false);
  }
  return ctx.found(np.from, np.to, how, false);
}

/** True for a capitalised title that can head a phrase before a name ("Secretary", "Speaker", "Gov."). */
function isTitleWord(t: Token): boolean {
  const v = t.lower;
  return /^\p{Lu}/u.test(t.value) && (PERSON_TITLES.has(v) || v === 'secretary' || v === 'speaker' || v === 'leader' || v === 'chief');
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
    const sent = ctx.sentences[s]!;
    if (t.pos === 'PROPN') {
      // "President Obama" for "the president"
      let a = i, b = i + 1;
      while (b < sent.tokenEnd && isNameToken(tokens[b]!)) b++;
      while (a - 1 >= sent.tokenStart && isNameToken(tokens[a - 1]!)) a--;
      if (b - a >= 2) {
        let x = a;
        while (x < b - 1 && PERSON_TITLES.has(tokens[x]!.lower)) x++;
        return ctx.found(x, b, 'coreference', true);
      }
      continue;
    }
    const left = phraseEndingAt(tokens, i + 1, sent.tokenStart);
    if (!left) continue;
    const whole = phraseStartingAt(tokens, left.from, sent.tokenEnd) ?? left;
    const firstWord = tokens[whole.from]!.lower;
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
  const m = from < 0 ? undefined : ctx.mentions.mentionAt(from);
  const g = m ? ctx.mentions.entities[m.entity]!.gender : null;
  return !g || g === gender;
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

/**
 * Returns the antecedent of a pronoun at token `p` as coreference.ts resolved it (its entity's
 * last name mention before the pronoun); when it stayed open, the previous quote's speaker
 * (`fallback`) if that fits; else null. "I" outside a quote is the writer: no speaker.
 */
function resolvePronoun(ctx: SpeakerContext, p: number, fallback: Found | null): Found | null {
  const v = ctx.tokens[p]!.lower;
  const m = ctx.coref.nameFor(p);
  if (m) return ctx.found(m.from, m.to, 'coreference', ctx.mentions.entities[m.entity]!.kind === 'person');
  if (v === 'he' || v === 'she') {
    const gender: Gender = v === 'she' ? 'f' : 'm';
    const fb = fallback && fallback.person && fitsFound(ctx, fallback, gender) ? fallback : null;
    return fb ? { ...fb, how: 'coreference' } : null;
  }
  // "it" stands for a body or a document ("“…,” it reads"), never for the person quoted before
  if (GROUP_PRONOUNS.has(v) && fallback && (v !== 'it' || !fallback.person)) return { ...fallback, how: 'coreference' };
  return null;
}

/** Forms of "be" that make a following past participle passive. */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', '’s', "'s", '’re', "'re"]);

/** True when the auxiliaries [a, v) include a form of "be" and the verb at `v` is a past participle. */
function isPassive(ctx: SpeakerContext, a: number, v: number): boolean {
  const t = ctx.tokens[v]!;
  if (t.lower === t.lemma || /ing$/.test(t.value)) return false;
  for (let x = a; x < v; x++) if (ctx.tokens[x]!.pos === 'AUX' && BE_FORMS.has(ctx.tokens[x]!.lower)) return true;
  return false;
}

/** Returns the index of the first token left of `i` that is not an adverb or auxiliary. */
function skipGapLeft(ctx: SpeakerContext, i: number, limit: number): number {
  const tokens = ctx.tokens;
  let k = i - 1;
  let steps = 0;
  for (;;) {
    while (k >= limit && steps < 4 && !ctx.inQuote[k]
      && (VERB_GAP_POS.has(tokens[k]!.pos) || REFLEXIVES.has(tokens[k]!.lower) || TIME_WORDS.test(tokens[k]!.value))) { k--; steps++; }
    // "who Beck on Wednesday called": a weekday after "on" between a subject and its verb
    if (k >= limit && /^(?:on|last|this|next)$/i.test(tokens[k]!.value) && TIME_WORDS.test(tokens[k + 1]?.value ?? '') && k + 1 < i && !ctx.inQuote[k] && steps < 4) {
      k--; steps++;
      continue;
    }
    // "Hunter, meanwhile, told": an adverb set off by commas
    if (k - 2 >= limit && tokens[k]!.value === ',' && tokens[k - 1]!.pos === 'ADV' && tokens[k - 2]!.value === ',' && !ctx.inQuote[k - 2]) {
      k -= 3; steps++;
      continue;
    }
    return k;
  }
}

/** "Priebus later Thursday told": time words between a subject and its verb. */
/** Head nouns of time phrases ("this week", "last month"). */
const TIME_HEADS = new Set(['week', 'month', 'year', 'day', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'hour', 'minute', 'decade', 'time']);
const TIME_WORDS = /^(?:today|yesterday|tonight|earlier|later|then|now|again|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** "Cruz himself said": a reflexive between subject and verb. */
const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves']);

/** Plural and collective heads for people that the agent-noun endings miss ("officials", "Democrats"). */
const PEOPLE_HEADS = new Set(['official', 'people', 'member', 'leader', 'democrat', 'republican', 'staff', 'staffer', 'aide', 'crowd', 'public', 'family', 'parent', 'child', 'student', 'expert', 'critic', 'ally', 'colleague', 'lawmaker']);

/** True when a noun phrase head names people: a name, an agent noun ("senator", "voters") or a people noun. */
function isPeopleHead(t: Token): boolean {
  if (isNameToken(t)) return true;
  const l = t.lemma.toLowerCase();
  return t.pos === 'NOUN' && (AGENT_NOUN.test(l) || PEOPLE_HEADS.has(l));
}

/**
 * Returns the agent of a passive speech verb at `v` ("was asked by Tom Bragg whether", "was told
 * by her lawyer that"): the phrase right after "by", a person's name in it or after it as an
 * apposition; or null.
 */
function passiveAgent(ctx: SpeakerContext, v: number, rightLimit: number): Found | null {
  const tokens = ctx.tokens;
  const by = v + 1;
  if (by >= rightLimit || ctx.inQuote[by] || tokens[by]!.value.toLowerCase() !== 'by') return null;
  const np = phraseStartingAt(tokens, by + 1, rightLimit);
  if (!np || ctx.inQuote[np.from]) return null;
  const later = personRightAfter(ctx, np, rightLimit) ?? appositiveName(ctx, np, rightLimit);
  if (later) return ctx.found(later.from, later.to, 'same-sentence', true);
  return fromPhrase(ctx, np, 'same-sentence', by + 1);
}

/** Quantifiers that can float after the subject they quantify ("Ruiz and Ode both said"). */
const FLOATING = new Set(['both', 'all', 'each']);

/**
 * Returns the person before ", who …" when a relative clause runs up to the verb without its
 * closing comma, ending in the phrase at `from`; or null.
 */
function openRelativeSubject(ctx: SpeakerContext, from: number, limit: number): Found | null {
  const tokens = ctx.tokens;
  for (let x = from - 1; x >= limit && from - x <= 15; x--) {
    const t = tokens[x]!;
    if (ctx.inQuote[x] || t.value === '.') return null;
    if (t.value !== ',') continue;
    if (!/^(?:who|whom|whose)$/i.test(tokens[x + 1]?.value ?? '')) return null;
    const m = ctx.mentions.mentionsIn(Math.max(limit, x - 8), x).pop();
    if (!m || m.to !== x || ctx.mentions.entities[m.entity]!.kind !== 'person') return null;
    return ctx.found(m.from, m.to, 'same-sentence', true);
  }
  return null;
}

/**
 * Returns the person of "Stacy Ode of Salem, South Dakota says" when the phrase `np` before the
 * verb is the state part of a "City, State" complement after "of"/"from"/"in" and a person's
 * name, or null.
 */
function personBeforePlace(ctx: SpeakerContext, np: NounPhrase, limit: number): Found | null {
  const tokens = ctx.tokens;
  if (!np.name || np.name.from !== np.from || tokens[np.from - 1]?.value !== ',') return null;
  let c = np.from - 2;
  while (c >= limit && np.from - c < 6 && isNameToken(tokens[c]!)) c--;
  if (c === np.from - 2 || c < limit || !/^(?:of|from|in)$/.test(tokens[c]!.value)) return null;
  const m = ctx.mentions.mentionsIn(Math.max(limit, c - 8), c).pop();
  if (!m || m.to !== c || ctx.mentions.entities[m.entity]!.kind !== 'person') return null;
  return ctx.found(m.from, m.to, 'same-sentence', true);
}

/** Documents that carry someone's words ("a statement saying", "an email stating"). */
const DOCUMENT_NOUNS = new Set(['statement', 'letter', 'email', 'e-mail', 'memo', 'release', 'ad', 'advertisement', 'tweet', 'post', 'note', 'message', 'report', 'video', 'op-ed', 'column', 'press']);

/**
 * Returns the subject of the verb whose object is the document phrase `np` ("Black Lives Matter
 * issued a statement saying …", "Her campaign blasted out an email stating …"), or null.
 */
function documentIssuer(ctx: SpeakerContext, np: NounPhrase, limit: number): Found | null {
  const tokens = ctx.tokens;
  if (!DOCUMENT_NOUNS.has(tokens[np.head]!.lemma)) return null;
  let v = np.from - 1;
  if (tokens[v]?.pos === 'ADP' || tokens[v]?.value === 'out') v--;
  if (v < limit || tokens[v]!.pos !== 'VERB') return null;
  const k = skipGapLeft(ctx, v, limit);
  const lt = tokens[k];
  if (k < limit || !lt || ctx.inQuote[k]) return null;
  if (lt.pos === 'PRON' && (PERSON_PRONOUNS.has(lt.lower) || GROUP_PRONOUNS.has(lt.lower))) return resolvePronoun(ctx, k, null);
  const subj = phraseEndingAt(tokens, k + 1, limit);
  return subj ? fromPhrase(ctx, subj, 'same-sentence', k) : null;
}

/** Prepositions of a phrase that can stand between a subject and its verb ("Ruiz in a statement said"). */
const PP_BEFORE_VERB = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'with']);

/** Aspect and raising verbs whose subject is the speaker of the verb after "to" ("went on to say", "seemed to indicate"). */
const ASPECT_VERBS = new Set(['go', 'continue', 'proceed', 'seem', 'appear', 'begin', 'start', 'happen', 'tend', 'hasten', 'rush', 'decline', 'refuse']);

/** Quantifier words that stand as a vague subject on their own ("Yet another said"). */
const VAGUE_SUBJECTS = new Set(['another', 'others', 'some', 'many', 'most', 'several', 'one', 'few', 'both', 'all']);

/**
 * Returns the subject of the speech verb at token `v`, looking left within [limit, v) and,
 * for inverted order ("…,” said Cheung), right within (v, rightLimit); or null.
 */
export function subjectOf(ctx: SpeakerContext, v: number, limit: number, rightLimit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  // "seeking a leader to counter …": an infinitive of purpose has no subject of its own
  const before = tokens[v - 1], before2 = tokens[v - 2];
  if (before && before.lower === 'to' && before.pos === 'PART' && before2 && (before2.pos === 'NOUN' || before2.pos === 'PROPN')) return null;
  // "Ruiz went on to say", "the email continued to say": the subject of the verb before "to"
  if (before && before.lower === 'to' && v - 2 > limit) {
    const hv = before2?.lower === 'on' ? v - 3 : v - 2;
    const h = tokens[hv];
    if (h && h.pos === 'VERB' && ASPECT_VERBS.has(h.lemma) && hv > limit && !/ing$/.test(h.value) && h.lower !== h.lemma) return subjectOf(ctx, hv, limit, rightLimit, last);
    // "Trump was quick to add", "Ruiz is careful to note": the subject of "be" before the adjective
    const be = tokens[v - 3];
    if (before2?.pos === 'ADJ' && be && be.pos === 'AUX' && BE_FORMS.has(be.lower) && v - 3 > limit) return subjectOf(ctx, v - 3, limit, rightLimit, last);
  }
  let k = skipGapLeft(ctx, v, limit);
  // "… is described as", "was told": a passive speech verb's subject is not the speaker; its
  // agent is ("Ruiz was asked by the moderator, Tom Bragg, whether …")
  if (isPassive(ctx, k + 1, v)) return passiveAgent(ctx, v, rightLimit);
  // "Sen. Chuck Schumer (D-N.Y.) said": step over a bracketed party tag
  if (tokens[k]?.value === ')' && !ctx.inQuote[k]) {
    let o = k - 1;
    while (o >= limit && k - o < 8 && tokens[o]!.value !== '(') o--;
    if (o >= limit && tokens[o]!.value === '(') k = o - 1;
  }
  const lt = tokens[k];
  if (k >= limit && lt && !ctx.inQuote[k]) {
    const lv = lt.lower;
    if (lt.pos === 'PRON' && (PERSON_PRONOUNS.has(lv) || GROUP_PRONOUNS.has(lv))) return resolvePronoun(ctx, k, last);
    // "She greeted supporters and told them …": the subject of the first conjunct
    if (lt.pos === 'CCONJ' && (lv === 'and' || lv === 'but') && k > limit) return conjunctSubject(ctx, k, limit, last) ?? clauseSubject(ctx, k, limit, last);
    if (RELATIVE_PRONOUNS.has(lv) && k - 1 >= limit && tokens[k - 1]!.value === ',') {
      // ("the mouth of Donald Trump, who proclaimed": "who" takes the person the phrase ends in)
      const ms = lv === 'who' ? ctx.mentions.mentionsIn(Math.max(limit, k - 10), k - 1) : [];
      const pm = ms[ms.length - 1];
      if (pm && pm.to === k - 1 && ctx.mentions.entities[pm.entity]!.kind === 'person') return ctx.found(pm.from, pm.to, 'same-sentence', true);
      const np = phraseEndingAt(tokens, k - 1, limit);
      // ("Democrats across the state, who said", "the chair of the board, who said": "who" skips
      // a nameless non-person after a preposition to the people the phrase before it names)
      const pp = np ? tokens[np.from - 1] : undefined;
      if (np && lv === 'who' && !np.name && !isPeopleHead(tokens[np.head]!) && pp?.pos === 'ADP' && np.from - 1 > limit && !ctx.inQuote[np.from - 2]) {
        const host = phraseEndingAt(tokens, np.from - 1, limit);
        if (host && (host.name || isPeopleHead(tokens[host.head]!))) return fromPhrase(ctx, host, 'same-sentence', np.from - 1);
      }
      if (np) return fromPhrase(ctx, np, 'same-sentence', k);
    }
    // "Trump released a video that said, “…”": a document speaks for who released it
    if (RELATIVE_PRONOUNS.has(lv) && k - 1 >= limit && tokens[k - 1]!.pos === 'NOUN') {
      const np = phraseEndingAt(tokens, k, limit);
      const issuer = np && np.to === k ? documentIssuer(ctx, np, limit) : null;
      if (issuer) return issuer;
    }
    // "Ruiz drew boos upon saying …", "… for saying": a participle after a preposition, too
    if (lt.pos === 'ADP' && PARTICIPLE_PREPOSITIONS.has(lv) && /ing$/.test(tokens[v]!.value) && k > limit) return participleHost(ctx, k, limit, last) ?? clauseSubject(ctx, k, limit, last);
    if (DASH_SET.test(lt.value) && !/ing$/.test(tokens[v]!.value)) {
      const f = dashedSubject(ctx, k, limit);
      if (f) return f;
    }
    if (lt.value === ',') {
      // "…, saying …": a participle takes the subject of the clause it hangs on
      if (/ing$/.test(tokens[v]!.value)) return participleHost(ctx, k, limit, last) ?? clauseSubject(ctx, k, limit, last);
      const appo = appositiveSubject(ctx, k, limit);
      if (appo) return appo;
    } else if (VAGUE_SUBJECTS.has(lv) && (lt.pos === 'DET' || lt.pos === 'PRON' || lt.pos === 'NUM' || lt.pos === 'ADJ')) {
      // "Bolton and Gorka both denounced": a floating quantifier after the subject
      const np = FLOATING.has(lv) ? phraseEndingAt(tokens, k, limit) : null;
      if (np) return fromPhrase(ctx, np, 'same-sentence', k);
      return ctx.found(k, k + 1, 'same-sentence', false);
    } else {
      const np = phraseEndingAt(tokens, k + 1, limit);
      if (np) {
        // "Ruiz issued a statement saying …": the statement's issuer speaks
        const issuer = /ing$/.test(tokens[v]!.value) ? documentIssuer(ctx, np, limit) : null;
        if (issuer) return issuer;
        // "yelling at people on their way into the polls saying …": a participle after the
        // nameless object of a preposition hangs on the clause, not on that object
        // (not after a verb's particle: "held up a sign saying" is the sign's)
        if (/ing$/.test(tokens[v]!.value) && !np.name && tokens[np.from - 1]?.pos === 'ADP' && tokens[np.from - 2]?.pos !== 'VERB' && np.from - 1 > limit && !RECORDING_NOUNS.has(tokens[np.head]!.lemma)) {
          return participleHost(ctx, np.from - 1, limit, last) ?? clauseSubject(ctx, np.from - 1, limit, last);
        }
        // "Katie Packer, who is chairman of Our Principles PAC said": a relative clause left open
        const open = openRelativeSubject(ctx, np.from, limit);
        if (open) return open;
        // "Stacy Ode of Salem, Oregon says": the person before a "City, State" complement
        const placed = personBeforePlace(ctx, np, limit);
        if (placed) return placed;
        // "Deans is supporting Ruiz and in a statement credited her": a phrase after a
        // preposition is no subject; the subject comes before it
        const pp = tokens[np.from - 1];
        if (!np.name && pp && pp.pos === 'ADP' && PP_BEFORE_VERB.has(pp.lower) && np.from - 2 >= limit && !ctx.inQuote[np.from - 2]) {
          const b = np.from - 2, bt = tokens[b]!;
          if (bt.pos === 'CCONJ' && b > limit) return conjunctSubject(ctx, b, limit, last) ?? clauseSubject(ctx, b, limit, last);
          if (bt.pos === 'PRON' && (PERSON_PRONOUNS.has(bt.lower) || GROUP_PRONOUNS.has(bt.lower))) return resolvePronoun(ctx, b, last);
          const subj = phraseEndingAt(tokens, b + 1, limit);
          if (subj) return fromPhrase(ctx, subj, 'same-sentence', b);
        }
        return fromPhrase(ctx, np, 'same-sentence', k);
      }
    }
  }
  // inverted: "…,” said Cheung" / "…,” says the report"
  const prev = tokens[v - 1];
  // ("the “sharing economy” reflects an improvement": a quote with no closing punctuation of its
  // own is a noun phrase of the sentence, not speech the verb after it reports)
  const closed = ctx.inQuote[v - 1] && (tokens[v - 2]?.pos === 'PUNCT' || /^[,.?!…—–'’-]+$/.test(tokens[v - 2]?.value ?? ''));
  const afterQuote = closed || (prev && /^[,:]$/.test(prev.value) && ctx.inQuote[v - 2]);
  // (a participle is no inverted attribution: "“…,” telling Fox 35 that" is the clause subject's)
  if (prev && afterQuote && !/ing$/.test(tokens[v]!.value)) {
    let r = v + 1;
    if (r < rightLimit && tokens[r]!.pos === 'PRON') {
      const pv = tokens[r]!.lower;
      if (PERSON_PRONOUNS.has(pv) || GROUP_PRONOUNS.has(pv)) return resolvePronoun(ctx, r, last);
    }
    while (r < rightLimit && tokens[r]!.pos === 'ADV') r++;
    const np = phraseStartingAt(tokens, r, rightLimit);
    if (np) {
      const later = personRightAfter(ctx, np, rightLimit) ?? appositiveName(ctx, np, rightLimit);
      if (later) return ctx.found(later.from, later.to, 'same-sentence', true);
      return fromPhrase(ctx, np, 'same-sentence', r);
    }
  }
  return null;
}

/**
 * Returns the person named right after a phrase that broke off before its head ("said Los
 * Angeles-based attorney Edgar Martirosyan", "said former Pennsylvania Gov. and party chairman Ed
 * Rendell"): the first person mention within a few words, with only modifiers, titles and "and"
 * between, when the phrase itself names no person. Null otherwise ("a spokesman for Ana Ruiz"
 * stays the spokesman).
 */
function personRightAfter(ctx: SpeakerContext, np: NounPhrase, rightLimit: number): { from: number; to: number } | null {
  const tokens = ctx.tokens;
  // "Salem-based lawyer Ben Ode": a name glued to a hyphen is a modifier
  const glued = tokens[np.to]?.value === '-' && tokens[np.to]!.start === tokens[np.to - 1]!.end;
  // ("former Salem Gov. and party chairman Ed Rendell": a name run ending in a title is no name)
  if (np.name && !isTitleWord(tokens[np.name.from]!) && !isTitleWord(tokens[np.name.to - 1]!) && !glued) return null;
  for (let x = np.from; x < np.to; x++) if (tokens[x]!.pos === 'ADP') return null;
  const k = ctx.mentions.firstFrom(np.to);
  const m = ctx.mentions.mentions[k];
  if (!m || m.from - np.to > 8 || m.to > rightLimit || ctx.mentions.entities[m.entity]!.kind !== 'person') return null;
  for (let x = np.to; x < m.from; x++) {
    const t = tokens[x]!;
    const glued = tokens[x - 1]?.value === '-' && tokens[x - 1]!.end === t.start;
    const modifier = t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.value === '-' || t.lower === 'and' || glued;
    if (!modifier || ctx.inQuote[x]) return null;
  }
  return m;
}

/**
 * Returns the subject of the first of two joined verb phrases ("Bush thought for a moment and
 * said", "the League strongly denounced the remarks and said"): the subject opening the stretch
 * since the last comma before the "and".
 */
function conjunctSubject(ctx: SpeakerContext, and: number, limit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  let a = and - 1;
  while (a > limit && tokens[a - 1]!.value !== ',' && !ctx.inQuote[a - 1]) a--;
  while (a < and && (tokens[a]!.pos === 'CCONJ' || tokens[a]!.pos === 'PUNCT')) a++;
  const t = tokens[a];
  if (!t || a >= and) return null;
  const v = t.lower;
  if (t.pos === 'PRON' && (PERSON_PRONOUNS.has(v) || GROUP_PRONOUNS.has(v))) return resolvePronoun(ctx, a, last);
  let np = phraseStartingAt(tokens, a, and);
  if (!np) return null;
  // "the civil rights group the Fairness League denounced … and said": a role, then the name it
  // is given with no comma between; the name speaks
  const t2 = tokens[np.to];
  if (t2 && (t2.pos === 'DET' || isNameToken(t2)) && !np.name) {
    const named = phraseStartingAt(tokens, np.to, and);
    if (named && (named.name || isNameToken(tokens[named.head]!))) np = named;
  }
  let k = np.to;
  while (k < and && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k++;
  return k < and && tokens[k]!.pos === 'VERB' ? fromPhrase(ctx, np, 'same-sentence', np.from) : null;
}

/**
 * Returns the subject of the speech verb a participle after the comma at `comma` hangs on: "…
 * next week, Spicer said, adding, “…”", "a strategist said Ruiz must choose, saying …" (the
 * reporting verb, not the verb of what it reports). Null when the clause has no finite speech verb
 * with a subject.
 */
function participleHost(ctx: SpeakerContext, comma: number, limit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  // ("Alongside Ode's calls for a vote, a strategist said …, saying": not a verb or noun of an
  // opening adverbial phrase; the clause starts after it)
  const from = afterOpeningAdverbials(ctx, limit, comma);
  for (let i = from; i < comma; i++) {
    if (ctx.inQuote[i] || !ctx.isSpeechVerb(i) || /ing$/.test(tokens[i]!.value)) continue;
    if (tokens[i]!.lower === tokens[i]!.lemma && tokens[i]!.pos !== 'NOUN') continue;
    const f = subjectOf(ctx, i, limit, comma, last);
    if (f) return f;
  }
  return null;
}

/**
 * Returns the first token of the clause in [limit, end) after up to three opening adverbials set
 * off by commas ("On Monday, …", "In June, after Ruiz fell ill, …").
 */
function afterOpeningAdverbials(ctx: SpeakerContext, limit: number, end: number): number {
  const tokens = ctx.tokens;
  let a = limit;
  while (a < end && ctx.inQuote[a]) a++;
  // ("SALEM, July 25 (UPI) — The council released …": a dateline before a dash opens no clause)
  if (/^[A-Z][A-Z.’'-]+$/.test(tokens[a]?.value ?? '')) {
    for (let d = a + 1; d < end && d - a <= 12; d++) {
      if (tokens[d]!.pos === 'VERB' || tokens[d]!.pos === 'AUX') break;
      if (/^(?:—|–|--)$/.test(tokens[d]!.value)) { a = d + 1; break; }
    }
  }
  for (let n = 0; n < 3 && tokens[a] && (tokens[a]!.pos === 'ADP' || tokens[a]!.pos === 'ADV' || tokens[a]!.pos === 'SCONJ'); n++) {
    let c = a;
    while (c < end && tokens[c]!.value !== ',') c++;
    if (c >= end) break;
    a = c + 1;
  }
  return a;
}

/**
 * Returns the subject of the clause ending before token `end` (the comma before a participle:
 * "Trump took a risk, telling the crowd"): the first person in subject position within
 * [limit, end), else a pronoun or noun phrase opening the clause and followed by its verb.
 */
export function clauseSubject(ctx: SpeakerContext, end: number, limit: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  // skip opening adverbials: "On Monday, the committee released …", "In June, after Ruiz fell
  // ill, Ode wrote to her, telling her …" (a subject inside them is not the clause's)
  let a = afterOpeningAdverbials(ctx, limit, end);
  // (not the subject of a reported clause: "Cole repeated claims that Ruiz recites …, calling him")
  for (const m of ctx.mentions.mentionsIn(a, end)) {
    if (m.subject && !m.embedded && ctx.mentions.entities[m.entity]!.kind === 'person') return ctx.found(m.from, m.to, 'same-sentence', true);
  }
  while (a < end && tokens[a]!.pos === 'CCONJ') a++;
  // "Ruiz shot back in a statement, saying …": a person's name opening the clause is its subject
  // even when the tagger misses the verb after it ("shot" as a noun); not a possessor ("Ruiz's
  // plan …") or one of two names ("Ruiz and Ode")
  const opener = ctx.mentions.mentionsIn(a, end)[0];
  if (opener && opener.from === a && ctx.mentions.entities[opener.entity]!.kind === 'person') {
    const after = tokens[opener.to];
    if (after && /^\p{Ll}/u.test(after.value) && after.pos !== 'PART' && after.pos !== 'CCONJ' && after.pos !== 'ADP') return ctx.found(opener.from, opener.to, 'same-sentence', true);
  }
  const t = tokens[a];
  if (!t) return null;
  const v = t.lower;
  if (t.pos === 'PRON' && (PERSON_PRONOUNS.has(v) || GROUP_PRONOUNS.has(v))) return resolvePronoun(ctx, a, last);
  const np = phraseStartingAt(tokens, a, end);
  if (!np) return null;
  let k = np.to;
  if (tokens[k]?.value === ',') {
    // "Fiorina, the former CEO, said …": skip a short appositive
    let c = k + 1;
    while (c < end && c - k < 20 && tokens[c]!.value !== ',') c++;
    if (c < end) k = c + 1;
  } else if (tokens[k]?.pos === 'ADP' && !ctx.inQuote[k]) {
    // "One operative inside the tower tried …": a prepositional phrase after the subject
    const pp = phraseStartingAt(tokens, k + 1, end);
    if (pp) k = pp.to;
  }
  while (k < end && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k++;
  if (k < end && tokens[k]!.pos === 'VERB') {
    const main = fromPhrase(ctx, np, 'same-sentence', a);
    // "The first clash came at the rally, when hecklers interrupted her, shouting …": a main
    // subject that names no one (an event, a thing) cannot shout; the participle hangs on the
    // clause right before it, when that clause has a subject of its own
    if (main && !main.person && !np.name) return trailingClauseSubject(ctx, k + 1, end, last) ?? main;
    return main;
  }
  return null;
}

/** Words that open a trailing clause with its own subject (", when X …", "in which X …"). */
const TRAILING_OPENERS = new Set(['when', 'while', 'as', 'where', 'which']);

/**
 * Returns the subject of the last trailing clause in [from, end) (", when hecklers interrupted
 * her", "in which children smash a toy"): its noun phrase or pronoun followed by a verb; or null.
 */
function trailingClauseSubject(ctx: SpeakerContext, from: number, end: number, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  for (let o = end - 2; o >= from; o--) {
    const v = tokens[o]!.lower;
    if (ctx.inQuote[o] || !TRAILING_OPENERS.has(v)) continue;
    const before = tokens[o - 1]?.lower ?? '';
    if (v === 'which' ? !(before === 'in' || before === 'during') : before !== ',') continue;
    const t = tokens[o + 1];
    if (!t) return null;
    if (t.pos === 'PRON' && (PERSON_PRONOUNS.has(t.lower) || GROUP_PRONOUNS.has(t.lower))) return resolvePronoun(ctx, o + 1, last);
    const np = phraseStartingAt(tokens, o + 1, end);
    if (!np) return null;
    let k = np.to;
    while (k < end && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k++;
    return k < end && tokens[k]!.pos === 'VERB' ? fromPhrase(ctx, np, 'same-sentence', o + 1) : null;
  }
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
  const named = appositiveName(ctx, np, quoteStart);
  if (named) return ctx.found(named.from, named.to, 'same-sentence', true);
  return fromPhrase(ctx, np, 'same-sentence', v + 1);
}

/**
 * Returns the person named in an apposition right after a role phrase that names no one ("said
 * the city's engineer, Ana Ruiz, on Monday"): a person mention between the comma and the next
 * comma or the end; or null.
 */
function appositiveName(ctx: SpeakerContext, np: NounPhrase, rightLimit: number): { from: number; to: number } | null {
  const tokens = ctx.tokens;
  if (np.name || tokens[np.to]?.value !== ',') return null;
  const m = ctx.mentions.mentions[ctx.mentions.firstFrom(np.to + 1)];
  if (!m || m.from !== np.to + 1 || m.to > rightLimit || ctx.mentions.entities[m.entity]!.kind !== 'person') return null;
  const after = tokens[m.to];
  return !after || m.to === rightLimit || /^[,.;]$/.test(after.value) ? m : null;
}

/**
 * Returns the subject before one to three comma-set interrupters ending at `comma`: an apposition
 * ("Steven Cheung, a spokesperson for the Trump campaign, said"), an age ("Ben Ode, 45, said"), a
 * relative clause ("Ruiz, who …, said"), a prepositional or participial phrase ("Clinton, at a
 * later press gaggle, said", "Fiorina, speaking to Iowans, said", "Cruz, when asked …,
 * responded"); a bracketed party tag before the comma is stepped over.
 */
/** Conjunctions that open a clause whose subject comes next ("As Bragg, …, put it", "when Ode, …, said"). */
const CLAUSE_OPENERS = new Set(['as', 'when', 'while', 'because', 'if', 'though', 'although', 'once']);

/** How many tokens one comma-set interrupter may hold ("Ben Ode, a strategist who ran … and now runs …, said"). */
const APPOSITION_REACH = 40;

function appositiveSubject(ctx: SpeakerContext, comma: number, limit: number): Found | null {
  const tokens = ctx.tokens;
  let end = comma;
  for (let hops = 0; hops < 5; hops++) {
    let c = end - 1;
    const stop = Math.max(limit, end - APPOSITION_REACH);
    while (c >= stop && tokens[c]!.value !== ',' && !ctx.inQuote[c]) c--;
    if (c < stop || tokens[c]!.value !== ',' || !isInterrupter(ctx, c + 1, end)) return null;
    // "…, assistant secretary for population, refugees, and migration, said": a list goes on
    const lw = tokens[c + 1]!.lower;
    if (lw === 'and' || lw === 'or') {
      let d = c - 1;
      while (d >= stop && tokens[d]!.value !== ',' && !ctx.inQuote[d]) d--;
      if (d >= stop && tokens[d]!.value === ',') { end = d; continue; }
    }
    // "Tuesday in Berea, after winning Ohio, Gov. John Kasich (R-OH), said": a stray comma after
    // the subject; the interrupter is the person and what comes before it names no one
    if (hops === 0) {
      const named = personSpanning(ctx, c + 1, end);
      // "Ana Ruiz’s chief of staff, Ben Ode, told": a role phrase, then the name of who holds it
      const role = tokens[c - 1]!.pos === 'NOUN' && /^\p{Ll}/u.test(tokens[c - 1]!.value);
      if (named && (role || ctx.mentions.mentionsIn(limit, c).every((m) => ctx.mentions.entities[m.entity]!.kind !== 'person'))) {
        return ctx.found(named.from, named.to, 'same-sentence', true);
      }
    }
    let e = c;
    if (tokens[e - 1]?.value === ')') {
      let o = e - 2;
      while (o >= limit && e - o < 10 && tokens[o]!.value !== '(') o--;
      if (o >= limit && tokens[o]!.value === '(') e = o;
    }
    const np = phraseEndingAt(tokens, e, limit);
    // "Clinton, 35, the daughter of …, said": an age is no subject; look one comma further
    let numeric = Boolean(np);
    if (np) for (let x = np.from; x < np.to; x++) if (tokens[x]!.pos !== 'NUM') numeric = false;
    // "Harry Bond, 30, of Raleigh, N.C., who …, said": a place or a phrase after "of" is no subject
    const bareName = np !== null && isNameToken(tokens[np.from]!);
    // ("Salem, Ore.", "Raleigh, N.C.": a state abbreviation after a comma)
    const stateAbbr = np !== null && np.to - np.from === 1 && tokens[np.from - 1]?.value === ',' && /^(?:[A-Z]\.){2,}$|^[A-Z][a-z]{1,4}\.$/.test(tokens[np.from]!.value);
    // (but "As Tom Bragg, the No. 3 in the party, put it": a clause opener's subject is a subject)
    const opener = CLAUSE_OPENERS.has(tokens[np ? np.from - 1 : 0]?.lower ?? '');
    const placeLike = np !== null && bareName && ((tokens[np.from - 1]?.pos === 'ADP' && !opener) || nameKind(tokens, np.from, np.to) === 'place' || stateAbbr || /^(?:[A-Z]\.){2,}$/.test(tokens[np.to - 1]!.value));
    // "Ruiz, during a town hall meeting in Salem, Ore., said": a phrase inside a prepositional
    // phrase is no subject either
    const inPrep = np !== null && (tokens[np.from - 1]?.pos === 'ADP' || tokens[np.from - 1]?.pos === 'SCONJ') && !opener;
    if (np && np.to === e && !numeric && !placeLike && !inPrep) return fromPhrase(ctx, np, 'same-sentence', c);
    end = c;
  }
  return null;
}

/** Dashes that set off an aside ("X -- a senator -- said"). */
const DASH_SET = /^(?:—|–|--)$/;

/**
 * Returns the subject before an aside set off by dashes that closes at `dash` ("A former
 * candidate -- Tom Ode, who lost in 2008 -- said"): the person the aside opens with when the
 * phrase before it is a role naming no one, else that phrase.
 */
function dashedSubject(ctx: SpeakerContext, dash: number, limit: number): Found | null {
  const tokens = ctx.tokens;
  let d = dash - 1;
  while (d > limit && dash - d < APPOSITION_REACH && !DASH_SET.test(tokens[d]!.value) && !ctx.inQuote[d]) d--;
  if (d <= limit || !DASH_SET.test(tokens[d]!.value)) return null;
  const np = phraseEndingAt(tokens, d, limit);
  if (!np || np.to !== d) return null;
  if (!np.name) {
    const m = ctx.mentions.mentionsIn(d + 1, dash)[0];
    if (m && m.from === d + 1 && ctx.mentions.entities[m.entity]!.kind === 'person') return ctx.found(m.from, m.to, 'same-sentence', true);
  }
  return fromPhrase(ctx, np, 'same-sentence', d);
}

/**
 * Returns the person mention that makes up tokens [a, b) (a title or role before it and a bracketed
 * party tag after it allowed: "Gov. John Kasich (R-OH)"), or null.
 */
function personSpanning(ctx: SpeakerContext, a: number, b: number): { from: number; to: number } | null {
  const ms = ctx.mentions.mentionsIn(a, b);
  if (ms.length !== 1) return null;
  const m = ms[0]!;
  if (ctx.mentions.entities[m.entity]!.kind !== 'person') return null;
  for (let x = a; x < m.from; x++) if (!PERSON_TITLES.has(ctx.tokens[x]!.lower)) return null;
  let e = m.to;
  if (ctx.tokens[e]?.value === '(') {
    while (e < b && ctx.tokens[e]!.value !== ')') e++;
    e++;
  }
  return e === b ? m : null;
}

/** True when tokens [a, b) can stand between a subject and its verb, set off by commas. */
function isInterrupter(ctx: SpeakerContext, a: number, b: number): boolean {
  const tokens = ctx.tokens;
  if (b <= a) return false;
  for (let x = a; x < b; x++) if (ctx.inQuote[x]) return false;
  const t = tokens[a]!;
  const v = t.lower;
  if (RELATIVE_PRONOUNS.has(v) || v === 'whose' || REFLEXIVES.has(v)) return true;
  const between = phraseStartingAt(tokens, a, b);
  if (between && between.to === b) return true;
  if (t.pos === 'DET' || t.pos === 'NUM') return true;
  if (b - a <= 20 && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'ADV')) return true;
  if (b - a <= 20 && t.pos === 'VERB' && /(?:ing|ed)$/.test(v)) return true;
  // any short stretch with no verb ("R-Ky.", "Sanders’ campaign manager")
  if (b - a <= 12) {
    for (let x = a; x < b; x++) if (tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX') return false;
    return true;
  }
  // a longer role phrase with no finite verb ("co-founder of the institute and advocate of an
  // effort to cultivate new technologies"): only infinitives and participles
  if (b - a > APPOSITION_REACH || !(t.pos === 'NOUN' || t.pos === 'ADJ')) return false;
  for (let x = a; x < b; x++) {
    const p = tokens[x]!.pos;
    if (p === 'AUX') return false;
    if (p === 'VERB' && tokens[x - 1]?.lower !== 'to' && !/(?:ing|ed)$/.test(tokens[x]!.value)) return false;
  }
  return true;
}

/** Nouns of "in X's view": the possessor holds the view. */
const VIEW_NOUNS = new Set(['view', 'words', 'opinion', 'telling', 'account', 'estimation', 'judgment', 'assessment']);

/** Returns the speaker named by "according to X" starting at token `i`, or null. */
export function accordingTo(ctx: SpeakerContext, i: number, rightLimit: number, last: Found | null): Found | null {
  const t = ctx.tokens[i]!, n = ctx.tokens[i + 1];
  if (t.lower === 'in' && n && isNameToken(n)) {
    // "in Bolton’s view", "in Trump's words"
    let j = i + 1;
    while (j < rightLimit && isNameToken(ctx.tokens[j]!)) j++;
    const poss = ctx.tokens[j], noun = ctx.tokens[j + 1];
    if (poss && noun && (poss.value === '’s' || poss.value === "'s") && VIEW_NOUNS.has(noun.lower)) return ctx.found(i + 1, j, 'same-sentence', true);
    return null;
  }
  if (t.lower !== 'according' || !n || n.lower !== 'to') return null;
  const r = i + 2;
  if (r < rightLimit && ctx.tokens[r]!.pos === 'PRON') return resolvePronoun(ctx, r, last);
  const np = phraseStartingAt(ctx.tokens, r, rightLimit);
  return np ? fromPhrase(ctx, np, 'same-sentence', r) : null;
}
