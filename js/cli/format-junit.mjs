// --format junit: JUnit XML for CI test reports (GitLab, Jenkins, Azure
// DevOps, CircleCI). As ESLint's junit formatter does: one <testsuite> per
// input file, one <testcase> per finding (errors and warnings as <failure>,
// an input that could not be checked as <error>, notes as passing cases with
// the note in <system-out>), and one passing <testcase> for a file without
// findings, so every checked file shows up in the report.
import { findings, memberOf } from './findings.mjs';

/**
 * Text for XML 1.0 content and attribute values: the five markup characters
 * escaped, and characters XML cannot carry at all (control characters other
 * than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF) replaced by U+FFFD.
 * CR, LF and tab are character references too, so the report's only line
 * breaks are its own, each followed by indentation and `<`: no line can start
 * with `::`, a GitHub Actions runner command (actions/runner ActionCommand
 * TryParseV2) when the report is printed in a job's log. The runner's other
 * form, `##[name` ending in `]` anywhere in a line (TryParse), is broken by
 * writing the `#` that makes a `##[` as `&#35;`: the same text to an XML parser.
 */
export function escapeXml(text) {
  return String(text)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/#(?=#\[)/g, '&#35;');
}

const attributes = (pairs) => pairs.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ');

export function formatJunit(run, { quiet = false, warningsAsErrors = false } = {}) {
  const all = findings(run, { quiet, warningsAsErrors });
  // A file skipped (not a task configuration, or left out by the configuration) is no test case.
  const byFile = new Map(run.files.filter((file) => file.kind !== 'skipped').map((file) => [file, []]));
  for (const finding of all) byFile.get(finding.file).push(finding);

  const suites = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  for (const [file, found] of byFile) {
    const cases = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const finding of found) {
      const member = memberOf(finding);
      const where = `${file.file}:${finding.line}:${finding.column}${member ? ` [${member}]` : ''}`;
      const name = `${finding.code} at ${finding.line}:${finding.column}${member ? ` ${member}` : ''}`;
      const head = `    <testcase ${attributes([['name', name], ['classname', file.file]])}>`;
      const body = `${where}: ${finding.severity} ${finding.code}: ${finding.message}`;
      if (file.kind === 'unparsable' || file.kind === 'unreadable') {
        suiteErrors += 1;
        cases.push(`${head}\n      <error ${attributes([['message', finding.message], ['type', finding.code]])}>${escapeXml(body)}</error>\n    </testcase>`);
      } else if (finding.severity === 'info') {
        cases.push(`${head}\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`);
      } else {
        suiteFailures += 1;
        cases.push(`${head}\n      <failure ${attributes([['message', finding.message], ['type', finding.severity]])}>${escapeXml(body)}</failure>\n    </testcase>`);
      }
    }
    if (cases.length === 0) {
      cases.push(`    <testcase ${attributes([['name', 'no problems'], ['classname', file.file]])}/>`);
    }
    total += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const head = attributes([
      ['name', file.file],
      ['tests', cases.length],
      ['failures', suiteFailures],
      ['errors', suiteErrors],
    ]);
    suites.push(`  <testsuite ${head}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const root = attributes([
    ['name', run.tool.name],
    ['tests', total],
    ['failures', failures],
    ['errors', errors],
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${root}>\n${suites.join('\n')}\n</testsuites>\n`;
}
