// CloudFormation templates: finding them, finding their AWS::DataSync::Task
// resources, and mapping each resource's Properties to the CreateTask request
// CloudFormation would send.
//
// What the mapping does (the AWS::DataSync::Task resource schema uses the API's
// member names and shapes, so no member is renamed and pointers map back 1:1):
// 1. Intrinsic functions (`Ref`, any `Fn::*`, in long or short form) become
//    Unknown markers; check.mjs makes sure no diagnostic depends on them.
//    `Ref: AWS::NoValue` removes the member, as CloudFormation does.
// 2. CloudFormation's type conversion: a string holding an integer where the
//    API wants an integer (BytesPerSecond: "1048576"), and a number or boolean
//    where it wants a string (a tag Value 4711, an unquoted YAML 1.1 boolean
//    such as OFF) are converted as CloudFormation converts them.
// 3. Read-only attributes (TaskArn, Status, Source/DestinationNetworkInterfaceArns)
//    are not request members: they are removed and reported as
//    cloudformation/read-only-property warnings.
// 4. The resource schema requires members the API leaves optional
//    (TaskReportConfig.Destination and OutputType, a tag's Value): missing ones
//    are cloudformation/missing-property errors.
import { escapeSegment, setMember } from './documents.mjs';

export const TASK_TYPE = 'AWS::DataSync::Task';

/**
 * Why CloudFormation refuses a YAML template with an alias (`*name`) or a
 * merge key (`<<`), at the first one (`firstAlias` from documents.parseYaml),
 * or null when there is none. The service answers "Template error: YAML
 * aliases are not allowed in CloudFormation templates" (cfn-lint's W1100
 * says the same of anchors, aliases and merging); `aws cloudformation
 * package` writes the template out with them expanded.
 */
export function aliasRefusal(firstAlias) {
  if (!firstAlias) return null;
  const what = firstAlias.source === '<<' ? 'a YAML merge key (<<)' : `a YAML alias (${firstAlias.source})`;
  return {
    message: `CloudFormation refuses a template with ${what} ("YAML aliases are not allowed in CloudFormation templates"); write the values out, or deploy the template \`aws cloudformation package\` writes, which expands them. Nothing else in the template was checked.`,
    line: firstAlias.line,
    column: firstAlias.column,
  };
}

/** Whether a key is an Fn::ForEach loop's (`Fn::ForEach::Name`): the one test every reader of loops uses. */
export const isLoopKey = (key) => key.startsWith('Fn::ForEach::');

const READ_ONLY = ['TaskArn', 'Status', 'SourceNetworkInterfaceArns', 'DestinationNetworkInterfaceArns'];

// Functions that always produce a value; anything else (Fn::If, whose branch
// may be AWS::NoValue, Fn::Transform, an unknown tag) may also leave the member out.
const ALWAYS_A_VALUE = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::GetAZs',
  'Fn::ToJsonString',
  'Fn::Length',
]);

/**
 * The string an `Fn::Sub` or `Fn::Join` gives when nothing in it waits for deploy time, else
 * undefined. Fn::Sub: its text when the text has no variable (each `${!X}` is the literal `${X}`;
 * any other `${`, a parameter's or `${AWS::Region}` alike, leaves it unknown), in the array form
 * with an object of variables. Fn::Join: the items joined with the delimiter, when the delimiter
 * is a string and the items a list (not empty) of strings or such calls; a number, a boolean, any
 * other call leaves it unknown. `tagged(suffix)`: whether the value at that pointer below the call
 * has a YAML tag this command does not know (its value is then not known either).
 */
export function knownText(value, tagged = () => false, depth = 0) {
  if (typeof value === 'string') return value;
  if (!isIntrinsic(value) || depth > MAX_LOOP_DEPTH) return undefined;
  const [fn] = Object.keys(value);
  const argument = value[fn];
  // The long form's arguments are below its key, the short form's below the tagged node itself.
  const at = (suffix) => tagged(`/${fn}${suffix}`) || tagged(suffix);
  const below = (suffix) => (inner) => tagged(`/${fn}${suffix}${inner}`) || tagged(`${suffix}${inner}`);
  if (fn === 'Fn::Sub') {
    const array = Array.isArray(argument);
    if (array && (argument.length !== 2 || !isObject(argument[1]) || isIntrinsic(argument[1]))) return undefined;
    const text = array ? argument[0] : argument;
    if (typeof text !== 'string' || at(array ? '/0' : '') || /\$\{(?![!][^}]*\})/.test(text)) return undefined;
    return text.replace(/\$\{!/g, '${');
  }
  if (fn === 'Fn::Join') {
    if (!Array.isArray(argument) || argument.length !== 2) return undefined;
    const [delimiter, items] = argument;
    if (typeof delimiter !== 'string' || at('/0') || !Array.isArray(items) || items.length === 0 || at('/1')) return undefined;
    const texts = [];
    for (let i = 0; i < items.length; i++) {
      const text = at(`/1/${i}`) ? undefined : knownText(items[i], below(`/1/${i}`), depth + 1);
      if (text === undefined) return undefined;
      texts.push(text);
    }
    return texts.join(delimiter);
  }
  return undefined;
}

/** A value CloudFormation computes at deploy time. */
export class Unknown {
  constructor(pointer, intrinsic, description, { known = true, dynamicReference = false } = {}) {
    this.pointer = pointer; // in the request
    this.intrinsic = intrinsic; // the long-form object, e.g. { Ref: 'X' }, or a string with a dynamic reference
    this.description = description; // e.g. 'Ref SourceLocation'
    const [name] = known && isObject(intrinsic) ? Object.keys(intrinsic) : [];
    // e.g. !If [c, x, !Ref AWS::NoValue]; a dynamic reference always resolves to a string.
    this.mayBeAbsent = !dynamicReference && !ALWAYS_A_VALUE.has(name);
    this.unknownTag = known ? undefined : description; // a YAML tag this command does not know
    this.reason = undefined; // the note's clause after the description, when not 'which CloudFormation resolves at deploy time'
  }
}

/**
 * Whether a string holds a dynamic reference (`{{resolve:ssm:…}}`,
 * `{{resolve:ssm-secure:…}}`, `{{resolve:secretsmanager:…}}`), which
 * CloudFormation replaces with the stored value at deploy time.
 */
export const hasDynamicReference = (value) => typeof value === 'string' && value.includes('{{resolve:');

/** 'the dynamic reference {{resolve:…}}' for a whole reference, else 'the string "…" with a dynamic reference'. */
const dynamicReferenceDescription = (value) =>
  /^\{\{resolve:[^{}]*\}\}$/.test(value) ? `the dynamic reference ${value}` : `the string ${JSON.stringify(value)} with a dynamic reference`;

// CloudFormation's documentation lists the resource properties that accept an
// ssm-secure reference (passwords of RDS, Redshift, Directory Service, …); no
// AWS::DataSync::Task property is among them. Not an error: the list is the
// documentation's, not the service's, and a finding must never be a false alarm.
const SSM_SECURE_REASON =
  "which CloudFormation resolves only in the resource properties its documentation lists for ssm-secure, and no AWS::DataSync::Task property is one, so the stack operation may fail (ssm and secretsmanager references work in any property)";

/** Marks a member CloudFormation leaves out (`Ref: AWS::NoValue`). */
export const ABSENT = Symbol('absent');

export const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether `value` is an intrinsic function call: one member, `Ref` or `Fn::…`. */
export function isIntrinsic(value) {
  if (!isObject(value) || value instanceof Unknown) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A short description of an intrinsic call, e.g. `Ref Bucket` or `Fn::GetAtt Role.Arn`. */
export function describeIntrinsic(value) {
  const [name] = Object.keys(value);
  const argument = value[name];
  if (name === 'Ref' && typeof argument === 'string') return `Ref ${argument}`;
  if (name === 'Fn::GetAtt' && Array.isArray(argument) && argument.every((a) => typeof a === 'string')) {
    return `Fn::GetAtt ${argument.join('.')}`;
  }
  if (name === 'Fn::ImportValue' && typeof argument === 'string') return `Fn::ImportValue ${argument}`;
  return name;
}

/** Whether a template declares the AWS::LanguageExtensions transform (`Transform`, a name or a list of names). */
export function usesLanguageExtensions(template) {
  const transform = isObject(template) ? template.Transform : undefined;
  return (Array.isArray(transform) ? transform : [transform]).includes('AWS::LanguageExtensions');
}

/** Whether a parsed document is a CloudFormation template. */
export function isTemplate(value) {
  if (!isObject(value)) return false;
  if (Object.hasOwn(value, 'AWSTemplateFormatVersion')) return true;
  const resources = value.Resources;
  if (!isObject(resources)) return false;
  // A loop of the AWS::LanguageExtensions transform is a template's resource too.
  return Object.entries(resources).some(([key, r]) => (isObject(r) && typeof r.Type === 'string') || isLoopKey(key));
}

/**
 * The template's AWS::DataSync::Task resources as
 * `{ logicalId, pointer, properties, condition? }` (pointer: of Properties in
 * the document; condition: the resource's `Condition`), plus notes about
 * resources that cannot be read and `inLoops`, how many task resources
 * `Fn::ForEach` loops make (not expanded, so not checked).
 */
export function findTasks(template, unexpanded = new Map()) {
  const tasks = [];
  const notes = [];
  let inLoops = 0; // task resources that Fn::ForEach loops make
  const resources = isObject(template.Resources) ? template.Resources : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    const resourcePointer = `/Resources/${escapeSegment(logicalId)}`;
    if (isLoopKey(logicalId)) {
      const made = forEachTasks(resource);
      const why = unexpanded.get(logicalId) ?? 'it is not a loop this command reads';
      notes.push({
        path: resourcePointer,
        code: 'cloudformation/not-checked',
        message:
          made.length > 0
            ? `Not checked: ${logicalId} makes ${TASK_TYPE} resources (${made.join(', ')}), which the AWS::LanguageExtensions transform expands at deploy time; this command did not expand it (${why}), so those tasks are not checked.`
            : `${logicalId} is expanded by the AWS::LanguageExtensions transform at deploy time; this command did not expand it (${why}), so the resources it makes are not checked.`,
      });
      inLoops += made.length;
      continue;
    }
    if (!isObject(resource) || resource.Type !== TASK_TYPE) continue;
    const task = { logicalId, pointer: `${resourcePointer}/Properties`, properties: resource.Properties };
    if (typeof resource.Condition === 'string') task.condition = resource.Condition;
    tasks.push(task);
  }
  return { tasks, notes, inLoops };
}

/**
 * The output keys (logical ID templates such as `Task${Name}`) of the
 * AWS::DataSync::Task resources an `Fn::ForEach::X: [Identifier, Collection,
 * {OutputKey: Fragment}]` makes, nested loops included (at most 8 deep).
 */
function forEachTasks(loop, depth = 0) {
  const fragment = Array.isArray(loop) && loop.length === 3 ? loop[2] : undefined;
  if (!isObject(fragment) || depth > 8) return [];
  return Object.entries(fragment).flatMap(([key, resource]) => {
    if (isLoopKey(key)) return forEachTasks(resource, depth + 1);
    return isObject(resource) && resource.Type === TASK_TYPE ? [key] : [];
  });
}

// Fn::ForEach (the AWS::LanguageExtensions transform). A loop
// `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` is
// replaced by one entry per item of the collection: in each OutputKey every
// `${Identifier}` becomes the item and every `&{Identifier}` the item without
// its non-alphanumeric characters; in the OutputValue, `Ref: Identifier`
// becomes the item, and so does `${Identifier}` (or `&{…}`) in a Fn::Sub
// string, a Fn::Sub left without variables being its text. Loops nest, and may
// sit at any object level of a resource (its Properties too). The collection is
// a list of strings, or `Ref` to a CommaDelimitedList parameter whose Default
// is used (a stack may pass another list: the tasks made say so). What the
// sources do not agree on is left unknown: a plain string in an OutputValue
// that names an identifier (the reference page says every instance is
// replaced, the design notes and cfn-lint only OutputKeys and Fn::Sub) is a
// UnknownText, never a finding; a key below an OutputKey that names one, any other
// collection, a collection item that is not a string, or more than the bounds below: the loop is not expanded
// and its note (findTasks) says why. An OutputKey that two items or loops make alike, or one its object
// already has (Duplicate), fails the transform: the template is refused (refusalOf), unless either key came
// from a parameter's Default (a stack may pass another list), which leaves the loop not expanded with a note.

