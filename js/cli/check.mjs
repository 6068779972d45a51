// Validates one request that may hold values only known at deploy time
// (Unknown markers from cloudformation.mjs), without ever reporting a problem
// that depends on one of them.
//
// How: every Unknown is replaced by candidate values that pass validation for
// its member (each enum value, -1 and a positive integer, a well-formed sample
// string, an empty object or list) and, when the function may yield
// AWS::NoValue (Fn::If), by "absent". The request is validated
// once with a base choice, once per other candidate of each Unknown, and once
// per "column" of choices across all Unknowns. A diagnostic is kept only when
//  - every one of those runs reports it (same code and path), and
//  - its path is not at or below an Unknown's pointer (except a
//    request/unknown-member at exactly that pointer: the member's name is
//    wrong whatever its value), and
//  - none of its params.related pointers is at or below an Unknown's pointer,
//    unless that Unknown is free text (an ARN, a name, a pattern) from a
//    function that always yields a value: rules only ask whether such a member
//    is there (a log group with LogLevel OFF), and it is.
// So a required member given by `!Ref` is never "missing", and a cross-field
// rule that depends on an unknown value never fires; a real problem elsewhere
// in the task still does.
//
// A location ARN that refers to a location resource of the template
// (cloudformation.templateLocations) stays a stand-in ARN, and validate() is
// told what location that ARN is, so the location rules apply.
import { randomBytes } from 'node:crypto';
import { applyDefaults, validate } from '../node/index.mjs';
import { ABSENT, fieldAt, Unknown } from './cloudformation.mjs';
import { withContext } from './context.mjs';
import { setMember, toJsonText } from './documents.mjs';

/**
 * A random token per run, so that no stand-in can equal a literal in the
 * template (a stand-in equal to a real tag key would make a false duplicate).
 */
const RUN = Array.from(randomBytes(8), (byte) => (byte % 36).toString(36)).join('');

/** A sample string that matches the model's pattern for the member at `pointer`. */
function sampleString(pattern, n) {
  const unique = `cfn${RUN}${n}`;
  const id = `${RUN}${String(n).padStart(9, '0')}`; // 17 characters of [0-9a-z]
  if (/LocationArn$/.test(pattern)) return `arn:aws:datasync:us-east-1:111122223333:location/loc-${id}`;
  if (pattern === '/CloudWatchLogGroupArn') return `arn:aws:logs:us-east-1:111122223333:log-group:/${unique}:*`;
  if (pattern.endsWith('/BucketAccessRoleArn')) return `arn:aws:iam::111122223333:role/${unique}`;
  if (pattern.endsWith('/S3BucketArn')) return `arn:aws:s3:::${unique}`;
  if (pattern === '/Schedule/ScheduleExpression') return 'rate(1 day)';
  if (pattern.endsWith('/ManifestObjectPath')) return `${unique}/manifest.csv`;
  if (pattern.endsWith('/Subdirectory')) return `${unique}/`;
  if (/^\/(Includes|Excludes)\/\*\/Value$/.test(pattern)) return `/${unique}`;
  return unique;
}

/** The values an Unknown is tried with; the first is the base choice. `located`: it names a described location. */
function candidates(unknown, fieldIndex, n, located) {
  const field = fieldAt(fieldIndex, unknown.pointer);
  const absent = unknown.mayBeAbsent && !located && unknown.pointer !== '' ? [ABSENT] : [];
  if (!field) return unknown.pointer === '' ? [{}] : ['unknown'];
  if (field.enum) return [...field.enum, ...absent];
  switch (field.type) {
    case 'integer':
      return [-1n, 1048576n, ...absent];
    case 'string':
      return [sampleString(field.pointer, n), ...absent];
    case 'array':
      return [[], ...absent];
    default:
      return [{}, ...absent];
  }
}

/** A copy of `value` with each Unknown replaced by `choose(unknown)`. */
function substitute(value, choose) {
  if (value instanceof Unknown) return choose(value);
  if (Array.isArray(value)) {
    return value.map((item) => substitute(item, choose)).filter((item) => item !== ABSENT);
  }
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [key, member] of Object.entries(value)) {
      const replaced = substitute(member, choose);
      if (replaced !== ABSENT) setMember(out, key, replaced);
    }
    return out;
  }
  return value;
}

