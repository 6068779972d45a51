// The configuration file: which codes are reported, at which severity, which
// files are checked, and which findings are suppressed for which files.
//
// Found as CONFIG_NAME in the working folder or the nearest folder above it,
// or named with --config FILE (--no-config: none). JSON:
//   {
//     "ignore": ["filter/include-without-slash"],        codes never reported
//     "include": ["schedule/too-frequent", ...],         only these codes (errors and warnings)
//     "severity": { "locations/same-location": "error" }, "error", "warning" or "off"
//     "files": ["tasks/**"],                             check only these files
//     "ignoreFiles": ["legacy/**"],                      never check these files
//     "overrides": [{ "files": ["a/*.json"], "ignore": ["tag/reserved-prefix"] }],
//     "locations": ["locations.json"],                   as --locations FILE (context.mjs)
//     "task": ["nightly-task.json"]                      as --task FILE
//   }
// "locations" and "task" name files (one, or a list) relative to the
// configuration file's folder; they are read with those on the command line,
// before them (so a command-line description of the same ARN wins).
// Globs are relative to the configuration file's folder (see glob.mjs).
// Every mistake (unknown key, unknown or retired code, wrong type) is a
// ConfigError whose message names the file and the member.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { retired, rules } from './codes.mjs';
import { compileGlob } from './glob.mjs';

export const CONFIG_NAME = '.datasync-task-validator.json';

const KEYS = ['ignore', 'include', 'severity', 'files', 'ignoreFiles', 'overrides', 'locations', 'task'];
const OVERRIDE_KEYS = ['files', 'ignore'];
const SEVERITIES = ['error', 'warning', 'off'];

/** A mistake in the configuration file; the message is one line. */
export class ConfigError extends Error {}

/** code -> why, for the retired codes (from the code registry, cli/rules.json). */
export function retiredCodes() {
  return retired();
}

/**
 * Every code the command can report (the validator's and the command's own,
 * from the code registry) -> 'info' for the codes of notes, 'finding' for the others.
 */
export function knownCodes() {
  return Object.fromEntries(rules().map(({ code, severity }) => [code, severity === 'info' ? 'info' : 'finding']));
}

