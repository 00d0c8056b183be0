/**
 * Names and noun phrases built from wink tokens. wink's model has no PERSON/ORG NER (see
 * ../shared/notes/nlp-libraries.md §3.2), so a name is a run of PROPN tokens and a noun phrase is a
 * small POS pattern; the typed rules below (titles, organisation heads, countries) say what a
 * chunk probably is. Everything here is pure and works on token index ranges.
 */
import type { Token } from './nlp.js';
import { lexemeMemo } from './lexeme-memo.js';

/**
 * Personal titles and honorifics that lead a person's name ("Sen. JD Vance", "Gen. Qassem
 * Soleimani"). From AP style abbreviations for titles before names, plus the common spelled-out
 * offices; lower-cased, abbreviations with their dot.
 */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'sgt.', 'adm.', 'capt.',
  'maj.', 'cmdr.', 'rev.', 'prof.', 'lt.gov.', 'atty.', 'supt.', 'sen', 'rep', 'gov', 'gen', 'mr', 'mrs', 'ms', 'dr',
  'sens.', 'reps.', 'govs.', 'gens.', 'drs.',
  'president', 'senator', 'governor', 'secretary', 'judge', 'justice', 'mayor', 'chairman', 'chairwoman',
  'speaker', 'minister', 'king', 'queen', 'pope', 'prince', 'princess', 'ambassador', 'representative',
  'congressman', 'congresswoman', 'sheriff', 'vice', 'former', 'general', 'attorney', 'director', 'chief',
  'pastor', 'bishop', 'cardinal', 'rabbi', 'sir', 'dame', 'lord', 'lady', 'coach', 'officer', 'detective',
]);

/**
 * Last words that make a name chunk an organisation or body ("National Security Council",
 * "Justice Department"). Collected from the heads of organisation names in news text.
 */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'council', 'department', 'corps', 'nations', 'committee', 'agency', 'administration', 'party',
  'commission', 'court', 'congress', 'senate', 'house', 'bureau', 'office', 'ministry', 'institute',
  'university', 'college', 'association', 'foundation', 'inc.', 'inc', 'corp.', 'corp', 'co.', 'llc',
  'group', 'times', 'post', 'news', 'journal', 'service', 'force', 'army', 'navy', 'union', 'bank',
  'fund', 'center', 'centre', 'organization', 'network', 'campaign', 'caucus', 'coalition', 'board',
  'police', 'guard', 'federation', 'league', 'assembly', 'parliament', 'cabinet', 'tribune', 'press',
  'reuters', 'cnn', 'fbi', 'cia', 'nsa', 'gop', 'dnc', 'rnc', 'nato', 'microsoft', 'politico',
  'twitter', 'facebook', 'google', 'aol', 'ap', 'kremlin', 'pentagon', 'fox', 'msnbc', 'abc', 'cbs', 'nbc',
  // houses of worship, schools and newspapers by their usual last word
  'church', 'cathedral', 'mosque', 'synagogue', 'temple', 'chapel', 'hospital', 'school', 'academy', 'museum',
  'library', 'society', 'club', 'company', 'alliance', 'trust', 'magazine', 'herald', 'gazette', 'chronicle',
  'observer', 'examiner', 'inquirer', 'globe', 'sun', 'courier', 'bulletin', 'register', 'review',
  'patriarchate', 'diocese', 'archdiocese',
]);

/**
 * Places that wink tags PROPN and that are never a person: countries and a few capitals used as
 * metonyms ("Tehran has threatened"). Sufficient for speaker typing, not a gazetteer.
 */
export const PLACES: ReadonlySet<string> = new Set([
  'iran', 'iraq', 'syria', 'russia', 'china', 'america', 'u.s.', 'us', 'u.s', 'usa', 'united', 'states',
  'israel', 'france', 'germany', 'britain', 'england', 'uk', 'u.k.', 'mexico', 'canada', 'japan',
  'korea', 'ukraine', 'turkey', 'egypt', 'india', 'pakistan', 'afghanistan', 'cuba', 'libya', 'europe',
  'tehran', 'moscow', 'beijing', 'washington', 'london', 'paris', 'new', 'york', 'california', 'texas',
  'florida', 'ohio', 'iowa', 'virginia', 'pennsylvania', 'michigan', 'wisconsin', 'carolina', 'nevada',
  'arizona', 'colorado', 'georgia', 'illinois', 'hampshire', 'jersey', 'city', 'county', 'america’s',
]);

