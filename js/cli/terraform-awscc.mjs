// The Cloud Control provider (hashicorp/awscc): `awscc_datasync_task` checked
// as the CreateTask request it leads to, and `awscc_datasync_location_*`
// resources described as locations, as terraform.mjs does for the AWS
// provider's resources.
//
// What the provider is (read in hashicorp/terraform-provider-awscc,
// f995d4f4, August 2026: internal/aws/datasync/task_resource_gen.go, the
// location_*_resource_gen.go files, internal/generic/translate.go):
// - Each resource is generated from the CloudFormation resource schema
//   (AWS::DataSync::Task): the same properties in snake_case, nested objects
//   written as attributes (`options = { verify_mode = "NONE" }`), never as
//   blocks, and lists of objects (`excludes = [{ filter_type = "...", value =
//   "..." }]`). Its attribute name map gives each CloudFormation property,
//   which for AWS::DataSync::Task is the CreateTask member of the same name.
// - Every argument but the two location ARNs is Optional and Computed, with
//   no default: left unset it is unknown in the plan, and the provider's
//   translation to Cloud Control's desired state (toCloudControl.rawFromValue)
//   leaves out every null or unknown value, every object all of whose members
//   are left out, and every empty list or set. So nothing is filled in: what
//   the service receives is what is written (the service's own defaults
//   apply to the rest, in the task's mode). None of the AWS provider's
//   defaults (terraform-schema.mjs OPTIONS) applies here.
// - A written "" is a string: it is sent.
// - The provider's validators run at plan time. Most refuse what the service
//   refuses (stringvalidator.OneOf and the like), so the core's findings
//   stand for both. Some are stricter than the service, from the
//   CloudFormation schema's nested `required` and list sizes, and are checked
//   here: fwvalidators.NotNullString/NotNullObject on a tag's key and value,
//   task_report_config's destination and output_type and manifest_config's
//   source (`required` below), and listvalidator.SizeBetween(0, 1) on
//   excludes and includes, setvalidator.SizeAtMost(50) on tags, which count
//   the written elements, null ones included (`max` below).
// - `tags` is a set (SetNestedAttribute): identical elements are one.
// - A key a nested attribute's object type does not have is dropped by
//   Terraform's conversion to that type, without an error (terraform plan
//   succeeds; hashicorp/terraform#33570): nothing is sent for it.
// The awscc provider is not on this machine (no Terraform registry): the
// mapping is read from its source, not checked against `terraform plan`.
import { escapeSegment } from './documents.mjs';
// A cycle (terraform-schema.mjs imports this file); each side uses the other's bindings only when called.
import { nearest, TASK, TERRAFORM_SAYS } from './terraform-schema.mjs';

export const AWSCC_TASK_TYPE = 'awscc_datasync_task';

/**
 * An attribute's CreateTask member, and: `attrs` for an object, `list` for
 * a list of objects (`set` when it is a set), `max` the most elements the
 * provider takes, `required` when the provider refuses a null value (true),
 * or 'service' when the core already says so of a sent object (then only an
 * object that sends nothing is reported here).
 */
const m = (member, extra = {}) => ({ member, ...extra });
const REPORT_LEVEL = { report_level: m('ReportLevel') };
const FILTER = { filter_type: m('FilterType'), value: m('Value') };

