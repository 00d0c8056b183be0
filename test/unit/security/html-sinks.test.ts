// Page text is never inserted as HTML: no source file under src/ uses an HTML sink. Text reaches
// the DOM through textContent, createTextNode or Preact's escaped children only. (Preact's own
// dangerouslySetInnerHTML code path is in its bundle; nothing here calls it.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../../src');
const SINKS = /\.(innerHTML|outerHTML)\s*[+]?=|\binsertAdjacentHTML\s*\(|\bdocument\.write(ln)?\s*\(|\bdangerouslySetInnerHTML\b|\bcreateContextualFragment\s*\(|\bsrcdoc\b|\bnew\s+Function\s*\(|\beval\s*\(|\bsetHTMLUnsafe\s*\(|\bparseFromString\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('no HTML sinks in src/', () => {
  it('the pattern catches each sink (so the test can fail)', () => {
    for (const bad of ['el.innerHTML = t', 'el.outerHTML += t', 'el.insertAdjacentHTML("beforeend", t)', 'document.write(t)',
      '<div dangerouslySetInnerHTML={{ __html: t }} />', 'range.createContextualFragment(t)', 'eval(t)', 'new Function(t)']) {
      expect(SINKS.test(bad), bad).toBe(true);
    }
    expect(SINKS.test('el.textContent = t')).toBe(false);
  });
  it('no file uses one', () => {
    const offenders = files(SRC).flatMap((f) => readFileSync(f, 'utf8').split('\n')
      .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), at: `${path.relative(SRC, f)}:${i + 1}` }))
      .filter(({ line }) => SINKS.test(line)).map(({ at, line }) => `${at}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
