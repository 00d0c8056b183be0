/**
 * Builds the Chrome extension into a temporary folder for the bench, with the same esbuild options
 * as build.mjs (kept in step by hand: entry points, target, minify, defines). A folder of its own,
 * because build.mjs empties dist/ and other suites may be reading it at the same time.
 */
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchBuild {
  dir: string;
  /** Bundle name (content.js, ...) -> bytes. */
  files: Record<string, Uint8Array>;
}

/** Returns a built dist/chrome equivalent: production (no hooks) unless bench/e2e are set. */
export async function buildChrome(opts: { bench: boolean; e2e: boolean }): Promise<BenchBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), `sourcemark-bench-${opts.bench ? 'bench' : 'prod'}-`));
  const result = await esbuild.build({
    entryPoints: {
      content: 'src/content/index.ts', background: 'src/background/index.ts', popup: 'src/popup/index.tsx',
      ...(existsSync('src/options/index.tsx') ? { options: 'src/options/index.tsx' } : {}),
    },
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    define: { __E2E__: String(opts.e2e), __BENCH__: String(opts.bench) },
    outdir: dir,
    write: false,
    logLevel: 'warning',
  });
  await cp('extension', dir, { recursive: true });
  const files: Record<string, Uint8Array> = {};
  for (const f of result.outputFiles) {
    await writeFile(f.path, f.contents);
    files[path.basename(f.path)] = f.contents;
  }
  // build.mjs's chromeManifest: the gecko block is Firefox's.
  const { browser_specific_settings: _gecko, ...manifest } = JSON.parse(await readFile('manifest.json', 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, files };
}
