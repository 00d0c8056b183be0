/**
 * What Readability leaves in an article that a reader does not read as the article: captions,
 * share widgets, related links, newsletter boxes, bylines and date lines, "Skip to content" and
 * similar labels. Two passes: elements (on Readability's detached output, never the live page)
 * and blocks of text (as the reader sees them). The patterns come from the failures seen on the
 * article-extraction-benchmark dev half and the readability test pages.
 */

/** class/id words of widgets that are not article prose. */
const WIDGET_RE =
  /(^|[-_\s])(share|sharing|social|related|recommend(ed|ations)?|newsletter|signup|sign-up|subscribe|subscription|promo|advert(isement)?|ad-?slot|sponsor(ed)?|caption|byline|author-?(bio|info|avatar)|tags|topics|breadcrumbs?|comments?|toolbar|read-?more|more-?stories|popular|trending|outbrain|taboola)([-_\s]|$)/i;

/** Elements that never hold article prose. */
const DROP_SELECTOR = 'figcaption, aside, nav, form, button, [role="complementary"], [role="navigation"]';

/** Headings of a list of other stories: "More Great WIRED Stories", "Related coverage". */
const RELATED_HEADING_RE =
  /^(more (great |top |from |on )?.{0,30}(stories|articles|coverage|reads)|related( (stories|articles|coverage|reading|content|links))?|further reading|recommended( (stories|reading|for you))?|you (might|may) also like|most (popular|read))\W*$/i;

/** Returns nothing; removes widget elements from Readability's output `root` in place. */
export function pruneBoilerplate(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(DROP_SELECTOR))) el.remove();
  // A list right after a "More stories" heading is a list of links to other articles.
  for (const el of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, p, div, strong'))) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 60 || !RELATED_HEADING_RE.test(text)) continue;
    const next = el.nextElementSibling;
    if (next && (next.tagName === 'UL' || next.tagName === 'OL')) {
      next.remove();
      el.remove();
    }
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el) || el.tagName === 'P') continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!cls.trim() || !WIDGET_RE.test(cls)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 400) el.remove();
  }
}

/** Whole-block texts that are interface labels, not prose. */
const LABEL_RE =
  /^(skip to (main )?content|image|photo|video|advertisement|ad|author avatar|subscribe( now)?|sign up( now)?|share( this( article| story)?)?|read more|continue reading|listen( to (this )?article)?|print|e-?mail|comments?|follow us|click here|you may also like\W*|related( (articles|stories|coverage|content))?|more from .{1,40}|recommended( for you)?|advertisement - scroll to continue|this slideshow requires javascript\.?|tell us what you think\W*)$/i;

/** Phrases of promotion and page furniture, checked in short blocks only. */
const PROMO_RE =
  /newsletter|in your inbox|to your inbox|meet your inbox|sign up (for|to|today)|subscribe (to|now|today)|delivered (to|through) your|get (the )?breaking news|follow (him|her|them|us|me) on|share (it|this) with|like this story|affiliate (and\/or referral )?links|this website uses cookies|we use cookies|join our .{1,40}(forum|community)|click here|get the .{1,30} app|download the .{1,30} app|^(related|also on [\w.]+|see more|read more|more|watch|listen|recommended|trending|most popular)\s*:|all rights reserved|©|\bcopyright\b|want more stories like this|send us your|letterbox every month|this slideshow requires javascript/i;

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE_RE = new RegExp(
  `^(published|updated|posted|last updated|first published|created|modified|date)\\b|\\b\\d+ (minutes?|hours?|days?|weeks?) ago\\b|` +
  `^(\\w+day,? )?(${MONTH} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH},? \\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})|` +
  // Portuguese and Spanish date lines: "sexta-feira, 22 de outubro de 2010 às 20:13".
  `^([\\p{L}-]+,? )?\\d{1,2} de \\p{L}+,? (de |del )?\\d{4}`,
  'iu',
);
const TIME_RE = new RegExp(`\\b\\d{1,2}:\\d{2}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{4}\\b|\\bago\\b`, 'i');

/** A caption ending with a picture credit: "(AP Photo/Alan Diaz, File)", "(Image: GETTY)". */
const CREDIT_RE = /\((ap|afp|reuters|getty|image|images|photo|photos|picture|pictures|credit|file|epa|pa)\b[^)]{0,80}\)\s*$|^\(?(image|photo|picture)( credit)?\s*:/i;
/** A caption that names its source at the end and is no sentence: "The new keyboard via iFixit". */
const VIA_CREDIT_RE = /\s(via|courtesy( of)?|source:)\s+\S+(\s+\S+){0,3}$/i;

/** "Jane Doe is a reporter for NBC News." at the end of an article. */
const BIO_RE =
  /^([A-Z][\w.'’-]+ ){1,4}(is|was) (a|an|the|([A-Z][\w.&-]* ){0,3}[A-Z][\w.&-]*['’]s) ([\w’'-]+ ){0,6}(writer|reporter|editor|correspondent|journalist|contributor|producer|columnist|author|native|freelance|curator|critic|analyst)/;

interface BlockInfo {
  text: string;
  linkShare: number;
}

/** Returns true when a block of text reads as page furniture rather than article prose. */
export function isBoilerplateBlock(block: BlockInfo, index: number, count: number, title: string): boolean {
  const { text, linkShare } = block;
  const len = text.length;
  if (LABEL_RE.test(text)) return true;
  // Rules drawn with characters ("______", "* * *"): nothing to read.
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (/^https?:\/\/\S+$/.test(text)) return true;
  if (title && len < 300 && norm(text) === norm(title)) return true;
  if (len < 300 && PROMO_RE.test(text)) return true;
  if (len < 120 && DATE_LINE_RE.test(text) && TIME_RE.test(text)) return true;
  if (len < 100 && /^by\s+\p{Lu}/iu.test(text) && !/[.!?]["”']?$/.test(text)) return true;
  if (len < 300 && CREDIT_RE.test(text)) return true;
  if (len < 160 && !/[.!?:;]["”'’)]?$/.test(text) && VIA_CREDIT_RE.test(text)) return true;
  // A short block that is all links is a related-story list or a tag line.
  if (len < 160 && linkShare > 0.9) return true;
  // Shouted kickers and promo links ("GET FOX BUSINESS ON THE GO BY CLICKING HERE").
  if (len < 160 && isShouted(text)) return true;
  if (index >= count - 3 && len < 400 && BIO_RE.test(text)) return true;
  return false;
}

function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || text.split(/\s+/).length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.9 && letters.toLowerCase() !== letters;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
