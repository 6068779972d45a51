// --format sarif: SARIF 2.1.0 for code-scanning services (GitHub code
// scanning, Azure DevOps, GitLab, …). One run; a rule for every code that
// appears, with its meaning, severity and help address; a result per
// diagnostic with the file (relative to the working folder, under %SRCROOT%),
// the line and column of the member, and a logical location naming the
// resource and pointer. An input that could not be read or parsed is a result
// too (json/syntax-error, yaml/syntax-error, input/unreadable), and also a tool
// execution notification. "Not checked" notes are notifications only, so they
// do not become alerts. Findings suppressed for a task (Metadata, comment) or
// a file (the configuration's "overrides") are results with `suppressions`
// (kind "inSource" or "external"), which code scanning shows as dismissed.
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { failureCode, rules as allRules } from './codes.mjs';
import { toJsonText } from './documents.mjs';
import { noRunnerCommand } from './format-json.mjs';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/datasync-task-validator';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/** What each level means, appended to a rule's meaning for its full description. */
const SEVERITY_TEXT = {
  error: 'Reported as an error: the service rejects such a request (or the input could not be checked).',
  warning: 'Reported as a warning: the service accepts such a request, but it will not do what you most likely want.',
};

/** `options/atime-mtime-mismatch` -> `OptionsAtimeMtimeMismatch`. */
const ruleName = (code) => code.split(/[^a-zA-Z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** An artifactLocation: relative to %SRCROOT% when the file is inside the working folder. */
function artifactLocation(file, cwd) {
  // Standard input is located by its --stdin-filename, read as a path like any other.
  const path = file.path ?? file.file.replace(/^<|>$/g, '');
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || resolve(rel) === rel) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** A SARIF location: file, line and column, and the resource and pointer as a logical location. */
function location(file, task, item, cwd) {
  const region = { startLine: item.line ?? 1, startColumn: item.column ?? 1 };
  const out = { physicalLocation: { artifactLocation: artifactLocation(file, cwd), region } };
  const pointer = item.path ?? '';
  if (task?.logicalId && item.attribute !== undefined) {
    // Terraform: the resource address, the attribute and the request pointer.
    out.logicalLocations = [
      { name: task.logicalId, fullyQualifiedName: item.attribute ? `${task.logicalId}.${item.attribute}` : task.logicalId, kind: 'resource' },
    ];
    if (pointer) out.logicalLocations.push({ fullyQualifiedName: pointer, kind: 'member' });
  } else if (task?.logicalId) {
    out.logicalLocations = [{ name: task.logicalId, fullyQualifiedName: `${task.logicalId}${pointer}`, kind: 'resource' }];
  } else if (pointer) {
    out.logicalLocations = [{ fullyQualifiedName: pointer, kind: 'member' }];
  }
  return out;
}

export function formatSarif(run, { quiet = false, warningsAsErrors = false, cwd = process.cwd() } = {}) {
  const keep = (d) => d.severity === 'error' || (d.severity === 'warning' && (!quiet || warningsAsErrors));
  const known = new Map(allRules().map((rule) => [rule.code, rule]));
  const found = [];
  const notifications = [];
  for (const file of run.files) {
    if (file.error) {
      const at = { path: '', line: file.error.line ?? 1, column: file.error.column ?? 1 };
      notifications.push({
        level: 'error',
        message: { text: `${file.file}: ${file.error.message}` },
        locations: [location(file, null, at, cwd)],
      });
      found.push({ file, task: null, d: { ...at, code: failureCode(file), severity: 'error', message: `${file.file}: ${file.error.message}` } });
    }
    for (const note of quiet ? [] : file.notes) {
      notifications.push({ level: 'note', message: { text: note.message }, descriptor: { id: note.code }, locations: [location(file, null, note, cwd)] });
    }
    for (const task of file.tasks) {
      for (const d of task.diagnostics.filter(keep)) found.push({ file, task, d });
      for (const d of (task.suppressed ?? []).filter(keep)) found.push({ file, task, d });
      for (const note of quiet ? [] : task.notes) {
        notifications.push({ level: 'note', message: { text: note.message }, descriptor: { id: note.code }, locations: [location(file, task, note, cwd)] });
      }
    }
  }

  const codes = [...new Set(found.map(({ d }) => d.code))].sort();
  const severityOf = new Map(found.map(({ d }) => [d.code, d.severity]));
  const rules = codes.map((code) => {
    const rule = known.get(code);
    const meaning = rule?.meaning ?? code;
    const level = LEVEL[rule?.severity ?? severityOf.get(code)] ?? 'warning';
    const kind = level === 'error' ? SEVERITY_TEXT.error : SEVERITY_TEXT.warning;
    // The summary first (SARIF's shortDescription), then what, why and the fix.
    const full = rule?.description ? `${meaning} ${rule.description} ${kind}` : `${meaning} ${kind}`;
    const out = {
      id: code,
      name: ruleName(code),
      shortDescription: { text: meaning },
      fullDescription: { text: full },
      help: { text: rule ? `${full} See ${rule.helpUri}` : full },
      defaultConfiguration: { level },
      properties: { tags: [code.split('/')[0]] },
    };
    if (rule) {
      out.helpUri = rule.helpUri;
      out.help.markdown = `${full}\n\n[\`${code}\` in the documentation](${rule.helpUri})`;
    }
    return out;
  });
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const results = found.map(({ file, task, d }) => {
    const result = {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: LEVEL[d.severity] ?? 'warning',
      message: { text: d.message },
      locations: [location(file, task, d, cwd)],
      properties: { pointer: d.path },
    };
    if (task?.logicalId) result.properties.logicalId = task.logicalId;
    if (d.params) result.properties.params = d.params;
    // Terraform: the attribute, where a variable's value came from, the provider default behind the finding.
    for (const key of ['attribute', 'origin', 'providerDefault']) if (d[key] !== undefined) result.properties[key] = d[key];
    if (d.suppression) {
      result.suppressions = [{ kind: d.suppression.kind, justification: `suppressed by ${d.suppression.source}` }];
    }
    return result;
  });

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + sep).href } },
        invocations: [{ executionSuccessful: run.exitCode !== 2, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  // No line can be a runner command in a job's log (format-json.mjs noRunnerCommand()).
  return noRunnerCommand(toJsonText(sarif, 2)) + '\n';
}
