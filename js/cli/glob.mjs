// Glob patterns for the configuration file's "files", "ignoreFiles" and
// "overrides": `*` is any run of characters within one path segment, `?` one
// character, `**` any number of whole segments (none included). A pattern
// without a `/` matches a file's name in any folder; one with a `/` matches
// the path from the configuration file's folder; a trailing `/` names a
// folder and everything in it.
//
// No regular expressions: a segment is matched by the operands' matcher
// (inputs.mjs: a two-pointer scan, pattern length × name length steps at
// most), and `**` by a table over (pattern segment, path segment) pairs, so
// that no pattern can make the matcher backtrack (`*a*a*a*b`).
import { segmentMatcher } from './inputs.mjs';

/**
 * Compiles a pattern into a function of a relative path (`/`-separated, no
 * leading `./`). Returns null for a pattern that can match nothing the
 * command reads (empty, or only slashes).
 */
export function compileGlob(pattern) {
  let text = pattern.replace(/^\.\//, '');
  if (text.split('/').every((part) => part === '' || part === '.')) return null;
  if (text.endsWith('/')) text += '**';
  const anchored = text.includes('/');
  const parts = text.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) return null;
  if (!anchored) parts.unshift('**');
  // Consecutive `**` mean the same as one.
  const segments = parts.filter((part, i) => !(part === '**' && parts[i - 1] === '**'));
  const matchers = segments.map((part) => (part === '**' ? null : segmentMatcher(part)));
  return (path) => {
    const names = path.split('/').filter((name) => name !== '' && name !== '.');
    // can[i][j]: pattern segments from i on match path segments from j on.
    const rows = segments.length + 1;
    const cols = names.length + 1;
    const can = new Uint8Array(rows * cols);
    can[segments.length * cols + names.length] = 1;
    for (let i = segments.length - 1; i >= 0; i -= 1) {
      for (let j = names.length; j >= 0; j -= 1) {
        let ok;
        if (matchers[i] === null) ok = can[(i + 1) * cols + j] === 1 || (j < names.length && can[i * cols + j + 1] === 1);
        else ok = j < names.length && can[(i + 1) * cols + j + 1] === 1 && matchers[i](names[j]);
        can[i * cols + j] = ok ? 1 : 0;
      }
    }
    return can[0] === 1;
  };
}
