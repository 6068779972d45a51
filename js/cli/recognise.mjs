// Which files found in folders and globs are task configurations. A file named
// on the command line is always checked; one found by walking a folder is
// checked only when it is a CloudFormation template, Terraform, a plan, or a
// request of a DataSync task operation, recognised by its content. Everything
// else (package.json, lock files, tsconfig.json, this command's own JSON and
// SARIF reports, other tools' JSON and YAML) is skipped, never linted.

/** File names that are never task configurations, whatever they hold (some are not even JSON). */
const NEVER_TASKS = [
  /^package\.json$/,
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^pnpm-lock\.yaml$/,
  /^pnpm-workspace\.yaml$/,
  /^yarn\.lock$/,
  /^composer\.(json|lock)$/,
  /^(ts|js)config(\..*)?\.json$/,
  /^\.datasync-task-validator\.json$/,
];

/** Why a file is skipped by its name alone, or null. */
export function skippedByName(path) {
  const name = path.split(/[\\/]/).pop();
  return NEVER_TASKS.some((pattern) => pattern.test(name)) ? 'not a task configuration (by its name)' : null;
}

/**
 * Members that only a DataSync task request has (CreateTask, UpdateTask,
 * StartTaskExecution). `Name` and `Tags` alone are too common to tell.
 */
const TASK_MEMBERS = new Set([
  'SourceLocationArn',
  'DestinationLocationArn',
  'CloudWatchLogGroupArn',
  'Options',
  'Excludes',
  'Includes',
  'Schedule',
  'ManifestConfig',
  'TaskReportConfig',
  'TaskMode',
  'TaskArn',
  'OverrideOptions',
]);

/** Whether a parsed document is a DataSync task request: an object with a member only requests have. */
export function isTaskRequest(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.keys(value).some((key) => TASK_MEMBERS.has(key));
}

/** Members of a DescribeTask response that no request has. */
const DESCRIBE_TASK_ONLY = [
  'Status',
  'CreationTime',
  'CurrentTaskExecutionArn',
  'SourceNetworkInterfaceArns',
  'DestinationNetworkInterfaceArns',
  'ScheduleDetails',
  'ErrorCode',
  'ErrorDetail',
];

/**
 * The response a parsed document is (what `aws datasync describe-task` or
 * `describe-task-execution` prints), or null: it shares members with the
 * requests (TaskArn, Options, Excludes...) but is not one, and checking it
 * as a request would report every response-only member as unknown.
 * DescribeTask: a TaskArn with a member only that response has (Status,
 * CreationTime...). DescribeTaskExecution: a TaskExecutionArn with a Status
 * or StartTime (StartTaskExecution's own response has the ARN alone).
 */
export function responseOf(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const has = (name) => Object.hasOwn(value, name);
  if (has('TaskArn') && DESCRIBE_TASK_ONLY.some(has)) return 'DescribeTask';
  if (has('TaskExecutionArn') && (has('Status') || has('StartTime'))) return 'DescribeTaskExecution';
  return null;
}

/** A name that only task configurations hold, as a whole word. */
const TASK_WORDS = new RegExp(`\\b(?:${[...TASK_MEMBERS, 'AWSTemplateFormatVersion'].join('|')})\\b|AWS::DataSync::Task\\b|\\baws_datasync_task\\b`);

/**
 * Whether a file that cannot be parsed may still be a task configuration: it
 * names a member only requests have, is a template, or names Terraform's
 * aws_datasync_task. A broken task file is
 * reported; a broken file of another tool (a Helm chart's `{{ … }}`, JSON with
 * comments) is skipped.
 */
export function mentionsTask(text) {
  return TASK_WORDS.test(text);
}
