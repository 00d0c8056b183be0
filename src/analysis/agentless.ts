/**
 * Agentless attributions found on wink tokens: a passive of a verb of saying, believing, expecting
 * or judging with no one named as its agent ("is expected to", "has been harshly criticized for",
 * "were rated as", "it was revealed that"), and the same passive whose agent is unnamed ("was
 * described by some as"). The PolNeAR guidelines' Attribution-no-source class is mostly these;
 * the Wikipedia "Words to watch" guideline lists them as unsupported attributions ("it is
 * believed", "is widely regarded"). A regular expression cannot see the adverbs and auxiliaries
 * between the parts, nor tell a passive participle from a past tense, so this reads the tags.
 */
import type { Token, Tokenized } from './nlp.js';
import { AGENTLESS_LEMMAS, SOURCE_VERB_LEMMAS, isSourceHead, type AgentlessSense } from './cues.js';
import { isUnnamed, readSourcePhrase } from './source-phrases.js';

export interface AgentlessHit {
  start: number;
  end: number;
  sense: AgentlessSense;
  /** The passive names an agent, but an unnamed one ("by some", "by critics"). */
  unnamedAgent: boolean;
}

// "'s" is left out: "he's said" and "Trump's reported net worth" are no passives.
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'re", '’re', 'am']);
// A modal or "to" before the passive makes it hypothetical ("would not be accused of", "certain to be challenged").
const HYPOTHETICAL = new Set(['would', 'could', 'should', 'might', 'may', 'can', 'must', 'to', "'d", 'wo']);
const lower = (t: Token) => t.lower;
// Words after the participle that belong to the cue and help the tooltip read ("expected to").
const TAIL = new Set(['to', 'as', 'that', 'of', 'for']);
const PHRASE_END = new Set([',', '.', ';', ':', '?', '!', '—', '(', ')', '"', '“', '”', "'"]);

/** True when token i is a past participle in form: "-ed", "-en", or an irregular one. */
function isParticiple(t: Token): boolean {
  return t.pos === 'VERB' && /^[a-z]+$/.test(t.value) && (/(?:ed|en|wn)$/.test(t.value) || /^(?:said|thought|seen|known|told|held|understood|bought)$/.test(t.value));
}

/** Returns the agentless passives of attitude verbs in a text, outside the given quotation regions. */
export function findAgentless(tok: Tokenized, inQuote: (pos: number) => boolean): AgentlessHit[] {
  const { tokens } = tok;
  const out: AgentlessHit[] = [];
  for (let v = 1; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (!isParticiple(t)) continue;
    const sense = AGENTLESS_LEMMAS.get(t.lemma);
    if (!sense) {
      if (SOURCE_VERB_LEMMAS.has(t.lemma)) {
        const h = unnamedAgentPassive(tokens, v);
        if (h && !inQuote(h.start)) out.push(h);
      }
      continue;
    }
    // be-form, then adverbs / "not" between it and the participle
    let b = v - 1;
    while (b > 0 && v - b <= 3 && (tokens[b]!.pos === 'ADV' || tokens[b]!.pos === 'PART') && !BE.has(lower(tokens[b]!))) b--;
    if (!BE.has(lower(tokens[b]!))) {
      const h = asExpected(tokens, v, sense);
      if (h && !inQuote(h.start)) out.push(h);
      continue;
    }
    const next = tokens[v + 1];
    const nv = next ? lower(next) : '';
    // "known as X", "seen leaving": a name or a sighting, not a view
    if (t.lemma === 'know' && !(nv === 'to' || nv === 'for' || nv === 'that')) continue;
    // "was seen by some as": an agent between the participle and "as" (judged on the agent below)
    const agentThenAs = nv === 'by' && tokens.slice(v + 2, v + 8).some((x) => lower(x) === 'as');
    if ((t.lemma === 'see' || t.lemma === 'view' || t.lemma === 'regard' || t.lemma === 'perceive') && !(nv === 'as' || nv === 'to' || agentThenAs)) continue;
    // "it was revealed that": the disclosure verbs only with an "it ... that" frame
    let first = b;
    while (first > 0 && (tokens[first - 1]!.pos === 'AUX' || lower(tokens[first - 1]!) === 'not' || lower(tokens[first - 1]!) === "n't") && !HYPOTHETICAL.has(lower(tokens[first - 1]!))) first--;
    // a bare "be" or "being" heads an infinitive or gerund ("risk being seen as"): no assertion
    if (lower(tokens[first]!) === 'be' || lower(tokens[first]!) === 'being') continue;
    if (HYPOTHETICAL.has(lower(tokens[first]!)) || (first > 0 && HYPOTHETICAL.has(lower(tokens[first - 1]!)))) continue;
    const subject = tokens[first - 1];
    if (sense === 'disclosed' && !(subject && lower(subject) === 'it' && (nv === 'that' || tokens.slice(v + 1, v + 6).some((x) => lower(x) === 'that')))) continue;
    // an agent: "by some", "by critics" (unnamed) or "by the committee" (named: no hit)
    let a = v + 1;
    while (a < tokens.length && a - v <= 2 && tokens[a]!.pos === 'ADV') a++;
    let unnamedAgent = false;
    let end = v;
    if (tokens[a] && lower(tokens[a]!) === 'by') {
      let e = a + 1;
      while (e < tokens.length && e - a <= 12 && !PHRASE_END.has(tokens[e]!.value) && lower(tokens[e]!) !== 'as' && tokens[e]!.pos !== 'VERB' && tokens[e]!.pos !== 'AUX') e++;
      const agent = readSourcePhrase(tokens, a + 1, e, false);
      if (!agent || !isUnnamed(agent)) continue;
      unnamedAgent = true;
      end = e - 1;
    } else if (next && TAIL.has(nv)) {
      end = v + 1;
    }
    // "it was revealed that": the "it" belongs to the cue
    const start = subject && lower(subject) === 'it' ? subject.start : tokens[first]!.start;
    if (inQuote(start)) continue;
    out.push({ start, end: tokens[end]!.end, sense, unnamedAgent });
  }
  return out;
}

