/**
 * The reading copy of a live page that Readability parses. Instead of `document.cloneNode(true)`
 * followed by a second walk that pairs the clone's text nodes with the live ones, one walk over
 * the live tree builds a copy of what a reader can read, and remembers for every copied text node
 * the live node it came from, the block element it reads in, whether it sits in a link, and the
 * block and <br> boundaries before it. Extraction builds its text from that record and never
 * walks the live page again.
 *
 * Left out of the copy, because Readability discards them before it scores anything, or because
 * their text is never article prose for us (see SKIP_TAGS in extract.ts):
 *  - scripts (except JSON-LD, which Readability reads for metadata), styles, links, templates,
 *    noscript, comments; in <head>, everything but <title>, <meta>, <base> and JSON-LD;
 *  - what Readability's own `_isProbablyVisible` drops: `hidden`, `aria-hidden="true"`, inline
 *    `display: none` / `visibility: hidden`, and open modal dialogs (`aria-modal` + `role=dialog`);
 *  - in a browser, what the page's CSS hides (`checkVisibility()`), which Readability cannot see:
 *    a `display: none` subtree is left out whole, the text of a `visibility: hidden` element is
 *    left out while its children are still looked at (they may set `visibility: visible`);
 *  - the inside of elements whose content is no prose: svg, math, iframe, object, canvas, media,
 *    form controls. The element itself stays (Readability weighs embeds and empty containers).
 * A smaller tree makes every one of Readability's passes cheaper (it walks the tree several times
 * and serialises it once) and lets the walk itself run in time slices: it is a generator that
 * yields every few dozen nodes, so the caller decides how long one task may run (yield.ts).
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that start a new block for a reader (separated by "\n\n" in the text). */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Not copied at all: Readability removes them from the whole document before it looks. */
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);
/** Copied without their content: their text is never article prose. */
const SHALLOW_TAGS = new Set([
  'SVG', 'MATH', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'LINK', 'TEMPLATE',
]);
/** What <head> keeps for Readability's metadata. */
const HEAD_TAGS = new Set(['TITLE', 'META', 'BASE']);

/** A subtree with at most this many elements is copied natively in one call (a few ms). */
const CLONE_MAX = 1500;
/**
 * Below this depth, plain wrappers (div, span, section...) are not copied: their content goes
 * into the nearest copied ancestor. Real pages nest 20 to 50 deep; a page nested thousands deep
 * would make Readability's passes, which look at every node's ancestors and text, take seconds.
 */
export const MAX_COPY_DEPTH = 96;
const WRAPPERS = new Set(['DIV', 'SPAN', 'SECTION', 'ARTICLE', 'MAIN', 'FONT', 'CENTER']);
/** One selector call tells whether an element needs a closer look (Readability's hidden rules). */
const SUSPECT = '[hidden],[aria-hidden],[aria-modal],[style]';

export interface PageCopy {
  /** The copy; Readability may rewrite it. */
  doc: Document;
  /** The copied live text nodes, in document order. */
  texts: Text[];
  /** Copy text node -> its index in `texts`. */
  index: Map<Text, number>;
  /** Per text: the nearest live block ancestor (BLOCK_TAGS), or null. */
  blocks: (Element | null)[];
  /** Per text: 1 when it is inside a link. */
  linked: Uint8Array;
  /** Per text: how many block elements started before it in the walk (cumulative). */
  blockMarks: Int32Array;
  /** Per text: how many <br> came before it in the walk (cumulative). */
  brMarks: Int32Array;
  /** Live nodes visited. */
  visited: number;
  /** Elements in the copy (a measure of what Readability will have to walk). */
  elements: number;
  /** Characters of text in the copy's body. */
  chars: number;
}

/** How the walk sees an element's rendering. */
const enum Seen { Visible, TextHidden, Gone }

export interface CopyOptions {
  /**
   * Use the page's layout (`checkVisibility`) to leave out what its CSS hides. Default: when the
   * document has layout (a browser tab; jsdom and happy-dom have none).
   */
  layout?: boolean;
  /** Nodes between yields. */
  chunk?: number;
  /** Subtrees with at most this many elements are copied in one native call (tests vary it). */
  cloneMax?: number;
  /**
   * Elements to leave out with their subtree because Readability's first pass would remove them
   * anyway (its "unlikely candidates", see extract.ts). Not applied in <head>.
   */
  unlikely?: (el: Element) => boolean;
}

