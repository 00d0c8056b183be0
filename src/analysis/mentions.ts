/**
 * A small mention tracker: the people, bodies and groups an article names outside its quotes, in
 * order of appearance, grouped into entities (a later "Clinton" is the "Hillary Clinton" named
 * before, not "Bill Clinton"), each with what the text shows about it: its sex (first names,
 * titles, role nouns such as "spokeswoman", and the pronouns the article later uses for it), its
 * roles (titles and appositions: "Sen." -> senator, "actor John Leguizamo", "X, the company's
 * chief executive,"), and where each mention stands in its clause (subject, speaker of a speech
 * verb, inside a prepositional phrase or a possessive). Pronouns and descriptions are resolved
 * against it in coreference.ts. One forward pass over the tokens plus bounded look-arounds.
 */
import type { SentenceSpan, Token } from './nlp.js';
import {
  FEMALE_NAMES, MALE_NAMES, ORG_HEADS, ORG_ROLE_NOUNS, PERSON_TITLES, PLACES, RELATIVE_PRONOUNS, isNameToken, nameKind,
} from './names.js';

export type Gender = 'f' | 'm' | null;
export type EntityKind = 'person' | 'org' | 'group';

export interface Mention {
  /** Token range of the name (titles left out), or of the pronoun / description. */
  from: number;
  to: number;
  entity: number;
  sent: number;
  /** How it was found: a name, or a resolved pronoun or description (coreference.ts). */
  via: 'name' | 'pronoun' | 'description';
  /** Subject of its clause ("Ruiz said", "Ruiz, the mayor, has", "…,” said Ruiz"). */
  subject: boolean;
  /** Subject of a speech verb: the most salient kind of mention in news text. */
  speaks: boolean;
  /** Inside a reported or subordinate clause ("Cox says Obama is …"): not the main subject. */
  embedded: boolean;
  /** After a preposition or a possessor ("met with Ruiz", "Ruiz's plan"): less salient. */
  oblique: boolean;
}

export interface Entity {
  kind: EntityKind;
  /** Lower-cased last name word, and first name word when given. */
  surname: string;
  first: string | null;
  gender: Gender;
  /** Sex votes from the pronouns used right after a lone mention of it. */
  votes: { f: number; m: number };
  /** Lower-cased role nouns from titles and appositions ("senator", "spokesperson"). */
  roles: Set<string>;
  mentions: Mention[];
}

/** What the tracker needs from the speaker context (speakers.ts). */
export interface MentionSource {
  readonly text: string;
  readonly tokens: Token[];
  readonly sentences: SentenceSpan[];
  readonly sentOf: Int32Array;
  readonly inQuote: Uint8Array;
  isSpeechVerb(i: number): boolean;
  speaksAfter(j: number): boolean;
}

const FEMALE_WORDS = new Set(['mrs.', 'ms.', 'mrs', 'ms', 'madam', 'congresswoman', 'chairwoman', 'spokeswoman', 'queen', 'princess',
  'lady', 'dame', 'actress', 'businesswoman', 'wife', 'mother', 'daughter', 'sister', 'grandmother', 'woman', 'girl', 'widow']);
const MALE_WORDS = new Set(['mr.', 'mr', 'congressman', 'chairman', 'spokesman', 'king', 'prince', 'sir', 'lord', 'businessman',
  'husband', 'father', 'son', 'brother', 'grandfather', 'man', 'boy', 'widower']);

/**
 * Role nouns a title stands for, so "the senator" finds "Sen. Ana Ruiz" (AP title abbreviations
 * and the offices they name).
 */
const TITLE_ROLES: Record<string, string> = {
  'sen.': 'senator', sen: 'senator', senator: 'senator', 'rep.': 'representative', rep: 'representative',
  representative: 'representative', congressman: 'congressman', congresswoman: 'congresswoman', 'gov.': 'governor',
  gov: 'governor', governor: 'governor', president: 'president', 'gen.': 'general', general: 'general', 'dr.': 'doctor',
  secretary: 'secretary', judge: 'judge', justice: 'justice', mayor: 'mayor', chairman: 'chairman', chairwoman: 'chairwoman',
  speaker: 'speaker', minister: 'minister', ambassador: 'ambassador', director: 'director', attorney: 'attorney',
  sheriff: 'sheriff', pastor: 'pastor', bishop: 'bishop', rabbi: 'rabbi', coach: 'coach', 'adm.': 'admiral',
  'col.': 'colonel', 'lt.': 'lieutenant', 'sgt.': 'sergeant', 'capt.': 'captain', 'prof.': 'professor', king: 'king',
  queen: 'queen', pope: 'pope', prince: 'prince', princess: 'princess', detective: 'detective', officer: 'officer',
};

/** "in South Asia", "at Harvard": a name after these prepositions is a place or a body. */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'from']);
/** Lower-case words glued after a name that make a modifier, not a name ("Obama-era"). */
const HYPHEN_SUFFIXES = new Set(['era', 'led', 'run', 'like', 'type', 'ish', 'free', 'only', 'wide', 'held', 'made', 'old', 'hit', 'bred', 'born', 'ite', 'ism', 'ist', 'less', 'ally']);
/** Words that make a two-word name a place: "Central America", "South Carolina", "West Bank". */
const PLACE_PREFIXES = new Set(['north', 'south', 'east', 'west', 'central', 'latin', 'northern', 'southern', 'eastern', 'western', 'new', 'upper', 'lower']);
/** Endings of nouns for people by what they do ("actor", "singer", "strategist", "spokesman"). */
export const AGENT_NOUN = /(?:or|er|ist|ian|ant|ent|man|woman|person)$/;
/** Last words of place names ("Ponte Vedra Beach", "Palm Springs", "Orange County"). */
const PLACE_HEADS = new Set(['beach', 'city', 'county', 'island', 'islands', 'valley', 'springs', 'falls', 'heights', 'park', 'square',
  'street', 'avenue', 'bay', 'lake', 'river', 'mountain', 'mountains', 'hills', 'village', 'town', 'township', 'parish',
  'province', 'district', 'region', 'coast', 'peninsula', 'airport', 'harbor', 'harbour', 'station', 'stadium', 'arena']);
