/**
 * Hedge-cue eval on the Szeged Uncertainty Corpus, Wikipedia part (Szarvas et al. 2012), file
 * `szeged-wikiweasel/wiki.xml`.
 *
 * Reader: the file is BioScope-style XML with a fixed, flat shape (Document > DocumentPart >
 * Sentence, with inline <ccue> elements that never nest), so a small regular-expression reader is
 * enough: each <Sentence> becomes one line of plain text (only `&amp;`-style entities decoded)
 * and each <ccue> a gold character span in it. A document's sentences are joined with "\n\n"
 * (paragraph breaks, so the analysis never joins two sentences) and analysed as one text.
 *
 * Scoring (span overlap, the CoNLL-2010 "overlap" variant): predictions are the product's
 * highlights that mark uncertainty (isUncertaintyCue): every `hedge` (the writer's "may",
 * "probably", "it is possible", and the agentless "reportedly", "is believed to", "seems"), and
 * the `weasel` / `anonymous-source` highlights whose cue is a belief or expectation word ("many
 * believe", "is widely expected to"). Anonymous sources and unnamed groups that only say
 * something ("officials said"), and "no evidence" notes, are not uncertainty cues in this corpus.
 *   precision = predicted spans overlapping some gold cue / predicted spans
 *   recall    = gold cues overlapped by some predicted span / gold cues
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../shared/spans.js';
import { tokenize } from '../../analysis/nlp.js';
import { findAttributions } from '../../analysis/attributions.js';
import { DOXASTIC_CUE } from '../../analysis/cues.js';
import type { Attribution } from '../../shared/model.js';

/**
 * True for the product highlights the Szeged corpus would mark: every hedge, and an anonymous
 * source or weasel whose cue is a belief / expectation word (DOXASTIC_CUE: "many believe", "is
 * widely expected to"). "Officials said" or "no evidence was provided" mark no uncertainty.
 */
export function isUncertaintyCue(a: Attribution): boolean {
  return a.kind === 'hedge' || ((a.kind === 'weasel' || a.kind === 'anonymous-source') && DOXASTIC_CUE.test(a.cue));
}

/** How the hedges section scores, for `npm run eval -- --help` and the README. */
export const HEDGES_SCORING = `hedges (Szeged uncertainty corpus, Wikipedia part): gold = every <ccue> span; scored
  highlights = every hedge, plus the weasel / anonymous-source highlights whose cue is a belief or
  expectation word ("many believe"); overlap match as in CoNLL-2010. half_a_f1 / half_b_f1 =
  sentences whose sha1(DocID/sentence id) ends in an even / odd hex digit.`;

export interface SpanScores {
  f1: number;
  precision: number;
  recall: number;
  n_gold: number;
}

export interface SzegedDoc {
  id: string;
  text: string;
  cues: Span[];
  /** Each sentence's span in `text` and its id attribute ("S1.2"). */
  sentences: (Span & { id: string })[];
}

export interface HedgeEval extends SpanScores {
  n_predicted: number;
  /** Split check: sentences whose sha1(DocID + "/" + sentence id) ends in an even / odd hex digit. */
  half_a_f1: number;
  half_b_f1: number;
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** Returns the documents of a Szeged-style XML string with gold cue spans. */
export function parseSzeged(xml: string): SzegedDoc[] {
  const docs: SzegedDoc[] = [];
  const docRe = /<Document\b[^>]*>([\s\S]*?)<\/Document>/g;
  for (let d = docRe.exec(xml); d; d = docRe.exec(xml)) {
    const id = decode(/<DocID[^>]*>([\s\S]*?)<\/DocID>/.exec(d[1]!)?.[1] ?? '');
    let text = '';
    const cues: Span[] = [];
    const sentences: (Span & { id: string })[] = [];
    const sentRe = /<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
    for (let s = sentRe.exec(d[1]!); s; s = sentRe.exec(d[1]!)) {
      if (text) text += '\n\n';
      const sentStart = text.length;
      const partRe = /<ccue\b[^>]*>([\s\S]*?)<\/ccue>|([^<]+)|<[^>]*>/g;
      for (let p = partRe.exec(s[2]!); p; p = partRe.exec(s[2]!)) {
        if (p[1] !== undefined) {
          const cue = decode(p[1]);
          cues.push({ start: text.length, end: text.length + cue.length });
          text += cue;
        } else if (p[2] !== undefined) text += decode(p[2]).replace(/\n/g, ' ');
      }
      sentences.push({ start: sentStart, end: text.length, id: /\bid="([^"]*)"/.exec(s[1]!)?.[1] ?? String(sentences.length) });
    }
    docs.push({ id, text, cues, sentences });
  }
  return docs;
}

/**
 * Returns overlap precision / recall / F1. Each gold item is a group of spans (any one may be hit);
 * a prediction is correct when it overlaps any span of any gold item.
 */
export function overlapScores(pred: Span[], gold: Span[][]): SpanScores {
  const hit = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const goodPred = pred.filter((p) => gold.some((g) => g.some((s) => hit(p, s)))).length;
  const found = gold.filter((g) => g.some((s) => pred.some((p) => hit(p, s)))).length;
  const precision = pred.length ? goodPred / pred.length : 0;
  const recall = gold.length ? found / gold.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, n_gold: gold.length };
}

/** Returns the half ('a' or 'b') of a Szeged sentence for the split check. */
export function sentenceHalf(docId: string, sentenceId: string): 'a' | 'b' {
  const last = createHash('sha1').update(`${docId}/${sentenceId}`, 'utf8').digest('hex').slice(-1);
  return parseInt(last, 16) % 2 === 0 ? 'a' : 'b';
}

/** Returns hedge-cue overlap scores on wiki.xml, or null when the dataset folder is absent. */
export async function evalHedges(dataDir: string): Promise<HedgeEval | null> {
  const file = path.join(dataDir, 'szeged-wikiweasel', 'wiki.xml');
  if (!existsSync(file)) return null;
  const docs = parseSzeged(readFileSync(file, 'utf8'));
  // Offsets differ per document: shift every document into one running coordinate space.
  const pred: Span[] = [];
  const gold: Span[][] = [];
  const half = { a: { pred: [] as Span[], gold: [] as Span[][] }, b: { pred: [] as Span[], gold: [] as Span[][] } };
  let base = 0;
  for (const doc of docs) {
    const halfAt = (pos: number) => {
      const s = doc.sentences.find((x) => pos >= x.start && pos <= x.end);
      return half[s ? sentenceHalf(doc.id, s.id) : 'a'];
    };
    for (const a of findAttributions(tokenize(doc.text))) {
      if (!isUncertaintyCue(a)) continue;
      const span = { start: base + a.start, end: base + a.end };
      pred.push(span);
      halfAt(a.start).pred.push(span);
    }
    for (const c of doc.cues) {
      const g = [{ start: base + c.start, end: base + c.end }];
      gold.push(g);
      halfAt(c.start).gold.push(g);
    }
    base += doc.text.length + 1;
  }
  return {
    ...overlapScores(pred, gold),
    n_predicted: pred.length,
    half_a_f1: overlapScores(half.a.pred, half.a.gold).f1,
    half_b_f1: overlapScores(half.b.pred, half.b.gold).f1,
  };
}
