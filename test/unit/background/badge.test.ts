import { describe, expect, it, vi } from 'vitest';
import { BADGE_COLOURS, badgeFor, showBadge } from '../../../src/background/badge.js';
import { fakeReport } from '../popup/fake-report.js';

/** Returns WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('badgeFor', () => {
  it('counts the claims and takes the worst status', () => {
    const r = fakeReport(); // contradicted, mixed, single source
    expect(badgeFor(r)).toEqual({ text: '3', colour: BADGE_COLOURS.contradicted, title: 'Sourcemark: 3 claims on this page, at worst contradicted' });
    const mixed = fakeReport();
    mixed.corroboration.claims = mixed.corroboration.claims.filter((c) => c.status !== 'contradicted');
    expect(badgeFor(mixed).colour).toBe(BADGE_COLOURS.mixed);
    const corroborated = fakeReport();
    corroborated.corroboration.claims = corroborated.analysis.claims.map((c) => ({ claimId: c.id, status: 'corroborated' as const, agreeingOrigins: 1, evidence: [] }));
    expect(badgeFor(corroborated)).toMatchObject({ text: '3', colour: BADGE_COLOURS.corroborated });
    // A claim without a report counts as single source, which is worse than corroborated.
    corroborated.corroboration.claims.pop();
    expect(badgeFor(corroborated).colour).toBe(BADGE_COLOURS['single-source']);
  });

  it('shows nothing without claims or article, and "off" on a site switched off', () => {
    const none = fakeReport();
    none.analysis.claims = [];
    expect(badgeFor(none).text).toBe('');
    expect(badgeFor({ notArticle: 'no article' }).text).toBe('');
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor({ siteOff: { site: 'a.example', mode: 'paused', since: 1 } })).toMatchObject({ text: 'off', title: 'Sourcemark: paused on a.example' });
  });

  it('white text is readable on every badge colour (WCAG AA, 4.5:1)', () => {
    for (const c of Object.values(BADGE_COLOURS)) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('showBadge sets text, colour and title on the tab and survives a closed tab', async () => {
    const action = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setBadgeTextColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
    await showBadge(action, 7, fakeReport());
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '3' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 7, color: BADGE_COLOURS.contradicted });
    action.setBadgeText.mockRejectedValueOnce(new Error('No tab with id: 7.'));
    await expect(showBadge(action, 7, null)).resolves.toBeUndefined();
  });
});