/**
 * The request with each Unknown of `values` (a Map) replaced by its value,
 * converted as CloudFormation converts a parameter for the member (a numeric
 * string for an integer member, a number for a string member), and the
 * Unknowns that are left.
 */
export function resolveUnknowns(request, unknowns, values, fields) {
  const fieldIndex = new Map(fields.map((f) => [f.pointer, f]));
  const converted = (unknown) => {
    const value = values.get(unknown);
    const field = fieldAt(fieldIndex, unknown.pointer);
    if (field?.type === 'integer' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim());
    if (field?.type === 'string' && (typeof value === 'number' || typeof value === 'bigint')) return String(value);
    return value;
  };
  return {
    request: substitute(request, (u) => (values.has(u) ? converted(u) : u)),
    unknowns: unknowns.filter((u) => !values.has(u)),
  };
}

const within = (pointer, base) => pointer === base || pointer.startsWith(base + '/');
const keyOf = (d) => `${d.code}\u0000${d.path}`;
const MAX_RUNS = 400;

/** Every diagnostic of one validate() call, errors and warnings together. */
function diagnosticsOf(text, options) {
  const result = options === undefined ? validate(text) : validate(text, options);
  return [...result.errors, ...result.warnings];
}

/**
 * `{ locations }` for validate(): each described location under the value its
 * Unknown was given in this run (nothing when that value is ABSENT).
 */
function locationOptions(locations, valueOf) {
  const described = [];
  for (const { unknown, description } of locations) {
    const arn = valueOf(unknown);
    if (typeof arn === 'string') described.push({ ...description, LocationArn: arn });
  }
  return described.length > 0 ? { locations: described } : undefined;
}

/** `validateOptions` with the locations described for this run added. */
function runOptions(validateOptions, locations, valueOf) {
  const described = locationOptions(locations, valueOf);
  if (described === undefined) return validateOptions;
  return { ...validateOptions, locations: [...(validateOptions?.locations ?? []), ...described.locations] };
}

/**
 * Validates `request` (a plain value that may hold Unknown markers). Returns
 * the diagnostics that hold whatever the unknown values turn out to be.
 * `validateOptions` is validate()'s second argument (e.g. `{ locations }`);
 * `locations` (from cloudformation.templateLocations) add the location
 * resources that some of the Unknowns refer to, under each run's stand-in ARN.
 */
export function checkRequest(request, unknowns, fields, validateOptions, locations = []) {
  if (unknowns.length === 0) return diagnosticsOf(toJsonText(request), validateOptions);
  if (request instanceof Unknown) return [];
  const fieldIndex = new Map(fields.map((f) => [f.pointer, f]));
  // An Unknown that names a described location (one Fn::If branch, say) always has a value.
  const located = new Set(locations.map((l) => l.unknown));
  // One location resource is one location: each reference to it (Ref X, Fn::GetAtt X.LocationArn) gets the same stand-in.
  const resourceOf = new Map(locations.map((l) => [l.unknown, l.logicalId]));
  const firstOf = new Map();
  const standIn = (u, i) => {
    const logicalId = resourceOf.get(u);
    if (logicalId === undefined) return i + 1;
    if (!firstOf.has(logicalId)) firstOf.set(logicalId, i + 1);
    return firstOf.get(logicalId);
  };
  const options = unknowns.map((u, i) => candidates(u, fieldIndex, standIn(u, i), located.has(u)));
  const position = new Map(unknowns.map((u, i) => [u, i]));

  const assignments = [options.map(() => 0)];
  options.forEach((choices, i) => {
    for (let c = 1; c < choices.length; c += 1) {
      const assignment = options.map(() => 0);
      assignment[i] = c;
      assignments.push(assignment);
    }
  });
  const widest = Math.max(...options.map((choices) => choices.length));
  for (let c = 1; c < widest; c += 1) assignments.push(options.map((choices) => c % choices.length));

  let base = null;
  let kept = null;
  for (const assignment of assignments.slice(0, MAX_RUNS)) {
    const valueOf = (u) => options[position.get(u)][assignment[position.get(u)]];
    const concrete = substitute(request, valueOf);
    const found = diagnosticsOf(toJsonText(concrete), runOptions(validateOptions, locations, valueOf));
    if (base === null) {
      base = found;
      kept = new Set(found.map(keyOf));
    } else {
      const keys = new Set(found.map(keyOf));
      for (const key of kept) if (!keys.has(key)) kept.delete(key);
    }
  }
  const pointers = unknowns.map((u) => u.pointer);
  const locatedPointers = unknowns.filter((u) => located.has(u)).map((u) => u.pointer);
  const valueMatters = unknowns
    .filter((u) => {
      const field = fieldAt(fieldIndex, u.pointer);
      return (u.mayBeAbsent && !located.has(u)) || !field || field.type !== 'string' || field.enum;
    })
    .map((u) => u.pointer);
  return base.filter((d) => {
    if (!kept.has(keyOf(d))) return false;
    const exempt = d.code === 'request/unknown-member';
    // A location rule at a location ARN that names a location resource judges that resource (same-location: the same one twice).
    const described = d.code.startsWith('locations/') && locatedPointers.includes(d.path);
    if (!described && pointers.some((p) => within(d.path, p) && !(exempt && d.path === p))) return false;
    const related = Array.isArray(d.params?.related) ? d.params.related : [];
    return !related.some((r) => valueMatters.some((p) => within(String(r), p)));
  }).map((d) => withoutStandIns(d, standIns(unknowns, options, fieldIndex, resourceOf)));
}

