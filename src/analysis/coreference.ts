/**
 * Pronoun and description resolution over the mention tracker (mentions.ts), in one pass in text
 * order so that each resolved "he" or "the senator" becomes a mention of its entity and keeps it
 * salient for the next one.
 *
 * Pronouns follow the salience model of Lappin & Leass (1994, "An algorithm for pronominal
 * anaphora resolution"): every mention in the last few sentences adds a weight for being recent,
 * a subject, and not inside a prepositional phrase or possessive, halved for each sentence back;
 * the pronoun takes the most salient entity that agrees with it (sex for "he"/"she"; a body or
 * group for "they"/"it"). News adds two factors: the subject of a speech verb is who the next
 * "he said" most likely is, and so is a person the article has just introduced as a main subject
 * ("Ana Ruiz, a teacher, remembered …"), however often someone else was named before. Descriptions ("the senator", "the actor", "the spokeswoman") take the
 * most recent person the article has given that role (titles and appositions, mentions.ts).
 * When nothing agrees, or two candidates are about as salient, the pronoun stays unresolved: a
 * wrong speaker costs more trust than none.
 */
import type { Token } from './nlp.js';
import { ORG_ROLE_NOUNS } from './names.js';
import { isEmbedded, type Entity, type Gender, type Mention, type MentionSource, type MentionTracker } from './mentions.js';

/** Salience weights (Lappin & Leass 1994, table 1, with speaker emphasis added for news). */
const W_RECENT = 100;
const W_SUBJECT = 80;
/** A subject inside a reported clause ("Cox says Obama is …") is less salient than the main one. */
const W_SUBJECT_EMBEDDED = 20;
const W_HEAD = 80;
const W_NON_ADVERBIAL = 50;
const W_SPEAKER = 60;
/**
 * A first mention as a main subject: a person the article is introducing weighs as much as a
 * speech verb's subject does (W_SUBJECT + W_SPEAKER).
 */
const W_INTRO = W_SUBJECT + W_SPEAKER;
/** How many (narrative) sentences back a pronoun looks. */
const WINDOW_SENTENCES = 4;
/** How many sentences back a "“…,” he said" looks for the speaker it resumes: as far as a pronoun looks. */
const RESUME_SENTENCES = WINDOW_SENTENCES;
/** The best candidate must beat the runner-up by this factor, or the pronoun stays open. */
const MIN_MARGIN = 1.15;
/** A "he"/"she" resolved this clearly gives its sex to an entity of unknown sex. */
const SEX_LEARNING_MARGIN = 2;

