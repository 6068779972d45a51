// The form's Locations step (issue 12, section 4): for each end its type and the
// details the location rules read, or pasted ListLocations / DescribeLocation*
// output; every location rule and location-aware default applies live, and the
// options that do nothing for the pair say so and why. The module's pure parts
// (www/locations.js) are tested here in Node against the real core; the page in
// headless Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fields, validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { ENTRY_LIMIT, LIBRARY_LIMIT, LOCATION_TYPES, PASTE_LIMIT, readPasted, remember, scopeHolds, typeOfUri } from '../../www/locations.js';
import { codesAt, control, enter, formTest, jsonOutput, openAllSections, slot, useBrowser } from './form-harness.mjs';

useBrowser();

/** The core's check of one description, as the page uses it. */
function check(entry) {
  try {
    validate('{}', { locations: [entry] });
    return null;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return error.message;
  }
}

const URIS = [
  's3://my-bucket/prefix/',
  's3://arn:aws:s3-outposts:us-east-1:111122223333:outpost/op-01234567890123456/accesspoint/ap/prefix/',
  'efs://us-east-2.fs-abcd1234/', 'nfs://192.168.0.1/export/', 'smb://files.example.com/share/',
  'hdfs://namenode.example.com:8020/data/', 'fsxw://us-west-2.fs-0123456789abcdef0/share/',
  'fsxl://us-west-2.fs-0123456789abcdef0/', 'fsxz://us-west-2.fs-0123456789abcdef0/fsx/',
  'fsxn-nfs://us-west-2.fs-0123456789abcdef0/vol1/', 'fsxn-smb://us-west-2.fs-0123456789abcdef0/share/',
  'object-storage://storage.example.com/bucket/prefix/', 'azure-blob://account.blob.core.windows.net/container/',
];

test('the form reads each ListLocations scheme as the type the core reads it as', () => {
  const seen = new Set();
  for (const uri of URIS) {
    const type = typeOfUri(uri);
    seen.add(type);
    // The core refuses a type that disagrees with the URI, so agreeing is accepted and every other type refused.
    assert.equal(check({ LocationArn: SOURCE, LocationUri: uri, type }), null, `${uri} is ${type} for the core too`);
    for (const [other] of LOCATION_TYPES) {
      if (other !== type) assert.notEqual(check({ LocationArn: SOURCE, LocationUri: uri, type: other }), null, `${uri} is not ${other}`);
    }
  }
  assert.deepEqual([...seen].sort(), LOCATION_TYPES.map(([type]) => type).sort(), 'every type has a scheme');
  // A scheme neither knows gives no type (and so no rule), and text that is no URI gives none either.
  assert.equal(typeOfUri('gcs://bucket/'), '');
  assert.equal(check({ LocationArn: SOURCE, LocationUri: 'gcs://bucket/' }), null);
  assert.equal(typeOfUri('my-bucket/prefix'), '');
});

test('pasted text: ListLocations output, arrays and single DescribeLocation* responses are read; secrets are dropped', () => {
  const list = readPasted(JSON.stringify({ Locations: [{ LocationArn: SOURCE, LocationUri: 'nfs://10.0.0.1/x/' }, { LocationArn: DESTINATION, LocationUri: 's3://b/' }], NextToken: 't' }), check);
  assert.deepEqual(list, { entries: [{ LocationArn: SOURCE, LocationUri: 'nfs://10.0.0.1/x/' }, { LocationArn: DESTINATION, LocationUri: 's3://b/' }], problems: [] });
  const describe = readPasted(JSON.stringify({
    LocationArn: SOURCE, LocationUri: 'object-storage://h/b/', AccessKey: 'AKIAEXAMPLE', SecretKey: 'hunter2', AgentArns: ['arn:a'],
    ServerCertificate: 'x', CreationTime: '2026-01-01T00:00:00Z',
  }), check);
  assert.deepEqual(describe.entries, [{ LocationArn: SOURCE, LocationUri: 'object-storage://h/b/', AgentArns: ['arn:a'] }]);
  const nfs = readPasted(JSON.stringify([{ LocationArn: SOURCE, LocationUri: 'nfs://h/x/', MountOptions: { Version: 'NFS4_2' }, OnPremConfig: { AgentArns: ['a'] } }]), check);
  assert.deepEqual(nfs.entries, [{ LocationArn: SOURCE, LocationUri: 'nfs://h/x/', MountOptions: { Version: 'NFS4_2' } }]);
});

