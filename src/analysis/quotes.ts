/**
 * Direct quotes and their speakers. Quote stretches come from pairing quotation marks in the raw
 * text (quote-marks.ts); each is kept or dropped and given a speaker from the words around it in
 * its sentence (speakers.ts), a speaker line in the paragraph before or after it, or the previous
 * quote it continues. Short quoted words with no speech around them (nicknames, titles, scare
 * quotes) are dropped: a wrong highlight costs more trust than a missing one.
 */
import type { Quote } from '../shared/model.js';
import type { Tokenized } from './nlp.js';
import { findQuoteStretches, type QuoteStretch } from './quote-marks.js';
import { isNameToken, phraseEndingAt, phraseStartingAt } from './names.js';
import { SpeakerContext, accordingTo, clauseSubject, fromPhrase, invertedBefore, subjectOf, type Found } from './speakers.js';

/**
 * Words that introduce a name, title or nickname rather than speech: "identified only as
 * “Robert.”", "the so-called “Gang of Eight”". From the scare-quote cases in the seed articles and
 * PolNeAR dev; they veto short quotes only.
 */
const NAMING_CUES = new Set(['as', 'dubbed', 'nicknamed', 'titled', 'entitled', 'named', 'so-called', 'called', 'headlined', 'word', 'term', 'phrase', 'label', 'slogan', 'hashtag']);

/** Quoted stretches embedded in a sentence with no speaker need this many words to count. */
const MIN_UNATTRIBUTED_WORDS = 5;
/** A quote standing alone as its sentence needs this many words (“Robert.” is not a quote). */
const MIN_STANDALONE_WORDS = 2;

interface Located {
  s: QuoteStretch;
  /** Token range of the stretch, marks included. */
  qa: number;
  qb: number;
  /** Token range of the sentences the stretch lies in. */
  fa: number;
  fb: number;
  line: number;
  words: number;
  /** The stretch is its sentence(s): nothing outside the marks but punctuation. */
  standalone: boolean;
}

/** Returns the direct quotes of the text with their speakers, in text order. */
export function findQuotes(tok: Tokenized): Quote[] {
  const { text, tokens } = tok;
  const stretches = findQuoteStretches(text);
  if (stretches.length === 0 || tokens.length === 0) return [];
  const ctx = new SpeakerContext(tok, stretches);
  const sentences = ctx.sentences;

  // locate every stretch in tokens and sentences with one forward walk
  const located: Located[] = [];
  let t = 0, line = 0, lineScan = 0;
  for (const s of stretches) {
    if (lineScan < s.start) {
      for (let nl = text.indexOf('\n', lineScan); nl >= 0 && nl < s.start; nl = text.indexOf('\n', nl + 1)) line++;
      lineScan = s.start;
    }
    while (t < tokens.length && tokens[t]!.end <= s.start) t++;
    const qa = t;
    let qb = qa;
    while (qb < tokens.length && tokens[qb]!.start < s.end) qb++;
    if (qb <= qa) continue;
    const sa = ctx.sentOf[qa]!, sb = ctx.sentOf[qb - 1]!;
    let fa = sa >= 0 ? Math.min(sentences[sa]!.tokenStart, qa) : qa;
    // "Sen. Ana Ruiz (D-Ore.) said": the splitter breaks after the abbreviation inside brackets
    if (sa > 0 && tokens[fa]!.value === ')') fa = sentences[sa - 1]!.tokenStart;
    const fb = sb >= 0 ? Math.max(sentences[sb]!.tokenEnd, qb) : qb;
    let words = 0;
    for (let i = qa; i < qb; i++) if (tokens[i]!.pos !== 'PUNCT' && tokens[i]!.pos !== 'SPACE' && tokens[i]!.type !== 'tabCRLF') words++;
    let standalone = true;
    for (let i = fa; i < fb; i++) {
      if (ctx.inQuote[i]) continue;
      const p = tokens[i]!.pos;
      if (p !== 'PUNCT' && p !== 'SPACE' && tokens[i]!.type !== 'tabCRLF') { standalone = false; break; }
    }
    located.push({ s, qa, qb, fa, fb, line, words, standalone });
  }

  const quotes: Quote[] = [];
  let last = null as { found: Found | null; line: number; group: number } | null;
  const groupSpeaker = new Map<number, Found>();
  const foundAt: (Found | null)[] = [];
  for (let k = 0; k < located.length; k++) {
    const q = located[k]!;
    // "He said, “…” - at which point the crowd chanted “…” - “and restore …”": a quote that goes
    // on in lower case after a dashed aside resumes the quote before the aside
    const resumes = resumedQuote(ctx, located, k);
    const before = resumes >= 0 ? foundAt[resumes] : null;
    let found: Found | null = before ? { ...before, how: 'continuation' } : null;
    foundAt[k] = null;
    found ??= dashLabelSpeaker(ctx, q) ?? sourceLabel(ctx, q) ?? speakerInSentence(ctx, q, last?.found ?? null);
    // a transcript label ("PENCE: … thinks this is “…”") beats a weak verb's subject
    // and so does a reporting verb closing the sentence ("… did not find “…,” said Ana Ruiz.")
    if (found?.weak) found = transcriptSpeaker(ctx, q) ?? sentenceFinalAttribution(ctx, q, last?.found ?? null) ?? found;
    found ??= colonOrDashSpeaker(ctx, q);
    found ??= nextSentenceAttribution(ctx, q, last?.found ?? null);
    found ??= transcriptSpeaker(ctx, q);
    found ??= sentenceFinalAttribution(ctx, q, last?.found ?? null);
    // "“…,” he said" with no one for "he": the quote is attributed, to nobody we can name; no
    // guess from the sentences around it
    const pronounOnly = !found && pronounAttribution(ctx, q);
    // a one- or two-word name after "as"/"dubbed" is no quote even when a verb is near
    if ((!found || q.words <= 2) && q.words < MIN_UNATTRIBUTED_WORDS && isNamed(ctx, q)) continue;
    if (!found && !pronounOnly && q.standalone) found = speakerLine(ctx, q, located[k + 1]);
    if (!found && !pronounOnly && q.standalone) found = nextParagraphAttribution(ctx, q) ?? dashLineSpeaker(ctx, q);
    if (!found && !pronounOnly) found = colonClauseSpeaker(ctx, q, last?.found ?? null);
    const gs = groupSpeaker.get(q.s.group);
    if (!found && !pronounOnly && gs) found = { ...gs, how: 'continuation' };
    const sentenceInitial = q.standalone || startsSentence(ctx, q);
    if (!found && !pronounOnly && sentenceInitial) found = previousSentenceSpeaker(ctx, q, last?.found ?? null);
    if (!found && !pronounOnly && last && last.found && sentenceInitial && q.line - last.line <= 2) {
      found = { ...last.found, how: 'continuation' };
    }
    // "“It's ambush journalism,” she says. It's “this new in-your-face journalism.”": a quote in
    // the next sentence of the same paragraph, in a clause naming no one and reporting nothing,
    // goes on with the speaker just quoted
    if (!found && !pronounOnly && last && last.found && q.line === last.line && followsQuotedSentence(ctx, q)) found = { ...last.found, how: 'continuation' };
    const keep = pronounOnly || found?.how === 'same-sentence' || found?.how === 'coreference' || found?.how === 'speaker-line'
      || (q.standalone && q.words >= MIN_STANDALONE_WORDS)
      || (found?.how === 'continuation' && q.words >= MIN_STANDALONE_WORDS)
      || q.words >= MIN_UNATTRIBUTED_WORDS && !isTitleCase(ctx, q)
      || groupSpeaker.has(q.s.group);
    if (!keep) continue;
    foundAt[k] = found ?? null;
    if (found && !groupSpeaker.has(q.s.group)) groupSpeaker.set(q.s.group, found);
    quotes.push(toQuote(text, q.s, found, quotes.length));
    last = { found: found ?? null, line: q.line, group: q.s.group };
  }
  backfillGroups(quotes, located, groupSpeaker);
  return quotes;
}

