/**
 * Every word list the analysis uses, once, with where it comes from. Attribution cues are regular
 * expression sources matched case-insensitively on word boundaries over the article text; the
 * plain word lists feed the check-worthiness features (checkworthiness-features.ts) and the claim
 * filters (claims.ts).
 */
import type { AttributionKind } from '../shared/model.js';

export interface CueDef {
  kind: AttributionKind;
  /** Regular-expression source; compiled once with flags "gi" and \b on both ends. */
  pattern: string;
  /** The tooltip sentence: why the span is vague or unverified. */
  reason: string;
  /**
   * The first word must be a lower-case modal/auxiliary (POS AUX or VERB): keeps "may" from
   * matching the month or Theresa May.
   */
  modal?: boolean;
  /**
   * The cue names an unstated source (someone says / believes / reports), as opposed to the
   * writer's own speculation ("may", "probably"). The PolNeAR vague-attribution score counts only
   * these; every cue is highlighted in the product.
   */
  attributing?: boolean;
  /**
   * An impression verb ("seems", "appears to") that, right after a relative pronoun ("an economy
   * that seems rigged", "what appeared to be a snub"), describes a noun in the writer's own words:
   * highlighted there as the writer's hedge, not as an attribution.
   */
  describing?: boolean;
  /** The first word must be tagged VERB (keeps the nouns "thought", "claims", "fears" out). */
  verb?: boolean;
  /**
   * A cheap test the text must pass before the pattern runs: a word every match contains. Speed
   * only (patterns that open with optional words are tried at every position otherwise).
   */
  needs?: RegExp;
}

// Reporting verbs in the forms that follow a plural or singular subject. From the PARC / PolNeAR
// cue inventories (Pareti 2016; Newell et al. 2018 guidelines): the most frequent attribution
// cue lemmas there are say, tell, add, note, claim, argue, believe, report, warn, accuse.
const SAY =
  '(?:say|says|said|saying|tell|tells|told|claim|claims|claimed|argue|argues|argued|believe|believes|believed|' +
  'suggest|suggests|suggested|contend|contends|contended|insist|insists|insisted|acknowledge|acknowledged|warn|warns|warned|' +
  'note|notes|noted|add|adds|added|confirm|confirms|confirmed|indicate|indicated|estimate|estimated|describe|described|' +
  'disclose|disclosed|reveal|revealed|speculate|speculated|fear|feared|expect|expected|think|thinks|maintain|maintained|' +
  'allege|alleges|alleged|report|reported|explain|explained|concede|conceded|assert|asserted|predict|predicted|caution|cautioned)';
// Optional "have/had/has" + one -ly adverb between subject and verb ("officials have repeatedly said").
const AUX_ADV = '(?:\\s+(?:have|has|had|would|will|did|do))?(?:\\s+\\w+ly)?';
// Modifiers of an anonymous official: up to three words, no punctuation or clause break.
const MODS = "(?:[\\w.'’-]+\\s+){0,3}?";
const QUANT = '(?:an?|one|another|two|three|four|five|several|multiple|some|other|numerous|various)';
const GROUPS =
  '(?:people|observers|analysts|critics|experts|commentators|pundits|economists|scientists|historians|scholars|' +
  'researchers|residents|voters|officials|lawmakers|insiders|sources|diplomats|americans|conservatives|liberals|' +
  'republicans|democrats|supporters|opponents|skeptics|sceptics)';

/**
 * Anonymous and unnamed sources. From AP and Reuters style guidance on anonymous sourcing
 * ("people familiar with the matter", "spoke on condition of anonymity", "not authorized to
 * speak") and the PolNeAR task 2c description (Source spans "sources", "a source", "officials").
 * The span covers the source phrase and its cue.
 */
