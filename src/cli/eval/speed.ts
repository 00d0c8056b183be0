/**
 * words_per_second: the whole analysis pipeline (`analyze`) in Node over the article text of the
 * shared real pages (their expected.html, which is the article as Readability finds it), after
 * model load and one warm-up pass, against two baselines on the same texts in the same run, each
 * on its own wink instance:
 * - tokenizer_words_per_second: wink-nlp's tokenisation alone, `readDoc(text).tokens().out()` on
 *   `winkNLP(model, [])` (empty pipe: no sentence or POS step);
 * - wink_pipe_words_per_second: the same call with the pipe the product runs (nlp.ts PIPE: sbd,
 *   pos; entities and negation flags are our own passes, entities.ts / negation.ts, counted in
 *   cost_tokens).
 * The three are timed in turn within each repeat (so load on a shared machine hits them alike);
 * each figure is the median over the repeats.
 * cost_*: where analyze's time goes, each stage's time (one more pass per repeat, the stages of
 * analyze called one by one) in units of the tokenizer baseline's time, so they sum to about
 * 1 / ratio_to_tokenizer; cost_wink_pipe is the wink pipe alone, the floor under cost_tokens.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../analysis/analyze.js';
import { createWink, PIPE, tokenize } from '../../analysis/nlp.js';
import { findQuotes } from '../../analysis/quotes.js';
import { findAttributions } from '../../analysis/attributions.js';
import { scoreSentences, selectClaims } from '../../analysis/claims.js';
import { looksEnglish } from '../../analysis/language.js';

export interface SpeedEval {
  words_per_second: number;
  tokenizer_words_per_second: number;
  wink_pipe_words_per_second: number;
  ratio_to_tokenizer: number;
  ratio_to_wink_pipe: number;
  tokenizer_pipe: string;
  wink_pipe: string;
  /** Wink pipe alone, then analyze's stages: tokens (wink pipe + reading its tokens), quotes, attributions, claims. */
  cost_wink_pipe: number;
  cost_tokens: number;
  cost_quotes: number;
  cost_attributions: number;
  cost_claims: number;
  words: number;
  pages: number;
}

type Stage = 'tokens' | 'quotes' | 'attributions' | 'claims';

/** Adds the time of each of analyze's stages on these texts to `into` (the same calls as analyze.ts; its language check counts as tokens). */
function timeStages(texts: string[], into: Record<Stage, number>): void {
  for (const text of texts) {
    let t0 = performance.now();
    const tok = tokenize(text);
    const english = looksEnglish(text);
    let t1 = performance.now();
    into.tokens += t1 - t0; t0 = t1;
    if (!english) {
      scoreSentences(tok);
      into.claims += performance.now() - t0;
      continue;
    }
    const quotes = findQuotes(tok);
    t1 = performance.now();
    into.quotes += t1 - t0; t0 = t1;
    const attributions = findAttributions(tok);
    t1 = performance.now();
    into.attributions += t1 - t0; t0 = t1;
    selectClaims(tok, scoreSentences(tok), { quotes, attributions });
    into.claims += performance.now() - t0;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Returns the plain text of an article HTML fragment, blocks separated by blank lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|h[1-6]|li|blockquote|div|pre|tr|figcaption)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n\n')
    .trim();
}

/** Returns the article texts of the real pages, or null when the folder is absent. */
export function realPageTexts(dataDir: string): string[] | null {
  const root = path.join(dataDir, 'real-pages');
  if (!existsSync(root)) return null;
  return readdirSync(root).sort()
    .filter((d) => existsSync(path.join(root, d, 'expected.html')))
    .map((d) => htmlToText(readFileSync(path.join(root, d, 'expected.html'), 'utf8')));
}

const countWords = (t: string) => (t.match(/\S+/g) ?? []).length;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Returns the measured throughput, or null when the real pages are absent. */
export async function evalSpeed(dataDir: string, repeats = 5): Promise<SpeedEval | null> {
  const texts = realPageTexts(dataDir);
  if (!texts || texts.length === 0) return null;
  const words = texts.reduce((s, t) => s + countWords(t), 0);
  const tokOnly = createWink([]);
  const pipe = createWink(PIPE);
  const runs: Record<'tok' | 'pipe' | 'full', (t: string) => unknown> = {
    tok: (t) => tokOnly.readDoc(t).tokens().out(),
    pipe: (t) => pipe.readDoc(t).tokens().out(),
    full: analyze,
  };
  const times: Record<keyof typeof runs, number[]> = { tok: [], pipe: [], full: [] };
  const stageTimes: Record<Stage, number[]> = { tokens: [], quotes: [], attributions: [], claims: [] };
  for (let r = -1; r < repeats; r++) {
    for (const k of ['tok', 'pipe', 'full'] as const) {
      const t0 = performance.now();
      for (const t of texts) runs[k](t);
      if (r >= 0) times[k].push(performance.now() - t0); // r = -1 is the warm-up pass
    }
    const st: Record<Stage, number> = { tokens: 0, quotes: 0, attributions: 0, claims: 0 };
    timeStages(texts, st);
    if (r >= 0) for (const k of Object.keys(st) as Stage[]) stageTimes[k].push(st[k]);
  }
  const cost = (xs: number[]) => Math.round(100 * median(xs) / median(times.tok)) / 100;
  const wps = (k: keyof typeof runs) => words / (median(times[k]) / 1000);
  const full = wps('full'), tok = wps('tok'), wink = wps('pipe');
  return {
    words_per_second: Math.round(full), tokenizer_words_per_second: Math.round(tok), wink_pipe_words_per_second: Math.round(wink),
    ratio_to_tokenizer: full / tok, ratio_to_wink_pipe: full / wink,
    tokenizer_pipe: 'winkNLP(model, []).readDoc(text).tokens().out()',
    wink_pipe: `winkNLP(model, ${JSON.stringify(PIPE)}).readDoc(text).tokens().out()`,
    cost_wink_pipe: cost(times.pipe), cost_tokens: cost(stageTimes.tokens), cost_quotes: cost(stageTimes.quotes),
    cost_attributions: cost(stageTimes.attributions), cost_claims: cost(stageTimes.claims),
    words, pages: texts.length,
  };
}
