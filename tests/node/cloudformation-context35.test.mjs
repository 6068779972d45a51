// CloudFormation location resources in their context (session 35, hunt35 findings 3, 5, 11):
// - An AWS::DataSync::LocationS3 whose bucket ARN CloudFormation resolves at deploy
//   time is an S3 bucket with its storage class: CloudFormation's schema for the
//   resource (cfn-lint 1.58.0's copy) takes S3BucketArn `^arn:<partition>:s3:…` and an
//   S3StorageClass without OUTPOSTS, so it is not a bucket on Outposts. The Terraform
//   reader describes an unknown bucket ARN the same way (S3, or S3_OUTPOSTS for the
//   storage class OUTPOSTS).
// - One location resource referenced at both ends (Ref X, Fn::GetAtt X.LocationArn)
//   is one location: Ref of an AWS::DataSync::Location* gives its LocationArn.
// - Fn::GetAtt X.LocationUri given as a location ARN is refused by CreateTask: the
//   attribute's pattern is `^(<scheme>)://…`, the ARN's `^arn:…`. (cfn-lint 1.58.0 is
//   silent on such a template.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage } from './helpers.mjs';
import { byId, findings, reportOf, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();

const ROLE = 'arn:aws:iam::111122223333:role/r';
const s3 = (name, properties) => `  ${name}:
    Type: AWS::DataSync::LocationS3
    Properties: {${properties}, S3Config: {BucketAccessRoleArn: '${ROLE}'}}
`;

test('an S3 location whose bucket ARN is a parameter is object storage with its storage class: POSIX and archive rules apply', () => {
  const text = template({
    transform: false,
    parameters: '  SourceBucketArn: {Type: String}\n  DestBucketArn: {Type: String}\n',
    resources: `${s3('Src', 'S3BucketArn: !Ref SourceBucketArn')}${s3('Dst', 'S3BucketArn: !Ref DestBucketArn, S3StorageClass: DEEP_ARCHIVE')}${task('Task', 'Options: {PosixPermissions: PRESERVE}', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  const { status, file } = reportOf(text);
  // Before: 0 errors (the two locations were not described at all).
  assert.deepEqual(findings(file.tasks[0]), ['/Options/PosixPermissions locations/posix-between-object-stores', '/Options/VerifyMode locations/archive-default-verify-mode']);
  assert.equal(status, 1);
  assert.match(file.tasks[0].diagnostics[1].message, /DEEP_ARCHIVE/);
});

test('a bucket ARN from a parameter is never taken for S3 on Outposts, nor S3 on Outposts for a bucket: Enhanced mode stays silent', () => {
  const text = (storageClass) => template({
    transform: false,
    parameters: '  BucketArn: {Type: String}\n',
    resources: `${s3('Src', `S3BucketArn: !Ref BucketArn${storageClass}`)}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b'")}${task('Task', 'TaskMode: ENHANCED', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  assert.deepEqual(findings(reportOf(text('')).file.tasks[0]), []);
  // The storage class OUTPOSTS is S3 on Outposts's own (CloudFormation's schema refuses it; the Terraform reader reads it so too).
  assert.deepEqual(findings(reportOf(text(', S3StorageClass: OUTPOSTS')).file.tasks[0]), ['/TaskMode locations/enhanced-unsupported-pair']);
});

test('one location resource at both ends is the same location, whether by Ref or Fn::GetAtt LocationArn', () => {
  const resources = (source, destination) =>
    template({ transform: false, resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${s3('Other', "S3BucketArn: 'arn:aws:s3:::b'")}${task('Task', '', { source, destination })}` });
  for (const [source, destination] of [['!Ref Src', '!Ref Src'], ['!Ref Src', '!GetAtt Src.LocationArn'], ['!GetAtt Src.LocationArn', '!GetAtt Src.LocationArn']]) {
    const { status, file } = reportOf(resources(source, destination));
    // Before: 0 warnings (each reference had a stand-in ARN of its own).
    assert.deepEqual(findings(file.tasks[0]), ['/DestinationLocationArn locations/same-location'], `${source} / ${destination}`);
    assert.equal(status, 0);
    const [same] = file.tasks[0].diagnostics;
    assert.deepEqual(same.params.locationResources, { '/SourceLocationArn': 'Src', '/DestinationLocationArn': 'Src' });
    assert.match(same.message, /\(In this template, SourceLocationArn is Src, an AWS::DataSync::LocationS3, and DestinationLocationArn is Src, an AWS::DataSync::LocationS3\.\)$/);
  }
  // Two resources are two locations, even alike.
  assert.deepEqual(findings(reportOf(resources('!Ref Src', '!Ref Other')).file.tasks[0]), []);
});

test('one location resource chosen at both ends by Fn::If is the same location only when the conditions choose it twice', () => {
  const text = template({
    transform: false,
    parameters: '  Mode: {Type: String}\n',
    conditions: '  IsA: !Equals [!Ref Mode, a]\n',
    resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${s3('Other', "S3BucketArn: 'arn:aws:s3:::b'")}${task('Task', '', { source: '!Ref Src', destination: '!If [IsA, !Ref Src, !Ref Other]' })}`,
  });
  const { file } = reportOf(text);
  assert.deepEqual(findings(file.tasks[0]), ['/DestinationLocationArn locations/same-location']);
  assert.deepEqual(file.tasks[0].diagnostics[0].params.conditions, { IsA: true });
});

test('Fn::GetAtt X.LocationUri as a location ARN is refused: a location URI never has the form of an ARN', () => {
  const text = template({
    transform: false,
    resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b'")}${task('Task', '', { source: '!GetAtt Src.LocationUri', destination: '!Ref Dst' })}`,
  });
  const { status, file } = reportOf(text);
  // Before: 0 errors, a note "Not checked: … resolves at deploy time".
  assert.deepEqual(findings(file.tasks[0]), ['/SourceLocationArn value/pattern-mismatch']);
  assert.equal(status, 1);
  const [error] = file.tasks[0].diagnostics;
  assert.equal(error.severity, 'error');
  assert.match(error.message, /^SourceLocationArn is Fn::GetAtt Src\.LocationUri, the location URI of Src \(AWS::DataSync::LocationS3, scheme:\/\/…\), which is never in the expected form; it must look like arn:aws:datasync:<region>:/);
  assert.match(error.message, /Use Ref Src or Fn::GetAtt Src\.LocationArn\.$/);
  assert.equal(error.params.pattern.startsWith('^arn:'), true);
  // The error replaces the "not checked" note of that member.
  assert.deepEqual(file.tasks[0].notes.map((n) => n.path), ['/DestinationLocationArn']);
  // The same attribute of another resource type, or another attribute, is no such error.
  const bucket = text.replace('!GetAtt Src.LocationUri', '!GetAtt Bucket.Arn').replace('Resources:\n', 'Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n');
  assert.deepEqual(findings(reportOf(bucket).file.tasks[0]), []);
});

// hunt35 #6: a location member from a parameter with a Default is checked with the Default, as the
// task's own members are: each finding it brings says so, and a note names the parameter.
const NFS = (version) => `  Nfs:
    Type: AWS::DataSync::LocationNFS
    Properties: {ServerHostname: files.example.com, Subdirectory: /export, MountOptions: {Version: ${version}}, OnPremConfig: {AgentArns: ['arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0']}}
`;

test('a location member from a parameter with a Default is checked with the Default, and says so', () => {
  const text = template({
    transform: false,
    parameters: '  NfsVersion: {Type: String, Default: NFS4_2}\n  StorageClass: {Type: String, Default: DEEP_ARCHIVE}\n',
    resources: `${NFS('!Ref NfsVersion')}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b', S3StorageClass: !Ref StorageClass")}${task('Task', '', { source: '!Ref Nfs', destination: '!Ref Dst' })}`,
  });
  const { status, file } = reportOf(text);
  const [checked] = file.tasks;
  // Before: 0 errors, 0 warnings (a Ref in a location resource was dropped).
  assert.deepEqual(findings(checked), ['/Options/VerifyMode locations/archive-default-verify-mode', '/TaskMode locations/nfs-version-needs-enhanced']);
  assert.equal(status, 1);
  const [archive, nfs] = checked.diagnostics;
  assert.match(archive.message, /\(With the Default of parameter StorageClass \("DEEP_ARCHIVE"\); a stack may pass another value\.\)$/);
  assert.deepEqual(archive.params.parameterDefaults, { StorageClass: 'DEEP_ARCHIVE' });
  assert.deepEqual(nfs.params.parameterDefaults, { NfsVersion: 'NFS4_2' });
  const notes = checked.notes.filter((n) => n.code === 'cloudformation/parameter-default');
  assert.deepEqual(notes.map((n) => [n.path, n.params.parameterDefaults]), [
    ['/DestinationLocationArn', { StorageClass: 'DEEP_ARCHIVE' }],
    ['/SourceLocationArn', { NfsVersion: 'NFS4_2' }],
  ].sort());
  assert.match(notes.find((n) => n.path === '/SourceLocationArn').message, /^Checked with the Default "NFS4_2" of parameter NfsVersion: the MountOptions\.Version of Nfs \(AWS::DataSync::LocationNFS\)/);
  // Without a Default the value is unknown: no finding, no note.
  const bare = reportOf(text.replace(', Default: NFS4_2', '').replace(', Default: DEEP_ARCHIVE', '')).file.tasks[0];
  assert.deepEqual(findings(bare), []);
  assert.deepEqual(bare.notes.filter((n) => n.code === 'cloudformation/parameter-default'), []);
});

test('a location Default that the chosen branch\'s condition contradicts is not used there', () => {
  // Dst is chosen when StorageClass is STANDARD: under the Default DEEP_ARCHIVE that branch is not taken.
  const text = template({
    transform: false,
    parameters: '  StorageClass: {Type: String, Default: DEEP_ARCHIVE}\n',
    conditions: '  IsStandard: !Equals [!Ref StorageClass, STANDARD]\n',
    resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${NFS('NFS3')}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b', S3StorageClass: !Ref StorageClass")}${task('Task', '', { source: '!Ref Nfs', destination: '!If [IsStandard, !Ref Dst, !Ref Src]' })}`,
  });
  assert.deepEqual(findings(reportOf(text).file.tasks[0]), []);
  // With the condition on another parameter, the Default is used in that branch.
  const other = text.replace('IsStandard: !Equals [!Ref StorageClass, STANDARD]', 'IsStandard: !Equals [!Ref AWS::Region, us-east-1]');
  const branch = reportOf(other).file.tasks[0];
  assert.deepEqual(findings(branch), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  assert.deepEqual(branch.diagnostics[0].params.conditions, { IsStandard: true });
});
