/**
 * Wraps analysis spans in <mark> elements with mark.js, in time-budgeted slices, and removes them
 * again. Marks only wrap existing text: the page's text (body.textContent) is identical before,
 * during and after. Offsets go through the text map; mark.js gets ranges in its own offset space
 * (the concatenated text nodes of one block element), which wrapping never changes, so every range
 * is computed once up front and stays valid while later slices nest marks inside earlier ones.
 */
import Mark from 'mark.js/dist/mark.es6.js';
import type { Analysis } from '../shared/model.js';
import type { TextMap } from './text-map.js';
import { endTask, runAll, runSliced, whenIdle } from './yield.js';

export type MarkKind = 'claim' | 'quote' | 'attribution';

export const MARK_CLASS = 'sourcemark';
export const MARK_SELECTOR = `mark.${MARK_CLASS}[data-sourcemark-kind]`;
const FLASH_CLASS = 'sourcemark-flash';

/** Text under these is never marked: form fields, editable regions, code the page runs. */
const EXCLUDE = [
  'input', 'textarea', 'select', 'option', 'button', 'noscript', 'template', 'svg', 'svg *',
  '[contenteditable]', '[contenteditable] *',
];
/** mark.js always adds these to `exclude`; our offset walk must skip the same nodes. */
const MARKJS_DEFAULT_EXCLUDE = ['script', 'style', 'title', 'head', 'html'];
/** One selector for all of them: one matches() call per text node instead of one per selector. */
const ALL_EXCLUDE = [...EXCLUDE, ...MARKJS_DEFAULT_EXCLUDE].join(', ');

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'INS', 'DEL', 'LABEL',
]);

interface MarkRange {
  start: number;
  length: number;
  kind: MarkKind;
  id: string;
  speaker: string | null;
  /** The page text the range must cover; a mismatch (the page changed) skips the range. */
  expect: string;
}

interface Job {
  context: Element;
  kind: MarkKind;
  ranges: MarkRange[];
}

export interface HighlightOptions {
  /** Milliseconds of work per slice before yielding to the page. */
  budgetMs?: number;
  /** How to yield between slices (tests pass a synchronous one). */
  yieldFn?: () => Promise<void>;
  signal?: AbortSignal;
  /** Wraps each synchronous DOM write (the lifecycle hides them from its MutationObserver). */
  around?: <T>(fn: () => T) => T;
}

export interface HighlightResult {
  marks: number;
  skipped: number;
}

export interface UpdateResult extends HighlightResult {
  /** Marks of items that were already marked and stay. */
  kept: number;
  /** Items whose marks were removed (their text or kind changed, or they are gone). */
  removed: number;
}

interface MarkGroup {
  id: string;
  kind: MarkKind;
  speaker: string | null;
  els: Element[];
  /** The non-blank text nodes inside the marks, in document order. */
  nodes: Text[];
}

/** Returns true when the pieces cover exactly the group's text nodes, each whole. */
function covers(g: MarkGroup, pieces: { node: Text; startOffset: number; endOffset: number }[]): boolean {
  if (pieces.length !== g.nodes.length) return false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.node !== g.nodes[i]) return false;
    const lead = p.node.data.length - p.node.data.trimStart().length;
    const tail = p.node.data.trimEnd().length;
    if (p.startOffset > lead || p.endOffset < tail) return false;
  }
  return true;
}

/** Returns true when text in this node may be marked. */
export function isMarkable(node: Node): boolean {
  const el = node.parentElement;
  if (!el) return false;
  if (el.closest('input, textarea, select, option, button, script, style, noscript, template, svg, [contenteditable]')) {
    return false;
  }
  return !(el as HTMLElement).isContentEditable;
}

/**
 * Returns the mark jobs for an analysis: per kind (claims, then quotes, then attributions, so
 * later kinds nest inside earlier ones), per block element, the ranges in mark.js offsets.
 */
export function planMarks(map: TextMap, analysis: Analysis): Job[] {
  return runAll(planItems(map, itemsOf(analysis)));
}

/** One highlighted item of an analysis. */
interface Item {
  kind: MarkKind;
  id: string;
  start: number;
  end: number;
  speaker: string | null;
}