/** Loops nested deeper than this are not expanded (CloudFormation's design notes allow 5 below a loop). */
export const MAX_LOOP_DEPTH = 8;
/**
 * At most this many entries are made by all the loops of a template, its Resources, Conditions and Outputs
 * sections together (a stack holds at most 500 resources); a loop that would go past it is not expanded.
 */
export const MAX_LOOP_OUTPUTS = 500;
/** At most this many values are copied while expanding all the loops of a template. */
export const MAX_LOOP_NODES = 100_000;
/**
 * At most this many characters are in the strings made (an item put in a Fn::Sub or an OutputKey)
 * while expanding all the loops of a template: a long Fn::Sub in a loop is a copy per item.
 */
export const MAX_LOOP_CHARACTERS = 4_000_000;

/**
 * A string whose value is not known before deploy time, with why (the note's
 * clause after it): one in a loop's OutputValue that names the loop's
 * identifier, one with a Serverless Framework variable.
 */
export class UnknownText {
  constructor(text, reason) {
    this.text = text;
    this.reason = reason;
  }
}

const LOOP_TEXT_REASON =
  "which names an Fn::ForEach identifier outside Fn::Sub: CloudFormation's reference says the transform replaces it, its design notes that only OutputKeys and Fn::Sub are read; write !Sub to be sure";

class NotExpanded extends Error {}

/**
 * A loop that makes a key twice, or one its object already has: the transform fails on it
 * (cfn-lint 1.58.0: E0001 "Error transforming template: Duplicate X"). `pointer`: where the
 * OutputKey is written; `fromDefault`: whether an item came from a parameter's Default (a stack may
 * pass another list, so the template is not refused for it).
 */
class Duplicate extends NotExpanded {
  constructor(message, { loop, key, pointer, fromDefault }) {
    super(message);
    Object.assign(this, { loop, key, pointer, fromDefault });
  }
}

/** The Defaults, each parameter once. */
const unique = (defaults) => [...new Map(defaults.map((d) => [d.parameter, d])).values()];


/**
 * `${Id}` and `&{Id}` of the identifiers in `env` (Map of identifier to item) in `text` replaced.
 * `charge(n)` is told the length of each string made before it is made (it throws past the budget).
 */
function substitute(text, env, charge) {
  let out = text;
  for (const [identifier, item] of env) {
    for (const [mark, value] of [['${', item.value], ['&{', item.value.replace(/[^0-9A-Za-z]/g, '')]]) {
      const pieces = out.split(mark + identifier + '}');
      if (pieces.length === 1) continue;
      charge(out.length + (pieces.length - 1) * (value.length - mark.length - identifier.length - 1));
      out = pieces.join(value);
    }
  }
  return out;
}

const namesIdentifier = (text, env) => [...env.keys()].some((id) => text.includes('${' + id + '}') || text.includes('&{' + id + '}'));

/** Whether a Fn::Sub string still has a variable (`${X}`; `${!X}` is the literal text `${X}`). */
const hasSubVariable = (text) => /\$\{(?!!)[^}]*\}/.test(text);

/**
 * Whether `value` holds a loop key (isLoopKey) at any depth. It looks at each object once, so
 * the time is the document's size (nothing is copied here); with no bound on what it looks at,
 * a loop after a large resource is found too (it was not, and the loop's note said it was not one).
 */
function hasLoop(value) {
  const stack = [value];
  const seen = new Set(); // a value a YAML alias shares is looked at once
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === null || typeof next !== 'object' || next instanceof UnknownText || seen.has(next)) continue;
    seen.add(next);
    if (Array.isArray(next)) for (const item of next) stack.push(item);
    else {
      for (const [key, member] of Object.entries(next)) {
        if (isLoopKey(key)) return true;
        stack.push(member);
      }
    }
  }
  return false;
}

/**
 * The template with the Fn::ForEach loops of its Resources, Conditions and Outputs sections expanded:
 * `{ template, sources, made, unexpanded }`. `sources` maps a pointer of the
 * expanded template where a loop put an entry to the pointer of its OutputKey
 * in the document (the members below keep their place); `made` maps the logical
 * ID of each resource a loop made to `{ loop, written, items, defaults, substituted }`
 * (`loop`: the key of the loop of Resources that made it, null for a resource a loop inside changed;
 * `written`: the pointer in the document of the OutputKey it was made from; `items`: each
 * identifier's item, `{ Mode: 'NONE' }`; `defaults`: `[{ parameter, value }]` whose Default gave a collection;
 * `substituted`: the pointers, under the resource, of values an identifier
 * gave); `unexpanded` maps a loop of Resources left as written, or a resource
 * whose loops inside are, to why. A template without
 * loops comes back as it is.
 */
