// Severities that follow the evidence (session 38, hunt38e #3): an error only
// where a source says the service rejects the request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from 'datasync-task-validator';
import { DESTINATION, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();

const MANIFEST = {
  Source: {
    S3: {
      ManifestObjectPath: 'manifest.csv',
      BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/DataSyncManifest',
      S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket',
    },
  },
};

test('a manifest with filters is a warning: no source says the service rejects the pair', () => {
  const report = validate({
    SourceLocationArn: SOURCE,
    DestinationLocationArn: DESTINATION,
    ManifestConfig: MANIFEST,
    Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '*.tmp' }],
  });
  assert.equal(report.valid, true);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    report.warnings.map((d) => [d.code, d.severity, d.path]),
    [['manifest/with-filters', 'warning', '/Excludes']],
  );
  // The message no longer says the pair "cannot be used".
  assert.doesNotMatch(report.warnings[0].message, /cannot/);
});
