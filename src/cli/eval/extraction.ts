/**
 * Scores article extraction on the Zyte article-extraction-benchmark the way its evaluate.py does:
 * lower-cased \w+ tokens, 4-token shingles, per-page precision and recall (tp/fp/fn normalised per
 * page), each averaged over pages, F1 from the two averages. The shipped Readability.js output is
 * scored through the same scorer as the baseline.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../content/extract.js';

export interface ExtractionScores {
  f1: number;
  precision: number;
  recall: number;
  n_pages: number;
  baseline_readability_f1: number | null;
}

export type TpFpFn = [number, number, number];

// Python's \w with re.UNICODE: letters, digits, marks and the underscore.
const TOKEN_RE = /[\p{L}\p{N}\p{M}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.toLowerCase().match(TOKEN_RE) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const key = sh.join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Returns the page's normalised (tp, fp, fn) over 4-token shingles, as evaluate.py does. */
export function shingleMatch(truth: string, pred: string): TpFpFn {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function precisionScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Returns averaged precision, recall and F1 over pages, as evaluate.py's metrics_from_tp_fp_fns. */
export function aggregate(pages: TpFpFn[]): { f1: number; precision: number; recall: number } {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

interface GroundTruth {
  [key: string]: { articleBody?: string; url?: string };
}

/** Returns the extracted text of one saved page (empty when nothing was found). */
export function extractFromHtml(html: string, url: string): string {
  const virtualConsole = new VirtualConsole(); // drop jsdom's CSS parse warnings
  const dom = new JSDOM(html, { url, virtualConsole });
  try {
    const r = extractArticle(dom.window.document, { url });
    return r.kind === 'article' ? r.article.text : '';
  } finally {
    dom.window.close();
  }
}

/** Per-page rows, for looking at what goes wrong. */
export interface PageScore {
  key: string;
  url: string;
  precision: number;
  recall: number;
  pred: string;
  truth: string;
}

/** Returns each page's scores (used by evalExtraction and for error analysis). */
export function scorePages(dataDir: string, only?: (key: string) => boolean): PageScore[] | null {
  const truthPath = path.join(dataDir, 'ground-truth.json');
  if (!existsSync(truthPath)) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as GroundTruth;
  const out: PageScore[] = [];
  for (const key of Object.keys(truth).sort()) {
    if (only && !only(key)) continue;
    const file = path.join(dataDir, 'html', `${key}.html.gz`);
    if (!existsSync(file)) continue;
    const html = gunzipSync(readFileSync(file)).toString('utf8');
    const url = truth[key]!.url ?? 'http://localhost/';
    const pred = extractFromHtml(html, url);
    const gold = truth[key]!.articleBody ?? '';
    const m = shingleMatch(gold, pred);
    out.push({ key, url, precision: precisionScore(m), recall: recallScore(m), pred, truth: gold });
  }
  return out;
}

/** Returns extraction scores on the benchmark folder, or null when the folder is absent. */
export async function evalExtraction(evalDir: string): Promise<ExtractionScores | null> {
  // evalDir is laid out like ../shared/eval; this benchmark is its article-extraction-benchmark folder.
  const dataDir = path.join(evalDir, 'article-extraction-benchmark');
  const truthPath = path.join(dataDir, 'ground-truth.json');
  if (!existsSync(truthPath) || !existsSync(path.join(dataDir, 'html'))) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as GroundTruth;
  const available = new Set(readdirSync(path.join(dataDir, 'html')).map((f) => f.replace(/\.html\.gz$/, '')));
  const keys = Object.keys(truth).filter((k) => available.has(k)).sort();

  const ours: TpFpFn[] = [];
  for (const key of keys) {
    const html = gunzipSync(readFileSync(path.join(dataDir, 'html', `${key}.html.gz`))).toString('utf8');
    const pred = extractFromHtml(html, truth[key]!.url ?? 'http://localhost/');
    ours.push(shingleMatch(truth[key]!.articleBody ?? '', pred));
    // Let timers and GC breathe between pages; jsdom documents are large.
    await new Promise((r) => setImmediate(r));
  }

  let baseline: number | null = null;
  const basePath = path.join(dataDir, 'output', 'readability_js.json');
  if (existsSync(basePath)) {
    const base = JSON.parse(readFileSync(basePath, 'utf8')) as { output?: GroundTruth };
    const rows = keys.map((k) => shingleMatch(truth[k]!.articleBody ?? '', base.output?.[k]?.articleBody ?? ''));
    baseline = aggregate(rows).f1;
  }
  return { ...aggregate(ours), n_pages: keys.length, baseline_readability_f1: baseline };
}
