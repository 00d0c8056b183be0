/**
 * Which spans of a record the library indexes and matches: the title, the analysis sentences (or a
 * plain splitter when a record carries none), minus boilerplate lines (datelines, view counts,
 * share prompts, URLs) that otherwise top the similarity lists (notes/nlp-libraries.md §5).
 */
import type { ArticleRecord } from '../shared/model.js';
import type { Span } from '../shared/spans.js';

/** Returns sentence spans by a plain rule: line breaks, then ". ", "! ", "? " before a capital or quote. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (const line of text.matchAll(re)) {
    const base = line.index!;
    const s = line[0];
    let a = 0;
    const end = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
    for (const m of s.matchAll(end)) {
      const b = m.index! + m[0].trimEnd().length;
      push(out, text, base + a, base + b);
      a = m.index! + m[0].length;
    }
    push(out, text, base + a, base + s.length);
  }
  return out;
}

function push(out: Span[], text: string, a: number, b: number) {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push({ start: a, end: b });
}

const BOILERPLATE = /https?:\/\/|\bviews?\b\s*$|^\s*(?:image|photo|video|advertisement|skip to content|subscribe|continue reading|share|read more|related)\b|@\w+/i;

/** Returns true when a sentence is worth indexing: at least 5 words and not boilerplate. */
export function indexable(s: string): boolean {
  if (BOILERPLATE.test(s)) return false;
  return (s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 5;
}

/** Returns the sentences of a record to index, as text. */
export function recordSentences(r: ArticleRecord): string[] {
  const spans = r.analysis.sentences.length ? r.analysis.sentences : splitSentences(r.text);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    const k = s.trim();
    if (!k || seen.has(k) || !indexable(k)) return;
    seen.add(k);
    out.push(k);
  };
  if (r.title) add(r.title);
  for (const sp of spans) add(r.text.slice(sp.start, sp.end));
  return out;
}