test('pasted text: anything else is refused or reported with the core\'s reason, bounded, and never throws', () => {
  const refused = (text) => readPasted(text, check).refused;
  assert.match(refused(''), /^Paste ListLocations output/);
  assert.match(refused('{ "Locations": [ }'), /^The pasted text is not JSON \(/);
  assert.match(refused('"s3://b/"'), /is not ListLocations output/);
  assert.match(refused('{"Locations":"s3://b/"}'), /is not ListLocations output/);
  assert.match(refused('{"Locations":[]}'), /lists no locations/);
  assert.match(refused('x'.repeat(PASTE_LIMIT + 1)), /^The pasted text is 1,024 KB; at most 1024 KB is read/);
  // Deep nesting: the entry is refused (by the core, which cannot write it as JSON), and nothing throws.
  const deep = readPasted(`${'['.repeat(50_000)}${']'.repeat(50_000)}`, check);
  assert.deepEqual(deep.entries, []);
  assert.equal(deep.problems.length, 1);
  assert.match(deep.problems[0], /^Location 1: validate: options could not be read as JSON/);
  // Bad entries are skipped, each with the core's own words, at most three of them described.
  const bad = readPasted(JSON.stringify([
    { LocationArn: SOURCE, type: 's3' }, { LocationUri: 's3://b/' }, 3, { LocationArn: 'x' }, { LocationArn: 'y', type: 'EFS', LocationUri: 's3://b/' },
    { LocationArn: DESTINATION, type: 'S3' },
  ]), check);
  assert.deepEqual(bad.entries, [{ LocationArn: DESTINATION, type: 'S3' }]);
  assert.deepEqual(bad.problems, [
    'Location 1: validate: options.locations[0].type must be one of S3, S3_OUTPOSTS, EFS, NFS, SMB, HDFS, FSX_WINDOWS, FSX_LUSTRE, FSX_OPENZFS, FSX_ONTAP, OBJECT_STORAGE, AZURE_BLOB.',
    'Location 2: validate: options.locations[0].LocationArn is missing: each description names the location it describes.',
    'Location 3: validate: options.locations[0] must be an object such as { LocationArn, LocationUri }, but it is an integer.',
    '2 more locations were not read for the same kinds of reasons.',
  ]);
  // At most ENTRY_LIMIT entries are read, and the rest are counted.
  const many = readPasted(JSON.stringify(Array.from({ length: ENTRY_LIMIT + 5 }, (_, i) => ({ LocationArn: `a${i}`, type: 'S3' }))), check);
  assert.equal(many.entries.length, ENTRY_LIMIT);
  assert.deepEqual(many.problems, [`Only the first 1,000 of ${(ENTRY_LIMIT + 5).toLocaleString('en')} locations were read.`]);
  // A check that throws something other than a refusal does not escape.
  const thrown = readPasted('[{"LocationArn":"a","type":"S3"}]', () => { throw new RangeError('boom'); });
  assert.deepEqual(thrown, { entries: [], problems: ['Location 1: boom'] });
});

test('pasted locations are remembered by ARN, the last paste winning, and at most LIBRARY_LIMIT of them', () => {
  const library = new Map();
  remember(library, [{ LocationArn: 'a', type: 'S3' }, { LocationArn: 'b', type: 'EFS' }]);
  remember(library, [{ LocationArn: 'a', type: 'NFS' }]);
  assert.deepEqual([...library.values()], [{ LocationArn: 'b', type: 'EFS' }, { LocationArn: 'a', type: 'NFS' }]);
  for (let paste = 0; paste < 3; paste += 1) {
    remember(library, Array.from({ length: ENTRY_LIMIT }, (_, i) => ({ LocationArn: `p${paste}-${i}`, type: 'S3' })));
  }
  assert.equal(library.size, LIBRARY_LIMIT);
  assert.equal(library.has('p2-999'), true, 'the newest are kept');
  assert.equal(library.has('a'), false, 'the oldest are forgotten');
});

test('an option\'s scope holds, fails or is undecided for the ends known so far', () => {
  const scope = (pointer) => fields().find((f) => f.pointer === pointer).appliesTo;
  const posix = scope('/Options/PosixPermissions'); // either end a file system
  const tags = scope('/Options/ObjectTags'); // both ends object storage
  const cases = [
    [posix, 'S3', 'S3', false], [posix, 'NFS', 'S3', true], [posix, 'S3', '', null], [posix, '', 'EFS', true], [posix, '', '', null],
    [tags, 'S3', 'AZURE_BLOB', true], [tags, 'S3', 'NFS', false], [tags, 'EFS', '', false], [tags, '', 'S3', null],
  ];
  for (const [s, source, destination, expected] of cases) {
    assert.equal(scopeHolds(s, { source, destination }), expected, `${s.side} ${source}->${destination}`);
  }
});

// ---------------------------------------------------------------------------
// In the page.
// ---------------------------------------------------------------------------

const typeOf = (page, which) => page.getByLabel(`${which} location type`, { exact: true });

formTest('S3 to S3: the POSIX options are an error if set, marked as not for this pair, and default to NONE', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), [], 'no location known yet: no location rule');
  await typeOf(page, 'Source').selectOption('S3');
  // One end known: it decides for an option both ends must suit (SMB only), not yet for the POSIX ones.
  assert.deepEqual(await page.$$eval('.field.inapplicable [name]', (nodes) => nodes.map((n) => n.name)), ['/Options/SecurityDescriptorCopyFlags']);
  await typeOf(page, 'Destination').selectOption('S3');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), ['locations/posix-between-object-stores']);
  assert.match(await slot(page, '/Options/Uid').textContent(), /Both locations are object storage \(S3 to S3\)/);
  // Marked, with the reason, as part of the control's description; the object options are not marked.
  const marked = await page.$$eval('.field.inapplicable [name]', (nodes) => nodes.map((n) => n.name));
  assert.deepEqual(marked, ['/Options/Uid', '/Options/Gid', '/Options/PosixPermissions', '/Options/SecurityDescriptorCopyFlags']);
  const description = await control(page, '/Options/SecurityDescriptorCopyFlags').evaluate((element) =>
    element.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  assert.match(description.trim(), /^Not for these locations \(Amazon S3 to Amazon S3\): Used only between SMB locations/);
  // The defaults for this pair: the select says so, and the JSON with defaults has them.
  assert.equal(await control(page, '/Options/Gid').evaluate((e) => e.options[0].textContent), "Default for these locations: Don't copy");
  await page.getByLabel('Show with defaults applied').check();
  const withDefaults = await jsonOutput(page);
  assert.equal(withDefaults.Options.Gid, 'NONE');
  assert.equal(withDefaults.Options.PosixPermissions, 'NONE');
  // NONE is accepted; then NFS at one end makes the options apply again.
  await control(page, '/Options/Uid').selectOption('NONE');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), []);
  await typeOf(page, 'Source').selectOption('NFS');
  assert.deepEqual(await page.$$eval('.field.inapplicable [name]', (nodes) => nodes.map((n) => n.name)),
    ['/Options/SecurityDescriptorCopyFlags', '/Options/ObjectTags', '/Options/ObjectMetadata']);
  assert.equal(await control(page, '/Options/Gid').evaluate((e) => e.options[0].textContent), 'Default: Copy the numeric ID');
  // The location step is not part of the request.
  await page.getByLabel('Show with defaults applied').uncheck();
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Uid: 'NONE' } });
});

