/**
 * Trains the stance model on Emergent's training split only (never the test split the eval
 * reports) and writes the weights JSON. Deterministic: same data, same file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEmergent, trainOn } from '../eval/stance.js';

/** Writes the trained model to outFile; returns the number of training rows, or null when the data is absent. */
export async function trainStance(dataDir: string, outFile: string): Promise<number | null> {
  const rows = loadEmergent(path.join(dataDir, 'emergent', 'url-versions-2015-06-14-clean-train.csv'));
  if (!rows) return null;
  const model = trainOn(rows);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(model) + '\n');
  return rows.length;
}