/**
 * What each stand-in string (sampleString) shows in a finding: the location resource's logical ID
 * for a described location, else what the template wrote (`Ref X`, `Fn::GetAtt X.Arn`). Longest
 * first, so that a stand-in inside another (a bucket's name in its ARN) is replaced after it.
 */
function standIns(unknowns, options, fieldIndex, resourceOf) {
  const shown = new Map();
  unknowns.forEach((u, i) => {
    const field = fieldAt(fieldIndex, u.pointer);
    const [sample] = options[i];
    if (field?.type !== 'string' || field.enum || typeof sample !== 'string' || shown.has(sample)) return;
    shown.set(sample, resourceOf.get(u) ?? u.description ?? u.pointer);
  });
  return [...shown].sort(([a], [b]) => b.length - a.length);
}

/**
 * The finding with each stand-in replaced in its message and params: a stand-in is made up (and
 * differs from run to run), so it is never shown.
 */
function withoutStandIns(diagnostic, shown) {
  if (shown.length === 0) return diagnostic;
  const replace = (value) => {
    if (typeof value === 'string') return shown.reduce((text, [sample, written]) => text.split(sample).join(written), value);
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === 'object') {
      const out = {};
      for (const [key, member] of Object.entries(value)) setMember(out, key, replace(member));
      return out;
    }
    return value;
  };
  return replace(diagnostic);
}

/**
 * The request with the service defaults filled in; Unknown markers come back
 * as the intrinsic calls they stand for. Null when the request is not an object.
 * `context`: the locations described with --locations (context.mjs), for the
 * ARNs the request writes literally.
 */
export function requestWithDefaults(request, unknowns, locations = [], context = null) {
  if (request instanceof Unknown || request === null || typeof request !== 'object' || Array.isArray(request)) {
    return null;
  }
  // Stand-in strings keep applyDefaults from filling members inside an intrinsic call.
  const tokens = new Map(unknowns.map((u, i) => [`\u0000unknown-${i}`, u.intrinsic]));
  const byUnknown = new Map(unknowns.map((u, i) => [u, `\u0000unknown-${i}`]));
  const text = toJsonText(substitute(request, (u) => byUnknown.get(u)));
  let filled;
  try {
    filled = applyDefaults(text, withContext(locationOptions(locations, (u) => byUnknown.get(u)), context, request));
  } catch {
    return null;
  }
  const restore = (value) => {
    if (typeof value === 'string' && tokens.has(value)) return tokens.get(value);
    if (Array.isArray(value)) return value.map(restore);
    if (value !== null && typeof value === 'object') {
      const out = {};
      for (const [key, member] of Object.entries(value)) setMember(out, key, restore(member));
      return out;
    }
    return value;
  };
  return restore(filled);
}
