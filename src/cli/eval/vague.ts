/**
 * Vague / anonymous attribution eval on PolNeAR (Newell, Margolin & Ruths 2018), read by
 * loadPolnear (one annotator's file per article; the authors' train and dev compartments).
 *
 * The rule: gold = attribution relations with no source, or whose source names no person
 * or organisation. Read exactly as follows (the headline figure, `vague.f1`):
 *   (a) every relation without a Source (label `Attribution-no-source`) that has a Cue, except
 *       when the cue is an interview question ("asked", "was asked about") or a name ("called",
 *       "named", "dubbed", "titled", "nicknamed", "so-called", "known ... as"). A question put by
 *       the interviewer and the name of a thing are not claims credited to anyone, so no source is
 *       missing (QUESTION_OR_NAME below);
 *   (b) every relation whose Source names no person or organisation, whatever its cue:
 *       - a source that is a personal pronoun ("he", "they", "his") or starts with a definite
 *         determiner or possessive ("the", "this", "these", "his", "their", "both", "each", or a
 *         word ending in 's) refers to an entity the article identifies elsewhere ("the
 *         president", "his campaign", "the poll"), so it is not unnamed; PolNeAR marks the mention
 *         in the sentence, not its antecedent;
 *       - a relative pronoun source ("who", "which", "that") stands for the noun phrase right
 *         before it ("critics who say", "Mr. Trump, who said"), which is judged instead: the run
 *         of adjectives, nouns, names and numbers ending before the pronoun (a comma skipped)
 *         with the determiner that opens it, read on the project's wink tokens
 *         (relativeAntecedent below); a highlight on it counts;
 *       - otherwise the source is unnamed when none of its words is a proper name. A word is a
 *         proper name when it starts with a capital letter, except (i) the first word when its
 *         lower-case form is in POSITION_CAPITALS or is a number word (determiners, quantifiers,
 *         numbers and common source nouns capitalised only by their place in the sentence:
 *         "Officials", "Some", "Critics", "Thirty")
 *         and (ii) words for members of a party, nation, religion or ethnic group (GROUP_WORDS in
 *         src/analysis/cues.ts: "Republicans", "Democratic", "American", "Chinese", "Latino"),
 *         except a lone capitalised singular, which is a person's name ("Cuban said");
 *       - a source that does not start with a proper name is also unnamed when it says it is kept
 *         anonymous (ANONYMITY_MARKER: "anonymous", "unnamed", "familiar with", "close to",
 *         "insiders", or "who spoke on condition of anonymity" / "not authorized" in the 60
 *         characters after it): "a source familiar with Cruz's thinking".
 *   So "officials", "a source", "some experts", "many Republicans", "American officials", "a
 *   federal judge", "polls" and "others" are unnamed; "Trump", "White House officials", "Senate
 *   Republicans", "he" and "the candidate" are not.
 * The broad rule (`vague.broad_*`) is the same without the exception in (a): every source-less
 * relation and every unnamed source. Both are reported on every run.
 * Predictions: the product's attribution highlights that say a source is unstated or unnamed
 * (isAttributing: kinds anonymous-source and weasel, and the attributing hedges "reportedly",
 * "allegedly", "is expected to", "seems" ...). The writer's own modal hedges ("may",
 * "probably") and the "no evidence" notes are highlighted too but are not attributions in
 * PolNeAR's sense, so they are not scored here.
 * Matching (overlap): a gold relation is found when some predicted span overlaps its Cue or its
 * Source span; a prediction is correct when it overlaps the Cue or Source span of any gold
 * relation. precision = correct predictions / predictions, recall = found gold / gold.
 * PolNeAR does not annotate every attribution (each token belongs to at most one relation), so
 * part of the "wrong" predictions are real unnamed sources the annotators skipped.
 * Split check: `half_a_*` / `half_b_*` score the articles whose sha1(filename) ends in an even /
 * odd hex digit, to show that a change holds on both halves of the dev data.
 */
