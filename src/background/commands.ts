/**
 * The keyboard shortcut (commands API, manifest "commands"): toggle-highlights turns the
 * highlights of the current tab off or on, exactly as the popup's switch does. The popup itself
 * opens with the browser's own _execute_action shortcut.
 */
import type { PopupToBackground } from '../shared/messages.js';
import type { Result } from '../shared/result.js';
import type { Services } from './handlers.js';

export const TOGGLE_COMMAND = 'toggle-highlights';

export interface CommandDeps {
  services: Services;
  /** The active tab of the focused window, when the browser does not pass the tab. */
  activeTab(): Promise<number | undefined>;
  setEnabled(args: { tabId: number; enabled: boolean }): Promise<Result<ReturnType<PopupToBackground['tab/set-enabled']>>>;
}

/** Returns the new state of the tab's highlights, or null when there was nothing to toggle. */
export async function onCommand(name: string, tab: { id?: number } | undefined, deps: CommandDeps): Promise<boolean | null> {
  if (name !== TOGGLE_COMMAND) return null;
  const tabId = tab?.id ?? await deps.activeTab();
  if (tabId === undefined || tabId < 0) return null;
  const page = await deps.services.toTab(tabId, 'page/state', {});
  if (!page.ok || page.value.state !== 'article') return null;
  // Switched off for the site: the shortcut does not override that (the popup says how to turn it on).
  if (await deps.services.ui?.sites.entryFor(page.value.article.url)) return null;
  const next = !page.value.enabled;
  const r = await deps.setEnabled({ tabId, enabled: next });
  return r.ok && r.value ? next : null;
}