function itemsOf(analysis: Analysis): Item[] {
  return [
    ...analysis.claims.map((c) => ({ kind: 'claim' as const, id: c.id, start: c.start, end: c.end, speaker: null })),
    ...analysis.quotes.map((q) => ({ kind: 'quote' as const, id: q.id, start: q.start, end: q.end, speaker: q.speaker })),
    ...analysis.attributions.map((a) => ({ kind: 'attribution' as const, id: a.id, start: a.start, end: a.end, speaker: null })),
  ];
}

/** A generator (it yields every few dozen items): a page may have thousands of them. */
function* planItems(map: TextMap, items: Item[]): Generator<void, Job[], void> {
  const offsetCache = new Map<Element, Map<Text, number>>();
  const jobs = new Map<string, Job>();
  const contextIds = new Map<Element, number>();
  const out: Job[] = [];

  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    if (n % 32 === 31) yield;
    if (!(item.end > item.start)) continue;
    for (const piece of map.pieces(item.start, item.end)) {
      if (!piece.node.isConnected || !isMarkable(piece.node)) continue;
      const context = blockContext(piece.node);
      const base = textOffsets(context, offsetCache).get(piece.node);
      if (base === undefined) continue;
      let cid = contextIds.get(context);
      if (cid === undefined) contextIds.set(context, (cid = contextIds.size));
      const key = `${item.kind}:${cid}`;
      let job = jobs.get(key);
      if (!job) {
        job = { context, kind: item.kind, ranges: [] };
        jobs.set(key, job);
        out.push(job);
      }
      const start = base + piece.startOffset;
      const expect = map.text.slice(piece.textStart, piece.textEnd);
      const prev = job.ranges[job.ranges.length - 1];
      if (prev && prev.id === item.id && prev.start + prev.length === start) {
        // The same item continues in the next text node of this block: one range.
        prev.length += piece.endOffset - piece.startOffset;
        prev.expect += expect;
      } else {
        job.ranges.push({ start, length: piece.endOffset - piece.startOffset, kind: item.kind, id: item.id, speaker: item.speaker, expect });
      }
    }
  }
  const order: Record<MarkKind, number> = { claim: 0, quote: 1, attribution: 2 };
  // Stable sort: all claims first, then quotes, then attributions.
  return out.sort((a, b) => order[a.kind] - order[b.kind]);
}

function blockContext(node: Text): Element {
  let el = node.parentElement!;
  while (el.parentElement && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/** mark.js's offset space for a context: its text nodes, minus those whose parent is excluded. */
function textOffsets(context: Element, cache: Map<Element, Map<Text, number>>): Map<Text, number> {
  let m = cache.get(context);
  if (m) return m;
  m = new Map();
  const doc = context.ownerDocument;
  const walker = doc.createTreeWalker(context, 0x4);
  let pos = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement;
    if (parent && parent.matches(ALL_EXCLUDE)) continue;
    m.set(n, pos);
    pos += n.data.length;
  }
  cache.set(context, m);
  return m;
}

type NodeFilterLike = ((n: Node) => number) | { acceptNode(n: Node): number } | null | undefined;

/**
 * mark.js walks text with a NodeIterator per call. Blink keeps every NodeIterator registered on
 * its document and updates each one on every node removal until it is garbage-collected, so
 * wrapping N marks costs N times the iterators still alive (measured in Chromium: 8,000 wraps in
 * 60 ms without iterators, 4.5 s with one NodeIterator per wrap). mark.js reads its iterator to
 * the end before it changes anything, so it gets a snapshot of the same nodes instead, taken
 * with a TreeWalker (which no document tracks), with NodeIterator's rules: the root included,
 * a rejected node skipped without its subtree.
 */
function snapshotIterator(root: Node, whatToShow: number, filter: NodeFilterLike): { nextNode(): Node | null; previousNode(): Node | null } {
  const accept = typeof filter === 'function' ? filter : filter ? (n: Node) => filter.acceptNode(n) : () => 1;
  const shown = (n: Node) => (whatToShow & (1 << (n.nodeType - 1))) !== 0;
  const nodes: Node[] = [];
  if (shown(root) && accept(root) === 1) nodes.push(root);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, whatToShow);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (accept(n) === 1) nodes.push(n);
  let pos = 0;
  return {
    nextNode: () => (pos < nodes.length ? nodes[pos++]! : null),
    previousNode: () => (pos > 0 ? nodes[--pos]! : null),
  };
}

