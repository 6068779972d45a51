// Checks one input document and returns what the output formats print:
//   { file, syntax, kind, error?, notes, tasks }
// kind is 'request' (one CreateTask, UpdateTask or StartTaskExecution request,
// e.g. a --cli-input-json file; the operation comes from --operation or the
// request's members, and an info note names any but CreateTask),
// 'template' (one entry in `tasks` per AWS::DataSync::Task resource),
// 'terraform' (one entry per aws_datasync_task in `terraform show -json`
// output; .tf files are checked by terraform.mjs),
// 'unparsable' (`error` = { message, line, column }) or 'skipped' (with
// options.onlyTasks: a file that is not a task configuration, or that cannot
// be parsed and names nothing only task configurations have).
// Each task: { logicalId, pointer, diagnostics, notes, defaults?, schedule? };
// every diagnostic and note carries the line and column of the member its
// path names (or of the nearest member that exists).
import { applyDefaults, describeSchedule, fields as fieldList, validate } from '../node/index.mjs';
import { checkRequest, requestWithDefaults, resolveUnknowns } from './check.mjs';
import { withContext } from './context.mjs';
import { aliasRefusal, findTasks, ifWorlds, isLoopKey, isTemplate, mapProperties, parameterDefaults, templateLocations, Unknown } from './cloudformation.mjs';
import { looksLikeJson, ParseError, parseYaml, positionOf, readJson, requestText, tooDeepPointer, typedDiagnostics } from './documents.mjs';
import { isTerraformShow, terraformShowReport } from './terraform-plan.mjs';
import { isTaskRequest, mentionsTask, notATaskRequest, responseOf, serverlessFragment, serverlessResources } from './recognise.mjs';
import { INVALID_SUPPRESSION, METADATA_KEY, metadataSuppressions } from './suppress.mjs';
import { expandLoops, locationUrisAsArns, mappingsRefusal, missingTransform, withLocationDefaults, loopPointers, serverlessTemplate, templateConditions, usableDefaults, usesLanguageExtensions, worldConditions } from './cloudformation.mjs';

let cachedFields;
const fields = () => (cachedFields ??= fieldList());

const byPathThenCode = (a, b) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** A template section at the start of a line: the file is probably a YAML template. */
const TEMPLATE_SECTION = /^(?:AWSTemplateFormatVersion|Resources)[ \t]*:/m;

/** 'json' or 'yaml', from the file name or, failing that, the content. */
function syntaxOf(name, text) {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return looksLikeJson(text) ? 'json' : 'yaml';
}

/**
 * The items with the line and column of their paths. `positions` is a map, or
 * a function that reads one, called only when there is an item to place.
 */
function located(items, positions, prefix) {
  if (items.length === 0) return [];
  const map = typeof positions === 'function' ? positions() : positions;
  return items.map((item) => {
    const { line, column } = positionOf(map, prefix + item.path);
    return { ...item, line, column };
  });
}

/**
 * json/too-deep at its place in the file. The validator's line and column
 * (its params) are in the JSON text it read: the file's own for a JSON
 * request, but the command's for YAML (and for a template's task); there the
 * collection that opens the 65th level is found in `value` (what that text was
 * made from) and `at(pointer)` gives its position in the document. The
 * message does not say where (the validator's one sentence); every format
 * prints the position set here.
 */
function placeTooDeep(diagnostic, value, at) {
  if (diagnostic.code !== 'json/too-deep') return diagnostic;
  let { line, column } = diagnostic.params ?? {};
  if (at) {
    const pointer = tooDeepPointer(value);
    if (pointer === null) return diagnostic;
    ({ line, column } = at(pointer));
  }
  if (!Number.isInteger(line) || !Number.isInteger(column)) return diagnostic;
  return { ...diagnostic, params: { ...diagnostic.params, line, column }, line, column };
}

function scheduleOf(request) {
  const expression = request?.Schedule?.ScheduleExpression;
  if (typeof expression !== 'string') return undefined;
  try {
    const description = describeSchedule(expression, { count: 3 });
    return description.summary ? { summary: description.summary, nextRuns: description.nextRuns } : undefined;
  } catch {
    return undefined;
  }
}

/** The members of an UpdateTask request that StartTaskExecution does not take (the model's). */
const UPDATE_ONLY = ['Name', 'Options', 'Schedule', 'CloudWatchLogGroupArn'];

/**
 * The operation a request `value` is for: `chosen` (--operation) unless it is
 * 'auto', else from the members, as the AWS CLI's --cli-input-json files of
 * each operation have them. A TaskArn means an existing task: a run when
 * there are OverrideOptions or Tags (UpdateTask has neither), unless more
 * members only UpdateTask takes are there; else an update (whose members a
 * run without overrides shares). Returns the operation and, for auto, the reason.
 */

export function operationOf(value, chosen = 'auto') {
  if (chosen !== 'auto') return { operation: chosen, reason: 'chosen with --operation' };
  const has = (name) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, name);
  if (!has('TaskArn')) return { operation: 'CreateTask', reason: 'it has no TaskArn' };
  if (has('SourceLocationArn') || has('DestinationLocationArn')) {
    return { operation: 'CreateTask', reason: 'it has location ARNs' };
  }
  if (has('OverrideOptions') || has('Tags')) {
    // Members only UpdateTask takes outweigh OverrideOptions (a tie keeps the
    // run) and Tags, which an update file may hold by mistake (hunt36 #8: an
    // update with a stray Tags was judged as a run, with three errors on the
    // right members and none on the wrong one).
    const updating = UPDATE_ONLY.filter(has);
    if (updating.length > (has('OverrideOptions') ? 1 : 0)) {
      const names = updating.length === 1 ? updating[0] : `${updating.slice(0, -1).join(', ')} and ${updating.at(-1)}`;
      return { operation: 'UpdateTask', reason: `it has TaskArn and ${names}, which StartTaskExecution does not take` };
    }
    if (has('OverrideOptions')) return { operation: 'StartTaskExecution', reason: 'it has TaskArn and OverrideOptions' };
    return { operation: 'StartTaskExecution', reason: 'it has TaskArn and Tags, which UpdateTask does not take' };
  }
  return { operation: 'UpdateTask', reason: 'it has TaskArn and no location ARNs' };
}

