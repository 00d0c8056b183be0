/**
 * Vague and unverified attributions: anonymous sources, hedges, claims the article says are
 * unsupported, and weasel words. Each cue list in cues.ts is compiled once into a case-insensitive
 * regular expression run over the whole text (one pass per list entry); matches are then checked
 * against the tokens (a modal must really be a lower-case auxiliary) and the quotation regions
 * (the writer's own speculation only), and overlaps are resolved longest first.
 * A token pass adds unnamed sources of reporting verbs that a word list cannot enumerate
 * ("Republicans say", "a federal judge said", "polls show", ", said several aides"): see
 * vagueSourceHits.
 */
import type { Attribution } from '../shared/model.js';
import type { Token, Tokenized } from './nlp.js';
import { ATTRIBUTION_CUES, INDEFINITE_DETERMINERS, NOT_SOURCE_PLURALS, SOURCE_VERB_LEMMAS, VAGUE_PRONOUNS, type CueDef } from './cues.js';

interface Compiled extends CueDef {
  re: RegExp;
  order: number;
}

const COMPILED: Compiled[] = ATTRIBUTION_CUES.map((c, order) => ({
  ...c, order, re: new RegExp(`\\b(?:${c.pattern})\\b`, 'gi'),
}));

const MODAL_NEXT = new Set(['VERB', 'AUX', 'ADV', 'PART']);

interface Hit {
  start: number;
  end: number;
  cue: Compiled;
}

/** Returns [start, end) ranges of text inside quotation marks (curly pairs, straight toggled per paragraph). */
export function quoteRegions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^“”\n]*”|"[^"\n]*"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function inRegions(regions: Array<[number, number]>, pos: number): boolean {
  let lo = 0, hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = regions[mid]!;
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
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


// Capitalised group nouns that are still unnamed groups ("Republicans say").
const GROUP_PROPER = new Set(['republicans', 'democrats', 'conservatives', 'liberals', 'progressives', 'independents', 'evangelicals', 'libertarians', 'moderates']);
const SKIP_BETWEEN = new Set(['AUX', 'ADV', 'PART']);
const ANON_HEADS = new Set(['official', 'source', 'aide', 'insider', 'diplomat', 'staffer', 'spokesman', 'spokeswoman', 'spokesperson', 'person', 'people', 'employee', 'officer', 'adviser', 'advisor', 'confidant', 'associate', 'operative']);

const VAGUE_SOURCE_CUE: Compiled = {
  kind: 'weasel', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'Who exactly? The claim is credited to an unnamed group or person.',
};
const ANON_SOURCE_CUE: Compiled = {
  kind: 'anonymous-source', attributing: true, pattern: '', order: 1000, re: /$^/,
  reason: 'The source is not named, so readers cannot judge how well placed or independent it is.',
};

const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
// Plural source nouns that wink tags PROPN when capitalised at the start of a sentence.
const COMMON_SOURCE_PLURALS = new Set([
  'people', 'observers', 'analysts', 'critics', 'experts', 'commentators', 'pundits', 'economists', 'scientists',
  'historians', 'scholars', 'researchers', 'residents', 'voters', 'officials', 'lawmakers', 'insiders', 'sources',
  'diplomats', 'supporters', 'opponents', 'skeptics', 'sceptics', 'aides', 'advisers', 'advisors', 'polls', 'surveys',
  'studies', 'reports', 'records', 'documents', 'emails', 'witnesses', 'investigators', 'authorities', 'prosecutors',
  'activists', 'advocates', 'strategists', 'operatives', 'donors', 'delegates', 'environmentalists', 'candidates',
  'leaders', 'members', 'doctors', 'physicians', 'investors', 'executives', 'officers', 'employees', 'staffers',
]);

function isPluralNoun(t: Token): boolean {
  const v = t.value.toLowerCase();
  if (t.pos === 'PROPN') return GROUP_PROPER.has(v) || (COMMON_SOURCE_PLURALS.has(v) && /^[A-Z][a-z]+$/.test(t.value));
  return t.pos === 'NOUN' && v === t.value && /[^s]s$/.test(v) && t.lemma !== v && !NOT_SOURCE_PLURALS.has(v);
}

/**
 * The unnamed noun phrase ending at token h (its head), or null: a plural common noun or group
 * name, a quantifier pronoun ("some", "others"), or an indefinite singular source noun ("a
 * senior official"); never with a proper-name modifier ("White House officials"), a definite
 * determiner or possessive ("the officials", "his aides"), or after "of" / "'s".
 */