export function expandLoops(template) {
  const resources = isObject(template?.Resources) ? template.Resources : null;
  const out = { template, sources: new Map(), made: new Map(), unexpanded: new Map() };
  const conditions = isObject(template?.Conditions) ? template.Conditions : null;
  const outputs = isObject(template?.Outputs) ? template.Outputs : null;
  if (![resources, conditions, outputs].some((section) => section && hasLoop(section))) return out;
  const parameters = isObject(template.Parameters) ? template.Parameters : {};
  let nodes = 0; // values copied, by all the loops of the template
  let kept = 0; // entries made by the loops expanded so far (not the one being expanded)
  let substituted = []; // [{ pointer, defaults }] of the resource being expanded
  /** Why a loop stops: what it makes goes past `limit`, alone or with the loops before it. */
  const past = (limit, what, before) =>
    new NotExpanded(before ? `with the loops before it, the template's loops make more than ${limit} ${what}` : `it makes more than ${limit} ${what}`);
  /** The Defaults the items of `env` come from: `[{ parameter, value }]`. */
  const defaultsOf = (env) => [...env.values()].filter((item) => item.parameter !== undefined).map(({ parameter, list }) => ({ parameter, value: list }));

  /** The items of a loop's collection: `[{ value, parameter? }]`. */
  const itemsOf = (collection, env) => {
    if (Array.isArray(collection)) {
      // A string whose value is not known yet (a Serverless Framework variable) is an item all the same: not "not a string".
      const unknown = collection.find((item) => item instanceof UnknownText);
      if (unknown) throw new NotExpanded(`the item ${JSON.stringify(unknown.text)} of its collection is a string ${unknown.reason}`);
      if (!collection.every((item) => typeof item === 'string')) throw new NotExpanded('an item of its collection is not a string');
      // An inner loop's item "${Outer}": whether the transform replaces it is not agreed (see UnknownText), so it is not known.
      const naming = collection.find((item) => env.size > 0 && namesIdentifier(item, env));
      if (naming !== undefined) {
        throw new NotExpanded(`the item ${JSON.stringify(naming)} of its collection names the identifier of a loop around it, which CloudFormation's reference says the transform replaces and its design notes that it does not`);
      }
      return collection.map((value) => ({ value }));
    }
    const name = isObject(collection) && Object.keys(collection).length === 1 ? collection.Ref : undefined;
    const parameter = typeof name === 'string' && isObject(parameters[name]) ? parameters[name] : undefined;
    if (!parameter || parameter.Type !== 'CommaDelimitedList' || typeof parameter.Default !== 'string' || hasDynamicReference(parameter.Default)) {
      throw new NotExpanded('its collection is known only at deploy time');
    }
    const values = parameter.Default.split(',');
    // Whether CloudFormation trims the items is not said where we looked: such a list is not guessed at.
    if (values.some((value) => value === '' || value.trim() !== value)) throw new NotExpanded(`the Default of parameter ${name} has an empty item or spaces around one`);
    return values.map((value) => ({ value, parameter: name, list: parameter.Default }));
  };

  /** A value of an OutputValue with the identifiers in `env` replaced. */
  const walk = (value, pointer, env, depth) => {
    if (++nodes > MAX_LOOP_NODES) throw tooMany();
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${pointer}/${i}`, env, depth));
    if (value instanceof UnknownText) return value;
    if (typeof value === 'string') return env.size > 0 && namesIdentifier(value, env) ? new UnknownText(value, LOOP_TEXT_REASON) : value;
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && env.size > 0) {
      const [fn] = keys;
      const argument = value[fn];
      if (fn === 'Ref') {
        const name = isObject(argument) ? walk(argument, `${pointer}/Ref`, env, depth) : argument;
        if (typeof name === 'string' && env.has(name)) {
          substituted.push({ pointer, defaults: defaultsOf(env) });
          return env.get(name).value;
        }
        if (name !== argument) return { Ref: name };
      }
      const text = typeof argument === 'string' ? argument : Array.isArray(argument) && typeof argument[0] === 'string' ? argument[0] : undefined;
      if (fn === 'Fn::Sub' && text !== undefined && namesIdentifier(text, env)) {
        const replaced = substitute(text, env, charge);
        substituted.push({ pointer, defaults: defaultsOf(env) });
        const variables = Array.isArray(argument) && argument.length > 1 ? walk(argument[1], `${pointer}/1`, env, depth) : undefined;
        if (!hasSubVariable(replaced)) return replaced.replace(/\$\{!/g, '${');
        return { 'Fn::Sub': Array.isArray(argument) ? [replaced, ...(variables === undefined ? [] : [variables])] : replaced };
      }
    }
    return expandObject(value, pointer, env, depth);
  };

  /** An object with its loops replaced by what they make (`pointer`: its place in the expanded template). */
  const expandObject = (object, pointer, env, depth) => {
    const result = {};
    for (const [key, member] of Object.entries(object)) {
      if (isLoopKey(key)) continue;
      if (env.size > 0 && namesIdentifier(key, env)) throw new NotExpanded(`the key ${key} below an OutputKey names an identifier`);
      setMember(result, key, walk(member, `${pointer}/${escapeSegment(key)}`, env, depth));
    }
    for (const [key, loop] of Object.entries(object)) {
      if (isLoopKey(key)) expandLoop(key, loop, `${pointer}/${escapeSegment(key)}`, pointer, result, env, depth, false);
    }
    return result;
  };

  /**
   * Puts what a loop makes into `target` (at `targetPointer` in the expanded template); `loopPointer`:
   * where the loop is written (a pointer of the expanded template, or one `sources` maps back).
   */
  const expandLoop = (key, loop, loopPointer, targetPointer, target, env, depth, top) => {
    if (depth >= MAX_LOOP_DEPTH) throw new NotExpanded(`it nests loops more than ${MAX_LOOP_DEPTH} deep`);
    if (!Array.isArray(loop) || loop.length !== 3 || typeof loop[0] !== 'string' || loop[0] === '' || !isObject(loop[2])) {
      throw new NotExpanded('it is not [Identifier, Collection, {OutputKey: OutputValue}]');
    }
    const [identifier, collection, fragment] = loop;
    for (const item of itemsOf(collection, env)) {
      // Each item counts, so that loops of empty fragments over long lists end too.
      if (++nodes > MAX_LOOP_NODES) throw tooMany();
      const inner = new Map(env).set(identifier, item);
      for (const [outputKey, outputValue] of Object.entries(fragment)) {
        const written = `${loopPointer}/2/${escapeSegment(outputKey)}`;
        if (isLoopKey(outputKey)) {
          expandLoop(outputKey, outputValue, written, targetPointer, target, inner, depth + 1, top);
          continue;
        }
        const madeKey = substitute(outputKey, inner, charge);
        if (hasSubVariable(madeKey) || /&\{[^}]*\}/.test(madeKey)) throw new NotExpanded(`its OutputKey ${outputKey} names something other than an identifier`);
        const fromDefault = defaultsOf(inner).length > 0;
        if (Object.hasOwn(target, madeKey)) {
          // Either side from a Default: a stack may pass another list, and then the keys differ.
          const either = fromDefault || (defaultKeys.get(target)?.has(madeKey) ?? false);
          throw new Duplicate(`it makes ${madeKey} twice, or one the template already has`, { loop: key, key: madeKey, pointer: written, fromDefault: either });
        }
        const madePointer = `${targetPointer}/${escapeSegment(madeKey)}`;
        const before = substituted.length;
        // Known before the walk, so that a Duplicate found inside is placed in the document.
        sources.set(madePointer, written);
        setMember(target, madeKey, walk(outputValue, madePointer, inner, depth + 1));
        if (fromDefault) defaultKeys.set(target, (defaultKeys.get(target) ?? new Set()).add(madeKey));
        // A member a loop inside a resource makes from a Default: a finding there depends on it.
        if (!top && defaultsOf(inner).length > 0) substituted.push({ pointer: madePointer, defaults: defaultsOf(inner) });
        if (top) {
          if (kept + made.size >= MAX_LOOP_OUTPUTS) throw past(MAX_LOOP_OUTPUTS, 'resources', kept > 0);
          const mine = substituted.slice(before);
          made.set(madeKey, {
            loop: top,
            written,
            items: Object.fromEntries([...inner].map(([identifier, item]) => [identifier, item.value])),
            substituted: mine.map((s) => s.pointer),
            defaults: unique([...defaultsOf(inner), ...mine.flatMap((s) => s.defaults)]),
          });
        }
      }
    }
  };

  let sources;
  let made;
  let start = 0; // the values copied before the entry being expanded
  const tooMany = () => past(MAX_LOOP_NODES, 'values', start > 0);
  let characters = 0; // in the strings made, by all the loops of the template
  let startCharacters = 0; // those made before the entry being expanded
  const charge = (length) => {
    characters += length;
    if (characters > MAX_LOOP_CHARACTERS) throw past(MAX_LOOP_CHARACTERS, 'characters of strings', startCharacters > 0);
  };
  /** The keys of each object (a loop's result, an object inside a resource) that a loop made from a parameter's Default. */
  const defaultKeys = new WeakMap();
  /** A section (Resources, or Conditions, whose loops make conditions a task's Condition or Fn::If may name). */
  const expandSection = (section, entries) => {
    const expanded = {};
    const madeFromDefault = new Set(); // keys of `expanded` an earlier loop made from a parameter's Default
    for (const [key, entry] of Object.entries(entries)) {
      start = nodes;
      startCharacters = characters;
      substituted = [];
      sources = new Map();
      made = new Map();
      const at = `/${section}/${escapeSegment(key)}`;
      try {
        if (isLoopKey(key)) {
          const result = {};
          expandLoop(key, entry, at, `/${section}`, result, new Map(), 0, key);
          for (const madeKey of Object.keys(result)) {
            if (Object.hasOwn(entries, madeKey) || Object.hasOwn(expanded, madeKey)) {
              const pointer = sources.get(`/${section}/${escapeSegment(madeKey)}`) ?? at;
              // Either side from a Default (this loop's key, or the earlier loop's it meets): not a refusal.
              const fromDefault = (made.get(madeKey)?.defaults.length ?? 0) > 0 || madeFromDefault.has(madeKey);
              throw new Duplicate(`it makes ${madeKey}, which the template already has`, { loop: key, key: madeKey, pointer, fromDefault });
            }
          }
          for (const [madeKey, madeValue] of Object.entries(result)) {
            setMember(expanded, madeKey, madeValue);
            if ((made.get(madeKey)?.defaults.length ?? 0) > 0) madeFromDefault.add(madeKey);
          }
        } else {
          setMember(expanded, key, hasLoop(entry) ? walk(entry, at, new Map(), 0) : entry);
          const defaults = unique(substituted.flatMap((s) => s.defaults));
          if (substituted.length > 0) made.set(key, { loop: null, substituted: substituted.map((s) => s.pointer), defaults });
        }
        for (const pair of sources) out.sources.set(...pair);
        if (isLoopKey(key)) kept += made.size;
        if (section === 'Resources') for (const pair of made) out.made.set(...pair);
      } catch (error) {
        if (!(error instanceof NotExpanded)) throw error;
        if (error instanceof Duplicate && !error.fromDefault && !out.refusal) out.refusal = refusalOf(error, sources, usesLanguageExtensions(template));
        setMember(expanded, key, entry);
        // A loop, or a resource whose loops inside are left as written (mapProperties says so).
        if (section === 'Resources') out.unexpanded.set(key, error.message);
      }
    }
    return expanded;
  };
  out.template = { ...template };
  out.refusal = null;
  if (resources) out.template.Resources = expandSection('Resources', resources);
  if (conditions) out.template.Conditions = expandSection('Conditions', conditions);
  // Outputs, the third section a loop may be in: nothing there is checked, but a duplicate there fails the transform too.
  if (outputs) out.template.Outputs = expandSection('Outputs', outputs);
  return out;
}

// The Serverless Framework resolves its variables (`${self:custom.bucket}`,
// `${opt:stage}`, `${env:NAME}`, `${ssm:/path}`, `${file(...)}`, ...) before
// CloudFormation sees the template; `${` in a plain string may be one of them.

/** The template sections `serverless deploy` merges from its `resources` member. */
const SERVERLESS_SECTIONS = ['AWSTemplateFormatVersion', 'Transform', 'Parameters', 'Mappings', 'Conditions', 'Resources'];

const SERVERLESS_TEXT_REASON = 'which may hold a Serverless Framework variable (${self:…}, ${opt:…}, ${env:…}, ${ssm:…}), resolved when `serverless deploy` writes the template';

/**
 * The template a Serverless Framework file's `resources` (recognise.mjs
 * serverlessResources, or a fragment file: serverlessFragment) makes, as
 * the framework sends it: the items merged in order as lodash's merge does
 * (a mapping or list into the one before it, member by member; any other
 * value, null included, replacing what was there), the template sections
 * kept, each plain string with `${` an UnknownText, then each resource's null
 * `Properties` members deleted (`nullStrip` 'top', v3) or its null members at
 * any depth under `Properties` ('deep', v4; a null list item stays). At most
 * MAX_LOOP_NODES values are copied; beyond, the rest stays as written.
 */
export function serverlessTemplate({ items, nullStrip }) {
  let left = MAX_LOOP_NODES;
  const copy = (value) => {
    if (--left < 0) return value;
    if (typeof value === 'string') return value.includes('${') ? new UnknownText(value, SERVERLESS_TEXT_REASON) : value;
    if (Array.isArray(value)) return value.map(copy);
    if (!isObject(value)) return value;
    const out = {};
    for (const [key, member] of Object.entries(value)) setMember(out, key, copy(member));
    return out;
  };
  const container = (value) => Array.isArray(value) || (isObject(value) && !(value instanceof UnknownText));
  const merge = (into, from) => {
    for (const [key, member] of Object.entries(from)) {
      const before = Object.hasOwn(into, key) ? into[key] : undefined;
      if (Array.isArray(member)) setMember(into, key, merge(Array.isArray(before) ? before : [], member));
      else if (container(member)) setMember(into, key, merge(container(before) ? before : {}, member));
      else if (member !== undefined) setMember(into, key, member);
    }
    return into;
  };
  const merged = {};
  for (const item of items) merge(merged, copy(item.value));
  const template = {};
  for (const section of SERVERLESS_SECTIONS) if (Object.hasOwn(merged, section)) setMember(template, section, merged[section]);
  const strip = (object) => {
    for (const [key, member] of Object.entries(object)) {
      if (member === null && !Array.isArray(object)) delete object[key];
      else if (nullStrip === 'deep' && container(member)) strip(member);
    }
  };
  if (container(template.Resources)) {
    for (const resource of Object.values(template.Resources)) {
      if (isObject(resource) && container(resource.Properties)) strip(resource.Properties);
      else if (nullStrip === 'deep' && isObject(resource) && resource.Properties === null) delete resource.Properties;
    }
  }
  return template;
}

/** Why a template with the loop `loop` and without the transform is refused (its first sentence, without the full stop). */
const withoutTransform = (loop) =>
  `${loop} is an Fn::ForEach loop, which only the AWS::LanguageExtensions transform expands, and the template does not declare it, so CloudFormation refuses the template (cfn-lint reports it as E1032 Missing Transform); add \`Transform: AWS::LanguageExtensions\``;

/**
 * Why CloudFormation refuses a template whose loop makes a key twice (Duplicate), as
 * `{ message, pointer }`, `pointer` being where the OutputKey is written in the document.
 */
function refusalOf({ loop, key, pointer }, sources, transform) {
  const duplicate = `${loop} makes the key ${cutName(key)} where its object already has one (made by another item or loop, or written in the template)`;
  return {
    message: transform
      ? `${duplicate}, so the AWS::LanguageExtensions transform fails and CloudFormation refuses the template (cfn-lint reports it as E0001); give each item a key of its own. Nothing else in the template was checked.`
      : // Without the transform nothing expands the loop: CloudFormation refuses the template for that first.
        `${withoutTransform(loop)}. Also, ${duplicate}, which the transform would refuse; give each item a key of its own. Nothing else in the template was checked.`,
    pointer: loopPointers({ get: (at) => at }, sources).get(pointer),
  };
}

/**
 * Why CloudFormation refuses a template that has Fn::ForEach loops in its Resources (at any depth),
 * Conditions or Outputs but does not declare the AWS::LanguageExtensions transform (cfn-lint 1.58.0:
 * E1032 "Missing Transform" at each loop's key; CloudFormation takes Fn::ForEach::Name for a
 * logical ID or a function it does not have), as `{ message, pointer }` at the loop written first
 * (`positions`: the document's, pointer -> { line, column }), or null.
 */
export function missingTransform(template, positions) {
  if (!isObject(template) || usesLanguageExtensions(template)) return null;
  let first = null;
  const seen = new Set(); // a value a YAML alias shares is looked at once
  const stack = ['Resources', 'Conditions', 'Outputs'].filter((section) => isObject(template[section])).map((section) => [template[section], `/${section}`]);
  while (stack.length > 0) {
    const [value, pointer] = stack.pop();
    if (value === null || typeof value !== 'object' || value instanceof UnknownText || seen.has(value)) continue;
    seen.add(value);
    const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value);
    for (const [key, member] of entries) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (!Array.isArray(value) && isLoopKey(key)) {
        const where = positions?.get(at);
        if (first === null || (where && (!first.where || where.line < first.where.line || (where.line === first.where.line && where.column < first.where.column)))) {
          first = { loop: key, pointer: at, where };
        }
      }
      stack.push([member, at]);
    }
  }
  return first && { message: `${withoutTransform(cutName(first.loop))}. Nothing else in the template was checked.`, pointer: first.pointer };
}

// What CloudFormation accepts in Mappings (its template reference: the values "can be of type String or
// List", and no intrinsic function may be there) and the names it accepts, as its own refusals say them:
// a mapping's name is alphanumeric, as every logical name; a top-level key "must be non-empty and can
// contain only alphanumerics, '-' or '.'" (us-east-1, 10.0.0.0 pass, 10.0.0.0/16 and DEEP_ARCHIVE do
// not); a second-level key ("attribute name") "must contain only alphanumeric characters". cfn-lint
// 1.58.0's E7001 checks the same patterns, and refuses a value that is an object (a number or a
// boolean it lets through). A part of Mappings that `Fn::Transform` (AWS::Include) gives is not known.

const MAPPING_NAME = /^[A-Za-z0-9]+$/;
const TOP_LEVEL_KEY = /^[A-Za-z0-9.-]+$/;

/** Whether a part of Mappings is what `Fn::Transform` gives at deploy time. */
const included = (value) => isObject(value) && Object.hasOwn(value, 'Fn::Transform');

/**
 * Why CloudFormation refuses the template's Mappings, as `{ message, pointer }` at the first
 * refused name or value in the file (`positions`: the document's, pointer -> { line, column }), or
 * null. A name with `${` is left alone: a Serverless Framework variable may make it.
 */
export function mappingsRefusal(template, positions) {
  const mappings = isObject(template) ? template.Mappings : undefined;
  if (mappings === null) {
    return { message: `The Mappings section is null (${NULL_SPELLINGS}), ${NULL_REFUSED}, so CloudFormation refuses the template (cfn-lint reports it as E7001); give it mappings, or remove it. Nothing else in the template was checked.`, pointer: '/Mappings' };
  }
  if (!isObject(mappings) || mappings instanceof UnknownText || included(mappings)) return null;
  let first = null;
  const refuse = (pointer, why, fix) => {
    const where = positions?.get(pointer);
    if (first === null || (where && (!first.where || where.line < first.where.line || (where.line === first.where.line && where.column < first.where.column)))) {
      first = { pointer, why, fix, where };
    }
  };
  const said = (name) => (name === '' ? '""' : cutName(name));
  // With the transform, an Fn::ForEach loop in Mappings is not judged: cfn-lint 1.58.0 expands it there (its
  // transform walks the whole template), CloudFormation's reference says a loop "can't be used" in Mappings.
  // Which one the service does is not known here, so nothing is said of it (and a key not found beside it is
  // not missing: variableKeys). Without the transform its key is a name like any other.
  const loop = usesLanguageExtensions(template) ? isLoopKey : () => false;
  const badName = (name, pattern) => !pattern.test(name) && !name.includes('${');
  const unknown = (value) => value instanceof UnknownText || value instanceof Unknown || included(value);
  for (const [name, mapping] of Object.entries(mappings)) {
    if (loop(name)) continue;
    const at = `/Mappings/${escapeSegment(name)}`;
    if (badName(name, MAPPING_NAME)) refuse(at, `the mapping name ${said(name)} is not alphanumeric (only A-Z, a-z and 0-9, as in every logical name)`, 'rename it and each Fn::FindInMap that names it');
    if (unknown(mapping)) continue;
    if (!isObject(mapping) || isIntrinsic(mapping)) {
      const what = isIntrinsic(mapping) ? 'is an intrinsic function, which Mappings may not hold, not' : 'is not';
      refuse(at, `the mapping ${said(name)} ${what} a mapping of top-level keys to second-level keys and values`, 'give it that shape');
      continue;
    }
    for (const [key, level] of Object.entries(mapping)) {
      if (loop(key)) continue;
      const keyAt = `${at}/${escapeSegment(key)}`;
      if (badName(key, TOP_LEVEL_KEY)) refuse(keyAt, `the top-level key ${said(key)} of mapping ${said(name)} is empty or has a character other than letters, digits, "-" and "."`, 'rename it and each Fn::FindInMap key that names it');
      if (unknown(level)) continue;
      // (`dev: !Ref AWS::Region` is a second-level key Ref to cfn-lint, which takes it: so is it here.)
      if (!isObject(level)) {
        refuse(keyAt, `the top-level key ${said(key)} of mapping ${said(name)} holds no mapping of second-level keys and values`, 'give it one');
        continue;
      }
      for (const [attribute, value] of Object.entries(level)) {
        if (loop(attribute)) continue;
        const attributeAt = `${keyAt}/${escapeSegment(attribute)}`;
        if (badName(attribute, MAPPING_NAME)) {
          refuse(attributeAt, `the second-level key ${said(attribute)} under [${said(name)}, ${said(key)}] is not alphanumeric (only A-Z, a-z and 0-9; no "-", "." or "_" at this level)`, 'rename it and each Fn::FindInMap key that names it');
        }
        if (isObject(value) && !unknown(value)) {
          refuse(attributeAt, `[${said(name)}, ${said(key)}, ${said(attribute)}] holds an object${isIntrinsic(value) ? ' (an intrinsic function, which Mappings may not hold)' : ''}, where only a string or a list may be`, 'write a string or a list there');
        }
        const nulls = value === null ? [attributeAt] : Array.isArray(value) ? value.flatMap((item, i) => (item === null ? [`${attributeAt}/${i}`] : [])) : [];
        if (nulls.length > 0) {
          const what = value === null ? 'is null' : 'holds a null item';
          refuse(nulls[0], `[${said(name)}, ${said(key)}, ${said(attribute)}] ${what} (${value === null ? NULL_SPELLINGS : 'written ~ or null'}), ${NULL_REFUSED}`, `write a string there, or remove it`);
        }
      }
    }
  }
  return first && { message: `In Mappings, ${first.why}, so CloudFormation refuses the template (cfn-lint reports it as E7001); ${first.fix}. Nothing else in the template was checked.`, pointer: first.pointer };
}

// A null anywhere in a template is refused ("[/Mappings/RegionMap/ap-northeast-3/SRXAMI] 'null' values are
// not allowed in templates", the service's answer quoted in public reports); the Serverless Framework strips
// nulls only from resources' Properties, so one in Mappings reaches CloudFormation all the same.
const NULL_SPELLINGS = 'written ~, null or nothing after the colon';
const NULL_REFUSED = `a value CloudFormation allows nowhere in a template ("'null' values are not allowed in templates")`;

/** `get` of a document's Map (positions, scalars, unknownTags) at the pointers of the expanded template. */
export function loopPointers(map, sources) {
  if (!map || sources.size === 0) return map;
  const toDocument = (pointer) => {
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
      const source = sources.get(at);
      if (source !== undefined) return toDocument(source + pointer.slice(at.length));
    }
    return pointer;
  };
  return { get: (pointer) => map.get(toDocument(pointer)) };
}

/** Field metadata by pointer pattern (list indices as `*`). */
function fieldIndex(fields) {
  return new Map(fields.map((field) => [field.pointer, field]));
}

/** The field a concrete pointer names, if the API defines it. */
export function fieldAt(index, pointer) {
  return index.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*'));
}

const YAML_TRUE_FALSE = /^(true|false)$/i;

/**
 * Maps a task's Properties to the request CloudFormation would send.
 * `documentPointer` is where Properties sits in the document; `scalars` and
 * `unknownTags` come from documents.parseYaml (keyed by document pointers).
 * Returns `{ request, unknowns, diagnostics, notes, conversions, toDocument, listsFromMappings? }`:
 * `request` may hold Unknown markers; every pointer (diagnostics, notes,
 * Unknown.pointer, `conversions` keys) is a request pointer, which
 * `toDocument` turns into the pointer inside Properties (they differ only
 * where `Ref: AWS::NoValue` removed a list item); `conversions` values are
 * `{ from, to, yamlBoolean }`.
 */
export function mapProperties(properties, { fields, documentPointer, scalars, unknownTags, loopsLeft, mappings, languageExtensions, choose }) {
  const index = fieldIndex(fields);
  // Fn::If taken by `choose` (ifWorlds): request pointer -> the branch's pointer inside Properties, and what was chosen.
  const branches = new Map();
  const choices = [];
  const branchOf = (value, pointer, inDocument, documentAt) => {
    const taken = chosenBranch(value, choose);
    if (taken === undefined) return undefined;
    const at = `${inDocument}${ifForm(scalars, documentAt)}/${taken.index}`;
    branches.set(pointer, at);
    choices.push({ pointer, name: taken.name, value: taken.value });
    return { branch: taken.branch, at };
  };
  const unknowns = [];
  const diagnostics = [];
  const notes = [];
  const conversions = new Map();
  // Document pointers of the Fn::FindInMap calls that gave a list from Mappings: its items have no
  // place of their own in Properties (the short form's arguments are not them).
  const listsFromMappings = new Set();
  // Lists that lost items to AWS::NoValue: request pointer -> the document index of each item left.
  const shifted = new Map();
  const toDocument = (pointer) => {
    if (shifted.size === 0 && branches.size === 0) return pointer;
    let request = '';
    let document = branches.get('') ?? '';
    for (const segment of pointer.split('/').slice(1)) {
      const kept = shifted.get(request);
      const index = /^\d+$/.test(segment) ? Number(segment) : -1;
      document += '/' + (kept && index >= 0 && index < kept.length ? String(kept[index]) : segment);
      request += '/' + segment;
      document = branches.get(request) ?? document;
    }
    return document;
  };

  // Properties given by a Fn::If that `choose` takes: the branch's members, at the branch's place.
  let root = '';
  for (let taken = branchOf(properties, '', '', documentPointer); taken; taken = branchOf(properties, '', root, documentPointer + root)) {
    properties = taken.branch;
    root = taken.at;
    if (isIntrinsic(properties) && properties.Ref === 'AWS::NoValue') properties = undefined;
  }
  if (properties === undefined) properties = {};
  if (properties instanceof UnknownText) {
    const unknown = new Unknown('', properties.text, `the string ${JSON.stringify(properties.text)}`, { dynamicReference: true });
    unknown.reason = properties.reason;
    return { request: unknown, unknowns: [unknown], diagnostics, notes, conversions, toDocument };
  }
  if (isObject(properties) && Object.keys(properties).some(isLoopKey)) {
    const unknown = loopLeft('', properties, loopsLeft);
    return { request: unknown, unknowns: [unknown], diagnostics, notes, conversions, toDocument };
  }
  if (isIntrinsic(properties)) {
    const unknown = new Unknown('', properties, describeIntrinsic(properties));
    return { request: unknown, unknowns: [unknown], diagnostics, notes, conversions, toDocument };
  }

  // `pointer` is where the value ends up in the request, `inDocument` where it is in Properties.
  // `written`: false for a value with no tag or spelling of its own at `inDocument`.
  // `base`: where `inDocument` starts in the document (Properties, or '' for a value found in Mappings).
  const convert = (value, pointer, inDocument, written = true, base = documentPointer) => {
    const documentAt = base + inDocument;
    const tag = written ? unknownTags?.get(documentAt) : undefined;
    if (tag) {
      const unknown = new Unknown(pointer, value, tag, { known: false });
      unknowns.push(unknown);
      return unknown;
    }
    if (value instanceof UnknownText) {
      // A string all the same: never absent.
      const unknown = new Unknown(pointer, value.text, `the string ${JSON.stringify(value.text)}`, { dynamicReference: true });
      unknown.reason = value.reason;
      unknowns.push(unknown);
      return unknown;
    }
    if (isObject(value) && Object.keys(value).some(isLoopKey)) {
      // Its members are what a loop left as written makes at deploy time: none is checked, none is unknown to the API.
      const unknown = loopLeft(pointer, value, loopsLeft);
      unknowns.push(unknown);
      return unknown;
    }
    if (isIntrinsic(value)) {
      if (value.Ref === 'AWS::NoValue') return ABSENT;
      // A Fn::If whose condition this world decides: its branch, read at the branch's place.
      const taken = base === documentPointer ? branchOf(value, pointer, inDocument, documentAt) : undefined;
      if (taken) return convert(taken.branch, pointer, taken.at, written, base);
      // `!Sub 'rate(1 hour)'`, `!Join ['', ['cron(0 8 ', '* * ? *)']]`: a string known now, at the call's place.
      const text = knownText(value, (suffix) => written && unknownTags?.get(documentAt + suffix) !== undefined);
      if (text !== undefined) return convert(text, pointer, inDocument, false, base);
      const given = Object.hasOwn(value, 'Fn::FindInMap') ? mappingValue(value['Fn::FindInMap'], mappings, languageExtensions) : null;
      const found = given?.found;
      // Read at its place in Mappings, for its YAML spelling (an unquoted OFF there is a boolean).
      if (given?.at !== undefined) {
        if (Array.isArray(given.value)) listsFromMappings.add(documentAt);
        return convert(given.value, pointer, given.at, true, '');
      }
      if (given?.fromDefaultValue) {
        // Where the DefaultValue is written, for its YAML spelling and tags: under the long form's name, or the
        // short form's, whichever holds a scalar argument (a MapName or key may itself be Fn::FindInMap).
        const form = ['/Fn::FindInMap', ''].find((f) => ['/0', '/1', '/2', '/3/DefaultValue'].some((at) => scalars?.get(`${documentAt}${f}${at}`) !== undefined));
        return convert(given.value, pointer, `${inDocument}${form ?? ''}/3/DefaultValue`, written && form !== undefined);
      }
      if (found?.missing) {
        diagnostics.push(missingKey(found.missing, pointer));
      }
      const unknown = new Unknown(pointer, value, describeIntrinsic(value));
      if (found?.missing) unknown.reason = 'which finds no value there (the error at this place), so nothing that depends on it is checked';
      // A mapping's values are strings or lists (CloudFormation's documentation; cfn-lint's E7001 refuses an object there).
      else if (isObject(found?.value) && !(found.value instanceof UnknownText) && !included(found.value)) unknown.reason = 'which finds an object in Mappings, where CloudFormation allows only strings and lists (cfn-lint reports it as E7001)';
      unknowns.push(unknown);
      return unknown;
    }
    if (hasDynamicReference(value)) {
      const unknown = new Unknown(pointer, value, dynamicReferenceDescription(value), { dynamicReference: true });
      if (value.includes('{{resolve:ssm-secure:')) unknown.reason = SSM_SECURE_REASON;
      unknowns.push(unknown);
      return unknown;
    }
    if (Array.isArray(value)) {
      const out = [];
      const kept = [];
      value.forEach((item, i) => {
        const converted = convert(item, `${pointer}/${out.length}`, `${inDocument}/${i}`, written, base);
        if (converted === ABSENT) return;
        out.push(converted);
        kept.push(i);
      });
      if (kept.length !== value.length) shifted.set(pointer, kept);
      return out;
    }
    if (isObject(value)) {
      const out = {};
      for (const [key, member] of Object.entries(value)) {
        const segment = `/${escapeSegment(key)}`;
        const converted = convert(member, pointer + segment, inDocument + segment, written, base);
        if (converted !== ABSENT) setMember(out, key, converted);
      }
      return out;
    }
    const field = fieldAt(index, pointer);
    if (field?.type === 'integer' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
      const to = BigInt(value.trim());
      conversions.set(pointer, { from: value, to });
      return to;
    }
    if (field?.type === 'string' && (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint')) {
      const scalar = written ? scalars?.get(documentAt) : undefined;
      let to;
      let yamlBoolean;
      if (typeof value === 'boolean') {
        to = String(value);
        if (scalar?.type === 'PLAIN' && scalar.source && !YAML_TRUE_FALSE.test(scalar.source)) yamlBoolean = scalar.source;
      } else {
        to = scalar?.type === 'PLAIN' && scalar.source ? scalar.source : String(value);
      }
      conversions.set(pointer, { from: value, to, yamlBoolean });
      return to;
    }
    return value;
  };

  let request = properties;
  if (isObject(properties)) {
    request = {};
    for (const [key, member] of Object.entries(properties)) {
      const pointer = `/${escapeSegment(key)}`;
      if (READ_ONLY.includes(key)) {
        diagnostics.push({
          code: 'cloudformation/read-only-property',
          severity: 'warning',
          path: pointer,
          message: `${key} is a read-only attribute of ${TASK_TYPE} that CloudFormation sets itself; remove it from Properties (read it with Fn::GetAtt instead).`,
        });
        continue;
      }
      const converted = convert(member, pointer, root + pointer);
      if (converted !== ABSENT) setMember(request, key, converted);
    }
    diagnostics.push(...schemaRequired(request));
  } else {
    request = convert(properties, '', root);
  }

  for (const [pointer, { yamlBoolean, to }] of conversions) {
    if (yamlBoolean) {
      notes.push({
        path: pointer,
        code: 'cloudformation/yaml-boolean',
        message: `The unquoted ${yamlBoolean} is a YAML 1.1 boolean, which CloudFormation sends as the string "${to}"; write '${yamlBoolean}' in quotes if you mean the word.`,
      });
    }
  }
  return { request, unknowns, diagnostics, notes, conversions, toDocument, listsFromMappings, choices };
}

// Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey] gives the value the
// template's Mappings section holds there; with the AWS::LanguageExtensions
// transform a fourth argument `{DefaultValue: V}` gives V when a key is not
// found. A key that a loop gave (Ref X, !Sub '${X}') is the item by then. Read
// only where every key is a literal string (after the loops) and the mapping a
// literal object; any other key (a parameter, a pseudo parameter, Fn::Select …)
// leaves the value unknown. A key that is not there, without a DefaultValue,
// fails the stack (cfn-lint's E1011 says so of the same templates).

/**
 * What `Fn::FindInMap` with `argument` gives: `{ value, at }` (from Mappings, `at` its pointer
 * inside the Mappings section), `{ default }` (its
 * DefaultValue, as written in the template), `{ missing }` (why
 * CloudFormation fails: `{ mapping, topLevelKey, secondLevelKey, absent, in }`, `in` the object
 * where the key is not found),
 * or null when it is not known before deploy time.
 */
export function findInMap(argument, mappings, languageExtensions, depth = 0) {
  if (!Array.isArray(argument) || argument.length < 3 || argument.length > 4 || depth > 8) return null;
  const keys = argument.slice(0, 3).map((key) => {
    if (typeof key === 'string' && !hasDynamicReference(key)) return key;
    // A key that Fn::FindInMap finds (CloudFormation allows that one function there, and Ref).
    const inner = isObject(key) && Object.keys(key).length === 1 ? findInMap(key['Fn::FindInMap'], mappings, languageExtensions, depth + 1) : null;
    const found = inner?.value ?? inner?.default;
    return typeof found === 'string' && !hasDynamicReference(found) ? found : undefined;
  });
  if (keys.includes(undefined)) return null;
  let fallback;
  if (argument.length === 4) {
    const option = argument[3];
    if (!languageExtensions || !isObject(option) || Object.keys(option).length !== 1 || !Object.hasOwn(option, 'DefaultValue')) return null;
    fallback = { default: option.DefaultValue };
  }
  const [name, top, second] = keys;
  if (!knownMapping(mappings)) return null;
  const mapping = Object.hasOwn(mappings, name) ? mappings[name] : undefined;
  if (mapping === undefined) {
    // The documentation gives a DefaultValue for keys not found "on the MapName map": a map that is not there is not said.
    return fallback || variableKeys(mappings) ? null : { missing: { mapping: name, topLevelKey: top, secondLevelKey: second, absent: 'mapping', in: mappings } };
  }
  if (!knownMapping(mapping)) return null;
  const level = Object.hasOwn(mapping, top) ? mapping[top] : undefined;
  // `in`: the object whose keys the finding lists (listed only when the finding is made).
  const missing = (absent, key, object) => fallback ?? (mayBeRespelled(key) || variableKeys(object) ? null : { missing: { mapping: name, topLevelKey: top, secondLevelKey: second, absent, in: object } });
  if (level === undefined) return missing('topLevelKey', top, mapping);
  if (!knownMapping(level)) return null;
  if (!Object.hasOwn(level, second)) return missing('secondLevelKey', second, level);
  return { value: level[second], at: `/${escapeSegment(name)}/${escapeSegment(top)}/${escapeSegment(second)}` };
}

// The keys of each Mappings object, listed once per object: whether it is a
// function call and a missing-key finding both need them, and a template may
// look a large mapping up (or miss a key in it) many times.
const listedKeys = new WeakMap();
function keysOf(object) {
  let keys = listedKeys.get(object);
  if (keys === undefined) {
    keys = Object.keys(object);
    listedKeys.set(object, keys);
  }
  return keys;
}

/** Whether `value` is a section or mapping written out (not a Serverless Framework variable, nor an intrinsic: isIntrinsic()'s test). */
function knownMapping(value) {
  if (!isObject(value) || value instanceof UnknownText) return false;
  if (value instanceof Unknown) return true;
  const keys = keysOf(value);
  return !(keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')));
}

/**
 * Whether a key that is not found may be there under another spelling: a YAML 1.1 reader turns the
 * mapping's key `On:` or `yes:` into a boolean, `0x10:` or `1_000:` into a number, `~:` into null,
 * and the key a template names, 'On', is then not the key as the command reads it ("true"). Such a
 * key is not reported missing (its value stays unknown). A plain y or n is a string to every reader
 * we follow (documents.mjs templateTags), so `y` not found is missing.
 */
const mayBeRespelled = (key) =>
  /^(?:~|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(key) || /^[-+.]?[0-9.]/.test(key) || key === '';

/**
 * Whether an object of Mappings has a key with `${`, which a Serverless Framework variable may make into
 * the key looked for (in a template, CloudFormation refuses such a key), or an Fn::ForEach loop, which
 * cfn-lint expands there and this command does not (mappingsRefusal): a key not found is not missing.
 */
const variableKeys = (object) => keysOf(object).some((key) => key.includes('${') || isLoopKey(key));

/**
 * Whether a value Mappings hold is one CloudFormation allows there (a string, a number or boolean,
 * a list of them): anything else (an intrinsic function, which it refuses) is left unknown.
 */
const isMappingValue = (value) => {
  const scalar = (v) => ['string', 'number', 'bigint', 'boolean'].includes(typeof v) && !hasDynamicReference(v);
  return scalar(value) || (Array.isArray(value) && value.every(scalar));
};

/** The argument of `value` when it is `{ "Fn::FindInMap": argument }` (that one key), else undefined. */
const findInMapArgument = (value) => (isObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, 'Fn::FindInMap') ? value['Fn::FindInMap'] : undefined);

/**
 * What Fn::FindInMap `argument` gives, for every place that reads one (a task's members, a location
 * resource's, a condition, a key from a parameter's Default): `{ found, value, at }` for a string or list in
 * Mappings (`at`: its pointer in the document), `{ found, value, fromDefaultValue: true }` when its
 * DefaultValue is used, `{ found }` without a value for anything else it finds (an object; a key not there:
 * `found.missing`); null when it is not known before deploy time. Each place then takes what it accepts.
 */
function mappingValue(argument, mappings, languageExtensions) {
  const found = findInMap(argument, mappings, languageExtensions);
  if (!found) return null;
  if (isMappingValue(found.value)) return { found, value: found.value, at: `/Mappings${found.at}` };
  if (found.default !== undefined) return { found, value: found.default, fromDefaultValue: true };
  return { found };
}

/** A name as a finding quotes it: at most 100 characters, then "…" (a finding per task and item must stay small). */
function cutName(name) {
  if (name.length <= 100) return name;
  const end = /[\uD800-\uDBFF]/.test(name[99]) ? 99 : 100;
  return `${name.slice(0, end)}…`;
}

/** A missing Fn::FindInMap key's finding: its message and params (names cut, at most 10 of those there are). */
export function missingKey({ mapping, topLevelKey, secondLevelKey, absent, in: object }, path) {
  const has = keysOf(object);
  const params = { mapping: cutName(mapping), topLevelKey: cutName(topLevelKey), secondLevelKey: cutName(secondLevelKey), absent, has: has.slice(0, 10).map(cutName) };
  return { code: 'cloudformation/missing-mapping-key', severity: 'error', path, message: missingKeyMessage(params, has.length), params };
}

/** The text of a missing Fn::FindInMap key's finding (`count`: how many names there are where one is missing). */
function missingKeyMessage({ mapping, topLevelKey, secondLevelKey, absent, has }, count) {
  const listed = count === 0 ? 'none' : has.join(', ') + (count > has.length ? `, … (${count})` : '');
  const where =
    absent === 'mapping'
      ? `the template's Mappings have no ${mapping} (they have: ${listed})`
      : absent === 'topLevelKey'
        ? `mapping ${mapping} has no top-level key ${topLevelKey} (it has: ${listed})`
        : `mapping ${mapping} has no key ${secondLevelKey} under ${topLevelKey} (it has: ${listed})`;
  return `Fn::FindInMap [${mapping}, ${topLevelKey}, ${secondLevelKey}] finds nothing: ${where}, and there is no DefaultValue, so CloudFormation fails the stack operation; add the key, or a DefaultValue (with the AWS::LanguageExtensions transform).`;
}

/**
 * An object of Properties with an Fn::ForEach loop that expandLoops left as written (`why`, when
 * it says): the members the loop makes are known only when the transform runs, so the object is.
 */
function loopLeft(pointer, object, why) {
  const names = Object.keys(object).filter(isLoopKey);
  const unknown = new Unknown(pointer, object, names.length === 1 ? `the loop ${names[0]}` : `the loops ${names.join(', ')}`, { dynamicReference: true });
  unknown.reason = `whose members the AWS::LanguageExtensions transform makes at deploy time; this command did not expand ${names.length === 1 ? 'it' : 'them'}${why ? ` (${why})` : ''}`;
  return unknown;
}

/** Members the resource schema requires although the API does not. */
function schemaRequired(request) {
  const out = [];
  const missing = (path, member, parent, why) =>
    out.push({
      code: 'cloudformation/missing-property',
      severity: 'error',
      path,
      message: `${parent} needs ${member}: the ${TASK_TYPE} resource schema requires it${why}; add it.`,
    });
  const report = request.TaskReportConfig;
  if (isObject(report) && !(report instanceof Unknown)) {
    for (const member of ['Destination', 'OutputType']) {
      if (!Object.hasOwn(report, member)) {
        missing(`/TaskReportConfig/${member}`, member, 'TaskReportConfig', ', although the CreateTask API does not');
      }
    }
  }
  if (Array.isArray(request.Tags)) {
    request.Tags.forEach((tag, i) => {
      if (isObject(tag) && !(tag instanceof Unknown) && !Object.hasOwn(tag, 'Value')) {
        missing(`/Tags/${i}/Value`, 'Value', `Tag ${i}`, ' (the CreateTask API lets it be omitted)');
      }
    });
  }
  return out;
}

// Location resources: a task's SourceLocationArn or DestinationLocationArn given
// as `Ref X` or `Fn::GetAtt X.LocationArn`, where X is an AWS::DataSync::Location*
// resource of the same template, is described to validate() as that location
// (its type, and S3StorageClass, MountOptions.Version and AgentArns where the
// template gives them literally, by Fn::FindInMap with known keys, or by Ref of a
// parameter with a Default), so the location rules apply to the task.

/** Location types by resource type. */
const LOCATION_TYPES = new Map([
  ['AWS::DataSync::LocationS3', 'S3'],
  ['AWS::DataSync::LocationEFS', 'EFS'],
  ['AWS::DataSync::LocationNFS', 'NFS'],
  ['AWS::DataSync::LocationSMB', 'SMB'],
  ['AWS::DataSync::LocationHDFS', 'HDFS'],
  ['AWS::DataSync::LocationFSxWindows', 'FSX_WINDOWS'],
  ['AWS::DataSync::LocationFSxLustre', 'FSX_LUSTRE'],
  ['AWS::DataSync::LocationFSxOpenZFS', 'FSX_OPENZFS'],
  ['AWS::DataSync::LocationFSxONTAP', 'FSX_ONTAP'],
  ['AWS::DataSync::LocationObjectStorage', 'OBJECT_STORAGE'],
  ['AWS::DataSync::LocationAzureBlob', 'AZURE_BLOB'],
]);

/** The logical ID a location ARN refers to: `Ref X` or `Fn::GetAtt X.LocationArn` (either spelling). */
function referencedResource(intrinsic) {
  if (!isObject(intrinsic)) return null;
  if (typeof intrinsic.Ref === 'string') return intrinsic.Ref;
  const [resource, attribute] = getAttTarget(intrinsic);
  return typeof resource === 'string' && attribute === 'LocationArn' ? resource : null;
}

/** The target of `Fn::GetAtt`, in either spelling, as `[logicalId, attribute]`. */
function getAttTarget(value) {
  const getAtt = isObject(value) ? value['Fn::GetAtt'] : undefined;
  if (typeof getAtt === 'string') return getAtt.split(/\.(.*)/s);
  return Array.isArray(getAtt) ? getAtt : [];
}

/**
 * The type of an AWS::DataSync::LocationS3: S3_OUTPOSTS for a literal Outposts
 * access point ARN or the storage class OUTPOSTS (Outposts buckets use that
 * one); S3 otherwise, also when the bucket ARN is known only at deploy time:
 * CloudFormation's schema for the resource takes a bucket ARN of the form
 * `arn:<partition>:s3:…` and no OUTPOSTS storage class, so a bucket on Outposts
 * is not what a stack creates (the rules S3 and S3 on Outposts share hold
 * either way; the one for Outposts alone, enhanced-unsupported-pair, stays
 * silent, as for a location not described).
 */
function s3Type(bucketArn, storageClass) {
  if (typeof bucketArn === 'string' && !hasDynamicReference(bucketArn) && bucketArn.includes(':s3-outposts:')) return 'S3_OUTPOSTS';
  return storageClass === 'OUTPOSTS' ? 'S3_OUTPOSTS' : 'S3';
}

/** A member's literal string value, or undefined (absent, an intrinsic, a dynamic reference, or not a string). */
const literal = (value) => (typeof value === 'string' && !hasDynamicReference(value) ? value : undefined);

/**
 * What a location resource's member gives before deploy time: the member itself, or what its
 * `Fn::FindInMap` finds (findInMap: literal keys, a DefaultValue with the transform), as a task's
 * members are read; undefined when that is not known (a key from a parameter, a key not found).
 */
function orMapping(value, { mappings, languageExtensions }) {
  const argument = findInMapArgument(value);
  return argument === undefined ? value : mappingValue(argument, mappings, languageExtensions)?.value;
}

/**
 * `{ parameter, value }` when `value` is `Ref P` of a String parameter P whose
 * Default is a string (not a dynamic reference), as the task's members use
 * Defaults (parameterDefaults); else undefined.
 */
function stringDefault(parameters, value) {
  const name = isObject(value) && Object.keys(value).length === 1 ? value.Ref : undefined;
  if (typeof name !== 'string' || !Object.hasOwn(parameters, name)) return undefined;
  const parameter = parameters[name];
  if (!isObject(parameter) || parameter.Type !== 'String' || typeof parameter.Default !== 'string' || hasDynamicReference(parameter.Default)) return undefined;
  return { parameter: name, value: parameter.Default };
}

/**
 * What `Fn::FindInMap` `argument` finds when a key is `Ref P` of a String parameter P with a
 * Default (stringDefault) and the other keys are known: `{ parameter, value, default }`, `value`
 * being the string found under the Default (or a DefaultValue), `default` P's Default; else
 * undefined (keys from two parameters, a key not found, a value that is not a string).
 * `read`: `{ parameters, mappings, languageExtensions }`.
 */
export function findInMapWithDefault(argument, read) {
  if (!Array.isArray(argument) || argument.length < 3 || argument.length > 4) return undefined;
  const given = argument.slice(0, 3).map((key) => stringDefault(read.parameters, key));
  const named = [...new Set(given.filter(Boolean).map((d) => d.parameter))];
  if (named.length !== 1) return undefined;
  const keys = argument.map((key, i) => (i < 3 && given[i] ? given[i].value : key));
  const { value, fromDefaultValue } = mappingValue(keys, read.mappings, read.languageExtensions) ?? {};
  if (typeof value !== 'string' || hasDynamicReference(value)) return undefined;
  // `fromDefaultValue`: the keys under the Default are not in the mapping, and the DefaultValue is what it gives.
  return { parameter: named[0], value, default: given.find(Boolean).value, ...(fromDefaultValue ? { fromDefaultValue } : {}) };
}

/**
 * The location description (without LocationArn) of an AWS::DataSync::Location*
 * resource, or null for another resource type: `{ description, defaults }`,
 * `defaults` being the members the rules read (S3StorageClass, the NFS
 * version) that are `Ref P` of a parameter with a Default, as
 * `[{ parameter, value, member }]` (withLocationDefaults puts them in).
 */
function describeLocationResource(resource, template) {
  const { parameters } = template;
  let type = LOCATION_TYPES.get(resource?.Type);
  if (!type) return null;
  const properties = isObject(resource.Properties) ? resource.Properties : {};
  const storageClass = literal(orMapping(properties.S3StorageClass, template));
  if (type === 'S3') type = s3Type(orMapping(properties.S3BucketArn, template), storageClass);
  const description = { type };
  const defaults = [];
  const read = (member, written, put) => {
    const value = literal(orMapping(written, template));
    if (value !== undefined) return put(description, value);
    const given = stringDefault(parameters, written);
    if (given) return defaults.push({ ...given, member });
    // A key from a parameter's Default: `!FindInMap [Env, !Ref Stage, Class]`.
    const mapped = findInMapWithDefault(findInMapArgument(written), template);
    if (mapped) defaults.push({ ...mapped, member });
  };
  read('S3StorageClass', properties.S3StorageClass, (into, value) => (into.S3StorageClass = value));
  read('MountOptions.Version', (properties.Protocol?.NFS ?? properties).MountOptions?.Version, (into, value) => (into.MountOptions = { Version: value }));
  if (type === 'OBJECT_STORAGE' || type === 'AZURE_BLOB') {
    // Absent: no agent. A literal list: that many agents, whatever gives their ARNs.
    const agents = orMapping(properties.AgentArns, template);
    if (!Object.hasOwn(properties, 'AgentArns')) description.AgentArns = [];
    else if (Array.isArray(agents)) description.AgentArns = agents.map((_, i) => `agent-${i}`);
  }
  return { description, defaults };
}

/** A location description with the parameter Defaults `used` (describeLocationResource's `defaults`) in it. */
export function withLocationDefaults(description, used) {
  const out = { ...description };
  for (const { member, value } of used) {
    if (member === 'S3StorageClass') out.S3StorageClass = value;
    else out.MountOptions = { Version: value };
  }
  return out;
}

/** `{ logicalId, resourceType, description, defaults }` of the location resource `value` refers to, or null. */
function locationResource(resources, value, template) {
  const logicalId = referencedResource(value);
  if (logicalId === null || !Object.hasOwn(resources, logicalId)) return null;
  const described = describeLocationResource(resources[logicalId], template);
  return described ? { logicalId, resourceType: resources[logicalId].Type, ...described } : null;
}

/**
 * The location ARNs written as `Fn::GetAtt X.LocationUri` of a location
 * resource X: `[{ unknown, logicalId, resourceType }]`. That attribute is the
 * location's URI (every AWS::DataSync::Location* schema gives it the pattern
 * `^(<scheme>)://…`), which never has the form of a location ARN (`^arn:…`), so
 * CloudFormation's CreateTask call is refused whatever the stack's values.
 */
export function locationUrisAsArns(template, unknowns) {
  const resources = isObject(template?.Resources) ? template.Resources : {};
  const out = [];
  for (const unknown of unknowns) {
    if (unknown.pointer !== '/SourceLocationArn' && unknown.pointer !== '/DestinationLocationArn') continue;
    const [logicalId, attribute] = getAttTarget(unknown.intrinsic);
    if (attribute !== 'LocationUri' || typeof logicalId !== 'string' || !Object.hasOwn(resources, logicalId)) continue;
    const resourceType = resources[logicalId]?.Type;
    if (LOCATION_TYPES.has(resourceType)) out.push({ unknown, logicalId, resourceType });
  }
  return out;
}

/**
 * The task's location ARNs that refer to location resources of the template,
 * as the worlds to check: each world is `[{ unknown, logicalId, resourceType,
 * description, condition? }]`, where `unknown` is the Unknown marker of
 * SourceLocationArn or DestinationLocationArn. A reference (`Ref X`,
 * `Fn::GetAtt X.LocationArn`) is in every world; `Fn::If [C, a, b]` makes one
 * world with each branch (`condition: { name: C, value: true|false }`), a
 * branch that is not a location resource of the template describing nothing.
 * At most 8 worlds (3 such Fn::If); beyond that, the Fn::If are left undescribed.
 * A world whose conditions cannot all hold (worldConditions, with the
 * resource's own `condition` true) is dropped: two Fn::If on one condition
 * take the same branch, and a Fn::If on the resource's condition its true one.
 * `given` (`[{ name, value }]`): conditions already chosen (ifWorlds), which every world keeps.
 */
export function templateLocations(template, unknowns, condition, scalars, given = []) {
  const resources = isObject(template?.Resources) ? template.Resources : {};
  const parameters = isObject(template?.Parameters) ? template.Parameters : {};
  // What the location resources' members are read with: Defaults of parameters, Mappings.
  const read = { parameters, mappings: template?.Mappings, languageExtensions: usesLanguageExtensions(template) };
  const conditions = templateConditions(template, scalars);
  // `given`: the conditions of the ifWorlds world these choices are made in.
  const possible = (world) => conditions.satisfiable([...given, ...worldConditions(world, condition)]) !== false;
  let worlds = [[]];
  for (const unknown of unknowns) {
    if (unknown.pointer !== '/SourceLocationArn' && unknown.pointer !== '/DestinationLocationArn') continue;
    const direct = locationResource(resources, unknown.intrinsic, read);
    if (direct) {
      worlds = worlds.map((world) => [...world, { unknown, ...direct }]);
      continue;
    }
    const branches = isObject(unknown.intrinsic) ? unknown.intrinsic['Fn::If'] : undefined;
    if (!Array.isArray(branches) || branches.length !== 3 || typeof branches[0] !== 'string' || worlds.length >= 8) continue;
    const [name, whenTrue, whenFalse] = branches;
    const choices = [[true, whenTrue], [false, whenFalse]].map(([value, branch]) => {
      const resource = locationResource(resources, branch, read);
      return resource ? { unknown, ...resource, condition: { name, value } } : null;
    });
    if (choices.every((choice) => choice === null)) continue;
    const next = worlds.flatMap((world) => choices.map((choice) => (choice ? [...world, choice] : world)));
    // Never none: if no world can hold (the resource's own condition never does), keep them all.
    const held = next.filter(possible);
    worlds = held.length > 0 ? held : next;
  }
  return worlds;
}

// Fn::If elsewhere in a task (options, schedule, name, tags, filters, manifest,
// report, a whole Properties, at any depth). CloudFormation takes one branch
// per condition, so a world is a choice of true or false for each condition
// the task's Fn::If name; the task is read once per world with each Fn::If on
// a chosen condition replaced by its branch (mapProperties' `choose`), read at
// the branch's place: a literal is checked, AWS::NoValue leaves the member
// out, and a branch not known before deploy time stays unknown. The Fn::If at
// a location ARN with a location resource of the template in a branch are
// templateLocations' (unless their condition is chosen here too).

/** At most this many conditions make worlds (2^3 = 8 worlds), with those of templateLocations' choices of locations. */
export const MAX_IF_CONDITIONS = 3;

/** `{ name, value, index, branch }` of a Fn::If whose condition `choose` (Map of name to boolean) decides, else undefined. */
function chosenBranch(value, choose) {
  if (!choose || choose.size === 0 || !isIntrinsic(value)) return undefined;
  const args = value['Fn::If'];
  if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string' || !choose.has(args[0])) return undefined;
  const chosen = choose.get(args[0]);
  return { name: args[0], value: chosen, index: chosen ? 1 : 2, branch: args[chosen ? 1 : 2] };
}

/** Where a Fn::If's arguments are below it: under its key (long form, JSON) or below the `!If` node (short form). */
function ifForm(scalars, at) {
  return scalars?.get(`${at}/0`) !== undefined && scalars?.get(`${at}/Fn::If/0`) === undefined ? '' : '/Fn::If';
}

/**
 * The condition of a Fn::If Unknown: `{ name, location }`, `location` true
 * when templateLocations chooses it (a location ARN with a location resource
 * of the template in a branch); undefined for any other Unknown.
 */
function ifCondition(unknown, resources, read) {
  if (unknown.unknownTag || !isIntrinsic(unknown.intrinsic)) return undefined;
  const args = unknown.intrinsic['Fn::If'];
  if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return undefined;
  const arn = unknown.pointer === '/SourceLocationArn' || unknown.pointer === '/DestinationLocationArn';
  // A branch that is a literal or AWS::NoValue (the member left out) is checked here, in a world of its own.
  const located = args.slice(1).map((branch) => locationResource(resources, branch, read) !== null);
  const known = args.slice(1).some((branch, i) => !located[i] && (!isIntrinsic(branch) || branch.Ref === 'AWS::NoValue'));
  return { name: args[0], location: arn && located.some(Boolean) && !known };
}

/**
 * The worlds of a task's Fn::If: `[{ choose, given, mapped }]`, `choose` a Map
 * of condition name to the branch taken (true or false), `given` the same as
 * `[{ name, value }]`, `mapped` what `mapOf(choose)` (mapProperties with that
 * `choose`) gives. One world with an empty `choose` when the task has no such
 * Fn::If. A choice whose conditions cannot all hold (with the resource's own
 * `condition` true) is dropped, as in templateLocations; a Fn::If inside a
 * branch is chosen in the next round. At most MAX_IF_CONDITIONS conditions,
 * counting those of templateLocations' location choices; a Fn::If on any
 * other condition stays unknown, and its note says why.
 */
export function ifWorlds(template, mapOf, condition, scalars) {
  const resources = isObject(template?.Resources) ? template.Resources : {};
  const parameters = isObject(template?.Parameters) ? template.Parameters : {};
  const read = { parameters, mappings: template?.Mappings, languageExtensions: usesLanguageExtensions(template) };
  const conditions = templateConditions(template, scalars);
  const own = condition === undefined ? [] : [{ name: condition, value: true, resource: true }];
  const names = [];
  let chooses = [new Map()];
  let mapped = [mapOf(chooses[0])];
  const found = () => {
    const fresh = [];
    const locations = new Set();
    for (const { unknowns } of mapped) {
      for (const unknown of unknowns) {
        const of = ifCondition(unknown, resources, read);
        if (!of) continue;
        if (of.location) locations.add(of.name);
        else if (!names.includes(of.name) && !fresh.includes(of.name)) fresh.push(of.name);
      }
    }
    return { fresh, locations };
  };
  for (;;) {
    const { fresh, locations } = found();
    const added = [];
    for (const name of fresh) {
      if (new Set([...names, ...added, name, ...locations]).size <= MAX_IF_CONDITIONS) added.push(name);
    }
    if (added.length === 0) break;
    names.push(...added);
    let next = chooses;
    for (const name of added) next = next.flatMap((choose) => [true, false].map((value) => new Map(choose).set(name, value)));
    const held = next.filter((choose) => conditions.satisfiable([...own, ...[...choose].map(([name, value]) => ({ name, value }))]) !== false);
    chooses = held.length > 0 ? held : next;
    mapped = chooses.map(mapOf);
  }
  // Beyond the bound: the note of each Fn::If left says why it is not checked.
  for (const { unknowns } of mapped) {
    for (const unknown of unknowns) {
      const of = ifCondition(unknown, resources, read);
      if (of && !of.location && !names.includes(of.name) && unknown.reason === undefined) {
        unknown.reason = `which is not tried: the task's other Fn::If already make the ${2 ** MAX_IF_CONDITIONS} combinations of conditions this command checks at most`;
      }
    }
  }
  return chooses.map((choose, w) => ({ choose, given: [...choose].map(([name, value]) => ({ name, value })), mapped: mapped[w] }));
}

/**
 * `{ parameter, value, default, sub: true }` when `intrinsic` is an Fn::Sub (its string form, or the array
 * form with no variables of its own) whose variables all name one String parameter P with a Default
 * (stringDefault): `value` is the text with each `${P}` that Default and each `${!X}` the text `${X}`,
 * `default` P's Default. Else undefined: another variable (`${AWS::Region}`, `${R.Arn}`, a second
 * parameter), a `${` not closed, a dynamic reference in the text.
 */
function subWithDefault(intrinsic, parameters) {
  const argument = isObject(intrinsic) && Object.keys(intrinsic).length === 1 ? intrinsic['Fn::Sub'] : undefined;
  const text = typeof argument === 'string' ? argument : Array.isArray(argument) && argument.length === 2 && isObject(argument[1]) && Object.keys(argument[1]).length === 0 ? argument[0] : undefined;
  if (typeof text !== 'string' || hasDynamicReference(text)) return undefined;
  const pieces = text.split(/(\$\{[^}]*\})/); // the odd ones are `${…}`
  const names = new Set(pieces.filter((piece, i) => i % 2 === 1 && piece[2] !== '!').map((piece) => piece.slice(2, -1)));
  if (names.size !== 1 || pieces.some((piece, i) => i % 2 === 0 && piece.includes('${'))) return undefined;
  const [name] = names;
  const given = /^[A-Za-z0-9]+$/.test(name) ? stringDefault(parameters, { Ref: name }) : undefined;
  if (!given) return undefined;
  const value = pieces.map((piece, i) => (i % 2 === 0 ? piece : piece[2] === '!' ? '${' + piece.slice(3) : given.value)).join('');
  return { parameter: name, value, default: given.value, sub: true };
}

/**
 * The Unknowns that are `Ref P` of a template parameter P of type String or
 * Number with a Default: Map of Unknown to `{ parameter, value }`. (Other
 * parameter types, such as AWS::SSM::Parameter::Value<String>, whose Default
 * names an SSM parameter, are left unknown.)
 */
export function parameterDefaults(template, unknowns) {
  const parameters = isObject(template?.Parameters) ? template.Parameters : {};
  const read = { parameters, mappings: template?.Mappings, languageExtensions: usesLanguageExtensions(template) };
  const out = new Map();
  for (const unknown of unknowns) {
    // `!FindInMap [Env, !Ref Stage, Class]`: what it finds under Stage's Default (`default` says which Default that is).
    const mapped = findInMapWithDefault(findInMapArgument(unknown.intrinsic), read);
    if (mapped) {
      out.set(unknown, mapped);
      continue;
    }
    // `!Sub 'cron(0 ${Hour} * * ? *)'`: the text with the Default of the one parameter it names.
    const sub = subWithDefault(unknown.intrinsic, parameters);
    if (sub) {
      out.set(unknown, sub);
      continue;
    }
    const name = isObject(unknown.intrinsic) ? unknown.intrinsic.Ref : undefined;
    if (typeof name !== 'string' || !Object.hasOwn(parameters, name)) continue;
    const parameter = parameters[name];
    if (!isObject(parameter) || !['String', 'Number'].includes(parameter.Type)) continue;
    const value = parameter.Default;
    // A Default may itself be a dynamic reference: a deploy-time value, never checked as text.
    if (hasDynamicReference(value)) continue;
    const scalar = typeof value === 'string' || typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value));
    if (scalar) out.set(unknown, { parameter: name, value });
  }
  return out;
}