/** Continents and regions that follow a compass word ("Central Asia", "West Coast"). */
const REGIONS = new Set(['asia', 'africa', 'europe', 'america', 'americas', 'pacific', 'atlantic', 'coast', 'bank', 'side', 'east', 'west']);
/**
 * Plural group names: nationalities, parties, faiths ("Latinos", "Republicans", "Germans",
 * "Democrats", "Hispanics", "Muslims"); one word only, so surnames such as "Sanders" or "Evans" pass.
 */
const GROUP_WORD = /^\p{Lu}\p{Ll}{2,}(?:ians|eans|icans|ans|inos|inas|anos|crats|ists|ites|ics|ims)$/u;
/** Sentence-opening words that are capitalised only because they open it. */
const OPENERS = new Set(['but', 'and', 'so', 'yet', 'still', 'then', 'now', 'also', 'meanwhile', 'however']);

const lower = (t: Token | undefined) => t?.lower ?? '';
const isPossessive = (t: Token | undefined) => t !== undefined && (t.value === '’s' || t.value === "'s" || t.value === '’' || t.value === "'");

/** Returns the tracker's mentions and entities for one text. */
export class MentionTracker {
  readonly mentions: Mention[] = [];
  readonly entities: Entity[] = [];
  private readonly bySurname = new Map<string, number[]>();
  private readonly byFirst = new Map<string, number[]>();
  private readonly byOrg = new Map<string, number>();
  private readonly mentionByFrom = new Map<number, Mention>();

  constructor(private readonly src: MentionSource) {
    this.collect();
    this.voteSexFromPronouns();
  }

  /** Returns the name mention starting at token `from`, if any. */
  mentionAt(from: number): Mention | undefined {
    return this.mentionByFrom.get(from);
  }

  /** Returns the index of the first mention with `from >= t` (binary search). */
  firstFrom(t: number): number {
    let lo = 0, hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.from < t) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Returns the name mentions lying within tokens [a, b), in order. */
  mentionsIn(a: number, b: number): Mention[] {
    const out: Mention[] = [];
    for (let k = this.firstFrom(a); k < this.mentions.length && this.mentions[k]!.to <= b; k++) out.push(this.mentions[k]!);
    return out;
  }

  /** Returns the entity's most recent name mention that ends at or before token `t`. */
  lastNameBefore(entity: number, t: number): Mention | null {
    const ms = this.entities[entity]!.mentions;
    for (let k = ms.length - 1; k >= 0; k--) if (ms[k]!.via === 'name' && ms[k]!.to <= t) return ms[k]!;
    return null;
  }

  /** True when some entity has been given this role noun (a cheap gate before resolving "the X"). */
  hasRole(role: string): boolean {
    if (!this.roleSet) {
      this.roleSet = new Set();
      for (const e of this.entities) for (const r of e.roles) this.roleSet.add(r);
    }
    return this.roleSet.has(role);
  }
  private roleSet: Set<string> | null = null;

  /** Adds a resolved pronoun or description as a mention of an entity (coreference.ts). */
  addResolved(m: Mention): void {
    this.entities[m.entity]!.mentions.push(m);
  }

  private collect(): void {
    const { tokens, inQuote } = this.src;
    for (let i = 0; i < tokens.length; i++) {
      if (inQuote[i] || !isNameToken(tokens[i]!)) continue;
      let j = i;
      for (;;) {
        while (j < tokens.length && isNameToken(tokens[j]!) && !inQuote[j]) j++;
        const h = tokens[j], r = tokens[j + 1];
        // "Lopez-Cantera": a hyphen with no space joins two name words
        if (h && r && h.value === '-' && h.start === tokens[j - 1]!.end && r.start === h.end && isNameToken(r) && !inQuote[j + 1]) { j += 2; continue; }
        // "Ban Ki-moon", "Kim Jong-un": a short lower-case syllable glued by a hyphen ends the name
        // (not "Obama-era", "Clinton-led", "Trump-like")
        if (h && r && h.value === '-' && h.start === tokens[j - 1]!.end && r.start === h.end && /^\p{Ll}{2,4}$/u.test(r.value) && !HYPHEN_SUFFIXES.has(r.value) && !inQuote[j + 1] && j - i >= 2) { j += 2; break; }
        // "Bill de Blasio", "Ludwig van Beethoven": a lower-case particle inside a name
        if (h && r && /^(?:de|van|von|der|del|da|di|bin|al|le|la)$/.test(h.value) && isNameToken(r) && !inQuote[j + 1]) { j += 2; continue; }
        break;
      }
      if (!this.isDateline(i, j)) this.addNameRun(i, j);
      i = j - 1;
    }
    this.mentions.sort((x, y) => x.from - y.from);
  }

