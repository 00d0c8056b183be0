/**
 * Direct quotes + speakers eval on PolNeAR (Newell, Margolin & Ruths 2018), read by loadPolnear
 * (one annotator's file per article). The product's findQuotes runs on tokenize(article.text).
 *
 * Gold quotes: relations whose Content contains a double quotation mark (“ ” " « »; single marks
 * are left out because ’ is also the apostrophe). The gold quote is the quoted part of the
 * content, not the whole content: within each content segment, marks are paired in order and
 * each pair gives one gold span from the opening to the closing mark inclusive (so a content
 * “A,” … “B.” gives two gold quotes with the same source). A mark left open runs to the end of
 * its segment; a segment whose first mark closes starts the span at the segment start. Parts
 * with no letter inside are ignored. When two relations give overlapping parts (a quote inside
 * the content of an outer "X said that Y said …" relation), the part of the relation with the
 * shorter content wins, so each quoted stretch is one gold item with its innermost speaker.
 *
 * Matching: a predicted quote matches a gold one when their shared characters are >= 0.3 (f1_03)
 * or >= 0.8 (f1_08) of the longer span; pairs are taken greedily by overlap share, each gold and
 * each prediction at most once.
 *
 * Speakers (on the 0.3 matches): the gold speaker is the relation's Source text. A pronoun
 * source ("he", "she", "they", "I", "we", "it", "who", "which") is replaced by the nearest Source
 * span before it in the same annotation file that contains a proper name and that the pronoun
 * can refer to: for "he"/"she", a person (its phrase ends in a person's name, or its head is a
 * lower-case person noun such as "senator"; not a body or document such as "the FBI", "Opinion
 * polls", "excerpts of his speech") whose sex, where a first name, title or noun shows it, does
 * not clash; a bare surname takes the sex its full name or title shows elsewhere in the article
 * ("Sanders" after "Bernie Sanders"); for the other pronouns, any named source. With none it is
 * counted wrong. A relative pronoun ("who", "which", "that") stands for the phrase right before it
 * (its nearest preceding mention): the last capitalised name there that is no place ("Sen. Ana
 * Ruiz of Salem, who …" -> Ana Ruiz), else the phrase itself. A definite description of a person ("the Vermont senator", "The Republican
 * nominee": "the" and a lower-case person head) is resolved the same way, and a prediction naming
 * either the description or its antecedent is right. (The first-name lists are the product's,
 * from src/analysis/names.ts.) A relation with no Source is right only when no speaker is
 * predicted. Otherwise only the phrase part of each speaker string counts: up to a comma,
 * bracket, dash or "who" (names in an appositive, "Ben Ode, a spokesman for the Ruiz campaign",
 * are not the speaker's), and up to "of/for/from/at/in/with/on" after a name or a common noun
 * ("Ben Ode of the Sierra Club"); a role phrase followed by a bare name ("the city's engineer, Ben
 * Ode,") is that name. When the gold phrase ends in a person's name (the last run of
 * capitalised words, titles such as "Sen."/"Chairman" left out, not a body such as "... Council"
 * or a place), the prediction is right when it names a person with the same surname and no
 * clashing first name ("Bill Clinton" is not "Hillary Clinton"), or is a role description taken
 * from the gold source itself ("president of the teachers' union", head a person noun). Otherwise
 * (a body or a description) it is right when the two phrases share a name word, or, when the gold
 * phrase has no name word ("the mission", "officials"), a lower-cased content word.
 * speaker_accuracy_named counts only relations whose own Source text contains a name token.
 */
import type { Span } from '../../shared/spans.js';
import { tokenize } from '../../analysis/nlp.js';
import { findQuotes } from '../../analysis/quotes.js';
import { loadPolnear, type PolnearArticle } from './polnear.js';
import { FEMALE_NAMES, MALE_NAMES, ORG_HEADS, PLACES } from '../../analysis/names.js';