/**
 * Returns the speaker from speech verbs (or "according to") in the quote's own sentence(s). Left
 * of the quote, the nearest speech verb wins, except that a weak one ("find", "believe", "feel")
 * gives way to a reporting verb further left ("Djokovic told reporters he is feeling “…”").
 * Right of the quote, only an attribution that directly follows it counts ("“…,” X said", "“…,”
 * said X", "“…,” X, a spokesman, said"), not a verb of a later clause ("… because he cannot
 * defend"); "according to X" counts anywhere.
 */
function speakerInSentence(ctx: SpeakerContext, q: Located, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  // right: the attribution clause right after the closing mark
  let first = q.qb;
  while (first < q.fb && (tokens[first]!.pos === 'PUNCT' || ctx.inQuote[first])) first++;
  // ("Ode says that Ruiz “broke the story” of the standoff, others argue": a quote running on into
  // the sentence with no punctuation of its own is a phrase of it; the verb after is a later clause's)
  const runsOn = first === q.qb && !startsSentence(ctx, q) && !/[,.?!…—–;:-][’'‘")\]]*$/.test(ctx.text.slice(q.s.innerStart, q.s.innerEnd).trim());
  // "the race “is a dead heat,” as Cruz said on Monday": an "as" attribution right after the quote
  if (first < q.fb && tokens[first]!.lower === 'as' && !runsOn) {
    for (let r = first + 1; r < q.fb && r - first <= 6; r++) {
      if (ctx.inQuote[r]) break;
      if (!ctx.isSpeechVerb(r)) continue;
      const f = r > first + 1 && attributionSpan(ctx, first + 1, r) ? subjectOf(ctx, r, first + 1, q.fb, last) : null;
      if (f) return f;
      break;
    }
  }
  // "When Ode said he would “protect the town,” the crowd applauded": a quote inside an opening
  // subordinate clause; the clause after it is the main clause, not an attribution
  // (it stands only when nothing on the left reports the quote: "As for Ruiz's “…,” Ode laughed")
  const opening = inOpeningClause(ctx, q);
  let mainClause: Found | null = null;
  for (let r = runsOn ? q.fb : first; r < q.fb; r++) {
    // "“…” - at which point the crowd chanted": a dash after the quote opens an aside
    if (r === first && DASH.test(tokens[r - 1]?.value ?? '') && !ctx.inQuote[r - 1]) break;
    if (ctx.inQuote[r]) {
      // "“A” and were “B,” Cheung stated": the attribution follows the last quote of the chain
      while (r < q.fb && (ctx.inQuote[r] || tokens[r]!.pos === 'PUNCT')) r++;
      first = r;
      r--;
      continue;
    }
    if (ctx.isSpeechVerb(r)) {
      // ("call Ode “very nimble,” a nod to the mayor acknowledging that …": a participle after
      // the quote modifies a phrase of the sentence; it attributes nothing)
      const reduced = /^\p{Ll}+ing$/u.test(tokens[r]!.value) && tokens[r - 1]!.pos === 'NOUN';
      if (!attributionSpan(ctx, first, r) || reduced) break;
      const f = subjectOf(ctx, r, q.qb, q.fb, last);
      if (f && !opening) return f;
      mainClause = f;
      break;
    }
    const glued = tokens[r - 1]?.value === '-' && tokens[r - 1]!.end === tokens[r]!.start;
    if (tokens[r]!.pos === 'VERB' && !glued && !isModifierParticiple(ctx, r) && !isAppositionParticiple(ctx, first, r) && !isWeakGap(ctx, first, r)) break;
  }
  let weak: Found | null = null;
  const aside = asides(ctx, q.fa, q.qa);
  for (let l = q.qa - 1; l >= q.fa; l--) {
    if (ctx.inQuote[l]) continue;
    if (ctx.isSpeechVerb(l) && !aside.has(l)) {
      const f = subjectOf(ctx, l, q.fa, q.qa, last) ?? invertedBefore(ctx, l, q.qa, q.fa) ?? openingParticipleHost(ctx, l, q, last);
      if (f) {
        if (!(isWeakVerb(ctx, l) || reportedInside(ctx, l, q)) || introducesDirectly(ctx, l, q.qa)) return f;
        weak ??= { ...f, weak: true };
      }
    } else {
      const f = accordingTo(ctx, l, q.qa, last);
      if (f) return f;
    }
  }
  for (let r = q.qb; r < q.fb; r++) {
    if (ctx.inQuote[r]) continue;
    const f = accordingTo(ctx, r, q.fb, last);
    if (f) return f;
  }
  return weak ?? mainClause;
}

/** Longest dashed aside (tokens) between a quote and the lower-case quote that resumes it. */
const ASIDE_REACH = 40;

/**
 * Returns the index of the located quote that quote k resumes after a dashed aside ("“…” - at
 * which point the crowd chanted “…” - “and restore …”"), or -1: quote k opens in lower case right
 * after a dash, and the dash that opened the aside, in the same sentence, follows an earlier quote.
 */
function resumedQuote(ctx: SpeakerContext, located: Located[], k: number): number {
  const q = located[k]!;
  const tokens = ctx.tokens;
  if (!/^[\s.…]*\p{Ll}/u.test(ctx.text.slice(q.s.innerStart, q.s.innerEnd))) return -1;
  const close = q.qa - 1;
  if (close < 0 || ctx.inQuote[close] || !DASH_TOKEN.test(tokens[close]!.value)) return -1;
  for (let d = close - 1; d >= 0 && close - d <= ASIDE_REACH; d--) {
    if (ctx.inQuote[d]) continue;
    const v = tokens[d]!.value;
    if (/^[.;!?]$/.test(v)) return -1;
    if (!DASH_TOKEN.test(v)) continue;
    // the opening dash follows an earlier quote's closing mark (a comma may stand between)
    let e = d - 1;
    if (tokens[e]?.value === ',' && !ctx.inQuote[e]) e--;
    if (e < 0 || !ctx.inQuote[e]) return -1;
    for (let j = k - 1; j >= 0; j--) if (located[j]!.qa <= e && e < located[j]!.qb) return j;
    return -1;
  }
  return -1;
}

/** A dash token: em, en, a spaced hyphen or a double hyphen. */
const DASH_TOKEN = /^(?:[—–-]|--)$/;

/** Conjunctions that open an adverbial clause before the main clause ("When …, X did"). */
const SUBORDINATORS = new Set(['when', 'after', 'before', 'as', 'while', 'since', 'because', 'if', 'although', 'though', 'once', 'until', 'whenever']);

/**
 * True when the quote lies inside a clause that opens its sentence with a subordinating
 * conjunction ("After Ruiz said that … “…,” Ode said: …"): no comma, colon or dash between the
 * conjunction and the quote.
 */
function inOpeningClause(ctx: SpeakerContext, q: Located): boolean {
  const tokens = ctx.tokens;
  let a = q.fa;
  while (a < q.qa && tokens[a]!.pos === 'PUNCT') a++;
  if (a >= q.qa || !SUBORDINATORS.has(tokens[a]!.lower) || !/^\p{Lu}/u.test(tokens[a]!.value)) return false;
  for (let i = a + 1; i < q.qa; i++) {
    if (ctx.inQuote[i] || !/^[,;:—–]$|^--$/.test(tokens[i]!.value)) continue;
    // (but the comma of "shouted, “…”": the clause's own verb introducing the quote)
    if (i === q.qa - 1 && tokens[i]!.value === ',' && ctx.isSpeechVerb(i - 1)) continue;
    return false;
  }
  // (and something after the quote: the main clause)
  let r = q.qb;
  while (r < q.fb && (tokens[r]!.pos === 'PUNCT' || ctx.inQuote[r])) r++;
  return r < q.fb;
}

/** Prepositions that may lead an opening participle clause ("After saying …, she …"). */
const OPENING_PARTICIPLE_PREPOSITIONS = new Set(['after', 'before', 'upon', 'on', 'while', 'when', 'in', 'by', 'despite']);

/**
 * Returns the subject of the main clause after an opening participle that reports the quote
 * ("Acknowledging that Trump “says a lot of stupid stuff,” though, Allen did suggest …"): the
 * person subject after the first comma that follows the quote; or null.
 */
function openingParticipleHost(ctx: SpeakerContext, v: number, q: Located, last: Found | null): Found | null {
  const tokens = ctx.tokens;
  if (!/^\p{L}\p{Ll}+ing$/u.test(tokens[v]!.value)) return null;
  let a = q.fa;
  while (a < v && tokens[a]!.pos === 'PUNCT') a++;
  // the sentence opens with the participle ("Acknowledging …") or with a preposition leading it
  // ("After saying her knee was “…,” she was taken …")
  if (!/^\p{Lu}/u.test(tokens[a]!.value)) return null;
  if (a === v - 1 && OPENING_PARTICIPLE_PREPOSITIONS.has(tokens[a]!.lower)) a++;
  if (a !== v) return null;
  let c = q.qb;
  // (the comma that closes the opening clause may sit inside the quote: "…,” Allen did …")
  if (/,\s*$/.test(ctx.text.slice(q.s.innerStart, q.s.innerEnd))) c = q.qb - 1;
  else while (c < q.fb && (ctx.inQuote[c] || tokens[c]!.value !== ',')) c++;
  if (c >= q.fb) return null;
  // ("…,” though, Allen": an adverb set off after the quote)
  if (tokens[c + 1]?.pos === 'ADV' && tokens[c + 2]?.value === ',') c += 2;
  const f = clauseSubject(ctx, q.fb, c + 1, last);
  return f && f.person ? f : null;
}

/**
 * Returns the tokens of [a, b) inside a closed aside: a relative clause set off by commas (", which
 * some have argued …,") or a stretch between two dashes ("— as X noted recently —"). A speech verb
 * there belongs to the aside, not to the quote after it.
 */
function asides(ctx: SpeakerContext, a: number, b: number): Set<number> {
  const out = new Set<number>();
  const tokens = ctx.tokens;
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    const rel = t.value === ',' && /^(?:which|who|whom|whose)$/i.test(tokens[i + 1]?.value ?? '');
    const dash = /^[—–]$/.test(t.value) || (t.value === '-' && tokens[i - 1]?.end !== t.start);
    if (!rel && !dash) continue;
    let j = i + 1;
    while (j < b && !(rel ? tokens[j]!.value === ',' : /^[—–-]$/.test(tokens[j]!.value)) && !ctx.inQuote[j]) j++;
    // (a relative clause whose comma opens the quote introduces it: "Mike Lee, who declared, “…”")
    if (j >= b || ctx.inQuote[j] || (rel && j === b - 1)) continue;
    for (let x = i + 1; x < j; x++) out.add(x);
    i = j - 1;
  }
  return out;
}

