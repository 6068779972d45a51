// What the AWS provider (hashicorp/terraform-provider-aws,
// internal/service/datasync/task.go) accepts in an `aws_datasync_task`
// resource and how it builds the CreateTask request from it:
// - every argument and block, with the CreateTask member it becomes;
// - the provider's own defaults for `options` arguments: when an `options`
//   block is present, the provider sends every option that has a schema
//   default, written or not (so an Enhanced task with `verify_mode` omitted is
//   sent VerifyMode POINT_IN_TIME_CONSISTENT, which the service rejects);
//   without an `options` block it sends no Options at all;
// - what it leaves out: `name` and `cloudwatch_log_group_arn` only when set
//   and not "" (GetOk), `bytes_per_second` only when not 0;
// - which arguments its validation refuses "" in, before any request: every
//   enum argument (enum.Validate is validation.StringInSlice, and SDKv2
//   validates a string that is set, "" included: `task_mode = ""` stops
//   `terraform plan` with "expected task_mode to be one of [...], got "), and
//   `schedule_expression` by length (StringLenBetween(1, 256)): `refusesEmpty`.
//   The expand functions would leave "" out, but plan stops first. `name`,
//   `value` and `subdirectory` have no validation; verify.ValidARN accepts "";
//   and what it always sends once the block is there: a filter rule's Value
//   ("" when omitted, unless no argument of the block is set: `skipsNil`), `TaskReportConfig.Destination.S3.Subdirectory` ("" when
//   omitted) and `TaskReportConfig.Overrides` ({} when there is no
//   `report_overrides` block; left out here, since an empty Overrides
//   overrides nothing).
// Read from the provider's main branch (December 2026). The option defaults
// are the same in every release since each argument was added (log_level,
// overwrite_mode, task_queueing and transfer_mode in 3.x by PR #16204,
// object_tags in 5.x by PR #27811); what changed their effect is `task_mode`
// (PR #39979, 2025): before it every task was Basic, where the defaults are
// the service's own.

/**
 * A scalar argument: `member` is the request member. `providerDefault`: sent
 * when the block is there and the argument is not; `omitEmpty` / `omitZero`:
 * "" / 0 is not sent; `sendEmptyWhenOmitted`: "" is sent when omitted;
 * `refusesEmpty`: the provider's validation refuses a written "" (plan
 * stops): `true` for an enum, whose "" is sent as written (the core's
 * value/not-in-enum says so, as for the `options` enums), `{ min, max }` for
 * a length check (value/too-short here). A plan never holds a written ""
 * (validation ran first): there "" is a string left unset, not sent
 * (terraform-plan.mjs). `wrap`: the value is sent inside `{ [wrap]: value }`.
 * `required`: Required in the provider's schema (`terraform providers schema
 * -json`, 5.100.0): left out or null, `terraform plan` stops with "Missing
 * required argument" (terraform/missing-argument).
 * `computed`: Optional and Computed in the provider's schema, and sent only
 * when set (GetOk, or a "" check): left unset in a task being created,
 * nothing is sent (the service's default applies), while a plan shows it
 * `(known after apply)` (terraform-plan.mjs reads it as unset there).
 */
import { awsccIsBlockType, isAwsccResource } from './terraform-awscc.mjs';

const arg = (member, extra = {}) => ({ member, ...extra });