/**
 * The passive of a verb of saying, believing or judging whose agent is an unnamed group, with or
 * without its be-form ("is favored by most Republicans", "a measure opposed by unions", "was
 * described by critics as"): the view is credited, but to no one identifiable.
 */
function unnamedAgentPassive(tokens: Token[], v: number): AgentlessHit | null {
  let a = v + 1;
  while (a < tokens.length && a - v <= 2 && tokens[a]!.pos === 'ADV') a++;
  if (!tokens[a] || lower(tokens[a]!) !== 'by') return null;
  let e = a + 1;
  // the agent ends before a preposition other than "of" ("by unions on Monday", "by some of his rivals")
  while (e < tokens.length && e - a <= 12 && !PHRASE_END.has(tokens[e]!.value) && lower(tokens[e]!) !== 'as' && tokens[e]!.pos !== 'VERB' && tokens[e]!.pos !== 'AUX' && !(e > a + 1 && tokens[e]!.pos === 'ADP' && lower(tokens[e]!) !== 'of')) e++;
  const agent = readSourcePhrase(tokens, a + 1, e, false);
  if (!agent || !isUnnamed(agent) || agent.share || !isSourceHead(tokens[agent.head]!)) return null;
  let first = v;
  while (first > 0 && v - first < 3 && (tokens[first - 1]!.pos === 'ADV' || BE.has(lower(tokens[first - 1]!)))) first--;
  // "can't be trusted by", "risk being seen by": a bare be-form heads an infinitive or gerund, no assertion
  if (first < v && (lower(tokens[first]!) === 'be' || lower(tokens[first]!) === 'being')) return null;
  return { start: tokens[first]!.start, end: tokens[agent.head]!.end, sense: 'believed', unnamedAgent: true };
}

/**
 * "as expected", "as predicted", "as forecast": an expectation credited to no one, as in the full
 * passive "it was expected". (The reduced passive of judging verbs, "a plan described as", was
 * measured on the PolNeAR dev half at about half right, mostly the active "what he described as",
 * so it is left out.)
 */
function asExpected(tokens: Token[], v: number, sense: AgentlessSense): AgentlessHit | null {
  const prev = tokens[v - 1]!;
  const next = tokens[v + 1];
  if (sense !== 'expected' || lower(prev) !== 'as') return null;
  // "as expected by analysts" names (or hides) an agent: the agent path judges it
  if (next && !(next.pos === 'PUNCT' || /^(?:and|but|or)$/.test(lower(next)) || (next.pos === 'ADP' && lower(next) !== 'by'))) return null;
  return { start: prev.start, end: tokens[v]!.end, sense, unnamedAgent: false };
}
