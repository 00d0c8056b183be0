/**
 * Vague and unverified attributions: anonymous sources, hedges, claims the article says are
 * unsupported, and weasel words. Each cue list in cues.ts is compiled once into a case-insensitive
 * regular expression run over the whole text (one pass per list entry); matches are then checked
 * against the tokens (a modal must really be a lower-case auxiliary) and the quotation regions
 * (the writer's own speculation only), and overlaps are resolved longest first.
 * A token pass adds unnamed sources in a grammatical relation with a verb of saying or believing
 * that a word list cannot enumerate ("Republicans say", "a federal judge said", "polls show",
 * ", said several aides"): see unnamed-sources.ts.
 */
import type { Attribution } from '../shared/model.js';
import type { Token, Tokenized } from './nlp.js';
import { AGENTLESS_REASONS, ATTRIBUTION_CUES, type AgentlessSense, type CueDef } from './cues.js';
import { findAgentless } from './agentless.js';
import { findUnnamedSources, inRegions } from './unnamed-sources.js';
import { eachCueMatch, literalStarts, prefixKeys, WordStarts } from './cue-starts.js';

interface Compiled extends CueDef {
  re: RegExp;
  order: number;
  /** The same regex, sticky, and the word keys its matches can start with (cue-starts.ts); null: scan the whole text. */
  sticky?: RegExp | null;
  keys?: Int32Array | null;
}

const COMPILED: Compiled[] = ATTRIBUTION_CUES.map((c, order) => {
  const source = `\\b(?:${c.pattern})\\b`;
  const starts = literalStarts(c.pattern);
  return { ...c, order, re: new RegExp(source, 'gi'), keys: starts && prefixKeys(starts), sticky: starts ? new RegExp(source, 'iy') : null };
});

const MODAL_NEXT = new Set(['VERB', 'AUX', 'ADV', 'PART']);

interface Hit {
  start: number;
  end: number;
  cue: Compiled;
}

