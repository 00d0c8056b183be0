/**
 * Keeps `npm run bench` from rotting: its smoke mode (one real page, tiny libraries, one repeat,
 * no heap run) must run end to end in Chromium and write every field the issue asks for. Budgets
 * are not checked here: timings are noisy and CI time is precious (test/bench/run.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireBrowser } from './harness.ts';

test('npm run bench -- --smoke writes every field', { timeout: 120_000 }, () => {
  requireBrowser('chromium');
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcemark-bench-smoke-'));
  try {
    const out = path.join(dir, 'bench.json');
    const r = spawnSync('npx', ['tsx', 'test/bench/run.ts', '--smoke', '--out', out], { encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, `bench --smoke failed:\n${r.stdout}\n${r.stderr}`);
    const j = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    for (const k of ['annotate_vs_readability', 'annotate_vs_readability_same_page', 'readability_cold_ms_median', 'analysis_words_per_s', 'tokenizer_words_per_s', 'match_ms_p50_10k',
      'match_ms_p50_100k', 'popup_first_paint_ms', 'content_js_gzip_kb', 'background_js_gzip_kb', 'popup_js_gzip_kb']) {
      assert.ok(typeof j[k] === 'number' && Number.isFinite(j[k]) && (j[k] as number) > 0, `${k} = ${String(j[k])}`);
    }
    assert.equal(j.pages, 1);
    assert.equal(j.pages_annotated, 1, 'the smoke page got no highlights');
    assert.ok((j.popup_items as number) >= 50, `popup showed ${String(j.popup_items)} items, want >= 50`);
    assert.equal(j.bench_marks_in_production, false, 'bench marks leaked into the production content.js');
    // Fields the full run fills; present (null) in smoke mode so the JSON shape does not drift.
    assert.ok('longest_task_ms' in j && 'heap_mb_after_100_pages' in j);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
