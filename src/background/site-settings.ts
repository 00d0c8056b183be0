/**
 * The per-site switches: "always off on this site" is kept in storage.local (it lasts), "pause on
 * this site" in storage.session (the browser forgets it when it restarts). The background is the
 * only writer, so a copy in memory answers every page load without a storage round trip; it is
 * read once per worker.
 */
import type { SiteEntry, SiteMode } from '../shared/messages.js';
import { siteOf } from './site.js';

/** The subset of a browser storage area used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const OFF_KEY = 'sites:off';
const PAUSED_KEY = 'sites:paused';

/** Returns the stored map of site -> since, dropping anything of the wrong shape. */
function readMap(v: unknown): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [site, since] of Object.entries(v as Record<string, unknown>)) {
    if (typeof since === 'number' && Number.isFinite(since) && site.length > 0 && site.length <= 253) out.set(site, since);
  }
  return out;
}

export class SiteSettings {
  private off = new Map<string, number>();
  private paused = new Map<string, number>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly local: KeyValueArea | null,
    private readonly session: KeyValueArea | null,
    private readonly now: () => number = Date.now,
  ) {}

  private load(): Promise<void> {
    this.loading ??= (async () => {
      const [off, paused] = await Promise.all([
        this.local?.get(OFF_KEY).catch((e: unknown) => { console.warn('Sourcemark: site settings unreadable', e); return {} as Record<string, unknown>; }),
        this.session?.get(PAUSED_KEY).catch((e: unknown) => { console.warn('Sourcemark: paused sites unreadable', e); return {} as Record<string, unknown>; }),
      ]);
      this.off = readMap(off?.[OFF_KEY]);
      this.paused = readMap(paused?.[PAUSED_KEY]);
    })();
    return this.loading;
  }

  /** Returns the entry for the page's site when Sourcemark is off or paused there, else null. */
  async entryFor(url: string): Promise<SiteEntry | null> {
    const site = siteOf(url);
    if (!site) return null;
    await this.load();
    const off = this.off.get(site);
    if (off !== undefined) return { site, mode: 'off', since: off };
    const paused = this.paused.get(site);
    return paused !== undefined ? { site, mode: 'paused', since: paused } : null;
  }

  /** Returns every site that is off or paused, most recent first. */
  async list(): Promise<SiteEntry[]> {
    await this.load();
    const all: SiteEntry[] = [
      ...[...this.off].map(([site, since]) => ({ site, mode: 'off' as const, since })),
      ...[...this.paused].filter(([site]) => !this.off.has(site)).map(([site, since]) => ({ site, mode: 'paused' as const, since })),
    ];
    return all.sort((a, b) => b.since - a.since || (a.site < b.site ? -1 : 1));
  }

  /** Switches the site; throws when the setting could not be stored (memory keeps the old one). */
  async set(site: string, mode: SiteMode): Promise<SiteEntry[]> {
    await this.load();
    const off = new Map(this.off);
    const paused = new Map(this.paused);
    off.delete(site);
    paused.delete(site);
    if (mode === 'off') off.set(site, this.now());
    if (mode === 'paused') paused.set(site, this.now());
    // Store first: a failed write must not leave memory saying something the storage does not.
    if (this.local) await this.local.set({ [OFF_KEY]: Object.fromEntries(off) });
    if (this.session) await this.session.set({ [PAUSED_KEY]: Object.fromEntries(paused) });
    this.off = off;
    this.paused = paused;
    return this.list();
  }
}