/**
 * A request file: the validator reads the JSON text itself, so nothing is lost
 * on the way. `positions` as for located(); `value` is the parsed request, for
 * choosing the operation; `result` is validate(text) when the caller has it
 * already (as a CreateTask request). `adjust` turns the validator's
 * diagnostics into the file's (a YAML request's dates, a JSON file's byte
 * order mark).
 */
function requestReport(base, text, positions, options, value, result, adjust = (diagnostics) => diagnostics) {
  const { operation, reason } = operationOf(value, options.operation);
  // The described locations and task (--locations, --task) when there are any.
  const settings = withContext(operation === 'CreateTask' ? undefined : { operation }, options.context, value);
  if (result === undefined || settings) result = validate(text, settings);
  const diagnostics = adjust([...result.errors, ...result.warnings]).sort(byPathThenCode);
  const at = base.syntax === 'json' ? null : (pointer) => positionOf(positions, pointer);
  const task = { logicalId: null, pointer: '', diagnostics: located(diagnostics, positions, '').map((d) => placeTooDeep(d, value, at)), notes: [] };
  if (operation !== 'CreateTask') {
    task.operation = operation;
    task.notes.push({
      path: '',
      code: 'request/operation',
      message: `Checked as a${operation === 'UpdateTask' ? 'n' : ''} ${operation} request (${reason}); choose another with --operation.`,
      line: 1,
      column: 1,
    });
  }
  if (options.defaults) {
    try {
      task.defaults = applyDefaults(text, settings);
      task.schedule = scheduleOf(task.defaults);
    } catch {
      task.defaults = null;
    }
  }
  return { ...base, kind: 'request', notes: [], tasks: [task] };
}

/**
 * A location rule's diagnostic names the location resources it judged:
 * `params.locationResources` maps each pointer to its logical ID, and the
 * message says which resource each location ARN is.
 */
function namingLocations(diagnostic, locations) {
  const related = Array.isArray(diagnostic.params?.related) ? diagnostic.params.related : [];
  // The finding's own place counts too: same-location is at DestinationLocationArn, related to SourceLocationArn.
  const named = locations.filter(({ unknown }) => unknown.pointer === diagnostic.path || related.includes(unknown.pointer));
  if (!diagnostic.code.startsWith('locations/') || named.length === 0) return diagnostic;
  const says = named.map(({ unknown, logicalId, resourceType }) => `${unknown.pointer.slice(1)} is ${logicalId}, an ${resourceType}`);
  return {
    ...diagnostic,
    message: `${diagnostic.message} (In this template, ${says.join(', and ')}.)`,
    params: { ...diagnostic.params, locationResources: Object.fromEntries(named.map((l) => [l.unknown.pointer, l.logicalId])) },
  };
}

/** What Fn::FindInMap gives with a key from a parameter's Default: the mapping's value under it, or its DefaultValue. */
const foundUnder = (value, fromDefaultValue) =>
  fromDefaultValue
    ? `which finds nothing there, so the DefaultValue ${JSON.stringify(cutDefault(String(value)))} is used`
    : `which finds ${JSON.stringify(cutDefault(String(value)))} under it`;

/**
 * checkRequest in each world of location descriptions (templateLocations): a
 * finding of every world once; a finding of some worlds once per world, saying
 * under which conditions (`params.conditions`) its locations are the ones named.
 */
function checkWorlds(mapped, worlds, context, mappedIn = () => mapped) {
  const perWorld = worlds.map((world, w) => {
    const { request, unknowns } = mappedIn(w);
    return checkRequest(request, unknowns, fields(), withContext(undefined, context, request), world).map((d) => namingLocations(d, world));
  });
  if (perWorld.length === 1) return perWorld[0];
  const keyOf = (d) => JSON.stringify([d.code, d.path, d.message, d.params]);
  const inWorld = perWorld.map((found) => new Set(found.map(keyOf)));
  const out = [];
  const seen = new Set();
  perWorld.forEach((found, w) => {
    for (const d of found) {
      const key = keyOf(d);
      if (inWorld.every((keys) => keys.has(key))) {
        if (!seen.has(key)) out.push(d);
        seen.add(key);
        continue;
      }
      const related = Array.isArray(d.params?.related) ? d.params.related : [];
      const branches = worlds[w].filter((l) => l.condition && related.includes(l.unknown.pointer));
      const conditions = branches.length > 0 ? branches : worlds[w].filter((l) => l.condition);
      const keyed = key + JSON.stringify(conditions.map((l) => l.condition));
      if (seen.has(keyed)) continue;
      seen.add(keyed);
      const said = conditions.map(({ condition }) => `${condition.name} is ${condition.value}`).join(' and ');
      const named = / \(In this template, (.*)\.\)$/s;
      out.push({
        ...d,
        message: named.test(d.message)
          ? d.message.replace(named, ` (In this template, when condition ${said}, $1.)`)
          : `${d.message} (Only when condition ${said}.)`,
        params: { ...d.params, conditions: Object.fromEntries(conditions.map(({ condition }) => [condition.name, condition.value])) },
      });
    }
  });
  return out;
}

