/**
 * Service worker (Chrome) / event page (Firefox) entry. Every listener is registered
 * synchronously here, before any await, so a message that wakes the worker is delivered; work
 * waits on the one `ready` promise inside `services` (the library opened from IndexedDB).
 */
import browser from 'webextension-polyfill';
import { dispatch, popupHandlers } from './handlers.js';
import { createServices } from './services.js';
import { onCommand, type CommandDeps } from './commands.js';
import { onMenuClick, registerMenus, type MenuClickDeps } from './menus.js';
import { handoffKey } from '../shared/handoff.js';

const services = createServices();
const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  // undefined = not ours: the polyfill then leaves the message for another listener.
  dispatch(message, sender, self, services));

browser.tabs.onRemoved.addListener((tabId) => {
  void services.tabs.delete(tabId);
  void services.ui?.reports.drop(tabId);
  void browser.storage.session?.remove(handoffKey(tabId)).catch(() => {});
});

const menuDeps: MenuClickDeps = {
  handoff: (tabId, h) => services.ui!.handoff(tabId, h),
  // Called synchronously inside the click handler: Firefox requires it (a "user action").
  openPopup: () => browser.action.openPopup().then(() => true, () => false),
  openPopupTab: async (tabId) => { await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${tabId}`) }); },
  now: () => Date.now(),
};
// Optional chaining: a browser without the API (Firefox for Android) must still get the listeners above.
browser.contextMenus?.onClicked.addListener((info, tab) => { void onMenuClick(info, tab, menuDeps); });

const commandDeps: CommandDeps = {
  services,
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  setEnabled: (args) => popupHandlers['tab/set-enabled'](args, { services }),
};
browser.commands?.onCommand.addListener((name, tab) => { void onCommand(name, tab, commandDeps).catch((e: unknown) => console.warn('Sourcemark: shortcut failed', e)); });

browser.runtime.onInstalled.addListener(({ reason }) => {
  if (browser.contextMenus) void registerMenus(browser.contextMenus).catch((e: unknown) => console.warn('Sourcemark: context menu not created', e));
  // The first-run page: the three colours, and that nothing leaves the browser.
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('onboarding.html') });
});
browser.runtime.onStartup.addListener(() => {
  if (browser.contextMenus) void registerMenus(browser.contextMenus).catch((e: unknown) => console.warn('Sourcemark: context menu not created', e));
});

if (__E2E__) {
  // Test builds only: the browser's own menu and shortcut UI can't be driven headless, so the
  // Chromium suite calls the same handlers the browser would (test/e2e/ui-*.test.ts).
  (globalThis as { sourcemarkE2E?: unknown }).sourcemarkE2E = {
    menuClick: (info: { menuItemId: string; selectionText: string }, tab: { id: number }) => onMenuClick(info, tab, menuDeps),
    command: (name: string, tab: { id: number }) => onCommand(name, tab, commandDeps),
  };
}