/** Returns true when the document is rendered (the layout-based checks mean something). */
export function hasLayout(doc: Document): boolean {
  const html = doc.documentElement as (Element & { checkVisibility?: () => boolean }) | null;
  if (!html || typeof html.checkVisibility !== 'function' || !doc.defaultView) return false;
  // jsdom and happy-dom report no client rects for anything; a rendered page has them for <html>.
  if (html.getClientRects().length === 0) return false;
  // A page that hides its whole body (anti-flicker snippets do, until their script loads or times
  // out) cannot be judged by visibility yet: read it as without layout rather than find nothing.
  const body = doc.body as (Element & { checkVisibility?: (o?: object) => boolean }) | null;
  return !body || body.checkVisibility?.({ visibilityProperty: true }) !== false;
}

/**
 * Walks the live document and builds the reading copy. A generator: it yields every `chunk`
 * nodes so a caller can spread the walk over several tasks (see `runSliced`), or run it to the
 * end at once (`runAll`). The live page is only read, never written.
 */
export function* copyPage(live: Document, opts: CopyOptions = {}): Generator<void, PageCopy | null, void> {
  const layout = opts.layout ?? hasLayout(live);
  const chunk = opts.chunk ?? 64;
  // The page may change between two slices; when the node the walk stands on was removed, the
  // rest of the walk would be lost, so it starts over (after a few tries, in one go).
  for (let attempt = 0; ; attempt++) {
    const r = yield* walk(live, layout, chunk, opts.cloneMax ?? CLONE_MAX, opts.unlikely ?? null, attempt < 3);
    if (r !== 'changed') return r;
  }
}

