// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { commands: { getAll: async () => [] }, runtime: { openOptionsPage: async () => {} } } }));
const { MARK_CSS } = await import('../../../src/content/highlight.js');
const { showShortcuts } = await import('../../../src/onboarding/index.js');

/** Returns kind -> the colour declarations of that kind's mark rule. */
function colours(css: string, selector: (kind: string) => RegExp): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const kind of ['claim', 'quote', 'attribution']) {
    const rule = css.match(selector(kind))?.[1] ?? '';
    out[kind] = [...rule.matchAll(/(background-color|text-decoration-color|text-decoration-style)\s*:\s*([^;]+);/g)].map((m) => `${m[1]}: ${m[2]!.trim()}`).sort();
  }
  return out;
}

describe('the first-run page', () => {
  it('its sample marks look like the page highlights (same colours as MARK_CSS)', () => {
    const page = readFileSync('extension/onboarding.css', 'utf8');
    const marks = colours(MARK_CSS, (k) => new RegExp(`\\[data-sourcemark-kind="${k}"\\]\\s*\\{([^}]*)\\}`));
    const samples = colours(page, (k) => new RegExp(`\\.sample-mark\\[data-kind="${k}"\\]\\s*\\{([^}]*)\\}`));
    expect(marks.claim!.length).toBeGreaterThan(0);
    expect(samples).toEqual(marks);
  });

  it('explains the three colours and that nothing leaves the browser', () => {
    const html = readFileSync('extension/onboarding.html', 'utf8');
    for (const words of ['check-worthy claim', 'direct quote', 'vague or unverified attribution', 'Nothing leaves your browser']) expect(html).toContain(words);
    expect(html).not.toMatch(/<script>(?!<\/script>)|https?:\/\/(?!www\.w3\.org)/); // no inline script, no remote URL
  });

  it('shows the shortcuts the browser assigned, or that none is set', async () => {
    document.body.innerHTML = '<kbd data-shortcut="_execute_action">Alt+Shift+S</kbd><kbd data-shortcut="toggle-highlights">Alt+Shift+H</kbd>';
    await showShortcuts(document, async () => [{ name: '_execute_action', shortcut: 'Ctrl+Shift+U' }, { name: 'toggle-highlights', shortcut: '' }]);
    expect([...document.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Ctrl+Shift+U', 'no shortcut set']);
    await showShortcuts(document, async () => { throw new Error('no commands API'); });
    expect(document.querySelector('kbd')!.textContent).toBe('Ctrl+Shift+U');
  });
});
