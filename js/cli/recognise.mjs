// Which files found in folders and globs are task configurations. A file named
// on the command line is checked unless it is plainly something else (a
// request about a task execution, a file without a single member of a task
// request); one found by walking a folder is
// checked only when it is a CloudFormation template, Terraform, a plan, or a
// request of a DataSync task operation, recognised by its content. Everything
// else (package.json, lock files, tsconfig.json, this command's own JSON and
// SARIF reports, other tools' JSON and YAML) is skipped, never linted.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fields, validate } from '../node/index.mjs';

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
 * Members a task request has, but other tools' files too (a Glue crawler's or
 * an SSM maintenance window's `Schedule` is a string, a .NET appsettings.json
 * has `Options`): each counts only with the shape it has in a task request,
 * or when every member of the document is a task request's.
 */
const SHARED_MEMBERS = ['Options', 'Schedule', 'Excludes', 'Includes'];

/** Request members too common in other files to tell anything alone. */
const COMMON_MEMBERS = ['Name', 'Tags'];

/**
 * The members of the three task operations' requests, and of Options and
 * Schedule, from the model (fields()); and `taskOnly`, the members that only a
 * DataSync task request has (SourceLocationArn, TaskArn, ...): every request
 * member but the shared and common ones. One of those makes a document a
 * request.
 */
let model;
function modelMembers() {
  if (!model) {
    const all = ['CreateTask', 'UpdateTask', 'StartTaskExecution'].flatMap((operation) => fields({ operation }));
    const under = (prefix) => new Set(all.filter((f) => f.pointer.startsWith(prefix) && !f.pointer.slice(prefix.length).includes('/')).map((f) => f.name));
    const request = under('/');
    const taskOnly = new Set([...request].filter((name) => !SHARED_MEMBERS.includes(name) && !COMMON_MEMBERS.includes(name)));
    model = { request, taskOnly, options: under('/Options/'), schedule: under('/Schedule/') };
  }
  return model;
}

/** The members only task requests have (a Set): for tests. */
export const taskOnlyMembers = () => modelMembers().taskOnly;

/** Whether `value` has a member that only task requests have. */
const hasTaskOnlyMember = (value) => Object.keys(value).some((key) => modelMembers().taskOnly.has(key));

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether `value` has the shape `member` has in a task request (Options with an option, Schedule with ScheduleExpression or Status, a list of filters). */
function hasRequestShape(member, value) {
  const { options, schedule } = modelMembers();
  if (member === 'Options') return isObject(value) && Object.keys(value).some((key) => options.has(key));
  if (member === 'Schedule') return isObject(value) && Object.keys(value).some((key) => schedule.has(key));
  return Array.isArray(value) && value.length > 0 && value.every((filter) => isObject(filter) && (Object.hasOwn(filter, 'FilterType') || Object.hasOwn(filter, 'Value')));
}

/**
 * The task execution a document is about (UpdateTaskExecution's request: a
 * TaskExecutionArn with Options; CancelTaskExecution's and
 * DescribeTaskExecution's: the ARN alone), or null: an execution is not a
 * task, and its Options are not a task's.
 */
function executionRequestOf(value) {
  if (!isObject(value) || !Object.hasOwn(value, 'TaskExecutionArn')) return null;
  if (hasTaskOnlyMember(value)) return null;
  return Object.hasOwn(value, 'Options') ? 'an UpdateTaskExecution request' : 'a request about a task execution';
}

/**
 * Whether a parsed document is a DataSync task request: an object with a
 * member only task requests have, or with Options, Schedule, Excludes or
 * Includes in a task request's shape, or with one of them and no member a
 * task request does not have. A request about a task execution is not one.
 */
export function isTaskRequest(value) {
  if (!isObject(value) || executionRequestOf(value)) return false;
  if (hasTaskOnlyMember(value)) return true;
  const keys = Object.keys(value);
  const shared = SHARED_MEMBERS.filter((member) => Object.hasOwn(value, member));
  if (shared.some((member) => hasRequestShape(member, value[member]))) return true;
  return shared.length > 0 && keys.every((key) => modelMembers().request.has(key));
}

/** Keys read per validate() call: under its REPORT_LIMIT of 1,000 diagnostics, with room for the missing members. */
const KEYS_PER_CALL = 900;

/** The lower-cased character codes of each member name (all ASCII), kept per list. */
const memberCodes = new WeakMap();
function codesOf(members) {
  let codes = memberCodes.get(members);
  if (!codes) {
    codes = members.map((name) => Array.from(name.toLowerCase(), (c) => c.charCodeAt(0)));
    memberCodes.set(members, codes);
  }
  return codes;
}

