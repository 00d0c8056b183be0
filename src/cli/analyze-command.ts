/**
 * `sourcemark analyze`: JSON lines {"id","text"} on stdin, one JSON line of spans per input line
 * on stdout. A bad line (invalid JSON, missing text, binary bytes) is reported on stderr with its
 * line number and skipped; the run goes on and the exit code is 1 if any line failed.
 */
import { analyze } from '../analysis/analyze.js';

interface Readable extends AsyncIterable<Buffer | string> {}
interface Writable {
  write(chunk: string): unknown;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Returns the output record of one input line, or throws an Error whose message explains the problem. */
function analyzeLine(bytes: Uint8Array): string {
  let line: string;
  try {
    line = decoder.decode(bytes);
  } catch {
    throw new Error('binary input (not UTF-8)');
  }
  // NUL and other C0 controls (besides tab / CR) do not occur in JSON text: treat as binary.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(line)) throw new Error('binary input (control bytes)');
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    throw new Error(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new Error('expected a JSON object {"id","text"}');
  const { id, text } = rec as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') throw new Error('missing "text" (a string)');
  const a = analyze(text);
  return JSON.stringify({
    id: id ?? null,
    sentences: a.sentences.map(({ start, end, checkworthiness }) => ({ start, end, checkworthiness })),
    claims: a.claims.map(({ start, end }) => ({ start, end })),
    quotes: a.quotes.map(({ start, end, speaker, speakerStart, speakerEnd }) => ({ start, end, speaker, speakerStart, speakerEnd })),
    attributions: a.attributions.map(({ start, end, kind, reason }) => ({ start, end, kind, reason })),
  });
}

/** Returns the exit code after analysing every JSON line of stdin (0 = all lines ok, 1 = some failed). */
export async function runAnalyze(stdin: Readable, stdout: Writable, stderr: Writable): Promise<number> {
  let failed = 0;
  let lineNo = 0;
  let pending = Buffer.alloc(0);
  const handle = (bytes: Buffer) => {
    lineNo++;
    const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const body = bytes.subarray(0, end);
    if (!body.toString('latin1').trim()) return; // blank lines are ignored
    try {
      stdout.write(`${analyzeLine(body)}\n`);
    } catch (e) {
      failed++;
      stderr.write(`line ${lineNo}: ${(e as Error).message}\n`);
    }
  };
  for await (const chunk of stdin) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
    for (let nl = pending.indexOf(0x0a); nl >= 0; nl = pending.indexOf(0x0a)) {
      handle(pending.subarray(0, nl));
      pending = pending.subarray(nl + 1);
    }
  }
  if (pending.length) handle(pending);
  return failed ? 1 : 0;
}
