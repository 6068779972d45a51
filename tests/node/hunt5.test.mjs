// A hostile-input hunt on issue 16's fast paths, from JavaScript (session
// 24's hunt5): every member with a pattern given strings with a hostile
// character in every position, lone surrogates included (which only a
// JavaScript string holds), must get the report validate() gives the
// object's JSON text; and the pattern's verdict is the model's regex under
// Java's semantics (tests/hunt_patterns.rs is the Rust side). Then the
// invalid request's record at its limits and the stored options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, SOURCE, TASK, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');

const LOCATIONS = {
  locations: [
    { LocationArn: SOURCE, type: 'S3' },
    { LocationArn: DESTINATION, type: 'NFS', MountOptions: { Version: 'NFS4_2' }, AgentArns: [] },
  ],
};
const PART = '(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b)';
const WS = ' \\t\\n\\x0B\\x0C\\r';
const DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
// The model's regexes with Java's semantics, for JavaScript strings with no lone surrogate.
const REGEX = {
  location: new RegExp(`^arn:${PART}:datasync:[a-z\\-0-9]+:[0-9]{12}:location/loc-[0-9a-z]{17}$`, 'u'),
  task: new RegExp(`^arn:${PART}:datasync:[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}$`, 'u'),
  logGroup: new RegExp(`^arn:${PART}:logs:[a-z\\-0-9]+:[0-9]{12}:log-group:([^:*]*)(:\\*)?$`, 'u'),
  tagKey: new RegExp(`^[a-zA-Z0-9${WS}+=._:/\\-]+$`, 'u'),
  tagValue: new RegExp(`^[a-zA-Z0-9${WS}+=._:@/\\-]+$`, 'u'),
  filterType: /^[A-Z0-9_]+$/u,
  filterValue: /^[^\0]+$/u,
  schedule: new RegExp(`^[a-zA-Z0-9 _*?,|\\^\\-/#${WS}()+]*$`, 'u'),
  s3Path: /^[a-zA-Z0-9_\-+./()\p{Zs}]*$/u,
  role: new RegExp(`^arn:${PART}:iam::[0-9]{12}:role/${DOT}*$`, 'u'),
  bucket: new RegExp(
    `^arn:${PART}:s3:[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$` +
      `|^arn:${PART}:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$` +
      `|^arn:${PART}:s3:::[a-zA-Z0-9.\\-_]{1,255}$`,
    'u',
  ),
  versionId: new RegExp(`^${DOT}+$`, 'u'),
};

const reportConfig = (s3) => ({
  TaskReportConfig: {
    Destination: { S3: { Subdirectory: 'reports/', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/DataSyncS3Access', ...s3 } },
    OutputType: 'STANDARD',
    ReportLevel: 'ERRORS_ONLY',
  },
});
const manifest = (s3) => ({
  TaskMode: 'ENHANCED',
  ManifestConfig: {
    Action: 'TRANSFER',
    Format: 'CSV',
    Source: { S3: { ManifestObjectPath: 'manifests/july.csv', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/DataSyncS3Access', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket', ManifestObjectVersionId: 'v1', ...s3 } },
  },
});
const create = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });

// [path, regex, valid example, the request with value v, operation]
const MEMBERS = [
  ['/SourceLocationArn', 'location', SOURCE, (v) => ({ SourceLocationArn: v, DestinationLocationArn: DESTINATION })],
  ['/DestinationLocationArn', 'location', 'arn:aws-iso-b:datasync:a:123456789012:location/loc-00000000000000000', (v) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: v })],
  ['/TaskArn', 'task', TASK, (v) => ({ TaskArn: v }), 'StartTaskExecution'],
  ['/TaskArn', 'task', TASK, (v) => ({ TaskArn: v, Name: 'n' }), 'UpdateTask'],
  ['/CloudWatchLogGroupArn', 'logGroup', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*', (v) => create({ CloudWatchLogGroupArn: v })],
  ['/Name', 'tagValue', 'nightly-nfs@s3', (v) => create({ Name: v })],
  ['/Tags/0/Key', 'tagKey', 'cost-center', (v) => create({ Tags: [{ Key: v, Value: 'v' }] })],
  ['/Tags/1/Value', 'tagValue', 'ops@example.com', (v) => create({ Tags: [{ Key: 'a', Value: 'b' }, { Key: 'k', Value: v }] })],
  ['/Excludes/0/FilterType', 'filterType', 'SIMPLE_PATTERN', (v) => create({ Excludes: [{ FilterType: v, Value: '*.tmp' }] })],
  ['/Includes/0/Value', 'filterValue', '/projects|/home/reports*', (v) => create({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: v }] })],
  ['/Schedule/ScheduleExpression', 'schedule', 'cron(0 2 ? * MON-FRI *)', (v) => create({ Schedule: { ScheduleExpression: v } })],
  ['/TaskReportConfig/Destination/S3/Subdirectory', 's3Path', 'reports/ (a)\u00a0', (v) => create(reportConfig({ Subdirectory: v }))],
  ['/TaskReportConfig/Destination/S3/S3BucketArn', 'bucket', 'arn:aws:s3::123456789012:accesspoint/my.ap', (v) => create(reportConfig({ S3BucketArn: v }))],
  ['/TaskReportConfig/Destination/S3/BucketAccessRoleArn', 'role', 'arn:aws:iam::111122223333:role/x', (v) => create(reportConfig({ BucketAccessRoleArn: v }))],
  ['/ManifestConfig/Source/S3/ManifestObjectPath', 's3Path', 'manifests/july.csv', (v) => create(manifest({ ManifestObjectPath: v }))],
  ['/ManifestConfig/Source/S3/ManifestObjectVersionId', 'versionId', '3HL4kqtJlcpXroDTDmJ+rm', (v) => create(manifest({ ManifestObjectVersionId: v }))],
  ['/ManifestConfig/Source/S3/S3BucketArn', 'bucket', 'arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1:accesspoint:ap', (v) => create(manifest({ S3BucketArn: v }))],
];

const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];
const HOSTILE = [
  '\0', '\t', '\n', '\x0b', '\f', '\r', '\x1f', ' ', '"', '\\', '\x7f', '\x80', '\x85', '\xa0', '\xff', '\u0100', '\u07ff', '\u0800',
  '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\uffff', '\u{10000}', '😀',
  '\u{10ffff}', 'A', 'z', 'g', '0', ':', '*', '/', '@', '-', '.', '_', '+', '(', '#', 'K', ...LONE,
];

/** `valid`, its prefixes, each UTF-16 unit replaced by and preceded by each hostile string, line terminators at the end. */
function around(valid) {
  const out = [];
  for (let at = 0; at <= valid.length; at++) {
    out.push(valid.slice(0, at));
    for (const c of HOSTILE) {
      out.push(valid.slice(0, at) + c + valid.slice(at));
      if (at < valid.length) out.push(valid.slice(0, at) + c + valid.slice(at + 1));
    }
  }
  for (const end of ['\n', '\r\n', '\r', '\x85', '\u2028', '\u2029', ' \n']) out.push(valid + end, end + valid);
  return out;
}

const hasLone = (s) => !s.isWellFormed();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