export const ANONYMOUS_SOURCE_CUES: CueDef[] = [
  { kind: 'anonymous-source', attributing: true, needs: /anonym|unnamed|unidentified/i, pattern: `${QUANT}?\\s*(?:anonymous|unnamed|unidentified)\\s+${MODS}(?:sources?|officials?|persons?|people|individuals?|insiders?|aides?|employees?|staffers?|members?|diplomats?|officers?|spokesm[ae]n|spokesperson|spokeswoman)`,
    reason: 'The source is not named, so readers cannot judge how well placed or independent it is.' },
  { kind: 'anonymous-source', attributing: true, needs: /familiar with|briefed on|close to|knowledge of/i, pattern: `(?:${QUANT}\\s+)?(?:people|persons?|sources?|officials?|those|someone|insiders?)\\s+(?:\\w+\\s+)?(?:familiar with|briefed on|close to|with (?:direct |first-?hand )?knowledge of)\\s+(?:the|this|that|these|his|her|their)\\s+(?:matter|matters|situation|discussions?|plans?|investigation|probe|negotiations|talks|case|thinking|deliberations|decision|process|conversations?|issue|report|incident|operation|inquiry)`,
    reason: 'The people cited are described only by their access, not by name.' },
  { kind: 'anonymous-source', attributing: true, needs: /anonym|named|identified/i, pattern: `${QUANT}\\s+${MODS}(?:officials?|sources?|persons?|people|aides?|insiders?|diplomats?)\\s+(?:who|that)\\s+(?:spoke|speaks|was speaking|were speaking|talked|requested|asked|insisted|declined|was granted|were granted)\\s+(?:to [\\w.]+ )?(?:on (?:the )?condition of anonymity|anonymity|not to be (?:named|identified)|to be (?:named|identified))`,
    reason: 'The source spoke on condition of anonymity, so readers cannot weigh who is speaking.' },
  { kind: 'anonymous-source', attributing: true, needs: /anonym|not to be|not authori/i, pattern: '(?:spoke|speaking|talked|talking)\\s+(?:to [\\w.]+ )?on (?:the )?condition of anonymity|(?:requested|requesting|asked for|granted|demanded) anonymity|(?:declined|asked|requested|wished) not to be (?:named|identified)|not authori[sz]ed to (?:speak|comment|discuss) (?:publicly|on the record)',
    reason: 'The source is kept anonymous, so readers cannot weigh who is speaking.' },
  { kind: 'anonymous-source', attributing: true, needs: /source/i, pattern: `(?:a|one|another|two|three|several|multiple|other)\\s+(?:(?:senior|administration|government|intelligence|military|security|campaign|police|diplomatic|western|european|israeli|u\\.s\\.|american|well-placed|trusted|independent|knowledgeable|reliable|credible)\\s+){0,2}sources?(?!\\s+(?:of|for|in|on|to)\\b)`,
    reason: 'The source is not named, so readers cannot judge how well placed or independent it is.' },
  { kind: 'anonymous-source', attributing: true, needs: /sources/i, pattern: `sources${AUX_ADV}\\s+${SAY}|according to\\s+(?:(?:a|one|two|several|multiple|some|other|unnamed|anonymous)\\s+)?(?:[\\w.-]+\\s+){0,2}?sources`,
    reason: 'The sources are not named, so readers cannot judge how well placed or independent they are.' },
  { kind: 'anonymous-source', attributing: true, needs: /officials/i, pattern: `officials${AUX_ADV}\\s+${SAY}|(?:according to|${SAY} by)\\s+(?:(?:some|several|multiple|two|three|other|senior|top|local|federal|state)\\s+)?(?:[\\w.-]+\\s+){0,2}?officials`,
    reason: 'The officials are not named, so readers cannot check who said this or how they know.' },
  { kind: 'anonymous-source', attributing: true, needs: /official|aide|insider/i, pattern: `(?:an?|one|another|two|three|several)\\s+(?:(?:senior|top|former|high-ranking|administration|government|intelligence|military|defense|campaign|police|state|federal|white house|u\\.s\\.|american|western|european)\\s+){0,3}(?:official|officials|aide|aides|insider|insiders)${AUX_ADV}\\s+${SAY}|${SAY}\\s+(?:an?|one|another|two|three|several)\\s+(?:(?:senior|top|former|high-ranking|administration|government|intelligence|military|defense|campaign|police|state|federal|white house|u\\.s\\.|american|western|european)\\s+){0,3}(?:official|officials|aide|aides|insider|insiders)`,
    reason: 'The official is not named, so readers cannot check who said this or how they know.' },
];

/**
 * Hedges. The attributing ones ("reportedly", "allegedly", "it is believed", "is thought to") are
 * from the Wikipedia weasel-word guideline and the Szeged uncertainty corpus cue inventory
 * (Szarvas et al. 2012, doxastic class); the epistemic ones ("may", "might", "probably",
 * "likely") from the same corpus' most frequent cues (its modal/probable class), limited to the
 * writer's own voice (text inside quotation marks is skipped).
 */
export const HEDGE_CUES: CueDef[] = [
  { kind: 'hedge', attributing: true, pattern: 'reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red',
    reason: 'The statement is passed on without saying who established it.' },
  { kind: 'hedge', attributing: true, pattern: "alleged(?=\\s+(?!by\\b|that\\b|to\\b|in\\b)[a-z])",
    reason: 'Called "alleged": the claim has not been established.' },
  { kind: 'hedge', attributing: true, pattern: "it(?:'s|’s| is| was| has been| had been)\\s+(?:widely |generally |commonly |now |also )?(?:believed|thought|said|claimed|rumou?red|alleged|suspected|assumed|understood|speculated|feared|suggested)(?:\\s+that)?",
    reason: 'Believed by whom? The sentence does not say who holds this view.' },
  { kind: 'hedge', attributing: true, pattern: '(?<!\\b(?:would|could|should|might|may|must|can|will|to|not)\\s)(?:is|are|was|were|been|be)\\s+(?:widely |generally |commonly |long |also |now |still )?(?:believed|thought|said|rumou?red|alleged|understood|reported|presumed|suspected|assumed)\\s+(?:to|of|by|that)\\b',
    reason: 'Believed by whom? The sentence does not say who holds this view.' },
  { kind: 'hedge', pattern: '(?:suggest|suggests|suggested|suggesting|indicate|indicates|indicated)\\s+(?:that\\s+)?(?:[\\w’\'-]+\\s+){0,6}?(?:might|may|could)',
    reason: 'Only a suggestion that something might be so, not an established fact.' },
  { kind: 'hedge', modal: true, pattern: '(?:may|might|could)(?: well)? have(?: been)?',
    reason: 'Speculation: the sentence says this may have happened, not that it did.' },
  { kind: 'hedge', modal: true, pattern: 'may|might',
    reason: 'Speculation: the writer says this may be so, not that it is.' },
  // "could" only where it speculates about a state ("could be", "could well"): "the bill could
  // pass", "she could not find" are forecasts and abilities, everyday in news, not hedges.
  { kind: 'hedge', modal: true, pattern: 'could(?=\\s+(?:well\\s+|easily\\s+|also\\s+)?be\\b)|could well',
    reason: 'Speculation: the writer says this could be so, not that it is.' },
  // Doxastic verbs (Szeged doxastic class: belief, opinion, suggestion) in the writer's voice.
  { kind: 'hedge', verb: true, pattern: 'believes?|believed|thinks?|thought|considered|regards?|regarded|suggests?|suggested|suggesting|supposed(?=\\s+to)|indicates?|indicated|implies|implied|speculated?|speculates|presumed|assumed|doubts?|doubted|suspects?|suspected|estimated|alleges?',
    reason: 'A belief or suggestion, not an established fact.' },
  { kind: 'hedge', pattern: "(?<!\\bas\\s|\\bif\\s|\\bwhenever\\s|\\bwherever\\s|\\bmade\\s|\\bmake\\s|\\bmakes\\s|\\bmaking\\s|\\bbest\\s|\\bonly\\s)possible(?!\\s+(?:to|for)\\b)|possibility|unclear|uncertain|uncertainty|potentially|questionable|debatable|arguably|rumou?rs?|speculation",
    reason: 'A hedge: the writer signals this is not certain.' },
  { kind: 'hedge', pattern: 'probably|possibly|perhaps|presumably|apparently|seemingly|conceivably|likely(?!\\s+(?:voters?|candidates?|nominee)\\b)|unlikely',
    reason: 'A hedge: the writer signals this is not certain.' },
  { kind: 'hedge', pattern: "it (?:would seem)|it(?:'s|’s| is| was| seems| remains) (?:quite |entirely |also |very )?possible|(?:is|are|was|were|be|been|being)\\s+(?:\\w+ly\\s+)?(?:considered|regarded)\\s+(?!for\\b)[a-z]+",
    reason: 'A hedge: the writer signals this is an impression, not an established fact.' },
];

