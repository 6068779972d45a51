// --output-file (and --fix): a file written whole or not at all. The
// text is written to a temporary file beside the target, which then replaces
// the target in one rename, so a failure (a full disk, a missing folder, no
// permission) never leaves a half-written report or a stray temporary file.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NAME } from './args.mjs';
import { MAX_INPUT_BYTES } from './inputs.mjs';

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
 * The input that a report written to `file` (relative to `cwd`) would
 * replace, or null: the same file as one of `inputs` (`{ name, path, found }`
 * from expandOperands), through a symbolic link too, so that `-o task.json
 * task.json`, or `-o tasks/a.json tasks/`, is refused before anything is
 * read or written rather than losing the request to the report. A report of
 * this command that a folder or glob found (`-f json -o report.json .`, run
 * again) is the one file it may replace; named on the command line, it is
 * refused like any other.
 */
export function overwrittenInput(file, inputs, cwd = process.cwd()) {
  let target;
  try {
    target = statSync(resolve(cwd, file));
  } catch {
    return null; // not there yet (or not reachable): no input is it
  }
  if (!target.isFile()) return null;
  for (const input of inputs) {
    if (input.path === null) continue;
    let stats;
    try {
      stats = statSync(input.path);
    } catch {
      continue;
    }
    if (stats.dev !== target.dev || stats.ino !== target.ino) continue;
    if (input.found && isOwnReport(input.path, stats)) continue;
    return input;
  }
  return null;
}

/** Whether the file is a --format json or sarif report of this command. */
function isOwnReport(path, stats) {
  if (stats.size > MAX_INPUT_BYTES) return false;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8'));
    if (value?.tool?.name === NAME) return true;
    return Array.isArray(value?.runs) && value.runs.length > 0 && value.runs.every((run) => run?.tool?.driver?.name === NAME);
  } catch {
    return false;
  }
}