/** ASCII character counts of the key being measured, and of a member's characters met in it: reused, left zeroed. */
const keyCounts = new Int32Array(128);
const metCounts = new Int32Array(128);

/** The key's characters in code points, as the matcher counts them (a surrogate pair is one). */
function codePoints(key) {
  let length = key.length;
  for (let i = 0; i + 1 < key.length; i += 1) {
    if ((key.charCodeAt(i) & 0xfc00) === 0xd800 && (key.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length -= 1;
      i += 1;
    }
  }
  return length;
}

/**
 * Whether `key` is within reach of the validator's near-miss matcher for one
 * of `members` (src/rules/structure.rs suggest()): it measures a name only
 * when the lengths differ by at most max(1, ⌊length / 3⌋) (the key's length
 * in characters), and suggests it only within that many edits. An edit
 * removes at most one of the name's characters, so a name with more of its
 * characters missing from the key (ASCII case aside, as the matcher compares)
 * is out of reach too. A cheap test that never drops a key the matcher could
 * answer for, so validate() reads only these: a file of a million keys like
 * "k123456", each as long as TaskArn, costs no validate() call.
 */
export function withinReach(key, members) {
  const length = codePoints(key);
  const limit = Math.max(1, Math.floor(length / 3));
  const codes = codesOf(members);
  let counted = false;
  let reached = false;
  for (const member of codes) {
    if (Math.abs(member.length - length) > limit) continue;
    if (!counted) {
      counted = true;
      for (let i = 0; i < key.length; i += 1) {
        const c = key.charCodeAt(i);
        if (c < 128) keyCounts[c >= 65 && c <= 90 ? c + 32 : c] += 1;
      }
    }
    let missing = 0;
    for (const c of member) {
      if (metCounts[c] < keyCounts[c]) metCounts[c] += 1;
      else missing += 1;
    }
    for (const c of member) metCounts[c] = 0;
    if (missing <= limit) {
      reached = true;
      break;
    }
  }
  if (counted) keyCounts.fill(0);
  return reached;
}

/**
 * The keys (of `keys`) that validate() answers "did you mean" for with a
 * member `counts` accepts, as a Map from the key to that member, in any task
 * operation (TaskArn is UpdateTask's and StartTaskExecution's,
 * OverrideOptions the latter's). Each key is validated with no value, in
 * parts of KEYS_PER_CALL keys.
 */
function suggestedMembers(keys, counts) {
  const found = new Map();
  for (let start = 0; start < keys.length; start += KEYS_PER_CALL) {
    const request = Object.fromEntries(keys.slice(start, start + KEYS_PER_CALL).map((key) => [key, null]));
    for (const operation of ['CreateTask', 'UpdateTask', 'StartTaskExecution']) {
      for (const e of validate(request, { operation }).errors) {
        if (e.code === 'request/unknown-member' && counts(e.params?.suggestion) && !found.has(e.params.member)) found.set(e.params.member, e.params.suggestion);
      }
    }
  }
  return found;
}

/** A DataSync ARN (a task's, a location's, an agent's...) as a member's value. */
const DATASYNC_ARN = /^arn:aws[a-z-]*:datasync:/;

/**
 * Whether one of the document's keys is a misspelling of a member only task
 * requests have (SourceLocation, DestinationLocationARN, TaskArns): one
 * validate() answers "did you mean" with that member for. The validator's
 * own near-miss matcher decides (request/unknown-member's `suggestion`), so
 * what makes a file named on the command line a request is what the check of
 * it would then suggest; only keys within its reach are validated. A
 * misspelt shared or common member (Option, Schedules, Tag) counts no more
 * than the member itself; a name found one level down (a top-level `Status`:
 * /Schedule/Status) does not count.
 *
 * A near miss that changes the name's first letter (MaskArn for TaskArn)
 * counts only with something else DataSync-like in the document: a DataSync
 * ARN as a member's value, or a second key that is a near miss of a request
 * member. Typing slips rarely hit a word's first letter, while a short name
 * within one edit of TaskArn or TaskMode is easily another tool's own member
 * (a file such as `{"MaskArn": ...}` named by a shell glob would otherwise be
 * checked as a CreateTask, all errors).
 */
function misspeltTaskMember(value, keys) {
  const model = modelMembers();
  const { taskOnly, request } = model;
  const only = (model.taskOnlyList ??= [...taskOnly]);
  const suggested = suggestedMembers(
    keys.filter((key) => withinReach(key, only)),
    (member) => taskOnly.has(member),
  );
  if (suggested.size === 0) return false;
  const first = (name) => name.slice(0, 1).toLowerCase();
  if ([...suggested].some(([key, member]) => first(key) === first(member))) return true;
  if (Object.values(value).some((member) => typeof member === 'string' && DATASYNC_ARN.test(member))) return true;
  const all = (model.requestList ??= [...request]);
  const others = keys.filter((key) => !suggested.has(key) && withinReach(key, all));
  return suggestedMembers(others, (member) => request.has(member)).size > 0;
}

/**
 * Why a document named on the command line is not a task request, or null
 * (then it is checked as one). A request about a task execution
 * (TaskExecutionArn) is not; nor is a file that has members but not one a
 * task request has (package.json), nor one a member only task requests have
 * is misspelt as (a `SourceLocation` or `SourceLocationARN` is a request with
 * a typo; a `MaskArn` alone is not: see misspeltTaskMember). A single
 * request member, even `Name` or `Tags` among members no request has, makes
 * it checked: a file named on purpose that may be a broken request says what
 * is wrong with it. Anything that is not an object, and `{}`, is checked too,
 * so that a request that lacks its required members says so.
 */
export function notATaskRequest(value) {
  const execution = executionRequestOf(value);
  if (execution) return `${execution} (TaskExecutionArn: an execution, not a task), not a task request (pass --operation to check it as one)`;
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.some((key) => modelMembers().request.has(key))) return null;
  if (misspeltTaskMember(value, keys)) return null;
  const named = keys.slice(0, 3).map((key) => JSON.stringify(key)).join(', ');
  return `not a DataSync task request (none of its members is one a task request has: ${named}${keys.length > 3 ? ', ...' : ''}) (pass --operation to check it as one)`;
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

/**
 * A name that only task configurations hold, as a whole word: the members only
 * task requests have, not SHARED_MEMBERS (a broken .NET appsettings.json has
 * `Options`, a broken Glue crawler `Schedule`).
 */
function taskWords() {
  const model = modelMembers();
  model.words ??= new RegExp(`\\b(?:${[...model.taskOnly, 'AWSTemplateFormatVersion'].join('|')})\\b|AWS::DataSync::Task\\b|\\b(?:aws|awscc)_datasync_task\\b`);
  return model.words;
}

/**
 * Whether a file found in a folder that cannot be parsed may still be a task
 * configuration: it names a member only task requests have, is a template, or
 * names Terraform's aws_datasync_task or awscc_datasync_task. A broken task file is reported; a
 * broken file of another tool (a Helm chart's `{{ … }}`, JSON with comments
 * such as a .NET appsettings.json with its `Options`) is skipped.
 */
export function mentionsTask(text) {
  return taskWords().test(text);
}

/** The names the Serverless Framework looks for its configuration under. */
const SERVERLESS_FILE = /^serverless\.(?:ya?ml|json)$/;

/**
 * How the framework a Serverless file is written for strips the `null`
 * properties of its template's resources before it uploads the template
 * (CloudFormation has no null): 'top' for v3 and older (a member of
 * `Properties` that is null), 'deep' for v4, the current major (a null member
 * of any object under `Properties`; a null list item stays, as JSON writes the
 * hole `delete` leaves as null). v3's reading is taken when the file's
 * `frameworkVersion` admits no 4.x (`'3'`, `^3.38.0`, `>=3.0.0 <4`, `~2`); any
 * other range, or none, is read as v4 would read it.
 */
export function nullStripOf(frameworkVersion) {
  if (typeof frameworkVersion === 'number') frameworkVersion = String(frameworkVersion);
  if (typeof frameworkVersion !== 'string' || frameworkVersion.trim() === '') return 'deep';
  return frameworkVersion.split('||').every(belowFour) ? 'top' : 'deep';
}

/** Whether one alternative of a semver range admits no version 4.0.0 or later. */
function belowFour(range) {
  const text = range.trim().replace(/([<>=~^]+)\s+/g, '$1');
  const hyphen = /^\S+\s+-\s+v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?\S*$/.exec(text);
  if (hyphen) return Number(hyphen[1]) <= 3;
  return text.split(/\s+/).some((comparator) => {
    const match = /^([<>]=?|[=~^]|)v?(\d+)((?:\.(?:\d+|[xX*]))*)/.exec(comparator);
    if (!match) return false;
    const [, operator, major, rest] = match;
    if (operator === '>' || operator === '>=') return false;
    // `<4` and `<4.0.0` stop before 4.0.0; `<4.1` does not.
    if (operator === '<') return Number(major) <= 3 || (Number(major) === 4 && /^(?:\.0)*$/.test(rest));
    return Number(major) <= 3;
  });
}

/** A `resources` list item that is one `${file(...)}` variable (the framework reads that file and merges what it holds). */
const FILE_ITEM = /^\$\{file\(([^()$]*)\)(?::[^}]*)?\}$/;