/**
 * Claims the article itself says are unsupported. From fact-checking house phrasing (AP, Reuters,
 * PolitiFact: "without evidence", "could not be independently verified", "unsubstantiated").
 */
export const UNSUPPORTED_CUES: CueDef[] = [
  { kind: 'unsupported-claim', pattern: 'no\\s+(?:(?:concrete|specific|direct|hard|firm|public|credible|clear|supporting|such|further|real)\\s+)?(?:evidence|proof)\\s+(?:has|have|had|was|were)\\s+(?:yet\\s+)?(?:been\\s+)?(?:provided|presented|offered|produced|made public|released|shown|given|found|cited)',
    reason: 'The article notes that no evidence has been provided for this claim.' },
  { kind: 'unsupported-claim', pattern: '(?:did|does|do|has|have|had)\\s*(?:not|n[\'’]t)\\s+(?:yet\\s+)?(?:provide|provided|present|presented|offer|offered|produce|produced|show|shown|cite|cited|release|released|give|given|share|shared)\\s+(?:any\\s+)?(?:(?:specific|concrete|direct|hard|public|supporting|further|credible)\\s+)?(?:evidence|proof)',
    reason: 'The article notes that no evidence was presented for this claim.' },
  { kind: 'unsupported-claim', pattern: '(?:provided|presented|offered|produced|gave|cited|showed)\\s+no\\s+(?:(?:specific|concrete|direct|hard|public|supporting|further|credible)\\s+)?(?:evidence|proof)|without\\s+(?:(?:providing|offering|presenting|citing|giving|showing|producing)\\s+)?(?:any\\s+)?(?:(?:specific|concrete|direct|hard|supporting|credible)\\s+)?(?:evidence|proof)',
    reason: 'The claim is made without evidence.' },
  { kind: 'unsupported-claim', pattern: '(?:remain|remains|remained|is|are|was|were|be|been)\\s+(?:as yet\\s+|still\\s+|so far\\s+|largely\\s+|entirely\\s+)?(?:unsubstantiated|unverified|unconfirmed|unproven|uncorroborated)',
    reason: 'The article itself says this remains unsubstantiated.' },
  { kind: 'unsupported-claim', pattern: 'unsubstantiated|uncorroborated|unverified(?=\\s+(?:claims?|reports?|allegations?|accounts?|information|rumou?rs?|videos?|footage|images?))|unconfirmed(?=\\s+(?:claims?|reports?|allegations?|accounts?|information|rumou?rs?))',
    reason: 'The article itself calls this unverified.' },
  { kind: 'unsupported-claim', pattern: '(?:could|can|cannot|can[\'’]t|could not|has not been|have not been|was not|were not|is not)\\s*(?:not\\s+)?(?:be\\s+|been\\s+|able to\\s+)?(?:independently\\s+)?(?:verified|confirmed|verify|confirm)(?:\\s+independently)?',
    reason: 'The article says this could not be independently verified.' },
];

/**
 * Weasel words: a claim credited to an unspecified group. From the Wikipedia "Manual of Style /
 * Words to watch: unsupported attributions" list ("some people say", "many believe", "critics
 * argue", "experts say", "it has been suggested").
 */