/**
 * The parameter Defaults each world may use (usableDefaults): a world whose
 * conditions (the resource's Condition, its Fn::If choices) the Defaults
 * contradict does not exist under them, so the Defaults of the parameters
 * those conditions read are not used there. `[{ usable, against }]` by world.
 */
function defaultsByWorld(template, mapped, worlds, condition, scalars, given = []) {
  const defaults = parameterDefaults(template, mapped.unknowns);
  const conditions = templateConditions(template, scalars);
  return worlds.map((world) => {
    // And the Defaults of the world's location resources, keyed by `{ pointer, location }` (the ARN's pointer).
    const all = new Map(defaults);
    for (const location of world) for (const used of location.defaults) all.set({ pointer: location.unknown.pointer, location }, used);
    // `given`: the conditions of the Fn::If branches taken (ifWorlds), marked `branch`.
    return usableDefaults(template, all, [...given.map((c) => ({ ...c, branch: true })), ...worldConditions(world, condition)], conditions);
  });
}

/** The worlds with the Defaults each may use put in its location descriptions. */
function worldsWithDefaults(worlds, byWorld) {
  return worlds.map((world, w) =>
    world.map((location) => {
      const used = [...byWorld[w].usable].filter(([key]) => key.location === location).map(([, used]) => used);
      return used.length > 0 ? { ...location, description: withLocationDefaults(location.description, used) } : location;
    }));
}

/**
 * checkWorlds, and again with each `Ref P` of a parameter with a Default
 * replaced by that Default (in each world, those defaultsByWorld keeps): a
 * finding only the defaults bring says which parameters' defaults it depends
 * on (`params.parameterDefaults`), since a stack may pass other values.
 */
function withParameterDefaults(template, mapped, worlds, byWorld, context) {
  const found = checkWorlds(mapped, worlds, context);
  const defaults = new Map(byWorld.flatMap(({ usable }) => [...usable]));
  if (defaults.size === 0) return found;
  const resolvedBy = new Map();
  const resolvedIn = (w) => {
    const usable = [...byWorld[w].usable].filter(([unknown]) => unknown instanceof Unknown);
    const key = usable.map(([u]) => u.pointer).join('\u0000');
    if (!resolvedBy.has(key)) {
      const values = new Map(usable.map(([unknown, { value }]) => [unknown, value]));
      resolvedBy.set(key, resolveUnknowns(mapped.request, mapped.unknowns, values, fields()));
    }
    return resolvedBy.get(key);
  };
  const keyOf = (d) => `${d.code}\u0000${d.path}`;
  const known = new Set(found.map(keyOf));
  const brought = checkWorlds(mapped, worldsWithDefaults(worlds, byWorld), context, resolvedIn).filter((d) => !known.has(keyOf(d)));
  return [...found, ...brought.map((d) => {
    const touched = [d.path, ...(Array.isArray(d.params?.related) ? d.params.related.map(String) : [])];
    const mine = [...defaults].filter(([unknown]) => touched.some((p) => p === unknown.pointer || p.startsWith(unknown.pointer + '/')));
    const byParameter = new Map((mine.length > 0 ? mine : [...defaults]).map(([, used]) => [used.parameter, used]));
    const named = [...byParameter.values()];
    const said = named.map(({ parameter, value, default: given = value }) => `${parameter} (${JSON.stringify(String(given))})`).join(' and ');
    return {
      ...d,
      message: `${d.message} (With the Default of parameter ${said}; a stack may pass another value.)`,
      params: { ...d.params, parameterDefaults: Object.fromEntries(named.map(({ parameter, value, default: given = value }) => [parameter, String(given)])) },
    };
  })];
}

/** 'condition C cannot be true' (verb 'is': 'condition C is true'; the resource's own: 'the task's Condition C …'), joined with 'and'. */
function conditionsSaid(conditions, verb = 'cannot be') {
  const seen = new Set();
  const said = [];
  for (const { name, value, resource } of conditions) {
    const text = `${resource ? "the task's Condition" : 'condition'} ${name} ${verb} ${value}`;
    if (!seen.has(text)) said.push(text);
    seen.add(text);
  }
  return said.join(' and ');
}

/**
 * The document with the Fn::ForEach loops of its Resources expanded
 * (expandLoops): its positions, scalars and unknown tags read at the pointers
 * of the expanded template. `{ document, loops }`.
 */
function withLoopsExpanded(written) {
  const loops = expandLoops(written.value);
  if (loops.template === written.value) return { document: written, loops };
  const at = (map) => loopPointers(map, loops.sources);
  return { document: { ...written, value: loops.template, positions: at(written.positions), scalars: at(written.scalars), unknownTags: at(written.unknownTags) }, loops };
}

/** The longest Default a loop's note or finding quotes whole (characters). */
export const MAX_QUOTED_DEFAULT = 200;

/** `value` (a Default) whole, or its first MAX_QUOTED_DEFAULT characters and "…". */
function cutDefault(value) {
  const text = String(value);
  if (text.length <= MAX_QUOTED_DEFAULT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_QUOTED_DEFAULT - 1]) ? MAX_QUOTED_DEFAULT - 1 : MAX_QUOTED_DEFAULT;
  return `${text.slice(0, end)}…`;
}

/**
 * A task that Fn::ForEach made from a parameter's Default: its note, and each
 * finding at a value the loop's identifier gave says which Default it depends on.
 */