/**
 * The CloudFormation template fragments of a Serverless Framework
 * configuration, or null. A file is one when it is named serverless.yml,
 * serverless.yaml or serverless.json, or has the framework's `service` and
 * `provider` members, and its `resources` member (Resources, with Conditions,
 * Parameters, Mappings..., which `serverless deploy` adds to the stack's
 * template) is a mapping with a `Resources` mapping, or a list of such
 * fragments. The framework merges a list in order, each item into what the
 * ones before it made (lodash's merge: mappings and lists member by member, a
 * later value replacing an earlier one), skipping an empty item (null, "",
 * false, 0) and refusing the whole file for any other item that is not a
 * mapping ("Non-object value specified in resources array"). What is returned:
 * `items` (each mapping with its pointer in the file, in the framework's
 * order), `unread` (the items this command cannot read: a `${file(...)}` or
 * other variable the framework resolves, a list), `refusal` (the framework's
 * error for the first item it refuses, with its pointer, or null), and
 * `nullStrip` (nullStripOf the file's frameworkVersion).
 */
export function serverlessResources(path, value) {
  if (!isObject(value)) return null;
  const named = SERVERLESS_FILE.test(path.split(/[\\/]/).pop());
  if (!named && !(Object.hasOwn(value, 'service') && Object.hasOwn(value, 'provider'))) return null;
  const { resources } = value;
  const nullStrip = nullStripOf(value.frameworkVersion);
  if (isObject(resources) && isObject(resources.Resources)) return { items: [{ value: resources, pointer: '/resources' }], unread: [], refusal: null, nullStrip };
  if (!Array.isArray(resources)) return null;
  const items = [];
  const unread = [];
  let refusal = null;
  resources.forEach((item, index) => {
    const pointer = `/resources/${index}`;
    if (!item || refusal) return;
    if (isObject(item)) items.push({ value: item, pointer });
    else if (Array.isArray(item) || (typeof item === 'string' && item.includes('${'))) unread.push({ pointer, item, file: typeof item === 'string' ? (FILE_ITEM.exec(item.trim())?.[1].trim() ?? null) : null });
    else refusal = { pointer, message: `the Serverless Framework refuses this file before it makes a template: "Non-object value specified in resources array: ${quoted(item)}" (item ${index} of \`resources\`); each item must be a mapping of template sections, or a \`\${file(...)}\` that reads one. Nothing else in the file was checked` };
  });
  return { items, unread, refusal, nullStrip };
}