export const WEASEL_CUES: CueDef[] = [
  { kind: 'weasel', attributing: true, pattern: `(?:some|many|most|numerous|several|few|other)(?:\\s+${GROUPS})?${AUX_ADV}\\s+${SAY}`,
    reason: 'Who exactly? The claim is credited to an unnamed group.' },
  { kind: 'weasel', attributing: true, pattern: `(?:critics|experts|analysts|observers|commentators|pundits|skeptics|sceptics|insiders|economists|scientists)${AUX_ADV}\\s+${SAY}`,
    reason: 'Which ones? The claim is credited to an unnamed group.' },
  { kind: 'weasel', attributing: true, pattern: `according to\\s+(?:multiple|several|various|numerous|some|many|other|unnamed|anonymous|certain)\\s+(?:[\\w.-]+\\s+){0,2}?(?:assessments|reports|estimates|analysts|experts|accounts|studies|observers|critics|estimates|analyses|media reports)`,
    reason: 'The sources behind this are not named, so readers cannot check them.' },
  { kind: 'weasel', attributing: true, pattern: '(?:studies|research|surveys|polls)\\s+(?:have\\s+|has\\s+)?(?:show|shows|shown|suggest|suggests|suggested|found|prove|proves|proven)\\b',
    reason: 'The research is not identified, so readers cannot check it.' },
  { kind: 'weasel', attributing: true, pattern: '(?:widely|commonly|generally)\\s+(?:believed|reported|considered|regarded|seen|accepted|thought|assumed)',
    reason: 'Widely held by whom? The claim is credited to an unnamed group.' },
  { kind: 'weasel', attributing: true, pattern: 'there (?:are|have been|were)\\s+(?:some\\s+|many\\s+|unconfirmed\\s+|growing\\s+)?(?:reports|claims|rumou?rs|suggestions|allegations)\\s+that',
    reason: 'The reports are not identified, so readers cannot check them.' },
];

/**
 * Agentless attributions: the sentence reports an expectation, impression or allegation without
 * saying whose it is ("is expected to", "seems", "appears to", "is seen as", "is known to",
 * "has been accused of"). From the PolNeAR guidelines' Attribution-no-source class (Newell et al.
 * 2018: perception verbs and agentless passives of saying / believing / expecting) and the
 * Szeged doxastic cues (Szarvas et al. 2012). Counted as attributions (whose view is this?).
 */
export const AGENTLESS_CUES: CueDef[] = [
  { kind: 'hedge', attributing: true, pattern: "(?:is|are|was|were|been|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)\\s+(?:not\\s+)?(?:\\w+ly\\s+)?(?:expected|projected|predicted|anticipated|forecast|estimated|believed|thought|rumou?red|reported|said|alleged|suspected|presumed|assumed|understood)\\s+(?:to|that)\\b",
    reason: 'Expected or believed by whom? The sentence does not say whose view this is.' },
  { kind: 'hedge', attributing: true, pattern: "(?:is|are|was|were|been)\\s+(?:\\w+ly\\s+)?(?:seen|viewed|regarded|perceived|considered|deemed|touted|billed)\\s+(?:as|to be)\\b",
    reason: 'Seen that way by whom? The sentence does not say whose view this is.' },
  // the reduced passive after a noun or comma: "Scalia, regarded as the dominant figure", "a
  // shake-up viewed as a sign" (not after a be-form, "have" or a pronoun: those are the full
  // passive above or an active verb, "he has seen as much")
  { kind: 'hedge', attributing: true, needs: /\b(?:seen|viewed|regarded|perceived) as\b/i,
    pattern: "(?<!\\b(?:is|are|was|were|be|been|being|has|have|had|having|he|she|they|i|we|you|what|who|it|not)\\s(?:\\w+ly\\s)?)(?:widely |long |largely |generally |often |once |still |increasingly |broadly )?(?:seen|viewed|regarded|perceived) as",
    reason: 'Seen that way by whom? The sentence does not say whose view this is.' },
  { kind: 'hedge', attributing: true, needs: /accused|suspected/i, pattern: "(?:is|are|was|were|has been|have been|had been)\\s+(?:\\w+ly\\s+)?(?:accused|suspected)\\s+of",
    reason: 'Accused by whom? The sentence does not say who makes the accusation.' },
  // "has come under criticism", "is drawing scrutiny", "faced accusations of": a criticism whose
  // critics the sentence does not name (the nominal form of "has been criticized"; a named critic
  // follows as "from" / "by"). Not after a modal or "to": "would face criticism" has not happened.
  { kind: 'hedge', attributing: true, needs: /criticism|scrutiny|ridicule|complaints|accusations|allegations|backlash|condemnation|fire/i,
    pattern: "(?<!\\b(?:would|could|should|might|may|will|to|not|never)\\s)(?:faces?|faced|facing|draws?|drew|drawn|drawing|attract(?:s|ed|ing)?|(?:comes?|came|coming|come) under)\\s+(?:(?:new|more|growing|increasing|heavy|harsh|sharp|withering|fierce|intense|widespread|strong|mounting|some|much|considerable|renewed|further|bipartisan|public|international|online|national)\\s+){0,2}(?:criticism|scrutiny|ridicule|complaints|accusations|allegations|backlash|condemnation|fire)\\b(?!\\s+(?:from|by)\\b)",
    reason: 'Criticised by whom? The sentence does not say who makes the criticism or accusation.' },
  { kind: 'hedge', attributing: true, describing: true, pattern: "(?:seems|seemed|seem\\s+(?:to|like|as if|as though|intent|certain|likely|unlikely))|(?:appears?|appeared)\\s+(?:to|that|as if|as though|likely|unlikely|poised|set|ready|increasingly)|(?:looks?|looked|sounds?|sounded)\\s+(?:as if|as though|likely|set to|poised to)|it (?:was|has been|had been|is) (?:widely |previously |first |also )?reported",
    reason: 'An impression, not an established fact, and the sentence does not say whose.' },
];

/** All attribution cues in the order they are tried (earlier wins on overlap). */
export const ATTRIBUTION_CUES: CueDef[] = [...UNSUPPORTED_CUES, ...ANONYMOUS_SOURCE_CUES, ...WEASEL_CUES, ...AGENTLESS_CUES, ...HEDGE_CUES];