formTest('each type asks for the details its rules read: storage class, NFS version, agents', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  const visibleDetails = () => page.$$eval('.location-end select[data-detail]', (nodes) =>
    nodes.filter((n) => n.checkVisibility()).map((n) => `${n.dataset.location}.${n.dataset.detail}`));
  assert.deepEqual(await visibleDetails(), ['source.type', 'destination.type']);
  await typeOf(page, 'Source').selectOption('NFS');
  await typeOf(page, 'Destination').selectOption('S3');
  assert.deepEqual(await visibleDetails(), ['source.type', 'source.nfsVersion', 'destination.type', 'destination.storageClass']);
  // An archive storage class: Basic mode's default verification is a warning, POINT_IN_TIME_CONSISTENT an error.
  await page.getByLabel('Destination S3 storage class').selectOption('DEEP_ARCHIVE');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['locations/archive-default-verify-mode']);
  await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['locations/archive-point-in-time']);
  await control(page, '/Options/VerifyMode').selectOption('ONLY_FILES_TRANSFERRED');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), []);
  // NFS 4.2 needs Enhanced mode.
  await page.getByLabel('Source NFS version').selectOption('NFS4_2');
  assert.deepEqual(await codesAt(page, '/TaskMode'), ['locations/nfs-version-needs-enhanced']);
  await control(page, '/TaskMode').selectOption('ENHANCED');
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  // Enhanced mode is documented for object storage with or without an agent,
  // and for every other pair but S3 on Outposts.
  await typeOf(page, 'Source').selectOption('OBJECT_STORAGE');
  assert.deepEqual(await visibleDetails(), ['source.type', 'source.agents', 'destination.type', 'destination.storageClass']);
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  await page.getByLabel('Source agents').selectOption('some');
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  await page.getByLabel('Source agents').selectOption('none');
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  await typeOf(page, 'Source').selectOption('S3_OUTPOSTS');
  assert.deepEqual(await codesAt(page, '/TaskMode'), ['locations/enhanced-unsupported-pair']);
  await typeOf(page, 'Source').selectOption('OBJECT_STORAGE');
});