/** awscc_datasync_task's arguments (the schema's Optional and Required attributes). */
const AWSCC_TASK = {
  cloudwatch_log_group_arn: m('CloudWatchLogGroupArn'),
  destination_location_arn: m('DestinationLocationArn'),
  excludes: m('Excludes', { list: true, max: 1, attrs: FILTER }),
  includes: m('Includes', { list: true, max: 1, attrs: FILTER }),
  manifest_config: m('ManifestConfig', {
    attrs: {
      action: m('Action'),
      format: m('Format'),
      source: m('Source', {
        required: 'service',
        attrs: {
          s3: m('S3', {
            attrs: {
              bucket_access_role_arn: m('BucketAccessRoleArn'),
              manifest_object_path: m('ManifestObjectPath'),
              manifest_object_version_id: m('ManifestObjectVersionId'),
              s3_bucket_arn: m('S3BucketArn'),
            },
          }),
        },
      }),
    },
  }),
  name: m('Name'),
  options: m('Options', {
    attrs: {
      atime: m('Atime'),
      bytes_per_second: m('BytesPerSecond'),
      gid: m('Gid'),
      log_level: m('LogLevel'),
      mtime: m('Mtime'),
      object_tags: m('ObjectTags'),
      overwrite_mode: m('OverwriteMode'),
      posix_permissions: m('PosixPermissions'),
      preserve_deleted_files: m('PreserveDeletedFiles'),
      preserve_devices: m('PreserveDevices'),
      security_descriptor_copy_flags: m('SecurityDescriptorCopyFlags'),
      task_queueing: m('TaskQueueing'),
      transfer_mode: m('TransferMode'),
      uid: m('Uid'),
      verify_mode: m('VerifyMode'),
    },
  }),
  schedule: m('Schedule', { attrs: { schedule_expression: m('ScheduleExpression'), status: m('Status') } }),
  source_location_arn: m('SourceLocationArn'),
  tags: m('Tags', { list: true, set: true, max: 50, attrs: { key: m('Key', { required: 'service' }), value: m('Value', { required: true }) } }),
  task_mode: m('TaskMode'),
  task_report_config: m('TaskReportConfig', {
    attrs: {
      destination: m('Destination', {
        required: true,
        attrs: { s3: m('S3', { attrs: { bucket_access_role_arn: m('BucketAccessRoleArn'), s3_bucket_arn: m('S3BucketArn'), subdirectory: m('Subdirectory') } }) },
      }),
      object_version_ids: m('ObjectVersionIds'),
      output_type: m('OutputType', { required: true }),
      overrides: m('Overrides', {
        attrs: {
          deleted: m('Deleted', { attrs: REPORT_LEVEL }),
          skipped: m('Skipped', { attrs: REPORT_LEVEL }),
          transferred: m('Transferred', { attrs: REPORT_LEVEL }),
          verified: m('Verified', { attrs: REPORT_LEVEL }),
        },
      }),
      report_level: m('ReportLevel'),
    },
  }),
};

/** Read-only attributes (Computed only): Terraform refuses a value for them. */
const AWSCC_COMPUTED = ['destination_network_interface_arns', 'id', 'source_network_interface_arns', 'status', 'task_arn'];
/**
 * Terraform's meta-arguments and meta-blocks (not sent): the aws task's, but
 * no `timeouts` block (awscc's generic resource schema has none). Read when
 * called: terraform-schema.mjs and this file import each other.
 */
const meta = () => TASK.meta;
const metaBlocks = () => TASK.metaBlocks.filter((b) => b !== 'timeouts');

/**
 * The awscc location resources: the same shape as terraform-schema.mjs
 * LOCATIONS. Their ARN is the `location_arn` attribute (`id` is the same
 * value: the primary identifier). Nested objects are attributes
 * (`mount_options = { version = "NFS4_1" }`). Unset arguments describe
 * nothing. Some have defaults in the awscc schemas (s3_storage_class
 * "STANDARD", NFS and SMB mount_options.version "AUTOMATIC"), which equal
 * the service's own defaults for a member not sent, so leaving them out of
 * a description changes no finding.
 * s3Type is the AWS table's without Outposts storage classes: awscc's
 * s3_storage_class OneOf has no OUTPOSTS (location_s3_resource_gen.go).
 */