/**
 * Reporting/speech-act lemmas that mark a reported action or statement in news ("announced",
 * "withdrew", "denied"). From the PARC 3.0 attribution cue lemma list (Pareti 2016), trimmed to the
 * verbs frequent in ClaimBuster CFS sentences.
 */
export const REPORTED_ACTION_LEMMAS = new Set([
  'say', 'tell', 'report', 'announce', 'deny', 'confirm', 'reveal', 'claim', 'accuse', 'allege', 'admit',
  'state', 'declare', 'warn', 'charge', 'attribute', 'conclude', 'find', 'show', 'vote', 'sign', 'pass',
  'withdraw', 'approve', 'reject', 'launch', 'kill', 'arrest', 'indict', 'sue', 'ban', 'cut', 'raise',
  'increase', 'decrease', 'rise', 'fall', 'double', 'triple', 'lose', 'win', 'spend', 'cost', 'create',
  'unseal', 'target', 'hack', 'breach', 'infiltrate', 'sanction', 'threaten', 'attack', 'strike', 'invade',
]);

/**
 * Opinion, evaluation and stance words that mark a non-factual sentence. Seeded from the
 * ClaimBuster NFS class (Hassan et al. 2017: "opinions, beliefs, declarations") and the MPQA
 * subjectivity lexicon's strongest entries.
 */
export const OPINION_WORDS = new Set([
  'think', 'believe', 'feel', 'hope', 'wish', 'want', 'should', 'must', 'ought', 'need', 'love', 'hate',
  'great', 'wonderful', 'terrible', 'horrible', 'best', 'worst', 'good', 'bad', 'wrong', 'right', 'important',
  'crucial', 'vital', 'tremendous', 'disaster', 'shame', 'sad', 'happy', 'proud', 'glad', 'thank', 'welcome',
  'agree', 'disagree', 'opinion', 'view', 'guess', 'perhaps', 'maybe', 'probably', 'frankly', 'honestly',
  'beautiful', 'amazing', 'incredible', 'ridiculous', 'absolutely', 'really', 'very', 'so', 'always', 'never',
]);

/** Modal auxiliaries (Penn Treebank MD closed class). */
export const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought', "'ll", 'wo']);

/** First- and second-person pronouns and possessives: speaker/addressee voice, rarely a checkable claim. */
export const FIRST_SECOND_PERSON = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours']);

/** Comparison words besides -er/-est forms (which the POS/suffix check covers). */
export const COMPARISON_WORDS = new Set(['more', 'less', 'fewer', 'most', 'least', 'than', 'compared', 'versus', 'percent', 'times', 'twice', 'double', 'half', 'majority', 'minority', 'record', 'highest', 'lowest', 'largest', 'smallest']);

/**
 * Page furniture that is never a claim, as extracted text lines. From looking at the seed pages'
 * leftovers and Readability's own boilerplate class list (skip links, share bars, subscription
 * prompts, image captions).
 */
export const BOILERPLATE_LINE =
  /^(?:skip to (?:content|main)|subscribe(?: now)?\b|sign up\b|sign in\b|log in\b|share (?:this|on)\b|advertisement|image|photo|video|author avatar|continue reading|read more|related\b|click here|follow us|discover more from|all rights reserved|copyright|©|\(?getty images\)?|listen to this article)/i;

/**
 * Verbs of saying, believing and showing whose subject, when it is an unnamed person or group,
 * makes a vague attribution ("officials said", "critics argue", "some believe", "polls show").
 * From the PolNeAR / PARC cue inventories (most frequent cue lemmas), restricted to speech,
 * cognition, feeling and evidence verbs: verbs of wanting and acting ("want", "seek", "support",
 * "back", "push") and "ask" (a question, not a claim) are left out, since an unnamed subject there
 * reports what a group does or wants rather than whose word or view the reader is given. Measured
 * on the PolNeAR dev half: an unnamed subject with any verb outside this list overlaps a gold
 * relation in about a quarter of cases (the most frequent, "want" and "support", about half), below
 * the precision of the highlights kept, so they stay out.
 */
export const SOURCE_VERB_LEMMAS = new Set([
  'say', 'tell', 'claim', 'argue', 'believe', 'think', 'suggest', 'contend', 'insist', 'acknowledge', 'warn',
  'note', 'add', 'confirm', 'indicate', 'estimate', 'describe', 'disclose', 'reveal', 'speculate', 'fear', 'expect',
  'maintain', 'allege', 'report', 'explain', 'concede', 'assert', 'predict', 'caution', 'worry', 'complain',
  'charge', 'accuse', 'show', 'find', 'doubt', 'wonder', 'agree', 'disagree', 'say', 'point',
  'counter', 'recall', 'describe', 'predict', 'conclude', 'contend', 'testify', 'admit', 'deny', 'dispute',
  'criticize', 'criticise', 'praise', 'blame', 'credit', 'call', 'see', 'view', 'consider', 'hope', 'reckon',
  'suspect', 'tweet', 'write', 'announce', 'state', 'declare', 'urge', 'tout', 'stress', 'emphasize', 'echo',
  'observe', 'forecast', 'project', 'anticipate', 'assume', 'recommend', 'concur', 'insinuate', 'imply',
  // verbs of criticising and doubting, as in AGENTLESS_LEMMAS' 'criticized' sense ("critics questioned", "Republicans slammed")
  'question', 'slam', 'denounce', 'lambaste', 'assail', 'deride', 'ridicule', 'fault',
  // a view stated as such ("many voters expressed frustration")
  'express',
  // verbs of feeling and judging: the view of an unnamed group ("many Republicans oppose", "critics decry")
  'feel', 'oppose', 'favor', 'favour', 'prefer', 'reject', 'like', 'dislike', 'love', 'hate', 'decry', 'condemn',
  'applaud', 'welcome', 'trust', 'distrust', 'admire', 'resent', 'embrace', 'lament', 'bemoan', 'scoff', 'mock',
]);