function* walk(
  live: Document, layout: boolean, chunk: number, cloneMax: number, unlikely: ((el: Element) => boolean) | null, mayYield: boolean,
): Generator<void, PageCopy | null | 'changed', void> {
  const liveRoot = live.documentElement;
  if (!liveRoot) return null;
  const doc = live.implementation.createHTMLDocument('');
  const root = doc.importNode(liveRoot, false);
  doc.replaceChild(root, doc.documentElement);

  const texts: Text[] = [];
  const index = new Map<Text, number>();
  const blocks: (Element | null)[] = [];
  let linked = new Uint8Array(1024);
  let blockMarks = new Int32Array(1024);
  let brMarks = new Int32Array(1024);
  let blockCount = 0;
  let brCount = 0;
  let visited = 0;
  let elements = 0;
  let chars = 0;
  // Depth in the copy (differs from the live depth once wrappers below MAX_COPY_DEPTH are skipped).
  const copyDepthAt: number[] = [0];
  const flattened: Element[] = [];

  // Per open element (arrays indexed by depth; no recursion, pages nest thousands deep): its
  // copy, its block, whether it is in a link, whether its own text is hidden, whether in <head>.
  const copyAt: Node[] = [root];
  const blockAt: (Element | null)[] = [BLOCK_TAGS.has(liveRoot.tagName.toUpperCase()) ? liveRoot : null];
  const linkAt: number[] = [0];
  const textHiddenAt: boolean[] = [false];
  const inHeadAt: boolean[] = [false];
  let depth = 0;
  let node: Node | null = liveRoot.firstChild;
  // Inside a subtree copied natively (importNode(el, true)), `twin` is the copy of `node` and the
  // walk goes through both trees in step; `cloneDepth` is the depth of that subtree's children.
  let twin: Node | null = null;
  let cloneDepth = -1;

  while (node) {
    visited++;
    if (mayYield && visited % chunk === 0) {
      yield;
      if (!node.isConnected) return 'changed';
    }
    const inClone = cloneDepth >= 0 && depth >= cloneDepth;
    // The twin's next sibling, taken before the twin is removed from the copy. No twin means the
    // live subtree gained a node after it was copied (checked just below).
    let twinNext: Node | null = inClone && twin ? twin.nextSibling : null;
    let descend = false;
    const type = node.nodeType;
    // A text that changed since the copy was made still pairs with its own live node, and the text
    // is read from the live node; so only a change of structure makes the walk start over.
    if (inClone && (!twin || twin.nodeType !== type || (type === ELEMENT_NODE && (twin as Element).localName !== (node as Element).localName))) {
      return 'changed'; // the page changed since the subtree was copied
    }
    if (type === TEXT_NODE) {
      const text = node as Text;
      const parentCopy = copyAt[depth]!;
      if (inHeadAt[depth]) {
        // <title> and JSON-LD text: Readability reads them; they are never article text.
        if (!inClone) parentCopy.appendChild(doc.createTextNode(text.data));
      } else if (textHiddenAt[depth] && /\S/.test(text.data)) {
        if (inClone) parentCopy.removeChild(twin!);
      } else {
        let copy: Text;
        if (inClone) copy = twin as Text;
        else parentCopy.appendChild((copy = doc.createTextNode(text.data)));
        const i = texts.length;
        if (i === linked.length) {
          linked = grow(linked);
          blockMarks = grow(blockMarks);
          brMarks = grow(brMarks);
        }
        texts.push(text);
        chars += text.length;
        index.set(copy, i);
        blocks.push(blockAt[depth]!);
        linked[i] = linkAt[depth]! > 0 ? 1 : 0;
        blockMarks[i] = blockCount;
        brMarks[i] = brCount;
      }
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const inHead = inHeadAt[depth]! || tag === 'HEAD';
      let keep: 'drop' | 'shallow' | 'deep' = 'deep';
      let seen = Seen.Visible;
      if (DROP_TAGS.has(tag)) {
        keep = tag === 'SCRIPT' && /ld\+json/i.test(el.getAttribute('type') ?? '') ? 'deep' : 'drop';
      } else if (inHead && tag !== 'HEAD') {
        keep = HEAD_TAGS.has(tag) ? 'deep' : 'drop';
      } else if (!inHead && tag !== 'BODY' && el.matches(SUSPECT) && !readabilityVisible(el)) {
        keep = 'shallow';
      } else if (unlikely && !inHead && unlikely(el)) {
        keep = 'shallow';
      } else if (SHALLOW_TAGS.has(tag)) {
        keep = 'shallow';
      }
      // What Readability removes on its walk it sees first, from the parent: whether a <div> has
      // block children, is empty or holds one <p> decides how it reads the parent. So those
      // elements stay in the copy as empty placeholders, and Readability reads the same structure.
      if (keep === 'deep' && layout && !inHead && tag !== 'BODY') {
        seen = rendered(el);
        if (seen === Seen.Gone) keep = 'shallow';
      }
      let copy: Node | null = null;
      let enterClone = false;
      const copyDepth = copyDepthAt[depth]!;
      // Deep down, a plain wrapper is flattened: its content goes into its nearest copied ancestor.
      const flatten = keep === 'deep' && copyDepth >= MAX_COPY_DEPTH && WRAPPERS.has(tag) && el.firstChild !== null;
      if (inClone) {
        if (keep === 'drop') copyAt[depth]!.removeChild(twin!);
        else if (keep === 'shallow') {
          (twin as Element).replaceChildren();
          // Only a <template> has a content fragment; <meta content="..."> has a string there.
          if (tag === 'TEMPLATE') (twin as HTMLTemplateElement).content.replaceChildren();
        }
        if (flatten) flattened.push(twin as Element); // unwrapped once the walk is done
        copy = twin;
      } else if (flatten) {
        copy = copyAt[depth]!;
      } else if (keep !== 'drop') {
        // Outside <head>, a small enough subtree is copied in one native call and then walked in
        // step with its copy; a big one is copied element by element until its parts are small.
        const whole = keep === 'deep' && !inHead && cloneMax > 0 && el.firstElementChild !== null
          && el.getElementsByTagName('*').length <= cloneMax;
        copy = doc.importNode(el, whole || (keep === 'deep' && !inHead && !el.firstElementChild));
        copyAt[depth]!.appendChild(copy);
        enterClone = copy.firstChild !== null;
        elements += whole ? 1 + (copy as Element).getElementsByTagName('*').length : 1;
      }
      if (keep !== 'drop') {
        if (tag === 'BR') brCount++;
        else if (BLOCK_TAGS.has(tag)) blockCount++;
        if (keep === 'deep' && el.firstChild) {
          depth++;
          copyAt[depth] = copy!;
          blockAt[depth] = BLOCK_TAGS.has(tag) ? el : blockAt[depth - 1]!;
          linkAt[depth] = linkAt[depth - 1]! + (tag === 'A' ? 1 : 0);
          textHiddenAt[depth] = seen === Seen.TextHidden;
          inHeadAt[depth] = inHead;
          copyDepthAt[depth] = flatten ? copyDepthAt[depth - 1]! : copyDepthAt[depth - 1]! + 1;
          if (enterClone) cloneDepth = depth;
          descend = true;
        }
      }
    } else if (type === COMMENT_NODE) {
      // Kept: a comment ends a run of inline content when Readability wraps a <div>'s text in <p>s.
      if (!inClone && !inHeadAt[depth]) copyAt[depth]!.appendChild(doc.createComment((node as Comment).data));
    } else if (inClone) {
      copyAt[depth]!.removeChild(twin!); // processing instructions
    }
    // Next node in document order; an element's subtree is entered only when `descend`.
    if (descend) {
      node = node.firstChild;
      if (cloneDepth >= 0 && depth >= cloneDepth) twin = copyAt[depth]!.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (cloneDepth >= 0 && depth < cloneDepth) {
        cloneDepth = -1;
        twin = null;
      } else if (cloneDepth >= 0) {
        twinNext = copyAt[depth + 1]!.nextSibling;
      }
      if (!node || depth < 0 || node === liveRoot) {
        node = null;
        break;
      }
    }
    if (node) {
      node = node.nextSibling;
      if (cloneDepth >= 0 && depth >= cloneDepth) twin = twinNext;
    }
  }

  unwrapAll(flattened);
  elements -= flattened.length;
  return {
    doc, texts, index, blocks, visited, elements, chars,
    linked: linked.subarray(0, texts.length),
    blockMarks: blockMarks.subarray(0, texts.length),
    brMarks: brMarks.subarray(0, texts.length),
  };
}

