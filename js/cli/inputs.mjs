// Turns the command's operands into a list of inputs: files as given,
// directories searched recursively for *.json, *.yaml, *.yml, *.template and
// *.tf and *.tofu (Terraform, OpenTofu; *.tf.json, *.tofu.json and
// *.tfvars.json are among the *.json),
// glob patterns (`*`, `?` within one path segment, `**` for any number of
// folders) expanded here so they work the same in every shell, and `-` for
// standard input. Folders named node_modules and folders starting with a dot
// are not searched (name them explicitly to check them). Only regular files
// are read, and none larger than MAX_INPUT_BYTES.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isTerraformFile, isTerraformInput, terraformIgnores } from './terraform.mjs';

export const CHECKED_EXTENSIONS = ['.json', '.yaml', '.yml', '.template', '.tf', '.tofu'];

/**
 * Whether a file found in a folder is one to read: a Terraform or OpenTofu
 * configuration file that Terraform reads (`.tf`, `.tofu` and their `.json`
 * twins, the suffix in lower case, not hidden or an editor's file: see
 * terraformIgnores()), or any other file with a checked extension. `OLD.TF`,
 * `.hidden.tf` and Emacs's `.#main.tf` lock link are not found at all, as
 * Terraform never reads them.
 */
function isCheckedName(name) {
  if (/\.(tf|tofu)(\.json)?$/i.test(name)) return isTerraformFile(name) && !terraformIgnores(name);
  return CHECKED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/** The largest input read (16 MiB): far beyond any request or template (CloudFormation's limit is 1 MB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const hasGlob = (text) => /[*?]/.test(text);
const skippedFolder = (name) => name === 'node_modules' || name.startsWith('.');
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Joins display paths with `/`, without doubling it. */
function join(folder, name) {
  if (folder === '' || folder === '.') return name;
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

function listFolder(folder) {
  return readdirSync(folder === '' ? '.' : folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
}

function isDirectory(entry, path) {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Why a file found in a folder or by a glob is a broken symbolic link (its
 * target does not exist, or the links loop), or null when it can be read, is
 * not a link, or is a Terraform file. Such a file is skipped, not refused: the
 * user did not name it (a stale link to a removed build output, an editor's
 * lock file), and a glob and a folder walk find the same files. A Terraform
 * file is not: Terraform reads a module's files whole and refuses the module
 * when one cannot be read ("Failed to read file"), so reading it says "cannot
 * read" (exit 2), as for a broken link named on the command line.
 */
function brokenLink(path) {
  try {
    statSync(path);
    return null;
  } catch (error) {
    try {
      if (!lstatSync(path).isSymbolicLink()) return null;
    } catch {
      return null;
    }
    return isTerraformInput(path) ? null : `a broken symbolic link (${reason(error)})`;
  }
}

function isSymbolicLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Every checked file below `folder`, sorted, as `{ path, broken }` (path a
 * display path; broken why a symbolic link leads nowhere, see brokenLink). A
 * folder that cannot be listed becomes one line in `problems`; the walk goes on.
 */
function walkFolder(folder, out, problems, visited = new Set()) {
  let real;
  try {
    real = resolve(folder);
    const id = statSync(real);
    const key = `${id.dev}:${id.ino}`;
    if (visited.has(key)) return; // a symbolic link loop
    visited.add(key);
  } catch {
    return;
  }
  let entries;
  try {
    entries = listFolder(folder);
  } catch (error) {
    problems.push(`${folder}: cannot read this folder (${error.code ?? error.message})`);
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (isDirectory(entry, path)) {
      if (!skippedFolder(entry.name)) walkFolder(path, out, problems, visited);
    } else if (isCheckedName(entry.name)) {
      out.push({ path, broken: entry.isSymbolicLink() ? brokenLink(path) : null });
    }
  }
}

/**
 * A matcher for one glob segment: `*` is any run of characters, `?` one
 * character (a code point). Matched by the classic two-pointer scan, which
 * returns to the last `*` only: at most pattern length × name length steps,
 * where a regular expression backtracks exponentially (`*a*a*a*b`). The glob
 * packages on npm (picomatch, minimatch, …) compile to such expressions.
 */
export function segmentMatcher(segment) {
  const pattern = Array.from(segment);
  return (text) => {
    const name = Array.from(text);
    let p = 0;
    let n = 0;
    let star = -1; // the position in pattern just after the last `*`
    let resume = 0; // where in name that `*` resumes
    while (n < name.length) {
      if (p < pattern.length && pattern[p] !== '*' && (pattern[p] === '?' || pattern[p] === name[n])) {
        p += 1;
        n += 1;
      } else if (p < pattern.length && pattern[p] === '*') {
        p += 1;
        star = p;
        resume = n;
      } else if (star >= 0) {
        resume += 1;
        p = star;
        n = resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length && pattern[p] === '*') p += 1;
    return p === pattern.length;
  };
}

/** Display paths matching a glob pattern, sorted. */
function expandGlob(pattern) {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let start = absolute ? '/' : '';
  let i = absolute ? 1 : 0;
  while (i < segments.length - 1 && !hasGlob(segments[i])) {
    start = join(start, segments[i]);
    i += 1;
  }
  const matches = new Set();
  // `**` follows symbolic links to folders, so it remembers which folders it
  // has already descended at each step: a link cycle is walked once.
  const descended = new Set();
  const step = (folder, index) => {
    if (index === segments.length) {
      matches.add(folder);
      return;
    }
    const segment = segments[index];
    let entries;
    try {
      entries = listFolder(folder);
    } catch {
      return;
    }
    if (segment === '**') {
      let id;
      try {
        id = statSync(folder === '' ? '.' : folder);
      } catch {
        return;
      }
      const key = `${index}:${id.dev}:${id.ino}`;
      if (descended.has(key)) return;
      descended.add(key);
      step(folder, index + 1);
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (isDirectory(entry, path) && !skippedFolder(entry.name)) step(path, index);
      }
      return;
    }
    if (!hasGlob(segment)) {
      const path = join(folder, segment);
      try {
        statSync(path === '' ? '.' : path);
      } catch {
        return;
      }
      step(path, index + 1);
      return;
    }
    const fits = segmentMatcher(segment);
    for (const entry of entries) {
      if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!fits(entry.name)) continue;
      const path = join(folder, entry.name);
      if (index + 1 < segments.length && !isDirectory(entry, path)) continue;
      step(path, index + 1);
    }
  };
  step(start, i);
  return [...matches].sort(byName);
}

/**
 * Expands operands into `{ inputs, problems }`: inputs are
 * `{ name, path, found, broken }` (path null for standard input; found true
 * for a file from a folder or glob; broken, for such a file, why it is a
 * symbolic link that leads nowhere, else null), in operand order, each file
 * once; problems are one-line messages for operands that name nothing.
 */
export function expandOperands(operands, { stdinName = '<stdin>' } = {}) {
  const inputs = [];
  const problems = [];
  const seen = new Set();
  // `found`: from a folder or a glob, not named on the command line.
  const add = (name, path, found = false, broken = null) => {
    const key = path === null ? '\u0000stdin' : resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ name, path, found, broken });
  };
  const addFound = ({ path, broken }) => add(path, path, true, broken);
  for (const operand of operands) {
    if (operand === '-') {
      add(stdinName, null);
      continue;
    }
    let stats = null;
    try {
      stats = statSync(operand);
    } catch {
      stats = null;
    }
    if (stats?.isDirectory()) {
      const found = [];
      walkFolder(operand, found, problems);
      if (found.length === 0) problems.push(`${operand}: no *.json, *.yaml, *.yml, *.template, *.tf or *.tofu files in this folder`);
      found.forEach(addFound);
    } else if (stats) {
      add(operand, operand);
    } else if (hasGlob(operand)) {
      const found = [];
      for (const match of expandGlob(operand)) {
        let matchStats;
        try {
          matchStats = statSync(match);
        } catch {
          // A symbolic link that leads nowhere (broken, or a Terraform file read to say why).
          if (isSymbolicLink(match)) found.push({ path: match, broken: brokenLink(match) });
          continue;
        }
        if (matchStats.isDirectory()) walkFolder(match, found, problems);
        else found.push({ path: match, broken: null });
      }
      if (found.length === 0) problems.push(`${operand}: no files match this pattern`);
      found.forEach(addFound);
    } else {
      // Reading it reports why (no such file, permission denied, …).
      add(operand, operand);
    }
  }
  return { inputs, problems };
}

/**
 * An error whose message is the one-line reason an input is not read.
 * `lenientText`, for a file that is not UTF-8, is its text with each invalid
 * byte as U+FFFD: enough to tell whether a file found in a folder is a task
 * configuration at all, never checked as one.
 */
class Refusal extends Error {
  constructor(message, { tooLarge = false, lenientText = null } = {}) {
    super(message);
    this.tooLarge = tooLarge;
    this.lenientText = lenientText;
  }
}

const tooLarge = () =>
  new Refusal(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most this command reads (no request or template comes near)`, { tooLarge: true });

/** Reads all of standard input as UTF-8 text, at most MAX_INPUT_BYTES. */
export async function readStdin(stream = process.stdin) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > MAX_INPUT_BYTES) {
      stream.destroy?.();
      throw tooLarge();
    }
    chunks.push(bytes);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The bytes as text, refused when they are not UTF-8: read leniently, an
 * invalid byte would become U+FFFD and be checked as a character the file
 * does not have (the AWS CLI and CloudFormation read UTF-8).
 */
function decodeUtf8(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new Refusal(`not UTF-8 text (an invalid byte at offset ${offset}); save it as UTF-8`, { lenientText: new TextDecoder('utf-8').decode(bytes) });
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes) {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) return at;
    try {
      strictUtf8.decode(bytes.subarray(at, at + length));
    } catch {
      return at;
    }
    at += length;
  }
  return at;
}

/** What a file that is not a regular file is, for the refusal. */
function kindOf(stats) {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * Reads a regular file as UTF-8 text, at most MAX_INPUT_BYTES. It is opened
 * without blocking (a FIFO with no writer would wait forever) and checked
 * before anything is read; it is read in chunks up to the limit, so a file
 * that grows meanwhile cannot push past it.
 */
function readRegularFile(path) {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const kind = kindOf(stats);
      throw new Refusal(`not a regular file: ${kind.startsWith('not ') ? 'something else' : kind}`);
    }
    if (stats.size > MAX_INPUT_BYTES) throw tooLarge();
    const chunks = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MAX_INPUT_BYTES + 1 - total, Math.max(stats.size - total, 0) + 65_536));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_INPUT_BYTES) throw tooLarge();
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return decodeUtf8(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the first 64 KiB of a file name DataSync anywhere (a request's
 * `SourceLocationArn`, a template's `AWS::DataSync::Task`, Terraform's
 * `aws_datasync_task`, a plan's `datasync`): a file too large to read that
 * does is refused, not taken for another tool's output.
 */
export function headMentionsDataSync(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const head = Buffer.alloc(65_536);
    const read = readSync(fd, head, 0, head.length, 0);
    return /datasync|LocationArn/i.test(head.subarray(0, read).toString('latin1'));
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads one input as text, or returns `{ error }` with a one-line reason, and
 * for a refusal by size or encoding `tooLarge` or `lenientText` (Refusal's).
 */
export async function readInput(input) {
  try {
    const text = input.path === null ? await readStdin() : readRegularFile(input.path);
    return { text };
  } catch (error) {
    return { error: reason(error), tooLarge: error instanceof Refusal && error.tooLarge, lenientText: error instanceof Refusal ? error.lenientText : null };
  }
}

function reason(error) {
  if (error instanceof Refusal) return error.message;
  switch (error?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENXIO':
      return 'not a regular file: a socket or a device with nothing behind it';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    default:
      return String(error?.message ?? error).split('\n')[0];
  }
}