function loopDefaults(origin, pointer, diagnostics, notes) {
  if (!origin || origin.defaults.length === 0) return diagnostics;
  // Each task and each of its findings quotes the Default: cut, so that a long
  // list (a loop makes one task or member per item) keeps the report linear.
  const said = origin.defaults.map(({ parameter, value }) => `${parameter} (${JSON.stringify(cutDefault(value))})`).join(' and ');
  notes.push({
    path: '',
    code: 'cloudformation/parameter-default',
    message: origin.loop
      ? `Checked as ${origin.loop} makes it from the Default of parameter ${said}; a stack may pass another list, which makes other tasks or values, not checked.`
      : `Checked with what an Fn::ForEach loop in the resource makes from the Default of parameter ${said}; a stack may pass another list, which makes other members or values, not checked.`,
  });
  // A value an identifier gave inside an intrinsic function (the key of a Fn::FindInMap) is the function's value.
  const outside = (p) => p.replace(/\/(?:Ref|Fn::[^/]*)(?:\/.*)?$/, '');
  const given = origin.substituted.map(outside).filter((p) => p.startsWith(pointer + '/')).map((p) => p.slice(pointer.length));
  return diagnostics.map((d) => {
    const touched = [d.path, ...(Array.isArray(d.params?.related) ? d.params.related.map(String) : [])];
    if (!touched.some((p) => given.some((g) => p === g || p.startsWith(g + '/')))) return d;
    return {
      ...d,
      message: `${d.message} (With the Default of parameter ${said}, which Fn::ForEach iterates; a stack may pass another list.)`,
      params: { ...d.params, parameterDefaults: { ...d.params?.parameterDefaults, ...Object.fromEntries(origin.defaults.map(({ parameter, value }) => [parameter, cutDefault(value)])) } },
    };
  });
}

/**
 * A task a loop of Resources made. Its findings are placed at the loop's
 * template body (their line and column); its pointer is where the loop's
 * OutputKey is written (the expanded template's `/Resources/CopyNONE` is
 * nowhere in the file); and each finding and note says which loop and which
 * items made it, in `params.forEach` (`{ loop, items: { Identifier: item } }`),
 * a finding in its message too (the same body makes one task per item).
 */
function madeByLoop(task, { loop, written, items }) {
  const cut = Object.fromEntries(Object.entries(items).map(([identifier, item]) => [identifier, cutDefault(item)]));
  const said = Object.entries(cut).map(([identifier, item]) => `${identifier} ${JSON.stringify(item)}`).join(' and ');
  const forEach = { loop, items: cut };
  task.pointer = `${written}/Properties`;
  task.diagnostics = task.diagnostics.map((d) => ({ ...d, message: `${d.message} (In the task ${loop} makes for ${said}.)`, params: { ...d.params, forEach } }));
  task.notes = task.notes.map((n) => ({ ...n, params: { ...n.params, forEach } }));
}

/**
 * Back from request pointers to pointers inside Properties, by `mapped.toDocument`.
 * A template is never fixed (--fix edits request files only), and a fix's
 * pointers are the request's: drop it.
 */
const backWith = (mapped) => ({ fix, ...item }) => {
  const out = { ...item, path: mapped.toDocument(item.path) };
  if (Array.isArray(item.params?.related)) {
    out.params = { ...item.params, related: item.params.related.map((r) => mapped.toDocument(String(r))) };
  }
  return out;
};

/** Whether request pointer `pointer` is `at` or below it. */
const atOrBelow = (pointer, at) => at === '' || pointer === at || pointer.startsWith(at + '/');

/**
 * The findings of a task's Fn::If worlds (ifWorlds; `runs` from inWorld) as one
 * list: a finding of every world once, without a condition, placed by `back`
 * (the task as written: at the Fn::If when it is in a branch); a finding of
 * some worlds once per choice of the conditions it depends on (the Fn::If at or
 * above its place and its related members; else all of the world's), placed at
 * the branch, saying under which conditions (`params.conditions`). Notes: each
 * world's, once.
 */
function acrossIfWorlds(runs, back) {
  const keyOf = (d) => JSON.stringify([d.code, d.path, d.message, d.params]);
  const inRun = runs.map((run) => new Set(run.raw.map(keyOf)));
  const diagnostics = [];
  const seen = new Set();
  for (const run of runs) {
    for (const d of run.raw) {
      const key = keyOf(d);
      if (inRun.every((keys) => keys.has(key))) {
        if (!seen.has(key)) diagnostics.push({ ...back(d), tooDeep: runs[0].mapped });
        seen.add(key);
        continue;
      }
      const touched = [d.path, ...(Array.isArray(d.params?.related) ? d.params.related.map(String) : [])];
      const mine = run.mapped.choices.filter((choice) => touched.some((p) => atOrBelow(p, choice.pointer)));
      const conditions = new Map((mine.length > 0 ? mine : run.given).map(({ name, value }) => [name, value]));
      const keyed = key + JSON.stringify([...conditions]);
      if (seen.has(keyed)) continue;
      seen.add(keyed);
      const said = [...conditions].map(([name, value]) => `${name} is ${value}`).join(' and ');
      const placed = run.back(d);
      const named = / \(In this template, (when condition )?(.*)\.\)$/s;
      const match = placed.message.match(named);
      diagnostics.push({
        ...placed,
        tooDeep: run.mapped,
        message: match
          ? placed.message.replace(named, match[1] ? ` (In this template, when condition ${said} and $2.)` : ` (In this template, when condition ${said}, $2.)`)
          : `${placed.message} (Only when condition ${said}.)`,
        params: { ...placed.params, conditions: { ...placed.params?.conditions, ...Object.fromEntries(conditions) } },
      });
    }
  }
  const notes = new Map();
  const runsOf = new Map();
  for (const run of runs) {
    for (const note of run.taskNotes) {
      const key = JSON.stringify([note.path, note.code, note.message]);
      notes.set(key, note);
      runsOf.set(key, (runsOf.get(key) ?? 0) + 1);
    }
  }
  // A value checked with a parameter's Default in some worlds: that note, not also the "not checked" of the
  // worlds whose conditions the Default rules out.
  const defaulted = new Set([...notes.values()].filter((n) => n.code === 'cloudformation/parameter-default').map((n) => n.path));
  const kept = [...notes].filter(([key, n]) => n.code !== 'cloudformation/not-checked' || !defaulted.has(n.path) || runsOf.get(key) === runs.length);
  return { diagnostics, taskNotes: kept.map(([, n]) => n) };
}

