/** Bench builds only: performance marks on the popup's way to its first items (read by test/bench). */
export function benchMark(name: string): void {
  if (typeof __BENCH__ !== 'undefined' && __BENCH__) performance.mark(`sm:popup:${name}`);
}