/**
 * Runs `fn` (a mark.js call) with `document.createNodeIterator` answering with snapshots. The
 * property is set on this script's own view of the document (content scripts live in their own
 * world: the page never sees it) and put back right after.
 */
function withSnapshotIterators<T>(doc: Document, fn: () => T): T {
  if ((globalThis as { document?: Document }).document !== doc) return fn();
  const prev = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  Object.defineProperty(doc, 'createNodeIterator', { value: snapshotIterator, configurable: true, writable: true });
  try {
    return fn();
  } finally {
    if (prev) Object.defineProperty(doc, 'createNodeIterator', prev);
    else delete (doc as { createNodeIterator?: unknown }).createNodeIterator;
  }
}

/** Owns the marks of one analysis on one page. */
export class Highlighter {
  private doc: Document;
  /** The flash timers of reveal(), cleared with the marks. */
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** Returns how many marks were added; slices its work and stops early when aborted. */
  apply(map: TextMap, analysis: Analysis, opts: HighlightOptions = {}): Promise<UpdateResult> {
    return this.update(map, analysis, opts);
  }

  /**
   * Brings the page's marks in line with `analysis` (whose offsets `map` maps onto the page as it
   * is now, marks included): a mark whose item is still there, same kind over the same text, is
   * kept (its id renamed if the item's id changed), marks of items that are gone are removed, and
   * only the missing items are marked. So late content and re-renders never re-mark what is
   * marked. Slices the marking and stops early when aborted.
   */
  async update(map: TextMap, analysis: Analysis, opts: HighlightOptions = {}): Promise<UpdateResult> {
    const started = performance.now();
    const around = opts.around ?? (<T>(fn: () => T) => fn());
    const groups = this.groups();
    const byFirst = new Map<Text, MarkGroup[]>();
    for (const g of groups) {
      const first = g.nodes[0];
      if (!first) continue;
      const list = byFirst.get(first);
      if (list) list.push(g);
      else byFirst.set(first, [g]);
    }
    const todo: Item[] = [];
    const used = new Set<MarkGroup>();
    let kept = 0;
    const match = function* (): Generator<void, true, void> {
      const items = itemsOf(analysis);
      for (let n = 0; n < items.length; n++) {
        if (n % 64 === 63) yield;
        const item = items[n]!;
        if (!(item.end > item.start)) continue;
        const pieces = map.pieces(item.start, item.end).filter((p) => /\S/.test(p.node.data.slice(p.startOffset, p.endOffset)));
        const g = pieces.length ? byFirst.get(pieces[0]!.node)?.find((c) => !used.has(c) && c.kind === item.kind && covers(c, pieces)) : undefined;
        if (!g) {
          todo.push(item);
          continue;
        }
        used.add(g);
        kept++;
        if (g.id !== item.id || g.speaker !== item.speaker) {
          around(() => {
            for (const el of g.els) {
              el.setAttribute('data-sourcemark-id', item.id);
              if (item.kind === 'quote' && item.speaker) el.setAttribute('data-sourcemark-speaker', item.speaker);
              else el.removeAttribute('data-sourcemark-speaker');
            }
          });
        }
      }
      return true;
    };
    // Thousands of items on a long page: matched against the marks in slices too.
    endTask(started);
    const budget = opts.budgetMs ?? 8;
    const matched = await runSliced(match(), budget, opts.yieldFn ?? (() => whenIdle(100)), opts.signal,
      ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) ? 'sm:task' : undefined);
    if (matched === undefined) return { marks: 0, skipped: 0, kept, removed: 0 };
    const resumed = performance.now();
    // Marks of items that are gone, innermost first; the text they split is joined back and the
    // map follows the joins, so it still points at live text for the marks to add.
    const stale = groups.filter((g) => !used.has(g)).flatMap((g) => g.els);
    const order = new Map(Array.from(this.doc.querySelectorAll(MARK_SELECTOR), (el, i) => [el, i]));
    stale.sort((a, b) => order.get(b)! - order.get(a)!);
    around(() => {
      for (const el of stale) for (const m of unwrap(el)) map.relocate(m.from, m.to, m.delta);
    });
    endTask(resumed);
    const r = await this.mark(map, todo, opts);
    return { ...r, kept, removed: groups.length - used.size };
  }

  /** The marks on the page, grouped by item id, each with the text nodes it wraps. */
  private groups(): MarkGroup[] {
    const byId = new Map<string, MarkGroup>();
    for (const el of Array.from(this.doc.querySelectorAll(MARK_SELECTOR))) {
      const id = el.getAttribute('data-sourcemark-id') ?? '';
      let g = byId.get(id);
      if (!g) {
        g = { id, kind: el.getAttribute('data-sourcemark-kind') as MarkKind, speaker: el.getAttribute('data-sourcemark-speaker'), els: [], nodes: [] };
        byId.set(id, g);
      }
      g.els.push(el);
      const walker = this.doc.createTreeWalker(el, 0x4);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) if (/\S/.test(n.data)) g.nodes.push(n);
    }
    return Array.from(byId.values());
  }

  private async mark(map: TextMap, items: Item[], opts: HighlightOptions): Promise<HighlightResult> {
    const budget = opts.budgetMs ?? 8;
    const yieldFn = opts.yieldFn ?? (() => whenIdle(100));
    const jobs = await runSliced(planItems(map, items), budget, yieldFn, opts.signal,
      ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) ? 'sm:plan' : undefined);
    if (!jobs) return { marks: 0, skipped: 0 };
    let marks = 0;
    let skipped = 0;
    let sliceStart = performance.now();
    for (const job of batches(jobs)) {
      if (opts.signal?.aborted) break;
      if (performance.now() - sliceStart > budget) {
        if ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) performance.measure('sm:slice', { start: sliceStart });
        await yieldFn();
        if (opts.signal?.aborted) break;
        sliceStart = performance.now();
      }
      if (!job.context.isConnected) {
        skipped += job.ranges.length;
        continue;
      }
      const r = opts.around ? opts.around(() => this.markJob(job)) : this.markJob(job);
      marks += r.marks;
      skipped += r.skipped;
    }
    if ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) performance.measure('sm:slice', { start: sliceStart });
    return { marks, skipped };
  }

  private markJob(job: Job): HighlightResult {
    let marks = 0;
    let skipped = 0;
    withSnapshotIterators(this.doc, () => new Mark(job.context as HTMLElement).markRanges(job.ranges as unknown as Mark.Range[], {
      element: 'mark',
      className: MARK_CLASS,
      exclude: EXCLUDE,
      filter: (_node: Node, range: Mark.Range, match: string) => {
        // mark.js calls this once per text node of a range, but `match` is only right on the
        // first call (it shortens its text buffer as it wraps), so check the range once.
        const r = range as unknown as MarkRange & { checked?: boolean };
        if (r.checked) return true;
        r.checked = true;
        const ok = squash(match) === squash(r.expect);
        if (!ok) skipped++;
        return ok;
      },
      each: (el: Element, range: Mark.Range) => {
        const r = range as unknown as MarkRange;
        el.setAttribute('data-sourcemark-kind', r.kind);
        el.setAttribute('data-sourcemark-id', r.id);
        if (r.kind === 'quote' && r.speaker) el.setAttribute('data-sourcemark-speaker', r.speaker);
        marks++;
      },
      noMatch: () => {
        skipped++;
      },
    } as unknown as Mark.MarkRangesOptions));
    return { marks, skipped };
  }

  /**
   * Returns nothing; removes every mark of ours and joins the text mark.js split back into the
   * original text nodes. Like mark.js unmark() + normalize(), but only the splits are joined, so
   * text nodes the page itself kept apart (a framework may hold references to them) stay apart.
   */
  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const marks = Array.from(this.doc.querySelectorAll(MARK_SELECTOR));
    // Innermost first: an inner mark's pieces are joined before its parent mark is unwrapped.
    for (const el of marks.reverse()) unwrap(el);
  }

  /** Returns the marks of one analysis item, in document order. */
  marksFor(itemId: string): Element[] {
    return Array.from(this.doc.querySelectorAll(`${MARK_SELECTOR}[data-sourcemark-id="${cssEscape(itemId)}"]`));
  }

  /** Returns true when the item has a mark; scrolls it into view and flashes it. */
  reveal(itemId: string): boolean {
    const els = this.marksFor(itemId);
    const first = els[0];
    if (!first) return false;
    const smooth = !this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    first.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    for (const el of els) {
      el.classList.remove(FLASH_CLASS);
      // Re-adding the class restarts the animation only after a style flush.
      void (el as HTMLElement).offsetWidth;
      el.classList.add(FLASH_CLASS);
      const timer = setTimeout(() => done(), 2000);
      const done = (): void => {
        el.classList.remove(FLASH_CLASS);
        clearTimeout(timer);
        this.timers.delete(timer);
      };
      this.timers.add(timer);
      el.addEventListener('animationend', done, { once: true });
    }
    return true;
  }
}