/** A value as the framework's message prints it, at most 200 characters, then "…". */
function quoted(value) {
  const text = String(value);
  if (text.length <= 200) return text;
  return `${text.slice(0, /[\uD800-\uDBFF]/.test(text[199]) ? 199 : 200)}…`;
}

/** The framework variables that no plain template means literally outside Fn::Sub (CloudFormation never reads them). */
const SERVERLESS_VARIABLE = /\$\{(?:(?:self|sls|opt|param|env|ssm):|file\()/;

/** The serverless.yml files read to find which files they pull in, by path (null: none there). */
const namingFiles = new Map();

/** The Serverless files in `folder`, each as { path, text }, read once per run (at most 1 MiB each). */
function serverlessFilesIn(folder) {
  if (!namingFiles.has(folder)) {
    const found = [];
    for (const name of ['serverless.yml', 'serverless.yaml', 'serverless.json']) {
      const path = join(folder, name);
      try {
        if (statSync(path).size <= 1 << 20) found.push({ path, text: readFileSync(path, 'utf8') });
      } catch {
        // Not there, or not readable: it names nothing.
      }
    }
    namingFiles.set(folder, found);
  }
  return namingFiles.get(folder);
}

/** The frameworkVersion a Serverless file's text gives, as written, or undefined. */
function frameworkVersionIn(text) {
  const match = /^[ \t]*["']?frameworkVersion["']?[ \t]*:[ \t]*["']?([^"'\n#,}]*)/m.exec(text);
  return match ? match[1].trim() : undefined;
}

/**
 * Whether a template is a Serverless Framework resource fragment, which the
 * framework reads through a `${file(...)}` and resolves the variables of
 * before CloudFormation sees it, and how its nulls are stripped
 * (nullStripOf), or null. It is one when a serverless.yml, serverless.yaml or
 * serverless.json in its folder or up to three folders above names it in a
 * `${file(...)}` (that file's frameworkVersion then decides the null
 * stripping), or when one of its strings outside any Fn::Sub holds a
 * framework variable (`${self:`, `${sls:`, `${opt:`, `${param:`, `${env:`,
 * `${ssm:`, `${file(`), which no template deployed on its own means
 * literally. A template with neither is read as a template.
 */
export function serverlessFragment(path, value) {
  const target = resolve(path);
  let folder = dirname(target);
  for (let up = 0; up <= 3; up += 1) {
    for (const file of serverlessFilesIn(folder)) {
      for (const match of file.text.matchAll(/\$\{file\(\s*["']?([^()$"']+?)["']?\s*\)/g)) {
        if (resolve(folder, match[1]) === target) return { nullStrip: nullStripOf(frameworkVersionIn(file.text)), namedBy: file.path };
      }
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return hasFrameworkVariable(value) ? { nullStrip: 'deep', namedBy: null } : null;
}

/** Whether a string outside any Fn::Sub holds a SERVERLESS_VARIABLE; at most 100,000 values are looked at. */
function hasFrameworkVariable(value) {
  const stack = [value];
  for (let left = 100_000; stack.length > 0 && left > 0; left -= 1) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (SERVERLESS_VARIABLE.test(next)) return true;
    } else if (Array.isArray(next)) {
      stack.push(...next);
    } else if (isObject(next)) {
      for (const [key, member] of Object.entries(next)) if (key !== 'Fn::Sub') stack.push(member);
    }
  }
  return false;
}

/**
 * Whether a line holds a text template's action: Go and Helm `{{ … }}`,
 * Jinja's `{% … %}`, Handlebars and Mustache. One pass over the lines.
 */
function hasTemplateAction(text) {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const go = line.indexOf('{{');
    if (go >= 0 && line.indexOf('}}', go + 2) >= 0) return true;
    const jinja = line.indexOf('{%');
    if (jinja >= 0 && line.indexOf('%}', jinja + 2) >= 0) return true;
    start = end + 1;
  }
  return false;
}

/** A key as JSON or YAML writes it (`"Name":`, `Name:`, `- 'Name' :`), anywhere in the text. */
const WRITTEN_KEY = /(?:^|[\s{,[])(?:"([^"\\\n]{1,128})"|'([^'\n]{1,128})'|([A-Za-z_][\w.-]{0,127}))[ \t]*:(?=[\s"'{[]|$)/gm;

/** Whether JSON text has a `//` or `/* … *\/` comment outside its strings (JSONC: tsconfig.json, VS Code's settings). */
function hasJsonComment(text) {
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22 || c === 0x0a) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x2f && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a)) {
      return true;
    }
  }
  return false;
}

/**
 * Why a file named on the command line that cannot be parsed is not a
 * DataSync input at all, or null (then its syntax error stands: exit 2). A
 * glob such as `**\/*.json` names every tsconfig.json and Helm chart template
 * in a repository, and "invalid JSON" for a file that was never meant for
 * DataSync tells the user nothing. Conservative: it must be another tool's
 * file by its name (package.json, tsconfig.json, lock files) or by what
 * makes it unparsable (JSON with comments, a text template's `{{ … }}`), and
 * nothing in it may be DataSync's: no member only task requests have, no
 * template section or AWS::DataSync::Task, no aws_datasync_task or awscc_datasync_task, no DataSync
 * ARN, and no key anywhere in it that would make a named file a request (a
 * request member, even Name or Options, or a near miss of a task member, as
 * notATaskRequest() reads the keys). A broken request or template always
 * names one of those, so it is still reported.
 */
export function notADataSyncInput(name, text, syntax) {
  let shape = null;
  if (skippedByName(name)) shape = `a file named ${name.split(/[\\/]/).pop()}, which is never a task configuration`;
  else if (syntax === 'json' && hasJsonComment(text)) shape = 'JSON with comments (as tsconfig.json or VS Code settings are), which the AWS CLI does not read';
  else if (hasTemplateAction(text)) shape = 'a text template (Helm, Go, Jinja: {{ … }}) that is not JSON or YAML until it is rendered';
  if (!shape || mentionsTask(text) || /arn:aws[a-z-]*:datasync:/.test(text)) return null;
  const keys = new Set();
  for (const match of text.matchAll(WRITTEN_KEY)) keys.add(match[1] ?? match[2] ?? match[3]);
  if (keys.size === 0 || keys.has('Resources')) return null;
  if (notATaskRequest(Object.fromEntries([...keys].map((key) => [key, null]))) === null) return null;
  return `not a DataSync input: ${shape}, with no DataSync task member, template section or ARN in it`;
}
