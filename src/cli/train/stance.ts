/**
 * Trains the stance models and writes their weights JSON (deterministic: same data, same files):
 * - outFile: the headline stance model, on Emergent's training split only (never the test split
 *   the eval reports);
 * - stance-body.json next to it: the FNC-1 body-level model (relatedness + agree / disagree /
 *   discuss), on every FNC-1 dev cluster (the eval reports cross-validated figures instead, and
 *   scores this model only on clusters it did not see).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEmergent, trainOn } from '../eval/stance.js';
import { fncInputs, loadFnc, trainBodyModel } from '../eval/fnc.js';

/** Writes the trained models; returns the training row counts, or null when the Emergent data is absent. */
export async function trainStance(dataDir: string, outFile: string): Promise<{ emergent: number; fnc: number } | null> {
  const rows = loadEmergent(path.join(dataDir, 'emergent', 'url-versions-2015-06-14-clean-train.csv'));
  if (!rows) return null;
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(trainOn(rows)) + '\n');
  const fnc = loadFnc(dataDir);
  if (fnc) {
    const inputs = fncInputs(fnc.pairs, fnc.texts);
    const model = trainBodyModel(fnc.pairs.map((p, i) => ({ input: inputs[i]!, stance: p.stance, clusters: fnc.clusterOf(p) })));
    writeFileSync(path.join(path.dirname(outFile), 'stance-body.json'), JSON.stringify(model) + '\n');
  }
  return { emergent: rows.length, fnc: fnc?.pairs.length ?? 0 };
}