/**
 * Causative verbs: "led many to wonder", "left some to speculate", "prompted critics to say". The
 * phrase between the causative and "to" is the one who says or believes. The causatives of the
 * English verb classes (Levin 1993, "force" / "induce" verbs) that take an object and "to".
 */
export const CAUSATIVE_LEMMAS = new Set(['lead', 'leave', 'cause', 'prompt', 'spur', 'drive', 'move', 'inspire', 'push', 'compel', 'force', 'get']);

/** The SOURCE_VERB_LEMMAS of saying, believing and wondering that a causative can bring about ("led many to wonder"). */
export const CAUSED_VIEW_LEMMAS = new Set([
  'say', 'wonder', 'speculate', 'suspect', 'believe', 'think', 'conclude', 'question', 'doubt', 'fear', 'worry',
  'suggest', 'claim', 'argue', 'complain', 'call', 'predict', 'assume', 'warn', 'declare', 'criticize', 'criticise', 'accuse',
]);

/**
 * The verbs of SOURCE_VERB_LEMMAS that stand before their subject after a quote or comma (", said
 * one aide"). Not "tell": the phrase after ", told" is the one told (", told reporters").
 */
export const INVERTED_SOURCE_LEMMAS = new Set([
  'say', 'add', 'write', 'note', 'argue', 'explain', 'insist', 'warn', 'claim', 'recall', 'conclude', 'report',
  'acknowledge', 'caution', 'complain', 'predict', 'suggest', 'observe', 'counter', 'contend', 'confirm', 'tweet',
]);

/**
 * Words for the members of a party, nation, region, religion or ethnic group ("Republicans",
 * "Democratic", "Iranian", "Latino", "U.S."). They are capitalised, but a source made of them
 * ("some Republicans", "American officials", "a Chinese diplomat") names no person or
 * organisation. US parties and political labels, plus the adjectival and demonymic forms of the
 * countries and regions most covered in US political news (from Wikipedia's "List of adjectival
 * and demonymic forms for countries and nations", trimmed). Lower case, singular; a plural "-s"
 * and hyphenated compounds ("African-Americans") are matched by isGroupWord.
 */
export const GROUP_WORDS: ReadonlySet<string> = new Set((
  'republican democrat democratic gop conservative liberal progressive libertarian independent evangelical '
  + 'u.s. us american canadian mexican cuban venezuelan brazilian colombian british english scottish irish french '
  + 'german italian spanish dutch belgian swiss swedish norwegian danish polish ukrainian russian greek turkish '
  + 'european western eastern israeli palestinian iranian iraqi syrian saudi egyptian libyan lebanese jordanian '
  + 'yemeni afghan pakistani indian chinese japanese korean taiwanese vietnamese filipino australian african '
  + 'nigerian kenyan arab asian latino latina hispanic muslim christian catholic protestant jewish jew mormon '
  + 'black white native'
).split(' '));