function templateReport(base, written, options) {
  const { document, loops } = withLoopsExpanded(written);
  // A loop that makes a key twice: the transform fails, and CloudFormation refuses the whole template.
  if (loops.refusal) {
    const { line, column } = positionOf(written.positions, loops.refusal.pointer);
    return unparsable(base, loops.refusal.message, line, column);
  }
  // A loop in a template without the transform: nothing expands it, and CloudFormation refuses the template.
  const untransformed = loops.template === written.value ? null : missingTransform(written.value, written.positions);
  if (untransformed) {
    const { line, column } = positionOf(written.positions, untransformed.pointer);
    return unparsable(base, untransformed.message, line, column);
  }
  // Names or values CloudFormation does not take in Mappings: it refuses the template.
  const mappings = mappingsRefusal(written.value, written.positions);
  if (mappings) {
    const { line, column } = positionOf(written.positions, mappings.pointer);
    return unparsable(base, mappings.message, line, column);
  }
  const { tasks: found, notes, inLoops } = findTasks(document.value, loops.unexpanded);
  // Task resources that Fn::ForEach makes exist (their note says they are not checked).
  if (found.length === 0 && inLoops === 0) {
    notes.push({ path: '', code: 'cloudformation/no-tasks', message: 'This template has no AWS::DataSync::Task resources.' });
  }
  const tasks = found.map(({ logicalId, pointer, properties, condition }) => {
    const mapOf = (choose) => mapProperties(properties, {
      fields: fields(),
      documentPointer: pointer,
      scalars: document.scalars,
      unknownTags: document.unknownTags,
      loopsLeft: loops.unexpanded.get(logicalId),
      mappings: document.value.Mappings,
      languageExtensions: usesLanguageExtensions(document.value),
      choose,
    });
    // Each world of the task's Fn::If (ifWorlds): one, the task as written, when it has none.
    const runs = ifWorlds(document.value, mapOf, condition, document.scalars).map(({ mapped, given }) => ({ mapped, given, ...inWorld(mapped, given, condition) }));
    const plain = runs.length === 1 ? runs[0] : { mapped: mapOf(new Map()), given: [] };
    const { mapped } = plain;
    const { diagnostics, taskNotes } = runs.length === 1
      ? { diagnostics: runs[0].raw.map((d) => ({ ...runs[0].back(d), tooDeep: mapped })), taskNotes: runs[0].taskNotes }
      : acrossIfWorlds(runs, backWith(mapped));
    // An item of a list that Fn::FindInMap found is placed at the Fn::FindInMap.
    const lists = new Set(runs.flatMap((run) => [...(run.mapped.listsFromMappings ?? [])]));
    const positions = lists.size === 0 ? document.positions : { get: (at) => ([...lists].some((list) => at.startsWith(list + '/')) ? undefined : document.positions?.get(at)) };
    const task = {
      logicalId,
      pointer,
      diagnostics: located(loopDefaults(loops.made.get(logicalId), pointer, diagnostics, taskNotes).sort(byPathThenCode), positions, pointer).map(({ tooDeep, ...d }) =>
        placeTooDeep(d, tooDeep.request, (at) => positionOf(document.positions, pointer + tooDeep.toDocument(at)))),
      notes: [],
    };
    // Suppressions in the resource's Metadata (suppress.mjs applies them).
    const resourcePointer = pointer.slice(0, -'/Properties'.length);
    const suppressions = metadataSuppressions(document.value.Resources[logicalId]);
    task.inSource = { codes: suppressions.codes, source: `Metadata.${METADATA_KEY}` };
    for (const problem of suppressions.problems) {
      // An Fn::ForEach loop of the entry that was not expanded (its collection known at deploy time) is no unknown key:
      // what it makes is not known (cfn-lint 1.58.0 says nothing of it either).
      const key = problem.pointer.startsWith(`/Metadata/${METADATA_KEY}/`) ? problem.pointer.slice(`/Metadata/${METADATA_KEY}/`.length) : '';
      if (!key.includes('/') && isLoopKey(key.replace(/~1/g, '/').replace(/~0/g, '~'))) continue;
      const { line, column } = positionOf(document.positions, resourcePointer + problem.pointer);
      task.diagnostics.push({ code: INVALID_SUPPRESSION, severity: 'warning', path: '', message: problem.message, params: { metadata: problem.pointer }, line, column });
    }
    if (options.defaults) {
      // The defaults that hold whichever Fn::If branch is taken: those of the locations in every world.
      const worlds = runs.length === 1 ? runs[0].worlds : templateLocations(document.value, mapped.unknowns, condition, document.scalars);
      task.defaults = requestWithDefaults(mapped.request, mapped.unknowns, worlds[0].filter((l) => !l.condition), options.context);
      task.schedule = scheduleOf(mapped.request);
      const mode = mapped.request?.TaskMode;
      if (task.defaults && mode instanceof Unknown) {
        taskNotes.push({
          path: mapped.toDocument('/TaskMode'),
          code: 'cloudformation/not-checked',
          message: `The defaults shown are Basic mode's; TaskMode comes from ${mode.description}.`,
        });
      }
    }
    task.notes = located(taskNotes.sort(byPathThenCode), positions, pointer);
    const origin = loops.made.get(logicalId);
    if (origin?.loop) madeByLoop(task, origin);
    return task;
  });

  /**
   * The task's findings in one world of its Fn::If (`given` its conditions): `{ worlds, raw, back, taskNotes }`,
   * `raw` the diagnostics at request pointers, `back` what puts one at its pointer inside Properties, the
   * notes at pointers inside Properties.
   */
  function inWorld(mapped, given, condition) {
    const taskNotes = [...mapped.notes];
    const worlds = templateLocations(document.value, mapped.unknowns, condition, document.scalars, given);
    const described = worlds.flat();
    const byWorld = defaultsByWorld(document.value, mapped, worlds, condition, document.scalars, given);
    const branchTaken = given.length > 0;
    const conditionsRead = templateConditions(document.value, document.scalars);
    // A location's URI given as its ARN: refused whatever it is (value/pattern-mismatch, as for a literal URI).
    const uris = locationUrisAsArns(document.value, mapped.unknowns);
    const uriErrors = uris.map(({ unknown, logicalId, resourceType }) => {
      const field = fields().find((f) => f.pointer === unknown.pointer);
      const name = unknown.pointer.slice(1);
      return {
        code: 'value/pattern-mismatch',
        severity: 'error',
        path: unknown.pointer,
        message: `${name} is ${unknown.description}, the location URI of ${logicalId} (${resourceType}, scheme://…), which is never in the expected form; it must look like ${field.formatHint}. Use Ref ${logicalId} or Fn::GetAtt ${logicalId}.LocationArn.`,
        params: { pattern: field.pattern, locationResources: { [unknown.pointer]: logicalId } },
      };
    });
    const diagnostics = [...uriErrors, ...withParameterDefaults(document.value, mapped, worlds, byWorld, options.context)].map((d) => {
      const conversion = mapped.conversions.get(d.path);
      if (!conversion?.yamlBoolean) return d;
      // The note's advice belongs in the diagnostic it explains.
      const note = taskNotes.findIndex((n) => n.path === d.path && n.code === 'cloudformation/yaml-boolean');
      if (note >= 0) taskNotes.splice(note, 1);
      return {
        ...d,
        message: `${d.message} (CloudFormation reads the unquoted ${conversion.yamlBoolean} as a YAML 1.1 boolean and sends "${conversion.to}"; write '${conversion.yamlBoolean}' in quotes.)`,
      };
    });
    // The location members checked with a parameter's Default, as the task's own (one note each).
    const locationDefaults = new Map();
    for (const { usable } of byWorld) {
      for (const [key, { parameter, value, member, default: keyed, fromDefaultValue }] of usable) {
        if (key instanceof Unknown) continue;
        const { logicalId, resourceType } = key.location;
        const given = keyed ?? value;
        // A Default used as a key of Fn::FindInMap (told by `default`, not by comparing values, which may be alike):
        // the value is what the mapping has under it, or its DefaultValue.
        const from = keyed === undefined ? `Ref ${parameter}` : `Fn::FindInMap with the key Ref ${parameter}, ${foundUnder(value, fromDefaultValue)}`;
        const message = `Checked with the Default ${JSON.stringify(cutDefault(given))} of parameter ${parameter}: the ${member} of ${logicalId} (${resourceType}) comes from ${from}, and a stack may pass another value, which is not checked.`;
        locationDefaults.set(message, { path: key.pointer, code: 'cloudformation/parameter-default', message, params: { parameterDefaults: { [parameter]: cutDefault(given) }, locationResources: { [key.pointer]: logicalId } } });
      }
    }
    taskNotes.push(...locationDefaults.values());
    for (const unknown of mapped.unknowns) {
      if (uris.some((uri) => uri.unknown === unknown)) continue; // its error says it all
      const what = unknown.pointer === '' ? 'Properties come' : 'the value comes';
      const defaulted = parameterDefaults(document.value, [unknown]).get(unknown);
      // A Default used as a key of Fn::FindInMap: the note says the Default and what the mapping has under it.
      const given = defaulted?.default ?? defaulted?.value;
      const finds = defaulted?.sub
        ? `, whose \${${defaulted.parameter}} makes it ${JSON.stringify(cutDefault(defaulted.value))}`
        : defaulted?.default !== undefined ? `, with the key Ref ${defaulted.parameter}, ${foundUnder(defaulted.value, defaulted.fromDefaultValue)}` : '';
      // The worlds whose conditions the Default contradicts, and those conditions.
      const without = byWorld.filter(({ usable }) => defaulted && !usable.has(unknown));
      const contradicted = without.flatMap((w) => w.against);
      // In a world of Fn::If branches (ifWorlds), the conditions that read this parameter, when some do.
      const reading = branchTaken ? contradicted.filter((c) => conditionsRead.parametersOf(c.name).has(defaulted.parameter)) : [];
      const against = reading.length > 0 ? reading : contradicted;
      const unused = without.length === 0 ? 'none' : without.length === byWorld.length ? 'all' : 'some';
      const resources = [...new Set(described.filter((l) => l.unknown === unknown).map((l) => `${l.logicalId} (${l.resourceType})`))];
      const location = resources.length > 0 ? { logicalId: resources.join(' or '), resourceType: '' } : null;
      taskNotes.push({
        path: unknown.pointer,
        code: defaulted && !unknown.unknownTag && unused !== 'all' ? 'cloudformation/parameter-default' : 'cloudformation/not-checked',
        message: unknown.unknownTag
          ? `Not checked: the value has the tag ${unknown.unknownTag}, which is not a CloudFormation intrinsic function this command knows.`
          : defaulted && unused === 'all'
            ? `Not checked: ${what} from ${unknown.description}, and the parameter's Default ${JSON.stringify(String(given))} is not used: ${conditionsSaid(against)} with it, so under that Default ${against.some((c) => c.resource) ? 'the task is not created; a value that creates it' : against.every((c) => c.branch) ? 'this branch is not taken; a value that takes it' : 'none of the choices of locations checked here is made; another value'} is not checked.`
          : defaulted
            ? `Checked with the parameter's Default ${JSON.stringify(String(given))}: ${what} from ${unknown.description}${finds}, and a stack may pass another value, which is not checked.${unused === 'some' ? ` The Default is not used for the locations chosen when ${conditionsSaid(against, 'is')}, which it does not allow.` : ''}`
          : location
            ? `Not checked: ${what} from ${unknown.description}, which CloudFormation resolves at deploy time; the location rules use what the template says of ${location.logicalId}.`
            : `Not checked: ${what} from ${unknown.description}, ${unknown.reason ?? 'which CloudFormation resolves at deploy time'}.`,
      });
    }
    const back = backWith(mapped);
    return { worlds, back, raw: [...mapped.diagnostics, ...diagnostics], taskNotes: taskNotes.map(back) };
  }

  return { ...base, kind: 'template', notes: located(notes, document.positions, ''), tasks };
}