/** Ranges per mark.js call: a long paragraph with hundreds of marks is wrapped over several slices. */
const RANGES_PER_CALL = 24;

/**
 * Returns the jobs with at most RANGES_PER_CALL ranges each, in the same order. The ranges are in
 * the context's offset space, which wrapping never changes, so a job may be done in parts.
 */
function batches(jobs: Job[]): Job[] {
  const out: Job[] = [];
  for (const job of jobs) {
    if (job.ranges.length <= RANGES_PER_CALL) out.push(job);
    else for (let i = 0; i < job.ranges.length; i += RANGES_PER_CALL) out.push({ ...job, ranges: job.ranges.slice(i, i + RANGES_PER_CALL) });
  }
  return out;
}

/**
 * mark.js wraps by splitting: "before" stays in the original node (possibly emptied), the marked
 * text moves into a new node inside the mark, "after" becomes a new node. Undo exactly that.
 */
function unwrap(el: Element): Merge[] {
  const merges: Merge[] = [];
  const parent = el.parentNode;
  if (!parent) return merges;
  const prev = el.previousSibling;
  const next = el.nextSibling;
  const first = el.firstChild;
  const last = el.lastChild;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  let tail: Node | null = last;
  if (prev && first && prev.nodeType === 3 && first.nodeType === 3) {
    merges.push({ from: first as Text, to: prev as Text, delta: (prev as Text).length });
    (prev as Text).appendData((first as Text).data);
    parent.removeChild(first);
    if (tail === first) tail = prev;
  }
  if (!first) tail = prev;
  if (tail && next && tail.nodeType === 3 && next.nodeType === 3) {
    merges.push({ from: next as Text, to: tail as Text, delta: (tail as Text).length });
    (tail as Text).appendData((next as Text).data);
    parent.removeChild(next);
  }
  return merges;
}