/**
 * Verbs that report a finding, belief or feeling more than an utterance: they attribute a quote
 * only when no reporting verb governs it. From the SPEECH_VERBS entries that most often carried
 * the wrong subject in PolNeAR dev (the verb of an embedded clause).
 */
const WEAK_VERBS = new Set(['find', 'show', 'reveal', 'believe', 'think', 'feel', 'hope', 'fear', 'indicate', 'put', 'read', 'offer', 'continue', 'point', 'defend', 'question', 'hit', 'fire', 'shoot', 'boom', 'snap', 'rip', 'speak']);

/**
 * True when the verb at v introduces the quote at qa itself: only adverbs, particles and "it",
 * then a colon or comma, stand between ("Rubio fired back forcefully: “…”", "she feels, “…”"); such a
 * verb is the attribution even when it is a weak one.
 */
function introducesDirectly(ctx: SpeakerContext, v: number, qa: number): boolean {
  const last = ctx.tokens[qa - 1];
  if (qa - 1 <= v || !last || !/^[:,]$/.test(last.value)) return false;
  for (let i = v + 1; i < qa - 1; i++) {
    const p = ctx.tokens[i]!.pos;
    // ("As Ode put it: “…”", "Ruiz summed it up:")
    if (ctx.inQuote[i] || (p !== 'ADV' && p !== 'PART' && p !== 'ADP' && ctx.tokens[i]!.lower !== 'it')) return false;
  }
  return true;
}

