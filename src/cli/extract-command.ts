/**
 * `sourcemark extract [--url URL] [--force]`: one HTML page on stdin, the article on stdout as
 * {"title","byline","siteName","text"} — the content script's own extraction, run on jsdom.
 * Exit 0 with the article; 1 when the page has no article (reason on stderr); 2 on bad usage.
 * --force skips the isProbablyReaderable gate (the content script always applies it).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../content/extract.js';

interface Readable extends AsyncIterable<Buffer | string> {}
interface Writable {
  write(chunk: string): unknown;
}

const usage = 'usage: sourcemark extract [--url URL] [--force] < page.html';

/** Returns the exit code after printing the page's article as one JSON object. */
export async function runExtract(stdin: Readable, stdout: Writable, stderr: Writable, args: string[]): Promise<number> {
  let url = 'http://localhost/';
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--url' && i + 1 < args.length) url = args[++i]!;
    else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') {
      stdout.write(`${usage}\n`);
      return 0;
    } else {
      stderr.write(`unknown argument: ${a}\n${usage}\n`);
      return 2;
    }
  }
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    stderr.write(`--url must be an http(s) URL, got ${JSON.stringify(url)}\n`);
    return 2;
  }

  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  const html = Buffer.concat(chunks).toString('utf8');
  if (!html.trim()) {
    stderr.write('no HTML on stdin\n');
    return 2;
  }

  // No scripts run and no sub-resources load: jsdom's defaults. Its CSS warnings are noise here.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const r = extractArticle(dom.window.document, { url, skipGate: force });
    if (r.kind === 'not-article') {
      stderr.write(`not an article: ${r.reason}\n`);
      return 1;
    }
    const { title, byline, siteName, text } = r.article;
    stdout.write(`${JSON.stringify({ title, byline, siteName, text })}\n`);
    return 0;
  } finally {
    dom.window.close();
  }
}
