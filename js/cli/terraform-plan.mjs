// `terraform show -json` output (a plan, or the state; format 1.x): every
// `aws_datasync_task` that the plan creates or keeps is checked as the
// provider will send it.
// - Values known at plan time are checked as they are; `(known after apply)`
//   values are not checked and are named once. Terraform writes an unknown
//   value only in `after_unknown`: read in its source (hashicorp/terraform
//   883c7221, August 2026: internal/command/jsonplan/plan.go `omitUnknowns`
//   and `unknownAsBool`, tested by TestOmitUnknowns and TestUnknownAsBool in
//   plan_test.go; `planned_values` drops them too, with no marks, and is read
//   only when a document has no `resource_changes`), an
//   unknown member of an object or map is left out of `change.after`, an
//   unknown element of a list or set is written there as null (order kept),
//   and a wholly unknown value (a whole block list, a whole map) is left out
//   too; `after_unknown` has the same shape with `true` at every unknown
//   value, `false` for known list elements and known object members left
//   out. So every name `after_unknown` marks `true` is read here as unknown,
//   never as absent (which would be "missing" or a provider default).
// - The plan holds the provider's defaults already filled in; the plan's
//   `configuration` tells which arguments were written, so a finding caused by
//   a default says so, as for .tf files.
// - A task being created (action create, or a replacement) with an argument
//   that is Optional and Computed (task_mode,
//   options.security_descriptor_copy_flags) left unset has that argument
//   unknown in the plan, yet the provider sends nothing for it (CreateTask
//   without TaskMode: a Basic mode task). When the configuration shows the
//   argument unwritten (or written as the constant null) it is read as unset,
//   as for .tf files; written any other way it stays unknown. An update keeps
//   the state's value, which the plan shows.
// - A reference to a location resource in the configuration gives that
//   location's planned values to the location rules: those of the instance
//   it names (`loc["src"]`, `n[0]`); a key that is not a constant is written
//   without it (`loc`), and then no instance is chosen.
import { escapeSegment } from './documents.mjs';
import { allFields, checkTask, Scope } from './terraform.mjs';
import { LOCATIONS, TASK } from './terraform-schema.mjs';
import { AWSCC_TASK_TYPE, awsccLocation, awsccLocationPlanBody, awsccPlanBody } from './terraform-awscc.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a parsed JSON document is `terraform show -json` output. */
export function isTerraformShow(value) {
  return (
    isObject(value) &&
    typeof value.format_version === 'string' &&
    /^1\./.test(value.format_version) &&
    (isObject(value.planned_values) || Array.isArray(value.resource_changes) || isObject(value.values) || 'terraform_version' in value)
  );
}

/** The configuration module for `module.a.module.b` (indices dropped). */
function configModule(configuration, moduleAddress) {
  let module = isObject(configuration) ? configuration.root_module : undefined;
  if (!moduleAddress) return module;
  for (const match of moduleAddress.matchAll(/module\.([^.[]+)(\[[^\]]*\])?/g)) {
    const calls = isObject(module) && isObject(module.module_calls) ? module.module_calls : {};
    module = isObject(calls[match[1]]) ? calls[match[1]].module : undefined;
  }
  return module;
}

/** The written expressions of a resource in the configuration, or undefined. */
function expressionsOf(configuration, moduleAddress, type, name) {
  const module = configModule(configuration, moduleAddress);
  const resources = isObject(module) && Array.isArray(module.resources) ? module.resources : [];
  const resource = resources.find((r) => isObject(r) && r.type === type && r.name === name && (r.mode ?? 'managed') === 'managed');
  return isObject(resource?.expressions) ? resource.expressions : undefined;
}

/**
 * The first resource a written expression references: `{ type, name,
 * attribute, instance? }` (`references` lists the most specific first).
 * `instance` is the key of `type.name["key"]` or `type.name[0]` (as a
 * string); Terraform writes a reference whose key is not a constant
 * (`loc[each.key]`) as `type.name` alone.
 */
