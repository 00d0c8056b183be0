/**
 * What Readability leaves in an article that a reader does not read as the article: captions,
 * share widgets, related links, newsletter boxes, bylines and date lines, "Skip to content" and
 * similar labels. Two passes: elements (on Readability's detached output, never the live page)
 * and blocks of text (as the reader sees them). The patterns come from the failures seen on the
 * article-extraction-benchmark dev half and the readability test pages; the structural rules
 * (media captions, teaser cards, hover cards, summaries that repeat the page's description) rest
 * on page structure and link density, not on any site's markup.
 */

/** class/id words of widgets that are not article prose. */
const WIDGET_RE =
  /(^|[-_\s])(share|sharing|social|related|recommend(ed|ations)?|newsletter|signup|sign-up|subscribe|subscription|promo|advert(isement)?|ad-?slot|sponsor(ed)?|caption|byline|author-?(bio|info|avatar)|tags|topics|breadcrumbs?|comments?|toolbar|read-?more|more-?stories|popular|trending|outbrain|taboola)([-_\s]|$)/i;
/** Each alternative of WIDGET_RE holds one of these. */
const isWidget = guarded(WIDGET_RE, [
  'shar', 'social', 'related', 'recommend', 'newsletter', 'signup', 'sign-up', 'subscri', 'promo', 'advert', 'adslot', 'ad-slot',
  'sponsor', 'caption', 'byline', 'author', 'tags', 'topics', 'breadcrumb', 'comment', 'toolbar', 'readmore', 'read-more',
  'morestories', 'more-stories', 'popular', 'trending', 'outbrain', 'taboola',
]);

/** Elements that never hold article prose. */
const DROP_SELECTOR = 'figcaption, aside, nav, form, button, [role="complementary"], [role="navigation"]';