/**
 * A Serverless Framework file's report (recognise.mjs serverlessResources, or
 * a fragment file: serverlessFragment): the template its `resources` make, at
 * their places in the file (a value merged from a list is where the last item
 * that has it writes it). Read as the framework reads it (YAML 1.2, aliases
 * allowed: it writes the template out as JSON). The framework's refusal of
 * a list item is the file's refusal; an item the command cannot read (a
 * `${file(...)}`) is a note.
 */
function serverlessReport(base, document, serverless, options) {
  const { positions } = document;
  if (serverless.refusal) {
    const { line, column } = positionOf(positions, serverless.refusal.pointer);
    return unparsable(base, serverless.refusal.message, line, column);
  }
  const inItem = (pointer) => {
    const item = serverless.items.findLast(({ value }) => hasPointer(value, pointer)) ?? serverless.items[0];
    return (item?.pointer ?? '') + pointer;
  };
  const inFile = (map) => map && { get: (pointer) => map.get(inItem(pointer)) };
  const template = { ...document, value: serverlessTemplate(serverless), positions: { get: (pointer) => positions.get(inItem(pointer)) ?? (pointer === '' ? positions.get('') : undefined) }, scalars: inFile(document.scalars), unknownTags: inFile(document.unknownTags) };
  const report = templateReport(base, template, options);
  if (report.kind !== 'template' || serverless.unread.length === 0) return report;
  const unread = serverless.unread.map(({ pointer, item, file }) => {
    const place = `item ${pointer.split('/').pop()} of \`resources\``;
    const what = typeof item === 'string' ? `"${cutDefault(item)}"` : 'a list';
    const message = file
      ? `Not checked here: ${place} is ${what}, a fragment the framework reads and merges with the other items; a fragment file is checked as a file of its own (name it, or check its folder), so what it adds to or changes in the resources of this file is not known.`
      : `Not checked: ${place} is ${what}, which the framework ${typeof item === 'string' ? 'resolves and merges with the other items' : 'merges index by index with the other items'} before it makes the template; what it adds to or changes in the resources of this file is not known.`;
    const { line, column } = positionOf(positions, pointer);
    return { path: '', code: 'cloudformation/not-checked', message, line, column };
  });
  return { ...report, notes: [...unread, ...report.notes] };
}

