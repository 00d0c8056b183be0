/**
 * Arrow keys through the popup's items: Up/Down move to the previous/next item, Home/End to the
 * first/last, from the item's button or any control inside the item. Tab still reaches every
 * control in order; Enter (or Space) on an item's button shows it in the page.
 */

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/** A keydown handler for the list's container; moves focus between `.item-main` buttons. */
export function moveFocus(e: KeyboardEvent): void {
  if (!KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const target = e.target as HTMLElement | null;
  // Arrows keep their meaning in fields, lists and menus.
  if (!target || target.closest('input, select, textarea, [role="listbox"], [role="menu"]')) return;
  const item = target.closest('[data-sourcemark-item]');
  const container = e.currentTarget as HTMLElement | null;
  if (!item || !container) return;
  const all = [...container.querySelectorAll<HTMLElement>('[data-sourcemark-item] .item-main')];
  const i = all.findIndex((b) => item.contains(b));
  if (i < 0 || !all.length) return;
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1
    : Math.min(all.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
  e.preventDefault();
  all[next]!.focus();
  all[next]!.scrollIntoView?.({ block: 'nearest' });
}