/** Description heads and the roles that can stand for them ("the lawmaker" -> a senator). */
const ROLE_CLASSES: Record<string, string[]> = {
  lawmaker: ['lawmaker', 'senator', 'representative', 'congressman', 'congresswoman', 'legislator'],
  legislator: ['legislator', 'senator', 'representative', 'congressman', 'congresswoman', 'lawmaker'],
  congressman: ['congressman', 'representative'],
  congresswoman: ['congresswoman', 'representative'],
  candidate: ['candidate', 'nominee', 'contender', 'hopeful', 'front-runner', 'frontrunner'],
  nominee: ['nominee', 'candidate'],
  spokesman: ['spokesman', 'spokesperson'],
  spokeswoman: ['spokeswoman', 'spokesperson'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
  executive: ['executive', 'ceo'],
  official: ['official', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'director', 'minister'],
};

const PERSON_PRONOUNS: Record<string, Gender> = { he: 'm', she: 'f' };

/** "it" stays with the old fallback: it is more often a document or a plan than a named body. */
const GROUP_PRONOUNS = new Set(['they']);

/** Resolved antecedents of the pronouns and person descriptions of one text. */
export class Coreference {
  private readonly byToken = new Map<number, number>();

  /**
   * Per sentence, how many narrative sentences (with a word outside quotes) come up to it: the
   * sentences inside a long quote are not the article moving on, so distance counts these only.
   */
  private readonly narrative: Int32Array;

  constructor(private readonly src: MentionSource, private readonly tracker: MentionTracker) {
    const { sentences, tokens, inQuote } = src;
    this.narrative = new Int32Array(sentences.length);
    let n = 0;
    sentences.forEach((s, i) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) if (!inQuote[t] && tokens[t]!.pos !== 'PUNCT') { n++; break; }
      this.narrative[i] = n;
    });
    this.resolveAll();
  }

  /** Returns how many narrative sentences lie between sentence `a` and the later sentence `b`. */
  private distance(a: number, b: number): number {
    return Math.max(0, this.narrative[b]! - this.narrative[a]!);
  }

  /** Returns the entity a pronoun or description starting at token `t` stands for, if resolved. */
  entityAt(t: number): number | undefined {
    return this.byToken.get(t);
  }

  /** Returns the entity's name mention to show for a resolved token: its last one before `t`. */
  nameFor(t: number): Mention | null {
    const e = this.byToken.get(t);
    return e === undefined ? null : this.tracker.lastNameBefore(e, t);
  }

  private resolveAll(): void {
    const { tokens, inQuote, sentOf } = this.src;
    const names = this.tracker.mentions;
    const recent: Mention[] = [];
    let k = 0;
    for (let p = 0; p < tokens.length; p++) {
      while (k < names.length && names[k]!.from < p) recent.push(names[k++]!);
      const t = tokens[p]!;
      if (inQuote[p] || sentOf[p]! < 0) continue;
      const v = t.lower;
      let entity: number | null = null;
      let via: Mention['via'] = 'pronoun';
      if (t.pos === 'PRON' && (v in PERSON_PRONOUNS || GROUP_PRONOUNS.has(v))) entity = this.resolvePronoun(p, v, recent);
      else if (t.pos === 'DET' && (v === 'the' || v === 'this' || v === 'that')) {
        entity = this.resolveDescription(p, recent);
        via = 'description';
      } else continue;
      if (entity === null) continue;
      this.byToken.set(p, entity);
      const end = via === 'description' ? this.descriptionEnd(p) : p + 1;
      const m: Mention = {
        from: p, to: end, entity, sent: sentOf[p]!, via,
        subject: isSubjectToken(tokens, end), speaks: isSubjectToken(tokens, end) && this.src.speaksAfter(end), embedded: isEmbedded(this.src, p),
        oblique: tokens[p - 1]?.pos === 'ADP',
      };
      recent.push(m);
      this.tracker.addResolved(m);
    }
  }

  /** Returns the most salient agreeing entity for the pronoun at `p`, or null (see the header). */
  private resolvePronoun(p: number, v: string, recent: Mention[]): number | null {
    const resumed = this.resumedSpeaker(p, v, recent);
    if (resumed !== null) return resumed;
    const ranked = this.rank(p, v, recent);
    const [best, second] = ranked;
    if (!best || (second && best.salience < second.salience * MIN_MARGIN)) return null;
    const e = this.tracker.entities[best.entity]!;
    if (v in PERSON_PRONOUNS && !e.gender && (!second || best.salience >= second.salience * SEX_LEARNING_MARGIN)) e.gender = PERSON_PRONOUNS[v]!;
    return best.entity;
  }

  /**
   * Returns the speaker a "he said" resumes in its own sentence: "Tyler said that the campaign
   * will show Cruz has “…,” he said" is Tyler, the main clause's speaking subject, however salient
   * the names inside what he reported. Only for a pronoun that is itself a speech verb's subject,
   * right after a quote; the nearest sentence with an agreeing main subject decides, and only when
   * that subject is one entity and speaks (else the salience ranking below).
   */
  private resumedSpeaker(p: number, v: string, recent: Mention[]): number | null {
    const { tokens, sentOf, inQuote } = this.src;
    // ("“…,” he said" right after a quote: the attribution resumes after what was quoted)
    let q = p - 1;
    while (q >= 0 && tokens[q]!.pos === 'PUNCT' && !inQuote[q]) q--;
    if (q < 0 || !inQuote[q] || !isSubjectToken(tokens, p + 1) || !this.src.speaksAfter(p + 1)) return null;
    // the nearest sentence (this one, then back, narrative sentences only) with an agreeing
    // subject decides: its one main-clause subject when there is one and, in the pronoun's own
    // sentence, it speaks ("Tyler said that Cruz has “…,” he said"; "McLenney said Clinton ….
    // ¶ “…,” she said"; "Christie wasn't having it. ¶ “…,” he said"); else nobody
    const sp = sentOf[p]!;
    let x = recent.length - 1;
    for (let s = sp; s >= 0 && this.distance(s, sp) <= RESUME_SENTENCES; s--) {
      let main: number | null = null, speaks = false, clash = false, any = false;
      for (; x >= 0 && recent[x]!.sent >= s; x--) {
        const m = recent[x]!;
        if (m.sent !== s || m.to > p || !m.subject || !agrees(this.tracker.entities[m.entity]!, v)) continue;
        any = true;
        // (the names inside what a speaker reported do not count against the speaker)
        if (m.embedded) continue;
        if (main !== null && main !== m.entity) clash = true;
        main = m.entity;
        speaks ||= m.speaks;
      }
      if (main !== null) return !clash && (speaks || s !== sp) ? main : null;
      if (any && s !== sp) return null;
    }
    return null;
  }

  /** Returns the agreeing entities of the last sentences by salience, best first. */
  rank(p: number, v: string, recent: Mention[] = this.recentBefore(p), fits: (e: Entity) => boolean = (e) => agrees(e, v)): { entity: number; salience: number }[] {
    const sp = this.src.sentOf[p]!;
    // per entity and sentence the strongest mention counts (a name repeated in one sentence is
    // not more salient for it), halved for each narrative sentence back
    const sal = new Map<number, number>();
    let sent = -1;
    const inSent = new Map<number, number>();
    const flush = () => { for (const [id, w] of inSent) sal.set(id, (sal.get(id) ?? 0) + w / 2 ** this.distance(sent, sp)); inSent.clear(); };
    for (let x = recent.length - 1; x >= 0; x--) {
      const m = recent[x]!;
      if (m.sent < sp && this.distance(m.sent, sp) > WINDOW_SENTENCES) break;
      if (m.to > p) continue;
      if (m.sent !== sent) { flush(); sent = m.sent; }
      const e = this.tracker.entities[m.entity]!;
      if (!fits(e)) continue;
      let w = W_RECENT;
      if (m.subject) w += m.embedded ? W_SUBJECT_EMBEDDED : W_SUBJECT;
      if (!m.oblique) w += W_HEAD + W_NON_ADVERBIAL;
      if (m.speaks) w += W_SPEAKER;
      // a person introduced as a main subject ("Ana Ruiz, a teacher, remembered …") is who the
      // next "she said" most likely is, however often others were named before
      if (m.via === 'name' && m.subject && !m.embedded && e.mentions[0] === m) w += W_INTRO;
      inSent.set(m.entity, Math.max(inSent.get(m.entity) ?? 0, w));
    }
    flush();
    return [...sal].map(([entity, salience]) => ({ entity, salience })).sort((a, b) => b.salience - a.salience);
  }

  /** Returns every mention (names and resolved) that starts before token `p`, in order. */
  private recentBefore(p: number): Mention[] {
    const all: Mention[] = [];
    for (const e of this.tracker.entities) for (const m of e.mentions) if (m.from < p) all.push(m);
    return all.sort((a, b) => a.from - b.from);
  }

  /**
   * Returns the entity a description at `p` ("the senator", "the Vermont senator", "the former
   * secretary of state", "the group") stands for: among those the article has given that role
   * before, the most salient of the last sentences, else the most recently mentioned; or null.
   */
  private resolveDescription(p: number, recent: Mention[]): number | null {
    const { tokens } = this.src;
    const h = descriptionHead(tokens, p);
    if (!h) return null;
    const wanted = ROLE_CLASSES[h.lemma] ?? [h.lemma];
    if (!wanted.some((r) => this.tracker.hasRole(r))) return null;
    const body = ORG_ROLE_NOUNS.has(h.lemma);
    const role = (e: Entity) => (body ? e.kind !== 'group' : e.kind === 'person') && wanted.some((r) => e.roles.has(r));
    // "the Vermont senator": a capitalised modifier must have been said of the entity (near one
    // of its names); when it was said of no one with the role, the description stays open
    const mods: string[] = [];
    for (let x = p + 1; x < h.index; x++) if (/^\p{Lu}/u.test(tokens[x]!.value) && tokens[x]!.pos === 'PROPN') mods.push(tokens[x]!.value);
    const near = (e: Entity) => mods.every((w) => e.mentions.some((m) => m.via === 'name' && m.to <= p && hasWordNear(tokens, m, w)));
    const fits = (e: Entity) => role(e) && near(e);
    const [best] = this.rank(p, '', recent, fits);
    if (best) return best.entity;
    let id = -1, at = -1;
    const ents = this.tracker.entities;
    for (let x = 0; x < ents.length; x++) {
      if (!fits(ents[x]!)) continue;
      const last = lastMentionBefore(ents[x]!, p);
      if (last > at) { at = last; id = x; }
    }
    return id >= 0 ? id : null;
  }

  private descriptionEnd(p: number): number {
    const h = descriptionHead(this.src.tokens, p);
    return h ? h.index + 1 : p + 1;
  }
}