// Conditions. A task resource's `Condition` and the conditions of its Fn::If
// location choices are read from the template's Conditions section, as
// formulas over comparisons (Fn::Equals), joined by Fn::Not, Fn::And, Fn::Or
// and `Condition` references. They serve two questions, both answered without
// guessing:
// - which combinations of Fn::If choices can happen (with the resource's own
//   Condition true, since otherwise the task does not exist): a combination is
//   dropped only when no assignment of the comparisons makes every condition
//   take its value (two choices on one condition with different values; a
//   Fn::If on the resource's own condition taking the false branch; `Mode = a`
//   and `Mode = b` both true);
// - which parameter Defaults may stand for a stack's values: under the
//   Defaults, a task whose conditions cannot hold does not exist, so the
//   Defaults of the parameters those conditions read are not used.
// Fn::FindInMap with known keys is what it finds (a literal). Anything else in a condition (a pseudo
// parameter, Fn::FindInMap with a key known at deploy time, a parameter without a String Default) is a comparison of unknown value; the same text
// is the same comparison.

/** At most this many comparisons of unknown value are enumerated (2^8 = 256 assignments); beyond, nothing is dropped. */
export const MAX_CONDITION_COMPARISONS = 8;
/** A condition larger than this many nodes (after following Condition references) is one comparison of unknown value. */
const MAX_CONDITION_NODES = 256;