export interface QuotesEval {
  f1_03: number;
  f1_08: number;
  precision_03: number;
  recall_03: number;
  speaker_accuracy: number;
  speaker_accuracy_named: number;
  n_gold: number;
  n_pred: number;
}

export interface GoldQuote extends Span {
  /** Source text after pronoun resolution; null for a relation with no source or an unresolved pronoun. */
  source: string | null;
  /** The relation has no Source at all (then a null prediction is right). */
  noSource: boolean;
  /** The relation's own Source text contains a proper name. */
  named: boolean;
  /** For a definite-description source ("the Vermont senator"): its antecedent by the pronoun rule. */
  described?: string | null;
  /** The relation's own Source text as annotated (before resolution), for error reports. */
  raw?: string | null;
}

export interface PredQuote extends Span {
  speaker: string | null;
}

export interface QuoteCounts {
  gold: number;
  pred: number;
  matched03: number;
  matched08: number;
  speakerRight: number;
  namedMatched: number;
  namedRight: number;
}

/** Capitalised words that do not make a name: function words and bare titles. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my',
  'this', 'that', 'these', 'those', 'some', 'many', 'most', 'several', 'other', 'others', 'both', 'one',
  'all', 'few', 'who', 'which', 'president', 'sen', 'senator', 'rep', 'gov', 'governor', 'mr', 'mrs', 'ms',
  'dr', 'gen', 'former', 'secretary', 'officials', 'official', 'sources', 'source', 'and', 'of', 'for',
  'about', 'but', 'only', 'also', 'even', 'however', 'yet', 'so', 'then', 'now', 'just', 'nearly', 'almost', 'another',
  'each', 'every', 'any', 'no', 'not', 'if', 'when', 'as', 'in', 'on', 'at', 'to', 'from', 'with', 'by',
]);
const PRONOUN_SOURCES = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'who', 'which', 'him', 'her', 'them', 'that']);
const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'in', 'on', 'at', 'by', 'with', 'from', 's', 'his', 'her', 'their', 'its', 'this', 'that']);

const words = (s: string) => s.replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Returns the lower-cased name words of a speaker string (see the header for the rule). */
export function nameTokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(s)) if (/^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase())) out.add(w.toLowerCase());
  return out;
}

function contentTokens(s: string): Set<string> {
  return new Set(words(s).map((w) => w.toLowerCase()).filter((w) => !STOP.has(w) && !PRONOUN_SOURCES.has(w)));
}

