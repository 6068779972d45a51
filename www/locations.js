// The Locations step: what the form knows of the two locations the request
// connects, given for each end (its type, and where a rule reads them its S3
// storage class, NFS version and agents) or pasted as `ListLocations` output or
// `DescribeLocation*` responses. It becomes validate()'s and applyDefaults()'s
// `locations` option, and it decides which options fields() says do nothing for
// the chosen pair. None of it is part of the request.
//
// Pasted text is untrusted: it is bounded in size and number of entries, each
// entry is checked by the validator itself (which refuses a malformed one with
// a TypeError whose message names the member), and only the members the rules
// read are kept, so secrets in a DescribeLocation* response (an object
// storage's AccessKey, say) are neither kept nor saved.
import { getAt } from '../pkg/web/form-kit.js';
import { emptyEnd, state } from './state.js';

/** Location types as the `locations` option names them, with their console names. */
export const LOCATION_TYPES = [
  ['S3', 'Amazon S3'], ['S3_OUTPOSTS', 'Amazon S3 on Outposts'], ['EFS', 'Amazon EFS'],
  ['FSX_WINDOWS', 'FSx for Windows File Server'], ['FSX_LUSTRE', 'FSx for Lustre'],
  ['FSX_OPENZFS', 'FSx for OpenZFS'], ['FSX_ONTAP', 'FSx for NetApp ONTAP'], ['NFS', 'NFS server'],
  ['SMB', 'SMB server'], ['HDFS', 'Hadoop (HDFS)'], ['OBJECT_STORAGE', 'Object storage'],
  ['AZURE_BLOB', 'Microsoft Azure Blob Storage'],
];

/** DescribeLocationS3's S3StorageClass values (API reference, S3StorageClass). */
export const S3_STORAGE_CLASSES = [
  ['STANDARD', 'S3 Standard'], ['INTELLIGENT_TIERING', 'S3 Intelligent-Tiering'], ['STANDARD_IA', 'S3 Standard-IA'],
  ['ONEZONE_IA', 'S3 One Zone-IA'], ['GLACIER_INSTANT_RETRIEVAL', 'S3 Glacier Instant Retrieval'],
  ['GLACIER', 'S3 Glacier Flexible Retrieval'], ['DEEP_ARCHIVE', 'S3 Glacier Deep Archive'], ['OUTPOSTS', 'S3 on Outposts'],
];

/** The NFS versions a location mounts with: DescribeLocationNfs's MountOptions.Version, FSx for OpenZFS's and ONTAP's Protocol.NFS.MountOptions.Version. */
export const NFS_VERSIONS = [
  ['AUTOMATIC', 'Automatic'], ['NFS3', 'NFS 3'], ['NFS4_0', 'NFS 4.0'], ['NFS4_1', 'NFS 4.1'], ['NFS4_2', 'NFS 4.2'],
];

/** Whether an object storage or Azure Blob location uses agents (its AgentArns). */
export const AGENT_CHOICES = [['none', 'No agent'], ['some', 'With an agent']];

/** The two ends: [which, request member, label]. */
export const ENDS = [['source', '/SourceLocationArn', 'Source'], ['destination', '/DestinationLocationArn', 'Destination']];

/**
 * The details a rule reads, by location type and end: the destination's S3
 * storage class (VerifyMode), the NFS version of an NFS server or an FSx for
 * OpenZFS or ONTAP file system (TaskMode), an object
 * store's agents (TaskMode). Every other detail changes no rule, so the step
 * does not ask for it.
 */
export const DETAILS = [
  { key: 'storageClass', label: 'S3 storage class', apiName: 'S3StorageClass', choices: S3_STORAGE_CLASSES, types: ['S3'], ends: ['destination'] },
  {
    key: 'nfsVersion', label: 'NFS version', apiName: 'MountOptions.Version', choices: NFS_VERSIONS,
    types: ['NFS', 'FSX_OPENZFS', 'FSX_ONTAP'], ends: ['source', 'destination'],
  },
  { key: 'agents', label: 'agents', apiName: 'AgentArns', choices: AGENT_CHOICES, types: ['OBJECT_STORAGE', 'AZURE_BLOB'], ends: ['source', 'destination'] },
];

/** A detail's control is shown (and its value used) only for the types and ends it matters for. */
export const detailApplies = (detail, which, type) => detail.ends.includes(which) && detail.types.includes(type);

/**
 * The type a ListLocations `LocationUri` stands for, as the validator reads it
 * (tests/node/form-locations.test.mjs checks every scheme against the core);
 * '' for a scheme this form does not know, which then gets no location rule.
 */
