/**
 * The toolbar badge: the number of claims on the page, coloured by the worst claim status
 * (contradicted, then mixed, then single source, then corroborated); "off" where the reader
 * switched Sourcemark off for the site. Colours are the popup's status colours, white text on
 * each passes WCAG AA for the badge's bold small text.
 */
import type { TabReply } from '../shared/messages.js';
import type { ClaimStatus } from '../shared/model.js';

export const BADGE_COLOURS: Record<ClaimStatus | 'off', string> = {
  contradicted: '#b42318',
  mixed: '#9a5b00',
  'single-source': '#4b5563',
  corroborated: '#1a7f37',
  off: '#5a6472',
};

const WORST_FIRST: ClaimStatus[] = ['contradicted', 'mixed', 'single-source', 'corroborated'];

export interface Badge {
  text: string;
  colour: string;
  /** The toolbar button's title, for screen readers and hover. */
  title: string;
}

/** Returns the badge for a tab's reply (no badge for pages without an article). */
export function badgeFor(reply: TabReply | null): Badge {
  const none: Badge = { text: '', colour: BADGE_COLOURS['single-source'], title: 'Sourcemark' };
  if (!reply || 'notArticle' in reply) return none;
  if ('siteOff' in reply) {
    const how = reply.siteOff.mode === 'paused' ? 'paused' : 'off';
    return { text: 'off', colour: BADGE_COLOURS.off, title: `Sourcemark: ${how} on ${reply.siteOff.site}` };
  }
  const claims = reply.analysis.claims;
  if (claims.length === 0) return { ...none, title: 'Sourcemark: no check-worthy claims on this page' };
  const status = new Map(reply.corroboration.claims.map((c) => [c.claimId, c.status]));
  const present = new Set(claims.map((c) => status.get(c.id) ?? 'single-source'));
  const worst = WORST_FIRST.find((s) => present.has(s)) ?? 'single-source';
  const word = worst === 'single-source' ? 'single source' : worst;
  return {
    text: claims.length > 999 ? '999+' : String(claims.length),
    colour: BADGE_COLOURS[worst],
    title: `Sourcemark: ${claims.length} claim${claims.length === 1 ? '' : 's'} on this page, at worst ${word}`,
  };
}

/** The subset of browser.action used here. */
export interface ActionLike {
  setBadgeText(d: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(d: { tabId: number; color: string }): Promise<void>;
  setTitle(d: { tabId: number; title: string }): Promise<void>;
}

/** Shows the badge on the tab; a tab that closed meanwhile is not an error. */
export async function showBadge(action: ActionLike, tabId: number, reply: TabReply | null): Promise<void> {
  const b = badgeFor(reply);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: b.text }),
      action.setBadgeBackgroundColor({ tabId, color: b.colour }),
      action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
      action.setTitle({ tabId, title: b.title }),
    ]);
  } catch (e) {
    if (!/no tab|invalid tab/i.test(String(e))) console.warn('Sourcemark: badge not updated', e);
  }
}