  /** True for a dateline opening a line: "LA CROSSE, Wisc. —", "WASHINGTON —" (a place, in capitals). */
  private isDateline(i: number, j: number): boolean {
    const { tokens, text } = this.src;
    let x = i;
    while (x < tokens.length && x - i < 5 && /^[A-Z][A-Z.’'-]+$/.test(tokens[x]!.value)) x++;
    if (x < j) return false;
    const n = tokens[x]?.value ?? '';
    if (n !== ',' && !/^[—–-]$/.test(n)) return false;
    const lineStart = text.lastIndexOf('\n', tokens[i]!.start - 1) + 1;
    return text.slice(lineStart, tokens[i]!.start).trim() === '';
  }

  /** Types the name run [i, j) and records it as a person, body or group mention. */
  private addNameRun(i: number, j: number): void {
    const { tokens } = this.src;
    let a = i;
    const titleBefore = lower(tokens[i - 1]);
    const titled = PERSON_TITLES.has(titleBefore);
    // "State Rep. Wendy Nanney", "Former Gov. Mike Huckabee": the name starts after the last title
    for (let x = i; x < j - 1; x++) if (PERSON_TITLES.has(lower(tokens[x]))) a = x + 1;
    // "Secretary of State John Kerry": the office word is not part of the name
    if (j - a > 2 && tokens[a]!.value === 'State') a++;
    // "RNC Chief of Staff Katie Walsh": a run ending in a title before "of" is an office, and the
    // office words before a known first name ("Staff Katie Walsh") are not part of the name
    if (PERSON_TITLES.has(lower(tokens[j - 1])) && lower(tokens[j]) === 'of') return;
    for (let x = a + 1; x < j - 1; x++) {
      const w = lower(tokens[x]);
      if (!(FEMALE_NAMES.has(w) || MALE_NAMES.has(w))) continue;
      let before = false;
      for (let y = a; y < x; y++) if (FEMALE_NAMES.has(lower(tokens[y])) || MALE_NAMES.has(lower(tokens[y]))) before = true;
      if (!before && lower(tokens[i - 1]) === 'of') a = x;
      break;
    }
    // "But Ruiz said": a capitalised opener is not part of the name
    while (a < j - 1 && OPENERS.has(lower(tokens[a])) && this.startsSentence(a)) a++;
    if (a >= j) return;
    // "former Secretary of State …", "the State": a title or office word alone names nobody
    if (j - a === 1 && (PERSON_TITLES.has(lower(tokens[a])) || tokens[a]!.value === 'State')) return;
    const prev = tokens[i - 1];
    const locative = LOCATIVES.has(lower(prev)) && !isPossessive(tokens[j]);
    const kind = this.kindOf(a, j);
    if (kind === null) return;
    // "a woman in Salem, Oregon, told": the state of a "City, State" after a locative is a place
    if (this.stateAfterCity(i, j)) return;
    // "the DNC's move against Sanders could …": a name after a preposition is its object (not
    // the "of" inside a title: "Secretary of State John Kerry said")
    // ("Juan Manriquez of Oakland carried": a place after a person's "of" is its complement)
    const lastM = this.mentions[this.mentions.length - 1];
    const complement = prev !== undefined && /^(?:of|from)$/.test(lower(prev)) && lastM !== undefined && lastM.to === i - 1 && this.entities[lastM.entity]!.kind === 'person';
    const object = complement || (prev !== undefined && prev.pos === 'ADP' && !SUBORDINATORS.has(lower(prev)) && !/^\p{Lu}/u.test(tokens[i - 2]?.value ?? ''));
    const subject = isSubjectAt(this.src, i, j) && !object;
    const opens = subject || opensSentence(this.src, i, j);
    const speaks = (subject && this.src.speaksAfter(j)) || invertedSpeaker(this.src, i);
    // "Clinton communication director Jennifer Palmieri", "Trump supporters": a name modifying a noun
    const modifier = tokens[j] !== undefined && (tokens[j]!.pos === 'NOUN' || (tokens[j]!.pos === 'PROPN' && !isNameToken(tokens[j]!)));
    const oblique = locative || modifier || (prev !== undefined && prev.pos === 'ADP' && !subject) || (isPossessive(tokens[j]) && !isContraction(tokens, j));
    // (the apposition and role noun around a person's name are read once, here and for its facts)
    let rb: string | null = null, ra: string | null = null;
    if (kind === 'person') {
      const firstName = lower(tokens[a]);
      const knownFirst = j - a >= 2 && (FEMALE_NAMES.has(firstName) || MALE_NAMES.has(firstName));
      // ("a reaction from Sen. Ana Ruiz, who …": after "from"/"in", a title or a known first name
      // still makes a person, not a place)
      if (locative && !speaks && !titled && a === i && !knownFirst) return;
      const surnameSeen = this.bySurname.has(surnameOf(tokens, j));
      rb = this.roleBefore(i);
      const roleBefore = rb !== null;
      const firstSeen = j - a === 1 && this.byFirst.has(firstName);
      // "Twilight Zone", "Affordable Care": capitalised words are a person only with evidence: a
      // known first name, a title, a role noun, a speech verb, a surname seen before, or a subject
      // position inside the sentence ("Meanwhile Rihanna, who …")
      // ("Cole, Salem's sitting governor, repeated": an apposition naming a person's role)
      ra = this.roleAfter(j);
      const roleAfter = ra !== null && (AGENT_NOUN.test(ra) || ra in TITLE_ROLES);
      // ("I'm Tired Of Men Telling Us What To Do": in a headline in title case every word is
      // capitalised, so position and verbs after a word show nothing; only name evidence counts)
      // (checked last: the line scan is the dearest test, and the name evidence usually settles it)
      const evidence = knownFirst || titled || a > i || surnameSeen || firstSeen || roleBefore
        || (!this.inTitleCaseLine(i) && (speaks || roleAfter || (opens && j - a >= 2) || (subject && !this.startsSentence(a))));
      if (!evidence || (j - a === 1 && this.startsSentence(a) && !surnameSeen && !speaks && !firstSeen && !roleAfter)) return;
    } else if (locative && kind !== 'group') return;
    const m: Mention = { from: a, to: j, entity: -1, sent: this.src.sentOf[a]!, via: 'name', subject, speaks, oblique, embedded: isEmbedded(this.src, i) };
    m.entity = kind === 'person' ? this.personEntity(a, j) : this.orgEntity(a, j, kind);
    const e = this.entities[m.entity]!;
    e.mentions.push(m);
    this.mentions.push(m);
    this.mentionByFrom.set(a, m);
    if (kind === 'person') this.notePersonFacts(e, i, a, j, rb, ra);
  }

  /**
   * True when the name run [i, j) is the second part of "in/from/of City, State" ("in Salem,
   * Oregon,"): one name word, not a name seen before, after a comma that follows a name run led by a locative,
   * then a comma or the sentence end.
   */
  private stateAfterCity(i: number, j: number): boolean {
    const { tokens } = this.src;
    if (j - i !== 1 || tokens[i - 1]?.value !== ',' || !/^[,.;]$/.test(tokens[j]?.value ?? '')) return false;
    // (not a person already named: "Speaking in Salem, Ruiz, without naming him, …")
    const w = lower(tokens[i]);
    if (FEMALE_NAMES.has(w) || MALE_NAMES.has(w) || this.bySurname.has(w)) return false;
    let r = i - 2;
    if (r < 0 || !isNameToken(tokens[r]!)) return false;
    while (r - 1 >= 0 && i - 2 - r < 4 && isNameToken(tokens[r - 1]!)) r--;
    return LOCATIVES.has(lower(tokens[r - 1]));
  }

  /** Returns person / org / group for a name run, or null for a place. */
  private kindOf(a: number, j: number): EntityKind | null {
    const { tokens } = this.src;
    const k = nameKind(tokens, a, j);
    if (k === 'place') return null;
    if (k === 'org') return 'org';
    const v = tokens[a]!.value;
    if (j - a === 1 && GROUP_WORD.test(v) && !MALE_NAMES.has(v.toLowerCase()) && !FEMALE_NAMES.has(v.toLowerCase())) return 'group';
    // "the Clintons": a family
    if (j - a === 1 && lower(tokens[a - 1]) === 'the' && /s$/.test(v)) return 'group';
    if (j - a === 2 && PLACE_PREFIXES.has(v.toLowerCase()) && (PLACES.has(lower(tokens[j - 1])) || REGIONS.has(lower(tokens[j - 1])))) return null;
    // "New Yorkers", "South Carolinians": the people of a place
    if (j - a === 2 && PLACE_PREFIXES.has(v.toLowerCase()) && /^\p{Lu}\p{Ll}+(?:ers|ians|ans|ites)$/u.test(tokens[j - 1]!.value)) return 'group';
    if (ORG_HEADS.has(lower(tokens[j - 1]))) return 'org';
    // "Midway Baptist Church, which …": "which" never stands for a person
    if (lower(tokens[j]) === ',' && lower(tokens[j + 1]) === 'which' && !(j - a >= 2 && (MALE_NAMES.has(v.toLowerCase()) || FEMALE_NAMES.has(v.toLowerCase())))) return 'org';
    // "Palm Springs", "Orange County": a place, but "Helen Park", "Ricki Lake" are people: a known
    // first name makes a person unless a locative leads ("in Jackson Heights")
    if (j - a >= 2 && PLACE_HEADS.has(lower(tokens[j - 1]))) {
      const first = v.toLowerCase();
      if (!(MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) || LOCATIVES.has(lower(tokens[a - 1]))) return null;
    }
    return 'person';
  }

  /**
   * True when the line holding token `i` is set in title case, as headlines are: three or more
   * words of four letters or more, every one capitalised ("Ruiz Says Voters Are Tired Of Waiting").
   */
  private inTitleCaseLine(i: number): boolean {
    const { tokens, text } = this.src;
    const at = tokens[i]!.start;
    // The line is found once for all its names (a long paragraph was searched for its line
    // breaks from every name in it): [lineA, lineB) holds no line break.
    if (!(at >= this.lineA && at < this.lineB)) {
      this.lineA = text.lastIndexOf('\n', at) + 1;
      const nl = text.indexOf('\n', at);
      this.lineB = nl < 0 ? text.length : nl;
    }
    const a = this.lineA, b = this.lineB;
    if (b - a > 300) return false;
    // one scan per line: a headline's several names share it
    const known = this.titleCaseLines.get(a);
    if (known !== undefined) return known;
    let long = 0, title = true;
    for (const w of text.slice(a, b).matchAll(/\p{L}[\p{L}’'-]{3,}/gu)) {
      if (!/^\p{Lu}/u.test(w[0])) { title = false; break; }
      long++;
    }
    title &&= long >= 3;
    this.titleCaseLines.set(a, title);
    return title;
  }
  private readonly titleCaseLines = new Map<number, boolean>();
  private lineA = 0;
  private lineB = -1;

  private startsSentence(a: number): boolean {
    const s = this.src.sentOf[a]!;
    if (s < 0) return true;
    const st = this.src.sentences[s]!.tokenStart;
    let k = st;
    // after an opening bracket, quote mark or dash
    while (k < a && this.src.tokens[k]!.pos === 'PUNCT') k++;
    return k === a;
  }

  /** Returns the entity a person name [a, j) belongs to, creating it when new. */
  private personEntity(a: number, j: number): number {
    const { tokens } = this.src;
    const surname = surnameOf(tokens, j);
    const first = j - a >= 2 ? lower(tokens[a]) : null;
    // a lone first name ("Hillary said") names the entity known by that first name
    if (j - a === 1) {
      const byFirst = this.byFirst.get(surname);
      if (byFirst && !this.bySurname.has(surname)) return this.mostRecent(byFirst);
    }
    const same = this.bySurname.get(surname);
    if (same) {
      const fits = same.filter((id) => {
        const e = this.entities[id]!;
        return !first || !e.first || e.first === first || (first.length <= 2 && e.first[0] === first[0]);
      });
      if (fits.length > 0) {
        // a bare surname is the most mentioned bearer ("Clinton" after "Bill Clinton" in a story
        // about Hillary Clinton is still her)
        const id = first ? (fits.find((x) => this.entities[x]!.first === first) ?? this.mostMentioned(fits)) : this.mostMentioned(fits);
        const e = this.entities[id]!;
        if (first && !e.first) { e.first = first; this.index(this.byFirst, first, id); }
        return id;
      }
    }
    const id = this.entities.length;
    this.entities.push({ kind: 'person', surname, first, gender: null, votes: { f: 0, m: 0 }, roles: new Set(), mentions: [] });
    this.index(this.bySurname, surname, id);
    if (first) this.index(this.byFirst, first, id);
    return id;
  }

  private orgEntity(a: number, j: number, kind: EntityKind): number {
    const key = this.src.text.slice(this.src.tokens[a]!.start, this.src.tokens[j - 1]!.end).toLowerCase();
    const known = this.byOrg.get(key);
    if (known !== undefined) return known;
    const id = this.entities.length;
    this.entities.push({ kind, surname: key, first: null, gender: null, votes: { f: 0, m: 0 }, roles: new Set(), mentions: [] });
    this.byOrg.set(key, id);
    return id;
  }

  private mostMentioned(ids: number[]): number {
    let best = ids[0]!;
    for (const id of ids) if (this.entities[id]!.mentions.length > this.entities[best]!.mentions.length) best = id;
    return best;
  }

  private mostRecent(ids: number[]): number {
    let best = ids[0]!, at = -1;
    for (const id of ids) {
      const ms = this.entities[id]!.mentions;
      const last = ms.length ? ms[ms.length - 1]!.from : -1;
      if (last > at) { at = last; best = id; }
    }
    return best;
  }

  private index(map: Map<string, number[]>, key: string, id: number): void {
    const l = map.get(key);
    if (l) { if (!l.includes(id)) l.push(id); } else map.set(key, [id]);
  }

  /** Records the sex and roles a person mention shows: first name, title, role nouns around it. */
  private notePersonFacts(e: Entity, i: number, a: number, j: number, rb: string | null, ra: string | null): void {
    const { tokens } = this.src;
    const first = lower(tokens[a]);
    const titles: string[] = [];
    for (let x = i - 1; x <= a - 1; x++) if (x >= 0 && x !== a && PERSON_TITLES.has(lower(tokens[x]))) titles.push(lower(tokens[x]));
    for (const t of titles) { const r = TITLE_ROLES[t]; if (r) e.roles.add(r); }
    if (rb && !ORG_ROLE_NOUNS.has(rb)) e.roles.add(rb);
    if (ra) e.roles.add(ra);
    // "Priorities USA, a super PAC,": the apposition shows a body, not a person
    if (ra && ORG_ROLE_NOUNS.has(ra) && e.mentions.length === 1) { e.kind = 'org'; return; }
    if (e.gender) return;
    if (j - a >= 2 && FEMALE_NAMES.has(first) !== MALE_NAMES.has(first)) e.gender = FEMALE_NAMES.has(first) ? 'f' : 'm';
    else if (j - a === 1 && first === e.first && FEMALE_NAMES.has(first) !== MALE_NAMES.has(first)) e.gender = FEMALE_NAMES.has(first) ? 'f' : 'm';
    else for (const w of [...titles, rb ?? '', ra ?? '']) {
      if (FEMALE_WORDS.has(w)) { e.gender = 'f'; break; }
      if (MALE_WORDS.has(w)) { e.gender = 'm'; break; }
    }
  }

  /**
   * Returns the role noun right before a name ("campaign spokesperson Steven Cheung", "actor John
   * Leguizamo", "Republican presidential candidate Marco Rubio"), or null.
   */
  roleBefore(i: number): string | null {
    const { tokens, inQuote } = this.src;
    // "her husband, Milton Berg,": a possessed role noun set off before the name
    const r = tokens[i - 2], d = tokens[i - 3];
    if (tokens[i - 1]?.value === ',' && r && !inQuote[i - 2] && r.pos === 'NOUN' && /^\p{Ll}/u.test(r.value) && d && /^(?:his|her|their|my|our)$/i.test(d.value)) return r.lemma;
    // "Kazakhstan's foreign minister, Erlan Idrissov,": a possessed agent noun set off before the name
    if (tokens[i - 1]?.value === ',' && r && !inQuote[i - 2] && r.pos === 'NOUN' && /^\p{Ll}/u.test(r.value) && (AGENT_NOUN.test(r.value) || r.value in TITLE_ROLES)) {
      let b = i - 3;
      while (b > i - 6 && tokens[b] && (tokens[b]!.pos === 'ADJ' || tokens[b]!.pos === 'NOUN') && /^\p{Ll}/u.test(tokens[b]!.value)) b--;
      if (isPossessive(tokens[b])) return r.lemma;
    }
    const t = tokens[i - 1];
    if (!t || inQuote[i - 1] || t.pos !== 'NOUN' || !/^\p{Ll}/u.test(t.value) || t.value.length < 3) return null;
    // inside a noun phrase ("the campaign spokesperson", "Republican candidate"), or a person
    // noun after a verb ("met actor Ben Ode"); not a verb mistagged as a noun ("helped defeat X")
    const b = tokens[i - 2];
    const inPhrase = !b || b.pos === 'DET' || b.pos === 'ADJ' || b.pos === 'NOUN' || b.pos === 'PROPN' || b.pos === 'NUM' || isPossessive(b) || b.value === ',' || this.src.sentOf[i - 2] !== this.src.sentOf[i - 1];
    if (!inPhrase && !AGENT_NOUN.test(t.value)) return null;
    return t.lemma;
  }

  /**
   * Returns the head noun of an apposition right after a name ("Ana Ruiz, the city's chief
   * engineer,", "Ben Ode, 45, a teacher,", "Ruiz (D-Ore.), the committee chair,"), or null.
   */
  roleAfter(j: number): string | null {
    const { tokens, inQuote } = this.src;
    let k = j;
    if (tokens[k]?.value === '(') {
      let c = k + 1;
      while (c < tokens.length && c - k < 10 && tokens[c]!.value !== ')') c++;
      if (tokens[c]?.value !== ')') return null;
      k = c + 1;
    }
    if (tokens[k]?.value !== ',') return null;
    k++;
    // "Ben Ode, 45, a teacher": an age
    if (tokens[k]?.pos === 'NUM' && tokens[k + 1]?.value === ',') k += 2;
    const d = tokens[k];
    if (!d || inQuote[k] || !(d.pos === 'DET' || d.pos === 'ADJ' || d.pos === 'NOUN' || d.pos === 'PROPN')) return null;
    if (RELATIVE_PRONOUNS.has(d.lower)) return null;
    let head: Token | null = null;
    let x = k;
    for (; x < tokens.length && x - k < 12 && !inQuote[x]; x++) {
      const t = tokens[x]!;
      if (t.value === ',' || t.pos === 'ADP' || t.pos === 'VERB' || t.pos === 'AUX' || t.value === '.') break;
      if (t.pos === 'NOUN' && /^\p{Ll}/u.test(t.value)) head = t;
    }
    // "In an interview with Mika Ode, the candidate stated": a name closing an opening adverbial,
    // then the main clause's subject and its verb, is no apposition
    const verbNext = tokens[x] !== undefined && (tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX');
    if (head && verbNext && this.inOpeningAdverbial(j)) return null;
    return head ? head.lemma : null;
  }

  /** True when the name ending at token `j` closes a sentence-opening adverbial ("In an interview with X,"). */
  private inOpeningAdverbial(j: number): boolean {
    const { tokens, sentOf, sentences } = this.src;
    const s = sentOf[j - 1]!;
    if (s < 0) return false;
    let o = sentences[s]!.tokenStart;
    while (o < j && tokens[o]!.pos === 'PUNCT') o++;
    if (!(tokens[o]?.pos === 'ADP' || tokens[o]?.pos === 'SCONJ')) return false;
    for (let x = o; x < j; x++) if (tokens[x]!.value === ',' || tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX') return false;
    return true;
  }

  /**
   * Gives a person of unknown sex the sex of the pronouns used right after it: a "he" or "she"
   * opening a clause in the same or the next sentence, when that stretch mentions no other
   * person ("Mayor Ruiz spoke first. She said …"). Votes from several such pairs; a split vote
   * decides nothing.
   */
  private voteSexFromPronouns(): void {
    const { tokens, inQuote, sentOf } = this.src;
    let k = 0;
    for (let p = 0; p < tokens.length; p++) {
      const v = lower(tokens[p]);
      if ((v !== 'he' && v !== 'she') || inQuote[p] || tokens[p]!.pos !== 'PRON') continue;
      while (k < this.mentions.length && this.mentions[k]!.to <= p) k++;
      // the person mentions of the current and previous sentence before the pronoun
      const sp = sentOf[p]!;
      let only = -1, clash = false;
      for (let x = k - 1; x >= 0; x--) {
        const m = this.mentions[x]!;
        if (m.sent < sp - 1) break;
        const e = this.entities[m.entity]!;
        if (e.kind !== 'person') continue;
        if (only === -1) only = m.entity;
        else if (only !== m.entity) { clash = true; break; }
      }
      if (only < 0 || clash) continue;
      const e = this.entities[only]!;
      if (v === 'she') e.votes.f++; else e.votes.m++;
    }
    for (const e of this.entities) {
      if (e.gender || e.kind !== 'person') continue;
      if (e.votes.f > e.votes.m) e.gender = 'f';
      else if (e.votes.m > e.votes.f) e.gender = 'm';
    }
  }
}

/** Words that open a reported or subordinate clause when they come after its sentence's start. */
const SUBORDINATORS = new Set(['that', 'whether', 'because', 'if', 'while', 'although', 'though', 'since', 'after', 'before', 'when', 'as', 'until', 'unless', 'where']);

/** Words opening a subordinate clause before the main one ("After Beck asked, D'Souza said"). */
const OPENING_SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'as', 'although', 'though', 'because', 'since', 'if', 'until', 'unless', 'whether', 'once']);

/**
 * True when token `i` lies in a reported or subordinate clause of its sentence: a speech verb or a
 * subordinating word comes before it ("Cox says Obama is …", "… after Trump said"); a subordinate
 * clause that opens the sentence ("When asked, Cruz said") does not count.
 */
export function isEmbedded(ctx: MentionSource, i: number): boolean {
  const s = ctx.sentOf[i]!;
  if (s < 0) return false;
  const st = ctx.sentences[s]!.tokenStart;
  const se = ctx.sentences[s]!.tokenEnd;
  if (closingAttribution(ctx, i, se)) return false;
  // ("Cruz electrified the crowds, Stovall said.": the part before a closing attribution is reported)
  for (let k = se - 2; k > i && se - k < 12; k--) if (ctx.tokens[k]!.value === ',' && closingAttribution(ctx, k + 1, se)) return true;
  // "After Beck asked him, D'Souza replied": a subordinate clause opening the sentence holds
  // everything before its comma; the main clause after it is not embedded by what it holds
  let o = st;
  while (o < i && ctx.tokens[o]!.pos === 'PUNCT') o++;
  const opening = o < i && OPENING_SUBORDINATORS.has(lower(ctx.tokens[o]));
  // ("In a memo released as polls closed, Mook acknowledged": an opening prepositional phrase up
  // to its comma is an adverbial of the main clause, whatever clause it holds)
  const prepOpening = o < i && !opening && ctx.tokens[o]!.pos === 'ADP';
  let comma = -1;
  if (opening || prepOpening) for (let k = o + 1; k < i; k++) if (ctx.tokens[k]!.value === ',' && !ctx.inQuote[k]) { comma = k; break; }
  if (opening && comma < 0) return true;
  for (let k = i - 1; k > Math.max(st, comma); k--) {
    if (ctx.inQuote[k]) continue;
    if (ctx.isSpeechVerb(k) && ctx.tokens[k + 1]?.value !== ',') return true;
    if (SUBORDINATORS.has(lower(ctx.tokens[k])) && ctx.tokens[k - 1]?.value !== ',') return true;
  }
  return false;
}

/** Tags that can open the subject of a closing attribution. */
const SUBJECT_POS = new Set(['PROPN', 'PRON', 'DET', 'NOUN', 'ADJ']);

/**
 * True when the name at `i` opens an attribution closing its sentence after a comma ("Cruz
 * electrified the crowds if elected, Stovall said."): the reporting clause is the main one, whatever
 * subordinate words the reported part before it holds.
 */
function closingAttribution(ctx: MentionSource, i: number, end: number): boolean {
  if (ctx.tokens[i - 1]?.value !== ',' || ctx.inQuote[i - 1]) return false;
  // (a subject first: not the verb phrase after an apposition, ", also questioned …")
  if (!SUBJECT_POS.has(ctx.tokens[i]?.pos ?? '')) return false;
  let v = i;
  while (v < end && v - i < 5 && !ctx.isSpeechVerb(v)) v++;
  if (v >= end || v - i >= 5) return false;
  for (let k = v + 1; k < end; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.inQuote[k] || k - v > 6 || t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return true;
}

/** Returns the lower-cased surname of the name ending at token `j - 1` (possessive mark dropped). */
function surnameOf(tokens: Token[], j: number): string {
  let k = j - 1;
  // "Duncan Hunter Sr.", "Martin Luther King Jr.": the suffix is not the surname
  if (k > 0 && NAME_SUFFIXES.has(tokens[k]!.lower)) k--;
  return tokens[k]!.lower.replace(/[’']s?$/, '');
}
const NAME_SUFFIXES = new Set(['jr.', 'sr.', 'jr', 'sr', 'ii', 'iii', 'iv']);

/** True when the "'s" at token j is "is"/"has" ("Christie's been making the case"). */
function isContraction(tokens: Token[], j: number): boolean {
  const n = tokens[j + 1];
  if (!n) return false;
  // "'s been", "'s not", "'s said", "'s a": not "'s speaking firm", "'s campaign"
  return n.pos === 'AUX' || n.lemma === 'not' || n.lemma === 'never' || n.lemma === 'already' || n.lemma === 'also'
    || (n.pos === 'VERB' && /(?:ed|en)$/.test(n.value)) || n.value === 'a' || n.value === 'an';
}

/**
 * True when the name run [a, b) opens its sentence, or follows an opening adverbial ("Speaking in
 * Harlem, Clinton, without naming him, accused …"), and is not a possessor or a list item.
 */
export function opensSentence(ctx: MentionSource, a: number, b: number): boolean {
  const n = lower(ctx.tokens[b]);
  if ((isPossessive(ctx.tokens[b]) && !isContraction(ctx.tokens, b)) || n === 'and' || n === 'of') return false;
  const s = ctx.sentOf[a]!;
  if (s < 0) return false;
  const st = ctx.sentences[s]!.tokenStart;
  let x = st;
  while (x < a && (ctx.tokens[x]!.pos === 'PUNCT' || OPENERS.has(lower(ctx.tokens[x])))) x++;
  if (x === a) return true;
  const p = ctx.tokens[a - 1]!;
  if (p.value !== ',') return false;
  const f = ctx.tokens[st]!;
  if (!(f.pos === 'ADP' || f.pos === 'ADV' || f.pos === 'SCONJ' || (f.pos === 'VERB' && /ing$/.test(f.value)))) return false;
  for (let k = st; k < a - 1; k++) if (ctx.tokens[k]!.value === ',' || ctx.inQuote[k]) return false;
  return true;
}

/** True when the name run [a, b) is a clause subject: followed by a verb, an appositive or "who". */
export function isSubjectAt(ctx: MentionSource, a: number, b: number): boolean {
  const tokens = ctx.tokens;
  let k = b;
  // "Sen. Claire McCaskill (D-Mo.) said": a party tag in brackets
  if (tokens[k]?.value === '(') {
    let c = k + 1;
    while (c < tokens.length && c - k < 10 && tokens[c]!.value !== ')') c++;
    if (tokens[c]?.value === ')') k = c + 1;
  }
  // "Christie's been making the case": "'s" for "has" / "is"
  if (isPossessive(tokens[k]) && isContraction(tokens, k)) return true;
  // "Manriquez of Oakland carried", "Lee Zeldin of New York, a Trump supporter, said": a short
  // "of Place" after the name, then the verb or an apposition
  // ("Aris Ode of the Armenian Patriarchate of Salem told": a body's name, with its own "of")
  const the = lower(tokens[k + 1]) === 'the' ? 1 : 0;
  // ("Dan Ode at the National Review agreed": a body after "at" places the person, too)
  if ((tokens[k]?.value === 'of' || tokens[k]?.value === 'at') && tokens[k + 1 + the] && isNameToken(tokens[k + 1 + the]!)) {
    let c = k + 1 + the;
    while (c < tokens.length && c - k < 9 && (isNameToken(tokens[c]!) || (tokens[c]!.value === 'of' && tokens[c + 1] && isNameToken(tokens[c + 1]!)))) c++;
    if (tokens[c]?.pos === 'VERB') return true;
    // "Stacy Ode of Salem, Oregon says": a "City, State" complement
    if (tokens[c]?.value === ',' && tokens[c + 1] && isNameToken(tokens[c + 1]!)) {
      let d = c + 1;
      while (d < tokens.length && d - c < 4 && isNameToken(tokens[d]!)) d++;
      if (tokens[d]?.pos === 'VERB') return true;
    }
    if (tokens[c]?.value === ',') k = c;
  }
  // ("Trump himself was delighted": a reflexive after the subject)
  if (/^(?:himself|herself|themselves|itself)$/i.test(tokens[k]?.value ?? '')) k++;
  while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
  // "Ode last month joked", "Ode on Tuesday said": a time phrase before the verb
  k = skipTimePhrase(tokens, k);
  // "Hunter, meanwhile, told": an adverb set off by commas
  if (tokens[k]?.value === ',' && tokens[k + 1]?.pos === 'ADV' && tokens[k + 2]?.value === ',') k += 3;
  const n = tokens[k];
  if (!n) return false;
  if (n.pos === 'VERB' || n.pos === 'AUX') return true;
  // "One local woman, Karen Ode, pulled him aside": a name set off by commas after the subject
  // phrase opening the sentence names the subject
  if (n.value === ',' && tokens[a - 1]?.value === ',' && tokens[k + 1]?.pos === 'VERB' && !/ing$/.test(tokens[k + 1]!.value)) {
    const s = ctx.sentOf[a]!;
    const st = s >= 0 ? ctx.sentences[s]!.tokenStart : a;
    let verbless = true;
    for (let x = st; x < a - 1; x++) if (ctx.inQuote[x] || tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX' || tokens[x]!.value === ',') verbless = false;
    if (verbless && a - 1 > st) return true;
  }
  if (n.value === ',' && tokens[k + 1] && (tokens[k + 1]!.pos === 'DET' || RELATIVE_PRONOUNS.has(tokens[k + 1]!.lower) || tokens[k + 1]!.pos === 'NUM')) return true;
  // "Christie, New Jersey's sitting governor, repeated", "Christie – a Cowboys fan – gave": a
  // short verbless apposition between commas or dashes, then the verb
  const dash = /^[—–]$/.test(n.value);
  if (n.value === ',' || dash) {
    const close = (v: string) => (dash ? /^[—–]$/.test(v) : v === ',');
    // ("And Ode, for all the progress he helped win, seems to agree": an aside opened by a
    // preposition may hold a clause of its own)
    const pp = tokens[k + 1]?.pos === 'ADP';
    let c = k + 1;
    while (c < tokens.length && c - k <= (pp ? 20 : 12) && !close(tokens[c]!.value) && (pp || (tokens[c]!.pos !== 'VERB' && tokens[c]!.pos !== 'AUX')) && !ctx.inQuote[c] && tokens[c]!.value !== '.') c++;
    if (tokens[c] && close(tokens[c]!.value) && c > k + 1) {
      let d = c + 1;
      while (d < tokens.length && tokens[d]!.pos === 'ADV') d++;
      if (tokens[d]?.pos === 'VERB' || tokens[d]?.pos === 'AUX') return true;
    }
  }
  if (isPossessive(n)) return false;
  return invertedSpeaker(ctx, a);
}

const TIME_NOUNS = /^(?:week|month|year|night|morning|afternoon|evening|weekend|spring|summer|fall|autumn|winter)$/i;
const DAY_WORDS = /^(?:today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Returns the index after a time phrase at `k` ("last month", "on Tuesday", "Tuesday"), or `k`. */
function skipTimePhrase(tokens: Token[], k: number): number {
  const t = tokens[k], n = tokens[k + 1];
  if (!t) return k;
  if (/^(?:last|this|next|early|late)$/i.test(t.value) && n && TIME_NOUNS.test(n.value)) return k + 2;
  if (DAY_WORDS.test(t.value)) return k + 1;
  if (/^on$/i.test(t.value) && n && DAY_WORDS.test(n.value)) return k + 2;
  return k;
}

/**
 * True when the name starting at token `a` follows an inverted speech verb ("…,” said Cheung",
 * "…, noted NBC's Dante Chinni."), possibly after a title or a possessor.
 */
function invertedSpeaker(ctx: MentionSource, a: number): boolean {
  const tokens = ctx.tokens;
  let v = a - 1;
  // "said Sen. Ruiz", "noted NBC's Ruiz", "said moderator Ruiz"
  for (let steps = 0; v >= 0 && steps < 4; steps++) {
    const t = tokens[v]!;
    if (PERSON_TITLES.has(t.lower) || isPossessive(t) || isNameToken(t) || (t.pos === 'NOUN' && /^\p{Ll}/u.test(t.value))) v--;
    else break;
  }
  if (v < 0 || !ctx.isSpeechVerb(v)) return false;
  const p = tokens[v - 1];
  return !p || ctx.inQuote[v - 1] === 1 || p.value === ',' || p.value === ':' || ctx.sentOf[v - 1] !== ctx.sentOf[v];
}