/**
 * A Serverless Framework fragment file's report (recognise.mjs
 * serverlessFragment: a template a serverless.yml pulls in with `${file(...)}`,
 * or one with the framework's variables), read as serverless.yml's own
 * `resources` are; or null, for a template deployed as it is. `read()` gives
 * the file's YAML 1.2 (or JSON) reading, as the framework reads it.
 */
function fragmentReport(base, name, value, read, options) {
  const fragment = serverlessFragment(name, value);
  if (!fragment) return null;
  const document = read();
  return serverlessReport(base, document, { items: [{ value: document.value, pointer: '' }], unread: [], refusal: null, nullStrip: fragment.nullStrip }, options);
}

/** Whether a JSON pointer names a value in `value`. */
function hasPointer(value, pointer) {
  if (pointer === '') return true;
  let at = value;
  for (const segment of pointer.slice(1).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
    at = at[key];
  }
  return true;
}

function unparsable(base, message, line, column) {
  return { ...base, kind: 'unparsable', error: { message, line, column }, notes: [], tasks: [] };
}

/** A YAML template's report, or its refusal when CloudFormation would refuse its aliases or merge keys. */
function yamlTemplateReport(base, template, options) {
  const refusal = aliasRefusal(template.firstAlias);
  return refusal ? unparsable(base, refusal.message, refusal.line, refusal.column) : templateReport(base, template, options);
}

/**
 * A byte order mark before a JSON request: `aws ... --cli-input-json` reads
 * the file with Python's json.loads, which refuses it ("Unexpected UTF-8
 * BOM"), as JavaScript's JSON.parse does; the request is checked all the same.
 */
