// Generated from src/diagnostic.rs by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit.
// datasync-task-validator/codes: every code, for tools that list or configure them.
// A module of its own, so that a browser that never imports it never downloads it.

const CODES = [
  {
    "code": "json/syntax-error",
    "severity": "error",
    "summary": "The input is not well-formed JSON text; `params.line` and `params.column` say where.",
    "emittedBy": "validator"
  },
  {
    "code": "json/too-deep",
    "severity": "error",
    "summary": "Arrays or objects nest more than 64 levels deep (or too deep for `JSON.stringify`).",
    "emittedBy": "validator"
  },
  {
    "code": "json/duplicate-member",
    "severity": "warning",
    "summary": "An object names the same member twice; the last one wins.",
    "emittedBy": "validator"
  },
  {
    "code": "input/not-serializable",
    "severity": "error",
    "summary": "A JavaScript value could not be read as JSON (a cycle, a throwing getter or toJSON).",
    "emittedBy": "validator"
  },
  {
    "code": "request/not-an-object",
    "severity": "error",
    "summary": "The request is not a JSON object.",
    "emittedBy": "validator"
  },
  {
    "code": "request/unknown-member",
    "severity": "error",
    "summary": "A member the API does not define; `params.suggestion` gives the nearest known name or where it belongs.",
    "emittedBy": "validator"
  },
  {
    "code": "request/missing-member",
    "severity": "error",
    "summary": "A required member is missing.",
    "emittedBy": "validator"
  },
  {
    "code": "value/wrong-type",
    "severity": "error",
    "summary": "A value has the wrong JSON type (`BytesPerSecond` must be an integer).",
    "emittedBy": "validator"
  },
  {
    "code": "value/integer-out-of-range",
    "severity": "error",
    "summary": "An integer outside the 64-bit range of a `long`.",
    "emittedBy": "validator"
  },
  {
    "code": "value/below-minimum",
    "severity": "error",
    "summary": "A number below the model's minimum (`BytesPerSecond` below -1).",
    "emittedBy": "validator"
  },
  {
    "code": "value/not-in-enum",
    "severity": "error",
    "summary": "A string that is not one of the member's values (case-sensitive; `params.suggestion` fixes the case).",
    "emittedBy": "validator"
  },
  {
    "code": "value/too-short",
    "severity": "error",
    "summary": "A string shorter than the model's minimum length (in Unicode code points).",
    "emittedBy": "validator"
  },
  {
    "code": "value/too-long",
    "severity": "error",
    "summary": "A string longer than the model's maximum length (in Unicode code points).",
    "emittedBy": "validator"
  },
  {
    "code": "value/pattern-mismatch",
    "severity": "error",
    "summary": "A string that does not match the model's pattern; the message names the bad character or the expected form.",
    "emittedBy": "validator"
  },
  {
    "code": "value/invalid-unicode",
    "severity": "error",
    "summary": "A string holding a lone UTF-16 surrogate, which cannot be sent as UTF-8.",
    "emittedBy": "validator"
  },
  {
    "code": "list/too-many-items",
    "severity": "error",
    "summary": "More than 50 tags, or more than one filter rule in Includes or Excludes.",
    "emittedBy": "validator"
  },
  {
    "code": "options/atime-mtime-mismatch",
    "severity": "error",
    "summary": "In Basic mode Atime BEST_EFFORT needs Mtime PRESERVE, and Atime NONE needs Mtime NONE (effective values).",
    "emittedBy": "validator"
  },
  {
    "code": "options/enhanced-mtime-none",
    "severity": "error",
    "summary": "Enhanced mode does not support Mtime NONE.",
    "emittedBy": "validator"
  },
  {
    "code": "options/remove-with-transfer-all",
    "severity": "error",
    "summary": "PreserveDeletedFiles REMOVE cannot be combined with TransferMode ALL.",
    "emittedBy": "validator"
  },
  {
    "code": "options/enhanced-point-in-time",
    "severity": "error",
    "summary": "Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT.",
    "emittedBy": "validator"
  },
  {
    "code": "logging/log-group-unused",
    "severity": "warning",
    "summary": "A log group is given but LogLevel is OFF (set or by default), so nothing is published.",
    "emittedBy": "validator"
  },
  {
    "code": "logging/no-log-group",
    "severity": "warning",
    "summary": "Basic mode logging is on but there is no log group to publish to.",
    "emittedBy": "validator"
  },
  {
    "code": "logging/enhanced-log-group-name",
    "severity": "error",
    "summary": "UpdateTask of an Enhanced mode task with a log group not named `/aws/datasync`; `params.suggestion` is the ARN naming it.",
    "emittedBy": "validator"
  },
  {
    "code": "logging/enhanced-log-group-ignored",
    "severity": "warning",
    "summary": "CreateTask of an Enhanced mode task with a log group not named `/aws/datasync`, which gets no logs; `params.suggestion` is the ARN naming it.",
    "emittedBy": "validator"
  },
  {
    "code": "manifest/missing-source",
    "severity": "error",
    "summary": "A manifest configuration without a Source.",
    "emittedBy": "validator"
  },
  {
    "code": "manifest/with-filters",
    "severity": "warning",
    "summary": "A manifest together with Includes or Excludes filters: which of the two decides what is transferred is not documented.",
    "emittedBy": "validator"
  },
  {
    "code": "manifest/remove-deletes-nothing",
    "severity": "warning",
    "summary": "PreserveDeletedFiles REMOVE with a manifest: a manifest transfer deletes nothing.",
    "emittedBy": "validator"
  },
  {
    "code": "report/summary-ignores-levels",
    "severity": "warning",
    "summary": "ReportLevel or Overrides with OutputType SUMMARY_ONLY: a summary-only report lists no items.",
    "emittedBy": "validator"
  },
  {
    "code": "report/deleted-without-remove",
    "severity": "warning",
    "summary": "An Overrides.Deleted while PreserveDeletedFiles is PRESERVE: the task deletes nothing.",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/invalid-expression",
    "severity": "error",
    "summary": "Not valid EventBridge `cron(…)` (six fields) or `rate(…)` syntax.",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/five-field-cron",
    "severity": "warning",
    "summary": "A Unix-style five-field cron; EventBridge documents six. `params.suggestion` is the six-field expression that means the same, or, where Unix would run on either day field, the one that keeps only the day-of-week field.",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/too-frequent",
    "severity": "error",
    "summary": "A schedule that would run more often than once an hour (DataSync's minimum).",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/nonstandard-spelling",
    "severity": "warning",
    "summary": "A schedule spelled unlike EventBridge's documentation (`CRON(`, `rate(2 Hours)`, spaces around or inside, whitespace alone); `params.suggestion` is the documented form.",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/rate-unit-singular-plural",
    "severity": "warning",
    "summary": "A rate unit not in the number EventBridge requires for its value (`rate(1 days)`, `rate(5 hour)`); `params.suggestion` is the documented form.",
    "emittedBy": "validator"
  },
  {
    "code": "schedule/never-fires",
    "severity": "warning",
    "summary": "A schedule that matches no future time (30 February, only past years).",
    "emittedBy": "validator"
  },
  {
    "code": "filter/empty-pattern",
    "severity": "warning",
    "summary": "An empty pattern in a filter value (`a||b`, a leading or trailing `|`).",
    "emittedBy": "validator"
  },
  {
    "code": "filter/include-wildcard-not-last",
    "severity": "error",
    "summary": "An include pattern with `*` anywhere but at its end.",
    "emittedBy": "validator"
  },
  {
    "code": "filter/include-trailing-wildcards",
    "severity": "warning",
    "summary": "An include pattern ending in a run of `*` (`/logs/**`), where one `*` means the same; `params.suggestion` has one.",
    "emittedBy": "validator"
  },
  {
    "code": "filter/include-without-slash",
    "severity": "warning",
    "summary": "An include pattern that does not start with `/`.",
    "emittedBy": "validator"
  },
  {
    "code": "filter/pattern-whitespace",
    "severity": "warning",
    "summary": "A filter pattern that starts or ends with whitespace (the line break that ends a YAML `|` block or a heredoc, `/a | /b`); the fix trims it.",
    "emittedBy": "validator"
  },
  {
    "code": "filter/missing-value",
    "severity": "warning",
    "summary": "A filter rule without a Value filters nothing.",
    "emittedBy": "validator"
  },
  {
    "code": "filter/combined-too-long",
    "severity": "warning",
    "summary": "Include and exclude patterns together exceed the 102,400-character quota.",
    "emittedBy": "validator"
  },
  {
    "code": "tag/duplicate-key",
    "severity": "error",
    "summary": "Two tags with the same key.",
    "emittedBy": "validator"
  },
  {
    "code": "tag/reserved-prefix",
    "severity": "error",
    "summary": "A tag key starting with the reserved `aws:` prefix (any case).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/same-location",
    "severity": "warning",
    "summary": "The source and destination are the same location.",
    "emittedBy": "validator"
  },
  {
    "code": "report/truncated",
    "severity": "warning",
    "summary": "The request has more than 1,000 problems: the report keeps 1,000, errors first; `params.total` and `params.shown` say how many.",
    "emittedBy": "validator"
  },
  {
    "code": "locations/posix-between-object-stores",
    "severity": "error",
    "summary": "Both locations are object storage and Uid, Gid or PosixPermissions is not NONE (needs both locations' types).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/enhanced-unsupported-pair",
    "severity": "warning",
    "summary": "TaskMode ENHANCED with S3 on Outposts at either end, the one kind of transfer Enhanced mode is not documented for (needs a type).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/nfs-version-needs-enhanced",
    "severity": "error",
    "summary": "A location mounted with NFS 4.2 in a Basic mode task (needs MountOptions.Version).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/efs-preserve-devices",
    "severity": "error",
    "summary": "PreserveDevices PRESERVE with Amazon EFS at either end (needs a type).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/archive-point-in-time",
    "severity": "error",
    "summary": "VerifyMode POINT_IN_TIME_CONSISTENT into S3 Glacier Flexible Retrieval or Deep Archive (needs the destination's S3StorageClass).",
    "emittedBy": "validator"
  },
  {
    "code": "locations/archive-default-verify-mode",
    "severity": "warning",
    "summary": "VerifyMode omitted in Basic mode (default POINT_IN_TIME_CONSISTENT) into S3 Glacier Flexible Retrieval or Deep Archive.",
    "emittedBy": "validator"
  },
  {
    "code": "locations/agentless-needs-enhanced",
    "severity": "warning",
    "summary": "An object storage or Azure Blob location described without agents (`AgentArns: []`) in a Basic mode task.",
    "emittedBy": "validator"
  },
  {
    "code": "cloudformation/missing-property",
    "severity": "error",
    "summary": "A member the AWS::DataSync::Task resource schema requires but the API does not is missing.",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/missing-mapping-key",
    "severity": "error",
    "summary": "Fn::FindInMap names a mapping or key the template's Mappings do not have, and gives no DefaultValue.",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/read-only-property",
    "severity": "warning",
    "summary": "A read-only attribute of AWS::DataSync::Task (TaskArn, Status, the network interface ARNs) is set in Properties.",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/not-checked",
    "severity": "info",
    "summary": "A value CloudFormation resolves at deploy time (Ref, Fn::GetAtt, Fn::Sub, Fn::If, …) was not checked.",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/parameter-default",
    "severity": "info",
    "summary": "A value from a template parameter was checked with the parameter's Default; a stack may pass another value.",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/yaml-boolean",
    "severity": "info",
    "summary": "An unquoted YAML 1.1 boolean (ON, OFF, yes, no, …) that CloudFormation sends as \"true\" or \"false\".",
    "emittedBy": "command"
  },
  {
    "code": "cloudformation/no-tasks",
    "severity": "info",
    "summary": "A CloudFormation template without AWS::DataSync::Task resources.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/unsupported-argument",
    "severity": "error",
    "summary": "An argument or block the AWS provider does not accept in aws_datasync_task, or a value set for a computed attribute.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/ignored-attribute",
    "severity": "warning",
    "summary": "A key an awscc_datasync_task's nested attribute does not have: Terraform drops it, nothing is sent for it.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/too-many-blocks",
    "severity": "error",
    "summary": "More than one options, schedule, includes, excludes, task_report_config, s3_destination or report_overrides block.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/missing-block",
    "severity": "error",
    "summary": "A block the provider requires is missing (s3_destination in task_report_config, s3_config in a location).",
    "emittedBy": "command"
  },
  {
    "code": "terraform/missing-argument",
    "severity": "error",
    "summary": "An argument the provider requires is missing or null (a location resource's s3_bucket_arn, a task's source_location_arn).",
    "emittedBy": "command"
  },
  {
    "code": "terraform/invalid-for-each",
    "severity": "error",
    "summary": "A `for_each` Terraform rejects on an aws_datasync_task, on the module call it is in, or on one of its `dynamic` blocks.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/invalid-count",
    "severity": "error",
    "summary": "A `count` Terraform rejects on an aws_datasync_task or on the module call it is in: null, negative, not a whole number, or no number.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/invalid-location-value",
    "severity": "error",
    "summary": "A location resource a task references sets an argument to a value the AWS provider refuses.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/invalid-resource-type",
    "severity": "error",
    "summary": "A resource type named like a DataSync one (aws_datasync_*, awscc_datasync_*) that its provider does not have.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/not-checked",
    "severity": "info",
    "summary": "A value Terraform knows only at plan or apply time was not checked.",
    "emittedBy": "command"
  },
  {
    "code": "terraform/no-tasks",
    "severity": "info",
    "summary": "A `terraform show -json` plan or state without aws_datasync_task resources to create or keep.",
    "emittedBy": "command"
  },
  {
    "code": "request/operation",
    "severity": "info",
    "summary": "A request file checked as an UpdateTask or StartTaskExecution request, chosen from its members or by --operation.",
    "emittedBy": "command"
  },
  {
    "code": "suppression/invalid",
    "severity": "warning",
    "summary": "A suppression in a template resource's Metadata or a Terraform comment that cannot be honoured: an unknown or retired code, or not a list of codes.",
    "emittedBy": "command"
  },
  {
    "code": "yaml/syntax-error",
    "severity": "error",
    "summary": "An input file is not well-formed YAML (or names a key twice), so nothing in it was checked.",
    "emittedBy": "command"
  },
  {
    "code": "input/unreadable",
    "severity": "error",
    "summary": "An input file could not be read (missing, a folder, no permission) or checked, so nothing in it was checked.",
    "emittedBy": "command"
  },
  {
    "code": "value/empty-string",
    "severity": null,
    "summary": "An empty Name or tag Value was a warning; the service rejects it (the pattern needs a character), so it is value/pattern-mismatch, an error.",
    "emittedBy": "validator",
    "retired": {
      "since": "Unreleased",
      "replacedBy": [
        "value/pattern-mismatch"
      ]
    }
  },
  {
    "code": "options/enhanced-bandwidth-limit",
    "severity": null,
    "summary": "BytesPerSecond in Enhanced mode: the API model stopped saying that it does not apply (December 2025, when Enhanced mode gained agents).",
    "emittedBy": "validator",
    "retired": {
      "since": "Unreleased",
      "replacedBy": []
    }
  }
];

/**
 * Every code a report can hold (the validator's, then the command's own),
 * then the retired codes: `{ code, severity, summary, emittedBy, retired? }`.
 * A fresh copy on each call.
 */
export function codes() {
  return CODES.map((entry) => (entry.retired
    ? { ...entry, retired: { ...entry.retired, replacedBy: [...entry.retired.replacedBy] } }
    : { ...entry }));
}