function vagueNpEndingAt(tokens: Token[], h: number): { start: number; anon: boolean } | null {
  const head = tokens[h]!;
  const hv = head.value.toLowerCase();
  let start = h;
  let ok = false;
  if ((head.pos === 'PRON' || head.pos === 'ADJ' || head.pos === 'DET' || head.pos === 'NOUN' || head.pos === 'PROPN') && VAGUE_PRONOUNS.has(hv)) ok = true;
  else if (isPluralNoun(head)) ok = true;
  else if (head.pos === 'NOUN' && hv === head.value) ok = false; // a singular noun needs an indefinite determiner
  else return null;
  // Extend left over lower-case modifiers.
  let det: string | null = null;
  for (let j = h - 1; j >= 0 && h - j <= 4; j--) {
    const t = tokens[j]!;
    const v = t.value.toLowerCase();
    if (t.pos === 'PRON' && POSSESSIVES.has(v)) { det = v; start = j; break; }
    if (t.pos === 'DET' || (t.pos === 'NUM' && /^[a-z]+$/.test(v)) || (t.pos === 'ADJ' && INDEFINITE_DETERMINERS.has(v)) || (t.pos === 'PRON' && VAGUE_PRONOUNS.has(v))) { det = v; start = j; break; }
    if ((t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'VERB' && /(?:ed|ing)$/.test(v)) && t.value === v && /^[a-z][a-z-]*$/.test(v)) { start = j; continue; }
    if (t.value === '-') { start = j; continue; }
    break;
  }
  if (det !== null && !INDEFINITE_DETERMINERS.has(det) && tokens[start - 1]?.lemma !== 'of') return null;
  // Any indefinite singular person or body: "a federal judge found", "one questioner claimed".
  if (!ok) ok = det !== null && ['a', 'an', 'one', 'another'].includes(det) && head.pos === 'NOUN';
  if (!ok) return null;
  if (det === 'no') return null;
  let before = tokens[start - 1];
  // "many of his supporters", "a majority of voters", "some of the officials": the quantifier
  // before "of" makes the group unnamed whatever the inner determiner.
  if (before && before.lemma === 'of' && start >= 2) {
    const q = tokens[start - 2]!;
    const qv = q.value.toLowerCase();
    if (VAGUE_PRONOUNS.has(qv) || qv === 'majority' || qv === 'minority' || qv === 'one' || qv === 'none' || qv === 'half' || qv === 'dozens') {
      const hasName = tokens.slice(start, h + 1).some((t) => t.pos === 'PROPN' && !GROUP_PROPER.has(t.value.toLowerCase()));
      if (hasName) return null;
      let qs = start - 2;
      if (qs > 0 && ['a', 'an', 'the'].includes(tokens[qs - 1]!.value.toLowerCase()) && (qv === 'majority' || qv === 'minority')) qs--;
      return { start: qs, anon: ANON_HEADS.has(head.lemma) };
    }
  }
  if (det !== null && det !== 'no' && !INDEFINITE_DETERMINERS.has(det)) return null;
  before = tokens[start - 1];
  if (before && (before.value === "'s" || before.value === '’s' || before.lemma === 'of' || before.pos === 'PROPN' || before.pos === 'ADP' && before.lemma !== 'to')) {
    // "of" / possessive / "at the X": part of a larger phrase, not the subject itself.
    if (before.lemma !== 'to') return null;
  }
  if (before && before.pos === 'PROPN') return null;
  // "Democratic party officials", "Israeli aides": a capitalised modifier names the body.
  if (before && /^[A-Z]/.test(before.value) && (before.pos === 'ADJ' || before.pos === 'NOUN') && !INDEFINITE_DETERMINERS.has(before.value.toLowerCase())) return null;
  let anon = ANON_HEADS.has(head.lemma) || ANON_HEADS.has(hv);
  if (hv === 'people' && det === null) anon = false;
  return { start, anon };
}

