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