const s3Type = (get) => {
  const arn = get('s3_bucket_arn');
  return typeof arn === 'string' && arn.includes(':s3-outposts:') ? 'S3_OUTPOSTS' : 'S3';
};
const located = (type, members = {}, extra = {}) => ({
  type: typeof type === 'function' ? type : () => type,
  members,
  arnAttributes: ['location_arn', 'id'],
  arnValue: 'location_arn',
  provider: 'awscc provider',
  argument: awsccArgument,
  blocks: awsccBlocks,
  ...extra,
});

/**
 * For terraform.mjs locationDescription(): the value of an awscc location's
 * argument at `path` (`protocol.nfs.mount_options.version`): the top
 * attribute evaluated, then each part read in the object it holds (nested
 * objects are attributes, however deep). A block of that name is not read:
 * Terraform refuses it (awsccBlocks).
 */
function awsccArgument(body, path, evaluate) {
  const [first, ...rest] = path.split('.');
  const attr = body.find((b) => b.t === 'attr' && b.name === first);
  let value = attr ? evaluate(attr.value) : undefined;
  for (const part of rest) value = isPlain(value) && Object.hasOwn(value, part) ? value[part] : undefined;
  return value;
}

/**
 * The blocks written in an awscc location (meta-blocks aside, `dynamic` by
 * the type it makes), the AWS provider's shape (`mount_options { … }`):
 * the resource has no blocks, and terraform plan stops ("Unsupported block
 * type ... Did you mean to define argument ...?").
 */
function awsccBlocks(body) {
  const out = [];
  for (const b of body) {
    if (b.t !== 'block' || metaBlocks().includes(b.type)) continue;
    const type = b.type === 'dynamic' ? b.labels?.[0] ?? '' : b.type;
    out.push({ argument: type, writes: `writes ${type} as a block (${type} { … }), which Terraform refuses in an awscc resource ("Unsupported block type"; the awscc provider takes ${type} = { … })` });
  }
  return out;
}
/**
 * `unset`: the member an argument left unset (not written, or null) makes.
 * agent_arns is Optional and Computed in awscc_datasync_location_azure_blob
 * and _object_storage: unset, it is not sent, and CreateLocationAzureBlob /
 * CreateLocationObjectStorage without AgentArns make an agentless location
 * (API reference: AgentArns is not needed for an agentless transfer).
 */
const AGENTLESS = { unset: { AgentArns: [] } };
/**
 * `refuses`: the versions the awscc schemas accept in mount_options
 * (stringvalidator.OneOf: plan stops on any other), as for the AWS
 * provider's; FSx for ONTAP's too (its SMB list has no SMB1 or SMB2_0).
 */
const NFS_VERSIONS = ['AUTOMATIC', 'NFS3', 'NFS4_0', 'NFS4_1'];
const NFS = { refuses: { 'mount_options.version': NFS_VERSIONS } };
const SMB = { refuses: { 'mount_options.version': ['AUTOMATIC', 'SMB1', 'SMB2_0', 'SMB2', 'SMB3'] } };
const AWSCC_LOCATIONS = {
  awscc_datasync_location_s3: located(s3Type, { S3StorageClass: 's3_storage_class' }),
  awscc_datasync_location_efs: located('EFS', { InTransitEncryption: 'in_transit_encryption' }),
  awscc_datasync_location_nfs: located('NFS', { AgentArns: 'on_prem_config.agent_arns', 'MountOptions.Version': 'mount_options.version' }, NFS),
  awscc_datasync_location_smb: located('SMB', { AgentArns: 'agent_arns', 'MountOptions.Version': 'mount_options.version' }, SMB),
  awscc_datasync_location_hdfs: located('HDFS', { AgentArns: 'agent_arns' }),
  awscc_datasync_location_object_storage: located('OBJECT_STORAGE', { AgentArns: 'agent_arns' }, AGENTLESS),
  awscc_datasync_location_azure_blob: located('AZURE_BLOB', { AgentArns: 'agent_arns' }, AGENTLESS),
  awscc_datasync_location_fsx_windows: located('FSX_WINDOWS'),
  awscc_datasync_location_fsx_lustre: located('FSX_LUSTRE'),
  awscc_datasync_location_fsx_open_zfs: located('FSX_OPENZFS', {}, { refuses: { 'protocol.nfs.mount_options.version': NFS_VERSIONS } }),
  awscc_datasync_location_fsx_ontap: located('FSX_ONTAP', {}, { refuses: { 'protocol.nfs.mount_options.version': NFS_VERSIONS, 'protocol.smb.mount_options.version': ['AUTOMATIC', 'SMB2', 'SMB3'] } }),
};

