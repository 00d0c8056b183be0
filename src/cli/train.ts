/**
 * `npm run train -- [--data DIR]`: retrains the learned parts from ../shared/eval (dev data only)
 * and writes their weights into the source tree, where they are committed. Deterministic: the
 * same data gives the same weights.
 */
import path from 'node:path';
import { trainCheckworthiness } from './train/checkworthiness.js';
import { trainStance } from './train/stance.js';

const i = process.argv.indexOf('--data');
const dataDir = path.resolve(i >= 0 ? process.argv[i + 1]! : path.join('..', 'shared', 'eval'));

const jobs: [string, () => Promise<unknown>][] = [
  ['check-worthiness', () => trainCheckworthiness(dataDir, 'src/analysis/models/checkworthiness.json')],
  ['stance', () => trainStance(dataDir, 'src/corpus/models/stance.json')],
];
for (const [name, job] of jobs) {
  const t0 = performance.now();
  const summary = await job();
  process.stdout.write(`${name}: ${JSON.stringify(summary)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}