function agrees(e: Entity, v: string): boolean {
  if (v in PERSON_PRONOUNS) return e.kind === 'person' && (!e.gender || e.gender === PERSON_PRONOUNS[v]);
  if (v === 'it') return e.kind === 'org';
  return e.kind === 'org' || e.kind === 'group';
}

/** True when the word `w` stands within a few tokens of the mention ("Sen. Ana Ruiz of Vermont"). */
function hasWordNear(tokens: Token[], m: Mention, w: string): boolean {
  for (let x = Math.max(0, m.from - 4); x < Math.min(tokens.length, m.to + 4); x++) if (tokens[x]!.value === w) return true;
  return false;
}

function lastMentionBefore(e: Entity, p: number): number {
  let at = -1;
  for (const m of e.mentions) if (m.to <= p && m.from > at) at = m.from;
  return at;
}

/** True when the token at `end` starts a predicate: the phrase before it is a clause subject. */
function isSubjectToken(tokens: Token[], end: number): boolean {
  let k = end;
  while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
  const n = tokens[k];
  return n !== undefined && (n.pos === 'VERB' || n.pos === 'AUX');
}

/**
 * Returns the lower-case head noun of a description starting at the determiner `p` ("the
 * Vermont senator" -> senator; "the former secretary of state" -> secretary), or null when the
 * phrase has a name of its own or no noun head within a few words.
 */
function descriptionHead(tokens: Token[], p: number): { lemma: string; index: number } | null {
  let head: { lemma: string; index: number } | null = null;
  for (let x = p + 1; x < tokens.length && x - p <= 5; x++) {
    const t = tokens[x]!;
    if (t.pos === 'NOUN' && /^\p{Ll}/u.test(t.value)) { head = { lemma: t.lemma, index: x }; continue; }
    if (t.pos === 'ADJ' || (t.pos === 'PROPN' && head === null) || t.value === '-') continue;
    break;
  }
  // "the Trump campaign's spokesman" has a possessor name: that is not a bare description
  if (head && tokens[head.index + 1]?.pos === 'PART') return null;
  return head;
}