/**
 * Common US first names by the sex usually given them (US Social Security top names of the
 * 1940s-1990s birth cohorts, plus the first names of politicians frequent in news). Used only to
 * keep "she" from resolving to a man and "he" to a woman; a name in neither list fits both.
 */
export const FEMALE_NAMES: ReadonlySet<string> = new Set((
  'mary patricia linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy karen betty helen '
  + 'sandra donna carol ruth sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa '
  + 'brenda amy anna rebecca virginia kathleen pamela martha debra amanda stephanie carolyn christine marie janet '
  + 'catherine frances ann joyce diane alice julie heather teresa doris gloria evelyn jean cheryl mildred katherine '
  + 'joan ashley judith rose janice kelly nicole judy christina kathy theresa beverly denise tammy irene jane lori '
  + 'rachel marilyn andrea kathryn louise sara anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula '
  + 'diana annie lillian emily robin peggy crystal gladys rita dawn connie florence tracy edna tiffany carmen rosa '
  + 'cindy grace wendy victoria edith kim sherry sylvia josephine thelma shannon sheila ethel ellen elaine marjorie '
  + 'carrie charlotte monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara '
  + 'lucille jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill '
  + 'erin geraldine lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey yvonne '
  + 'annette hillary kamala elizabeth nikki sarah condoleezza madeleine nancy michele huma hope kellyanne kayleigh '
  + 'ivanka melania chelsea donna debbie dianne barbara loretta samantha carly hope jennifer katrina maxine tulsi '
  + 'kirsten amy claire susan lisa marsha kelly tammy heidi jeanne jeanine kate megyn mika rachel andrea katy '
  + 'angela theresa marine hilary sheryl jan abigail hannah olivia sophia madison ella natalie chloe brianna '
  + 'ana lucia sofia elena isabel juana guadalupe marisol yolanda ines beatriz luz adriana claudia veronica alejandra '
  + 'liz beth katie jenny meg sue deb becky abby maggie ellie jess'
).split(' '));
export const MALE_NAMES: ReadonlySet<string> = new Set((
  'james john robert michael william david richard charles joseph thomas christopher daniel paul mark donald george '
  + 'kenneth steven edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott eric '
  + 'stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl arthur ryan '
  + 'roger joe juan jack albert jonathan justin terry gerald keith samuel willie ralph lawrence nicholas roy benjamin '
  + 'bruce brandon adam harry fred wayne billy steve louis jeremy aaron randy howard eugene carlos russell bobby '
  + 'victor martin ernest phillip todd jesse craig alan shawn clarence sean philip chris johnny earl jimmy antonio '
  + 'danny bryan tony luis mike stanley leonard nathan dale manuel rodney curtis norman allen marvin vincent glenn '
  + 'jeffery travis jeff chad jacob lee melvin alfred kyle francis bradley jesus herbert frederick ray joel edwin '
  + 'don eddie ricky troy randall barry alexander bernard mario leroy francisco marcus micheal theodore clifford '
  + 'miguel oscar jay jim tom calvin alex jon ronnie bill lloyd tommy leon derek warren darrell jerome floyd leo '
  + 'barack bernie ted marco jeb ben rand chris newt mitt reince rudy rick bobby lindsey mitch paul tim mike joe '
  + 'bernard vladimir bashar xi kim recep benjamin justin emmanuel boris nigel jared eric corey '
  + 'sean reince stephen steve rex jim john jason devin trey elijah adam chuck harry dick al '
  + 'newt lindsey rob jerry zach tucker sean bret chris wolf jake anderson bill hugh ron ken '
  + 'josh matt dan dave nick pete sam andy greg doug bob will nate ed phil stan hank tim todd brad kurt cory'
).split(' '));

/**
 * Role nouns of bodies, not people ("Priorities USA, a super PAC," -> "the PAC"): an apposition
 * with one of these also tells the tracker the name is no person (mentions.ts); "the group" then finds that body (coreference.ts).
 */
