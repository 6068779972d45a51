// Turns the command's operands into a list of inputs: files as given,
// directories searched recursively for *.json, *.yaml, *.yml, *.template and
// *.tf (Terraform; *.tf.json and *.tfvars.json are among the *.json),
// glob patterns (`*`, `?` within one path segment, `**` for any number of
// folders) expanded here so they work the same in every shell, and `-` for
// standard input. Folders named node_modules and folders starting with a dot
// are not searched (name them explicitly to check them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHECKED_EXTENSIONS = ['.json', '.yaml', '.yml', '.template', '.tf'];

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
 * Every checked file below `folder`, sorted, as display paths. A folder that
 * cannot be listed becomes one line in `problems`; the walk goes on.
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
    } else if (CHECKED_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      out.push(path);
    }
  }
}

/** A regular expression for one glob segment (`*` and `?` never match `/` or a leading dot). */
function segmentPattern(segment) {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
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
    const regex = segmentPattern(segment);
    for (const entry of entries) {
      if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!regex.test(entry.name)) continue;
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
 * `{ name, path }` (path null for standard input), in operand order, each file
 * once; problems are one-line messages for operands that name nothing.
 */
export function expandOperands(operands, { stdinName = '<stdin>' } = {}) {
  const inputs = [];
  const problems = [];
  const seen = new Set();
  const add = (name, path) => {
    const key = path === null ? '\u0000stdin' : resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ name, path });
  };
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
      if (found.length === 0) problems.push(`${operand}: no *.json, *.yaml, *.yml, *.template or *.tf files in this folder`);
      found.forEach((path) => add(path, path));
    } else if (stats) {
      add(operand, operand);
    } else if (hasGlob(operand)) {
      const found = [];
      for (const match of expandGlob(operand)) {
        let matchStats;
        try {
          matchStats = statSync(match);
        } catch {
          continue;
        }
        if (matchStats.isDirectory()) walkFolder(match, found, problems);
        else found.push(match);
      }
      if (found.length === 0) problems.push(`${operand}: no files match this pattern`);
      found.forEach((path) => add(path, path));
    } else {
      // Reading it reports why (no such file, permission denied, …).
      add(operand, operand);
    }
  }
  return { inputs, problems };
}

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(stream = process.stdin) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one input as text, or returns `{ error }` with a one-line reason. */
export async function readInput(input) {
  try {
    const text = input.path === null ? await readStdin() : readFileSync(input.path, 'utf8');
    return { text };
  } catch (error) {
    return { error: reason(error) };
  }
}

function reason(error) {
  switch (error?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return String(error?.message ?? error).split('\n')[0];
  }
}
