/**
 * Entry point of the `sourcemark` command. Subcommands:
 *   analyze   JSON lines {"id","text"} on stdin -> one JSON line of spans per input
 *   extract   one HTML page on stdin (--url optional) -> {"title","byline","siteName","text"}
 */
import { runAnalyze } from './analyze-command.js';
import { runExtract } from './extract-command.js';

const usage = `usage: sourcemark analyze < lines.jsonl
       sourcemark extract [--url URL] < page.html`;

const [command, ...rest] = process.argv.slice(2);
let code: number;
switch (command) {
  case 'analyze': code = await runAnalyze(process.stdin, process.stdout, process.stderr); break;
  case 'extract': code = await runExtract(process.stdin, process.stdout, process.stderr, rest); break;
  default:
    process.stderr.write(`${usage}\n`);
    code = command === '--help' || command === '-h' ? 0 : 2;
}
process.exitCode = code;