/** Headings of a list of other stories: "More Great WIRED Stories", "Related coverage". */
const RELATED_HEADING_RE =
  /^(more (great |top |from |on )?.{0,30}(stories|articles|coverage|reads)|related( (stories|articles|coverage|reading|content|links|news|posts))?|further reading|recommended( (stories|reading|for you))?|you (might|may) also like|most (popular|read)|don'?t miss|(see|read) also|also read)\W*$/i;

/**
 * Words of which every RELATED_HEADING_RE match has one (lower-cased; the pattern is ASCII and
 * case-insensitive, so lower-casing the text finds them): a plain test that spares compiling the
 * pattern on pages whose short headings hold none of them.
 */
const isRelatedHeading = guarded(RELATED_HEADING_RE, ['more', 'related', 'further reading', 'recommended', 'also', 'most ', 'miss']);

/**
 * Returns `re.test`, behind a plain test until the first text that passes it: a long pattern costs
 * up to a millisecond to compile on its first use in a page (measured in Node's V8: the widget, label,
 * promotion and related-heading patterns together about 3 ms), and on small pages often no text
 * comes near it. `words` (lower case) must hold a piece of every match of `re` (an ASCII pattern,
 * case-insensitive: lower-casing the text keeps those pieces), `exact` whole texts it matches that
 * hold none. Once the pattern has run, it is cheaper than the plain test and runs alone.
 */
function guarded(re: RegExp, words: readonly string[], exact: readonly string[] = []): (text: string) => boolean {
  let used = false;
  return (text) => {
    if (!used) {
      const lower = text.toLowerCase();
      if (!exact.includes(lower) && !words.some((w) => lower.includes(w))) return false;
      used = true;
    }
    return re.test(text);
  };
}

/**
 * What one extraction learns once and asks many times: per live element, whether small furniture
 * wraps it (see inLiveFurniture); per document, its normalised description; the title, normalised.
 * Made per extraction (the page may change between two of them).
 */
export interface BoilerplateMemo {
  furniture: Map<Element, boolean>;
  descriptions: Map<Document, string>;
  titles: Map<string, string>;
}

/** Returns an empty memo for one extraction. */
export function boilerplateMemo(): BoilerplateMemo {
  return { furniture: new Map(), descriptions: new Map(), titles: new Map() };
}

/** Returns nothing; removes widget elements from Readability's output `root` in place. */
export function pruneBoilerplate(root: Element, memo: BoilerplateMemo = boilerplateMemo()): void {
  const steps = pruneSteps(root, memo);
  while (!steps.next().done) { /* run to the end */ }
}

/** Elements looked at between two yields of `pruneSteps`. */
const PRUNE_CHUNK = 128;

/**
 * `pruneBoilerplate` as a generator that yields every PRUNE_CHUNK elements, so the content script
 * can spread it over short tasks (an article of 50,000 elements takes longer than one should).
 */
export function* pruneSteps(root: Element, memo: BoilerplateMemo): Generator<void, void, void> {
  let n = 0;
  for (const el of Array.from(root.querySelectorAll(DROP_SELECTOR))) el.remove();
  // A list (or a paragraph of mostly links) right after a "More stories" heading is a list of
  // links to other articles.
  for (const found of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, p, div, strong, b'))) {
    if (++n % PRUNE_CHUNK === 0) yield;
    // Reading the text of every <div> around the article would cost its length times its depth;
    // the other tags seldom nest, and their text is read once.
    if (!root.contains(found) || (found.tagName === 'DIV' && textAtLeast(found, 61))) continue;
    const text = (found.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 60 || !isRelatedHeading(text)) continue;
    // <p><strong>Don't miss</strong></p>: the paragraph is the heading.
    const parent = found.parentElement;
    const el = parent && parent !== root && /^(STRONG|B)$/.test(found.tagName) && textOf(parent) === text ? parent : found;
    const next = el.nextElementSibling;
    if (next && (next.tagName === 'UL' || next.tagName === 'OL' || (/^(P|DIV)$/.test(next.tagName) && linkedShare(next).share > 0.6))) {
      next.remove();
      el.remove();
    }
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (++n % PRUNE_CHUNK === 0) yield;
    if (!root.contains(el) || el.tagName === 'P') continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!cls.trim() || !isWidget(cls)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 400) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (++n % PRUNE_CHUNK === 0) yield;
    if (!root.contains(el) || el === root) continue;
    if (isNamedCaption(el) || isSummary(el, root, memo) || isTeaserCard(el) || isHoverCard(el)) el.remove();
  }
  for (const media of Array.from(root.querySelectorAll(MEDIA))) {
    if (++n % PRUNE_CHUNK === 0) yield;
    if (!root.contains(media)) continue;
    const caption = mediaCaption(media, root);
    if (caption) caption.remove();
  }
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Returns the class and id words of an element, camelCase split: "imageEmbedCaption" -> image embed caption. */
function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw.split(/[^A-Za-z0-9]+/).flatMap((w) => w.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? []).map((w) => w.toLowerCase());
}

/** Class words that name page furniture in any naming style (the kebab-case ones are in WIDGET_RE). */
const FURNITURE_WORDS = new Set(['caption', 'credit', 'credits', 'byline', 'bio', 'cta', 'copyright']);

/** What the class and id of an element must hold for a FURNITURE_WORDS word: tested before splitting them. */
const FURNITURE_HINT_RE = /caption|credit|byline|bio|cta|copyright/i;

/** Returns true when the class or id words of `el` name furniture (FURNITURE_WORDS). */
function hasFurnitureWord(el: Element): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE_HINT_RE.test(raw) && classWords(el).some((w) => FURNITURE_WORDS.has(w));
}

/** A caption, picture credit, byline or author bio named so by its class, camelCase included. */
function isNamedCaption(el: Element): boolean {
  if (!el.hasAttribute('class') && !el.hasAttribute('id')) return false;
  if (!hasFurnitureWord(el)) return false;
  return textOf(el).length < 400;
}

const META_DESCRIPTION = ['og:description', 'description', 'twitter:description'];