import { createHash } from 'node:crypto';
import type { Span } from '../../shared/spans.js';
import { tokenize, type Tokenized } from '../../analysis/nlp.js';
import { findAttributions, isAttributing } from '../../analysis/attributions.js';
import { COMMON_SOURCE_NOUNS, isGroupWord } from '../../analysis/cues.js';
import { loadPolnear, type PolnearArticle, type PolnearRelation } from './polnear.js';
import { overlapScores, type SpanScores } from './hedges.js';

/**
 * First words capitalised only by sentence position: determiners, quantifiers, number words and
 * scalers ("Some", "Nearly", "Thirty"), and the common source nouns the product reads the same way
 * (COMMON_SOURCE_NOUNS in src/analysis/cues.ts: "Officials", "Critics", "Polls", "Allies").
 */
const POSITION_CAPITALS = new Set([
  'a', 'an', 'some', 'many', 'most', 'several', 'other', 'others', 'few', 'all', 'one', 'another', 'any', 'no',
  'none', 'every', 'more', 'fewer', 'less', 'certain', 'various', 'numerous', 'multiple', 'such', 'only', 'not',
  'nearly', 'almost', 'about', 'roughly', 'just', 'even', 'at', 'majority', 'half', 'dozens', 'hundreds', 'thousands',
  ...COMMON_SOURCE_NOUNS,
]);
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-\w+)?$/;
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'whom', 'which', 'that', 'him', 'her', 'them', 'us', 'me', 'himself', 'herself', 'themselves', 'itself', 'his', 'hers', 'their', 'its', 'our', 'my', 'your']);
/** Definite determiners and possessives: the phrase refers back to an entity the article names. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'both', 'each', 'either', 'neither', 'whose']);

/** The gold rule in words, for `npm run eval -- --help` and the README. */
export const VAGUE_GOLD_RULE = `vague (PolNeAR train + dev compartments, one annotator per article):
  gold = (a) every relation without a Source that has a Cue, except when the cue is an interview
         question ("asked") or a name ("called", "named", "dubbed", "titled", "so-called",
         "known ... as"); and
         (b) every relation whose Source names no person or organisation, whatever its cue.
         A Source names no one when (1) it is not a personal pronoun and does not open with "the",
         "this", "these", "his", "their", "both", "each" or a possessive (those point back to
         someone the article names; a relative pronoun "who" / "that" is judged by the noun
         phrase before it), and (2) no word in it has a capital letter, other than a
         sentence-initial determiner, number word or common source noun ("Officials", "Some")
         and words for members of a party, nation or faith ("some Republicans", "American
         officials"; a lone "Cuban" is a name); a Source that fails (2) but does not open with a
         name also counts when it says it is anonymous ("a source familiar with Cruz's
         thinking", "..., who requested anonymity").
  A highlight finds a gold relation when it overlaps its Cue or Source span; precision counts the
  highlights that overlap any gold relation. Scored highlights: anonymous-source, weasel and the
  attributing hedges ("reportedly", "is expected to", "seems"), not the writer's own "may".
  broad_* = the same without the exception in (a). half_a_* / half_b_* = articles whose
  sha1(filename) ends in an even / odd hex digit (half_*_precision / _recall beside their f1).
  recall_saying_believing / _poll_share /
  _other_cue = recall by the cue class of the gold relation (diagnostic only).`;

const bare = (w: string) => w.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');

/** Words that say a source is kept anonymous (the "anonymous officials", "people familiar with"). */
export const ANONYMITY_MARKER = /\b(?:anonymous|anonymously|anonymity|unnamed|unidentified|not authori[sz]ed|not to be (?:named|identified)|familiar with|close to|briefed on|(?:knowledge|details) of|insiders?)\b/i;

/**
 * Returns true when a Source text names no person or organisation, or says the source is kept
 * anonymous (rule (b) above). `after` is the article text right after the source span, where
 * "who spoke on condition of anonymity" often stands.
 */