/** The awscc location table of a resource type, or undefined (never one of Object.prototype's members). */
export const awsccLocation = (type) => (typeof type === 'string' && Object.hasOwn(AWSCC_LOCATIONS, type) ? AWSCC_LOCATIONS[type] : undefined);

const isAwsccDataSync = (type) => typeof type === 'string' && type.startsWith('awscc_datasync_');
/** For terraform-schema.mjs: an awscc DataSync resource has no blocks but Terraform's meta-blocks. */
export const awsccIsBlockType = (path, name) => (isAwsccDataSync(path[1]) ? path.length === 2 && metaBlocks().includes(name) : undefined);
export const isAwsccResource = (path) => path[0] === 'resource' && isAwsccDataSync(path[1]);

const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * An object expression's items by key (a name or a quoted key), built once
 * per object: looking each member up is then linear in the object's size.
 * The last one written wins, as in Terraform.
 */
function itemsOf(expr) {
  const items = new Map();
  if (expr?.k !== 'object' || !Array.isArray(expr.items)) return items;
  for (const item of expr.items) {
    const k = typeof item.key === 'string' ? item.key : item.key?.k === 'string' ? item.key.v : undefined;
    if (k !== undefined) items.set(k, item);
  }
  return items;
}

/**
 * A set element's identity, as Terraform compares set elements after
 * converting them to the attribute's type (every awscc set member here is
 * a string: 1 and "1" are one), or undefined when a part is not known.
 */
