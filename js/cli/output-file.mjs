// --output-file (and --fix): a file written whole or not at all. The
// text is written to a temporary file beside the target, which then replaces
// the target in one rename, so a failure (a full disk, a missing folder, no
// permission) never leaves a half-written report or a stray temporary file.
import { randomBytes } from 'node:crypto';
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function reason(error) {
  switch (error?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return String(error?.message ?? error).split('\n')[0];
  }
}

/**
 * Writes `text` to `file` (relative to `cwd`), keeping an existing file's
 * permission bits; returns undefined, or why it could not.
 */
export function writeReport(file, text, cwd = process.cwd()) {
  let target = resolve(cwd, file);
  let existing;
  try {
    existing = statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory()) return 'is a directory';
    // Through a symbolic link, replace the file it points to, not the link.
    if (existing) target = realpathSync(target);
  } catch (error) {
    return reason(error);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: existing ? existing.mode & 0o7777 : 0o666 });
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return reason(error);
  }
}

/**
 * The inputs that a report written to `file` (relative to `cwd`) would
 * replace: the same file as one of `inputs` (`{ name, path, found }` from
 * expandOperands), through a symbolic link too. `named` is the first one
 * named on the command line (`-o task.json task.json`): refused before
 * anything is read or written, rather than losing the file to the report.
 * `found` are those a folder walk or a glob found (`-f junit -o report.xml .`
 * run again finds the last run's report): left out of the inputs, whatever
 * they hold, since the user asked for the report there and did not name them
 * (GNU grep does the same with an input that is its output).
 */
export function outputTarget(file, inputs, cwd = process.cwd()) {
  const none = { named: null, found: [] };
  let target;
  try {
    target = statSync(resolve(cwd, file));
  } catch {
    return none; // not there yet (or not reachable): no input is it
  }
  if (!target.isFile()) return none;
  const found = [];
  for (const input of inputs) {
    if (input.path === null) continue;
    let stats;
    try {
      stats = statSync(input.path);
    } catch {
      continue;
    }
    if (stats.dev !== target.dev || stats.ino !== target.ino) continue;
    if (!input.found) return { named: input, found: [] };
    found.push(input);
  }
  return { named: null, found };
}