export const OPTIONS = {
  atime: arg('Atime', { providerDefault: 'BEST_EFFORT' }),
  bytes_per_second: arg('BytesPerSecond', { providerDefault: -1n, integer: true, omitZero: true }),
  gid: arg('Gid', { providerDefault: 'INT_VALUE' }),
  log_level: arg('LogLevel', { providerDefault: 'OFF' }),
  mtime: arg('Mtime', { providerDefault: 'PRESERVE' }),
  object_tags: arg('ObjectTags', { providerDefault: 'PRESERVE' }),
  overwrite_mode: arg('OverwriteMode', { providerDefault: 'ALWAYS' }),
  posix_permissions: arg('PosixPermissions', { providerDefault: 'PRESERVE' }),
  preserve_deleted_files: arg('PreserveDeletedFiles', { providerDefault: 'PRESERVE' }),
  preserve_devices: arg('PreserveDevices', { providerDefault: 'NONE' }),
  security_descriptor_copy_flags: arg('SecurityDescriptorCopyFlags', { omitEmpty: true, refusesEmpty: true, computed: true }),
  task_queueing: arg('TaskQueueing', { providerDefault: 'ENABLED' }),
  transfer_mode: arg('TransferMode', { providerDefault: 'CHANGED' }),
  uid: arg('Uid', { providerDefault: 'INT_VALUE' }),
  verify_mode: arg('VerifyMode', { providerDefault: 'POINT_IN_TIME_CONSISTENT' }),
};

const FILTER = { filter_type: arg('FilterType', { omitEmpty: true, refusesEmpty: true }), value: arg('Value', { sendEmptyWhenOmitted: true }) };

/**
 * The resource's schema: `attrs` (scalar arguments), `blocks` (nested
 * blocks, at most one each unless `many`), `computed` (attributes that cannot
 * be set), `meta` (Terraform's meta-arguments, not sent). `skipsNil`: a
 * block with no nested block and every argument null or "" is a nil list
 * element to terraform-plugin-sdk v2, which the provider's expand function
 * skips (expandFilterRules: the member is sent as an empty list). The other
 * blocks cannot be nil without an error first (schedule_expression and the
 * report's s3_destination are required, options' arguments have defaults;
 * report_overrides, nil or empty, is sent as {}), except an s3_destination
 * whose two ARNs are "": the provider then sends no Destination; not modelled
 * (its two value errors stay).
 */
export const TASK = {
  attrs: {
    source_location_arn: arg('SourceLocationArn', { required: true }),
    destination_location_arn: arg('DestinationLocationArn', { required: true }),
    cloudwatch_log_group_arn: arg('CloudWatchLogGroupArn', { omitEmpty: true }),
    name: arg('Name', { omitEmpty: true }),
    task_mode: arg('TaskMode', { omitEmpty: true, refusesEmpty: true, computed: true }),
    tags: { member: 'Tags', map: true },
    region: { ignored: true }, // provider 6.x: the Region the task is created in, not a request member
    // Optional and Computed in the provider's schema: plan accepts a written value
    // (`terraform plan -generate-config-out` writes `tags_all = {}`), and the
    // request's tags come from `tags` and the provider's default_tags, not from it.
    tags_all: { ignored: true },
  },
  computed: ['arn', 'id'],
  meta: ['count', 'for_each', 'depends_on', 'provider'],
  metaBlocks: ['lifecycle', 'provisioner', 'connection', 'timeouts'],
  blocks: {
    options: { member: 'Options', attrs: OPTIONS },
    schedule: { member: 'Schedule', attrs: { schedule_expression: arg('ScheduleExpression', { required: true, refusesEmpty: { min: 1, max: 256 } }) } },
    includes: { member: 'Includes', list: true, skipsNil: true, attrs: FILTER },
    excludes: { member: 'Excludes', list: true, skipsNil: true, attrs: FILTER },
    task_report_config: {
      member: 'TaskReportConfig',
      attrs: {
        s3_object_versioning: arg('ObjectVersionIds', { omitEmpty: true, refusesEmpty: true }),
        output_type: arg('OutputType', { omitEmpty: true, refusesEmpty: true }),
        report_level: arg('ReportLevel', { omitEmpty: true, refusesEmpty: true }),
      },
      blocks: {
        s3_destination: {
          member: 'Destination',
          wrap: 'S3',
          required: true,
          attrs: {
            bucket_access_role_arn: arg('BucketAccessRoleArn', { required: true }),
            s3_bucket_arn: arg('S3BucketArn', { required: true }),
            subdirectory: arg('Subdirectory', { sendEmptyWhenOmitted: true }),
          },
        },
        report_overrides: {
          member: 'Overrides',
          attrs: {
            deleted_override: arg('Deleted', { wrap: 'ReportLevel', omitEmpty: true, refusesEmpty: true }),
            skipped_override: arg('Skipped', { wrap: 'ReportLevel', omitEmpty: true, refusesEmpty: true }),
            transferred_override: arg('Transferred', { wrap: 'ReportLevel', omitEmpty: true, refusesEmpty: true }),
            verified_override: arg('Verified', { wrap: 'ReportLevel', omitEmpty: true, refusesEmpty: true }),
          },
        },
      },
    },
  },
};

