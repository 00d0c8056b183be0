/**
 * Renders a long list in two steps: the first screen of items in the first frame, the rest in the
 * frame after (a popup of 60 items otherwise spends its first frame building rows nobody sees yet).
 */
import { useEffect, useState } from 'preact/hooks';

/** Items in the first step: about what a 600 px popup shows at once. */
export const FIRST_SCREEN = 8;

/** Returns how many items to render now: FIRST_SCREEN until `active` content has painted once, then all. */
export function useProgressive(active: boolean): number {
  const [limit, setLimit] = useState(FIRST_SCREEN);
  useEffect(() => {
    if (!active || limit === Infinity) return;
    // useEffect already runs after a paint; one more task lets that paint happen before the rest.
    const t = setTimeout(() => setLimit(Infinity), 0);
    return () => clearTimeout(t);
  }, [active, limit]);
  return limit;
}
