/**
 * The tooltip for a highlight: one host element on <html> (outside <body>, so the page's text is
 * unchanged) with a closed shadow root, shown on hover or focus of a mark. All text goes in with
 * textContent. The root is closed because the tooltip tells what else the reader's library holds
 * ("corroborated by 2 sources"), which the page's own scripts have no business reading.
 */
import type { Analysis, ClaimReason, ClaimStatus, Corroboration, QuoteStatus } from '../shared/model.js';
import { MARK_SELECTOR } from './highlight.js';

const HOST_TAG = 'sourcemark-tooltip';

const REASON_TEXT: Record<ClaimReason, string> = {
  number: 'contains a number',
  date: 'contains a date',
  'named-actor': 'names who did it',
  'reported-action': 'reports an action',
  comparison: 'makes a comparison',
  model: 'reads like a factual claim',
};

const CLAIM_STATUS_TEXT: Record<ClaimStatus, string> = {
  corroborated: 'Corroborated by other articles in your library',
  contradicted: 'Contradicted by another article in your library',
  mixed: 'Mixed: other articles agree and disagree',
  'single-source': 'Single source: not found in other articles you have read',
};

const QUOTE_STATUS_TEXT: Record<QuoteStatus, string> = {
  verbatim: 'Quoted word for word elsewhere',
  variant: 'Quoted differently elsewhere',
  'single-source': 'Single source: not found in other articles you have read',
};

const CSS = `
:host { all: initial; }
.tip {
  position: fixed; top: 0; left: 0; z-index: 2147483647; box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px)); padding: 8px 10px; border-radius: 6px;
  background: #1f2328; color: #f6f8fa; box-shadow: 0 4px 16px rgba(0,0,0,.3);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; pointer-events: none;
  visibility: hidden;
}
.tip.linked { pointer-events: auto; }
.show-in-list { all: unset; cursor: pointer; color: #9ecbff; text-decoration: underline; font-size: 12px; margin-top: 2px; }
.show-in-list:focus-visible { outline: 2px solid #9ecbff; outline-offset: 1px; }
.show-in-list[data-state="toolbar"] { color: #d0d7de; text-decoration: none; cursor: default; }
.tip.show { visibility: visible; }
.item + .item { margin-top: 6px; padding-top: 6px; border-top: 1px solid #444c56; }
.kind { font-weight: 600; }
.kind[data-kind="claim"]::before, .kind[data-kind="quote"]::before, .kind[data-kind="attribution"]::before {
  content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px;
}
.kind[data-kind="claim"]::before { background: #e0a800; }
.kind[data-kind="quote"]::before { background: #3d8bfd; }
.kind[data-kind="attribution"]::before { background: #e0457b; }
.detail { color: #d0d7de; }
.status { color: #9be9a8; }
.status[data-status="contradicted"], .status[data-status="mixed"], .status[data-status="variant"] { color: #ffb3b3; }
.status[data-status="single-source"] { color: #c9d1d9; font-style: italic; }
`;

interface Line {
  kind: 'claim' | 'quote' | 'attribution';
  title: string;
  detail: string | null;
  status: string | null;
  statusKey: string | null;
}

/** Returns the tooltip lines for one highlighted item (pure: used by the tooltip and tests). */
export function describeItem(
  kind: string,
  id: string,
  analysis: Analysis,
  corroboration: Corroboration | null,
): Line | null {
  if (kind === 'claim') {
    const c = analysis.claims.find((x) => x.id === id);
    if (!c) return null;
    const report = corroboration?.claims.find((r) => r.claimId === id);
    const why = c.reasons.map((r) => REASON_TEXT[r]).filter(Boolean);
    return {
      kind,
      title: 'Check-worthy claim',
      detail: why.length ? `Why: ${why.join(', ')}` : null,
      status: report ? soFar(statusWithCount(report.status, report.agreeingOrigins), corroboration) : null,
      statusKey: report?.status ?? null,
    };
  }
  if (kind === 'quote') {
    const q = analysis.quotes.find((x) => x.id === id);
    if (!q) return null;
    const report = corroboration?.quotes.find((r) => r.quoteId === id);
    return {
      kind,
      title: 'Direct quote',
      detail: q.speaker ? `Speaker: ${q.speaker}` : 'Speaker not named nearby',
      status: report ? soFar(QUOTE_STATUS_TEXT[report.status], corroboration) : null,
      statusKey: report?.status ?? null,
    };
  }
  if (kind === 'attribution') {
    const a = analysis.attributions.find((x) => x.id === id);
    if (!a) return null;
    return { kind, title: 'Vague attribution', detail: a.reason, status: null, statusKey: null };
  }
  return null;
}

/** A status from a partial comparison (the library is still being read) says so. */
function soFar(status: string, c: Corroboration | null): string {
  return c?.libraryPending ? `${status} (so far: your library is still being read)` : status;
}

function statusWithCount(status: ClaimStatus, origins: number): string {
  if (status === 'corroborated' && origins > 0) {
    return `Corroborated by ${origins} independent source${origins === 1 ? '' : 's'} in your library`;
  }
  return CLAIM_STATUS_TEXT[status];
}

export interface TooltipData {
  analysis: Analysis;
  corroboration: Corroboration | null;
}

/** Owns the tooltip host and its listeners; destroy() removes both. */
export class Tooltip {
  private doc: Document;
  private host: HTMLElement;
  private root: ShadowRoot;
  private box: HTMLElement;
  private controller = new AbortController();
  private current: Element | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private getData: () => TooltipData | null;
  private showInList: ((itemId: string) => Promise<boolean>) | null;

