/**
 * Origin eval on PolNeAR: is the article a copy of a wire story (metadata `wire` column: AP,
 * Reuters, AFP, UPI...)? Predicted from the text alone (wire credit lines and datelines via
 * detectWire, no byline) or from sharing an origin with another article in the library
 * (near-copy MinHash). Bylines are left out on purpose: PolNeAR's `author` column often is the
 * wire name, which would make the task trivial.
 */
import { loadPolnear } from './polnear.js';
import { detectWire } from '../../corpus/normalize.js';
import { OriginIndex } from '../../corpus/origin.js';

export interface OriginEval {
  wire_f1: number;
  precision: number;
  recall: number;
  n_articles: number;
}

/** Returns precision / recall / F1 of "a wire copy" over PolNeAR, or null when the data is absent. */
export async function evalOrigin(dataDir: string): Promise<OriginEval | null> {
  const arts = loadPolnear(dataDir);
  if (!arts) return null;
  const origins = new OriginIndex();
  const wires = arts.map((a) => detectWire(null, a.title + '.\n\n' + a.text, a.publisher));
  arts.forEach((a, i) => origins.add(a.filename, a.text, wires[i]!, a.publisher));
  let tp = 0, fp = 0, fn = 0;
  arts.forEach((a, i) => {
    const o = origins.originOf(a.filename)!;
    // A near-copy of a wire-credited article inherits its wire origin; same-outlet revisions do not count.
    const pred = wires[i] !== null || o.startsWith('wire:');
    const gold = a.wire !== null;
    if (pred && gold) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  });
  return scoreF1(tp, fp, fn, arts.length);
}

/** Returns F1, precision and recall from counts (0 when undefined). */
export function scoreF1(tp: number, fp: number, fn: number, n: number): OriginEval {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const wire_f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { wire_f1, precision, recall, n_articles: n };
}
