/**
 * words_per_second: the whole analysis pipeline in Node over the article text of the shared real
 * pages (their expected.html, which is the article as Readability finds it), after model load,
 * against wink-nlp's tokenisation alone on the same text in the same run (the baseline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../analysis/analyze.js';
import { getNlp } from '../../analysis/nlp.js';

export interface SpeedEval {
  words_per_second: number;
  tokenizer_words_per_second: number;
  ratio_to_tokenizer: number;
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

function timeRuns(texts: string[], fn: (t: string) => unknown, repeats: number): number {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (const t of texts) fn(t);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Returns the measured throughput, or null when the real pages are absent. */
export async function evalSpeed(dataDir: string, repeats = 3): Promise<SpeedEval | null> {
  const texts = realPageTexts(dataDir);
  if (!texts || texts.length === 0) return null;
  const words = texts.reduce((s, t) => s + countWords(t), 0);
  const nlp = getNlp();
  analyze(texts[0]!); // load the model and warm up before timing
  const tokMs = timeRuns(texts, (t) => nlp.readDoc(t).tokens().out(), repeats);
  const fullMs = timeRuns(texts, analyze, repeats);
  const wps = words / (fullMs / 1000);
  const tps = words / (tokMs / 1000);
  return { words_per_second: Math.round(wps), tokenizer_words_per_second: Math.round(tps), ratio_to_tokenizer: wps / tps, words, pages: texts.length };
}