export const ORG_ROLE_NOUNS: ReadonlySet<string> = new Set([
  'group', 'company', 'organization', 'organisation', 'firm', 'agency', 'party', 'committee', 'campaign', 'network',
  'newspaper', 'paper', 'publication', 'website', 'site', 'outlet', 'magazine', 'union', 'coalition', 'association',
  'nonprofit', 'charity', 'foundation', 'institute', 'center', 'centre', 'council', 'board', 'commission', 'court',
  'panel', 'bank', 'fund', 'city', 'state', 'country', 'nation', 'town', 'county', 'government', 'administration',
  'department', 'ministry', 'office', 'team', 'club', 'league', 'movement', 'alliance', 'caucus', 'chamber', 'lobby',
  'pac', 'corporation', 'company', 'business', 'startup', 'university', 'college', 'school', 'hospital', 'church',
  'think', 'tank', 'station', 'channel', 'program', 'show', 'organization',
]);

/** Month and weekday names: wink tags them PROPN, they are never speakers. */
const CALENDAR = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

/** Personal pronouns that can stand for a speaker, with what they may refer to. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'i']);
export const GROUP_PRONOUNS: ReadonlySet<string> = new Set(['they', 'we', 'it']);
/** Relative pronouns: "the report, which concluded that" -> the phrase before the comma. */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that']);

/** Prepositions that may join a noun phrase to its complement ("spokesperson for the Council"). */
const NP_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'to', 'at', 'from', 'with', 'in']);

/** Returns true when the token can be part of a proper name chunk. */
export function isNameToken(t: Token): boolean {
  if (t.pos !== 'PROPN') return false;
  return nameShaped(t) === 1;
}
/** 1 when the value can be a name word (capital or digit first, not a month or weekday); per lexeme (the value decides). */
const nameShaped = lexemeMemo((t) => (!CALENDAR.test(t.value) && /^[A-Z0-9]/.test(t.value) ? 1 : 0));

/** Returns true when the token can be part of a noun phrase. */
function isNpWord(t: Token): boolean {
  if (t.type === 'tabCRLF') return false;
  switch (t.pos) {
    case 'PROPN': case 'NOUN': case 'ADJ': case 'NUM': return true;
    case 'PART': return t.value === '’s' || t.value === "'s" || t.value === "'" || t.value === '’';
    // "Sanders’ campaign manager": the tokenizer leaves a bare possessive mark as punctuation
    case 'PUNCT': return t.value === '-' || t.value === '’' || t.value === "'";
    default: return false;
  }
}

/**
 * True when token i can be part of a noun phrase here: a noun-phrase word, or a participle used as
 * an adjective between a determiner or number and a noun ("one unaligned Florida strategist", "a
 * retired teacher"), which wink sometimes tags VERB.
 */
function isNpAt(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (isNpWord(t)) return true;
  if (t.pos !== 'VERB' || !/^\p{Ll}.*(?:ed|ing)$/u.test(t.value)) return false;
  const p = tokens[i - 1], n = tokens[i + 1];
  return p !== undefined && n !== undefined && (p.pos === 'DET' || p.pos === 'NUM' || p.pos === 'ADJ') && (n.pos === 'NOUN' || n.pos === 'PROPN' || n.pos === 'ADJ');
}

export interface NounPhrase {
  /** Token range, end exclusive. */
  from: number;
  to: number;
  /** Index of the head token (the last noun before any "of/for" complement). */
  head: number;
  /** Token range of the person-like name that heads the phrase, or null. */
  name: { from: number; to: number } | null;
}

/**
 * Returns the noun phrase that ends at token `end - 1`, scanning left no further than `limit`
 * ("A spokesperson for the National Security Council", "Iran’s mission to the United Nations",
 * "Trump campaign spokesperson Steven Cheung"), or null when that token ends no phrase.
 */