/** Whether `name` is a nested block of the block at `path` (['resource', type, ...block types]). */
export function isBlockType(path, name) {
  if (isAwsccResource(path)) return awsccIsBlockType(path, name); // awscc: nested attributes, no blocks
  if (path[0] === 'resource' && path[1] === 'aws_datasync_task') {
    let schema = TASK;
    for (const type of path.slice(2)) schema = schema?.blocks?.[type];
    if (schema?.blocks && Object.hasOwn(schema.blocks, name)) return true;
    if (path.length === 2 && (TASK.metaBlocks.includes(name) || name === 'dynamic')) return true;
    return false;
  }
  if (path[0] === 'resource') return LOCATION_BLOCKS.has(name) || TASK.metaBlocks.includes(name);
  if (path[0] === 'variable') return name === 'validation';
  if (path[0] === 'provider') return name === 'default_tags' || name === 'assume_role';
  return false;
}

/**
 * Whether isBlockType() knows every nested block type of the block at `path`,
 * so that a member it does not call a block is an argument: the task and its
 * own blocks, a variable, `locals` and a module call. Elsewhere (other
 * resources, data sources, outputs, providers, `lifecycle`) a member may be a
 * block type this command does not hold (`statement`, `precondition`,
 * `ingress`), which Terraform's JSON syntax lets repeat.
 */
export function knowsBlocksOf(path) {
  if (isAwsccResource(path)) return path.length === 2; // awscc
  if (path[0] === 'resource' && path[1] === 'aws_datasync_task') {
    let schema = TASK;
    for (const type of path.slice(2)) schema = schema?.blocks?.[type];
    return schema !== undefined;
  }
  return (path[0] === 'variable' && path.length === 2) || (path[0] === 'locals' && path.length === 1) || (path[0] === 'module' && path.length === 2);
}

/** Nested blocks of the location resources: those that hold what the location rules read, and the required ones (LOCATIONS' `required`). */
const LOCATION_BLOCKS = new Set(['mount_options', 'on_prem_config', 'ec2_config', 'protocol', 'nfs', 'smb', 'sas_configuration', 'credentials', 's3_config', 'name_node']);

/**
 * Whether an aws_datasync_location_s3 is on S3 on Outposts: from its
 * s3_bucket_arn when known (an `s3-outposts` ARN); else from what else tells
 * the kind: s3_storage_class OUTPOSTS (the only class of a bucket on
 * Outposts, and one no bucket in a Region has: API CreateLocationS3
 * S3StorageClass), or the ARN being a reference to an aws_s3control_bucket
 * (a bucket on Outposts: provider 5.100.0 requires its outpost_id).
 * Otherwise the location is described as S3, which is what the rules need
 * of an S3 location of either kind (object storage both: the POSIX options
 * and the object-store defaults; an archive storage class is a Region's), and
 * no rule that holds only for S3 on Outposts (Enhanced mode) fires from it.
 */
function s3Type(get) {
  const arn = get('s3_bucket_arn');
  if (typeof arn === 'string') return arn.includes(':s3-outposts:') ? 'S3_OUTPOSTS' : 'S3';
  // A reference written as the argument itself (not a value computed from one).
  const reference = arn !== null && typeof arn === 'object' ? arn.reference : undefined;
  if (reference?.type === 'aws_s3control_bucket' && ['arn', 'id'].includes(reference.attribute)) return 'S3_OUTPOSTS';
  return get('s3_storage_class') === 'OUTPOSTS' ? 'S3_OUTPOSTS' : 'S3';
}