function setKey(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return JSON.stringify(String(value));
  if (!isPlain(value)) return undefined;
  const parts = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] === null || value[key] === undefined) continue; // a null member is an absent one
    const part = setKey(value[key]);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Maps an awscc_datasync_task's body into `ctx.request`, with terraform.mjs
 * mapTask()'s helpers: `valueOf(item, pointer, attribute, scope)` (evaluates
 * and records), `record(pointer, at, attribute)`, `toRequest(value, pointer)`
 * (Terraform's conversions; unknown parts become Unknowns), `problem(code,
 * at, attribute, message, params)`, and the `Unresolved` class (passed in:
 * terraform.mjs imports this file).
 */
export function mapAwsccBody(body, scope, ctx) {
  const { request, valueOf, record, toRequest, problem, Unresolved, evaluate } = ctx;
  for (const item of body) {
    if (item.t === 'block') {
      if (metaBlocks().includes(item.type)) continue;
      const type = item.type === 'dynamic' ? item.labels?.[0] ?? '' : item.type;
      const isAttr = Object.hasOwn(AWSCC_TASK, type);
      // As terraform.mjs says of the aws task's blocks: the nearest name when it is not an argument itself.
      const suggestion = isAttr ? undefined : nearest(type, Object.keys(AWSCC_TASK));
      const message = isAttr
        ? `${TERRAFORM_SAYS.unsupportedBlock(type, { argument: true })} (The awscc provider takes ${type} = { … }.)`
        : TERRAFORM_SAYS.unsupportedBlock(type, { suggestion });
      problem('terraform/unsupported-argument', item, type, message, suggestion ? { block: type, suggestion } : { block: type });
      continue;
    }
    if (meta().includes(item.name)) continue;
    if (AWSCC_COMPUTED.includes(item.name)) {
      problem('terraform/unsupported-argument', item, item.name, TERRAFORM_SAYS.unconfigurable(item.name), { argument: item.name });
      continue;
    }
    const spec = Object.hasOwn(AWSCC_TASK, item.name) ? AWSCC_TASK[item.name] : undefined;
    if (!spec) {
      const suggestion = nearest(item.name, [...Object.keys(AWSCC_TASK), ...meta()]);
      problem('terraform/unsupported-argument', item, item.name, TERRAFORM_SAYS.unexpectedArgument(item.name, suggestion), suggestion ? { argument: item.name, suggestion } : { argument: item.name });
      continue;
    }
    const pointer = `/${spec.member}`;
    const { value, origin } = valueOf(item, pointer, item.name, scope);
    // A literal object or list: its members say where their own values come from, not the whole.
    const literal = ['object', 'array'].includes(item.value?.k);
    if (literal) record(pointer, item, item.name);
    const sent = translate(value, spec, pointer, item.name, { expr: item.value, at: item, origin: literal ? undefined : origin });
    if (sent !== undefined) request[spec.member] = sent;
  }
  return request;

  /**
   * Where a nested member's value comes from: its own expression's variables
   * when it is written in a literal object or list (evaluated again for its
   * trace; a constant has none), else the enclosing expression's.
   */
  function originOf(expr, where) {
    if (!expr) return where.origin;
    if (['string', 'number', 'bool', 'null', 'object', 'array'].includes(expr.k)) return undefined;
    const trace = new Set();
    evaluate(expr, scope, trace);
    return trace.size ? [...trace].join(', ') : undefined;
  }
  function placed(origin) {
    return origin ? { origin } : {};
  }

  /**
   * One value as the provider sends it, or undefined when it sends nothing
   * (null, an object with nothing sent, an empty list). `where` is the
   * written expression (when the value is a literal there), the item to
   * place findings at and where the value came from (`origin`).
   */
  function translate(value, spec, pointer, attribute, where) {
    if (value === null || value === undefined) return undefined;
    if (value instanceof Unresolved || !spec.attrs) return toRequest(value, pointer);
    if (spec.list) {
      // A value that is not a list is Terraform's type error; the core says what it is.
      if (!Array.isArray(value)) return toRequest(value, pointer);
      const out = [];
      const seen = new Set();
      let written = 0; // the elements the provider's size validator counts
      value.forEach((element, i) => {
        const expr = where.expr?.k === 'array' ? where.expr.items?.[i] : undefined;
        const at = expr ?? where.at;
        if (spec.set) {
          // Identical elements of a set are one: Terraform keeps the first.
          const key = setKey(element);
          if (key !== undefined && seen.has(key)) return;
          if (key !== undefined) seen.add(key);
        }
        written++;
        const elementPointer = `${pointer}/${out.length}`;
        const elementAttribute = `${attribute}[${i}]`;
        const origin = originOf(expr, where);
        const sent = object(element, spec.attrs, elementPointer, elementAttribute, { expr, at, origin });
        if (sent === undefined) return;
        record(elementPointer, at, elementAttribute, placed(origin));
        out.push(sent);
      });
      // More elements than the provider takes, counting those that send nothing
      // (null, or all members null), while the core sees no more than it
      // takes (it reports the rest itself): terraform plan stops.
      if (spec.max !== undefined && written > spec.max && out.length <= spec.max) {
        problem('list/too-many-items', where.at, attribute, `"${attribute}" has ${written} elements, counting those that are null or all null, and the awscc provider takes at most ${spec.max} (its list size validator): terraform plan stops.`, { max: spec.max, count: written });
      }
      return out.length ? out : undefined;
    }
    return object(value, spec.attrs, pointer, attribute, where);
  }

  function object(value, attrs, pointer, attribute, where) {
    if (value === null || value === undefined) return undefined;
    if (value instanceof Unresolved || !isPlain(value)) return toRequest(value, pointer);
    const out = {};
    const items = itemsOf(where.expr);
    for (const [name, member] of Object.entries(value)) {
      const item = items.get(name);
      const at = item ?? where.at;
      const childAttribute = `${attribute}.${name}`;
      const spec = Object.hasOwn(attrs, name) ? attrs[name] : undefined;
      if (!spec) {
        // Terraform converts the value to the attribute's object type and drops what the type lacks: plan succeeds.
        const suggestion = nearest(name, Object.keys(attrs));
        problem('terraform/ignored-attribute', at, childAttribute, `"${attribute}" has no attribute "${name}": Terraform drops the key without an error, and nothing is sent for it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, suggestion ? { argument: name, suggestion } : { argument: name }, 'warning');
        continue;
      }
      const childPointer = `${pointer}/${escapeSegment(spec.member)}`;
      const origin = originOf(item?.value, where);
      const sent = translate(member, spec, childPointer, childAttribute, { expr: item?.value, at, origin });
      if (sent === undefined) continue;
      record(childPointer, at, childAttribute, placed(origin));
      out[spec.member] = sent;
    }
    const sends = Object.keys(out).length > 0;
    for (const [name, spec] of Object.entries(attrs)) {
      if (!spec.required || (spec.required === 'service' && sends)) continue;
      if (value[name] !== null && value[name] !== undefined) continue;
      problem('request/missing-member', where.at, `${attribute}.${name}`, `"${attribute}" leaves "${name}" null, which the awscc provider refuses ("Missing Attribute Value": its validator requires a value there): terraform plan stops.`, { member: spec.member });
    }
    return sends ? out : undefined;
  }
}

