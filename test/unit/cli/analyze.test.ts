import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../../src/cli/analyze-command.js';

async function run(input: Buffer | string) {
  const out: string[] = [], err: string[] = [];
  async function* stdin() { yield typeof input === 'string' ? Buffer.from(input) : input; }
  const code = await runAnalyze(stdin(), { write: (s: string) => out.push(s) }, { write: (s: string) => err.push(s) });
  return { code, out: out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)), err: err.join('') };
}

describe('sourcemark analyze', () => {
  it('prints one JSON line of spans per input line', async () => {
    const text = 'In 2018, the U.S. withdrew from the nuclear deal, officials said.\n\n"We are ready," Ana Ruiz said.';
    const r = await run(`${JSON.stringify({ id: 'a1', text })}\n${JSON.stringify({ id: 'a2', text: 'Hello.' })}\n`);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.map((o) => o.id)).toEqual(['a1', 'a2']);
    const o = r.out[0];
    expect(Object.keys(o)).toEqual(['id', 'sentences', 'claims', 'quotes', 'attributions']);
    expect(o.sentences[0]).toEqual({ start: 0, end: expect.any(Number), checkworthiness: expect.any(Number) });
    expect(o.attributions).toContainEqual({ start: text.indexOf('officials'), end: text.indexOf(' said.') + 5, kind: 'anonymous-source', reason: expect.any(String) });
    for (const q of o.quotes) expect(Object.keys(q)).toEqual(['start', 'end', 'speaker', 'speakerStart', 'speakerEnd']);
    for (const c of o.claims) expect(Object.keys(c)).toEqual(['start', 'end']);
  });
  it('reports bad lines with their number, keeps going and exits 1', async () => {
    const good = JSON.stringify({ id: 'ok', text: 'Reportedly, it rained.' });
    const r = await run(Buffer.concat([
      Buffer.from(`not json\n${JSON.stringify({ id: 'x' })}\n`),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a]),
      Buffer.from(`${good}\n`),
    ]));
    expect(r.code).toBe(1);
    expect(r.out.map((o) => o.id)).toEqual(['ok']);
    expect(r.err).toMatch(/line 1: invalid JSON/);
    expect(r.err).toMatch(/line 2: missing "text"/);
    expect(r.err).toMatch(/line 3: binary input/);
  });
  it('handles lines split across chunks and a last line without newline', async () => {
    const line = JSON.stringify({ id: 'z', text: 'Some say it works.' });
    const out: string[] = [];
    async function* stdin() { yield line.slice(0, 10); yield line.slice(10); }
    const code = await runAnalyze(stdin(), { write: (s: string) => out.push(s) }, { write: () => {} });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('')).id).toBe('z');
  });
});