interface Merge {
  from: Text;
  to: Text;
  delta: number;
}

/** Text without white space or invisible characters, to compare page text with article text. */
function squash(s: string): string {
  return s.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g, '');
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** The page CSS for marks: colour only, nothing that changes layout. */
export const MARK_CSS = `
mark.${MARK_CLASS}[data-sourcemark-kind] {
  all: unset;
  color: inherit;
  background-color: transparent;
  text-decoration-line: underline;
  text-decoration-thickness: 2px;
  text-underline-offset: 0.18em;
  text-decoration-skip-ink: auto;
  cursor: help;
}
mark.${MARK_CLASS}[data-sourcemark-kind="claim"] {
  background-color: rgba(255, 196, 0, 0.16);
  text-decoration-color: rgba(214, 150, 0, 0.9);
}
mark.${MARK_CLASS}[data-sourcemark-kind="quote"] {
  background-color: rgba(0, 122, 255, 0.10);
  text-decoration-color: rgba(0, 102, 220, 0.85);
}
mark.${MARK_CLASS}[data-sourcemark-kind="attribution"] {
  text-decoration-style: wavy;
  text-decoration-thickness: 1px;
  text-decoration-color: rgba(200, 40, 90, 0.9);
}
mark.${MARK_CLASS}.${FLASH_CLASS} {
  animation: sourcemark-flash 1.4s ease-out 1;
}
@keyframes sourcemark-flash {
  0%, 30% { background-color: rgba(255, 140, 0, 0.55); outline: 2px solid rgba(255, 140, 0, 0.8); }
  100% { outline: 2px solid transparent; }
}
@media (prefers-reduced-motion: reduce) {
  mark.${MARK_CLASS}.${FLASH_CLASS} { animation-duration: 0.01s; outline: 2px solid rgba(255, 140, 0, 0.8); }
}
`;

const STYLE_ID = 'sourcemark-style';

/** Returns nothing; adds the mark styles to the page once (in <head>, outside body text). */
export function installMarkStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = MARK_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** Returns nothing; removes the mark styles. */
export function removeMarkStyles(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