/**
 * True when the verb at v is inside what a core reporting verb further left reports, and the quote
 * is a fragment ("Ode said Ruiz called on members to be “closely coordinated”"): the quoted words
 * are the reporter's source's, so the outer speaker is preferred.
 */
function reportedInside(ctx: SpeakerContext, v: number, q: Located): boolean {
  const t = ctx.tokens[v]!;
  if (ALWAYS_SPEECH_FORMS.has(t.lower)) return false;
  if (/^\p{Lu}/u.test(ctx.text.slice(q.s.innerStart, q.s.innerEnd).trim())) return false;
  for (let i = v - 1; i >= q.fa; i--) {
    if (ctx.inQuote[i] || /^[.;:]$/.test(ctx.tokens[i]!.value)) return false;
    // (not an adverbial clause: "Ode tweeted after Ruiz argued that “…”" is Ruiz's)
    if (SUBORDINATORS.has(ctx.tokens[i]!.lower)) return false;
    if (ALWAYS_SPEECH_FORMS.has(ctx.tokens[i]!.lower)) return true;
  }
  return false;
}

function isWeakVerb(ctx: SpeakerContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  return WEAK_VERBS.has(t.lemma) && !ALWAYS_SPEECH_FORMS.has(t.lower);
}
const ALWAYS_SPEECH_FORMS = new Set(['said', 'says', 'told', 'tells', 'added', 'wrote', 'tweeted', 'asked']);

/** Words that end an attribution clause: a new clause starts, so a later verb is not the quote's. */
const CLAUSE_BREAKERS = new Set(['because', 'and', 'but', 'that', 'when', 'if', 'while', 'although', 'though', 'until', 'since', 'so', 'or', 'before', 'after', 'as']);

/**
 * True when tokens [first, verb) can be the subject part of an attribution: a noun phrase, an
 * appositive or a relative clause set off by commas, or a pronoun, but no new clause.
 */
function attributionSpan(ctx: SpeakerContext, first: number, verb: number): boolean {
  let relative = false;
  let commas = 0;
  // an interrupter is a stretch between two commas before the verb ("X, after a pause, said")
  let total = 0;
  for (let i = first; i < verb; i++) if (ctx.tokens[i]!.value === ',') total++;
  const paired = total >= 2 && total % 2 === 0;
  for (let i = first; i < verb; i++) {
    const t = ctx.tokens[i]!;
    const v = t.lower;
    if (ctx.inQuote[i]) return false;
    if (v === ',') { commas++; continue; }
    if (v === 'who' || v === 'which') { relative = true; continue; }
    // "X, one of the states suing the EPA, said": a participle inside an apposition
    if (paired && commas % 2 === 1 && t.pos === 'VERB' && /(?:ing|ed)$/.test(v)) continue;
    // "X, after a long pause, said": an interrupter set off by commas may hold any of these
    if (paired && commas % 2 === 1 && (CLAUSE_BREAKERS.has(v) || t.pos === 'ADP')) continue;
    // ("“…,” Ana Ruiz and Ben Ode wrote": "and" between two names joins the subject)
    const joinsNames = v === 'and' && ctx.tokens[i - 1]?.pos === 'PROPN' && ctx.tokens[i + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(ctx.tokens[i + 1]!.value);
    if (CLAUSE_BREAKERS.has(v) && !relative && !joinsNames) return false;
    // "Texas-based Matt Mackowiak": a participle glued to a hyphen is a modifier, not a verb
    const glued = ctx.tokens[i - 1]?.value === '-' && ctx.tokens[i - 1]!.end === t.start;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !relative && !glued && !isModifierParticiple(ctx, i) && !isAppositionParticiple(ctx, first, i) && !isGapBeforeVerb(ctx, i, verb)) return false;
    if (t.pos === 'PRON' && i !== first && !relative && v !== 'its' && v !== 'his' && v !== 'her' && v !== 'their') return false;
  }
  return true;
}

/**
 * True when the verb at i is an "-ing" form modifying the noun right after it ("organizing
 * director Ben Ode", "managing editor"): part of a role phrase, not a clause of its own.
 */
function isModifierParticiple(ctx: SpeakerContext, i: number): boolean {
  const t = ctx.tokens[i]!, n = ctx.tokens[i + 1];
  // ("current polling leader": inside a noun phrase, after a modifier or determiner, too)
  const inPhrase = ['ADJ', 'DET', 'CCONJ', 'NOUN'].includes(ctx.tokens[i - 1]?.pos ?? '');
  return /^\p{Ll}+ing$/u.test(t.value) && n !== undefined && n.pos === 'NOUN' && /^\p{Ll}/u.test(n.value) && (ctx.tokens[i + 2]?.pos === 'PROPN' || inPhrase);
}

/**
 * True when the verb at i is a participle inside an apposition: after a comma that follows
 * `first` and before the next comma ("Ben Ode, the attorney general, one of the officials suing
 * the agency, said").
 */
function isAppositionParticiple(ctx: SpeakerContext, first: number, i: number): boolean {
  const tokens = ctx.tokens;
  if (!/^\p{Ll}+(?:ing|ed)$/u.test(tokens[i]!.value)) return false;
  let open = false;
  for (let k = first; k < i; k++) if (tokens[k]!.value === ',') open = true;
  if (!open) return false;
  for (let k = i + 1; k < tokens.length && k - i < 10; k++) {
    if (ctx.inQuote[k] || tokens[k]!.value === '.') return false;
    if (tokens[k]!.value === ',') return true;
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return false;
  }
  return false;
}