const LIST_LOCATIONS = JSON.stringify({
  Locations: [
    { LocationArn: SOURCE, LocationUri: 'efs://us-east-2.fs-abcd1234/data/' },
    { LocationArn: DESTINATION, LocationUri: 's3://archive-bucket/data/' },
    { LocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa', LocationUri: 'smb://files.example.com/share/' },
  ],
});
const DESCRIBE_S3 = JSON.stringify({ LocationArn: DESTINATION, LocationUri: 's3://archive-bucket/data/', S3StorageClass: 'GLACIER', S3Config: { BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r' } });

formTest('pasted ListLocations output and a DescribeLocationS3 response describe the ends; the rules follow', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  await control(page, '/Options/PreserveDevices').selectOption('PRESERVE');
  await page.locator('#locations-text').fill(LIST_LOCATIONS);
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.equal(await page.locator('#locations-status').textContent(), 'Read 3 locations. Both ends of this task are described from them.');
  assert.equal(await page.locator('#locations-text').inputValue(), '', 'the box is cleared');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'EFS');
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'S3');
  assert.equal(await page.locator('[data-location-from="destination"]').textContent(), 'From the pasted locations: s3://archive-bucket/data/');
  assert.deepEqual(await codesAt(page, '/Options/PreserveDevices'), ['locations/efs-preserve-devices']);
  // A DescribeLocationS3 response refines the destination (the last entry for an ARN wins).
  await page.locator('#locations-text').fill(DESCRIBE_S3);
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.equal(await page.getByLabel('Destination S3 storage class').inputValue(), 'GLACIER');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['locations/archive-default-verify-mode']);
  // The ARN fields suggest the pasted locations (the latest paste last); choosing one describes that end.
  assert.deepEqual(await page.$$eval('#known-locations option', (nodes) => nodes.map((n) => n.label)),
    ['efs://us-east-2.fs-abcd1234/data/', 'smb://files.example.com/share/', 's3://archive-bucket/data/']);
  assert.equal(await control(page, '/SourceLocationArn').getAttribute('list'), 'known-locations');
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'SMB');
  assert.deepEqual(await codesAt(page, '/Options/PreserveDevices'), []);
  // An ARN the paste does not have does not keep what was pasted for the previous one.
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-0bbbbbbbbbbbbbbbb');
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.equal(await page.locator('[data-location-from="source"]').isHidden(), true);
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa');
  // All of it is kept for the next visit, without anything the rules do not read.
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'SMB');
  assert.equal(await page.getByLabel('Destination S3 storage class').inputValue(), 'GLACIER');
  assert.equal(await page.locator('#known-locations option').count(), 3);
  const saved = await page.evaluate(() => localStorage.getItem('datasync-task-validator/form/location-types'));
  assert.doesNotMatch(saved, /BucketAccessRoleArn/);
});

const DESCRIBE_OPENZFS = {
  LocationArn: SOURCE, LocationUri: 'fsxz://us-east-1.fs-0123456789abcdef0/fsx/vol1/',
  Protocol: { NFS: { MountOptions: { Version: 'NFS4_2' } } }, SecurityGroupArns: ['arn:aws:ec2:us-east-1:111122223333:security-group/sg-1'],
};

test('a DescribeLocationFsxOpenZfs or FsxOntap response keeps its NFS version, which the core reads (hunt37f #7)', () => {
  const read = readPasted(JSON.stringify([DESCRIBE_OPENZFS]), check);
  assert.deepEqual(read.entries, [{ LocationArn: SOURCE, LocationUri: DESCRIBE_OPENZFS.LocationUri, MountOptions: { Version: 'NFS4_2' } }]);
  // What the form keeps draws the same verdict as the response itself.
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  const codes = (locations) => validate(request, { locations }).errors.map((d) => d.code);
  assert.deepEqual(codes(read.entries), ['locations/nfs-version-needs-enhanced']);
  assert.deepEqual(codes(read.entries), codes([DESCRIBE_OPENZFS]));
});

