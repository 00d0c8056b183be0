/**
 * Vague / anonymous attribution eval on PolNeAR (Newell, Margolin & Ruths 2018), read by
 * loadPolnear (one annotator's file per article).
 *
 * Gold ("reader-facing" rule, the headline figure): an attribution relation is vague when
 *   (a) it has no source (label `Attribution-no-source`) AND its cue is an agentless attribution:
 *       saying, believing, expecting, alleging or perceiving with no one named ("reportedly",
 *       "is expected to", "it is believed", "seems", "appears to", "is seen as", "is known to",
 *       "has been accused of"; AGENTLESS_CUE below). Source-less relations whose cue is an
 *       interview question ("asked"), a label ("called", "named", "known as"), an event
 *       ("announced", "released", "nominated") or a noun ("criticism", "questions about") are
 *       left out: nobody is being quoted, so there is no missing source to flag; or
 *   (b) its Source span names no person or organisation AND does not point back to one, AND its
 *       cue is a verb of saying, believing or showing (SAYING_CUE below; "want", "support",
 *       "nominate" are PolNeAR attributions too, but an unnamed subject there is not sourcing):
 *       - no word of the source text starts with a capital letter, not counting its first word
 *         when that is a capitalised function word ("The", "Some", "Many", "Several", "Other")
 *         or a common source noun capitalised by its sentence position ("Officials", "Critics",
 *         "Experts", "Sources"; list FUNCTION_WORDS below);
 *       - and it is not a pronoun ("he", "they", "who") or a phrase led by a definite determiner or
 *         possessive ("the", "this", "these", "his", "their", "its", "both", "each"): "the
 *         president", "his campaign", "the poll" refer to a named entity elsewhere in the article.
 *   So bare plurals and indefinite or quantified sources are vague: "officials", "a source",
 *   "some experts", "many", "others", "one", "a federal judge", "polls". "Trump", "White House
 *   officials", "he" and "the candidate" are not.
 * `evalVague(dir, true)` scores against the broad rule instead (every source-less relation and
 * every vague source whatever its cue): reported alongside, so the filter's effect is visible.
 * Predictions: the product's attributions whose cue names an unstated source (isAttributing:
 * kinds anonymous-source and weasel, and the attributing hedges "reportedly", "allegedly",
 * "it is believed", "is expected to", "seems", "appears to" ...); the writer's own modal
 * hedges ("may", "probably"), doxastic verbs with a named subject and "no evidence" notes are
 * not attributions in PolNeAR's sense.
 * Matching (overlap): a gold relation is found when some predicted span overlaps its Cue or its
 * Source span; a prediction is correct when it overlaps the Cue or Source span of any vague gold
 * relation. precision = correct predictions / predictions, recall = found gold / gold.
 * PolNeAR does not annotate every attribution, so part of the "wrong" predictions are real
 * unnamed sources the annotators skipped (see the report for a hand-checked sample).
 */
import type { Span } from '../../shared/spans.js';
import { tokenize } from '../../analysis/nlp.js';
import { findAttributions, isAttributing } from '../../analysis/attributions.js';
import { loadPolnear, type PolnearRelation } from './polnear.js';
import { overlapScores, type SpanScores } from './hedges.js';

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'some', 'many', 'most', 'several', 'other', 'others', 'few', 'all', 'both', 'one',
  'two', 'three', 'these', 'those', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'such', 'another',
  'each', 'any', 'no', 'none', 'every', 'more', 'certain', 'various', 'numerous', 'top', 'senior', 'former',
  // Common nouns that open a sentence as a source ("Officials said ..."): capitalised only by position.
  'officials', 'sources', 'critics', 'experts', 'analysts', 'observers', 'people', 'aides', 'insiders', 'residents',
  'voters', 'lawmakers', 'scientists', 'researchers', 'economists', 'authorities', 'investigators', 'police',
  'witnesses', 'reports', 'polls', 'studies', 'supporters', 'opponents', 'democrats', 'republicans', 'advocates',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'that', 'him', 'her', 'them', 'us', 'me', 'himself', 'herself', 'themselves', 'self', 'whom']);
// Definite determiners and possessives: the phrase refers back to an entity the article names.
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'both', 'each', 'either', 'neither', 'whose']);