function description(doc: Document, memo?: BoilerplateMemo): string {
  const known = memo?.descriptions.get(doc);
  if (known !== undefined) return known;
  const v = readDescription(doc);
  memo?.descriptions.set(doc, v);
  return v;
}

function readDescription(doc: Document): string {
  for (const key of META_DESCRIPTION) {
    const v = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    if (v && v.trim()) return norm(v);
  }
  return '';
}

/**
 * A standfirst (dek, summary line): the page's own description repeated as a heading or in the
 * article's header, or marked up as the schema.org description beside the articleBody. The same
 * sentence as a body paragraph (many sites copy their first paragraph into the description) is
 * not touched: only headings, <header> content and itemprop=description/abstract qualify.
 */
function isSummary(el: Element, root: Element, memo?: BoilerplateMemo): boolean {
  const prop = el.getAttribute('itemprop') ?? '';
  if (/^(description|abstract)$/i.test(prop) && !el.closest('[itemprop~="articleBody" i]') && !el.querySelector('[itemprop~="articleBody" i]')) {
    return textOf(el).length < 600;
  }
  const tag = el.tagName.toUpperCase();
  const heading = /^H[1-6]$/.test(tag);
  if (!heading && !(el.closest('header') && /^(P|DIV|SPAN|H[1-6])$/.test(tag))) return false;
  const desc = description(root.ownerDocument, memo);
  if (desc.length < 40) return false;
  return sameSentence(norm(textOf(el)), desc);
}

/** True when a (normalised) text is the description; descriptions are often cut at a word limit. */
function sameSentence(text: string, desc: string): boolean {
  if (text.length < 40) return false;
  const short = Math.min(text.length, desc.length);
  return text === desc || (short >= 60 && text.slice(0, short) === desc.slice(0, short) && short / Math.max(text.length, desc.length) > 0.6);
}

const MEDIA = 'img, picture, video, iframe';

function linkedShare(el: Element): { share: number; links: number } {
  const total = textOf(el).replace(/\s/g, '').length;
  let linked = 0;
  const hrefs = new Set<string>();
  for (const a of Array.from(el.querySelectorAll('a'))) {
    linked += textOf(a).replace(/\s/g, '').length;
    hrefs.add(a.getAttribute('href') ?? '');
  }
  return { share: total ? linked / total : 0, links: hrefs.size };
}

/** A link to another page (not an anchor inside this one). */
const isOutLink = (a: Element | null) => !!a && !/^(#|javascript:)/i.test(a.getAttribute('href') ?? '#');

/**
 * A card promoting another story: a short container with a picture and a headline that is all one
 * link to another page (related-story grids, "more from" rails), or a nested <article> so headed.
 */
function isTeaserCard(el: Element): boolean {
  if (!/^(ARTICLE|DIV|SECTION|LI|ASIDE)$/.test(el.tagName.toUpperCase())) return false;
  // What a card needs, asked first of the native selector engine: a headline, and a picture
  // unless it is an <article>.
  if (!el.querySelector('h2, h3, h4, h5, h6') || (el.tagName.toUpperCase() !== 'ARTICLE' && !el.querySelector(MEDIA))) return false;
  if (textAtLeast(el, 801)) return false;
  const text = textOf(el);
  if (text.length === 0 || text.length > 800) return false;
  const headline = Array.from(el.querySelectorAll('h2, h3, h4, h5, h6')).find((h) => {
    const a = h.querySelector('a') ?? h.closest('a');
    return isOutLink(a) && textOf(h).length > 0 && textOf(a!).length >= textOf(h).length * 0.9;
  });
  if (!headline) return false;
  return el.tagName.toUpperCase() === 'ARTICLE' || !!el.querySelector(MEDIA);
}

/**
 * An inline widget inside a paragraph that is all links: a person's hover card ("Ilhan Omar" with
 * a photo and her latest stories), shown on hover on the site and hidden by its CSS.
 */
function isHoverCard(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'A' || tag === 'P' || /^H[1-6]$/.test(tag)) return false;
  // A link card has links to at least two places (isLinkCard): without two links, no card.
  if (el.getElementsByTagName('a').length < 2) return false;
  const para = el.parentElement?.closest('p');
  if (!para || textOf(para).length <= textOf(el).length) return false;
  // The innermost such widget: its wrapper also holds the linked name, which is article text.
  return isLinkCard(el) && !Array.from(el.children).some(isLinkCard);
}