export function isVagueSource(source: string, after = ''): boolean {
  const words = source.trim().split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (!words.length) return true;
  const first = bare(words[0]!);
  if (words.length === 1 && PRONOUNS.has(first)) return false;
  if (DEFINITE.has(first) || /['’]s$/.test(words[0]!)) return false;
  // a lone capitalised singular is a person's name even when it is also a group word ("Cuban said")
  if (words.length === 1 && /^[^A-Za-z]*[A-Z]/.test(words[0]!) && !/s\W*$/.test(words[0]!) && !POSITION_CAPITALS.has(first)) return false;
  const named = (w: string, i: number) => /^[^A-Za-z]*[A-Z]/.test(w) && !(i === 0 && (POSITION_CAPITALS.has(first) || NUMBER_WORD.test(first))) && !isGroupWord(w);
  if (!words.some(named)) return true;
  // "a source familiar with Cruz's thinking", "a senior Trump adviser, who requested anonymity":
  // anonymous although a name occurs, unless the source itself starts with a name.
  const tail = /^[^.!?]{0,60}/.exec(after)?.[0] ?? '';
  return !named(words[0]!, 0) && (ANONYMITY_MARKER.test(source) || /anonym|not authori[sz]ed|not to be (?:named|identified)/i.test(tail));
}

/**
 * Source-less cues that credit no claim to anyone: an interview question ("asked") or a name
 * ("called", "known as"). Tested on the cue text followed by the next word of the article.
 */
export const QUESTION_OR_NAME = /\b(?:ask|asks|asked|asking|so-called|named|nicknamed|dubbed|titled|call(?:s|ed|ing)?(?!\s+(?:for|on|upon|out)\b))\b|\bknown\b(?:\s+[\w-]+){0,3}?\s+as\b/i;

const textOf = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end)).join(' ');

/** Which part of the rule a gold relation comes from. */
export type VagueGoldKind = 'no-source' | 'unnamed-source';

export interface VagueGoldItem {
  kind: VagueGoldKind;
  /** Diagnostic class of the relation's cue (see cueClass); the gold rule does not use it. */
  cueClass: CueClass;
  /** The cue spans and, for unnamed sources, the source spans: a highlight on any of them finds it. */
  spans: Span[];
  /** Only in the broad rule (a question or a name without a source). */
  broadOnly: boolean;
}

const RELATIVE_PRONOUN = /^(?:who|whom|which|that)$/i;
const ANTECEDENT_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * Returns the antecedent of a relative pronoun source: the noun phrase that ends right before it
 * (a comma skipped), read on the wink tokens as the run of adjectives, nouns, names and numbers
 * with the determiner that opens it. Null when there is none.
 */
export function relativeAntecedent(tok: Tokenized, pronounStart: number): Span | null {
  const ts = tok.tokens;
  let lo = 0, hi = ts.length - 1, i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]!.start < pronounStart) lo = mid + 1;
    else if (ts[mid]!.start > pronounStart) hi = mid - 1;
    else { i = mid; break; }
  }
  if (i < 0) return null;
  let k = i - 1;
  if (ts[k]?.value === ',') k--;
  const end = k + 1;
  while (k >= 0 && (ANTECEDENT_POS.has(ts[k]!.pos) || ts[k]!.value === '-' || ts[k]!.value === "'s" || ts[k]!.value === '’s')) k--;
  if (k >= 0 && ts[k]!.pos === 'DET') k--;
  return end > k + 1 ? { start: ts[k + 1]!.start, end: ts[end - 1]!.end } : null;
}

/**
 * Returns the gold relations of one article under the headline rule and the broad rule.
 * `tok` (the article's tokens) resolves relative pronoun sources to their antecedents.
 */
export function vagueGoldItems(text: string, relations: PolnearRelation[], tok?: Tokenized): VagueGoldItem[] {
  const out: VagueGoldItem[] = [];
  for (const r of relations) {
    if (!r.cue.length) continue;
    if (r.source === null) {
      const last = r.cue[r.cue.length - 1]!;
      const withNext = textOf(text, r.cue) + (/^\s*[\w-]+/.exec(text.slice(last.end, last.end + 40))?.[0] ?? '');
      out.push({ kind: 'no-source', cueClass: cueClass('no-source', textOf(text, r.cue), ''), spans: r.cue, broadOnly: QUESTION_OR_NAME.test(withNext) });
      continue;
    }
    let source = r.source;
    const srcText = textOf(text, source).trim();
    // "critics who say": a relative pronoun stands for the phrase before it
    if (RELATIVE_PRONOUN.test(srcText) && tok) {
      const ant = relativeAntecedent(tok, source[0]!.start);
      if (ant) source = [ant, ...source];
    }
    const lastEnd = r.source[r.source.length - 1]!.end;
    const judged = source === r.source ? srcText : text.slice(source[0]!.start, source[0]!.end);
    if (isVagueSource(judged, text.slice(lastEnd, lastEnd + 80))) {
      out.push({ kind: 'unnamed-source', cueClass: cueClass('unnamed-source', textOf(text, r.cue), judged), spans: [...r.cue, ...source], broadOnly: false });
    }
  }
  return out;
}

