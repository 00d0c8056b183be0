/**
 * The last reply per tab, two ways:
 * - in memory with the library's generation, so 'tab/report' answers without re-reading the store
 *   or re-corroborating while the page and the library are unchanged (a popup opened twice costs
 *   one page/state round trip, not a full corroboration);
 * - mirrored to storage.session (reportKey), so a popup paints its last state at once, even after
 *   the worker restarted, and refreshes when the background answers.
 * Every reply passes through `put`, which also updates the toolbar badge.
 */
import type { PageReport, TabReply } from '../shared/messages.js';
import { reportKey } from '../shared/handoff.js';
import type { SessionArea } from './tab-state.js';
import type { LibraryLike } from './handlers.js';

interface Memo {
  generation: number;
  url: string;
  text: string;
  reply: TabReply;
}

/** The session mirror keeps this many tabs; older ones are dropped (each holds an article text). */
const MIRRORED_TABS = 12;

export class ReportCache {
  private generation = 0;
  private readonly memo = new Map<number, Memo>();
  /** Tabs mirrored by this worker, oldest first. */
  private readonly mirrored: number[] = [];

  constructor(
    private readonly session: SessionArea | null,
    private readonly onPut: (tabId: number, reply: TabReply) => void | Promise<void> = () => {},
  ) {}

  /** Returns nothing; called on every library change: memoised corroborations are stale now. */
  libraryChanged(): void {
    this.generation++;
  }

  /** Returns the memoised report when it is for this page text and the library has not changed since. */
  reportFor(tabId: number, page: { url: string; text: string }): PageReport | undefined {
    const m = this.memo.get(tabId);
    if (!m || m.generation !== this.generation || m.url !== page.url || m.text !== page.text) return undefined;
    // An answer made while the library was still being read is partial: never reused.
    return 'analysis' in m.reply && !m.reply.corroboration.libraryPending ? m.reply : undefined;
  }

  /** Records the tab's reply (with the page it is for, when it is a report) and shows it. */
  async put(tabId: number, reply: TabReply, page?: { url: string; text: string }): Promise<void> {
    if (page) this.memo.set(tabId, { generation: this.generation, url: page.url, text: page.text, reply });
    else this.memo.delete(tabId);
    await Promise.all([this.mirror(tabId, reply), this.onPut(tabId, reply)]);
  }

  /** Returns nothing; updates the highlight switch in the remembered reply. */
  async setEnabled(tabId: number, enabled: boolean): Promise<void> {
    const m = this.memo.get(tabId);
    if (!m || !('analysis' in m.reply)) return;
    m.reply = { ...m.reply, enabled };
    await this.mirror(tabId, m.reply);
  }

  /** Returns nothing; forgets a closed tab. */
  async drop(tabId: number): Promise<void> {
    this.memo.delete(tabId);
    const i = this.mirrored.indexOf(tabId);
    if (i >= 0) this.mirrored.splice(i, 1);
    await this.session?.remove(reportKey(tabId)).catch(() => {});
  }

  private async mirror(tabId: number, reply: TabReply): Promise<void> {
    if (!this.session) return;
    const i = this.mirrored.indexOf(tabId);
    if (i >= 0) this.mirrored.splice(i, 1);
    this.mirrored.push(tabId);
    while (this.mirrored.length > MIRRORED_TABS) {
      const old = this.mirrored.shift()!;
      await this.session.remove(reportKey(old)).catch(() => {});
    }
    try {
      await this.session.set({ [reportKey(tabId)]: reply });
    } catch (e) {
      // Quota (10 MB in Chrome) or a refusing area: the popup then simply waits for the background.
      console.warn('Sourcemark: the popup cache was not written', e);
      await this.session.remove(reportKey(tabId)).catch(() => {});
    }
  }
}

/** Returns the library with every change reported to `changed` (upsert and remove, failed or not). */
export function notifyingLibrary<L extends LibraryLike>(library: L, changed: () => void): LibraryLike {
  return {
    get size() { return library.size; },
    async upsert(record) {
      try {
        return await library.upsert(record);
      } finally {
        changed();
      }
    },
    async remove(id) {
      try {
        return await library.remove(id);
      } finally {
        changed();
      }
    },
    corroborate: (record) => library.corroborate(record),
  };
}