/**
 * The NFS versions provider 5.100.0 accepts in mount_options (its
 * validation; `terraform plan` with "NFS4_2": expected version to be one of
 * ["AUTOMATIC" "NFS3" "NFS4_0" "NFS4_1"], got NFS4_2), for
 * aws_datasync_location_nfs and aws_datasync_location_fsx_openzfs_file_system.
 */
const NFS_VERSIONS = ['AUTOMATIC', 'NFS3', 'NFS4_0', 'NFS4_1'];
/**
 * The SMB versions provider 5.100.0 accepts in aws_datasync_location_smb's
 * mount_options (`terraform plan` with "NFS4_2": expected version to be one
 * of ["AUTOMATIC" "SMB2" "SMB3" "SMB1" "SMB2_0"], got NFS4_2).
 */
const SMB_VERSIONS = ['AUTOMATIC', 'SMB2', 'SMB3', 'SMB1', 'SMB2_0'];

/**
 * The location resources and the DescribeLocation* members their arguments
 * give (contract: validate(request, { locations })). `type` may depend on an
 * argument (an S3 on Outposts bucket, s3Type()). `refuses`: arguments whose
 * known value the provider refuses unless it is one of the list (plan stops:
 * terraform/invalid-location-value); such a value describes nothing.
 * `agentsRequired`: its agents' argument (members.AgentArns) is Required
 * (provider 5.100.0 schema: every one but S3's), so Terraform never plans it
 * null; a plan writes the empty set `[]` as null (see terraform-plan.mjs).
 * `required`: the arguments and nested blocks provider 5.100.0's schema
 * marks Required (`terraform providers schema -json`: `required`, or a
 * block's `min_items` 1), as paths; a nested one counts only when its
 * parent block is written. Without one, `terraform plan` stops: "Missing
 * required argument" / "Insufficient s3_config blocks"
 * (terraform/missing-argument, terraform/missing-block).
 */
export const LOCATIONS = {
  aws_datasync_location_s3: {
    type: s3Type,
    members: { S3StorageClass: 's3_storage_class', AgentArns: 'agent_arns' },
    required: { arguments: ['s3_bucket_arn', 'subdirectory', 's3_config.bucket_access_role_arn'], blocks: ['s3_config'] },
  },
  aws_datasync_location_efs: { type: () => 'EFS', members: { InTransitEncryption: 'in_transit_encryption' }, required: { arguments: ['efs_file_system_arn', 'ec2_config.security_group_arns', 'ec2_config.subnet_arn'], blocks: ['ec2_config'] } },
  aws_datasync_location_nfs: {
    type: () => 'NFS',
    members: { AgentArns: 'on_prem_config.agent_arns', 'MountOptions.Version': 'mount_options.version' },
    agentsRequired: true,
    refuses: { 'mount_options.version': NFS_VERSIONS },
    required: { arguments: ['server_hostname', 'subdirectory', 'on_prem_config.agent_arns'], blocks: ['on_prem_config'] },
  },
  aws_datasync_location_smb: {
    type: () => 'SMB',
    members: { AgentArns: 'agent_arns', 'MountOptions.Version': 'mount_options.version' },
    agentsRequired: true,
    refuses: { 'mount_options.version': SMB_VERSIONS },
    required: { arguments: ['agent_arns', 'password', 'server_hostname', 'subdirectory', 'user'], blocks: [] },
  },
  aws_datasync_location_hdfs: { type: () => 'HDFS', members: { AgentArns: 'agent_arns' }, agentsRequired: true, required: { arguments: ['agent_arns', 'name_node.hostname', 'name_node.port'], blocks: ['name_node'] } },
  aws_datasync_location_object_storage: { type: () => 'OBJECT_STORAGE', members: { AgentArns: 'agent_arns' }, agentsRequired: true, required: { arguments: ['agent_arns', 'bucket_name', 'server_hostname'], blocks: [] } },
  aws_datasync_location_azure_blob: { type: () => 'AZURE_BLOB', members: { AgentArns: 'agent_arns' }, agentsRequired: true, required: { arguments: ['agent_arns', 'authentication_type', 'container_url', 'sas_configuration.token'], blocks: [] } },
  aws_datasync_location_fsx_windows_file_system: { type: () => 'FSX_WINDOWS', members: {}, required: { arguments: ['fsx_filesystem_arn', 'password', 'security_group_arns', 'user'], blocks: [] } },
  aws_datasync_location_fsx_lustre_file_system: { type: () => 'FSX_LUSTRE', members: {}, required: { arguments: ['fsx_filesystem_arn', 'security_group_arns'], blocks: [] } },
  aws_datasync_location_fsx_openzfs_file_system: { type: () => 'FSX_OPENZFS', members: {}, refuses: { 'protocol.nfs.mount_options.version': NFS_VERSIONS }, required: { arguments: ['fsx_filesystem_arn', 'security_group_arns'], blocks: ['protocol', 'protocol.nfs', 'protocol.nfs.mount_options'] } },
  aws_datasync_location_fsx_ontap_file_system: { type: () => 'FSX_ONTAP', members: {}, required: { arguments: ['security_group_arns', 'storage_virtual_machine_arn', 'protocol.smb.password', 'protocol.smb.user'], blocks: ['protocol', 'protocol.nfs.mount_options', 'protocol.smb.mount_options'] } },
};

