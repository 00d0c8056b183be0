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
}

/** Document frequencies of terms over a collection of bodies (the IDF of the features below). */
export interface DocFreq {
  n: number;
  df: Map<string, number>;
}

/** Returns the content terms of a text (stems, see normalize.ts), with repeats. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = /^\d/.test(w.w) ? w.w.replace(/,/g, '') : termOf(w);
    if (t) out.push(t);
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
    sentences.push({ text: s, f: sentenceFeatures(s), terms, norm: Math.sqrt(n) });
  }
  const lead = sentences.slice(0, 3).map((s) => s.text).join(' ');
  return {
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
  x['s:max'] = x['r:max']!;
  x['s:cos'] = x['r:cos']!;
  x['s:cover'] = x['r:cover']!;
  return x;
}

/** Returns the relatedness features only. */
export const relatedPart = (x: Features): Features => Object.fromEntries(Object.entries(x).filter(([k]) => k.startsWith('r:')));

/** Returns 'unrelated' or the body's stance toward the headline. */
export function predictBodyStance(model: BodyStanceModel, x: Features): 'unrelated' | (typeof BODY_LABELS)[number] {
  if (!Object.keys(x).length) return 'unrelated';
  const pr = linearProba(model.related, relatedPart(x))[1]!;
  if (pr < model.threshold) return 'unrelated';
  const p = linearProba(model.stance, x);
  return BODY_LABELS[p.indexOf(Math.max(...p))]!;
}