/** Name-like words after a surname that are not the surname ("Donald Trump Jr."). */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Lower-case particles inside surnames ("Bill de Blasio", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'del', 'da', 'di', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'dos', 'du']);
/** Capitalised titles that lead a name and are never part of it ("CBC Chairman G.K. Butterfield"). */
const TITLE_WORDS = new Set([
  'president', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mr', 'mrs', 'ms', 'dr', 'gen', 'general',
  'former', 'secretary', 'speaker', 'chairman', 'chairwoman', 'chair', 'chief', 'director', 'leader', 'minister', 'mayor',
  'judge', 'justice', 'attorney', 'ambassador', 'commissioner', 'archbishop', 'bishop', 'pope', 'king', 'queen', 'prince',
  'princess', 'officer', 'sheriff', 'professor', 'prof', 'adm', 'lt', 'col', 'sgt', 'capt', 'maj', 'rev', 'vice',
  'majority', 'minority', 'whip', 'spokesman', 'spokeswoman', 'spokesperson', 'press', 'staff', 'deputy', 'state',
  'congressman', 'congresswoman', 'lord', 'lady', 'sir', 'dame', 'father', 'sister', 'brother', 'rabbi', 'imam',
]);
/** Month and weekday names: capitalised, never a person's name. */
const CALENDAR_WORDS = /^(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Prepositions after which a phrase goes on to a place or body ("Sen. Tom Carper of Delaware"). */
const HEAD_LINKS = /\s(?:of|from|at|in|with|on|for)\s/;

/**
 * Returns the phrase part of a speaker string: up to its first comma, bracket, dash or relative
 * "who"/"which", so names in an appositive ("Ben Ode, a spokesman for the Trump campaign") are not
 * the speaker's own; then, when a person or a common noun comes before a linking preposition
 * ("Ben Ode of the Sierra Club", "president of the teachers' union"), up to that preposition,
 * unless the phrase ends in a name right after a common noun ("master of ceremonies Ben Ode").
 */
export function headOf(s: string): string {
  const h = s.split(/,|\(|\s[—–-]{1,2}\s|\s(?:who|which|whose)\s/)[0]!;
  const m = HEAD_LINKS.exec(h);
  if (!m) return h;
  const left = h.slice(0, m.index);
  // "Ben Ode of the Sierra Club", "a spokesman for the board": a name or a common noun heads it
  if (runNames(left).length > 0) return left;
  if (!/^\p{Ll}/u.test(words(left).pop() ?? '')) return h;
  // but "master of ceremonies Ben Ode": a name right after a lower-case noun is the head
  const rw = words(h.slice(m.index + m[0].length));
  let b = rw.length;
  while (b > 0 && /^\p{Lu}/u.test(rw[b - 1]!)) b--;
  const before = rw[b - 1];
  const nameLast = b < rw.length && before !== undefined && /^\p{Ll}/u.test(before) && !STOP.has(before) && runNames(rw.slice(b).join(' ')).length > 0;
  return nameLast ? h : left;
}

export interface PersonName { surname: string; first: string | null; run: string[]; }

/**
 * Returns the person names a speaker string's phrase ends in, one per "and"-joined part: the last
 * run of capitalised name words ("Trump campaign spokesperson Steven Cheung" -> Steven Cheung),
 * titles left out, unless that run names a body ("the National Security Council") or a place, or
 * the phrase ends in a common noun ("Clinton's campaign": a body named after a person).
 */
export function personNames(s: string): PersonName[] {
  const own = runNames(headOf(s));
  if (own.length > 0) return own;
  // "Trump's Virginia state director, Mike Rubino,": a role, then the person's name as apposition
  const parts = s.split(',');
  const role = words(parts[0]!);
  const name = words(parts[1] ?? '');
  if (parts.length > 1 && /^\p{Ll}/u.test(role[role.length - 1] ?? '') && name.length > 0 && name.length <= 4 && name.every((w) => /^\p{Lu}/u.test(w))) return runNames(parts[1]!);
  return own;
}

function runNames(phrase: string): PersonName[] {
  const out: PersonName[] = [];
  const cap = (w: string) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()) && !CALENDAR_WORDS.test(w);
  const title = (w: string) => TITLE_WORDS.has(w.toLowerCase());
  for (const part of phrase.split(/\s+(?:and|&)\s+/)) {
    const ws = words(part);
    let e = ws.length;
    while (e > 0 && NAME_SUFFIXES.has(ws[e - 1]!.toLowerCase())) e--;
    if (e === 0 || !cap(ws[e - 1]!)) continue;
    let b = e - 1;
    while (b > 0 && (cap(ws[b - 1]!) || (NAME_PARTICLES.has(ws[b - 1]!) && b >= 2 && cap(ws[b - 2]!)))) b--;
    let run = ws.slice(b, e);
    // titles lead a name ("CBC Chairman G.K. Butterfield"); a title alone names nobody ("Speaker")
    let cut = -1;
    for (let i = 0; i < run.length - 1; i++) if (title(run[i]!)) cut = i;
    run = run.slice(cut + 1);
    if (run.length === 0) continue;
    const last = run[run.length - 1]!;
    // a title last is a surname only after a first name ("Billie Jean King", not "RNC Chief")
    if (title(last) && !run.slice(0, -1).some((w) => FEMALE_NAMES.has(w.toLowerCase()) || MALE_NAMES.has(w.toLowerCase()))) continue;
    const l = last.toLowerCase();
    const acronym = /^\p{Lu}{2,5}$/u.test(last) && !MALE_NAMES.has(l) && !FEMALE_NAMES.has(l);
    const lower = run.map((w) => w.toLowerCase());
    if (acronym || BODY_HEADS.has(l) || ORG_HEADS.has(l) || lower.every((w) => PLACES.has(w))) continue;
    out.push({ surname: l, first: lower.length >= 2 ? lower[0]! : null, run: lower });
  }
  return out;
}

/**
 * True when two person names can be the same person: the same surname, and no clash of first
 * names (both given, different, and neither one a word of the other name: "Hillary Clinton" is not
 * "Bill Clinton", "Debbie Wasserman Schultz" is "Wasserman Schultz").
 */
function samePerson(a: PersonName, b: PersonName): boolean {
  if (a.surname !== b.surname) return false;
  if (!a.first || !b.first || a.first === b.first) return true;
  if (a.first.length === 1 || b.first.length === 1) return a.first[0] === b.first[0];
  return b.run.includes(a.first) || a.run.includes(b.first);
}

/**
 * True when a predicted speaker is a role description taken from the gold source itself ("the
 * city's chief engineer" for "Ana Ruiz, the city's chief engineer,"): its words run inside the
 * gold's, it names nobody, and its head is a person noun.
 */
function isRoleOf(pred: string, gold: string): boolean {
  if (personNames(pred).length > 0) return false;
  const pw = words(pred).map((w) => w.toLowerCase()).filter((w, i) => i > 0 || !STOP.has(w));
  const gw = words(gold).map((w) => w.toLowerCase());
  const head = words(pred.split(HEAD_LINKS)[0]!).map((w) => w.toLowerCase()).pop() ?? '';
  if (pw.length === 0 || !PERSON_HEADS.has(head)) return false;
  if (pw.length === 1 && /^\p{Lu}/u.test(words(pred).pop() ?? '')) return false;
  for (let i = 0; i + pw.length <= gw.length; i++) if (pw.every((w, k) => gw[i + k] === w)) return true;
  return false;
}

/** Returns true when the predicted speaker names the same person or body as the gold source. */
export function sameSpeaker(pred: string | null, gold: GoldQuote): boolean {
  if (gold.noSource) return pred === null;
  if (pred === null || gold.source === null) return false;
  if (gold.described && sameSpeaker(pred, { ...gold, source: gold.described, described: null })) return true;
  const gp = personNames(gold.source), pp = personNames(pred);
  // a person: the same person's name, or a role description from the gold source itself
  if (gp.length > 0) return pp.length > 0 ? pp.some((p) => gp.some((g) => samePerson(p, g))) : isRoleOf(pred, gold.source);
  // a body or a description: a shared name word of the two phrases, else a shared content word
  const g = nameTokens(headOf(gold.source));
  if (g.size > 0) {
    for (const w of nameTokens(headOf(pred))) if (g.has(w)) return true;
    return false;
  }
  const gc = contentTokens(gold.source);
  for (const w of contentTokens(pred)) if (gc.has(w)) return true;
  return false;
}

const OPEN = '“«„';
const CLOSE = '”»';

/** Returns the quoted parts of one content segment (see the header). */
export function quotedParts(text: string, seg: Span): Span[] {
  const parts: Span[] = [];
  let open = -1;
  let first = true;
  for (let i = seg.start; i < seg.end; i++) {
    const c = text[i]!;
    let opens = false, closes = false;
    if (OPEN.includes(c)) opens = true;
    else if (CLOSE.includes(c)) closes = true;
    else if (c === '"') {
      if (open >= 0) closes = true;
      else {
        const before = i > 0 ? text[i - 1]! : ' ';
        const after = text[i + 1] ?? ' ';
        if (!/[\p{L}\p{N}.,!?;:]/u.test(before) && !/\s/.test(after)) opens = true;
        else closes = true;
      }
    } else continue;
    if (opens) open = i;
    else if (closes) {
      if (open >= 0) parts.push({ start: open, end: i + 1 });
      else if (first) parts.push({ start: seg.start, end: i + 1 });
      open = -1;
    }
    first = false;
  }
  if (open >= 0) parts.push({ start: open, end: seg.end });
  return parts.filter((p) => /\p{L}/u.test(text.slice(p.start, p.end)));
}

const spanText = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end)).join(' ').trim();

