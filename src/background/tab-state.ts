/**
 * What the background remembers per tab: which article it shows and whether highlights are on.
 * Kept in storage.session so it survives service-worker restarts (the worker is stopped after
 * ~30 s idle in Chrome); falls back to memory where storage.session is missing or refuses
 * (Firefox before 115, or content-script-only access levels).
 */
export interface TabState {
  articleId: string;
  enabled: boolean;
  incognito: boolean;
  /** The last storage failure for this tab's article, shown by the popup. */
  storageWarning: string | null;
}

/** The subset of a browser storage area this module uses (browser.storage.session). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `tab:${tabId}`;

const isTabState = (v: unknown): v is TabState => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.articleId === 'string' && typeof s.enabled === 'boolean'
    && typeof s.incognito === 'boolean' && (s.storageWarning === null || typeof s.storageWarning === 'string');
};

export class TabStates {
  private readonly memory = new Map<number, TabState>();
  private warned = false;

  constructor(private readonly area: SessionArea | null) {}

  private fallback(e: unknown): void {
    if (!this.warned) console.warn('Sourcemark: storage.session failed, keeping tab state in memory', e);
    this.warned = true;
  }

  /** Returns the tab's state, or undefined when the background knows nothing about the tab. */
  async get(tabId: number): Promise<TabState | undefined> {
    if (this.area) {
      try {
        const v = (await this.area.get(key(tabId)))[key(tabId)];
        if (isTabState(v)) return v;
      } catch (e) {
        this.fallback(e);
      }
    }
    return this.memory.get(tabId);
  }

  async set(tabId: number, state: TabState): Promise<void> {
    this.memory.set(tabId, state);
    if (!this.area) return;
    try {
      await this.area.set({ [key(tabId)]: state });
    } catch (e) {
      this.fallback(e);
    }
  }

  /** Updates some fields of a known tab; returns the new state, or undefined for an unknown tab. */
  async update(tabId: number, patch: Partial<TabState>): Promise<TabState | undefined> {
    const old = await this.get(tabId);
    if (!old) return undefined;
    const next = { ...old, ...patch };
    await this.set(tabId, next);
    return next;
  }

  async delete(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    if (!this.area) return;
    try {
      await this.area.remove(key(tabId));
    } catch (e) {
      this.fallback(e);
    }
  }
}
