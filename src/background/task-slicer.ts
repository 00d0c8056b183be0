/**
 * The Slicer the background (and the eval, which measures the background's way of opening) gives
 * Library.openInSlices: about 25 ms of indexing per task, a macrotask between, so messages are
 * answered in between. Lives outside src/corpus because the core has no clock or timers.
 */
import type { Slicer } from '../corpus/library.js';

export const TASK_SLICER: Slicer = {
  sliceMs: 25,
  now: () => performance.now(),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};
