import { describe, expect, it, vi } from 'vitest';
import { LOOKUP_MENU_ID, onMenuClick, registerMenus } from '../../../src/background/menus.js';
import { onCommand, TOGGLE_COMMAND, type CommandDeps } from '../../../src/background/commands.js';
import type { Services } from '../../../src/background/handlers.js';
import { ok } from '../../../src/shared/result.js';
import { article } from './records.js';

describe('the context menu', () => {
  it('registers one entry on selections', async () => {
    const menus = { removeAll: vi.fn(async () => {}), create: vi.fn() };
    await registerMenus(menus);
    expect(menus.create).toHaveBeenCalledWith({ id: LOOKUP_MENU_ID, title: 'Where else is this reported?', contexts: ['selection'] }, expect.any(Function));
    expect(menus.removeAll.mock.invocationCallOrder[0]).toBeLessThan(menus.create.mock.invocationCallOrder[0]!);
  });

  it('hands the selection to the popup and opens it before awaiting anything (Firefox user action)', async () => {
    const order: string[] = [];
    const deps = {
      handoff: vi.fn(async () => { await Promise.resolve(); order.push('stored'); }),
      openPopup: vi.fn(async () => { order.push('open'); return true; }),
      openPopupTab: vi.fn(async () => {}),
      now: () => 9,
    };
    const done = onMenuClick({ menuItemId: LOOKUP_MENU_ID, selectionText: '  Crews   were sent. ' }, { id: 4 }, deps);
    expect(deps.openPopup).toHaveBeenCalledTimes(1); // synchronously, inside the click handler
    await done;
    expect(order).toEqual(['open', 'stored']);
    expect(deps.handoff).toHaveBeenCalledWith(4, { kind: 'lookup', text: 'Crews were sent.', at: 9 });
    expect(deps.openPopupTab).not.toHaveBeenCalled();
  });

  it('opens the same view in a tab when the popup cannot open; ignores other menus and empty selections', async () => {
    const deps = { handoff: vi.fn(async () => {}), openPopup: vi.fn(async () => false), openPopupTab: vi.fn(async () => {}), now: () => 1 };
    await onMenuClick({ menuItemId: LOOKUP_MENU_ID, selectionText: 'x'.repeat(5000) }, { id: 4 }, deps);
    expect(deps.openPopupTab).toHaveBeenCalledWith(4);
    expect((deps.handoff.mock.calls[0] as unknown as [number, { text: string }])[1].text).toHaveLength(2000);
    expect(onMenuClick({ menuItemId: 'other', selectionText: 'a' }, { id: 4 }, deps)).toBeUndefined();
    expect(onMenuClick({ menuItemId: LOOKUP_MENU_ID, selectionText: '  ' }, { id: 4 }, deps)).toBeUndefined();
    expect(onMenuClick({ menuItemId: LOOKUP_MENU_ID, selectionText: 'a' }, undefined, deps)).toBeUndefined();
  });
});

describe('the toggle shortcut', () => {
  const deps = (enabled: boolean, state: 'article' | 'not-article' = 'article', off = false) => {
    const setEnabled = vi.fn(async (a: { tabId: number; enabled: boolean }) => ok(a.enabled === a.enabled));
    const services = {
      toTab: async () => ok(state === 'article' ? { state, article: article('https://news.example/a'), enabled } : { state, reason: 'no' }),
      ui: { sites: { entryFor: async () => (off ? { site: 'news.example', mode: 'off', since: 1 } : null) } },
    } as unknown as Services;
    return { services, activeTab: vi.fn(async () => 8), setEnabled } satisfies CommandDeps;
  };

  it('flips the page\'s highlights, on the tab the browser passes or the active one', async () => {
    const d = deps(true);
    expect(await onCommand(TOGGLE_COMMAND, { id: 3 }, d)).toBe(false);
    expect(d.setEnabled).toHaveBeenCalledWith({ tabId: 3, enabled: false });
    const e = deps(false);
    expect(await onCommand(TOGGLE_COMMAND, undefined, e)).toBe(true);
    expect(e.setEnabled).toHaveBeenCalledWith({ tabId: 8, enabled: true });
  });

  it('does nothing off articles, on sites switched off, or for other commands', async () => {
    for (const d of [deps(true, 'not-article'), deps(true, 'article', true)]) {
      expect(await onCommand(TOGGLE_COMMAND, { id: 3 }, d)).toBeNull();
      expect(d.setEnabled).not.toHaveBeenCalled();
    }
    expect(await onCommand('other', { id: 3 }, deps(true))).toBeNull();
  });
});
