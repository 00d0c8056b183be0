/**
 * words_per_second: the whole analysis pipeline (`analyze`) in Node over the article text of the
 * shared real pages (their expected.html, which is the article as Readability finds it), after
 * model load and one warm-up pass, against two baselines on the same texts in the same run, each
 * on its own wink instance:
 * - tokenizer_words_per_second: wink-nlp's tokenisation alone, `readDoc(text).tokens().out()` on
 *   `winkNLP(model, [])` (empty pipe: no sentence, POS, entity or negation step);
 * - wink_pipe_words_per_second: the same call with the pipe the product runs (nlp.ts PIPE:
 *   sbd, negation, ner, pos).
 * The three are timed in turn within each repeat (so load on a shared machine hits them alike);
 * each figure is the median over the repeats.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../analysis/analyze.js';
import { createWink, PIPE } from '../../analysis/nlp.js';

export interface SpeedEval {
  words_per_second: number;
  tokenizer_words_per_second: number;
  wink_pipe_words_per_second: number;
  ratio_to_tokenizer: number;
  ratio_to_wink_pipe: number;
  tokenizer_pipe: string;
  wink_pipe: string;
  words: number;
  pages: number;
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
  for (let r = -1; r < repeats; r++) {
    for (const k of ['tok', 'pipe', 'full'] as const) {
      const t0 = performance.now();
      for (const t of texts) runs[k](t);
      if (r >= 0) times[k].push(performance.now() - t0); // r = -1 is the warm-up pass
    }
  }
  const wps = (k: keyof typeof runs) => words / (median(times[k]) / 1000);
  const full = wps('full'), tok = wps('tok'), wink = wps('pipe');
  return {
    words_per_second: Math.round(full), tokenizer_words_per_second: Math.round(tok), wink_pipe_words_per_second: Math.round(wink),
    ratio_to_tokenizer: full / tok, ratio_to_wink_pipe: full / wink,
    tokenizer_pipe: 'winkNLP(model, []).readDoc(text).tokens().out()',
    wink_pipe: `winkNLP(model, ${JSON.stringify(PIPE)}).readDoc(text).tokens().out()`,
    words, pages: texts.length,
  };
}