/** Returns [start, end) ranges of text inside quotation marks (curly pairs, straight pairs, and the doubled '' of some wire copy). */
export function quoteRegions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^“”\n]*”|"[^"\n]*"|''(?:[^'\n]|'(?!'))*''/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function tokenIndexAt(tokens: Token[], pos: number): number {
  let lo = 0, hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (pos < t.start) hi = mid - 1;
    else if (pos >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function tokenAt(tokens: Token[], pos: number): Token | undefined {
  const i = tokenIndexAt(tokens, pos);
  return i < 0 ? undefined : tokens[i];
}


const POINTS_BACK = new Set(['the', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

const ANON_SOURCE_CUE: Compiled = {
  kind: 'anonymous-source', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'The source is not named, so readers cannot judge how well placed or independent it is.',
};
const DOCUMENT_SOURCE_CUE: Compiled = {
  kind: 'weasel', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'Which one? The poll, report or record is not identified, so readers cannot check it.',
};
const GROUP_SOURCE_CUE: Compiled = {
  kind: 'weasel', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'Who exactly? The claim or view is credited to an unnamed group or person.',
};

const SHARE_SOURCE_CUE: Compiled = {
  kind: 'weasel', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'Which poll? A share of respondents is given, but the sentence does not say which poll or survey asked them.',
};

/** An impression verb inside a relative clause: the writer's description (CueDef.describing). */
const WRITER_IMPRESSION_CUE: Compiled = {
  kind: 'hedge', pattern: '', order: 1002, re: /$^/,
  reason: 'A hedge: the writer signals this is an impression, not an established fact.',
};
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'what', 'who', 'whom']);

const AGENTLESS_CUE = new Map<AgentlessSense, Compiled>((Object.keys(AGENTLESS_REASONS) as AgentlessSense[]).map((sense) => [sense, {
  kind: 'weasel', attributing: true, pattern: '', order: 1001, re: /$^/, reason: AGENTLESS_REASONS[sense],
}]));
const UNNAMED_AGENT_CUE: Compiled = {
  kind: 'weasel', attributing: true, pattern: '', order: 1001, re: /$^/,
  reason: 'Who exactly? The view is credited to an unnamed group or person.',
};

/** Agentless passives of saying, believing and judging, found on the tokens (see agentless.ts). */
function agentlessHits(tok: Tokenized, regions: Array<[number, number]>): Hit[] {
  return findAgentless(tok, (pos) => inRegions(regions, pos)).map((h) => ({
    start: h.start, end: h.end, cue: h.unnamedAgent ? UNNAMED_AGENT_CUE : AGENTLESS_CUE.get(h.sense)!,
  }));
}

/** Unnamed sources of verbs of saying and believing, found on the tokens (see unnamed-sources.ts). */
function unnamedSourceHits(tok: Tokenized, regions: Array<[number, number]>): Hit[] {
  return findUnnamedSources(tok, regions).map((r) => ({
    start: r.start, end: r.end,
    cue: r.share ? SHARE_SOURCE_CUE : r.phrase.anonymous ? ANON_SOURCE_CUE : r.phrase.document ? DOCUMENT_SOURCE_CUE : GROUP_SOURCE_CUE,
  }));
}

/** Returns the cue hits of one text before overlap resolution (exported for the eval scorers). */
function findHits(tok: Tokenized): Hit[] {
  const { text, tokens } = tok;
  const regions = quoteRegions(text);
  const hits: Hit[] = [];
  let words: WordStarts | undefined;
  for (const cue of COMPILED) {
    if (cue.needs && !cue.needs.test(text)) continue;
    eachCueMatch(text, cue.re, cue.sticky ?? null, cue.keys ?? null, words ??= new WordStarts(text), (m) => {
      let start = m.index;
      let end = start + m[0].length;
      while (start < end && /\s/.test(text[start]!)) start++;
      if (end <= start || m[0].includes('\n')) return;
      if (cue.modal) {
        const t = tokenAt(tokens, start);
        if (!t || (t.pos !== 'AUX' && t.pos !== 'VERB') || t.value !== t.value.toLowerCase()) return;
        // "a handful of might", "might makes right": the modal must govern a verb phrase.
        const next = tokenAt(tokens, end + 1) ?? tokenAt(tokens, end + 2);
        if (!next || !MODAL_NEXT.has(next.pos)) return;
      }
      if (cue.verb) {
        const t = tokenAt(tokens, start);
        if (!t || t.pos !== 'VERB' || t.value !== t.value.toLowerCase()) return;
      }
      // "Israeli officials said", "White House aides said": a named body, not an unnamed source.
      if ((cue.kind === 'anonymous-source' || cue.kind === 'weasel') && /^[a-z]/.test(m[0].trimStart())) {
        const ti = tokenIndexAt(tokens, start);
        // Walk back over lower-case modifiers: "Democratic party officials".
        let k = ti - 1;
        while (k > 0 && ti - k < 3 && /^[a-z]+$/.test(tokens[k]!.value) && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k--;
        const prev = ti > 0 ? tokens[k] : undefined;
        if (prev && /^[A-Z]/.test(prev.value) && (prev.pos === 'PROPN' || prev.pos === 'ADJ' || prev.pos === 'NOUN')) return;
        // "the officials said", "his aides said": a definite phrase points back to someone named
        if (prev && POINTS_BACK.has(prev.value.toLowerCase()) && (prev.pos === 'DET' || prev.pos === 'PRON')) return;
      }
      // The writer's own hedging only: a quoted speaker's "may" is their voice, not the article's.
      if (cue.kind === 'hedge' && !cue.attributing && inRegions(regions, start)) return;
      // Inside a quotation the words are the quoted speaker's, who is named: PolNeAR credits the
      // quote to that speaker, and a reader sees whose view it is.
      if (cue.attributing && inRegions(regions, start)) return;
      if (cue.describing) {
        const ti = tokenIndexAt(tokens, start);
        const prev = ti > 0 ? tokens[ti - 1] : undefined;
        if (prev && RELATIVE_PRONOUNS.has(prev.lower) && (prev.pos === 'PRON' || prev.pos === 'DET' || prev.lower !== 'that')) {
          hits.push({ start, end, cue: WRITER_IMPRESSION_CUE });
          return;
        }
      }
      hits.push({ start, end, cue });
    });
  }
  hits.push(...unnamedSourceHits(tok, regions), ...agentlessHits(tok, regions));
  return hits;
}

/** Returns the vague / unverified attributions of a text, in text order, ids `a<i>`. */
export function findAttributions(tok: Tokenized): Attribution[] {
  const hits = findHits(tok);
  hits.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.cue.order - b.cue.order || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) {
    if (kept.some((k) => k.start < h.end && h.start < k.end)) continue;
    kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((h, i) => ({
    id: `a${i}`, start: h.start, end: h.end, kind: h.cue.kind, reason: h.cue.reason,
    cue: tok.text.slice(h.start, h.end).toLowerCase().replace(/\s+/g, ' '),
  }));
}

/** Returns true when the attribution's cue names an unstated source rather than the writer's own doubt. */
export function isAttributing(a: Attribution): boolean {
  if (a.kind === 'anonymous-source' || a.kind === 'weasel') return true;
  if (a.kind === 'unsupported-claim') return false;
  // "an economy that seems rigged": the writer's own description, however its words read
  if (a.reason === WRITER_IMPRESSION_CUE.reason) return false;
  return HEDGE_ATTRIBUTING.some((re) => re.test(a.cue));
}

const HEDGE_ATTRIBUTING = ATTRIBUTION_CUES.filter((c) => c.kind === 'hedge' && c.attributing)
  .map((c) => new RegExp(`^(?:${c.pattern})$`, 'i'));