  /**
   * `showInList` backs the "Show in Sourcemark list" link: it asks the background to open the
   * popup on the item and resolves false where the browser does not let it open the popup then.
   */
  constructor(doc: Document, getData: () => TooltipData | null, showInList?: (itemId: string) => Promise<boolean>) {
    this.doc = doc;
    this.getData = getData;
    this.showInList = showInList ?? null;
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.box = doc.createElement('div');
    this.box.className = 'tip';
    this.box.setAttribute('role', 'tooltip');
    if (this.showInList) {
      // With a link inside, the pointer may move onto the tooltip without it closing.
      this.box.classList.add('linked');
      this.box.addEventListener('mouseenter', () => this.cancelHide());
      this.box.addEventListener('mouseleave', () => this.scheduleHide());
    }
    this.root.append(style, this.box);
    doc.documentElement.appendChild(this.host);

    const signal = this.controller.signal;
    const opts = { capture: true, passive: true, signal } as AddEventListenerOptions;
    doc.addEventListener('mouseover', (e) => this.onEnter(e.target), opts);
    doc.addEventListener('focusin', (e) => this.onEnter(e.target), opts);
    doc.addEventListener('mouseout', (e) => this.onLeave((e as MouseEvent).relatedTarget), opts);
    doc.addEventListener('focusout', () => this.scheduleHide(), opts);
    doc.addEventListener('scroll', () => this.hide(), opts);
    doc.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Escape') this.hide(); }, opts);
  }

  /** The shadow root, for tests (the page cannot reach it: the root is closed). */
  get shadow(): ShadowRoot {
    return this.root;
  }

  private markFrom(target: EventTarget | null): Element | null {
    const el = target as Element | null;
    if (!el || typeof el.closest !== 'function') return null;
    const mark = el.closest(MARK_SELECTOR);
    if (mark) return mark;
    // Focus on a link that holds a mark.
    return typeof el.querySelector === 'function' ? el.querySelector(MARK_SELECTOR) : null;
  }

  private onEnter(target: EventTarget | null): void {
    const mark = this.markFrom(target);
    if (!mark) return;
    this.cancelHide();
    if (mark !== this.current) this.show(mark);
  }

  private onLeave(related: EventTarget | null): void {
    if (!this.current) return;
    const to = this.markFrom(related);
    if (to) return; // moving between marks: onEnter handles it
    this.scheduleHide();
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), 120);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  /** Returns nothing; shows the tooltip for a mark (and the marks it is nested in). */
  show(mark: Element): void {
    const data = this.getData();
    if (!data) return;
    const lines: { line: Line; id: string }[] = [];
    for (let m: Element | null = mark; m; m = m.parentElement?.closest(MARK_SELECTOR) ?? null) {
      const id = m.getAttribute('data-sourcemark-id') ?? '';
      const line = describeItem(m.getAttribute('data-sourcemark-kind') ?? '', id, data.analysis, data.corroboration);
      if (line) lines.push({ line, id });
    }
    if (!lines.length) return;
    this.box.replaceChildren(...lines.map(({ line, id }) => this.renderLine(line, id)));
    if (typeof __E2E__ !== 'undefined' && __E2E__) {
      // Test builds only: what the closed root shows, for the end-to-end tests to read.
      this.host.dataset.sourcemarkTip = JSON.stringify({
        text: this.box.textContent, tags: Array.from(this.box.querySelectorAll('*'), (e) => e.tagName),
      });
    }
    this.current = mark;
    this.position(mark);
    this.box.classList.add('show');
  }

  private renderLine(l: Line, id: string): HTMLElement {
    const d = this.doc;
    const item = d.createElement('div');
    item.className = 'item';
    const kind = d.createElement('div');
    kind.className = 'kind';
    kind.dataset.kind = l.kind;
    kind.textContent = l.title;
    item.append(kind);
    if (l.detail) {
      const det = d.createElement('div');
      det.className = 'detail';
      det.textContent = l.detail;
      item.append(det);
    }
    if (l.status) {
      const st = d.createElement('div');
      st.className = 'status';
      if (l.statusKey) st.dataset.status = l.statusKey;
      st.textContent = l.status;
      item.append(st);
    }
    if (this.showInList) item.append(this.linkTo(id));
    return item;
  }

  /** The link back to the item in the popup; where the popup can't be opened, it says where to click. */
  private linkTo(id: string): HTMLElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.className = 'show-in-list';
    b.dataset.sourcemarkShow = id;
    b.textContent = 'Show in Sourcemark list';
    const show = this.showInList!;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      void show(id).then((opened) => {
        if (opened) { this.hide(); return; }
        b.dataset.state = 'toolbar';
        b.textContent = 'Now click the Sourcemark button in the toolbar: the item is selected there.';
      }, () => {});
    });
    return b;
  }

  private position(mark: Element): void {
    const win = this.doc.defaultView;
    const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const box = this.box.getBoundingClientRect();
    const w = box.width || 300;
    const h = box.height || 60;
    let left = Math.min(Math.max(8, rect.left), Math.max(8, vw - w - 8));
    let top = rect.bottom + 6;
    if (top + h > vh - 8 && rect.top - h - 6 >= 8) top = rect.top - h - 6;
    left = Math.round(left);
    top = Math.round(top);
    this.box.style.transform = `translate(${left}px, ${top}px)`;
  }

  /** Returns nothing; hides the tooltip. */
  hide(): void {
    this.cancelHide();
    this.current = null;
    this.box.classList.remove('show');
  }

  /** Returns nothing; re-renders the open tooltip after statuses changed. */
  refresh(): void {
    const m = this.current;
    if (m && m.isConnected) {
      this.current = null;
      this.show(m);
    }
  }

  /** Returns nothing; removes the host and every listener. */
  destroy(): void {
    this.cancelHide();
    this.controller.abort();
    this.host.remove();
    this.current = null;
  }
}
