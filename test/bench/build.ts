/**
 * Builds the extension for the bench with build.mjs itself (same options as every build), into a
 * temporary folder of its own, because a plain build empties dist/ and other suites may be reading
 * it at the same time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchBuild {
  /** The chrome build inside `root`. */
  dir: string;
  /** The temporary folder holding both browsers' builds: remove this one. */
  root: string;
  /** Bundle name (content.js, ...) -> bytes. */
  files: Record<string, Uint8Array>;
}

/** The bench build's blank extension page (see buildChrome). */
export const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="popup.css"></head>'
  + '<body><div id="app"><ul><li data-sourcemark-item>An item</li></ul></div></body></html>';

/** Returns a built dist/chrome equivalent: production (no hooks) unless bench/e2e are set. */
export async function buildChrome(opts: { bench: boolean; e2e: boolean }): Promise<BenchBuild> {
  const root = await mkdtemp(path.join(tmpdir(), `sourcemark-bench-${opts.bench ? 'bench' : 'prod'}-`));
  execFileSync('node', ['build.mjs', '--no-zip', '--out', root], {
    stdio: 'ignore',
    env: { ...process.env, BENCH: opts.bench ? '1' : '0', E2E: opts.e2e ? '1' : '0' },
  });
  const dir = path.join(root, 'chrome');
  // The popup's baseline: an extension page with the popup's stylesheet and one static item, no
  // script. Its first frame is what the browser alone costs to open an extension page (bench only).
  if (opts.bench) await writeFile(path.join(dir, BLANK_PAGE), BLANK_HTML);
  const files: Record<string, Uint8Array> = {};
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.js'))) files[f] = await readFile(path.join(dir, f));
  return { dir, root, files };
}
