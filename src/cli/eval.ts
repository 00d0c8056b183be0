/**
 * `npm run eval -- [--data DIR] [--out FILE] [--only a,b]`: runs the project's own code over a
 * folder laid out like ../shared/eval, prints a table and writes the figures as JSON.
 * A dataset that is absent gives null and a line saying so, never a made-up number.
 *
 * Gold rules (also in the README):
 * - quotes: PolNeAR relations whose Content has quotation marks; a prediction matches a gold
 *   quote when they share >= 0.3 (f1_03) / 0.8 (f1_08) of the longer span; each gold matches once.
 * - vague: PolNeAR relations with no source (questions and names aside), or whose Source names
 *   no person or organisation (the exact rule: VAGUE_GOLD_RULE in src/cli/eval/vague.ts, printed
 *   by --help); a highlight counts when it overlaps the gold cue or source span.
 * - hedges: Szeged uncertainty corpus (Wikipedia) <ccue> spans, overlap match.
 * - checkworthy: ClaimBuster Verdict 1 vs rest (F1 of the positive class), CheckThat! 2019 MAP per
 *   transcript, CheckThat! 2021 1a positive-class F1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evalExtraction } from './eval/extraction.js';
import { evalQuotes } from './eval/quotes.js';
import { evalVague, VAGUE_GOLD_RULE } from './eval/vague.js';
import { evalHedges, HEDGES_SCORING } from './eval/hedges.js';
import { evalCheckworthy } from './eval/checkworthy.js';
import { evalSpeed } from './eval/speed.js';
import { evalStance } from './eval/stance.js';
import { evalFnc } from './eval/fnc.js';
import { evalOrigin } from './eval/origin.js';
import { evalLibrary } from './eval/library.js';

type Section = (dataDir: string) => Promise<unknown>;

const SECTIONS: [key: string, what: string, run: Section][] = [
  ['extraction', 'article-extraction-benchmark', evalExtraction],
  ['quotes', 'polnear', evalQuotes],
  ['vague', 'polnear', evalVague],
  ['hedges', 'szeged-wikiweasel', evalHedges],
  ['checkworthy', 'claimbuster, checkthat2019-task1-en, checkthat2021-task1a-en', evalCheckworthy],
  ['speed', 'real-pages', evalSpeed],
  ['stance', 'emergent', evalStance],
  ['fnc', 'fnc-1', evalFnc],
  ['origin', 'polnear', evalOrigin],
  ['library', 'fnc-1, emergent, polnear', evalLibrary],
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : JSON.stringify(v));

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write('usage: npm run eval -- [--data ../shared/eval] [--out eval.json] [--only quotes,vague]\n\n');
    process.stdout.write(`${VAGUE_GOLD_RULE}\n\n${HEDGES_SCORING}\n`);
    return;
  }
  const dataDir = path.resolve(argValue('--data') ?? path.join('..', 'shared', 'eval'));
  const out = argValue('--out');
  const only = argValue('--only')?.split(',');
  const result: Record<string, unknown> = {};
  for (const [key, what, run] of SECTIONS) {
    if (only && !only.includes(key)) continue;
    const t0 = performance.now();
    let value: unknown;
    try {
      value = await run(dataDir);
    } catch (e) {
      process.stdout.write(`${key}: failed: ${(e as Error).stack ?? e}\n`);
      value = null;
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (key === 'speed') {
      result.words_per_second = value ? (value as { words_per_second: number }).words_per_second : null;
    }
    result[key] = value ?? null;
    if (value == null) {
      process.stdout.write(`\n${key}: null (no ${what} data under ${dataDir})\n`);
      continue;
    }
    process.stdout.write(`\n${key} (${what}, ${secs} s)\n`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'object' && v !== null) continue;
      process.stdout.write(`  ${k.padEnd(30)} ${fmt(v)}\n`);
    }
  }
  if (out) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`\nwrote ${out}\n`);
  }
}

await main();
