/**
 * Body-level stance of a whole article toward a headline / claim (FNC-1 style: unrelated, agree,
 * disagree, discuss). Two small learned steps over general features:
 * - related: whole-body TF-IDF cosine, best-sentence IDF cosine, IDF-weighted coverage of the
 *   headline's terms and names in the body (binary logistic regression + a threshold chosen by
 *   cross-validation by story cluster, src/cli/eval/fnc.ts);
 * - stance (for related pairs): refuting / denial and hedging / reporting lexicon counts in the
 *   whole body, in its lead and near the sentences that match the headline, negation and number
 *   mismatches with those sentences, the headline's own cues (question mark, denial, hedge).
 * Trained by src/cli/train/stance.ts on the FNC-1 dev clusters; weights in models/stance-body.json.
 */
import { sentenceFeatures, type SentenceFeatures } from './features.js';
import { termOf, words } from './normalize.js';
import { splitSentences } from './sentences.js';
import { numberDiffs } from './stance.js';
import { linearProba, type Features, type LinearModel } from './linear.js';

export const BODY_LABELS = ['agree', 'disagree', 'discuss'] as const;

export interface BodyStanceModel {
  related: LinearModel;
  /** Probability of "related" at or above which a pair is related. */
  threshold: number;
  stance: LinearModel;
  /** Added to the log-probability of each stance label before the argmax. */
  bias?: number[];
  /** Story clusters of the training pairs: src/cli/eval/fnc.ts scores the committed model only on others. */
  trainedOn?: string[];
}

/** Document frequencies of terms over a collection of bodies (the IDF of the features below). */
export interface DocFreq {
  n: number;
  df: Map<string, number>;
}

/**
 * Returns the content terms of a text (stems, see normalize.ts), with repeats. A hyphenated word
 * also gives its parts of three letters or more, so "al-Sisi" meets "Sisi" and "cat-callers" "callers".
 */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = /^\d/.test(w.w) ? w.w.replace(/,/g, '') : termOf(w);
    if (t) out.push(t);
    if (w.w.includes('-')) {
      let at = w.start;
      for (const part of w.w.split('-')) {
        const pt = part.length >= 3 ? termOf({ w: part, start: at, end: at + part.length, cap: w.cap }) : null;
        if (pt && pt !== t) out.push(pt);
        at += part.length + 1;
      }
    }
  }
  return out;
}

