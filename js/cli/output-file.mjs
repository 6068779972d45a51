// --output-file: the report goes to a file, written whole or not at all. The
// text is written to a temporary file beside the target, which then replaces
// the target in one rename, so a failure (a full disk, a missing folder, no
// permission) never leaves a half-written report or a stray temporary file.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Writes `text` to `file` (relative to `cwd`); returns undefined, or why it could not. */
export function writeReport(file, text, cwd) {
  const target = resolve(cwd, file);
  try {
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) return 'is a directory';
  } catch (error) {
    return reason(error);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return reason(error);
  }
}