/** Returns true when a Source text names no person or organisation (rule (b) above). */
export function isVagueSource(source: string): boolean {
  const words = source.trim().split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (!words.length) return true;
  const first = words[0]!.toLowerCase().replace(/[^a-z]/g, '');
  if (words.length === 1 && PRONOUNS.has(first)) return false;
  if (DEFINITE.has(first) || /['’]s$/.test(words[0]!)) return false;
  return !words.some((w, i) => {
    if (!/^[^A-Za-z]*[A-Z]/.test(w)) return false;
    return !(i === 0 && FUNCTION_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  });
}

/**
 * Cue words of the source-less relations a reader would want flagged: agentless saying,
 * believing, expecting, alleging and perceiving (rule (a) above). Matched on the cue text.
 */
export const AGENTLESS_CUE = /\b(?:expect\w*|seem\w*|appear\w*|look\w*|sound\w*|reported\w*|report|allege\w*|accus\w*|rumou?r\w*|believ\w*|thought|said|says?|consider\w*|regard\w*|seen|viewed|view|perceived|deemed|known|suspect\w*|presum\w*|assum\w*|projected|predicted|estimated|anticipated|understood|supposedly|purportedly|apparently|evidently)\b/i;
/**
 * Cue words of saying, believing and showing (the PARC / PolNeAR assertion and belief cue
 * classes): the relations where a reader asks "who says so?". Stance and action cues ("want",
 * "support", "nominate", "are slamming") are PolNeAR attributions too, but an unnamed subject
 * there is not vague sourcing.
 */
export const SAYING_CUE = /\b(?:say|says|said|saying|tell|tells|told|claim\w*|argu\w*|believ\w*|think\w*|thought|suggest\w*|warn\w*|not(?:e|es|ed|ing)|add|adds|added|adding|confirm\w*|report\w*|show|shows|showed|shown|showing|find|finds|found|finding|indicat\w*|predict\w*|expect\w*|fear\w*|worr\w*|according|estimat\w*|alleg\w*|accus\w*|charg\w*|conten\w*|insist\w*|acknowledg\w*|admit\w*|den(?:y|ies|ied|ying)|question\w*|doubt\w*|wonder\w*|agree\w*|disagree\w*|see|sees|saw|seen|view\w*|consider\w*|describ\w*|complain\w*|critici[sz]\w*|explain\w*|writ\w*|wrote|tweet\w*|announc\w*|declar\w*|stat(?:e|es|ed|ing)|assert\w*|maintain\w*|conclud\w*|predict\w*|speculat\w*|hope\w*|expect\w*|reveal\w*|disclos\w*|point\w* out|recall\w*|testif\w*|accord\w*|counter\w*|caution\w*|conced\w*|stress\w*|emphasi[sz]\w*|poll\w*|survey\w*|call\w*|ask\w*|urg\w*|reckon\w*|suspect\w*|know|knows|knew|known)\b/i;

/** Source-less cues that are labels or events, never vague sourcing ("known as", "so-called"). */
const NOT_AGENTLESS = /\b(?:known as|so-called|asked|called|named)\b/i;

/** Returns true when a source-less relation's cue is an agentless attribution (rule (a)). */
export function isAgentlessCue(cue: string): boolean {
  return AGENTLESS_CUE.test(cue) && !NOT_AGENTLESS.test(cue);
}

/**
 * Returns the Span groups (cue + source) of the vague relations of one article.
 * `all` keeps every source-less relation (the rule before the cue filter; reported alongside).
 */
export function vagueGold(text: string, relations: PolnearRelation[], all = false): Span[][] {
  const gold: Span[][] = [];
  for (const r of relations) {
    if (r.source === null) {
      const cue = r.cue.map((s) => text.slice(s.start, s.end)).join(' ');
      if (r.cue.length && (all || isAgentlessCue(cue))) gold.push(r.cue);
      continue;
    }
    const src = r.source.map((s) => text.slice(s.start, s.end)).join(' ');
    const cue = r.cue.map((s) => text.slice(s.start, s.end)).join(' ');
    if (isVagueSource(src) && (all || SAYING_CUE.test(cue))) gold.push([...r.cue, ...r.source]);
  }
  return gold;
}

/** Returns vague-attribution overlap scores on PolNeAR, or null when the dataset folder is absent. */
export async function evalVague(dataDir: string, all = false): Promise<SpanScores | null> {
  const articles = loadPolnear(dataDir);
  if (!articles) return null;
  const pred: Span[] = [];
  const gold: Span[][] = [];
  let base = 0;
  for (const a of articles) {
    for (const p of findAttributions(tokenize(a.text))) {
      if (isAttributing(p)) pred.push({ start: base + p.start, end: base + p.end });
    }
    for (const g of vagueGold(a.text, a.relations, all)) gold.push(g.map((s) => ({ start: base + s.start, end: base + s.end })));
    base += a.text.length + 1;
  }
  return overlapScores(pred, gold);
}