function isLinkCard(el: Element): boolean {
  if (el.tagName.toUpperCase() === 'A') return false;
  const { share, links } = linkedShare(el);
  return textOf(el).length >= 40 && share >= 0.85 && (links >= 3 || (links >= 2 && !!el.querySelector(MEDIA)));
}

/**
 * Returns the caption of a picture: the nearest container around the image that holds text, when
 * that text is short and is at most one block (a caption, not a prose section: no heading, list
 * or quote, at most one paragraph). A caption in a paragraph must read as a label rather than a
 * sentence (no closing punctuation), unless it repeats the image's alt text. Tiny images (icons,
 * emoji) have no captions.
 */
function mediaCaption(media: Element, root: Element): Element | null {
  const alt = norm(media.getAttribute('alt') ?? '');
  const size = Math.min(Number(media.getAttribute('width') ?? 999) || 999, Number(media.getAttribute('height') ?? 999) || 999);
  if (size < 40 || (media.hasAttribute('alt') && (media.getAttribute('alt') ?? '').trim().length <= 2 && media.tagName.toUpperCase() === 'IMG')) return null;
  let box: Element | null = media.parentElement;
  for (let depth = 0; box && box !== root && depth < 4 && textOf(box).length === 0; depth++) box = box.parentElement;
  if (!box || box === root || !root.contains(box)) return null;
  const text = textOf(box);
  if (text.length === 0 || text.length > 250) return null;
  if (alt && norm(text) === alt) return box;
  if (/^(H[1-6]|LI|BLOCKQUOTE|TD|TH|A|DT|DD)$/.test(box.tagName.toUpperCase()) || box.querySelector('h1, h2, h3, h4, h5, h6, li, blockquote, table')) return null;
  const paragraphs = [box, ...Array.from(box.querySelectorAll('p'))].filter((e) => e.tagName.toUpperCase() === 'P' && textOf(e).length > 0);
  if (paragraphs.length > 1) return null;
  if (paragraphs.length === 1 && /[.!?]["”’')]?$/.test(text)) return null;
  return box;
}

/** Whole-block texts that are interface labels, not prose. */
const LABEL_RE =
  /^(skip to (main )?content|image|photo|video|advertisement|ad|author avatar|subscribe( now)?|sign up( now)?|share( this( article| story)?)?|read more|continue reading|listen( to (this )?article)?|print|e-?mail|comments?|follow us|click here|you may also like\W*|related( (articles|stories|coverage|content))?|more from .{1,40}|recommended( for you)?|advertisement - scroll to continue|this slideshow requires javascript\.?|tell us what you think\W*|continue reading below|advert|sign in|log in|breaking news|latest news|recent (articles|posts|stories)|don'?t miss|post comment.*)$/i;
/**
 * How every whole-text match of LABEL_RE starts (lower case; see PROMO_WORDS for why lower-casing
 * keeps them): a plain test before the pattern runs on each short block, which spares compiling
 * it on pages that have no such label.
 */
const LABEL_STARTS = [
  'skip to', 'image', 'photo', 'video', 'ad', 'author avatar', 'subscribe', 'sign up', 'share', 'read more',
  'continue reading', 'listen', 'print', 'e-mail', 'email', 'comment', 'follow us', 'click here', 'you may also like',
  'related', 'more from', 'recommended', 'this slideshow', 'tell us what', 'sign in', 'log in', 'breaking news',
  'latest news', 'recent', 'don', 'post comment',
];
const isLabel = (text: string) => {
  const lower = text.toLowerCase();
  return LABEL_STARTS.some((w) => lower.startsWith(w)) && LABEL_RE.test(text);
};

/** Phrases of promotion and page furniture, checked in short blocks only. */
const PROMO_RE =
  /newsletter|in your inbox|to your inbox|meet your inbox|sign up (for|to|today)|subscribe (to|now|today)|delivered (to|through) your|get (the )?breaking news|follow (him|her|them|us|me) on|share (it|this) with|like this story|affiliate (and\/or referral )?links|this website uses cookies|we use cookies|join our .{1,40}(forum|community)|click here|get the .{1,30} app|download the .{1,30} app|^\W*(related( \w+)?|also( on [\w.]+)?|see more|read more|more|watch|listen|recommended|trending|most popular)\s*:|^filed (under|in)\b|\b\d+\s*min(ute)?s?\s+read\b|^(estimated )?read(ing)? time\b|all rights reserved|©|\bcopyright\b|want more stories like this|send us your|letterbox every month|this slideshow requires javascript/i;
/**
 * Pieces that every match of one PROMO_RE alternative holds (lower case; the pattern's words are
 * ASCII and it is case-insensitive without /u, so only ASCII letters match them and lower-casing
 * keeps them), for a plain test before the pattern runs on each text. The pattern alone costs
 * 1 to 15 ms in a page (measured in Node's V8: compiled once for one-byte and once for two-byte
 * text, then again when it tiers up to machine code), and prose seldom passes this test.
 */
const PROMO_WORDS = [
  'newsletter', 'your inbox', 'sign up ', 'subscribe ', 'delivered ', 'breaking news', 'follow him', 'follow her',
  'follow them', 'follow us', 'follow me', 'share it', 'share this', 'like this story', 'affiliate', 'cookies', 'join our',
  'click here', 'all rights reserved', '\u00a9', 'copyright', 'want more stories like this', 'send us your',
  'letterbox every month', 'this slideshow requires javascript',
];
/** The words that open the "Related:" alternative of PROMO_RE, after any non-word characters. */
const PROMO_LEADS = ['related', 'also', 'see more', 'read more', 'more', 'watch', 'listen', 'recommended', 'trending', 'most popular'];

/** Returns true when `text` could match PROMO_RE (false only when it cannot). */
function promoHint(text: string): boolean {
  const lower = text.toLowerCase();
  if (PROMO_WORDS.some((w) => lower.includes(w))) return true;
  if ((lower.includes('get the ') || lower.includes('download the ')) && lower.includes(' app')) return true;
  if (lower.includes('min') && lower.includes('read')) return true;
  if (lower.startsWith('filed ') || lower.startsWith('read') || lower.startsWith('estimated ')) return true;
  if (!text.includes(':')) return false;
  // ^\W*: skipped on the text itself (\W is every character but [A-Za-z0-9_]).
  let k = 0;
  while (k < text.length && !/[A-Za-z0-9_]/.test(text[k]!)) k++;
  const lead = text.slice(k, k + 12).toLowerCase();
  return PROMO_LEADS.some((w) => lead.startsWith(w));
}

const isPromo = (text: string) => promoHint(text) && PROMO_RE.test(text);

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE_RE = new RegExp(
  `^(published|updated|posted|last updated|first published|created|modified|date)\\b|\\b\\d+ (minutes?|hours?|days?|weeks?) ago\\b|` +
  `^(\\w+day,? )?(${MONTH} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH},? \\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`,
  'i',
);
/**
 * Portuguese and Spanish date lines: "sexta-feira, 22 de outubro de 2010 às 20:13". Apart from
 * DATE_LINE_RE and behind a plain prefilter: a Unicode-aware case-insensitive pattern costs
 * milliseconds to compile in every page the content script runs in.
 */
const DE_DATE_HINT_RE = /\d de /i;
const DE_DATE_LINE_RE = /^([\p{L}-]+,? )?\d{1,2} [Dd][Ee] \p{L}+,? ([Dd][Ee] |[Dd][Ee][Ll] )?\d{4}/u;
const isDateLine = (text: string) => DATE_LINE_RE.test(text) || (DE_DATE_HINT_RE.test(text) && DE_DATE_LINE_RE.test(text));
const TIME_RE = new RegExp(`\\b\\d{1,2}:\\d{2}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{4}\\b|\\bago\\b`, 'i');

/** A caption ending with a picture credit: "(AP Photo/Alan Diaz, File)", "(Image: GETTY)". */
const CREDIT_RE = /\((ap|afp|reuters|getty|image|images|photo|photos|picture|pictures|credit|file|epa|pa)\b[^)]{0,80}\)\s*$|^\(?(image|photo|picture)( credit)?\s*:/i;
/** A caption that names its source at the end and is no sentence: "The new keyboard via iFixit". */
const VIA_CREDIT_RE = /\s(via|courtesy( of)?|source:)\s+\S+(\s+\S+){0,3}$/i;

/** "Jane Doe is a reporter for NBC News." at the end of an article. */
const BIO_RE =
  /^([A-Z][\w.'’-]+ ){1,4}(is|was) (a|an|the|([A-Z][\w.&-]* ){0,3}[A-Z][\w.&-]*['’]s) ([\w’'-]+ ){0,6}(writer|reporter|editor|correspondent|journalist|contributor|producer|columnist|author|native|freelance|curator|critic|analyst)/;

/**
 * Lines that close a news story without being part of it: reporting credits ("Reporting by ...;
 * editing by ...", "Jane Doe contributed reporting.", "SOURCE: News agencies") and calls to follow
 * or listen elsewhere. Checked in the last blocks only.
 */
const CREDIT_WORK = '([Aa]dditional |[Ff]urther |[Ww]ith )?([Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch|[Cc]ompiled|[Ee]dited|[Ww]ritten) by';
/** "Reporting by A and B in City; editing by C": names, places and more credits, nothing else. */
const CREDIT_LINE_RE = new RegExp(`^\\(?${CREDIT_WORK}(\\s+[A-Z][\\w.'’-]*|\\s+and|\\s+in|\\s*[,;]|\\s+(and\\s+)?${CREDIT_WORK})+\\s*[.)]*$`);
const CLOSING_RE =
  /\bcontributed (reporting|research|to this (report|story|article))\b|^sources?\s*:|^follow .{1,60}\bon (instagram|facebook|twitter|youtube|tiktok|linkedin|snapchat|x)\b|^listen (to .{1,40} )?(live|back|now)\b|^(watch|listen to) .{1,60}\bhere\.?$/i;

/**
 * The "about the company" paragraph that closes a press release: "Acme is a global provider of
 * ...", "Acme is headquartered in Baar and employs ...". Checked in the last blocks only.
 */
const ORG_BIO_RE =
  /^([A-Z][\w&.'’-]*( |$)){1,4}(is|are) (headquartered|based) in\b|^([A-Z][\w&.'’-]*( |$)){1,4}(is|are) (a|an|the) (leading |global |worldwide |world'?s? )?([\w-]+ ){0,5}(provider|company|maker|manufacturer|developer|supplier)( of| focused| with| for| that)\b/;

interface BlockInfo {
  text: string;
  linkShare: number;
  /** The block's first text node in the live page, whose wrappers Readability may have dropped. */
  node?: Text;
}

/**
 * Returns true when the live page wraps the block in furniture that Readability's output no
 * longer shows (it replaces a <div> holding one <p> by the <p>, dropping the div's class): a
 * caption, credit, byline or bio by class, or a summary by itemprop or by repeating the page's
 * description in its header. Only small wrappers count (under 600 characters of text), so a
 * class on the whole article's container says nothing.
 */
function inLiveFurniture(node: Text, text: string, memo: BoilerplateMemo): boolean {
  if (underFurniture(node.parentElement, memo)) return true;
  const el = node.parentElement;
  if (el && (el.closest('header') || el.closest('h1, h2, h3, h4, h5, h6'))) {
    const desc = description(el.ownerDocument, memo);
    if (desc.length >= 40 && sameSentence(norm(text), desc)) return true;
  }
  return false;
}

/**
 * Returns true when `start` or one of its small ancestors is furniture by class or itemprop.
 * Blocks of one article share their ancestors, so each element is judged once per extraction.
 */
function underFurniture(start: Element | null, memo: BoilerplateMemo): boolean {
  const chain: Element[] = [];
  let verdict = false;
  for (let el = start; el && el.tagName.toUpperCase() !== 'BODY'; el = el.parentElement) {
    const known = memo.furniture.get(el);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    if (textAtLeast(el, 600)) {
      memo.furniture.set(el, false);
      break;
    }
    if (isFurnitureWrapper(el)) {
      memo.furniture.set(el, true);
      verdict = true;
      break;
    }
    chain.push(el);
  }
  for (const el of chain) memo.furniture.set(el, verdict);
  return verdict;
}

function isFurnitureWrapper(el: Element): boolean {
  if (el.hasAttribute('class') || el.hasAttribute('id')) {
    if (hasFurnitureWord(el)) return true;
    if (isWidget(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) && !textAtLeast(el, 400)) return true;
  }
  return /^(description|abstract)$/i.test(el.getAttribute('itemprop') ?? '') && !el.closest('[itemprop~="articleBody" i]');
}

/**
 * Returns true when `textOf(el)` would have at least `n` characters, reading only as far as it
 * takes: this runs for every ancestor of every block, and the article's container holds the
 * whole article (its textContent per block would make a long article cost its length squared).
 */
function textAtLeast(el: Element, n: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* NodeFilter.SHOW_TEXT */);
  // The raw length is at least the collapsed one: most elements asked (a paragraph, a caption)
  // have fewer than `n` characters in all and need no look at each character.
  let raw = 0;
  for (let t = walker.nextNode(); t && raw < n; t = walker.nextNode()) raw += (t as Text).data.length;
  if (raw < n) return false;
  walker.currentNode = el;
  let len = 0;
  let space = false; // white space after some text: one space, unless nothing follows (trim)
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const data = (t as Text).data;
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        space = len > 0;
        continue;
      }
      len += space ? 2 : 1;
      space = false;
      if (len >= n) return true;
    }
  }
  return false;
}

/** The characters of JavaScript's `\s`, without a regex call per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * "By Jane Doe". A module constant on purpose: esbuild writes this literal as `new RegExp(...)`
 * (case-insensitive \p{Lu}), which inline would compile the pattern again for every block.
 */
const BY_LINE_RE = /^by\s+\p{Lu}/iu;
/** What every BY_LINE_RE match starts with, tested first (the Unicode pattern is slow to compile). */
const BY_HINT_RE = /^by\s/i;
/** Letters or digits in any script; the ASCII test first spares the Unicode one on most blocks. */
const hasAlnum = (text: string) => /[A-Za-z0-9]/.test(text) || /[\p{L}\p{N}]/u.test(text);
/**
 * LABEL_RE matches whole blocks; all but three of its labels are at most 50 characters long, so
 * longer blocks need a closer look only when they start like one of those three.
 */
const LONG_LABEL_RE = /^(you may also like|tell us what you think|post comment)/i;
/**
 * Plain tests that every match of a costlier pattern passes (each is implied by the pattern it
 * guards): they spare compiling and running those on the blocks that cannot match.
 */
const CREDIT_HINT = (text: string) => text.includes('(') || /^(image|photo|picture)/i.test(text);
const CLOSING_HINT_RE = /contributed|^(sources?|follow|listen|watch)/i;
const CREDIT_LINE_HINT_RE = /^\(?([Aa]dditional |[Ff]urther |[Ww]ith )?([Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch|[Cc]ompiled|[Ee]dited|[Ww]ritten) by/;
const BIO_HINT = (text: string) => text.includes(' is ') || text.includes(' was ');
const ORG_BIO_HINT = (text: string) => text.includes(' is ') || text.includes(' are ');

/** Returns true when a block of text reads as page furniture rather than article prose. */
export function isBoilerplateBlock(block: BlockInfo, index: number, count: number, title: string, memo: BoilerplateMemo = boilerplateMemo()): boolean {
  const { text, linkShare } = block;
  const len = text.length;
  // Each rule alone says "furniture", so their order changes nothing but the cost: the cheap
  // tests come first, and a costly pattern runs only behind a cheap test it implies.
  // A short block that is all links is a related-story list or a tag line; a longer one that is
  // one link from end to end is a promotion (whole sentences of article prose are not links).
  if (len < 160 && linkShare > 0.9) return true;
  if (len < 500 && linkShare > 0.97) return true;
  if ((len <= 50 || LONG_LABEL_RE.test(text)) && isLabel(text)) return true;
  if (block.node && inLiveFurniture(block.node, text, memo)) return true;
  // Rules drawn with characters ("______", "* * *"): nothing to read.
  if (!hasAlnum(text)) return true;
  if (/^https?:\/\/\S+$/.test(text)) return true;
  if (title && len < 300 && norm(text) === normTitle(title, memo)) return true;
  if (len < 300 && isPromo(text)) return true;
  if (len < 120 && TIME_RE.test(text) && isDateLine(text)) return true;
  if (len < 100 && BY_HINT_RE.test(text) && BY_LINE_RE.test(text) && !/[.!?]["”']?$/.test(text)) return true;
  if (len < 300 && CREDIT_HINT(text) && CREDIT_RE.test(text)) return true;
  if (len < 160 && !/[.!?:;]["”'’)]?$/.test(text) && VIA_CREDIT_RE.test(text)) return true;
  if (index >= count - 3 && len < 300 && ((CLOSING_HINT_RE.test(text) && CLOSING_RE.test(text))
    || (CREDIT_LINE_HINT_RE.test(text) && CREDIT_LINE_RE.test(text)))) return true;
  // Shouted kickers and promo links ("GET FOX BUSINESS ON THE GO BY CLICKING HERE").
  if (len < 160 && isShouted(text)) return true;
  if (index >= count - 3 && len < 400 && BIO_HINT(text) && BIO_RE.test(text)) return true;
  if (index >= count - 3 && len < 800 && ORG_BIO_HINT(text) && ORG_BIO_RE.test(text)) return true;
  return false;
}

function isShouted(text: string): boolean {
  // Lower-case ASCII letters are letters that are not upper case: a tenth of the text in them
  // already keeps the upper-case share at or below 0.9, without the Unicode passes below.
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122 && ++lower * 10 >= text.length) return false;
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || text.split(/\s+/).length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.9 && letters.toLowerCase() !== letters;
}

function normTitle(title: string, memo: BoilerplateMemo): string {
  let v = memo.titles.get(title);
  if (v === undefined) memo.titles.set(title, (v = norm(title)));
  return v;
}

/**
 * Text with no letter or digit outside ASCII: ASCII, no-break space and the General Punctuation
 * block (dashes, curly quotes, ellipsis), which holds no letters or digits and no case.
 */
const PLAIN_RE = /^[\x00-\x7f\u00a0\u2000-\u206f]*$/;

/**
 * Returns the text lower-cased, every run of characters that are neither letters nor digits made
 * one space. Most English text takes the ASCII pattern, which gives the same result there: the
 * Unicode one costs 2 to 6 ms to compile on its first use in a page (measured in Node's V8),
 * more than the rest of the text build on a short article.
 */
function norm(s: string): string {
  const lower = s.toLowerCase();
  return (PLAIN_RE.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}