/** The awscc attribute path of a request pointer: `/Options/VerifyMode` -> `options.verify_mode`, `/Excludes/0/Value` -> `excludes[0].value`. */
export function awsccAttributeOf(pointer) {
  const out = [];
  let attrs = AWSCC_TASK;
  for (const segment of pointer.split('/').slice(1)) {
    if (/^\d+$/.test(segment) && out.length) {
      out[out.length - 1] += `[${segment}]`;
      continue;
    }
    const found = Object.entries(attrs ?? {}).find(([, spec]) => spec.member === segment);
    if (!found) break;
    out.push(found[0]);
    attrs = found[1].attrs;
  }
  return out.join('.');
}

// ---------------------------------------------------------------------------
// Plans (`terraform show -json`)
// ---------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o, k) => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined);
function markOf(mark, key) {
  if (mark === true) return true;
  if (Array.isArray(mark)) return typeof key === 'number' ? mark[key] : undefined;
  return own(mark, key);
}

/**
 * What the configuration wrote for a member, from the plan's `expressions`
 * (`{ members }` for a resource's, `{ constant }` for a constant object's):
 * `{ constant }` when its value is a constant there (`constant_value`; a
 * member of a constant object included), `{ unset: true }` when it is not
 * written or is the constant null, `{ expression }` for anything else
 * (`references`, or neither), undefined when the configuration is not known.
 */
function writtenOf(written, name) {
  if (written === undefined) return undefined;
  if (Object.hasOwn(written, 'constant')) {
    const c = written.constant;
    if (!isObject(c) || !Object.hasOwn(c, name) || c[name] === null) return { unset: true };
    return { constant: c[name] };
  }
  if (!isObject(written.members)) return undefined;
  if (!Object.hasOwn(written.members, name)) return { unset: true };
  const expression = written.members[name];
  if (isObject(expression) && Object.hasOwn(expression, 'constant_value')) return expression.constant_value === null ? { unset: true } : { constant: expression.constant_value };
  // A nested attribute is one expression too (terraform internal/command/jsonconfig marshalExpressions).
  return { expression };
}

/**
 * An awscc task's planned values (`change.after`, `after_unknown`) as a body
 * for mapAwsccBody(). An unknown value in a task being created whose
 * argument the configuration leaves unset (not written, or the constant
 * null, as far as the configuration shows) is the provider's Computed value,
 * which it does not send: left out. Any other unknown value stays unknown
 * (no finding depends on it). `literal`, `unknownValue` and `referenceOf`
 * are terraform-plan.mjs's.
 */