/**
 * A `Type: String` parameter: the one type whose Default and AllowedValues are
 * what Ref gives. For others (`AWS::SSM::Parameter::Value<String>`: the Default
 * and AllowedValues name the key, Ref is the value stored under it) they say
 * nothing of what Ref gives, so the conditions read only String parameters.
 */
const isStringParameter = (parameter) => isObject(parameter) && parameter.Type === 'String';

/** A number for each UnknownText a key names: two of them are never the same value, even with the same text. */
const unknownIds = new WeakMap();
let unknownCount = 0;

/**
 * A value's text as a key (a YAML integer may be a BigInt, which JSON.stringify refuses). An
 * UnknownText is a key of its own: the same `"${Kind}"` in two items of a loop is two values.
 */
const keyText = (value) =>
  JSON.stringify(value, (_, v) => {
    if (typeof v === 'bigint') return { '\u0000bigint': String(v) };
    if (v instanceof UnknownText) {
      if (!unknownIds.has(v)) unknownIds.set(v, ++unknownCount);
      return { '\u0000unknown': unknownIds.get(v) };
    }
    return v;
  }) ?? String(value);

/**
 * The booleans' spellings that every YAML 1.1 reader of a template agrees on
 * (PyYAML, which cfn-lint uses, and SnakeYAML). A plain `y`, `Y`, `n` or `N`
 * is read as a string (documents.mjs templateTags), so a boolean spelled so is
 * only an explicit `!!bool y`, whose reading is not agreed: it stays unknown.
 */
