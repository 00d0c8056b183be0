/**
 * How the content script gives the page its main thread back between slices of work. Every
 * task of ours stays short (a few ms); the page's input, rendering and scripts run in between.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | null = null;
/** How often, at least, a yield goes through a timer (see yieldToPage). */
const TIMER_EVERY_MS = 50;
let lastTimerYield = 0;
const waiting: (() => void)[] = [];

/**
 * Returns after the page had a chance to run: `scheduler.yield()` where the browser has it (the
 * continuation goes ahead of other queued tasks, so our work still finishes promptly), else a
 * message-channel task (unlike setTimeout(0), not clamped to 4 ms when nested).
 */
export function yieldToPage(): Promise<void> {
  // scheduler.yield() and message-channel tasks run ahead of the page's timers: slice after slice
  // of ours would keep its setTimeout/setInterval callbacks waiting (measured: a 20 ms heartbeat
  // stalled for 450 ms on a 10,000-paragraph page while no single task was long). So every
  // TIMER_EVERY_MS we yield through a timer, which queues behind the page's own.
  const now = Date.now();
  if (now - lastTimerYield >= TIMER_EVERY_MS) {
    lastTimerYield = now;
    return new Promise((r) => setTimeout(r, 0));
  }
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield.call(s);
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Returns when the page is idle, or after `timeoutMs` at most: for work that may wait. */
export function whenIdle(timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
      .requestIdleCallback;
    if (ric) ric(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** Returns the generator's result, running it to the end now. */
export function runAll<T>(gen: Generator<void, T, void>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * Returns the generator's result, running it in tasks of at most about `budgetMs` (one step may
 * overrun); undefined when aborted. Bench and E2E builds measure each task as `measure` (the
 * hostile-input suite asserts their length).
 */
export async function runSliced<T>(
  gen: Generator<void, T, void>, budgetMs: number, yieldFn: () => Promise<void>, signal?: { readonly aborted: boolean }, measure?: string,
): Promise<T | undefined> {
  let start = performance.now();
  try {
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
      if (performance.now() - start > budgetMs) {
        if ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) performance.measure(measure ?? 'sm:slice', { start });
        await yieldFn();
        start = performance.now();
        if (signal?.aborted) return undefined;
      }
    }
  } finally {
    if ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) performance.measure(measure ?? 'sm:slice', { start });
    gen.return(undefined as T);
  }
}

/**
 * Returns nothing; bench and E2E builds measure the synchronous work since `start` as one task of
 * ours ('sm:task'), for the stretches between two awaits that are not a slice of `runSliced`.
 */
export function endTask(start: number): void {
  if ((typeof __BENCH__ !== 'undefined' && __BENCH__) || (typeof __E2E__ !== 'undefined' && __E2E__)) performance.measure('sm:task', { start });
}

/** Bench builds: wraps a generator and measures only the time spent inside it as `name`. */
export function* timed<T>(name: string, gen: Generator<void, T, void>): Generator<void, T, void> {
  let busy = 0;
  let first = -1;
  for (;;) {
    const t = performance.now();
    if (first < 0) first = t;
    const r = gen.next();
    busy += performance.now() - t;
    if (r.done) {
      performance.measure(name, { start: first, duration: busy });
      return r.value;
    }
    yield;
  }
}