/**
 * Returns nothing; replaces each run of nested wrappers by their content, moving every piece of
 * content once (moving a whole deep chain level by level would cost its depth squared).
 */
function unwrapAll(wrappers: Element[]): void {
  const flat = new Set<Node>(wrappers);
  for (const w of wrappers) {
    if (w.parentNode && flat.has(w.parentNode)) continue; // inside a run whose top does the work
    const content: Node[] = [];
    const stack: Node[] = [];
    for (let c = w.lastChild; c; c = c.previousSibling) stack.push(c);
    while (stack.length) {
      const n = stack.pop()!;
      if (!flat.has(n)) content.push(n);
      else for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    w.replaceWith(...content);
  }
}

function grow<T extends Uint8Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** Readability's `_isProbablyVisible`, plus its removal of open modal dialogs. */
function readabilityVisible(el: Element): boolean {
  if (el.hasAttribute('hidden')) return false;
  if (el.getAttribute('aria-hidden') === 'true' && !String(el.getAttribute('class') ?? '').includes('fallback-image')) return false;
  if (el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog') return false;
  if (el.hasAttribute('style')) {
    const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

type Checkable = Element & { checkVisibility(o?: { visibilityProperty?: boolean }): boolean };

/** How the page's CSS renders an element: visible, its own text hidden, or not at all. */
function rendered(el: Element): Seen {
  const e = el as Checkable;
  if (e.checkVisibility({ visibilityProperty: true })) return Seen.Visible;
  if (e.checkVisibility()) return Seen.TextHidden;
  // No box: display:none (or an ancestor's content-visibility:hidden), except display:contents,
  // whose children are rendered in its place.
  const view = el.ownerDocument.defaultView;
  if (view && view.getComputedStyle(el).display === 'contents') return Seen.Visible;
  return Seen.Gone;
}
