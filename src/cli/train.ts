/**
 * `npm run train -- [--data DIR]`: retrains the learned parts from ../shared/eval (dev data only)
 * and writes their weights into the source tree, where they are committed. Deterministic: the
 * same data gives the same weights.
 * `npm run train -- --sweep '[{...}, ...]'` writes nothing: it prints the out-of-fold
 * check-worthiness figures (all debates and each half) of each variant of the training settings
 * (see src/cli/train/checkworthiness-sweep.ts).
 * `npm run train -- --clusters` only rebuilds the word classes the check-worthiness features use
 * (src/analysis/models/word-clusters.json; needs a one-off package, see src/cli/train/word-clusters.ts).
 */
import path from 'node:path';
import { trainCheckworthiness } from './train/checkworthiness.js';
import { sweepCheckworthiness } from './train/checkworthiness-sweep.js';
import { trainStance } from './train/stance.js';
import { buildWordClusters } from './train/word-clusters.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = path.resolve(arg('--data') ?? path.join('..', 'shared', 'eval'));
const sweep = arg('--sweep');

if (process.argv.includes('--clusters')) {
  // Only this step: the features module has already loaded the old table, so training must run anew.
  process.stdout.write(`word classes: ${JSON.stringify(buildWordClusters('src/analysis/models/word-clusters.json'))}; now run npm run train\n`);
} else if (sweep !== undefined) {
  for (const r of sweepCheckworthiness(dataDir, JSON.parse(sweep))) {
    const figs = Object.entries(r.figures).map(([k, v]) => `${k}=${v === null ? 'null' : v.toFixed(3)}`).join(' ');
    process.stdout.write(`${JSON.stringify(r.settings)} ${figs}\n`);
  }
} else {
  const jobs: [string, () => Promise<unknown>][] = [
    ['check-worthiness', () => trainCheckworthiness(dataDir, 'src/analysis/models/checkworthiness.json')],
    ['stance', () => trainStance(dataDir, 'src/corpus/models/stance.json')],
  ];
  for (const [name, job] of jobs) {
    const t0 = performance.now();
    const summary = await job();
    process.stdout.write(`${name}: ${JSON.stringify(summary)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
}
