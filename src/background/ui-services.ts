/**
 * What the background's reader-facing extras need (per-site switches, the popup's report cache
 * and badge, hand-offs to the popup, opening the popup), behind one interface so the handler
 * tables run in Node tests with fakes.
 */
import type { Handoff } from '../shared/handoff.js';
import type { ReportCache } from './report-cache.js';
import type { SiteSettings } from './site-settings.js';

export interface UiServices {
  sites: SiteSettings;
  reports: ReportCache;
  /** Leaves a hand-off for the tab's popup (storage.session). */
  handoff(tabId: number, h: Handoff): Promise<void>;
  /**
   * Opens the toolbar popup; false where the browser refuses (Firefox allows it only inside a
   * user action such as a menu click or a shortcut, not after a message from a page).
   */
  openPopup(): Promise<boolean>;
}
