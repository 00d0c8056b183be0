/**
 * The context-menu entry on a selection, "Where else is this reported?": the selection is handed
 * to the popup, which shows its matches in the library. The popup opens from the click (a user
 * action, which both browsers accept for action.openPopup); where it cannot, the same view opens
 * in a tab.
 */
import type { Handoff } from '../shared/handoff.js';
import { MAX_LOOKUP_CHARS } from './lookup.js';

export const LOOKUP_MENU_ID = 'sourcemark-lookup';
export const LOOKUP_MENU_TITLE = 'Where else is this reported?';

/** The subset of browser.contextMenus used here. */
export interface MenusLike {
  removeAll(): Promise<void>;
  create(p: { id: string; title: string; contexts: ['selection'] }, cb?: () => void): unknown;
}

/** Returns nothing; (re)creates the entry. Menus persist across worker restarts, so this runs on install and startup. */
export async function registerMenus(menus: MenusLike): Promise<void> {
  await menus.removeAll();
  menus.create({ id: LOOKUP_MENU_ID, title: LOOKUP_MENU_TITLE, contexts: ['selection'] }, () => {
    // Reading lastError keeps Chrome from logging "Unchecked runtime.lastError" for a duplicate id.
    void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
  });
}

export interface MenuClickDeps {
  handoff(tabId: number, h: Handoff): Promise<void>;
  /** Opens the toolbar popup; false when refused. Must be called before any await (Firefox). */
  openPopup(): Promise<boolean>;
  /** Opens the popup page for the tab in a new tab, for when the popup cannot open. */
  openPopupTab(tabId: number): Promise<void>;
  now(): number;
}

/**
 * Handles a click on the entry. Synchronous up to openPopup(): Firefox accepts openPopup only
 * while the user action is being handled, so nothing is awaited before it.
 */
export function onMenuClick(
  info: { menuItemId: string | number; selectionText?: string },
  tab: { id?: number } | undefined,
  deps: MenuClickDeps,
): Promise<void> | undefined {
  if (info.menuItemId !== LOOKUP_MENU_ID) return undefined;
  const text = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_CHARS);
  const tabId = tab?.id;
  if (!text || tabId === undefined || tabId < 0) return undefined;
  const stored = deps.handoff(tabId, { kind: 'lookup', text, at: deps.now() });
  const opened = deps.openPopup();
  return (async () => {
    await stored;
    if (!(await opened)) await deps.openPopupTab(tabId);
  })().catch((e: unknown) => console.warn('Sourcemark: lookup not shown', e));
}