test('every member with a pattern: hostile characters in every position, judged alike as an object and as text, as the Java regex', () => {
  let checked = 0;
  for (const [path, name, valid, make, operation] of MEMBERS) {
    const regex = REGEX[name];
    assert.ok(regex.test(valid), `${valid} is valid`);
    for (const value of around(valid)) {
      const object = make(value);
      for (const context of [undefined, LOCATIONS]) {
        const options = operation ? { ...context, operation } : context;
        const fromObject = validate(object, options);
        const fromText = validate(JSON.stringify(object), options);
        if (!same(fromObject, fromText)) {
          assert.fail(`${path} ${JSON.stringify(value)} ${operation ?? ''}: object ${JSON.stringify(fromObject)} text ${JSON.stringify(fromText)}`);
        }
        if (hasLone(value)) continue;
        const mismatch = fromText.errors.some((d) => d.path === path && d.code === 'value/pattern-mismatch');
        if (regex.test(value)) assert.ok(!mismatch, `a false pattern mismatch at ${path} on ${JSON.stringify(value)}`);
        else assert.ok(fromText.errors.some((d) => d.path === path), `no error at ${path} on ${JSON.stringify(value)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 20_000, `${checked}`);
});

// ----- The stored options (storedAre, walkOptions): the options are read as
// JSON.stringify reads them (own enumerable members), so a call's report
// must never depend on the options of the call before it.

const NFS_4_2 = { LocationArn: DESTINATION, type: 'NFS', MountOptions: { Version: 'NFS4_2' } };
const PLAIN_NFS = () => ({ locations: [{ ...NFS_4_2, MountOptions: { ...NFS_4_2.MountOptions } }] });
const BARE = create({});

/** The report (or the error thrown) for `make()`'s options, made afresh for each call. */
const outcome = (make) => {
  try {
    return JSON.stringify(validate(BARE, make()));
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};

/** `make()`'s options get the same outcome after a call with other options stored as after a call with plain options equal to their print. */
function independentOfTheCallBefore(make) {
  validate(BARE, { operation: 'CreateTask' });
  const afterOthers = outcome(make);
  assert.equal(outcome(() => JSON.parse(JSON.stringify(make()))), afterOthers, 'as their JSON copy');
  validate(BARE, PLAIN_NFS());
  validate(BARE, PLAIN_NFS());
  assert.equal(outcome(make), afterOthers, 'after plain options that the core reads as their walk');
}

test('precondition: the NFS 4.2 description changes the bare request\'s report', () => {
  assert.notEqual(outcome(PLAIN_NFS), outcome(() => ({})));
});

const STORED_OPTIONS_FINDING = 'the stored options are never used for options whose members JSON.stringify does not see (hunt5 finding on main 96e0331)';

test(`${STORED_OPTIONS_FINDING}: a non-enumerable locations member`, () => {
  independentOfTheCallBefore(() => Object.defineProperty({}, 'locations', { value: [NFS_4_2] }));
});

test(`${STORED_OPTIONS_FINDING}: a description whose members are inherited (a TypeError afresh)`, () => {
  independentOfTheCallBefore(() => ({ locations: [Object.create(NFS_4_2)] }));
});

test(`${STORED_OPTIONS_FINDING}: a description of a class whose members are getters on its prototype`, () => {
  class Description {
    get LocationArn() { return NFS_4_2.LocationArn; }
    get type() { return NFS_4_2.type; }
    get MountOptions() { return NFS_4_2.MountOptions; }
  }
  independentOfTheCallBefore(() => ({ locations: [new Description()] }));
});

test(`${STORED_OPTIONS_FINDING}: a non-enumerable LocationArn`, () => {
  independentOfTheCallBefore(() => ({ locations: [Object.defineProperty({ ...NFS_4_2 }, 'LocationArn', { value: DESTINATION, enumerable: false })] }));
});

test(`${STORED_OPTIONS_FINDING}: a Proxy whose ownKeys hides locations`, () => {
  independentOfTheCallBefore(() => new Proxy(PLAIN_NFS(), { ownKeys: () => [] }));
});

test(`${STORED_OPTIONS_FINDING}: a non-enumerable operation`, () => {
  validate(BARE, { ...PLAIN_NFS(), operation: 'UpdateTask' });
  validate(BARE, { ...PLAIN_NFS(), operation: 'UpdateTask' });
  const hidden = Object.defineProperty(PLAIN_NFS(), 'operation', { value: 'UpdateTask' });
  assert.equal(outcome(() => hidden), outcome(() => JSON.parse(JSON.stringify(hidden))));
});

test('options whose members are read alike however they are spelled: an inherited MountOptions.Version, a task with inherited members', () => {
  independentOfTheCallBefore(() => ({ locations: [{ ...NFS_4_2, MountOptions: Object.create({ Version: 'NFS4_2' }) }] }));
  independentOfTheCallBefore(() => ({ locations: [{ ...NFS_4_2 }], task: Object.create({ TaskMode: 'ENHANCED' }) }));
});

test(`${STORED_OPTIONS_FINDING}: a member inherited from a polluted Object.prototype, in the options given or in their JSON copy (review finding)`, (t) => {
  const bare = { locations: [{ LocationArn: DESTINATION, type: 'NFS' }] };
  const explicit = PLAIN_NFS;
  const freshly = (make) => {
    validate(BARE, { operation: 'CreateTask' }); // other options stored: these are read afresh
    return outcome(make);
  };
  const expectedBare = freshly(() => bare);
  const expectedExplicit = freshly(explicit);
  assert.notEqual(expectedBare, expectedExplicit, 'precondition: the version is what tells them apart');
  Object.prototype.MountOptions = { Version: 'NFS4_2' };
  t.after(() => delete Object.prototype.MountOptions);
  // Stored without MountOptions (which JSON.stringify leaves out), then a call
  // with an explicit NFS 4.2: judged with it, not as the stored ones.
  validate(BARE, bare);
  validate(BARE, bare);
  assert.equal(outcome(explicit), expectedExplicit);
  // And the reverse: stored with it, then a call without it.
  validate(BARE, explicit());
  validate(BARE, explicit());
  assert.equal(outcome(() => bare), expectedBare);
});