formTest('a pasted FSx for OpenZFS description with NFS 4.2 needs Enhanced mode in the form as in validate(), and the version can be chosen by hand (hunt37f #7)', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  await page.locator('#locations-text').fill(JSON.stringify([DESCRIBE_OPENZFS, { LocationArn: DESTINATION, LocationUri: 's3://b/p/' }]));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.equal(await typeOf(page, 'Source').inputValue(), 'FSX_OPENZFS');
  assert.equal(await page.getByLabel('Source NFS version').inputValue(), 'NFS4_2');
  assert.deepEqual(await codesAt(page, '/TaskMode'), ['locations/nfs-version-needs-enhanced']);
  await typeOf(page, 'Source').selectOption('FSX_ONTAP');
  await page.getByLabel('Source NFS version').selectOption('NFS4_1');
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  await page.getByLabel('Source NFS version').selectOption('NFS4_2');
  assert.deepEqual(await codesAt(page, '/TaskMode'), ['locations/nfs-version-needs-enhanced']);
});

/** Saved state as another version of the page (one with a location kind this one lacks) may leave it. */
const FOREIGN_STATE = {
  source: { type: 'NEW_KIND', storageClass: 'NOT_A_CLASS', nfsVersion: 'NFS9', agents: 'many', uri: 'newkind://x/', pasted: '' },
  destination: 'ALSO_NEW',
  library: [
    { LocationArn: DESTINATION, LocationUri: 'newkind://y/', type: 'NEW_KIND' },
    { LocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa', LocationUri: 'nfs://h/x/', AccessKey: 'secret' },
  ],
};

formTest('saved location state this version cannot offer is dropped, so the page loads and validates (hunt37f #18)', async (page) => {
  assert.equal(await typeOf(page, 'Source').inputValue(), '', 'an unknown saved type is not kept');
  assert.equal(await typeOf(page, 'Destination').inputValue(), '');
  await enter(page, '/DestinationLocationArn', DESTINATION); // the remembered entry with an unknown type is gone
  assert.equal(await typeOf(page, 'Destination').inputValue(), '');
  await enter(page, '/Name', 'abc!');
  assert.deepEqual(await codesAt(page, '/Name'), ['value/pattern-mismatch'], 'validation still runs');
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'NFS', 'a well-formed remembered location is kept');
  const saved = await page.evaluate(() => localStorage.getItem('datasync-task-validator/form/location-types'));
  assert.doesNotMatch(saved, /secret|NEW_KIND/);
}, {
  setup: (page, context) => context.addInitScript((state) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('datasync-task-validator/form/location-types', state);
    localStorage.setItem('datasync-task-validator/form/request', JSON.stringify({ SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0cccccccccccccccc' }));
  }, JSON.stringify(FOREIGN_STATE)),
});

formTest('pasted text that is not location output is refused with a reason, and changes nothing', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await typeOf(page, 'Source').selectOption('NFS');
  for (const [text, reason] of [
    ['{"Locations": [', /^Not read: The pasted text is not JSON \(/],
    ['{"LocationUri": "s3://b/"}', /^Not read: The pasted JSON is not ListLocations output/],
    ['[]', /^Not read: The pasted JSON lists no locations\.$/],
  ]) {
    await page.locator('#locations-text').fill(text);
    await page.getByRole('button', { name: 'Use these locations' }).click();
    assert.match(await page.locator('#locations-status').textContent(), reason);
    assert.equal(await page.locator('#locations-status').getAttribute('class'), 'import-status error');
    assert.equal(await page.locator('#locations-text').inputValue(), text, 'the text stays to be corrected');
  }
  await page.locator('#locations-text').fill(JSON.stringify([{ LocationArn: SOURCE, type: 'Amazon S3' }, { LocationArn: DESTINATION, LocationUri: 's3://b/' }]));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.equal(await page.locator('#locations-status').textContent(),
    'Read 1 location. Neither ARN of this task is among them yet: the ARN fields suggest them as you type. Location 1: type must be one of S3, S3_OUTPOSTS, EFS, NFS, SMB, HDFS, FSX_WINDOWS, FSX_LUSTRE, FSX_OPENZFS, FSX_ONTAP, OBJECT_STORAGE, AZURE_BLOB.');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'NFS', 'the refused entry did not change the source');
  await openAllSections(page);
});