/** Returns true for a capitalised word made only of GROUP_WORDS ("Republicans", "African-American"). */
export function isGroupWord(word: string): boolean {
  const parts = word.toLowerCase().replace(/[’']s$/, '').replace(/^[^a-z]+|[^a-z.]+$/g, '').split('-');
  return parts.every((p) => GROUP_WORDS.has(p) || (p.endsWith('s') && GROUP_WORDS.has(p.slice(0, -1))));
}

/**
 * Heads of a source phrase that make it an anonymous source rather than an unnamed group ("a
 * senior official", "sources", "an aide"). From AP and Reuters style guidance on anonymous
 * sourcing (the roles it names) and the PolNeAR task 2c description ("sources", "a source",
 * "officials"). Lemmas.
 */
export const ANONYMOUS_SOURCE_HEADS: ReadonlySet<string> = new Set([
  'official', 'source', 'aide', 'insider', 'diplomat', 'staffer', 'spokesman', 'spokeswoman', 'spokesperson',
  'person', 'employee', 'officer', 'adviser', 'advisor', 'confidant', 'associate', 'operative', 'lawmaker',
  'strategist', 'investigator', 'official', 'officials', 'sources', 'aides', 'insiders',
]);

/**
 * Heads of a source phrase that is a document or measurement, not a person ("polls show",
 * "reports say", "a new study found", "records indicate"). From the Wikipedia "Words to watch:
 * unsupported attributions" examples ("studies show", "research has found") and the PolNeAR
 * source spans of that kind. Lemmas and plural forms.
 */
export const DOCUMENT_SOURCE_HEADS: ReadonlySet<string> = new Set([
  'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'report', 'reports', 'research', 'record', 'records',
  'document', 'documents', 'analysis', 'analyses', 'estimate', 'estimates', 'data', 'assessment', 'assessments',
  'account', 'accounts', 'email', 'emails', 'memo', 'memos', 'filing', 'filings', 'review', 'investigation',
  'polling', 'projection', 'projections', 'model', 'models', 'forecast', 'forecasts', 'average', 'averages',
  'paper', 'papers', 'slide', 'slides', 'video', 'videos', 'tally', 'tallies', 'count', 'filing', 'transcript',
  'timeline', 'letter', 'letters', 'statement', 'statements', 'audit', 'audits', 'figures', 'statistics',
]);

/**
 * Plural common nouns for people and sources that open a sentence with a capital ("Officials
 * said", "Critics argue", "Police say"); wink tags them PROPN there, so the capital is not read as
 * a name. The people and group nouns most frequent as PolNeAR sources, plus DOCUMENT_SOURCE_HEADS.
 */
export const COMMON_SOURCE_NOUNS: ReadonlySet<string> = new Set([
  'people', 'observers', 'analysts', 'critics', 'experts', 'commentators', 'pundits', 'economists', 'scientists',
  'historians', 'scholars', 'researchers', 'residents', 'voters', 'officials', 'lawmakers', 'insiders', 'sources',
  'diplomats', 'supporters', 'opponents', 'skeptics', 'sceptics', 'aides', 'advisers', 'advisors', 'witnesses',
  'investigators', 'authorities', 'prosecutors', 'activists', 'advocates', 'strategists', 'operatives', 'donors',
  'delegates', 'environmentalists', 'candidates', 'leaders', 'members', 'doctors', 'physicians', 'investors',
  'executives', 'officers', 'employees', 'staffers', 'police', 'protesters', 'organizers', 'parents', 'students',
  'teachers', 'workers', 'veterans', 'conservatives', 'liberals', 'progressives', 'moderates', 'independents',
  'evangelicals', 'pollsters', 'reporters', 'journalists', 'observers', 'allies', 'rivals', 'detractors', 'fans',
  'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'anyone', 'senior', 'former', 'top', 'federal',
  'local', 'state', 'new', 'recent', 'other', 'anonymous', 'unnamed', 'administration', 'campaign', 'party',
  'government', 'intelligence', 'military', 'defense', 'security', 'congressional', 'legal', 'independent',
  'regulators', 'unions', 'groups', 'companies', 'organizations', 'superdelegates', 'respondents', 'participants',
  'attendees', 'families', 'friends', 'neighbors', 'colleagues', 'proponents', 'backers', 'defenders', 'foes',
  'scores', 'majorities', 'americans', 'world', 'political', 'current', 'foreign',
  ...DOCUMENT_SOURCE_HEADS,
]);

/**
 * Mass nouns that stand as a source without a determiner in running prose ("research shows",
 * "polling suggests"); a bare singular count noun ("Video shows", "Report says") is headline
 * style, which the article's body then identifies.
 */
export const MASS_SOURCE_HEADS: ReadonlySet<string> = new Set([
  'research', 'data', 'polling', 'evidence', 'testimony', 'intelligence', 'analysis', 'footage', 'information', 'reporting',
]);

/** Heads that stand for a number of people without a determiner ("dozens said", "police say"). */
export const QUANTIFIER_HEADS: ReadonlySet<string> = new Set(['people', 'dozens', 'hundreds', 'thousands', 'millions', 'police', 'staff', 'media', 'press', 'public']);

/**
 * Singular nouns for people and bodies that can stand as a source ("a federal judge found", "one
 * district GOP leader said"), besides the plurals of COMMON_SOURCE_NOUNS and the agent-noun
 * endings isSourceHead accepts. Lemmas.
 */
export const PERSON_SOURCE_NOUNS: ReadonlySet<string> = new Set([
  'man', 'woman', 'judge', 'lawyer', 'attorney', 'friend', 'neighbor', 'neighbour', 'expert', 'analyst', 'critic',
  'official', 'source', 'aide', 'person', 'people', 'staff', 'police', 'panel', 'court', 'jury', 'group', 'coalition',
  'committee', 'board', 'agency', 'company', 'firm', 'union', 'government', 'administration', 'campaign', 'party',
  'media', 'press', 'public', 'audience', 'crowd', 'family', 'families', 'parent', 'colleague', 'ally', 'rival',
  'candidate', 'delegate', 'veteran', 'resident', 'student', 'doctor', 'physician', 'scientist', 'economist',
  'historian', 'scholar', 'pundit', 'observer', 'witness', 'activist', 'advocate', 'official', 'officer', 'mayor',
  'governor', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'minister', 'diplomat',
  'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisor', 'executive', 'insider', 'staffer', 'operative',
  'strategist', 'consultant', 'pollster', 'donor', 'fan', 'follower', 'opponent', 'supporter', 'skeptic', 'voter',
  'democrat', 'republican', 'conservative', 'liberal', 'progressive', 'moderate', 'independent', 'evangelical',
  'leader', 'member', 'elder', 'figure', 'authority', 'investigator', 'prosecutor', 'regulator', 'organizer',
  'protester', 'owner', 'employee', 'worker', 'teacher', 'parent', 'journalist', 'reporter', 'editor', 'columnist',
  'commentator', 'someone', 'somebody', 'everyone', 'everybody', 'anyone', 'others', 'some', 'many', 'most', 'few',
  'several', 'one', 'another', 'all', 'both', 'dozens', 'hundreds', 'thousands', 'majority', 'minority', 'whom',
  'individual', 'superdelegate', 'elector', 'paper', 'post', 'photo', 'video', 'statistic', 'information', 'ad',
]);

// Agent-noun endings that name a person by role ("strategist", "historian", "consultant", "negotiator").
const AGENT_ENDING = /(?:ist|ian|ant|ent|eer|ee|er|or)s?$/;
const NOT_AGENT = /(?:ment|ments|percent|number|order|matter|letter|paper|water|center|centre|corner|border|winter|summer|computer|chapter|parameter|quarter|power|cover|answer|offer|amount|event|content|extent|intent|talent|moment|comment|element|segment|statement|agreement|argument|document|government)s?$/;

/** True when a phrase head can be a source: a person, group, body or document, not a thing. */
export function isSourceHead(t: { value: string; lemma: string; pos: string }): boolean {
  const v = t.value.toLowerCase();
  const l = t.lemma.toLowerCase();
  if (PERSON_SOURCE_NOUNS.has(l) || PERSON_SOURCE_NOUNS.has(v) || COMMON_SOURCE_NOUNS.has(v) || DOCUMENT_SOURCE_HEADS.has(l) || DOCUMENT_SOURCE_HEADS.has(v)) return true;
  // a group word heads a phrase only as a plural noun ("Republicans", not "Turkish")
  if (isGroupWord(t.value)) return /s$/.test(v) && v !== 'u.s.' && v !== 'us';
  if (v === 'government' || v === 'governments') return true;
  return (t.pos === 'NOUN' || t.pos === 'PROPN') && AGENT_ENDING.test(v) && !NOT_AGENT.test(v);
}

/** What an agentless passive leaves unattributed: an expectation, a belief, a criticism, a judgement, a disclosure. */
export type AgentlessSense = 'expected' | 'believed' | 'criticized' | 'judged' | 'disclosed';

/**
 * Verbs whose agentless passive hides who holds the view ("is expected to", "it is believed",
 * "has been criticized for", "is widely regarded as", "it was revealed that"). From the cue
 * lemmas of PolNeAR's Attribution-no-source relations (Newell et al. 2018) and PARC 3.0 (Pareti
 * 2016), kept to saying, believing, expecting and judging: event passives such as "was signed",
 * "was nominated" or "were detained" report what happened, not whose view it is. Lemma -> sense.
 */
export const AGENTLESS_LEMMAS: ReadonlyMap<string, AgentlessSense> = new Map([
  ...['expect', 'project', 'predict', 'anticipate', 'forecast', 'estimate', 'slate'].map((l) => [l, 'expected'] as const),
  ...['believe', 'think', 'understand', 'assume', 'presume', 'suspect', 'rumor', 'rumour', 'say', 'report', 'allege',
    'claim', 'know', 'fear', 'doubt', 'speculate', 'suggest', 'hint'].map((l) => [l, 'believed'] as const),
  ...['accuse', 'blame', 'criticize', 'criticise', 'lambaste', 'mock', 'ridicule', 'condemn', 'denounce', 'question',
    'dispute', 'fault', 'slam', 'attack', 'implicate', 'pan', 'deride', 'decry', 'scold',
    'rebuke', 'chide', 'assail', 'berate', 'skewer'].map((l) => [l, 'criticized'] as const),
  ...['consider', 'regard', 'view', 'perceive', 'deem', 'see', 'describe', 'portray', 'characterize', 'characterise',
    'rate', 'tout', 'bill', 'credit', 'praise', 'hail', 'rank', 'judge', 'dub', 'brand'].map((l) => [l, 'judged'] as const),
  ...['reveal', 'disclose', 'confirm', 'announce', 'learn', 'establish'].map((l) => [l, 'disclosed'] as const),
]);

/** The tooltip for each agentless sense: why it is vague, in plain words. */
export const AGENTLESS_REASONS: Readonly<Record<AgentlessSense, string>> = {
  expected: 'Expected by whom? The sentence does not say whose expectation this is.',
  believed: 'Believed by whom? The sentence does not say who holds this view.',
  criticized: 'Criticised by whom? The sentence does not say who makes the criticism or accusation.',
  judged: 'Seen that way by whom? The sentence does not say whose judgement this is.',
  disclosed: 'Revealed by whom? The sentence does not say where this comes from.',
};

/**
 * Belief, expectation and suspicion words: the doxastic class of the Szeged uncertainty corpus
 * (Szarvas et al. 2012) and of the CoNLL-2010 hedge cues. A highlight of another kind whose cue
 * holds one of them ("many believe", "is widely expected to") also marks uncertainty; the hedges
 * eval scores those with the hedge highlights.
 */
export const DOXASTIC_CUE = /\b(?:believ\w*|thought|think\w*|expect\w*|consider\w*|regard\w*|suppos\w*|assum\w*|presum\w*|suspect\w*|suggest\w*|speculat\w*|seen as|viewed as|perceived|deemed|rumou?r\w*|alleg\w*|reportedly|doubt\w*|fear\w*|predict\w*|estimat\w*|project\w*|anticipat\w*|hope\w*|worr\w*)\b/i;

/** Pronoun-like quantifiers that stand for an unnamed group ("some say", "others argue"). */
export const VAGUE_PRONOUNS = new Set(['some', 'many', 'others', 'most', 'few', 'several', 'someone', 'somebody', 'nobody', 'everyone', 'everybody', 'anyone']);

/** Determiners that open an indefinite, unnamed source ("a source", "several aides", "many voters"). */
export const INDEFINITE_DETERMINERS = new Set(['a', 'an', 'one', 'another', 'some', 'many', 'several', 'few', 'most', 'other', 'two', 'three', 'four', 'five', 'multiple', 'numerous', 'various', 'certain', 'no', 'more', 'fewer', 'all', 'a few', 'dozens', 'hundreds', 'thousands', 'every']);


/** Plural nouns that are not sources even as subjects of "show"/"see"/"call" ("years show", "times"). */
export const NOT_SOURCE_PLURALS = new Set([
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'times', 'things', 'ways', 'percent', 'points', 'dollars',
  'numbers', 'figures', 'results', 'events', 'items', 'words', 'questions', 'answers', 'issues', 'matters', 'efforts',
  'plans', 'changes', 'rules', 'laws', 'bills', 'cases', 'charges', 'costs', 'prices', 'rates', 'taxes', 'votes',
]);