export function typeOfUri(uri) {
  const match = /^([a-z0-9-]+):\/\/(.*)$/s.exec(uri);
  if (!match) return '';
  const [, scheme, rest] = match;
  if (scheme === 's3') return rest.startsWith('arn:') && rest.includes(':s3-outposts:') ? 'S3_OUTPOSTS' : 'S3';
  if (scheme === 'fsxn' || scheme.startsWith('fsxn-')) return 'FSX_ONTAP';
  return {
    efs: 'EFS', nfs: 'NFS', smb: 'SMB', hdfs: 'HDFS', fsxw: 'FSX_WINDOWS', fsxl: 'FSX_LUSTRE', fsxz: 'FSX_OPENZFS',
    'object-storage': 'OBJECT_STORAGE', 'azure-blob': 'AZURE_BLOB',
  }[scheme] ?? '';
}

/** The human name of a location type. */
export const typeLabel = (type) => LOCATION_TYPES.find(([value]) => value === type)?.[1] ?? type;

// ---------------------------------------------------------------------------
// Pasted ListLocations / DescribeLocation* text.
// ---------------------------------------------------------------------------

/** Pasted text longer than this is refused (a ListLocations page of 100 entries is about 20 KB). */
export const PASTE_LIMIT = 1024 * 1024;
/** At most this many entries are read from one paste. */
export const ENTRY_LIMIT = 1000;
/** At most this many refused entries are described; a line counts the rest. */
const PROBLEM_LIMIT = 3;

/**
 * Only the members the location rules read: the rest (credentials included) is
 * dropped. The NFS version is kept in DescribeLocationNfs's place whichever
 * response gave it (FSx for OpenZFS and ONTAP give it under Protocol.NFS), read
 * from where the core reads it (src/locations.rs).
 */
export function kept(entry) {
  const out = { LocationArn: entry.LocationArn };
  if (typeof entry.LocationUri === 'string') out.LocationUri = entry.LocationUri;
  if (typeof entry.type === 'string') out.type = entry.type;
  if (typeof entry.S3StorageClass === 'string') out.S3StorageClass = entry.S3StorageClass;
  if (Array.isArray(entry.AgentArns)) out.AgentArns = entry.AgentArns.slice(0, 4);
  // Where the core reads it: under Protocol.NFS whenever the entry has one (even null), else at the top.
  const nfs = entry.Protocol?.NFS;
  const version = (nfs === undefined ? entry : nfs)?.MountOptions?.Version;
  if (typeof version === 'string') out.MountOptions = { Version: version };
  return out;
}

/**
 * Reads pasted `ListLocations` output (`{ Locations: [...] }`), an array of
 * entries, or one `DescribeLocation*` response. `check(entry)` is the
 * validator's own check of one description: it returns an error message, or
 * null when the description is well formed. Never throws: returns
 * `{ entries, problems }` (entries reduced to the members the rules read;
 * problems as finished sentences) or `{ refused }` with why nothing was read.
 */
export function readPasted(text, check) {
  if (typeof text !== 'string' || text.trim() === '') return { refused: 'Paste ListLocations output or a DescribeLocation* response first.' };
  if (text.length > PASTE_LIMIT) {
    return { refused: `The pasted text is ${Math.round(text.length / 1024).toLocaleString('en')} KB; at most ${PASTE_LIMIT / 1024} KB is read (one ListLocations page is far less).` };
  }
  let value;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, '')); // a byte order mark is skipped, as Import skips it
  } catch (error) {
    return { refused: `The pasted text is not JSON (${error instanceof Error ? error.message : 'unreadable'}).` };
  }
  let items;
  if (Array.isArray(value)) items = value;
  else if (value !== null && typeof value === 'object' && Array.isArray(value.Locations)) items = value.Locations;
  else if (value !== null && typeof value === 'object' && 'LocationArn' in value) items = [value];
  else return { refused: 'The pasted JSON is not ListLocations output ({ "Locations": [...] }), a DescribeLocation* response, or an array of them.' };
  if (items.length === 0) return { refused: 'The pasted JSON lists no locations.' };
  const entries = [];
  const problems = [];
  const refused = [];
  for (const [index, item] of items.slice(0, ENTRY_LIMIT).entries()) {
    let why;
    try {
      why = check(item);
    } catch (error) {
      why = error instanceof Error ? error.message : 'it cannot be read';
    }
    if (why) refused.push(`Location ${index + 1}: ${why}`);
    else entries.push(kept(item));
  }
  problems.push(...refused.slice(0, PROBLEM_LIMIT));
  if (refused.length > PROBLEM_LIMIT) problems.push(`${(refused.length - PROBLEM_LIMIT).toLocaleString('en')} more locations were not read for the same kinds of reasons.`);
  if (items.length > ENTRY_LIMIT) problems.push(`Only the first ${ENTRY_LIMIT.toLocaleString('en')} of ${items.length.toLocaleString('en')} locations were read.`);
  return { entries, problems };
}

/** The pasted locations kept at most (the oldest are forgotten first). */
export const LIBRARY_LIMIT = 1000;

