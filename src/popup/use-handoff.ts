/**
 * What the tooltip or the context menu handed to this popup: an item to focus (the tooltip's
 * "show in list") or a selection to look up. Hand-offs are not consumed on read (an invisible
 * popup opened by the browser must not steal one from a visible one); they expire after a minute,
 * a new one replaces the old, and closing the lookup forgets it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Handoff } from '../shared/handoff.js';
import { clearHandoff, readHandoff, type Preload } from './preload.js';

/** Returns the tab's hand-off and a way to dismiss it. */
export function useHandoff(tabId: number, first?: Preload): { handoff: Handoff | null; dismiss(): void } {
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  useEffect(() => {
    let live = true;
    void (first?.tabId === tabId ? first.handoff : readHandoff(tabId)).then((h) => { if (live) setHandoff(h); });
    return () => { live = false; };
  }, [tabId]);
  return {
    handoff,
    dismiss: () => {
      setHandoff(null);
      void clearHandoff(tabId);
    },
  };
}

/**
 * Focuses the handed-off item once the full list is shown: scrolled into view, its details open,
 * marked for a moment. Returns nothing.
 */
export function useFocusItem(root: () => HTMLElement | null, itemId: string | null, ready: boolean): void {
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (!ready || !itemId || done === itemId) return;
    const el = root()?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
    if (!el) return;
    setDone(itemId);
    for (const d of el.querySelectorAll('details')) d.open = true;
    el.classList.add('item-handed-off');
    el.querySelector<HTMLElement>('.item-main')?.focus();
    el.scrollIntoView?.({ block: 'center' });
  }, [ready, itemId]);
}