/**
 * Diagnostic classes of gold relations, reported beside the headline so it shows where recall
 * is (the gold rule itself counts every class):
 * - `saying-believing`: an unnamed source with a cue of saying, believing, showing or feeling
 *   (SAYING_OR_BELIEVING), or a source-less cue of expecting, believing, perceiving or judging
 *   (AGENTLESS_OR_PERCEPTION) - what the product sets out to highlight;
 * - `poll-share`: an unnamed source that is a share of poll respondents ("63 percent", "one in five");
 * - `other`: wanting, acting, event passives, nouns, the writer's own evaluations ("Democrats want",
 *   "was nominated", "criticism of", "it is clear").
 */
export type CueClass = 'saying-believing' | 'poll-share' | 'other';
const SAYING_OR_BELIEVING = /\b(?:say|says|said|saying|tell|tells|told|claim\w*|argu\w*|believ\w*|think\w*|thought|suggest\w*|warn\w*|not(?:e|es|ed|ing)|add|adds|added|confirm\w*|report\w*|show\w*|find|finds|found|indicat\w*|predict\w*|expect\w*|fear\w*|worr\w*|according|estimat\w*|alleg\w*|accus\w*|insist\w*|acknowledg\w*|admit\w*|den(?:y|ies|ied)|doubt\w*|agree\w*|see|sees|saw|seen|view\w*|consider\w*|describ\w*|complain\w*|critici[sz]\w*|explain\w*|writ\w*|wrote|tweet\w*|hope\w*|call\w*|feel\w*|oppos\w*|favou?r\w*|prefer\w*)\b/i;
const AGENTLESS_OR_PERCEPTION = /\b(?:seem\w*|appear\w*|look\w*|sound\w*|expect\w*|believ\w*|thought|known|consider\w*|seen|viewed|regard\w*|reported\w*|alleg\w*|accus\w*|rumou?r\w*|critici[sz]\w*|supposedly|apparently|said)\b/i;
const POLL_SHARE = /percent|%|\b\d+ (?:in|out of) \d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?:\d+|two|three|four|five|ten)\b|\bhalf\b|\bthirds?\b|\bquarters?\b/i;

function cueClass(kind: VagueGoldKind, cue: string, source: string): CueClass {
  if (kind === 'no-source') return AGENTLESS_OR_PERCEPTION.test(cue) ? 'saying-believing' : 'other';
  if (POLL_SHARE.test(source)) return 'poll-share';
  return SAYING_OR_BELIEVING.test(cue) ? 'saying-believing' : 'other';
}

/** Returns the Span groups of the gold relations of one article (headline rule, or `broad`). */
export function vagueGold(text: string, relations: PolnearRelation[], broad = false, tok?: Tokenized): Span[][] {
  return vagueGoldItems(text, relations, tok).filter((g) => broad || !g.broadOnly).map((g) => g.spans);
}

export interface VagueEval extends SpanScores {
  n_predicted: number;
  recall_no_source: number;
  recall_unnamed_source: number;
  n_gold_no_source: number;
  n_gold_unnamed_source: number;
  broad_f1: number;
  broad_precision: number;
  broad_recall: number;
  broad_n_gold: number;
  recall_saying_believing: number;
  recall_poll_share: number;
  recall_other_cue: number;
  n_gold_saying_believing: number;
  n_gold_poll_share: number;
  n_gold_other_cue: number;
  half_a_f1: number;
  half_b_f1: number;
  half_a_precision: number;
  half_a_recall: number;
  half_b_precision: number;
  half_b_recall: number;
  half_a_broad_f1: number;
  half_b_broad_f1: number;
}