export function awsccPlanBody(values, unknown, pointer, at, expressions, creating, { literal, unknownValue, referenceOf }) {
  const top = isObject(expressions) ? { members: expressions } : undefined;
  const body = [];
  const names = new Set([...(isObject(values) ? Object.keys(values) : []), ...(isObject(unknown) ? Object.keys(unknown).filter((k) => unknown[k] === true) : [])]);
  for (const name of names) {
    if (!Object.hasOwn(AWSCC_TASK, name)) continue; // read-only attributes and `id`
    const child = `${pointer}/${escapeSegment(name)}`;
    const position = at(child);
    const mark = markOf(unknown, name);
    const written = writtenOf(top, name);
    if (mark === true) {
      if (creating && written?.unset) continue;
      body.push({ t: 'attr', name, ...position, value: unknownValue(position, { reference: referenceOf(written?.expression), always: false }) });
      continue;
    }
    const value = own(values, name);
    if (value === null || value === undefined) continue;
    body.push({ t: 'attr', name, ...position, value: planValue(value, mark, written, child) });
  }
  return body;

  // A planned value as a literal, its unknown members left out where the configuration leaves them unset.
  function planValue(value, mark, written, at_) {
    const position = at(at_);
    if (mark === true) return unknownValue(position);
    if (isObject(value) || (isObject(mark) && value === undefined)) {
      const items = [];
      const keys = new Set([...(isObject(value) ? Object.keys(value) : []), ...(isObject(mark) ? Object.keys(mark).filter((k) => mark[k] === true) : [])]);
      for (const key of keys) {
        const m = markOf(mark, key);
        const w = written?.constant !== undefined || written?.members !== undefined ? writtenOf(written, key) : written?.unset ? { unset: true } : undefined;
        if (m === true && creating && w?.unset) continue;
        const v = own(value, key);
        if (m !== true && (v === null || v === undefined)) continue;
        items.push({ key, ...at(`${at_}/${escapeSegment(key)}`), value: planValue(v, m, w, `${at_}/${escapeSegment(key)}`) });
      }
      return { k: 'object', ...position, src: '{…}', items };
    }
    if (Array.isArray(value)) {
      const constant = Array.isArray(written?.constant) ? written.constant : undefined;
      return {
        k: 'array',
        ...position,
        src: '[…]',
        items: value.map((v, i) => planValue(v, markOf(mark, i), constant ? (isObject(constant[i]) ? { constant: constant[i] } : undefined) : undefined, `${at_}/${i}`)),
      };
    }
    return literal(value, position, mark);
  }
}

/**
 * An awscc location's planned values as a body for terraform.mjs
 * locationDescription(): nested objects are attributes. An unknown argument
 * stays unknown (it describes nothing), except in a location being created
 * whose configuration leaves it unset (not written, or the constant null):
 * then it is not sent, and left out here as unset.
 */
export function awsccLocationPlanBody(values, unknown, pointer, at, expressions, creating, { literal, unknownValue }) {
  const top = isObject(expressions) ? { members: expressions } : undefined;
  const body = [];
  const names = new Set([...(isObject(values) ? Object.keys(values) : []), ...(isObject(unknown) ? Object.keys(unknown).filter((k) => unknown[k] === true) : [])]);
  for (const name of names) {
    const position = at(`${pointer}/${escapeSegment(name)}`);
    const mark = markOf(unknown, name);
    if (mark === true) {
      if (!(creating && writtenOf(top, name)?.unset)) body.push({ t: 'attr', name, ...position, value: unknownValue(position) });
      continue;
    }
    const value = own(values, name);
    if (value === null || value === undefined) continue;
    body.push({ t: 'attr', name, ...position, value: literal(value, position, mark) });
  }
  return body;
}