/**
 * Lower-case head nouns that name a person ("the Vermont senator", "a spokesman for X"). Used only
 * to tell a person source from a body or document ("the FBI", "a poll", "excerpts of his speech")
 * when resolving "he"/"she" and definite descriptions in the gold.
 */
const PERSON_HEADS = new Set([
  'senator', 'governor', 'nominee', 'candidate', 'president', 'spokesman', 'spokeswoman', 'spokesperson',
  'official', 'director', 'chairman', 'chairwoman', 'chair', 'leader', 'secretary', 'adviser', 'advisor', 'aide',
  'manager', 'strategist', 'professor', 'attorney', 'lawyer', 'judge', 'mayor', 'congressman', 'congresswoman',
  'lawmaker', 'businessman', 'businesswoman', 'billionaire', 'mogul', 'man', 'woman', 'boy', 'girl', 'mother',
  'father', 'wife', 'husband', 'son', 'daughter', 'frontrunner', 'front-runner', 'contender', 'rival', 'challenger',
  'incumbent', 'representative', 'minister', 'ambassador', 'general', 'commander', 'economist', 'analyst',
  'pollster', 'founder', 'ceo', 'executive', 'host', 'anchor', 'moderator', 'reporter', 'writer', 'author',
  'columnist', 'historian', 'scientist', 'expert', 'activist', 'organizer', 'chief', 'king', 'queen', 'pope',
  'speaker', 'former', 'democrat', 'republican', 'veteran', 'voter', 'supporter', 'student', 'teacher', 'doctor',
  'salesman', 'saleswoman', 'agent', 'user', 'resident', 'owner', 'worker', 'member', 'officer', 'operative', 'consultant',
  'correspondent', 'editor', 'aide', 'staffer', 'volunteer', 'protester', 'delegate', 'retiree', 'partner', 'friend',
  'ally', 'critic', 'donor', 'fundraiser', 'official', 'diplomat', 'prosecutor', 'investigator', 'researcher', 'fellow',
  'ceo', 'president', 'chairman', 'engineer', 'physician', 'nurse', 'pastor', 'priest', 'singer', 'actor', 'actress',
  'comedian', 'star', 'player', 'coach', 'governor', 'senator', 'secretary', 'congressman', 'executives', 'executive',
]);
const FEMALE_WORDS = new Set(['mrs', 'ms', 'woman', 'spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'mother', 'wife', 'daughter', 'girl', 'queen', 'sister', 'grandmother']);
const MALE_WORDS = new Set(['mr', 'man', 'spokesman', 'congressman', 'chairman', 'businessman', 'father', 'husband', 'son', 'boy', 'king', 'brother', 'grandfather']);
/** Capitalised heads that make a source a body, not a person (the scorer's own short list). */
const BODY_HEADS = new Set([
  'campaign', 'committee', 'council', 'department', 'administration', 'party', 'house', 'times', 'post', 'news',
  'journal', 'press', 'poll', 'report', 'statement', 'ad', 'court', 'congress', 'senate', 'agency', 'office',
  'association', 'institute', 'university', 'network', 'group', 'union', 'board', 'fund', 'center', 'foundation',
  'register', 'tribune', 'herald', 'globe', 'gazette', 'review', 'magazine', 'daily', 'weekly', 'standard', 'observer',
  'examiner', 'telegraph', 'chronicle', 'inquirer', 'watch', 'pac', 'project', 'alliance', 'coalition', 'initiative',
  'society', 'forum', 'club', 'bureau', 'company', 'corporation', 'industries', 'airlines', 'partners', 'associates',
  'trust', 'academy', 'school', 'schools', 'church', 'patriarchate', 'ministry', 'embassy', 'mission', 'cabinet', 'staff',
]);

type Sex = 'f' | 'm' | null;
export interface SourceInfo { at: number; text: string; person: boolean; named: boolean; sex: Sex; description: boolean; }

/** Returns what the gold scorer knows of one source text: person or body, sex, definite description. */
export function sourceInfo(s: string, at = 0): SourceInfo {
  const head = headOf(s);
  const ws = words(head);
  const last = ws[ws.length - 1] ?? '';
  const capital = /^\p{Lu}/u.test(last);
  const person = personNames(s).length > 0 || (!capital && PERSON_HEADS.has(last.toLowerCase()));
  let sex: Sex = null;
  for (const w of ws) {
    const l = w.toLowerCase();
    const f = FEMALE_WORDS.has(l) || (/^\p{Lu}/u.test(w) && FEMALE_NAMES.has(l) && !MALE_NAMES.has(l));
    const m = MALE_WORDS.has(l) || (/^\p{Lu}/u.test(w) && MALE_NAMES.has(l) && !FEMALE_NAMES.has(l));
    if (f && !m) { sex = 'f'; break; }
    if (m && !f) { sex = 'm'; break; }
  }
  // "the Vermont senator", "The Republican nominee": a definite article and a lower-case person head
  const description = !capital && person && /^the$/i.test(ws[0] ?? '');
  return { at, text: s, person, named: nameTokens(s).size > 0 && capital, sex, description };
}

const HE_SHE: Record<string, Sex> = { he: 'm', him: 'm', she: 'f', her: 'f' };

/**
 * Returns the gold antecedent of a pronoun or definite-description source at `at`: the nearest
 * earlier named source that can be what the words refer to ("he"/"she" and descriptions: a person
 * of a fitting sex; other pronouns: any named source), or null.
 */
export function antecedent(named: SourceInfo[], at: number, want: { person: boolean; sex: Sex }): string | null {
  for (let k = named.length - 1; k >= 0; k--) {
    const m = named[k]!;
    if (m.at >= at) continue;
    if (want.person && !m.person) continue;
    if (want.sex && m.sex && m.sex !== want.sex) continue;
    return m.text;
  }
  return null;
}

/**
 * Gives a person source whose own words show no sex ("Sanders") the sex that the same surname
 * shows elsewhere in the article: in another source ("Sen. Bernie Sanders") or in the text ("Bernie
 * Sanders", "Mr. Sanders"). A surname seen with both sexes ("Bill" and "Hillary Clinton") stays open.
 */
export function fillSexBySurname(text: string, named: SourceInfo[]): void {
  const seen = new Map<string, Set<Sex>>();
  const note = (surname: string, sex: Sex) => { if (sex) (seen.get(surname) ?? seen.set(surname, new Set()).get(surname)!).add(sex); };
  for (const m of named) if (m.person && m.sex) for (const p of personNames(m.text)) note(p.surname, m.sex);
  const want = new Set<string>();
  for (const m of named) if (m.person && !m.sex) for (const p of personNames(m.text)) want.add(p.surname);
  if (want.size === 0) return;
  // "Bernie Sanders", "Bernie M. Sanders", "Ms. Ruiz" in the running text
  for (const mt of text.matchAll(/\b(\p{Lu}[\p{L}’'-]*\.?)\s+(?:\p{Lu}\.\s+)?(\p{Lu}[\p{L}’'-]+)/gu)) {
    const surname = mt[2]!.toLowerCase();
    if (!want.has(surname)) continue;
    const f = mt[1]!.toLowerCase().replace(/\.$/, '');
    if (FEMALE_WORDS.has(f) || (FEMALE_NAMES.has(f) && !MALE_NAMES.has(f))) note(surname, 'f');
    else if (MALE_WORDS.has(f) || (MALE_NAMES.has(f) && !FEMALE_NAMES.has(f))) note(surname, 'm');
  }
  for (const m of named) {
    if (!m.person || m.sex) continue;
    const ps = personNames(m.text);
    const sexes = ps.length === 1 ? seen.get(ps[0]!.surname) : undefined;
    if (sexes && sexes.size === 1) m.sex = [...sexes][0]!;
  }
}

/** Relative pronouns: their antecedent is the phrase they follow, not the last named source. */
const RELATIVE_SOURCES = new Set(['who', 'which', 'that']);

/**
 * Returns the antecedent of a relative-pronoun source at `at` ("Sen. Ana Ruiz of Salem, who
 * said …"): the nearest mention before it, that is the phrase between the last clause boundary
 * (sentence end, comma, colon, dash, bracket or quotation mark) and the pronoun; within it, the
 * last run of capitalised words that is a person's or body's name and not a place, else the
 * whole phrase ("her campaign's leadership, who …"). Null when there is no phrase.
 */
export function relativeAntecedent(text: string, at: number): string | null {
  let e = at;
  while (e > 0 && /[\s,]/.test(text[e - 1]!)) e--;
  let b = e;
  while (b > 0 && e - b < 120 && !/[.;:!?,\n—–(“”"]/.test(text[b - 1]!)) b--;
  const phrase = text.slice(b, e).trim();
  if (!phrase) return null;
  const ws = phrase.split(/\s+/);
  // from the end: place names and the prepositions before them may follow the name ("… of Salem")
  for (let end = ws.length; end > 0;) {
    if (!/^\p{Lu}/u.test(ws[end - 1]!)) {
      if (!/^(?:of|from|in|at)$/.test(ws[end - 1]!)) return phrase;
      end--;
      continue;
    }
    let start = end - 1;
    while (start > 0 && /^\p{Lu}/u.test(ws[start - 1]!)) start--;
    const run = ws.slice(start, end).join(' ');
    // "Ruiz of Salem": a name after "of" that follows another name is the first one's complement
    const complement = start >= 2 && /^(?:of|from|in|at)$/.test(ws[start - 1]!) && /^\p{Lu}/u.test(ws[start - 2]!);
    if (!complement && nameTokens(run).size > 0 && !words(run).every((w) => PLACES.has(w.toLowerCase()))) return run;
    end = start;
  }
  return phrase;
}

/** Returns the article's gold quotes in text order. */
export function goldQuotes(article: PolnearArticle): GoldQuote[] {
  const { text } = article;
  // named sources in order, for resolving pronoun and description sources
  const named: SourceInfo[] = [];
  for (const r of article.relations) {
    if (!r.source || r.source.length === 0) continue;
    const info = sourceInfo(spanText(text, r.source), r.source[0]!.start);
    if (info.named) named.push(info);
  }
  named.sort((a, b) => a.at - b.at);
  fillSexBySurname(text, named);
  const items: (GoldQuote & { size: number })[] = [];
  for (const r of article.relations) {
    if (r.content.length === 0) continue;
    const parts = r.content.flatMap((seg) => quotedParts(text, seg));
    if (parts.length === 0) continue;
    const size = r.content.reduce((n, s) => n + s.end - s.start, 0);
    let source: string | null = null;
    let isNamed = false;
    let described: string | null = null;
    const noSource = !r.source || r.source.length === 0;
    if (!noSource) {
      const s = spanText(text, r.source!);
      isNamed = nameTokens(s).size > 0;
      const at = r.source![0]!.start;
      const low = s.toLowerCase();
      if (RELATIVE_SOURCES.has(low)) {
        source = relativeAntecedent(text, at);
      } else if (PRONOUN_SOURCES.has(low)) {
        const sex = HE_SHE[low] ?? null;
        source = antecedent(named, at, { person: sex !== null, sex });
      } else {
        source = s;
        const info = sourceInfo(s, at);
        if (info.description) described = antecedent(named, at, { person: true, sex: info.sex });
      }
    }
    const raw = noSource ? null : spanText(text, r.source!);
    for (const p of parts) items.push({ ...p, source, noSource, named: isNamed, raw, described, size });
  }
  // one gold item per quoted stretch: the innermost relation's
  items.sort((a, b) => a.size - b.size);
  const kept: (GoldQuote & { size: number })[] = [];
  for (const it of items) {
    if (kept.some((k) => overlapShare(k, it) >= 0.8)) continue;
    kept.push(it);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ size: _size, ...g }) => g);
}

/** Returns shared characters divided by the longer span's length. */
export function overlapShare(a: Span, b: Span): number {
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / Math.max(a.end - a.start, b.end - b.start, 1);
}

/** Returns greedy one-to-one matches (gold index, pred index) with overlap share >= threshold. */
export function matchSpans(gold: Span[], pred: Span[], threshold: number): [number, number][] {
  const pairs: [number, number, number][] = [];
  // both lists are in text order: a sweep keeps the pair search near-linear
  let j0 = 0;
  for (let g = 0; g < gold.length; g++) {
    while (j0 < pred.length && pred[j0]!.end <= gold[g]!.start) j0++;
    for (let p = j0; p < pred.length && pred[p]!.start < gold[g]!.end; p++) {
      const share = overlapShare(gold[g]!, pred[p]!);
      if (share >= threshold) pairs.push([share, g, p]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>(), usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, g, p] of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g); usedP.add(p);
    out.push([g, p]);
  }
  return out;
}

/** Returns the match and speaker counts for one article's gold and predicted quotes. */
export function scoreQuotes(gold: GoldQuote[], pred: PredQuote[]): QuoteCounts {
  const g = [...gold].sort((a, b) => a.start - b.start);
  const p = [...pred].sort((a, b) => a.start - b.start);
  const m03 = matchSpans(g, p, 0.3);
  const m08 = matchSpans(g, p, 0.8);
  let speakerRight = 0, namedMatched = 0, namedRight = 0;
  for (const [gi, pi] of m03) {
    const ok = sameSpeaker(p[pi]!.speaker, g[gi]!);
    if (ok) speakerRight++;
    if (g[gi]!.named) { namedMatched++; if (ok) namedRight++; }
  }
  return { gold: g.length, pred: p.length, matched03: m03.length, matched08: m08.length, speakerRight, namedMatched, namedRight };
}

/** Returns the summed counts as the eval's figures. */
export function summarizeQuotes(counts: QuoteCounts[]): QuotesEval {
  const sum = (k: keyof QuoteCounts) => counts.reduce((n, c) => n + c[k], 0);
  const gold = sum('gold'), pred = sum('pred');
  const f1 = (m: number) => (gold + pred === 0 ? 1 : (2 * m) / (gold + pred));
  const m03 = sum('matched03');
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    f1_03: f1(m03),
    f1_08: f1(sum('matched08')),
    precision_03: div(m03, pred),
    recall_03: div(m03, gold),
    speaker_accuracy: div(sum('speakerRight'), m03),
    speaker_accuracy_named: div(sum('namedRight'), sum('namedMatched')),
    n_gold: gold,
    n_pred: pred,
  };
}

/** Returns gold and predicted quotes for one article (predictions from the product's findQuotes). */
export function quotePairs(article: PolnearArticle): { gold: GoldQuote[]; pred: PredQuote[] } {
  const pred = findQuotes(tokenize(article.text)).map((q) => ({ start: q.start, end: q.end, speaker: q.speaker }));
  return { gold: goldQuotes(article), pred };
}

/** Returns the quotes eval over PolNeAR, or null when the dataset is absent. */
export async function evalQuotes(dataDir: string): Promise<QuotesEval | null> {
  const articles = loadPolnear(dataDir);
  if (!articles) return null;
  const counts = articles.map((a) => {
    const { gold, pred } = quotePairs(a);
    return scoreQuotes(gold, pred);
  });
  return summarizeQuotes(counts);
}