/** Returns the half ('a' or 'b') of a PolNeAR article for the split check: sha1(filename) parity. */
export function articleHalf(filename: string): 'a' | 'b' {
  const last = createHash('sha1').update(filename, 'utf8').digest('hex').slice(-1);
  return parseInt(last, 16) % 2 === 0 ? 'a' : 'b';
}

interface ArticleRun { filename: string; length: number; pred: Span[]; items: VagueGoldItem[] }
interface Pooled { pred: Span[]; items: VagueGoldItem[] }

/** Returns the product's scored predictions and the gold items of one article. */
function runArticle(a: PolnearArticle): ArticleRun {
  const tok = tokenize(a.text);
  const pred = findAttributions(tok).filter(isAttributing).map((p) => ({ start: p.start, end: p.end }));
  return { filename: a.filename, length: a.text.length, pred, items: vagueGoldItems(a.text, a.relations, tok) };
}

/** Shifts every article into one running coordinate space (offsets differ per article). */
function pool(runs: ArticleRun[]): Pooled {
  const pred: Span[] = [];
  const items: VagueGoldItem[] = [];
  let base = 0;
  const shift = (s: Span) => ({ start: base + s.start, end: base + s.end });
  for (const r of runs) {
    pred.push(...r.pred.map(shift));
    items.push(...r.items.map((g) => ({ ...g, spans: g.spans.map(shift) })));
    base += r.length + 1;
  }
  return { pred, items };
}

function score({ pred, items }: Pooled, broad: boolean): SpanScores {
  return overlapScores(pred, items.filter((g) => broad || !g.broadOnly).map((g) => g.spans));
}

/** Returns vague-attribution scores on PolNeAR (headline and broad rule), or null when the folder is absent. */
export async function evalVague(dataDir: string): Promise<VagueEval | null> {
  const articles = loadPolnear(dataDir);
  if (!articles) return null;
  const runs = articles.map(runArticle);
  const all = pool(runs);
  const head = score(all, false);
  const broad = score(all, true);
  const part = (kind: VagueGoldKind) => {
    const items = all.items.filter((g) => g.kind === kind && !g.broadOnly);
    return { n: items.length, recall: overlapScores(all.pred, items.map((g) => g.spans)).recall };
  };
  const byClass = (c: CueClass) => {
    const items = all.items.filter((g) => g.cueClass === c && !g.broadOnly);
    return { n: items.length, recall: overlapScores(all.pred, items.map((g) => g.spans)).recall };
  };
  const saying = byClass('saying-believing');
  const share = byClass('poll-share');
  const other = byClass('other');
  const noSource = part('no-source');
  const unnamed = part('unnamed-source');
  const halves = (['a', 'b'] as const).map((h) => pool(runs.filter((r) => articleHalf(r.filename) === h)));
  return {
    ...head,
    n_predicted: all.pred.length,
    recall_no_source: noSource.recall,
    recall_unnamed_source: unnamed.recall,
    n_gold_no_source: noSource.n,
    n_gold_unnamed_source: unnamed.n,
    recall_saying_believing: saying.recall,
    recall_poll_share: share.recall,
    recall_other_cue: other.recall,
    n_gold_saying_believing: saying.n,
    n_gold_poll_share: share.n,
    n_gold_other_cue: other.n,
    broad_f1: broad.f1,
    broad_precision: broad.precision,
    broad_recall: broad.recall,
    broad_n_gold: broad.n_gold,
    half_a_f1: score(halves[0]!, false).f1,
    half_b_f1: score(halves[1]!, false).f1,
    half_a_precision: score(halves[0]!, false).precision,
    half_a_recall: score(halves[0]!, false).recall,
    half_b_precision: score(halves[1]!, false).precision,
    half_b_recall: score(halves[1]!, false).recall,
    half_a_broad_f1: score(halves[0]!, true).f1,
    half_b_broad_f1: score(halves[1]!, true).f1,
  };
}
