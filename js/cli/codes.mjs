// The rules this command reports, for --list-rules and SARIF: each code's
// severity, one-line meaning and help address. The validator's codes are
// described in the README's "Diagnostic codes" table; scripts/build.sh extracts
// that table into codes.json next to this file (scripts/cli-codes.mjs). The
// codes only this command emits are described here.
import { readFileSync } from 'node:fs';

export const CLI_CODES = {
  'cloudformation/missing-property': {
    severity: 'error',
    meaning: 'A member the AWS::DataSync::Task resource schema requires but the API does not (TaskReportConfig Destination and OutputType, a tag Value) is missing.',
  },
  'cloudformation/read-only-property': {
    severity: 'warning',
    meaning: 'A read-only attribute of AWS::DataSync::Task (TaskArn, Status, the network interface ARNs) is set in Properties.',
  },
  'cloudformation/not-checked': {
    severity: 'info',
    meaning: 'A value CloudFormation resolves at deploy time (Ref, Fn::GetAtt, Fn::Sub, Fn::If, …) was not checked.',
  },
  'cloudformation/parameter-default': {
    severity: 'info',
    meaning: "A value from a template parameter was checked with the parameter's Default; a stack may pass another value.",
  },
  'cloudformation/yaml-boolean': {
    severity: 'info',
    meaning: 'An unquoted YAML 1.1 boolean (ON, OFF, yes, no, …) that CloudFormation sends as "true" or "false".',
  },
  'terraform/unsupported-argument': {
    severity: 'error',
    meaning: 'An argument or block the AWS provider does not accept in aws_datasync_task (with the nearest name, as Terraform reports it), or a value set for a computed attribute (arn, id, tags_all).',
  },
  'terraform/too-many-blocks': {
    severity: 'error',
    meaning: 'More than one options, schedule, includes, excludes, task_report_config, s3_destination or report_overrides block.',
  },
  'terraform/missing-block': {
    severity: 'error',
    meaning: 'A block the provider requires is missing (s3_destination in task_report_config).',
  },
  'terraform/not-checked': {
    severity: 'info',
    meaning: 'A value Terraform knows only at plan or apply time (a reference, a function, a variable without a value, count/for_each, a dynamic block, "(known after apply)") was not checked.',
  },
  'terraform/no-tasks': {
    severity: 'info',
    meaning: 'A `terraform show -json` plan or state without aws_datasync_task resources to create or keep.',
  },
  'request/operation': {
    severity: 'info',
    meaning: 'A request file checked as an UpdateTask or StartTaskExecution request, chosen from its members or by --operation.',
  },
  'suppression/invalid': {
    severity: 'warning',
    meaning: 'A suppression in a template resource\'s Metadata or a Terraform comment that cannot be honoured: an unknown or retired code, or not a list of codes.',
  },
  'cloudformation/no-tasks': {
    severity: 'info',
    meaning: 'A CloudFormation template without AWS::DataSync::Task resources.',
  },
  'yaml/syntax-error': {
    severity: 'error',
    meaning: 'An input file is not well-formed YAML (or names a key twice), so nothing in it was checked.',
  },
  'input/unreadable': {
    severity: 'error',
    meaning: 'An input file could not be read (missing, a folder, no permission) or checked, so nothing in it was checked.',
  },
};

/** The README section that documents each group of codes. */
const SECTION = { cloudformation: 'cloudformation-templates', terraform: 'terraform', yaml: 'command-line', input: 'command-line', suppression: 'suppressing-a-finding-for-one-task' };

let cached;

function manifestHome() {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof manifest.homepage === 'string') return manifest.homepage.replace(/#.*$/, '');
  } catch {
    // Running from the sources: the published address is the same.
  }
  return 'https://github.com/datasync-task-validator/datasync-task-validator';
}

/**
 * Every code this command can report, in the README's order then the
 * command's own: `{ code, severity, meaning, helpUri }`, severity being
 * 'error', 'warning' or 'info'.
 */
export function rules() {
  if (cached) return cached;
  let table = {};
  try {
    table = JSON.parse(readFileSync(new URL('./codes.json', import.meta.url), 'utf8'));
  } catch {
    table = {};
  }
  const home = manifestHome();
  const all = { ...table, ...CLI_CODES };
  cached = Object.entries(all).map(([code, { severity, meaning }]) => ({
    code,
    severity,
    meaning,
    helpUri: `${home}#${SECTION[code.split('/')[0]] ?? 'diagnostic-codes'}`,
  }));
  return cached;
}

/** code -> meaning for every code this command can report. */
export function descriptions() {
  return Object.fromEntries(rules().map(({ code, meaning }) => [code, meaning]));
}

/** The code for an input that could not be checked (file.kind 'unreadable' or 'unparsable'). */
export function failureCode(file) {
  if (file.kind === 'unparsable' && file.syntax === 'json') return 'json/syntax-error';
  if (file.kind === 'unparsable' && file.syntax === 'yaml') return 'yaml/syntax-error';
  return 'input/unreadable';
}
