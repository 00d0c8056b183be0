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
  return recordSentenceSpans(r).map((sp) => sentenceText(r.title, r.text, sp));
}

/** A sentence to index: a trimmed span of the record text, or the title (start -1). */
export interface IndexSpan {
  start: number;
  end: number;
}

/** Returns the text of an IndexSpan. */
export function sentenceText(title: string, text: string, sp: IndexSpan): string {
  return sp.start < 0 ? title.trim() : text.slice(sp.start, sp.end);
}

/** Returns the spans of the sentences of a record to index (title first, duplicates and boilerplate dropped). */
export function recordSentenceSpans(r: ArticleRecord): IndexSpan[] {
  const spans = r.analysis.sentences.length ? r.analysis.sentences : splitSentences(r.text);
  const out: IndexSpan[] = [];
  const seen = new Set<string>();
  const add = (sp: IndexSpan) => {
    const k = sentenceText(r.title, r.text, sp).trim();
    if (!k || seen.has(k) || !indexable(k)) return;
    seen.add(k);
    if (sp.start >= 0) {
      // Trimmed offsets, so the stored span is the sentence without surrounding space.
      let a = sp.start, b = sp.end;
      while (a < b && /\s/.test(r.text[a]!)) a++;
      while (b > a && /\s/.test(r.text[b - 1]!)) b--;
      sp = { start: a, end: b };
    }
    out.push(sp);
  };
  if (r.title) add({ start: -1, end: -1 });
  for (const sp of spans) add({ start: sp.start, end: sp.end });
  return out;
}