/** The Terraform attribute path of a request pointer: `/Options/VerifyMode` -> `options.verify_mode`. */
export function attributeOf(pointer) {
  const segments = pointer.split('/').slice(1);
  if (segments.length === 0) return '';
  if (segments[0] === 'Tags') return segments.length > 1 ? '' : 'tags'; // a tag's own record names it
  const out = [];
  let attrs = TASK.attrs;
  let blocks = TASK.blocks;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (/^\d+$/.test(segment)) continue;
    const block = Object.entries(blocks ?? {}).find(([, b]) => b.member === segment);
    if (block) {
      out.push(block[0]);
      if (block[1].wrap && segments[i + 1] === block[1].wrap) i += 1;
      attrs = block[1].attrs;
      blocks = block[1].blocks;
      continue;
    }
    const attr = Object.entries(attrs ?? {}).find(([, a]) => a.member === segment);
    if (attr) {
      out.push(attr[0]);
      break;
    }
    return out.length ? out.join('.') : '';
  }
  return out.join('.');
}

/** Levenshtein distance, for "Did you mean …?" (names are short). */
export function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The nearest of `names` to `name`, as Terraform suggests it (close enough to be a typo), or undefined. */
/**
 * Terraform's own messages for what it refuses in a resource's body (one
 * home for terraform.mjs and terraform-awscc.mjs). `suggestion`: the
 * nearest name; `argument`: the block type is an argument's name.
 */
export const TERRAFORM_SAYS = {
  unconfigurable: (name) => `Value for unconfigurable attribute: can't configure a value for "${name}": its value will be decided automatically based on the result of applying this configuration.`,
  missingArgument: (name) => `Missing required argument: the argument "${name}" is required, but no definition was found.`,
  // Terraform's detail, word for word (1.11.4: 'At least 1 "s3_config" blocks are required.').
  insufficientBlocks: (type) => `Insufficient ${type} blocks: at least 1 "${type}" blocks are required.`,
  unexpectedArgument: (name, suggestion) => `An argument named "${name}" is not expected here.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  unsupportedBlock: (type, { argument = false, suggestion } = {}) =>
    argument
      ? `Unsupported block type: blocks of type "${type}" are not expected here. Did you mean to define argument "${type}"? If so, use the equals sign to assign it a value.`
      : `Unsupported block type: blocks of type "${type}" are not expected here.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
};

export function nearest(name, names) {
  if (name.length > 256) return undefined;
  let best;
  let bestDistance = Infinity;
  for (const candidate of names) {
    const d = distance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