/** True when token i is an auxiliary or adverb run leading straight into the verb ("will say"). */
function isGapBeforeVerb(ctx: SpeakerContext, i: number, verb: number): boolean {
  for (let k = i; k < verb; k++) {
    const p = ctx.tokens[k]!.pos;
    if (p !== 'AUX' && p !== 'ADV' && p !== 'PART') return false;
  }
  return true;
}

/** True when the verb at r is inside an appositive or relative clause of the attribution. */
function isWeakGap(ctx: SpeakerContext, first: number, r: number): boolean {
  for (let i = first; i < r; i++) {
    const v = ctx.tokens[i]!.lower;
    if (v === 'who' || v === 'which') return true;
  }
  return false;
}

/**
 * Returns the speaker of a quote that ends its sentence from an attribution opening the next
 * sentence on the same line: "“… missing.” Trump said.", "“…?” Hannity pressed.", "“…!” said
 * Sen. X." The tokenizer splits after ".”"/"?”"/"!”", so this is the same attribution as "“…,”
 * Trump said"; a next sentence that goes on with its own clause ("Trump said the plan …") is not.
 */
function nextSentenceAttribution(ctx: SpeakerContext, q: Located, last: Found | null): Found | null {
  const { tokens, text } = ctx;
  for (let i = q.qb; i < q.fb; i++) if (!ctx.inQuote[i] && tokens[i]!.pos !== 'PUNCT') return null;
  const si = ctx.sentOf[q.fb];
  if (si === undefined || si < 0) return null;
  const s = ctx.sentences[si]!;
  if (s.tokenStart !== q.fb || text.slice(tokens[q.qb - 1]!.end, tokens[q.fb]!.start).includes('\n')) return null;
  for (let r = q.fb; r < s.tokenEnd && r - q.fb < 14; r++) {
    if (ctx.inQuote[r]) return null;
    if (!ctx.isSpeechVerb(r)) continue;
    if (r > q.fb && !attributionSpan(ctx, q.fb, r)) return null;
    // nothing after the verb may start a clause of its own before a comma
    for (let k = r + 1; k < s.tokenEnd; k++) {
      const t = tokens[k]!;
      if (t.value === ',' || ctx.inQuote[k]) break;
      // "… said as he launched the vote", "… said when asked": an adverbial clause, not what was said
      if (ADVERBIAL_OPENERS.has(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'ADV')) break;
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.lower === 'that') return null;
    }
    return subjectOf(ctx, r, q.fb, s.tokenEnd, last);
  }
  return null;
}

/** Words opening an adverbial clause after a speech verb ("said as he left", "said when asked"). */
const ADVERBIAL_OPENERS = new Set(['as', 'when', 'while', 'after', 'before', 'because', 'since', 'until']);

/**
 * Returns the speaker of an attribution that closes the quote's sentence after a clause of the
 * writer's ("“… for Hillary Clinton” because she would widen her lead, he said."): a comma, a
 * subject, a speech verb and nothing after it but a time, place or manner phrase.
 */
function sentenceFinalAttribution(ctx: SpeakerContext, q: Located, last: Found | null): Found | null {
  const { tokens } = ctx;
  // inverted: "“…” that Sanders can catch up, said Ben Ode, a party strategist."
  for (let v = q.fb - 2; v > q.qb; v--) {
    if (ctx.inQuote[v]) break;
    // (not a participle: "“…,” it says, showing a montage")
    if (tokens[v - 1]!.value !== ',' || !ctx.isSpeechVerb(v) || tokens[v]!.lower === tokens[v]!.lemma || /ing$/.test(tokens[v]!.value)) continue;
    let r = v + 1;
    while (r < q.fb && tokens[r]!.pos === 'ADV') r++;
    const np = phraseStartingAt(tokens, r, q.fb);
    const after = np ? tokens[np.to] : undefined;
    if (!np || (after && after.value !== ',' && after.value !== '.' && np.to < q.fb)) break;
    const f = invertedBefore(ctx, v, np.to, q.qb);
    if (f) return f;
    break;
  }
  let e = q.fb - 1;
  while (e > q.qb && tokens[e]!.pos === 'PUNCT' && !ctx.inQuote[e]) e--;
  for (let v = e; v > q.qb && e - v < 8; v--) {
    if (ctx.inQuote[v]) return null;
    if (!ctx.isSpeechVerb(v)) {
      const t = tokens[v]!;
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.value === ',') return null;
      continue;
    }
    // the subject right before it, and a comma before the subject
    let c = v - 1;
    while (c > q.qb && c >= v - 6 && tokens[c]!.value !== ',' && !ctx.inQuote[c]) c--;
    if (tokens[c]?.value !== ',' || c <= q.qb) return null;
    const f = subjectOf(ctx, v, c + 1, q.fb, last);
    return f && f.how === 'same-sentence' || f?.how === 'coreference' ? f : null;
  }
  return null;
}

/** Pronouns that can be the subject of an attribution ("he said", "said she", "I wrote"). */
const ATTRIBUTION_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it']);

/**
 * True when the quote's attribution is a pronoun and a speech verb right next to it: "“…,” he
 * said", "“…,” said she", "he said, “…”", "I told him that “…”".
 */
function pronounAttribution(ctx: SpeakerContext, q: Located): boolean {
  const { tokens } = ctx;
  const isPron = (i: number) => tokens[i]?.pos === 'PRON' && ATTRIBUTION_PRONOUNS.has(tokens[i]!.lower) && !ctx.inQuote[i];
  let r = q.qb;
  while (r < q.fb && tokens[r]!.pos === 'PUNCT' && !ctx.inQuote[r]) r++;
  if (r < q.fb && ((isPron(r) && ctx.isSpeechVerb(r + 1 + (tokens[r + 1]?.pos === 'ADV' ? 1 : 0))) || (ctx.isSpeechVerb(r) && isPron(r + 1)))) return true;
  let l = q.qa - 1;
  while (l >= q.fa && (tokens[l]!.pos === 'PUNCT' || tokens[l]!.lower === 'that') && !ctx.inQuote[l]) l--;
  while (l >= q.fa && (tokens[l]!.pos === 'PRON' && !ATTRIBUTION_PRONOUNS.has(tokens[l]!.lower))) l--;
  return l > q.fa && ctx.isSpeechVerb(l) && isPron(l - 1);
}

