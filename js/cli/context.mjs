// What the command knows of the world around a request: the locations
// (--locations FILE, the configuration's "locations") and existing tasks
// (--task FILE, "task"), read from the AWS CLI's output and given to
// validate() as its `locations` and `task` options, exactly as the JS API
// takes them (README, "Locations" and "Other operations").
//
// A locations file is `aws datasync describe-location-*` output (one
// object with a LocationArn), `aws datasync list-locations` output
// ({ "Locations": [...] }) or a list of such objects; a task file is
// `aws datasync describe-task` output. JSON or YAML. The entries are checked
// by validate() itself (its TypeError, reworded to name the file); this
// module only reads the files and picks the shape.
import { resolve } from 'node:path';
import { validate } from '../node/index.mjs';
import { looksLikeJson, ParseError, parseYaml, toJsonText } from './documents.mjs';
import { readInput } from './inputs.mjs';

/** A context file that cannot be used; the message is one line and names the file. */
export class ContextError extends Error {}

const kindOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The file's value, as JSON holds it (a YAML integer, which the YAML reading
 * gives as a BigInt, becomes a number: validate()'s options are JSON values).
 */
async function readValue(path, shown) {
  const read = await readInput({ name: shown, path });
  if (read.error) throw new ContextError(`${shown}: cannot read: ${read.error}`);
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  if (text.trim() === '') throw new ContextError(`${shown}: the file is empty`);
  if (looksLikeJson(text) || shown.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ContextError(`${shown}: invalid JSON: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  let value;
  try {
    ({ value } = parseYaml(text, { version: '1.2' }));
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // The YAML is read as the AWS CLI reads a request (documents.mjs), whose messages say what
    // quoting sends; a context file is only read.
    const message = error.message.replace(/ to send it as text$/, ' to have it read as text');
    throw new ContextError(`${shown}:${error.line}:${error.column}: invalid YAML: ${message}`);
  }
  return JSON.parse(toJsonText(value ?? null));
}

/**
 * validate()'s TypeError for `options`, or null when they are well formed
 * (undefined when they nest too deeply).
 * Options read from a file hold only JSON values, so the one reason they
 * cannot be read as JSON is their depth (the stack, or the validator's limit).
 */
function refusal(options) {
  try {
    validate('{}', options);
    return null;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const message = error.message.replace(/^validate: /, '');
    return message.startsWith('options could not be read as JSON') ? undefined : message;
  }
}

const TOO_DEEP = 'nests lists or objects too deeply to be read (no description the AWS CLI prints comes near)';

/** The location descriptions of one file, checked by validate(). */
async function readLocations(path, shown) {
  const value = await readValue(path, shown);
  let items;
  let where;
  if (Array.isArray(value)) {
    items = value;
    where = (i) => `[${i}]`;
  } else if (isObject(value) && Array.isArray(value.Locations)) {
    items = value.Locations;
    where = (i) => `Locations[${i}]`;
  } else if (isObject(value) && Object.hasOwn(value, 'LocationArn')) {
    items = [value];
    where = () => 'the location';
  } else {
    throw new ContextError(
      `${shown}: not what "aws datasync describe-location-…" ({ "LocationArn": … }) or "list-locations" ({ "Locations": [...] }) prints, nor a list of locations, but ${kindOf(value)}${isObject(value) ? ' without LocationArn or Locations' : ''}`,
    );
  }
  const why = refusal({ locations: items });
  if (why === undefined) throw new ContextError(`${shown}: ${TOO_DEEP}`);
  if (why) {
    throw new ContextError(`${shown}: ${why.replace(/^options\.locations\[(\d+)\]/, (_, i) => where(Number(i)))}`);
  }
  return items;
}

/** One DescribeTask response, checked by validate(). */
async function readTask(path, shown) {
  const value = await readValue(path, shown);
  if (!isObject(value)) throw new ContextError(`${shown}: not what "aws datasync describe-task" prints (an object), but ${kindOf(value)}`);
  if (typeof value.TaskArn !== 'string') {
    throw new ContextError(`${shown}: not what "aws datasync describe-task" prints: it has no TaskArn, so it describes no task a request names`);
  }
  const why = refusal({ operation: 'UpdateTask', task: value });
  if (why === undefined) throw new ContextError(`${shown}: ${TOO_DEEP}`);
  if (why) throw new ContextError(`${shown}: ${why.replace(/^options\.task/, 'the task')}`);
  return value;
}

/**
 * Reads the context files: `sources` is a list of
 * `{ kind: 'locations' | 'task', path, shown }` (path absolute or relative to
 * `cwd`; shown is the name for messages), in order: a later description of
 * the same location ARN or task ARN wins. Returns `{ locations, tasks }`
 * (tasks: TaskArn -> DescribeTask response), or null when there are no
 * sources. Throws ContextError.
 */
export async function readContext(sources, cwd) {
  if (sources.length === 0) return null;
  const context = { locations: [], tasks: new Map() };
  for (const { kind, path, shown } of sources) {
    const absolute = resolve(cwd, path);
    if (kind === 'locations') context.locations.push(...(await readLocations(absolute, shown)));
    else {
      const task = await readTask(absolute, shown);
      context.tasks.set(task.TaskArn, task);
    }
  }
  return context;
}

/**
 * validate()'s options for `request` (its value; its operation is
 * `options?.operation`, CreateTask when absent) with the context added: the
 * described locations before those of `options` (a template's or Terraform
 * configuration's own location resources win), and the described task whose
 * TaskArn is the request's, for UpdateTask and StartTaskExecution. Without
 * anything to add, `options` as they are.
 */
export function withContext(options, context, request) {
  if (!context) return options;
  const out = { ...options };
  if (context.locations.length > 0) out.locations = [...context.locations, ...(options?.locations ?? [])];
  const arn = isObject(request) ? request.TaskArn : undefined;
  if (options?.operation && options.operation !== 'CreateTask' && typeof arn === 'string' && context.tasks.has(arn)) {
    out.task = context.tasks.get(arn);
  }
  return Object.keys(out).length > 0 ? out : options;
}
