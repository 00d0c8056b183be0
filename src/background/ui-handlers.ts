/**
 * The handlers behind the per-site switches, the selection lookup and the tooltip's "show in
 * list". They join the tables in handlers.ts; everything comes in through `Services`.
 */
import type { ContentToBackground, Handlers, PopupToBackground, SiteEntry } from '../shared/messages.js';
import { fail, ok } from '../shared/result.js';
import type { ContentCtx, PopupCtx, Services } from './handlers.js';
import { lookup } from './lookup.js';

type UiPopupNames = 'site/list' | 'site/set' | 'library/lookup';

const noUi = () => fail<never>('internal', 'Site settings are not available here.');

/** Returns a site-off reply's words, e.g. "Sourcemark is paused on example.com until the browser restarts." */
export function siteOffMessage(e: SiteEntry): string {
  return e.mode === 'paused'
    ? `Sourcemark is paused on ${e.site} until the browser restarts.`
    : `Sourcemark is off on ${e.site}.`;
}

/** Returns nothing; switches the tab's highlights to follow the site's new mode. */
async function applyToTab(s: Services, tabId: number, site: string, on: boolean): Promise<void> {
  const ui = s.ui!;
  const page = await s.toTab(tabId, 'page/state', {});
  if (!page.ok || page.value.state !== 'article') return;
  const url = page.value.article.url;
  const entry = await ui.sites.entryFor(url);
  if (on && entry) return; // still off under another rule
  if (!on && !entry) return;
  // The page's own switch is left as it was for "off": the site rule is checked first anyway, and
  // a page switched on again from the library page must not come back with its switch off.
  if (!on) await ui.reports.put(tabId, { siteOff: entry! });
  else await s.tabs.update(tabId, { enabled: true });
  // On: the content script reads the page again and asks 'page/analyze', which now succeeds.
  const r = await s.toTab(tabId, 'highlights/set-enabled', { enabled: on });
  if (!r.ok) console.warn(`Sourcemark: ${site}: the page did not follow the site switch`, r.error);
}

export const uiPopupHandlers = {
  async 'site/list'(_args, { services: s }) {
    if (!s.ui) return noUi();
    return ok({ sites: await s.ui.sites.list() });
  },
  async 'site/set'({ site, mode, tabId }, { services: s }) {
    if (!s.ui) return noUi();
    let sites: SiteEntry[];
    try {
      sites = await s.ui.sites.set(site, mode);
    } catch (e) {
      return fail('storage', `The setting for ${site} could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (tabId !== undefined) await applyToTab(s, tabId, site, mode === 'on');
    return ok({ sites });
  },
  async 'library/lookup'({ text, tabId }, { services: s }) {
    const lib = await s.ready;
    const known = tabId !== undefined ? await s.tabs.get(tabId) : undefined;
    let own;
    try {
      own = known ? await lib.store.get(known.articleId) : undefined;
    } catch {
      own = undefined; // unreadable: look up without leaving the page's own article out by id
    }
    return ok(lookup(lib.library, text, own));
  },
} satisfies Handlers<Pick<PopupToBackground, UiPopupNames>, PopupCtx>;

export const uiContentHandlers = {
  async 'item/show'({ itemId }, { services: s, tabId }) {
    if (!s.ui) return noUi();
    await s.ui.handoff(tabId, { kind: 'focus', itemId, at: s.now() });
    return ok({ opened: await s.ui.openPopup() });
  },
} satisfies Handlers<Pick<ContentToBackground, 'item/show'>, ContentCtx>;