/** The nearest CONFIG_NAME in `cwd` or a folder above it, or null. */
export function findConfig(cwd) {
  let folder = resolve(cwd);
  for (;;) {
    const candidate = join(folder, CONFIG_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

const quote = (value) => JSON.stringify(value);
const kindOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** Checks a list of codes; `where` names the member for messages. */
function codeList(value, where, { known, retired }) {
  if (!Array.isArray(value)) throw new ConfigError(`${where} must be a list of codes, not ${kindOf(value)}`);
  return value.map((code, i) => {
    if (typeof code !== 'string') throw new ConfigError(`${where}[${i}] must be a code (a string), not ${kindOf(code)}`);
    checkCode(code, `${where}[${i}]`, { known, retired });
    return code;
  });
}

/** Throws a ConfigError unless `code` is one the command can report. */
export function checkCode(code, where, { known = knownCodes(), retired = retiredCodes() } = {}) {
  if (Object.hasOwn(known, code)) return;
  if (Object.hasOwn(retired, code)) {
    const why = String(retired[code]).replace(/\.$/, '');
    throw new ConfigError(`${where}: ${quote(code)} is a retired code, no longer reported; remove it (retired because: ${why})`);
  }
  throw new ConfigError(`${where}: ${quote(code)} is not a code this command reports (--list-rules lists them)`);
}

function globList(value, where) {
  if (!Array.isArray(value)) throw new ConfigError(`${where} must be a list of glob patterns, not ${kindOf(value)}`);
  return value.map((pattern, i) => {
    if (typeof pattern !== 'string') throw new ConfigError(`${where}[${i}] must be a glob pattern (a string), not ${kindOf(pattern)}`);
    const matcher = compileGlob(pattern);
    if (!matcher) throw new ConfigError(`${where}[${i}]: ${quote(pattern)} matches no file`);
    return matcher;
  });
}

function unknownKey(key, where, keys) {
  return new ConfigError(`${where}: unknown key ${quote(key)} (the keys are ${keys.map((k) => quote(k)).join(', ')})`);
}

/** "locations" or "task": one file name or a list of them, as absolute paths (relative to `base`). */
function fileList(value, where, base) {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names)) throw new ConfigError(`${where} must be a file name or a list of file names, not ${kindOf(value)}`);
  return names.map((name, i) => {
    const at = typeof value === 'string' ? where : `${where}[${i}]`;
    if (typeof name !== 'string') throw new ConfigError(`${at} must be a file name (a string), not ${kindOf(name)}`);
    if (name === '') throw new ConfigError(`${at} is an empty file name`);
    return resolve(base, name);
  });
}

/**
 * Checks a parsed configuration and returns it ready to use:
 * `{ path, base, ignore: Set, include: Set | null, severity: Map,
 *    files: [matcher] | null, ignoreFiles: [matcher], overrides: [{ files, ignore: Set }],
 *    locations: [absolute path], task: [absolute path] }`.
 * `path` is the file's name for messages; `base` the folder globs are relative to.
 */
export function parseConfig(value, { path, base, known = knownCodes(), retired = retiredCodes() }) {
  const codes = { known, retired };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${path}: must be a JSON object, not ${kindOf(value)}`);
  }
  for (const key of Object.keys(value)) if (!KEYS.includes(key)) throw unknownKey(key, path, KEYS);
  const config = { path, base, ignore: new Set(), include: null, severity: new Map(), files: null, ignoreFiles: [], overrides: [], locations: [], task: [] };
  for (const key of ['locations', 'task']) if (Object.hasOwn(value, key)) config[key] = fileList(value[key], `${path}: ${quote(key)}`, base);
  if (Object.hasOwn(value, 'ignore')) config.ignore = new Set(codeList(value.ignore, `${path}: "ignore"`, codes));
  if (Object.hasOwn(value, 'include')) config.include = new Set(codeList(value.include, `${path}: "include"`, codes));
  if (Object.hasOwn(value, 'severity')) {
    const table = value.severity;
    if (table === null || typeof table !== 'object' || Array.isArray(table)) {
      throw new ConfigError(`${path}: "severity" must be an object of code: "error" | "warning" | "off", not ${kindOf(table)}`);
    }
    for (const [code, level] of Object.entries(table)) {
      const where = `${path}: "severity" ${quote(code)}`;
      checkCode(code, `${path}: "severity"`, codes);
      if (!SEVERITIES.includes(level)) throw new ConfigError(`${where} must be "error", "warning" or "off", not ${quote(level) ?? 'undefined'}`);
      if (known[code] === 'info' && level !== 'off') {
        throw new ConfigError(`${where}: ${code} is an information note, not a finding; it can be "off" (or ignored) but not ${quote(level)}`);
      }
      config.severity.set(code, level);
    }
  }
  if (Object.hasOwn(value, 'files')) {
    config.files = globList(value.files, `${path}: "files"`);
    if (config.files.length === 0) throw new ConfigError(`${path}: "files" is empty, so no file would be checked; remove it to check every file`);
  }
  if (Object.hasOwn(value, 'ignoreFiles')) config.ignoreFiles = globList(value.ignoreFiles, `${path}: "ignoreFiles"`);
  if (Object.hasOwn(value, 'overrides')) {
    if (!Array.isArray(value.overrides)) throw new ConfigError(`${path}: "overrides" must be a list of { "files", "ignore" } objects, not ${kindOf(value.overrides)}`);
    config.overrides = value.overrides.map((entry, i) => {
      const where = `${path}: "overrides"[${i}]`;
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        throw new ConfigError(`${where} must be an object with "files" and "ignore", not ${kindOf(entry)}`);
      }
      for (const key of Object.keys(entry)) if (!OVERRIDE_KEYS.includes(key)) throw unknownKey(key, where, OVERRIDE_KEYS);
      for (const key of OVERRIDE_KEYS) if (!Object.hasOwn(entry, key)) throw new ConfigError(`${where} needs ${quote(key)}`);
      const files = globList(entry.files, `${where} "files"`);
      if (files.length === 0) throw new ConfigError(`${where} "files" is empty, so the entry applies to no file`);
      return { files, ignore: new Set(codeList(entry.ignore, `${where} "ignore"`, codes)) };
    });
  }
  return config;
}

/**
 * Reads the configuration: `explicit` (--config FILE) if given, else the
 * nearest CONFIG_NAME from `cwd` up. Returns null when there is none.
 * `path` in messages is as the user gave it, or relative to `cwd` when found.
 */
export function loadConfig({ explicit, cwd }) {
  let absolute;
  let shown;
  if (explicit !== undefined) {
    absolute = resolve(cwd, explicit);
    shown = explicit;
  } else {
    absolute = findConfig(cwd);
    if (absolute === null) return null;
    shown = relative(cwd, absolute) || absolute;
  }
  let text;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const why = error?.code === 'ENOENT' ? 'no such file' : error?.code === 'EISDIR' ? 'is a directory' : String(error?.message ?? error).split('\n')[0];
    throw new ConfigError(`${shown}: cannot read the configuration file: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: the configuration file is not valid JSON: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  return parseConfig(value, { path: shown, base: dirname(absolute) });
}

/** The file's path relative to the configuration's folder, `/`-separated; null outside it. */
function relativePath(config, filePath, cwd) {
  const rel = relative(config.base, resolve(cwd, filePath));
  if (rel === '' || rel.startsWith('..') || resolve(rel) === rel) return null;
  return rel.split(sep).join('/');
}

/**
 * Whether the configuration leaves `filePath` out ("files", "ignoreFiles").
 * Returns the reason, or null when the file is checked. Files outside the
 * configuration's folder are never matched.
 */
export function excludedFile(config, filePath, cwd) {
  if (!config || filePath === null) return null;
  const rel = relativePath(config, filePath, cwd);
  if (rel === null) return null;
  if (config.files && !config.files.some((matches) => matches(rel))) return `not in "files" of ${config.path}`;
  if (config.ignoreFiles.some((matches) => matches(rel))) return `in "ignoreFiles" of ${config.path}`;
  return null;
}

/** The codes "overrides" suppresses for `filePath` (a Set, maybe empty). */
export function overriddenCodes(config, filePath, cwd) {
  const codes = new Set();
  if (!config || filePath === null) return codes;
  const rel = relativePath(config, filePath, cwd);
  if (rel === null) return codes;
  for (const entry of config.overrides) {
    if (entry.files.some((matches) => matches(rel))) entry.ignore.forEach((code) => codes.add(code));
  }
  return codes;
}