function referenceOf(expression) {
  const references = isObject(expression) && Array.isArray(expression.references) ? expression.references : [];
  for (const ref of references) {
    if (typeof ref !== 'string') continue;
    const match = /^([a-z0-9_]+)\.([^.[]+)(?:\[("(?:[^"\\]|\\.)*"|\d+)\])?(?:\.([a-z_]+))?$/i.exec(ref);
    if (!match || NOT_RESOURCES.includes(match[1])) continue;
    const reference = { type: match[1], name: match[2], attribute: match[4] ?? 'id' };
    if (match[3] !== undefined) {
      const key = match[3].startsWith('"') ? parseKey(match[3]) : match[3];
      if (key === undefined) continue;
      reference.instance = { key, text: `[${match[3]}]` };
    }
    return reference;
  }
  return undefined;
}

/** The first words of references that do not name a resource. */
const NOT_RESOURCES = ['var', 'local', 'module', 'data', 'each', 'count', 'self', 'path', 'terraform'];

/** The string a quoted instance key in a reference stands for, or undefined. */
function parseKey(quoted) {
  try {
    const key = JSON.parse(quoted);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The key under which a resource instance of the plan is found (`type.name`, `type.name["key"]`). */
const instanceKey = (type, name, index) => `${type}.${name}${index === undefined ? '' : `[${JSON.stringify(String(index))}]`}`;

/** `after_unknown`'s mark for a member: true (unknown), a nested mark, or undefined (known). */
function markOf(mark, key) {
  if (mark === true) return true;
  if (Array.isArray(mark)) return typeof key === 'number' ? mark[key] : undefined;
  return isObject(mark) && Object.hasOwn(mark, key) ? mark[key] : undefined;
}

/** The member names of a planned object: those `after` holds and those `after_unknown` marks unknown. */
function namesOf(values, mark) {
  const names = new Set(isObject(values) ? Object.keys(values) : []);
  if (isObject(mark)) for (const [name, m] of Object.entries(mark)) if (m === true) names.add(name);
  return [...names];
}

/** An object's own member (never one of Object.prototype's: plans are input). */
const memberOf = (values, name) => (isObject(values) && Object.hasOwn(values, name) ? values[name] : undefined);

/** An unknown value: `(known after apply)`. */
const unknownValue = (position, extra = {}) => ({ k: 'unknown', ...position, src: '(known after apply)', reason: 'is known only after apply', plan: true, ...extra });

/**
 * A resource's planned values as a body (see terraform-syntax.mjs), with
 * `after_unknown` values as unknown expressions. `schema` says which members
 * are blocks; members it does not know are left out (the provider accepted them).
 * `written` (the configuration's expressions, when known) decides which
 * provider defaults to leave out, so that they are reported as defaults, and,
 * when `creating` (false, or `{ nullVariables }` for a task being
 * created), which Optional+Computed arguments were left unset.
 */
function bodyOf(values, unknown, pointer, at, schema, written, creating) {
  const body = [];
  for (const name of namesOf(values, unknown)) {
    const value = memberOf(values, name);
    const mark = markOf(unknown, name);
    const child = `${pointer}/${escapeSegment(name)}`;
    const position = at(child);
    const blockSpec = memberOf(schema.blocks, name);
    if (blockSpec) {
      // A block list not known at plan time (a `dynamic` block over unknown values).
      if (mark === true) body.push({ t: 'block', type: 'dynamic', labels: [name], ...position, body: [], plan: true });
      if (mark === true || !Array.isArray(value)) continue;
      value.forEach((item, i) => {
        const itemMark = markOf(mark, i);
        if (itemMark === true) {
          body.push({ t: 'block', type: 'dynamic', labels: [name], ...at(`${child}/${i}`), body: [], plan: true });
          return;
        }
        if (!isObject(item)) return;
        const itemWritten = isObject(written) && Array.isArray(written[name]) && isObject(written[name][i]) ? written[name][i] : undefined;
        body.push({
          t: 'block',
          type: name,
          labels: [],
          ...at(`${child}/${i}`),
          body: bodyOf(item, itemMark, `${child}/${i}`, at, blockSpec, itemWritten, creating),
        });
      });
      continue;
    }
    const spec = memberOf(schema.attrs, name);
    if (!spec || spec.ignored) continue;
    if (mark === true) {
      if (creating && spec.computed && unsetIn(written, name, creating.nullVariables)) continue;
      body.push({ t: 'attr', name, ...position, value: unknownValue(position, { reference: referenceOf(isObject(written) ? written[name] : undefined), always: /_arn$/.test(name) }) });
      continue;
    }
    if (value === null || value === undefined) continue;
    // A "" the provider's validation refuses when written is, in a plan, a string left unset: not sent.
    if (value === '' && spec.refusesEmpty) continue;
    // A provider default: the plan holds it, the configuration does not.
    if (isObject(written) && !Object.hasOwn(written, name) && (spec.providerDefault !== undefined || spec.sendEmptyWhenOmitted)) continue;
    body.push({ t: 'attr', name, ...position, value: literal(value, position, mark) });
  }
  return body;
}

/**
 * Whether the configuration's expressions (`written`, when known) leave
 * `name` unset: not written, written as the constant null, or written with
 * references to root module variables only, each null in the plan
 * (`nullVariables`: `task_mode = var.mode` with a null default). The plan
 * shows such an argument unknown, yet what Terraform evaluated was known
 * (the plan's variables are), so it was null: a known value other than null
 * would be in the plan as it is (terraform plan 1.11.4 with provider
 * 5.100.0: `task_mode = var.mode`, default null, is `(known after apply)`).
 */
function unsetIn(written, name, nullVariables = new Set()) {
  if (!isObject(written)) return false;
  if (!Object.hasOwn(written, name)) return true;
  const expression = written[name];
  if (!isObject(expression)) return false;
  const references = Array.isArray(expression.references) ? expression.references : undefined;
  if (references) return references.length > 0 && references.every((ref) => typeof ref === 'string' && /^var\.[^.[]+$/.test(ref) && nullVariables.has(ref.slice(4)));
  return Object.hasOwn(expression, 'constant_value') && expression.constant_value === null;
}

/** The names of the root module's variables that are null in the plan (`variables`). */
function nullVariablesOf(plan) {
  const variables = isObject(plan.variables) ? plan.variables : {};
  return new Set(Object.keys(variables).filter((name) => isObject(variables[name]) && variables[name].value === null));
}

/**
 * A location resource's planned values as a body: lists of objects are
 * blocks, the rest arguments. Unknown arguments are left out (a description
 * holds known members only); an unknown element of a list stays unknown.
 */
function locationBody(values, unknown, pointer, at) {
  const body = [];
  for (const [name, value] of Object.entries(values ?? {})) {
    const child = `${pointer}/${escapeSegment(name)}`;
    const mark = markOf(unknown, name);
    if (mark === true || value === null) continue;
    if (Array.isArray(value) && value.some(isObject) && value.every((item) => item === null || isObject(item))) {
      value.forEach((item, i) => {
        if (isObject(item)) body.push({ t: 'block', type: name, labels: [], ...at(`${child}/${i}`), body: locationBody(item, markOf(mark, i), `${child}/${i}`, at) });
      });
    } else {
      body.push({ t: 'attr', name, ...at(child), value: literal(value, at(child), mark) });
    }
  }
  return body;
}

/**
 * A location's planned values with a known null agents' argument read as
 * the empty set: that argument is Required (LOCATIONS' `agentsRequired`), so
 * Terraform refuses a null there, and a plan writes the empty set as null
 * (terraform plan 1.11.4, provider 5.100.0: `agent_arns = []` in an
 * aws_datasync_location_azure_blob plans `"agent_arns": null`, with no
 * unknown mark). The provider sends the set as it is (AgentArns: []), so the
 * plan describes the location as its folder does: agentless.
 */
function withoutAgents(type, values, unknown) {
  const table = LOCATIONS[type];
  if (!table?.agentsRequired || !isObject(values)) return values;
  const [outer, inner] = table.members.AgentArns.split('.');
  if (inner === undefined) {
    return memberOf(values, outer) === null && markOf(unknown, outer) === undefined ? { ...values, [outer]: [] } : values;
  }
  // A block's argument (on_prem_config.agent_arns): the block's one element.
  const blocks = memberOf(values, outer);
  const mark = markOf(unknown, outer);
  if (!Array.isArray(blocks) || blocks.length !== 1 || !isObject(blocks[0]) || mark === true) return values;
  const block = blocks[0];
  const known = memberOf(block, inner) === null && markOf(markOf(mark, 0), inner) === undefined;
  return known ? { ...values, [outer]: [{ ...block, [inner]: [] }] } : values;
}

/** A plan value as a literal expression; `mark` (from `after_unknown`) says which parts are unknown. */
function literal(value, position, mark) {
  if (mark === true) return unknownValue(position);
  if (value === null || value === undefined) return { k: 'null', ...position, src: 'null' };
  if (typeof value === 'boolean') return { k: 'bool', ...position, src: String(value), v: value };
  if (typeof value === 'bigint' || typeof value === 'number') return { k: 'number', ...position, src: String(value), v: String(value) };
  if (typeof value === 'string') return { k: 'string', ...position, src: JSON.stringify(value), v: value };
  if (Array.isArray(value)) return { k: 'array', ...position, src: '[…]', items: value.map((v, i) => literal(v, position, markOf(mark, i))) };
  return { k: 'object', ...position, src: '{…}', items: namesOf(value, mark).map((key) => ({ key, ...position, value: literal(memberOf(value, key), position, markOf(mark, key)) })) };
}

/** A resource instance's key (`index`: a count number or a for_each string), or undefined. */
const instanceIndex = (index) => (typeof index === 'string' || (typeof index === 'number' && Number.isInteger(index)) || typeof index === 'bigint' ? String(index) : undefined);

/** Every managed resource instance of the plan or state: `{ address, moduleAddress, type, name, index, values, unknown, creating?, pointer }`. */
function resourcesOf(document) {
  const out = [];
  if (Array.isArray(document.resource_changes)) {
    document.resource_changes.forEach((change, i) => {
      if (!isObject(change) || change.mode !== 'managed' || !isObject(change.change)) return;
      if (typeof change.type !== 'string' || typeof change.name !== 'string') return;
      const actions = Array.isArray(change.change.actions) ? change.change.actions : [];
      if (actions.length === 1 && actions[0] === 'delete') return;
      if (!isObject(change.change.after)) return;
      out.push({
        address: typeof change.address === 'string' ? change.address : `${change.type}.${change.name}`,
        moduleAddress: typeof change.module_address === 'string' ? change.module_address : undefined,
        type: change.type,
        name: change.name,
        index: instanceIndex(change.index),
        counted: ['number', 'bigint'].includes(typeof change.index), // a count instance (a for_each key is a string)
        values: change.change.after,
        unknown: change.change.after_unknown ?? {},
        creating: actions.includes('create'),
        pointer: `/resource_changes/${i}/change/after`,
      });
    });
    return out;
  }
  const walk = (module, pointer) => {
    if (!isObject(module)) return;
    (Array.isArray(module.resources) ? module.resources : []).forEach((r, i) => {
      if (!isObject(r) || (r.mode ?? 'managed') !== 'managed' || !isObject(r.values)) return;
      if (typeof r.type !== 'string' || typeof r.name !== 'string' || typeof r.address !== 'string') return;
      const moduleAddress = typeof r.address === 'string' && r.address.startsWith('module.') ? r.address.slice(0, r.address.lastIndexOf(`${r.type}.`) - 1) : undefined;
      out.push({ address: r.address, moduleAddress, type: r.type, name: r.name, index: instanceIndex(r.index), counted: ['number', 'bigint'].includes(typeof r.index), values: r.values, unknown: {}, pointer: `${pointer}/resources/${i}/values` });
    });
    (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((child, i) => walk(child, `${pointer}/child_modules/${i}`));
  };
  const root = isObject(document.values) ? ['/values/root_module', document.values.root_module] : ['/planned_values/root_module', document.planned_values?.root_module];
  walk(root[1], root[0]);
  return out;
}

/** The report of a `terraform show -json` document read by readJson (`{ value, positions }`). */
export function terraformShowReport(base, document, options = {}) {
  const at = (pointer) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const position = document.positions.get(p);
      if (position) return { line: position.line, column: position.column };
      if (p === '') return { line: 1, column: 1 };
    }
  };
  const plan = document.value;
  const resources = resourcesOf(plan);
  const fieldIndex = new Map(allFields().map((f) => [f.pointer, f]));
  const modules = new Map(); // module address -> the module's location resources, as bodies
  // awscc: a location's body from terraform-awscc.mjs (unknown arguments kept unknown unless left unset).
  const placeBody = (r) =>
    awsccLocation(r.type)
      ? awsccLocationPlanBody(r.values, r.unknown, r.pointer, at, expressionsOf(plan.configuration, r.moduleAddress, r.type, r.name), r.creating === true, { literal, unknownValue })
      : locationBody(withoutAgents(r.type, r.values, r.unknown), r.unknown, r.pointer, at);
  // Location resources whose ARN the plan or state knows, in any module.
  const locationsByArn = new Map();
  for (const r of resources) {
    const arnName = awsccLocation(r.type)?.arnValue ?? 'arn'; // awscc: location_arn
    if (!(LOCATIONS[r.type] ?? awsccLocation(r.type)) || typeof r.values?.[arnName] !== 'string') continue;
    const body = placeBody(r);
    locationsByArn.set(r.values[arnName], { block: { t: 'block', type: 'resource', labels: [r.type, r.name], ...at(r.pointer), body }, file: base.file, type: r.type, name: r.name, address: r.address });
  }
  const moduleFor = (moduleAddress) => {
    const key = moduleAddress ?? '';
    if (!modules.has(key)) {
      const located = new Map();
      for (const r of resources) {
        if ((r.moduleAddress ?? '') !== key || !/^(aws|awscc)_datasync_location_/.test(r.type ?? '')) continue; // awscc too
        const body = placeBody(r);
        // `counted`: a count instance, which a reference may name by any string that converts to its index (`d["1.0"]`).
        located.set(instanceKey(r.type, r.name, r.index), { block: { t: 'block', type: 'resource', labels: [r.type, r.name], ...at(r.pointer), body }, file: base.file, type: r.type, name: r.name, counted: r.counted });
      }
      modules.set(key, { variables: new Map(), locals: new Map(), resources: located, locationsByArn });
    }
    return modules.get(key);
  };
  const tasks = [];
  const nullVariables = nullVariablesOf(plan);
  for (const r of resources) {
    if (r.type !== 'aws_datasync_task' && r.type !== AWSCC_TASK_TYPE) continue; // awscc too
    const written = expressionsOf(plan.configuration, r.moduleAddress, r.type, r.name);
    const values = { ...r.values };
    // The provider sends tags_all (the resource's tags and the provider's default_tags).
    const unknown = isObject(r.unknown) ? { ...r.unknown } : r.unknown;
    // When tags_all is not known yet, the resource's own tags are still sent.
    if (unknown?.tags_all !== true && isObject(values.tags_all)) {
      values.tags = values.tags_all;
      if (isObject(unknown)) unknown.tags = unknown.tags_all;
    }
    delete values.tags_all;
    if (isObject(unknown)) delete unknown.tags_all;
    // Only the root module's variables are in the plan's `variables`.
    const creating = r.creating === true && { nullVariables: r.moduleAddress ? new Set() : nullVariables };
    const body =
      r.type === AWSCC_TASK_TYPE // awscc: terraform-awscc.mjs
        ? awsccPlanBody(values, unknown, r.pointer, at, written, r.creating === true, { literal, unknownValue, referenceOf })
        : bodyOf(values, unknown, r.pointer, at, TASK, written, creating);
    const scope = new Scope(moduleFor(r.moduleAddress), r.moduleAddress ? `${r.moduleAddress}.` : '', new Map());
    const resource = { block: { t: 'block', type: 'resource', labels: [r.type, r.name], ...at(r.pointer), body }, file: base.file, type: r.type, name: r.name, address: r.address };
    tasks.push(checkTask(resource, scope, fieldIndex, options));
  }
  const notes = [];
  if (tasks.length === 0) {
    notes.push({ code: 'terraform/no-tasks', path: '', line: 1, column: 1, message: 'This plan has no aws_datasync_task resources to create or keep.' });
  }
  return { ...base, kind: 'terraform', notes, tasks };
}
