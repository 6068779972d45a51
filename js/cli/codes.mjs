// One-line descriptions of the diagnostic codes, for SARIF rules. The
// validator's codes are described in the README's "Diagnostic codes" table;
// scripts/build.sh extracts that table into codes.json next to this file
// (scripts/cli-codes.mjs). The codes only this command emits are described here.
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
  'cloudformation/no-tasks': {
    severity: 'info',
    meaning: 'A CloudFormation template without AWS::DataSync::Task resources.',
  },
};

let cached;

/** code -> meaning for every code this command can report. */
export function descriptions() {
  if (cached) return cached;
  let table = {};
  try {
    table = JSON.parse(readFileSync(new URL('./codes.json', import.meta.url), 'utf8'));
  } catch {
    table = {};
  }
  cached = { ...table };
  for (const [code, { meaning }] of Object.entries(CLI_CODES)) cached[code] = meaning;
  return cached;
}