/** Unnamed sources of reporting verbs, found on the tokens (see vagueNpEndingAt). */
function vagueSourceHits(tok: Tokenized, regions: Array<[number, number]>): Hit[] {
  const { tokens } = tok;
  const hits: Hit[] = [];
  const push = (a: number, b: number, anon: boolean) => {
    if (inRegions(regions, tokens[a]!.start)) return;
    hits.push({ start: tokens[a]!.start, end: tokens[b]!.end, cue: anon ? ANON_SOURCE_CUE : VAGUE_SOURCE_CUE });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' && SOURCE_VERB_LEMMAS.has(t.lemma) && t.value === t.value.toLowerCase()) {
      // Subject before the verb: NP [aux / adverb / "not"]* verb.
      let j = i - 1;
      let passive = false;
      while (j >= 0 && i - j <= 3 && SKIP_BETWEEN.has(tokens[j]!.pos) && tokens[j]!.value !== ',' && tokens[j]!.lemma !== 'to') {
        if (tokens[j]!.lemma === 'be') passive = true;
        j--;
      }
      // "were charged", "should be believed": a passive subject is not the source.
      if (passive || tokens[j]?.lemma === 'to') continue;
      // "NP who have suggested": the relative clause's verb is the NP's.
      if (j >= 1 && tokens[j]!.lemma === 'who') {
        const np = vagueNpEndingAt(tokens, j - 1);
        const prev = np ? tokens[np.start - 1] : undefined;
        if (np && (!prev || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || prev.pos === 'VERB' || prev.pos === 'ADP' || prev.type === 'tabCRLF')) { push(np.start, i, np.anon); continue; }
      }
      // A verb right after "to" or a relative pronoun is not the NP's own verb.
      if (j >= 0 && tokens[j]!.lemma !== 'to' && (tokens[j + 1] === t || SKIP_BETWEEN.has(tokens[j + 1]!.pos))) {
        const np = vagueNpEndingAt(tokens, j);
        // "others" etc. must not be an object of a preceding verb ("he told others"): require a clause start.
        if (np) {
          const prev = tokens[np.start - 1];
          const clauseStart = !prev || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || prev.type === 'tabCRLF' || prev.lemma === 'that' || prev.lemma === 'while' || prev.lemma === 'but' || prev.lemma === 'as';
          if (clauseStart) { push(np.start, i, np.anon); continue; }
        }
      }
      // Inverted: ", said NP" / "” say NP" with the NP ending the clause.
      const prev = tokens[i - 1];
      if (prev && prev.pos === 'PUNCT' && (t.lemma === 'say' || t.lemma === 'tell' || t.lemma === 'add' || t.lemma === 'argue' || t.lemma === 'note' || t.lemma === 'write')) {
        for (let h = i + 1; h < tokens.length && h - i <= 5; h++) {
          const n = tokens[h + 1];
          if (!n || n.pos === 'PUNCT' || n.lemma === 'who' || n.lemma === 'on' || n.lemma === 'in' || n.lemma === 'at') {
            const np = vagueNpEndingAt(tokens, h);
            if (np && np.start === i + 1) push(i, h, np.anon);
            break;
          }
        }
      }
      continue;
    }
    // "according to" + unnamed NP.
    if (t.lemma === 'accord' && tokens[i + 1]?.lemma === 'to') {
      for (let h = i + 2; h < tokens.length && h - i <= 6; h++) {
        const n = tokens[h + 1];
        if (!n || n.pos === 'PUNCT' || n.pos === 'ADP' || n.lemma === 'who' || n.pos === 'CCONJ') {
          const np = vagueNpEndingAt(tokens, h);
          if (np && np.start === i + 2) push(i, h, np.anon);
          break;
        }
      }
    }
  }
  return hits;
}

/** Returns the cue hits of one text before overlap resolution (exported for the eval scorers). */
function findHits(tok: Tokenized): Hit[] {
  const { text, tokens } = tok;
  const regions = quoteRegions(text);
  const hits: Hit[] = [];
  for (const cue of COMPILED) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      let start = m.index;
      let end = start + m[0].length;
      while (start < end && /\s/.test(text[start]!)) start++;
      if (end <= start || m[0].includes('\n')) continue;
      if (cue.modal) {
        const t = tokenAt(tokens, start);
        if (!t || (t.pos !== 'AUX' && t.pos !== 'VERB') || t.value !== t.value.toLowerCase()) continue;
        // "a handful of might", "might makes right": the modal must govern a verb phrase.
        const next = tokenAt(tokens, end + 1) ?? tokenAt(tokens, end + 2);
        if (!next || !MODAL_NEXT.has(next.pos)) continue;
      }
      if (cue.verb) {
        const t = tokenAt(tokens, start);
        if (!t || t.pos !== 'VERB' || t.value !== t.value.toLowerCase()) continue;
      }
      // "Israeli officials said", "White House aides said": a named body, not an unnamed source.
      if ((cue.kind === 'anonymous-source' || cue.kind === 'weasel') && /^[a-z]/.test(m[0].trimStart())) {
        const ti = tokenIndexAt(tokens, start);
        // Walk back over lower-case modifiers: "Democratic party officials".
        let k = ti - 1;
        while (k > 0 && ti - k < 3 && /^[a-z]+$/.test(tokens[k]!.value) && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k--;
        const prev = ti > 0 ? tokens[k] : undefined;
        if (prev && /^[A-Z]/.test(prev.value) && (prev.pos === 'PROPN' || prev.pos === 'ADJ' || prev.pos === 'NOUN')) continue;
      }
      // The writer's own hedging only: a quoted speaker's "may" is their voice, not the article's.
      if (cue.kind === 'hedge' && !cue.attributing && inRegions(regions, start)) continue;
      hits.push({ start, end, cue });
    }
  }
  hits.push(...vagueSourceHits(tok, regions));
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
  return HEDGE_ATTRIBUTING.some((re) => re.test(a.cue));
}

const HEDGE_ATTRIBUTING = ATTRIBUTION_CUES.filter((c) => c.kind === 'hedge' && c.attributing)
  .map((c) => new RegExp(`^(?:${c.pattern})$`, 'i'));