const BOOLEAN_SPELLING = /^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * The string CloudFormation compares for a YAML or JSON boolean or integer in
 * Fn::Equals, or undefined. It compares strings: `true` is "true" (cfn-lint's
 * W8003 notes, from trying it: true equals "true", not "True"; 1 equals "1"), a
 * YAML 1.1 `yes` or `on` being `true` as everywhere in a template. Both are
 * decided only from their source text in the document (`spellings`): a boolean
 * spelled as in BOOLEAN_SPELLING, an integer as plain decimal digits; 1.0, 0x10,
 * 1e3 or `!!bool y` are left unknown.
 */
function comparedText(value, spellings) {
  const spelled = spellings.find((s) => s !== undefined);
  if (spelled === undefined) return undefined;
  if (typeof value === 'boolean') return BOOLEAN_SPELLING.test(spelled) ? String(value) : undefined;
  if (typeof value !== 'bigint') return undefined;
  return /^-?(?:0|[1-9][0-9]*)$/.test(spelled) && BigInt(spelled) === value ? spelled : undefined;
}

/**
 * A term of Fn::Equals: `{ key, literal? , parameter? }`; `spellings`: the source texts the document may give it.
 * `found(value)`: what an Fn::FindInMap there gives (`{ value, spellings }`, read as in a task's Properties), or undefined.
 */
