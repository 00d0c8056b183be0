// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../../src/cli/extract-command.js';

const PAGE = path.resolve(__dirname, '../../fixtures/pages/news-furniture/source.html');

async function run(input: string, args: string[] = []) {
  let out = '';
  let err = '';
  const code = await runExtract(Readable.from([Buffer.from(input)]), { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) }, args);
  return { code, out, err };
}

describe('sourcemark extract', () => {
  it('prints title, byline, siteName and text as one JSON object', async () => {
    const r = await run(readFileSync(PAGE, 'utf8'), ['--url', 'https://ledger.example/news/x']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['title', 'byline', 'siteName', 'text']);
    expect(j).toMatchObject({ title: 'Harbour council approves new flood barrier', byline: 'Mira Okafor', siteName: 'The Coastal Ledger' });
    expect(j.text).toMatch(/^The harbour council voted/);
    expect(j.text).not.toContain('Most read');
  });

  it('exits 1 with a reason when the page is not an article', async () => {
    const r = await run('<html><body><p>Hi</p></body></html>');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/not an article/);
  });

  it('exits 2 on bad usage or empty input', async () => {
    expect((await run('<p>x</p>', ['--url', 'javascript:alert(1)'])).code).toBe(2);
    expect((await run('<p>x</p>', ['--bogus'])).code).toBe(2);
    expect((await run('   ')).code).toBe(2);
  });
});