export function phraseEndingAt(tokens: Token[], end: number, limit: number): NounPhrase | null {
  let i = end - 1;
  if (i < limit || !isNpWord(tokens[i]!) || tokens[i]!.pos === 'PART' || tokens[i]!.pos === 'ADJ' || tokens[i]!.pos === 'PUNCT') return null;
  let from = end;
  let head = -1;
  for (;;) {
    // one simple phrase: DET? (ADJ|NOUN|PROPN|NUM|'s)* ending at i
    let j = i;
    while (j >= limit && isNpAt(tokens, j)) j--;
    if (j === i) break;
    let k = j + 1;
    if (j >= limit && tokens[j]!.pos === 'DET') { k = j; j--; }
    from = k;
    head = i;
    // complement link: "<phrase> for|of <phrase>" when the left part ends in a noun
    if (j - 1 >= limit && tokens[j]!.pos === 'ADP' && NP_LINKS.has(tokens[j]!.lower)) {
      const left = tokens[j - 1]!;
      if (left.pos === 'NOUN' || left.pos === 'PROPN') { i = j - 1; continue; }
    }
    break;
  }
  if (from >= end) return null;
  // head of the whole phrase: last NOUN/PROPN of the leftmost simple phrase
  let h = from;
  for (let x = from; x < end; x++) {
    const t = tokens[x]!;
    if (t.pos === 'ADP') break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') h = x;
  }
  head = h;
  return { from, to: end, head, name: nameAtHead(tokens, from, h) };
}

/** Returns the noun phrase starting at token `start` (scanning right up to `limit`), or null. */
export function phraseStartingAt(tokens: Token[], start: number, limit: number): NounPhrase | null {
  let i = start;
  if (i < limit && tokens[i]!.pos === 'DET') i++;
  let end = i;
  for (;;) {
    let j = end;
    while (j < limit && isNpAt(tokens, j)) j++;
    if (j === end) break;
    end = j;
    const link = tokens[j];
    const next = tokens[j + 1];
    if (j + 1 < limit && link && link.pos === 'ADP' && NP_LINKS.has(link.lower) && next
      && (next.pos === 'DET' || isNpWord(next)) && (tokens[j - 1]!.pos === 'NOUN' || tokens[j - 1]!.pos === 'PROPN')) {
      end = j + 1;
      if (tokens[end]!.pos === 'DET') end++;
      continue;
    }
    break;
  }
  // a phrase must end in a noun-like word
  while (end > i && !(tokens[end - 1]!.pos === 'NOUN' || tokens[end - 1]!.pos === 'PROPN' || tokens[end - 1]!.pos === 'NUM')) end--;
  if (end <= i) return null;
  let h = start;
  for (let x = start; x < end; x++) {
    const t = tokens[x]!;
    if (t.pos === 'ADP') break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') h = x;
  }
  return { from: start, to: end, head: h, name: nameAtHead(tokens, start, h) };
}

/** Returns the PROPN run ending at the head when it looks like a person's name, else null. */
function nameAtHead(tokens: Token[], from: number, head: number): { from: number; to: number } | null {
  if (!isNameToken(tokens[head]!)) return null;
  let a = head;
  while (a - 1 >= from && isNameToken(tokens[a - 1]!)) a--;
  // "Trump campaign spokesperson Steven Cheung": the name is the run; titles stay outside
  while (a < head && PERSON_TITLES.has(tokens[a]!.lower)) a++;
  const kind = nameKind(tokens, a, head + 1);
  return kind === 'person' ? { from: a, to: head + 1 } : null;
}

export type NameKind = 'person' | 'org' | 'place' | 'unknown';

/** Returns what a PROPN run probably names, from its last word and the word before it. */
export function nameKind(tokens: Token[], from: number, to: number): NameKind {
  const last = tokens[to - 1]!.lower;
  if (ORG_HEADS.has(last)) return 'org';
  let allPlace = true;
  for (let i = from; i < to; i++) if (!PLACES.has(tokens[i]!.lower)) allPlace = false;
  if (allPlace) return 'place';
  if (/^[A-Z.]+$/.test(tokens[to - 1]!.value) && tokens[to - 1]!.value.length > 1) return 'org';
  const before = tokens[from - 1];
  if (before && PERSON_TITLES.has(before.lower)) return 'person';
  return 'person';
}

/** Returns the text of tokens [from, to) exactly as written. */
export function tokenText(text: string, tokens: Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}