function equalsTerm(value, parameters, spellings = [], found = () => undefined) {
  const inMap = found(value);
  const fromMap = typeof inMap?.value === 'string' ? inMap.value : inMap && comparedText(inMap.value, inMap.spellings);
  if (typeof fromMap === 'string' && !hasDynamicReference(fromMap)) return { key: 'L' + JSON.stringify(fromMap), literal: fromMap };
  const text = comparedText(value, spellings);
  if (text !== undefined) value = text;
  if (typeof value === 'string' && !hasDynamicReference(value)) return { key: 'L' + JSON.stringify(value), literal: value };
  if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1 && Object.hasOwn(parameters, value.Ref)) {
    return { key: 'P' + JSON.stringify(value.Ref), parameter: value.Ref };
  }
  // A number not written as decimal digits, a pseudo parameter, Fn::FindInMap, ...: compared as written, value unknown.
  return { key: 'O' + keyText(value) };
}

/**
 * The template's conditions: `formula(name)` compiles one (memoised), and
 * `satisfiable(constraints, env)` says whether conditions can take the given
 * values (`constraints`: `[{ name, value }]`) when the parameters in `env`
 * (Map of name to string) have those values: true, false, or undefined when
 * there are too many comparisons to tell.
 */
export function templateConditions(template, scalars) {
  const conditions = isObject(template?.Conditions) ? template.Conditions : {};
  const parameters = isObject(template?.Parameters) ? template.Parameters : {};
  const compiled = new Map();
  const mappings = template?.Mappings;
  const languageExtensions = usesLanguageExtensions(template);
  // An Fn::FindInMap whose keys are known gives its value, as in a task's Properties: a string, or a
  // boolean or integer read with its spelling at its place in Mappings (a DefaultValue only as a string).
  // A key not found leaves the comparison unknown (the stack fails there; the task's own lookups say so).
  const findsInMap = (value) => {
    const argument = findInMapArgument(value);
    const given = argument === undefined ? null : mappingValue(argument, mappings, languageExtensions);
    if (given?.at !== undefined && !Array.isArray(given.value)) return { value: given.value, spellings: [scalars?.get(given.at)?.source] };
    if (given?.fromDefaultValue && typeof given.value === 'string') return { value: given.value, spellings: [] };
    return undefined;
  };

  const opaque = (key) => ({ kind: 'atom', key: 'O' + key, terms: [] });
  const formula = (name) => {
    if (compiled.has(name)) return compiled.get(name);
    let nodes = 0;
    // `at`: the pointers the expression may have in the document (a long-form function's arguments are
    // under its name, a YAML short form's, `!Equals [a, b]`, directly under it); at most 16 are followed.
    const under = (at, fn, i) => at.flatMap((p) => [`${p}/${escapeSegment(fn)}/${i}`, `${p}/${i}`]).slice(0, 16);
    const build = (expression, stack, at) => {
      if (++nodes > MAX_CONDITION_NODES) throw new RangeError('too large');
      if (isObject(expression) && Object.keys(expression).length === 1) {
        const [fn] = Object.keys(expression);
        const argument = expression[fn];
        if (fn === 'Condition' && typeof argument === 'string') {
          if (!Object.hasOwn(conditions, argument) || stack.includes(argument)) return opaque(`condition ${argument}`);
          return build(conditions[argument], [...stack, argument], [`/Conditions/${escapeSegment(argument)}`]);
        }
        if (fn === 'Fn::Not' && Array.isArray(argument) && argument.length === 1) {
          return { kind: 'not', of: [build(argument[0], stack, under(at, fn, 0))] };
        }
        if ((fn === 'Fn::And' || fn === 'Fn::Or') && Array.isArray(argument) && argument.length > 0) {
          return { kind: fn === 'Fn::And' ? 'and' : 'or', of: argument.map((item, i) => build(item, stack, under(at, fn, i))) };
        }
        if (fn === 'Fn::Equals' && Array.isArray(argument) && argument.length === 2) {
          const spelled = (i) => under(at, fn, i).map((p) => scalars?.get(p)?.source);
          const terms = argument.map((value, i) => equalsTerm(value, parameters, spelled(i), findsInMap)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
          if (terms[0].key === terms[1].key) return { kind: 'const', value: true };
          if (terms.every((t) => t.literal !== undefined)) return { kind: 'const', value: false };
          return { kind: 'atom', key: JSON.stringify(terms.map((t) => t.key)), terms };
        }
      }
      // Anything else is one unknown value (a `{Condition: "Not${Kind}"}` a loop made
      // too: keyText keys each UnknownText by itself, so each item's is its own).
      return opaque(keyText(expression));
    };
    let out;
    try {
      out = Object.hasOwn(conditions, name) ? build(conditions[name], [name], [`/Conditions/${escapeSegment(name)}`]) : opaque(`condition ${name}`);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      out = opaque(`condition ${name}`);
    }
    compiled.set(name, out);
    return out;
  };

  /** Three-valued: true, false or undefined (unknown). */
  const evaluate = (node, atomValue) => {
    switch (node.kind) {
      case 'const':
        return node.value;
      case 'atom':
        return atomValue(node);
      case 'not': {
        const v = evaluate(node.of[0], atomValue);
        return v === undefined ? undefined : !v;
      }
      default: {
        const and = node.kind === 'and';
        let unknown = false;
        for (const item of node.of) {
          const v = evaluate(item, atomValue);
          if (v === undefined) unknown = true;
          else if (v !== and) return !and;
        }
        return unknown ? undefined : and;
      }
    }
  };

  const atomsOf = (node, out) => {
    if (node.kind === 'atom') out.set(node.key, node);
    else if (node.of) node.of.forEach((item) => atomsOf(item, out));
    return out;
  };

  /** The value a comparison has when the parameters in env have their values, or undefined. */
  const known = (atom, env) => {
    if (atom.terms.length !== 2) return undefined;
    const values = atom.terms.map((t) => (t.literal !== undefined ? t.literal : t.parameter !== undefined && env.has(t.parameter) ? env.get(t.parameter) : undefined));
    return values.includes(undefined) ? undefined : values[0] === values[1];
  };

  const satisfiable = (constraints, env = new Map()) => {
    const formulas = constraints.map(({ name, value }) => ({ node: formula(name), value }));
    const atoms = new Map();
    for (const { node } of formulas) atomsOf(node, atoms);
    const fixed = new Map();
    const free = [];
    for (const [key, atom] of atoms) {
      const v = known(atom, env);
      if (v === undefined) free.push(atom);
      else fixed.set(key, v);
    }
    const holds = (atomValue) => formulas.map(({ node, value }) => {
      const v = evaluate(node, atomValue);
      return v === undefined ? undefined : v === value;
    });
    const partly = holds((atom) => fixed.get(atom.key));
    if (partly.includes(false)) return false;
    if (!partly.includes(undefined)) return true;
    if (free.length > MAX_CONDITION_COMPARISONS) return undefined;
    // A parameter equals at most one literal: `P = a` and `P = b` are not both true. A parameter
    // with AllowedValues (CloudFormation refuses a stack whose value is not one of them) equals one.
    const parameterOf = (atom) => atom.terms.find((t) => t.parameter !== undefined)?.parameter;
    const literalOf = (atom) => atom.terms.find((t) => t.literal !== undefined)?.literal;
    const comparisons = [...atoms.values()].filter((atom) => parameterOf(atom) !== undefined && literalOf(atom) !== undefined);
    for (let mask = 0; mask < 2 ** free.length; mask++) {
      const assigned = new Map(fixed);
      free.forEach((atom, i) => assigned.set(atom.key, (mask & (1 << i)) !== 0));
      const equalTo = new Map();
      const notEqualTo = new Map();
      let possible = true;
      for (const atom of comparisons) {
        const parameter = parameterOf(atom);
        const literal = literalOf(atom);
        if (!assigned.get(atom.key)) {
          if (!notEqualTo.has(parameter)) notEqualTo.set(parameter, new Set());
          notEqualTo.get(parameter).add(literal);
        } else if (equalTo.has(parameter) && equalTo.get(parameter) !== literal) possible = false;
        else equalTo.set(parameter, literal);
      }
      for (const [parameter, excluded] of notEqualTo) {
        const allowed = allowedValues(parameter);
        if (allowed && !equalTo.has(parameter) && allowed.every((value) => excluded.has(value))) possible = false;
      }
      for (const [parameter, value] of equalTo) {
        const allowed = allowedValues(parameter);
        if (allowed && !allowed.includes(value)) possible = false;
      }
      if (possible && holds((atom) => assigned.get(atom.key)).every((v) => v === true)) return true;
    }
    return false;
  };

  /** A String parameter's AllowedValues (isStringParameter()) when they are all strings, else undefined. */
  const allowedValues = (name) => {
    const allowed = isStringParameter(parameters[name]) ? parameters[name].AllowedValues : undefined;
    return Array.isArray(allowed) && allowed.length > 0 && allowed.every((v) => typeof v === 'string') ? allowed : undefined;
  };

  /** The parameters a condition reads. */
  const parametersOf = (name) => {
    const out = new Set();
    for (const atom of atomsOf(formula(name), new Map()).values()) {
      for (const term of atom.terms) if (term.parameter !== undefined) out.add(term.parameter);
    }
    return out;
  };

  return { formula, satisfiable, parametersOf };
}

/**
 * The conditions a world of location choices (templateLocations) stands on:
 * the resource's own Condition (true: else the task does not exist) and each
 * Fn::If choice's, as `[{ name, value, resource? }]`.
 */
export function worldConditions(world, condition) {
  const out = condition === undefined ? [] : [{ name: condition, value: true, resource: true }];
  for (const { condition: choice } of world) {
    if (choice && !out.some((c) => c.name === choice.name && c.value === choice.value)) out.push(choice);
  }
  return out;
}

/**
 * The template's String parameters (isStringParameter()) with a literal
 * Default, as the values the conditions are evaluated with (Map of name to
 * string).
 */
export function defaultValues(template) {
  const parameters = isObject(template?.Parameters) ? template.Parameters : {};
  const out = new Map();
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!isStringParameter(parameter)) continue;
    const value = parameter.Default;
    if (typeof value === 'string' && !hasDynamicReference(value)) out.set(name, value);
  }
  return out;
}

