/**
 * Test helpers: Analysis objects built without the analysis core (sentences from tokenize(),
 * every sentence a claim, quotes by a plain quotation-mark rule), and seed loading.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYSIS_VERSION, type Analysis, type ArticleRecord, type Quote } from '../../../src/shared/model.js';
import { tokenize } from '../../../src/analysis/nlp.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');

/** Returns the seed texts in name order, or null when ../shared/seeds is absent. */
export function loadSeeds(): string[] | null {
  if (!existsSync(SEEDS_DIR)) return null;
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.length >= 2 ? files.map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8')) : null;
}

const SPEAKER = [
  /([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:stated|said|added|warned|wrote)\b/,
  /\b(?:stated|said|added) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)/,
  /^([A-Z][a-z]+ [A-Z][a-z]+),/,
];

/** Returns quotes found by quotation marks, with a speaker guessed from the surrounding block. */
export function simpleQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]{3,})[”"]/g)) {
    const a = m.index!, b = a + m[0].length;
    const blockStart = text.lastIndexOf('\n', a) + 1;
    const blockEnd = text.indexOf('\n', b) < 0 ? text.length : text.indexOf('\n', b);
    const block = (text.slice(blockStart, a) + ' ' + text.slice(b, blockEnd)).replace(/[“"][^”"]*[”"]/g, ' ');
    let speaker: string | null = null;
    for (const re of SPEAKER) {
      const s = re.exec(block.trim());
      if (s) { speaker = s[1]!; break; }
    }
    out.push({ id: `q${out.length}`, start: a, end: b, text: m[1]!, speaker, speakerStart: null, speakerEnd: null, speakerHow: speaker ? 'same-sentence' : 'none' });
  }
  return out;
}

/** Returns an Analysis where every sentence of at least 5 words is a claim. */
export function sentenceAnalysis(text: string): Analysis {
  const tok = tokenize(text);
  const sentences = tok.sentences.map((s) => ({ start: s.start, end: s.end, checkworthiness: 0.5 }));
  const claims = sentences
    .filter((s) => (text.slice(s.start, s.end).match(/\w+/g)?.length ?? 0) >= 5)
    .map((s, i) => ({ id: `c${i}`, start: s.start, end: s.end, score: 0.5, reasons: [] }));
  return { version: ANALYSIS_VERSION, textLength: text.length, sentences, claims, quotes: simpleQuotes(text), attributions: [] };
}

/** Returns a record for a text under a made-up URL and outlet. */
export function recordOf(text: string, id: string, outlet: string, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  const title = text.split('\n').map((l) => l.trim()).find((l) => l.length > 20) ?? '';
  return {
    id, url: id, canonicalUrl: null, outlet, title, byline: null, publishedTime: null, text,
    analysis: sentenceAnalysis(text), wire: null, firstSeen: 1, lastSeen: 1, ...extra,
  };
}

/** Returns the claim id of the first claim whose text contains `needle`. */
export function claimIdOf(r: ArticleRecord, needle: string): string {
  const c = r.analysis.claims.find((c) => r.text.slice(c.start, c.end).includes(needle));
  if (!c) throw new Error(`no claim containing "${needle}"`);
  return c.id;
}