/** Adds pasted entries to `library` (LocationArn -> entry): the last one for an ARN wins, and at most LIBRARY_LIMIT are kept. */
export function remember(library, entries) {
  for (const entry of entries) {
    library.delete(entry.LocationArn); // re-inserted as the newest
    library.set(entry.LocationArn, entry);
  }
  for (const arn of library.keys()) {
    if (library.size <= LIBRARY_LIMIT) break;
    library.delete(arn);
  }
}

const CHOICES = { type: LOCATION_TYPES, storageClass: S3_STORAGE_CLASSES, nfsVersion: NFS_VERSIONS, agents: AGENT_CHOICES };

/**
 * An end as saved by an earlier visit (or another version of this page on the
 * same origin), keeping only what this version can offer: a type, storage
 * class, NFS version or agent choice it does not list is left unknown, so a
 * stored value never reaches the validator unchecked.
 */
export function restoredEnd(saved) {
  const end = emptyEnd();
  if (typeof saved === 'string') saved = { type: saved }; // an older version saved { source: 'S3' }
  if (saved === null || typeof saved !== 'object') return end;
  for (const key of Object.keys(end)) {
    const value = saved[key];
    if (typeof value !== 'string') continue;
    if (!CHOICES[key] || CHOICES[key].some(([choice]) => choice === value)) end[key] = value;
  }
  return end;
}

/** The end's details as a pasted entry gives them. */
export function endFromEntry(entry) {
  const end = emptyEnd();
  end.type = entry.type ?? typeOfUri(entry.LocationUri ?? '');
  end.uri = entry.LocationUri ?? '';
  end.pasted = entry.LocationArn;
  end.arn = entry.LocationArn;
  end.storageClass = entry.S3StorageClass ?? '';
  end.nfsVersion = entry.MountOptions?.Version ?? '';
  if (Array.isArray(entry.AgentArns)) end.agents = entry.AgentArns.length > 0 ? 'some' : 'none';
  return end;
}

// ---------------------------------------------------------------------------
// The option passed to the validator, and the pair's effect on options.
// ---------------------------------------------------------------------------

/** One end as a location description, or null when its type is not known. */
function description(arn, which, end) {
  if (!end.type) return null;
  const out = { LocationArn: arn, type: end.type };
  const applies = (key) => detailApplies(DETAILS.find((d) => d.key === key), which, end.type);
  if (applies('storageClass') && end.storageClass) out.S3StorageClass = end.storageClass;
  if (applies('nfsVersion') && end.nfsVersion) out.MountOptions = { Version: end.nfsVersion };
  if (applies('agents') && end.agents) out.AgentArns = end.agents === 'some' ? ['agent'] : [];
  return out;
}

/**
 * The ARN of an end ('' when none): the request's for CreateTask; for UpdateTask
 * and StartTaskExecution the task's (their requests have no location ARNs: the
 * ends are the task's, fixed when it was created).
 */
export function arnOf(which) {
  const member = ENDS.find(([end]) => end === which)[1];
  const arn = state.operation === 'CreateTask' ? getAt(state.request, member) : state.task?.[member.slice(1)];
  return typeof arn === 'string' ? arn : '';
}

/**
 * What the Locations step knows of an end for the request as it is: what was
 * given for its ARN (or before any ARN was given), never what was given for
 * another ARN (retyping that ARN brings it back).
 */
export function endOf(which) {
  const end = state.ends[which];
  return end.arn === '' || end.arn === arnOf(which) ? end : emptyEnd();
}

/** The `locations` option for the ARNs the request uses, or undefined when nothing is known. */
export function locationsOption() {
  const locations = [];
  for (const [which] of ENDS) {
    const arn = arnOf(which);
    if (arn === '' || locations.some((l) => l.LocationArn === arn)) continue;
    const entry = description(arn, which, endOf(which));
    if (entry) locations.push(entry);
  }
  return locations.length > 0 ? { locations } : undefined;
}

/**
 * The types of the two ends as the validator is told them ('' when not known):
 * a type chosen before the ARN is given, or a second type for the ARN of the
 * other end, changes no rule, so it changes no label or note either.
 */
export function pairTypes() {
  const locations = locationsOption()?.locations ?? [];
  const typeOf = (which) => locations.find((l) => l.LocationArn === arnOf(which))?.type ?? '';
  return { source: typeOf('source'), destination: typeOf('destination') };
}

/**
 * Whether a scope ({ side, types } from fields()' appliesTo or locationDefault)
 * holds for the pair: true, false, or null while the ends known do not decide it.
 */
export function scopeHolds(scope, pair = pairTypes()) {
  const ends = [pair.source, pair.destination];
  const known = ends.filter(Boolean).map((type) => scope.types.includes(type));
  if (scope.side === 'both') {
    if (known.includes(false)) return false;
    return known.length === 2 ? true : null;
  }
  if (known.includes(true)) return true;
  return known.length === 2 ? false : null;
}

/** "Amazon S3 to Microsoft Azure Blob Storage". */
export const pairText = (pair = pairTypes()) => `${typeLabel(pair.source)} to ${typeLabel(pair.destination)}`;