/** Returns document frequencies over the texts. */
export function docFreq(texts: Iterable<string>): DocFreq {
  const df = new Map<string, number>();
  let n = 0;
  for (const t of texts) {
    n++;
    for (const k of new Set(termsOf(t))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { n, df };
}

const idfOf = (d: DocFreq, t: string) => Math.log(1 + (d.n + 1) / ((d.df.get(t) ?? 0) + 1));

/**
 * Refuting words (the FNC-1 baseline's refuting list, plus the denial cues of features.ts): a body
 * that calls the story a hoax disagrees with a headline that states it.
 */
const REFUTE = /\b(?:fake|fraud|hoax(?:es)?|false|falsely|den(?:y|ies|ied|ying|ial)|not true|untrue|despite|nope|doubts?|bogus|debunk(?:s|ed|ing)?|pranks?|retract(?:s|ed|ion)?|refut(?:e|es|ed)|reject(?:s|ed)|dismiss(?:es|ed)|baseless|unfounded|fabricat(?:ed|ion)|satir(?:e|ical)|parody|myth|no evidence|misleading|rumou?rs? (?:is|are|was|were) (?:false|untrue))\b/gi;

/** Hedging / reporting words (Emergent "observing"): the body passes the claim on without asserting it. */
const HEDGE = /\b(?:reported(?:ly)?|allege(?:s|d|dly)?|claim(?:s|ed|ing)?|purported(?:ly)?|supposed(?:ly)?|apparent(?:ly)?|rumou?r(?:s|ed)?|unconfirmed|unverified|according to|if true|could not (?:be )?(?:independently )?(?:verif|confirm)\w*|(?:has|have) not (?:yet )?been (?:verified|confirmed)|cannot (?:be )?(?:verif|confirm)\w*|said to|believed to|appears? to|seems? to|may|might|could|suggest(?:s|ed)?)\b/gi;

/** Confirming words: the body asserts or confirms ("confirmed", "announced", "officially"). */
const CONFIRM = /\b(?:confirm(?:s|ed|ing)?|announc(?:es|ed|ing)|official(?:ly)?|indeed|verified|proved|evidence shows|in a statement)\b/gi;

const NEGATION = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|n[’']t\b/gi;

const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

interface BodySentence {
  text: string;
  f: SentenceFeatures;
  terms: Set<string>;
  norm: number;
  /** Cue flags of the sentence, 0 or 1, in CUES order. */
  cues: number[];
  /** Per word: its term (or '' for a stop word) and its cue bits (W_NEG, W_REFUTE, W_HEDGE). */
  wterms: string[];
  wcues: Uint8Array;
}

const W_NEG = 1, W_REFUTE = 2, W_HEDGE = 4;
/** Word-level forms of the cue lists above, for cues in a window around matched words. */
const NEG_WORD = /^(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|nope|.*n't)$/;
const REFUTE_WORD = /^(?:fake[ds]?|fraud|hoax(?:es)?|false|falsely|den(?:y|ies|ied|ying|ial)|untrue|bogus|debunk(?:s|ed|ing)?|pranks?|retract(?:s|ed|ion)?|refut(?:e|es|ed)|reject(?:s|ed)|dismiss(?:es|ed)|baseless|unfounded|fabricat(?:ed|ion)|satir(?:e|ical)|parody|myths?|misleading|rumou?rs?)$/;
const HEDGE_WORD = /^(?:reported(?:ly)?|allege(?:s|d|dly)?|claim(?:s|ed|ing)?|purported(?:ly)?|supposed(?:ly)?|apparent(?:ly)?|unconfirmed|unverified|according|rumou?r(?:s|ed)?|said|says|may|might|could|believed|suggest(?:s|ed)?)$/;

function wordCues(s: string): { wterms: string[]; wcues: Uint8Array } {
  const ws = words(s);
  const wterms = ws.map((w) => termOf(w) ?? '');
  const wcues = Uint8Array.from(ws, (w) => (NEG_WORD.test(w.w) ? W_NEG : 0) | (REFUTE_WORD.test(w.w) ? W_REFUTE : 0) | (HEDGE_WORD.test(w.w) ? W_HEDGE : 0));
  return { wterms, wcues };
}

/** Returns the cue bits found within a few words before (or just after) a word that matches the headline. */
function cuesNearMatch(s: BodySentence, h: Set<string>): number {
  let bits = 0;
  for (let j = 0; j < s.wterms.length; j++) {
    if (!s.wterms[j] || !h.has(s.wterms[j]!)) continue;
    for (let k = Math.max(0, j - 5); k <= Math.min(s.wterms.length - 1, j + 2); k++) bits |= s.wcues[k]!;
  }
  return bits;
}

/** Per-sentence cues weighed by how closely the sentence matches the headline. */
const CUES = ['refute', 'hedge', 'confirm', 'neg', 'question', 'quote', 'report'] as const;

/** Reporting verbs: the sentence attributes what it says ("said", "told", "according to"). */
const REPORT = /\b(?:said|says|told|tells|according to|reported|reports|wrote|writes|stated|claimed|claims|insisted|added)\b/i;

function cuesOf(s: string, f: SentenceFeatures): number[] {
  return [
    count(REFUTE, s) > 0 || f.denial ? 1 : 0,
    count(HEDGE, s) > 0 || f.hedged ? 1 : 0,
    count(CONFIRM, s) > 0 ? 1 : 0,
    f.negated ? 1 : 0,
    /\?\s*["”’)]?\s*$/.test(s) ? 1 : 0,
    /["“”]/.test(s) ? 1 : 0,
    REPORT.test(s) ? 1 : 0,
  ];
}

/** A body prepared once for many headlines. */
export interface BodyView {
  text: string;
  tf: Map<string, number>;
  norm: number;
  sentences: BodySentence[];
  refute: number;
  hedge: number;
  confirm: number;
  questions: number;
  refuteLead: number;
  hedgeLead: number;
  /** Word (lower-case surface form) -> count, and the number of words: the body's bag of words. */
  wordCounts: Map<string, number>;
  nWords: number;
}

/** Returns the body prepared for pairFeatures. */
export function bodyView(text: string, d: DocFreq): BodyView {
  const tf = new Map<string, number>();
  for (const t of termsOf(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, c] of tf) norm += ((1 + Math.log(c)) * idfOf(d, t)) ** 2;
  const sentences: BodySentence[] = [];
  for (const sp of splitSentences(text)) {
    const s = text.slice(sp.start, sp.end);
    const terms = new Set(termsOf(s));
    if (!terms.size) continue;
    let n = 0;
    for (const t of terms) n += idfOf(d, t) ** 2;
    const f = sentenceFeatures(s);
    sentences.push({ text: s, f, terms, norm: Math.sqrt(n), cues: cuesOf(s, f), ...wordCues(s) });
  }
  const lead = sentences.slice(0, 3).map((s) => s.text).join(' ');
  const wordCounts = new Map<string, number>();
  let nWords = 0;
  for (const w of words(text)) { wordCounts.set(w.w, (wordCounts.get(w.w) ?? 0) + 1); nWords++; }
  return {
    wordCounts, nWords,
    text, tf, norm: Math.sqrt(norm), sentences,
    refute: count(REFUTE, text), hedge: count(HEDGE, text), confirm: count(CONFIRM, text), questions: count(/\?/g, text),
    refuteLead: count(REFUTE, lead), hedgeLead: count(HEDGE, lead),
  };
}

const log1 = (x: number) => Math.log1p(x);

/** Returns the features of a (headline, body) pair: `r:` relatedness features, `s:` stance features. */
export function pairFeatures(headline: string, body: BodyView, d: DocFreq): Features {
  const hTerms = termsOf(headline);
  const hSet = new Set(hTerms);
  const hf = sentenceFeatures(headline);
  const x: Features = {};
  if (!hSet.size || !body.sentences.length) return x;
  // Whole-body TF-IDF cosine (headline binary, body 1 + log tf).
  let hn = 0, dot = 0, covered = 0, total = 0;
  for (const t of hSet) {
    const w = idfOf(d, t);
    hn += w * w;
    total += w;
    const c = body.tf.get(t);
    if (c) { dot += w * w * (1 + Math.log(c)); covered += w; }
  }
  x['r:cos'] = dot / Math.sqrt(hn) / (body.norm || 1);
  x['r:cover'] = covered / (total || 1);
  const names = hf.names.filter((n) => hSet.has(n));
  if (names.length) x['r:names'] = names.filter((n) => body.tf.has(n)).length / names.length;
  else x['r:no_names'] = 1;
  // Best-sentence IDF cosine.
  const sims = body.sentences.map((s) => {
    let dd = 0;
    for (const t of hSet) if (s.terms.has(t)) dd += idfOf(d, t) ** 2;
    return dd / Math.sqrt(hn) / (s.norm || 1);
  });
  const order = sims.map((_, i) => i).sort((a, b) => sims[b]! - sims[a]!);
  const top = order.slice(0, 3);
  x['r:max'] = sims[order[0]!]!;
  x['r:top3'] = top.reduce((a, i) => a + sims[i]!, 0) / top.length;
  const leadCover = (() => {
    let c = 0;
    const lead = new Set(body.sentences.slice(0, 3).flatMap((s) => [...s.terms]));
    for (const t of hSet) if (lead.has(t)) c += idfOf(d, t);
    return c / (total || 1);
  })();
  x['r:lead'] = leadCover;
  // Stance: lexicon counts in the body, its lead and the matched sentences.
  const near = top.filter((i) => sims[i]! > 0.1).map((i) => body.sentences[i]!);
  const nearText = near.map((s) => s.text).join(' ');
  x['s:refute'] = log1(body.refute);
  x['s:hedge'] = log1(body.hedge);
  x['s:confirm'] = log1(body.confirm);
  x['s:questions'] = log1(body.questions);
  x['s:refute_lead'] = log1(body.refuteLead);
  x['s:hedge_lead'] = log1(body.hedgeLead);
  x['s:refute_near'] = log1(count(REFUTE, nearText));
  x['s:hedge_near'] = log1(count(HEDGE, nearText));
  x['s:denial_near'] = near.some((s) => s.f.denial || s.f.anaphoricDenial) ? 1 : 0;
  x['s:len'] = log1(body.sentences.length) / 3;
  const hRefute = count(REFUTE, headline) > 0;
  const hHedge = count(HEDGE, headline) > 0 || hf.hedged;
  const hNeg = count(NEGATION, headline) > 0;
  if (hRefute) x['s:h_refute'] = 1;
  if (hHedge) x['s:h_hedge'] = 1;
  if (hNeg) x['s:h_neg'] = 1;
  if (/\?/.test(headline)) x['s:h_question'] = 1;
  // A headline that reports a denial agrees with a body that reports it.
  if (hRefute) x['s:h_refute_x_body'] = log1(body.refute);
  const best = body.sentences[order[0]!]!;
  const bNeg = count(NEGATION, best.text) > 0;
  if (hNeg !== bNeg) x['s:neg_mismatch'] = 1;
  const nearNumbers = near.flatMap((s) => s.f.numbers);
  if (hf.numbers.length && nearNumbers.length && numberDiffs(hf.numbers, nearNumbers).length) x['s:num_mismatch'] = 1;
  const ns = body.sentences.length;
  x['s:refute_density'] = body.refute / ns;
  x['s:hedge_density'] = body.hedge / ns;
  x['s:near_hedged'] = near.length ? near.filter((s) => s.f.hedged).length / near.length : 0;
  x['s:best_hedged'] = best.f.hedged ? 1 : 0;
  x['s:first_hedged'] = body.sentences[0]!.f.hedged ? 1 : 0;
  x['s:near_refute_frac'] = near.length ? near.filter((s) => count(REFUTE, s.text) > 0).length / near.length : 0;
  if (hNeg) x['s:h_neg_x_refute'] = log1(body.refute);
  if (hHedge) x['s:h_hedge_x_hedge'] = x['s:hedge_density']!;
  // Cues of the sentences that match the headline: similarity-weighted rates over the body and
  // rates among the best 1 / 3 / 5 sentences (the claim's own sentences, not the whole body).
  let wsum = 0;
  const wc = new Array<number>(CUES.length).fill(0);
  sims.forEach((sim, i) => {
    if (sim <= 0) return;
    const w = sim * sim;
    wsum += w;
    body.sentences[i]!.cues.forEach((c, k) => { wc[k]! += w * c; });
  });
  for (const [k, name] of CUES.entries()) {
    x['s:w_' + name] = wsum ? wc[k]! / wsum : 0;
    for (const n of [1, 3, 5]) {
      const top = order.slice(0, n);
      x[`s:top${n}_${name}`] = top.reduce((a, i) => a + body.sentences[i]!.cues[k]!, 0) / top.length;
    }
    x['s:lead_' + name] = body.sentences.slice(0, 2).reduce((a, t) => a + t.cues[k]!, 0) / Math.min(2, ns);
  }
  // How much of the body is about the claim, and whether the lead restates it.
  x['s:n_match'] = sims.filter((v) => v >= 0.2).length / ns;
  x['s:first_sim'] = sims[0]!;
  x['s:top5'] = order.slice(0, 5).reduce((a, i) => a + sims[i]!, 0) / Math.min(5, ns);
  // The headline's own polarity and framing.
  const hw = words(headline).length;
  x['s:h_len'] = hw / 10;
  if (/\b(?:may|might|could|would|possibly|probably|likely)\b/i.test(headline)) x['s:h_modal'] = 1;
  if (REPORT.test(headline) || /\breportedly|allegedly|claims?\b/i.test(headline)) x['s:h_report'] = 1;
  if (/['‘’"“”]\w[^'‘’"“”]*['’"”]/.test(headline)) x['s:h_quoted'] = 1;
  // Polarity mismatch between the headline and its best-matching sentences.
  const topNeg = order.slice(0, 3).filter((i) => body.sentences[i]!.cues[3] || body.sentences[i]!.cues[0]).length;
  const hPol = hNeg || hRefute ? 1 : 0;
  x['s:pol_mismatch'] = Math.abs(hPol - topNeg / Math.min(3, ns));
  // Numbers: the headline's numbers found (or contradicted) in the matched sentences.
  if (hf.numbers.length) {
    const all = new Set(near.flatMap((t) => t.f.numbers));
    x['s:num_found'] = hf.numbers.filter((n) => all.has(n)).length / hf.numbers.length;
  }
  // Cues in a window around the words that match the headline (negation scoped to the claim).
  for (const n of [1, 3]) {
    const top = order.slice(0, n).filter((i) => sims[i]! > 0);
    const bits = top.map((i) => cuesNearMatch(body.sentences[i]!, hSet));
    const frac = (b: number) => (top.length ? bits.filter((x) => x & b).length / top.length : 0);
    x[`s:win${n}_neg`] = frac(W_NEG);
    x[`s:win${n}_refute`] = frac(W_REFUTE);
    x[`s:win${n}_hedge`] = frac(W_HEDGE);
  }
  const hBits = wordCues(headline).wcues.reduce((a, b) => a | b, 0);
  const hPolar = hBits & (W_NEG | W_REFUTE) ? 1 : 0;
  const bPolar = Math.max(x['s:win3_neg']!, x['s:win3_refute']!);
  x['s:win_pol_mismatch'] = Math.abs(hPolar - bPolar);
  x['s:max'] = x['r:max']!;
  x['s:cos'] = x['r:cos']!;
  x['s:cover'] = x['r:cover']!;
  return x;
}

/** Returns the relatedness features only. */
export const relatedPart = (x: Features): Features => Object.fromEntries(Object.entries(x).filter(([k]) => k.startsWith('r:')));

/** Returns the probability that the pair is related (the body is about the headline's story). */
export const relatedProba = (model: BodyStanceModel, x: Features): number =>
  Object.keys(x).length ? linearProba(model.related, relatedPart(x))[1]! : 0;

/**
 * Adds to each pair of one headline's library its similarity relative to the best-matching body
 * there (`r:rel_*`): a distractor can share a few words with the headline, but much fewer than
 * the story's own coverage does.
 */
export function addRelatedContext(group: Features[]): void {
  for (const k of ['r:cos', 'r:max', 'r:cover', 'r:top3']) {
    let mx = 0;
    for (const x of group) mx = Math.max(mx, x[k] ?? 0);
    for (const x of group) if (Object.keys(x).length) x['r:rel_' + k.slice(2)] = mx ? (x[k] ?? 0) / mx : 0;
  }
}

/** One (headline, body) pair of a headline's library: the body and the pair's features. */
export interface PairInput {
  headline: string;
  body: BodyView;
  /** pairFeatures(headline, body). */
  x: Features;
}

/**
 * Cues compared with the other bodies of the library that match the same headline: a story about
 * a hoax has "fake" in every article, so what sets a debunking article apart is having more of it
 * than the rest of the coverage (and a hedging one, more hedges).
 */
const CONTEXT_KEYS = ['s:max', 's:cover', 's:first_sim', 's:refute_density', 's:hedge_density', 's:w_refute', 's:w_hedge', 's:top3_hedge', 's:top3_refute', 's:refute', 's:hedge', 's:lead_hedge', 's:lead_refute', 's:w_neg', 's:near_hedged'];

/** Body cues whose meaning flips with the headline's polarity: a denying body agrees with a denying headline. */
const POLAR_KEYS = new Set(['s:refute_density', 's:w_refute', 's:top3_refute', 's:win3_neg', 's:top1_neg', 's:lead_refute', 's:denial_near']);

/**
 * Returns the stance features of a headline's related pairs: the pair features, the body's words
 * (`bw:`, log count over log length) and the headline's words (`hw:`) — the model keeps only words
 * used across many stories, see src/cli/eval/fnc.ts — the cues relative to the group (`c:`), and
 * the polar cues split by the headline's polarity (`hp:` asserting, `hn:` negated or denying).
 */
export function stanceInputs(group: PairInput[]): Features[] {
  const mean = new Map<string, number>();
  const keys = CONTEXT_KEYS;
  for (const k of keys) mean.set(k, group.reduce((a, g) => a + (g.x[k] ?? 0), 0) / (group.length || 1));
  return group.map(({ headline, body, x }) => {
    const y: Features = { ...x };
    for (const k of keys) y['c:' + k] = (x[k] ?? 0) - mean.get(k)!;
    const side = x['s:h_neg'] || x['s:h_refute'] ? 'hn:' : 'hp:';
    for (const k of Object.keys(y)) if (k.startsWith('c:') || POLAR_KEYS.has(k)) y[side + k] = y[k]!;
    const len = Math.log(2 + body.nWords);
    for (const [w, c] of body.wordCounts) y['bw:' + w] = Math.log1p(c) / len;
    for (const w of new Set(words(headline).map((t) => t.w))) y['hw:' + w] = 1;
    return y;
  });
}

/** Returns the FNC-1 label of every pair of one headline's library: 'unrelated' or the body's stance. */
export function predictGroup(model: BodyStanceModel, group: PairInput[]): ('unrelated' | (typeof BODY_LABELS)[number])[] {
  const related = group.map((g) => relatedProba(model, g.x) >= model.threshold);
  const inputs = stanceInputs(group.filter((_, i) => related[i]));
  let k = 0;
  return group.map((_, i) => {
    if (!related[i]) return 'unrelated';
    const p = linearProba(model.stance, inputs[k++]!);
    const z = p.map((v, j) => Math.log(v) + (model.bias?.[j] ?? 0));
    return BODY_LABELS[z.indexOf(Math.max(...z))]!;
  });
}