const MAX_GIVEN_BACK = 8;

/**
 * Which of `defaults` (parameterDefaults' Map) may stand for a stack's values
 * in a world whose conditions are `constraints` (worldConditions): all of them,
 * unless under the Defaults those conditions cannot hold (the task, or this
 * choice of locations, does not exist then); then the Defaults of the
 * parameters they read are left out, except those that, one by one with the
 * ones already kept, still let the conditions hold. Returns `{ usable, against }`: `usable`
 * the Map kept, `against` the conditions the Defaults contradict (empty when
 * all are kept).
 */
export function usableDefaults(template, defaults, constraints, conditions = templateConditions(template)) {
  if (constraints.length === 0 || defaults.size === 0) return { usable: defaults, against: [] };
  const env = defaultValues(template);
  if (conditions.satisfiable(constraints, env) !== false) return { usable: defaults, against: [] };
  const read = new Set(constraints.flatMap(({ name }) => [...conditions.parametersOf(name)]));
  // With none of the Defaults they read, the conditions can hold (or cannot be told apart): give back,
  // one parameter at a time, each Default that keeps them able to hold together with those given back.
  const kept = new Map([...env].filter(([name]) => !read.has(name)));
  const tried = new Set();
  for (const [, { parameter }] of defaults) {
    // At most MAX_GIVEN_BACK tries (each enumerates up to 256 assignments); the rest stay out.
    if (!read.has(parameter) || tried.has(parameter) || !env.has(parameter) || tried.size >= MAX_GIVEN_BACK) continue;
    tried.add(parameter);
    const trial = new Map(kept).set(parameter, env.get(parameter));
    if (conditions.satisfiable(constraints, trial) === true) kept.set(parameter, env.get(parameter));
  }
  // The conditions that the Defaults make false by themselves, else all of them.
  const alone = constraints.filter((c) => conditions.satisfiable([c], env) === false);
  const usable = new Map([...defaults].filter(([, { parameter }]) => !read.has(parameter) || kept.has(parameter)));
  return { usable, against: alone.length > 0 ? alone : constraints };
}
