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
 * can refer to: for "he"/"she", a person (the head word, before any comma, is a capitalised name
 * or a person noun such as "senator"; not a body or document such as "the FBI", "Opinion polls",
 * "excerpts of his speech") whose sex, where a first name, title or noun shows it, does not
 * clash; for the other pronouns, any named source. With none it is counted wrong. A definite
 * description of a person ("the Vermont senator", "The Republican nominee": "the" and a
 * lower-case person head) is resolved the same way, and a prediction naming either the
 * description or its antecedent is right. (The first-name lists are the product's, from
 * src/analysis/names.ts.) A relation with no Source is right only when no speaker is predicted. Otherwise
 * the prediction is right when it shares a name token with the gold source (capitalised words,
 * minus capitalised function words and bare titles such as "The", "President", "Sen."), or, when
 * the gold source has no name token ("the mission", "officials"), a lower-cased content word.
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

/** Returns true when the predicted speaker names the same person or body as the gold source. */
export function sameSpeaker(pred: string | null, gold: GoldQuote): boolean {
  if (gold.noSource) return pred === null;
  if (pred === null || gold.source === null) return false;
  if (gold.described && sameSpeaker(pred, { ...gold, source: gold.described, described: null })) return true;
  const g = nameTokens(gold.source);
  if (g.size > 0) {
    for (const w of nameTokens(pred)) if (g.has(w)) return true;
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
]);
const FEMALE_WORDS = new Set(['mrs', 'ms', 'woman', 'spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'mother', 'wife', 'daughter', 'girl', 'queen', 'sister', 'grandmother']);
const MALE_WORDS = new Set(['mr', 'man', 'spokesman', 'congressman', 'chairman', 'businessman', 'father', 'husband', 'son', 'boy', 'king', 'brother', 'grandfather']);
/** Capitalised heads that make a source a body, not a person (the scorer's own short list). */
const BODY_HEADS = new Set([
  'campaign', 'committee', 'council', 'department', 'administration', 'party', 'house', 'times', 'post', 'news',
  'journal', 'press', 'poll', 'report', 'statement', 'ad', 'court', 'congress', 'senate', 'agency', 'office',
  'association', 'institute', 'university', 'network', 'group', 'union', 'board', 'fund', 'center', 'foundation',
]);

type Sex = 'f' | 'm' | null;
export interface SourceInfo { at: number; text: string; person: boolean; named: boolean; sex: Sex; description: boolean; }

/** Returns the words of a source up to its first comma or bracket (the phrase, not its appositive). */
function headPart(s: string): string[] {
  return words(s.split(/[,(]/)[0]!);
}

/** Returns what the gold scorer knows of one source text: person or body, sex, definite description. */
export function sourceInfo(s: string, at = 0): SourceInfo {
  const ws = headPart(s);
  const head = ws[ws.length - 1] ?? '';
  const lower = head.toLowerCase();
  const capital = /^\p{Lu}/u.test(head);
  const acronym = /^\p{Lu}{2,4}$/u.test(head) && !MALE_NAMES.has(lower) && !FEMALE_NAMES.has(lower);
  const person = capital
    ? !acronym && !BODY_HEADS.has(lower) && !ORG_HEADS.has(lower) && !PLACES.has(lower) && !NOT_NAMES.has(lower)
    : PERSON_HEADS.has(lower);
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
      if (PRONOUN_SOURCES.has(low)) {
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