/**
 * Returns the speaker of a quote paragraph from a bare attribution opening the next paragraph
 * ("“We will not pay for it.”¶¶Ruiz said on Monday."): a short sentence whose speech verb takes
 * nothing after it but a time, place or manner phrase, so it can only be about the quote before.
 */
function nextParagraphAttribution(ctx: SpeakerContext, q: Located): Found | null {
  const { tokens, text } = ctx;
  const lineStart = text.lastIndexOf('\n', q.s.start - 1) + 1;
  if (text.slice(lineStart, q.s.start).trim() !== '') return null;
  const si = ctx.sentOf[q.fb - 1]! + 1;
  const s = ctx.sentences[si];
  if (si <= 0 || !s) return null;
  const gap = text.slice(tokens[q.fb - 1]!.end, s.start);
  if (!/\n/.test(gap) || gap.trim() !== '') return null;
  if (s.tokenEnd - s.tokenStart > 16 || tokens[s.tokenEnd - 1]!.value === ':') return null;
  for (let r = s.tokenStart; r < s.tokenEnd && r - s.tokenStart < 10; r++) {
    if (ctx.inQuote[r]) return null;
    if (!ctx.isSpeechVerb(r)) continue;
    if (r > s.tokenStart && !attributionSpan(ctx, s.tokenStart, r)) return null;
    for (let k = r + 1; k < s.tokenEnd; k++) {
      const t = tokens[k]!;
      if (ctx.inQuote[k] || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ' || t.lower === 'that') return null;
    }
    const f = subjectOf(ctx, r, s.tokenStart, s.tokenEnd, null);
    return f ? { ...f, how: 'speaker-line' } : null;
  }
  return null;
}

/**
 * Returns the speaker of a quote paragraph from a dash line right after it ("“…”¶ ―Ana Ruiz,
 * Salem."; "¶ -President Obama, tweeting after the speech."): the pull-quote convention, where the
 * line names who said it.
 */
function dashLineSpeaker(ctx: SpeakerContext, q: Located): Found | null {
  const { tokens, text } = ctx;
  let k = q.fb;
  while (k < tokens.length && tokens[k]!.type === 'tabCRLF') k++;
  if (k >= tokens.length || !DASH.test(tokens[k]!.value)) return null;
  const gap = text.slice(tokens[q.fb - 1]!.end, tokens[k]!.start);
  if (!/\n/.test(gap) || gap.trim() !== '') return null;
  // the dash opens its line
  const lineStart = text.lastIndexOf('\n', tokens[k]!.start - 1) + 1;
  if (text.slice(lineStart, tokens[k]!.start).trim() !== '') return null;
  k++;
  const np = phraseStartingAt(tokens, k, Math.min(tokens.length, k + 8));
  if (!np || !np.name || np.from !== k) return null;
  const after = tokens[np.to];
  if (after && !/^[,.(]$/.test(after.value) && !text.slice(tokens[np.to - 1]!.end, after.start).includes('\n')) return null;
  return { ...fromPhraseName(ctx, np), how: 'speaker-line' };
}

/** Returns the person a name phrase names (its name part, titles left out). */
function fromPhraseName(ctx: SpeakerContext, np: { name: { from: number; to: number } | null }): Found {
  const ms = ctx.mentions.mentionsIn(np.name!.from, np.name!.to);
  const m = ms[ms.length - 1];
  return m && m.to === np.name!.to ? ctx.found(m.from, m.to, 'speaker-line', true) : ctx.found(np.name!.from, np.name!.to, 'speaker-line', true);
}

/**
 * Returns the speaker of a quote that opens its sentence from a reported-speech sentence right
 * before it in the same paragraph ("The plan is dead, Ruiz said. “We will not pay for it.”",
 * "Ruiz called the plan a waste. “…”"), or ending the paragraph before a quote paragraph ("Said
 * Ruiz in a statement:"): the subject of that sentence's first speech verb that has one. A
 * previous sentence with a quote of its own is left to the quote continuation below.
 */
function previousSentenceSpeaker(ctx: SpeakerContext, q: Located, last: Found | null): Found | null {
  const si = ctx.sentOf[q.fa]!;
  if (si <= 0) return null;
  const s = ctx.sentences[si - 1]!;
  const gap = ctx.text.slice(s.end, ctx.tokens[q.fa]!.start);
  // the sentence before in the same paragraph, or ending the paragraph before a quote paragraph
  if (gap.includes('\n') && !(q.standalone && /^\s*\n\s*\n?\s*$/.test(gap))) return null;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (ctx.inQuote[i]) return null;
  for (let v = s.tokenStart; v < s.tokenEnd; v++) {
    if (!ctx.isSpeechVerb(v) || isWeakVerb(ctx, v)) continue;
    const f = subjectOf(ctx, v, s.tokenStart, s.tokenEnd, last) ?? invertedBefore(ctx, v, s.tokenEnd, s.tokenStart);
    if (f) return { ...f, how: 'continuation' };
  }
  return null;
}

/** Capitalised line labels that are not speakers ("UPDATE: …", "Q: …"). */
const NOT_SPEAKER_LABELS = new Set(['UPDATE', 'CORRECTION', 'NOTE', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'WATCH', 'READ', 'RELATED',
  'PHOTO', 'PHOTOS', 'VIDEO', 'BREAKING', 'EXCLUSIVE', 'Q', 'A', 'AP', 'UPI', 'WASHINGTON', 'NEW YORK', 'LIVE', 'FACT CHECK',
  'CLAIM', 'VERDICT', 'TRANSCRIPT', 'SOURCE', 'SOURCES', 'UPDATED', 'ADVERTISEMENT']);

/** "TRUMP: …", "MR. PENCE: …", "Sen. Kaine: …": an interview-transcript speaker label. */
const TRANSCRIPT_LABEL = /^\s*["“]?((?:[A-Z][A-Z.’'-]+)(?: [A-Z][A-Z.’'-]+){0,2}|(?:Mr|Ms|Mrs|Dr|Sen|Gov|Rep)\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?):\s/;

/**
 * Returns the speaker label of an interview-transcript paragraph ("PENCE: Well, look, …") for a
 * quote inside it that has no attribution of its own, or null.
 */
function transcriptSpeaker(ctx: SpeakerContext, q: Located): Found | null {
  const { text } = ctx;
  const lineStart = text.lastIndexOf('\n', q.s.start - 1) + 1;
  const m = TRANSCRIPT_LABEL.exec(text.slice(lineStart, Math.min(q.s.start + 1, lineStart + 48)));
  if (!m || NOT_SPEAKER_LABELS.has(m[1]!.replace(/\.$/, ''))) return null;
  const start = lineStart + m.index + m[0].indexOf(m[1]!);
  if (start + m[1]!.length > q.s.start) return null;
  return { text: m[1]!, start, end: start + m[1]!.length, how: 'speaker-line', person: true };
}

/**
 * Returns the speaker from a line of its own ending in ":" with a speech verb ("Trump campaign
 * spokesperson Steven Cheung stated:"), before the quote or, when that line introduces no quote
 * of its own, after it.
 */
function speakerLine(ctx: SpeakerContext, q: Located, next: Located | undefined): Found | null {
  const { sentences } = ctx;
  const sa = ctx.sentOf[q.fa]!, sb = ctx.sentOf[q.fb - 1]!;
  if (sa > 0) {
    const f = fromColonSentence(ctx, sa - 1, true);
    if (f) return f;
  }
  if (sb >= 0 && sb + 1 < sentences.length) {
    const s = sentences[sb + 1]!;
    // the line after the speaker line must not open a quote of its own
    const introducesNext = next && next.qa >= s.tokenEnd && ctx.sentOf[next.qa] === sb + 2;
    if (!introducesNext) {
      const f = fromColonSentence(ctx, sb + 1, false);
      if (f) return { ...f, how: 'speaker-line' };
    }
  }
  return null;
}

function fromColonSentence(ctx: SpeakerContext, si: number, before: boolean): Found | null {
  const s = ctx.sentences[si]!;
  const lastTok = ctx.tokens[s.tokenEnd - 1]!;
  if (lastTok.value !== ':' || s.tokenEnd - s.tokenStart > 30) return null;
  for (let i = s.tokenEnd - 2; i >= s.tokenStart; i--) {
    if (ctx.inQuote[i]) return null;
    if (ctx.isSpeechVerb(i)) {
      const f = subjectOf(ctx, i, s.tokenStart, s.tokenEnd - 1, null);
      if (f) return { ...f, how: 'speaker-line' };
    }
  }
  // "When Wallace died, President Clinton released the following statement:": with no speech
  // verb, a line introducing the quote gives it to its main clause's person subject
  if (!before) return null;
  const f = clauseSubject(ctx, s.tokenEnd - 1, s.tokenStart, null);
  return f && f.person ? { ...f, how: 'speaker-line' } : null;
}

/**
 * Returns the speaker of "Meghan McCain, Twitter: “…”" (a name opening the sentence, the quote
 * after a colon) or "“…” ― Krystal Correa" (a dash and a name after the quote), or null.
 */
function colonOrDashSpeaker(ctx: SpeakerContext, q: Located): Found | null {
  const tokens = ctx.tokens;
  const prev = tokens[q.qa - 1];
  if (prev && prev.value === ':' && !ctx.inQuote[q.qa - 1] && q.fa < q.qa - 1) {
    // "Meghan McCain, Twitter: “…”": the label is the name and at most an outlet after a comma
    const np = phraseStartingAt(tokens, q.fa, q.qa - 1);
    if (np && np.name && (np.to === q.qa - 1 || tokens[np.to]!.value === ',')) return ctx.found(np.name.from, np.name.to, 'same-sentence', true);
  }
  const next = tokens[q.qb];
  if (next && /^[\u2015\u2014\u2013-]$/.test(next.value) && q.qb + 1 < tokens.length) {
    const np = phraseStartingAt(tokens, q.qb + 1, Math.min(tokens.length, q.qb + 8));
    if (np && np.name) return ctx.found(np.name.from, np.name.to, 'same-sentence', true);
  }
  return null;
}

/**
 * Returns the source of "From the report: “…”", "From Ruiz's Facebook post: “…”", "… - More from
 * Ruiz and Ode: “…”": a label that is only "(More) from" and a noun phrase, opening its sentence
 * or following a dash, then a colon, cites where the quote comes from; the phrase speaks (a
 * statement or post for its author, fromPhrase), as it would before "said".
 */
function sourceLabel(ctx: SpeakerContext, q: Located): Found | null {
  const tokens = ctx.tokens;
  const colon = q.qa - 1;
  if (tokens[colon]?.value !== ':' || ctx.inQuote[colon]) return null;
  let f = colon - 1;
  while (f > q.fa && f > colon - 12 && tokens[f]!.lower !== 'from') f--;
  if (tokens[f]?.lower !== 'from' || ctx.inQuote[f]) return null;
  let a = f;
  if (tokens[a - 1]?.value === 'More') a--;
  else if (tokens[a]!.value !== 'From') return null;
  let b = a - 1;
  while (b >= q.fa && tokens[b]!.pos === 'PUNCT' && !DASH.test(tokens[b]!.value)) b--;
  if (b >= q.fa && !DASH.test(tokens[b]!.value)) return null;
  const np = phraseStartingAt(tokens, f + 1, colon);
  if (!np || tokens[np.head]!.pos === 'NUM') return null;
  // "More from Ruiz and Ode:": two names, both speak
  if (np.name && tokens[np.to]?.lower === 'and') {
    const np2 = phraseStartingAt(tokens, np.to + 1, colon);
    if (np2 && np2.to === colon && np2.name) return ctx.found(np.name.from, np2.name.to, 'same-sentence', true);
  }
  return np.to === colon ? fromPhrase(ctx, np, 'same-sentence', f) : null;
}

/**
 * Returns the speaker of a quote a colon introduces after a clause with no speech verb ("Kaine has
 * adopted the stance common among Catholics: “…”", "Ruiz has since apologized: “…”"): the clause's
 * main subject, when it is a person. The colon presents the quote as that subject's words.
 */
function colonClauseSpeaker(ctx: SpeakerContext, q: Located, last: Found | null): Found | null {
  const prev = ctx.tokens[q.qa - 1];
  // ("Ode also embraced tougher rules -- “…”": a dash introduces the quote as a colon does)
  // (only a whole sentence quoted to the end of the sentence: "… -- “I think …”")
  const dash = prev !== undefined && (/^[—–]$/.test(prev.value) || prev.value === '--') && endsSentence(ctx, q)
    && /^\p{Lu}/u.test(ctx.text.slice(q.s.innerStart, q.s.innerEnd).trim());
  if (!prev || (prev.value !== ':' && !dash) || ctx.inQuote[q.qa - 1] || q.qa - 1 <= q.fa) return null;
  const f = clauseSubject(ctx, q.qa - 1, q.fa, last);
  return f && f.person ? f : null;
}

/**
 * Returns the speaker of a digest line "SIGNS OF A SHIFT - Ana Ruiz: “…”" (a dash, a name and a
 * colon right before the quote). The label is the attribution, so it wins over a verb in the
 * headline before the dash ("Pollsters agree - Ana Ruiz: “…”").
 */
function dashLabelSpeaker(ctx: SpeakerContext, q: Located): Found | null {
  const tokens = ctx.tokens;
  const prev = tokens[q.qa - 1];
  if (!prev || prev.value !== ':' || ctx.inQuote[q.qa - 1] || q.fa >= q.qa - 1) return null;
  const end = phraseEndingAt(tokens, q.qa - 1, q.fa);
  if (!end || !end.name || end.name.to !== q.qa - 1) return null;
  // (a spaced hyphen can be read as part of the phrase: the dash is then its first token)
  // ("important for the contests - Ana Ruiz:": the phrase may run over the dash to the name)
  // "… - Dana Cole and Ben Ode:": two names, both speak
  let from = end.name.from;
  if (/^(?:and|&)$/.test(tokens[from - 1]?.value ?? '')) {
    let b = from - 1;
    while (b - 1 > q.fa && isNameToken(tokens[b - 1]!) && from - b < 6) b--;
    if (b < from - 1 && DASH.test(tokens[b - 1]?.value ?? '')) from = b;
  }
  const before = DASH.test(tokens[end.from]!.value) ? tokens[end.from] : DASH.test(tokens[from - 1]?.value ?? '') ? tokens[from - 1] : tokens[end.from - 1];
  if (!before || !DASH.test(before.value)) return null;
  return ctx.found(from, end.name.to, 'same-sentence', true);
}
const DASH = /^[\u2015\u2014\u2013-]$/;

/** True when the word before the quote introduces a name or title ("identified only as"). */
function isNamed(ctx: SpeakerContext, q: Located): boolean {
  const prev = ctx.tokens[q.qa - 1];
  if (!prev || ctx.inQuote[q.qa - 1]) return false;
  const v = prev.lower;
  if (!NAMING_CUES.has(v)) return false;
  // "Trump called it “a disaster”": calling with a speaker is speech, not a name
  const so = ctx.tokens[q.qa - 2]?.lower === 'so' || (ctx.tokens[q.qa - 2]?.value === '-' && ctx.tokens[q.qa - 3]?.lower === 'so');
  if (v === 'called') return !ctx.isSpeechVerb(q.qa - 1) || ctx.tokens[q.qa - 2]?.pos === 'AUX' || so;
  return true;
}

/**
 * True when the quote's sentence names no one and has no speech verb outside quotes, and the
 * sentence right before it (same paragraph) holds a quote.
 */
function followsQuotedSentence(ctx: SpeakerContext, q: Located): boolean {
  const si = ctx.sentOf[q.fa]!;
  if (si <= 0) return false;
  for (let i = q.fa; i < q.fb; i++) {
    if (ctx.inQuote[i]) continue;
    if (ctx.isSpeechVerb(i) || ctx.tokens[i]!.pos === 'PROPN' || ctx.tokens[i]!.type === 'tabCRLF') return false;
    if (ctx.tokens[i]!.pos === 'PRON' && /^(?:he|she|they|we|i)$/i.test(ctx.tokens[i]!.value)) return false;
  }
  const prev = ctx.sentences[si - 1]!;
  if (ctx.text.slice(prev.end, ctx.tokens[q.fa]!.start).includes('\n')) return false;
  for (let i = prev.tokenStart; i < prev.tokenEnd; i++) if (ctx.inQuote[i]) return true;
  return false;
}

/** True when the quote closes its sentence (only punctuation after it). */
function endsSentence(ctx: SpeakerContext, q: Located): boolean {
  for (let i = q.qb; i < q.fb; i++) if (!ctx.inQuote[i] && ctx.tokens[i]!.pos !== 'PUNCT' && ctx.tokens[i]!.pos !== 'SPACE') return false;
  return true;
}

/** True when the quote opens its sentence (only punctuation before it). */
function startsSentence(ctx: SpeakerContext, q: Located): boolean {
  // ("Instead, “he just acts …”", "But “…”": a connective opening the sentence)
  let a = q.fa;
  while (a < q.qa && ctx.tokens[a]!.pos === 'PUNCT') a++;
  if (a < q.qa && (ctx.tokens[a]!.pos === 'ADV' || ctx.tokens[a]!.pos === 'CCONJ') && /^\p{Lu}/u.test(ctx.tokens[a]!.value)) a++;
  for (let i = a; i < q.qa; i++) if (ctx.tokens[i]!.pos !== 'PUNCT' && !ctx.inQuote[i]) return false;
  return true;
}

/** True when most quoted words are capitalised: a title ("Shark Tank"), not speech. */
function isTitleCase(ctx: SpeakerContext, q: Located): boolean {
  let caps = 0, words = 0;
  for (let i = q.qa; i < q.qb; i++) {
    const t = ctx.tokens[i]!;
    if (t.pos === 'PUNCT' || t.type === 'tabCRLF') continue;
    words++;
    if (/^[A-Z]/.test(t.value) || (t.stop && t.value.length <= 3)) caps++;
  }
  return words > 0 && caps / words >= 0.8 && words <= 8;
}

function toQuote(text: string, s: QuoteStretch, found: Found | null, index: number): Quote {
  return {
    id: `q${index}`,
    start: s.start,
    end: s.end,
    text: text.slice(s.innerStart, s.innerEnd).trim(),
    speaker: found?.text ?? null,
    speakerStart: found?.start ?? null,
    speakerEnd: found?.end ?? null,
    speakerHow: found?.how ?? 'none',
  };
}

/** Gives earlier parts of a multi-paragraph quote the speaker found only in a later part. */
function backfillGroups(quotes: Quote[], located: Located[], groupSpeaker: Map<number, Found>): void {
  const groupOf = new Map<number, number>();
  for (const l of located) groupOf.set(l.s.start, l.s.group);
  for (const q of quotes) {
    if (q.speaker) continue;
    const g = groupOf.get(q.start);
    const f = g === undefined ? undefined : groupSpeaker.get(g);
    if (f) Object.assign(q, { speaker: f.text, speakerStart: f.start, speakerEnd: f.end, speakerHow: 'continuation' });
  }
}