const BOM_IN_JSON = {
  code: 'json/syntax-error',
  severity: 'error',
  path: '',
  message:
    'The file starts with a byte order mark (U+FEFF), which the AWS CLI\'s --cli-input-json refuses ("Invalid JSON received": Python\'s JSON reader, like JavaScript\'s JSON.parse, does not skip it); save the file as UTF-8 without a BOM. The rest of the request is checked as if it were not there.',
  params: { line: 1, column: 1 },
};

/** A file found in a folder that is not a task configuration (recognise.mjs). */
function skipped(base, reason = 'not a task configuration') {
  return { ...base, kind: 'skipped', reason, notes: [], tasks: [] };
}

/**
 * A DescribeTask or DescribeTaskExecution response, a request about a task
 * execution or another tool's file (recognise.mjs), skipped unless
 * --operation says how to check it; null for anything else.
 */
function skippedResponse(base, value, options) {
  if (options.operation && options.operation !== 'auto') return null;
  const response = responseOf(value);
  if (!response) {
    const reason = notATaskRequest(value);
    return reason ? skipped(base, reason) : null;
  }
  const command = response === 'DescribeTask' ? 'describe-task' : 'describe-task-execution';
  return skipped(base, `a ${response} response (aws datasync ${command} output), not a request (pass --operation to check it as one)`);
}

/**
 * Checks the text of one input named `name` (a display path). With
 * `options.onlyTasks` (files found in folders), a document that is neither a
 * template nor a task request comes back as kind 'skipped'.
 */
export function checkDocument(name, rawText, options = {}) {
  const report = checkText(name, rawText, options);
  if (options.onlyTasks && report.kind === 'unparsable' && !mentionsTask(rawText)) return skipped({ file: name, syntax: report.syntax });
  return report;
}

function checkText(name, rawText, options) {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const syntax = syntaxOf(name, text);
  const base = { file: name, syntax };
  if (syntax === 'json') {
    const result = validate(text);
    const syntaxError = result.errors.find((d) => d.code === 'json/syntax-error');
    if (syntaxError) {
      const { line = 1, column = 1 } = syntaxError.params ?? {};
      const reason = syntaxError.message
        .replace(/^The request is not valid JSON:\s*/, '')
        .replace(/\s*at line \d+, column \d+\.?$/, '');
      return unparsable(base, `invalid JSON: ${reason}`, line, column);
    }
    // A request needs positions only for its diagnostics; a template needs
    // the whole reading (values, scalars' spellings, positions) always.
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      // The validator stopped at json/too-deep before a later syntax error
      // that JSON.parse meets: a broken document, not a template.
      value = undefined;
    }
    // `terraform show -json` output: a plan or the state.
    if (isTerraformShow(value)) {
      const deep = result.errors.find((d) => d.code === 'json/too-deep');
      if (deep) {
        const { line = 1, column = 1 } = deep.params ?? {};
        return unparsable(base, 'this terraform show -json output nests objects or arrays more than 64 levels deep, far deeper than any aws_datasync_task', line, column);
      }
      return terraformShowReport(base, readJson(text), options);
    }
    const serverless = isTemplate(value) ? null : serverlessResources(name, value);
    if (serverless) return serverlessReport(base, readJson(text), serverless, options);
    if (!isTemplate(value)) {
      if (options.onlyTasks && !isTaskRequest(value)) return skipped(base);
      const response = skippedResponse(base, value, options);
      if (response) return response;
      const bom = rawText !== text ? (diagnostics) => [BOM_IN_JSON, ...diagnostics] : undefined;
      return requestReport(base, text, () => readJson(text).positions, options, value, result, bom);
    }
    // Text the validator and JSON.parse both accept is always read completely.
    return fragmentReport(base, name, value, () => readJson(text), options) ?? templateReport(base, readJson(text), options);
  }
  // CloudFormation reads templates as YAML 1.1 (an unquoted OFF is a boolean
  // there); a request is read as YAML 1.2. A file that starts a line with a
  // template section is read as 1.1 first, so that a template costs one YAML
  // reading instead of two; if that reading is not a template, or fails, the
  // 1.2 reading below decides as for any other file.
  if (TEMPLATE_SECTION.test(text)) {
    try {
      const template = parseYaml(text, { version: '1.1' });
      if (isTemplate(template.value)) return fragmentReport(base, name, template.value, () => parseYaml(text, { version: '1.2' }), options) ?? yamlTemplateReport(base, template, options);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
  }
  try {
    const document = parseYaml(text, { version: '1.2' });
    if (isTemplate(document.value)) {
      return fragmentReport(base, name, document.value, () => document, options) ?? yamlTemplateReport(base, parseYaml(text, { version: '1.1' }), options);
    }
    const serverless = serverlessResources(name, document.value);
    if (serverless) return serverlessReport(base, document, serverless, options);
    if (options.onlyTasks && !isTaskRequest(document.value)) return skipped(base);
    const response = skippedResponse(base, document.value, options);
    if (response) return response;
    return requestReport(base, requestText(document), document.positions, options, document.value, undefined, (diagnostics) => typedDiagnostics(diagnostics, document));
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // What the AWS CLI's reader refuses (a date no calendar has, a plain "=")
    // may still be a template, which CloudFormation reads as YAML 1.1.
    if (!TEMPLATE_SECTION.test(text)) {
      try {
        const template = parseYaml(text, { version: '1.1' });
        if (isTemplate(template.value)) return yamlTemplateReport(base, template, options);
      } catch (templateError) {
        if (!(templateError instanceof ParseError)) throw templateError;
      }
    }
    return unparsable(base, `invalid YAML: ${error.message}`, error.line, error.column);
  }
}
