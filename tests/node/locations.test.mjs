// validate(request, { locations }) and applyDefaults(request, { locations })
// through the published package: what a portal passes (ListLocations output),
// every input path, and the TypeError for malformed options.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, FIXTURE_TIME, SOURCE, repoRoot, requireBuiltPackage, withClock } from './helpers.mjs';

requireBuiltPackage();
const { validate, applyDefaults, fields } = await import('datasync-task-validator');

/** ListLocations output for an S3-to-S3 task, as the SDK returns it. */
const S3_TO_S3 = [
  { LocationArn: SOURCE, LocationUri: 's3://reports-source/2026/' },
  { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/' },
];
const OTHER = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0a1b2c3d4e5f60718';

/** The request the service rejected, recorded: an S3-to-S3 task with the documented defaults spelled out. */
function spelledOut() {
  return {
    SourceLocationArn: SOURCE,
    DestinationLocationArn: DESTINATION,
    Options: { Uid: 'INT_VALUE', Gid: 'INT_VALUE', PosixPermissions: 'PRESERVE' },
  };
}

const codesOf = (result) => [...result.errors, ...result.warnings].map((d) => `${d.path} ${d.code}`);

const POSIX = [
  '/Options/Gid locations/posix-between-object-stores',
  '/Options/PosixPermissions locations/posix-between-object-stores',
  '/Options/Uid locations/posix-between-object-stores',
];

test("a portal's ListLocations output makes the location rules apply", () => {
  assert.deepEqual(codesOf(validate(spelledOut())), []);
  const result = validate(spelledOut(), { locations: S3_TO_S3 });
  assert.equal(result.valid, false);
  assert.deepEqual(codesOf(result), POSIX);
  assert.deepEqual(result.errors[0].params, {
    source: 'S3', destination: 'S3', related: ['/SourceLocationArn', '/DestinationLocationArn'],
  });
});

test('every input path reads the options', () => {
  const options = { locations: S3_TO_S3 };
  const text = JSON.stringify(spelledOut());
  // Object, JSON text, text with a lone surrogate (the glue's own path), and
  // text too long for the input buffer in wasm memory (a copy).
  assert.deepEqual(codesOf(validate(spelledOut(), options)), POSIX);
  assert.deepEqual(codesOf(validate(text, options)), POSIX);
  const lone = text.replace('"Options"', '"Name":"x\uD800","Options"');
  assert.deepEqual(codesOf(validate(lone, options)).filter((c) => c.includes('locations/')), POSIX);
  const long = JSON.stringify({ ...spelledOut(), Name: 'n'.repeat(1_500_000) });
  assert.deepEqual(codesOf(validate(long, options)).filter((c) => c.includes('locations/')), POSIX);
});

test('without a description of its locations, a request reports as before', () => {
  const others = { locations: [{ LocationArn: OTHER, LocationUri: 's3://unrelated/', S3StorageClass: 'GLACIER' }] };
  const onlySource = { locations: [S3_TO_S3[0]] };
  for (const kind of ['valid', 'invalid']) {
    const folder = join(repoRoot, 'tests', 'fixtures', kind);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      // One time for every call: a never-fires warning quotes it to the second.
      withClock(FIXTURE_TIME, () => {
        const plain = validate(text);
        for (const options of [undefined, null, {}, { locations: [] }, others]) {
          assert.deepEqual(validate(text, options), plain, `${kind}/${name} with ${JSON.stringify(options)}`);
        }
      });
    }
  }
  assert.deepEqual(validate(spelledOut(), onlySource), validate(spelledOut()));
});

test('malformed options are a TypeError that names the member, and leave nothing behind', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const cases = [
    [5, /^validate: options must be an object such as \{ locations, operation, task \}\.$/],
    ['locations', /^validate: options must be an object/],
    [() => {}, /^validate: options must be an object/],
    [[], /^validate: options must be an object such as \{ locations, operation, task \}, but it is an array\.$/],
    [{ locations: {} }, /options\.locations must be an array/],
    [{ locations: [null] }, /options\.locations\[0\] must be an object/],
    [{ locations: [{ LocationUri: 's3://b/' }] }, /options\.locations\[0\]\.LocationArn is missing/],
    // The SDK types every output member as optional (`LocationArn?: string | undefined`), and so does
    // index.d.ts; an entry without one still names no location and is refused, not skipped.
    [{ locations: [{ LocationArn: undefined, LocationUri: 's3://b/' }] }, /options\.locations\[0\]\.LocationArn is missing/],
    [{ locations: [{ LocationArn: SOURCE }] }, /needs a LocationUri \(as ListLocations returns it\) or a type/],
    [{ locations: [{ LocationArn: SOURCE, type: 'GCS' }] }, /options\.locations\[0\]\.type must be one of S3, S3_OUTPOSTS/],
    [{ locations: [{ LocationArn: SOURCE, LocationUri: 'bucket/prefix' }] }, /LocationUri is not a location URI/],
    [{ locations: [{ LocationArn: SOURCE, type: 'NFS', MountOptions: { Version: 4.2 } }] }, /MountOptions\.Version must be a string/],
    [{ locations: [{ LocationArn: SOURCE, type: 'S3', n: 1n }] }, /options could not be read as JSON \(.*BigInt/],
    [{ locations: cyclic }, /options could not be read as JSON \(.*circular/],
    [{ get locations() { throw new Error('no access'); } }, /options could not be read as JSON \(no access\)/],
  ];
  const requests = [spelledOut(), JSON.stringify(spelledOut()), 'x\uD800', { n: 1n }, 42, undefined];
  for (const [options, message] of cases) {
    for (const request of requests) {
      assert.throws(() => validate(request, options), (error) => error instanceof TypeError && message.test(error.message),
        `validate(${String(request)}, ${String(options)})`);
    }
    assert.throws(() => applyDefaults({}, options),
      (error) => error instanceof TypeError && message.test(error.message.replace(/^applyDefaults:/, 'validate:')));
    // Nothing is left behind: the next call, on the fast path too, is as if none had failed.
    assert.deepEqual(codesOf(validate(spelledOut(), { locations: S3_TO_S3 })), POSIX);
    assert.deepEqual(codesOf(validate(JSON.stringify(spelledOut()))), []);
  }
});

test('options are read once per call, and a validate() inside them does not disturb the outer one', () => {
  let reads = 0;
  let inner;
  const options = {
    get locations() {
      reads += 1;
      inner = validate(JSON.stringify({ SourceLocationArn: SOURCE }));
      return S3_TO_S3;
    },
  };
  const outer = validate(JSON.stringify(spelledOut()), options);
  assert.equal(reads, 1);
  assert.deepEqual(codesOf(outer), POSIX);
  assert.deepEqual(codesOf(inner), ['/DestinationLocationArn request/missing-member']);
});

test('applyDefaults fills what the service uses between two object stores', () => {
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Gid: 'INT_VALUE' } };
  const azure = [S3_TO_S3[0], { LocationArn: DESTINATION, LocationUri: 'azure-blob://acct.blob.core.windows.net/c/' }];
  const filled = applyDefaults(request, { locations: azure });
  assert.equal(filled.Options.Uid, 'NONE');
  assert.equal(filled.Options.PosixPermissions, 'NONE');
  assert.equal(filled.Options.Gid, 'INT_VALUE', 'what is set is kept (validate reports it)');
  const nfs = [{ LocationArn: SOURCE, type: 'NFS' }, S3_TO_S3[1]];
  assert.equal(applyDefaults(request, { locations: nfs }).Options.Uid, 'INT_VALUE');
  assert.deepEqual(applyDefaults(request, {}), applyDefaults(request));
  // The defaults pass validation for the same pair (Gid aside, which the request set).
  const fixed = applyDefaults({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION }, { locations: S3_TO_S3 });
  assert.deepEqual(codesOf(validate(fixed, { locations: S3_TO_S3 })), []);
});

test('a DescribeLocation* response before or after the ListLocations page refines its entry', () => {
  const minimal = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  const described = { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/', S3StorageClass: 'GLACIER', CreationTime: '2026-01-01T00:00:00Z' };
  assert.deepEqual(codesOf(validate(minimal, { locations: [...S3_TO_S3, described] })), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  // Before it too: the ListLocations entry says nothing of the storage class, which is kept.
  assert.deepEqual(codesOf(validate(minimal, { locations: [described, ...S3_TO_S3] })), ['/Options/VerifyMode locations/archive-default-verify-mode']);
});

test('fields() says which pairs each option applies to', () => {
  const byPointer = new Map(fields().map((f) => [f.pointer, f]));
  assert.deepEqual(byPointer.get('/Options/SecurityDescriptorCopyFlags').appliesTo.types, ['SMB', 'FSX_WINDOWS', 'FSX_ONTAP']);
  assert.equal(byPointer.get('/Options/ObjectTags').appliesTo.side, 'both');
  assert.equal(byPointer.get('/Options/PosixPermissions').appliesTo.side, 'either');
  assert.deepEqual(byPointer.get('/Options/Uid').locationDefault, {
    side: 'both', types: ['S3', 'S3_OUTPOSTS', 'OBJECT_STORAGE', 'AZURE_BLOB'], value: 'NONE',
  });
  assert.equal(byPointer.get('/Options/VerifyMode').appliesTo, undefined);
});

test('options read once are used again only while every value the rules read is unchanged', () => {
  const request = JSON.stringify(spelledOut());
  const options = { locations: [{ ...S3_TO_S3[0] }, { ...S3_TO_S3[1] }] };
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  // The same object, changed in place: each change is seen on the next call.
  options.locations[0].LocationUri = 'nfs://files.example.com/exports/';
  assert.deepEqual(codesOf(validate(request, options)), []);
  options.locations[0].LocationUri = 's3://reports-source/';
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  options.locations[1].type = 'EFS';
  assert.throws(() => validate(request, options), /type is EFS but its LocationUri is that of a S3 location/);
  delete options.locations[1].type;
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  options.locations.pop();
  assert.deepEqual(codesOf(validate(request, options)), []);
  options.locations.push({ LocationArn: DESTINATION, type: 'S3', S3StorageClass: 'GLACIER' });
  assert.deepEqual(codesOf(validate(request, options)),
    ['/Options/Gid locations/posix-between-object-stores', '/Options/PosixPermissions locations/posix-between-object-stores',
      '/Options/Uid locations/posix-between-object-stores', '/Options/VerifyMode locations/archive-default-verify-mode']);
  options.locations[1].S3StorageClass = 'STANDARD';
  assert.deepEqual(codesOf(validate(request, options)), POSIX);

  // Nested members: the NFS version and the agents.
  const nfs = { locations: [{ LocationArn: SOURCE, type: 'NFS', MountOptions: { Version: 'NFS4_1' } }, { ...S3_TO_S3[1] }] };
  const minimal = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  assert.deepEqual(codesOf(validate(minimal, nfs)), []);
  nfs.locations[0].MountOptions.Version = 'NFS4_2';
  assert.deepEqual(codesOf(validate(minimal, nfs)), ['/TaskMode locations/nfs-version-needs-enhanced']);
  const cloud = { locations: [{ LocationArn: SOURCE, type: 'OBJECT_STORAGE', AgentArns: [] }, { ...S3_TO_S3[1] }] };
  const enhanced = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'ENHANCED' });
  assert.deepEqual(codesOf(validate(enhanced, cloud)), []);
  // With an agent too: Enhanced mode is documented for every pair but S3 on Outposts.
  cloud.locations[0].AgentArns.push('arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0');
  assert.deepEqual(codesOf(validate(enhanced, cloud)), []);
  const outposts = { locations: [{ LocationArn: SOURCE, type: 'S3_OUTPOSTS' }, { ...S3_TO_S3[1] }] };
  assert.deepEqual(codesOf(validate(enhanced, outposts)), ['/TaskMode locations/enhanced-unsupported-pair']);
  cloud.locations[0].AgentArns[0] = 7;
  assert.throws(() => validate(enhanced, cloud), /AgentArns\[0\] must be a string/);
});

test('options that cannot be compared member by member are read on every call', () => {
  const request = JSON.stringify(spelledOut());
  // toJSON decides what JSON.stringify (and so the core) reads.
  let uri = 's3://reports-archive/';
  const described = { LocationArn: DESTINATION, LocationUri: 'nfs://ignored/', toJSON: () => ({ LocationArn: DESTINATION, LocationUri: uri }) };
  const options = { locations: [S3_TO_S3[0], described] };
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  uri = 'efs://us-east-1.fs-0123456789abcdef0/';
  assert.deepEqual(codesOf(validate(request, options)), []);
  // Members a later version reads are passed along each time.
  const more = { locations: S3_TO_S3, operation: 'CreateTask' };
  assert.deepEqual(codesOf(validate(request, more)), POSIX);
  more.locations = [];
  assert.deepEqual(codesOf(validate(request, more)), []);
});

test('after a TypeError, the options kept from an earlier call are not used again by mistake', () => {
  const request = JSON.stringify(spelledOut());
  const good = { locations: S3_TO_S3 };
  assert.deepEqual(codesOf(validate(request, good)), POSIX);
  const bad = { locations: [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: SOURCE, type: 'GCS' }] };
  assert.throws(() => validate(request, bad), TypeError);
  assert.throws(() => validate(request, bad), TypeError, 'still malformed on the second call');
  assert.deepEqual(codesOf(validate(request, good)), POSIX);
  assert.deepEqual(codesOf(validate(request, { locations: [] })), []);
  assert.deepEqual(codesOf(validate(request, good)), POSIX);
});

test('options with agents and an NFS version are kept between calls: the second call does not read them again', () => {
  let reads = 0;
  const nfs = { LocationArn: SOURCE, type: 'NFS', MountOptions: { Version: 'NFS4_1' }, AgentArns: ['arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0'] };
  // JSON.stringify reads CreationTime, which the core ignores: the walk that
  // compares kept options reads it once too (to see that JSON writes it as
  // it is: a getter could return a cycle), and a call that keeps them anew once more.
  Object.defineProperty(nfs, 'CreationTime', { enumerable: true, get: () => { reads += 1; return '2026-11-01T08:00:00Z'; } });
  const options = { locations: [nfs, { ...S3_TO_S3[1] }] };
  const minimal = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  const afterFirst = reads;
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  assert.equal(reads, afterFirst + 1, 'kept, read by the walk alone');
  // A change inside is still seen, and the options are kept anew once: read
  // in full, not by the walk, which stops at the changed Version (it reads
  // each member where JSON.stringify does, MountOptions before CreationTime).
  nfs.MountOptions.Version = 'NFS4_2';
  assert.deepEqual(codesOf(validate(minimal, options)), ['/TaskMode locations/nfs-version-needs-enhanced']);
  assert.equal(reads, afterFirst + 2);
  assert.deepEqual(codesOf(validate(minimal, options)), ['/TaskMode locations/nfs-version-needs-enhanced']);
  assert.equal(reads, afterFirst + 3);
});

test('an FSx description with a Protocol is kept between calls too, and a change anywhere the core reads in it is seen', () => {
  let reads = 0;
  const nfs = '/TaskMode locations/nfs-version-needs-enhanced';
  // DescribeLocationFsxOntap over NFS and SMB: the core reads Protocol.NFS.MountOptions.Version.
  // Read once a call (by the walk alone once kept; callgrind shows the saving: the walk costs less than reading the options in full).
  const ontap = {};
  Object.defineProperty(ontap, 'CreationTime', { enumerable: true, get: () => { reads += 1; return '2026-11-01T08:00:00Z'; } });
  Object.assign(ontap, {
    LocationArn: SOURCE,
    LocationUri: 'fsxn-nfs://us-east-1.fs-0123456789abcdef0/vol1/',
    Protocol: { NFS: { MountOptions: { Version: 'NFS4_1' } }, SMB: { MountOptions: { Version: 'SMB3' }, User: 'admin' } },
  });
  const options = { locations: [ontap, { ...S3_TO_S3[1] }] };
  const minimal = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  const afterFirst = reads;
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  assert.deepEqual(codesOf(validate(JSON.parse(minimal), options)), []);
  assert.equal(reads, afterFirst + 2, 'kept: read by the walk alone, once a call');
  // Each place the core reads, changed in place, is seen on the next call.
  const changes = [
    [() => { ontap.Protocol.NFS.MountOptions.Version = 'NFS4_2'; }, [nfs]],
    [() => { ontap.Protocol.NFS.MountOptions = { Version: 'NFS4_1' }; }, []],
    [() => { ontap.Protocol.NFS = { MountOptions: { Version: 'NFS4_2' } }; }, [nfs]],
    // Without Protocol.NFS, the top MountOptions is read.
    [() => { delete ontap.Protocol.NFS; ontap.MountOptions = { Version: 'NFS4_1' }; }, []],
    [() => { ontap.MountOptions.Version = 'NFS4_2'; }, [nfs]],
    [() => { ontap.Protocol.NFS = null; }, []],
    [() => { ontap.Protocol.NFS = { MountOptions: null }; }, []],
    [() => { ontap.Protocol.NFS.MountOptions = { Version: 'NFS4_2' }; }, [nfs]],
    [() => { ontap.Protocol = 'NFS'; }, [nfs]],
    [() => { ontap.Protocol = { NFS: { MountOptions: { Version: 'NFS4_1' } } }; }, []],
  ];
  for (const [change, codes] of changes) {
    change();
    assert.deepEqual(codesOf(validate(minimal, options)), codes, `${change}`);
    assert.deepEqual(codesOf(validate(minimal, options)), codes, `${change}, again`);
    assert.deepEqual(codesOf(validate(JSON.parse(minimal), options)), codes, `${change}, as an object`);
  }
  // A Protocol JSON cannot write is still refused.
  assert.throws(() => validate(minimal, { locations: [{ ...ontap, Protocol: { NFS: { MountOptions: { Version: 'NFS4_1' } }, x: 1n } }] }), TypeError);
  assert.deepEqual(codesOf(validate(minimal, options)), []);
});

test('a DescribeLocation* response and the ListLocations entry of its ARN combine in either order; an SMB version is no NFS version', () => {
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  const listed = { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/' };
  const described = { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/', S3StorageClass: 'GLACIER', S3Config: { BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r' } };
  const archived = ['/Options/VerifyMode locations/archive-default-verify-mode'];
  for (const locations of [[S3_TO_S3[0], listed, described], [S3_TO_S3[0], described, listed]]) {
    assert.deepEqual(codesOf(validate(request, { locations })), archived);
    assert.deepEqual(codesOf(validate(JSON.stringify(request), { locations })), archived);
  }
  // A later description of another type replaces the earlier one.
  const efs = { LocationArn: DESTINATION, LocationUri: 'efs://us-east-1.fs-0123456789abcdef0/' };
  assert.deepEqual(codesOf(validate(request, { locations: [S3_TO_S3[0], described, efs] })), []);
  // DescribeLocationSmb's MountOptions.Version is an SMB version (AUTOMATIC, SMB1, SMB2_0, SMB2, SMB3).
  const smb = { LocationArn: SOURCE, LocationUri: 'smb://files.example.com/share/', MountOptions: { Version: 'NFS4_2' } };
  const minimal = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  assert.deepEqual(codesOf(validate(minimal, { locations: [smb, listed] })), []);
  const nfs = { ...smb, LocationUri: 'nfs://files.example.com/export/' };
  assert.deepEqual(codesOf(validate(minimal, { locations: [nfs, listed] })), ['/TaskMode locations/nfs-version-needs-enhanced']);
});

test('kept options compared many times in a row still see every change in place, on every call after it', () => {
  // The first comparison after options are kept writes the caller's own
  // (equal) values into the print; later ones compare by identity.
  const request = JSON.stringify(spelledOut());
  const options = { locations: [{ LocationArn: SOURCE, LocationUri: 's3://reports-source/' }, { LocationArn: DESTINATION, type: 'S3' }] };
  for (let call = 0; call < 4; call += 1) assert.deepEqual(codesOf(validate(request, options)), POSIX, `call ${call}`);
  // The type of a location, changed in place between two calls.
  options.locations[1].type = 'NFS';
  assert.deepEqual(codesOf(validate(request, options)), []);
  assert.deepEqual(codesOf(validate(request, options)), []);
  options.locations[1].type = 'AZURE_BLOB';
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  // An equal string that is another string object is the same value.
  options.locations[1].type = ['AZURE', 'BLOB'].join('_');
  assert.deepEqual(codesOf(validate(request, options)), POSIX);
  options.locations[1].type = 'EFS';
  assert.deepEqual(codesOf(validate(request, options)), []);
});

test('a description added for a location the request uses, and one taken away, are seen', () => {
  const minimal = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  const glacier = { LocationArn: DESTINATION, type: 'S3', S3StorageClass: 'GLACIER' };
  const archived = ['/Options/VerifyMode locations/archive-default-verify-mode'];
  // Only other locations described: no rule applies.
  const options = { locations: [{ LocationArn: OTHER, type: 'NFS' }] };
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  options.locations.push(glacier);
  assert.deepEqual(codesOf(validate(minimal, options)), archived);
  assert.deepEqual(codesOf(validate(minimal, options)), archived);
  // The same entry object, now describing another location.
  glacier.LocationArn = OTHER;
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  glacier.LocationArn = DESTINATION;
  assert.deepEqual(codesOf(validate(minimal, options)), archived);
  options.locations.shift();
  assert.deepEqual(codesOf(validate(minimal, options)), archived);
  options.locations.length = 0;
  assert.deepEqual(codesOf(validate(minimal, options)), []);
});

test('a location entry JSON writes as an array is refused, even when it reads like the kept description', () => {
  const request = JSON.stringify(spelledOut());
  assert.deepEqual(codesOf(validate(request, { locations: S3_TO_S3 })), POSIX);
  const asArray = Object.assign([], S3_TO_S3[1]);
  for (let call = 0; call < 2; call += 1) {
    assert.throws(() => validate(request, { locations: [S3_TO_S3[0], asArray] }),
      (error) => error instanceof TypeError && /options\.locations\[1\] must be an object/.test(error.message));
  }
  assert.deepEqual(codesOf(validate(request, { locations: S3_TO_S3 })), POSIX);
});

test('a DescribeLocationFsxOpenZfs response as it is: its NFS version is Protocol.NFS.MountOptions.Version', () => {
  const minimal = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  const nfs = '/TaskMode locations/nfs-version-needs-enhanced';
  // As the SDK returns it (API DescribeLocationFsxOpenZfs: Protocol.NFS.MountOptions is an NfsMountOptions).
  const openZfs = (version) => ({
    $metadata: { httpStatusCode: 200 },
    LocationArn: SOURCE,
    LocationUri: 'fsxz://us-east-1.fs-0123456789abcdef0/fsx/',
    SecurityGroupArns: ['arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0'],
    Protocol: { NFS: { MountOptions: { Version: version } } },
    CreationTime: new Date(0),
  });
  const options = { locations: [openZfs('NFS4_2'), S3_TO_S3[1]] };
  assert.deepEqual(codesOf(validate(minimal, options)), [nfs]);
  assert.deepEqual(codesOf(validate(JSON.parse(minimal), options)), [nfs], 'the object path too');
  assert.deepEqual(codesOf(validate(minimal, { ...options, locations: [openZfs('NFS4_2'), S3_TO_S3[1]] })), [nfs]);
  // (Whether Enhanced mode suits this pair is locations/enhanced-unsupported-pair's question, not this rule's.)
  assert.ok(!codesOf(validate({ ...JSON.parse(minimal), TaskMode: 'ENHANCED' }, options)).includes(nfs));
  // Kept options are used again only while the version is the same: changed in
  // place, or in new options of the same shape, it is seen on the next call.
  options.locations[0].Protocol.NFS.MountOptions.Version = 'NFS4_1';
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  assert.deepEqual(codesOf(validate(minimal, { locations: [openZfs('NFS4_2'), S3_TO_S3[1]] })), [nfs]);
  assert.deepEqual(codesOf(validate(minimal, { locations: [openZfs('NFS3'), S3_TO_S3[1]] })), []);
  options.locations[0].Protocol.NFS.MountOptions.Version = 'NFS4_2';
  assert.deepEqual(codesOf(validate(minimal, options)), [nfs]);
  delete options.locations[0].Protocol.NFS;
  assert.deepEqual(codesOf(validate(minimal, options)), []);
  options.locations[0].Protocol.NFS = { MountOptions: { Version: 'NFS4_2' } };
  assert.deepEqual(codesOf(validate(minimal, options)), [nfs]);
  // Where Protocol.NFS is there, its MountOptions is the one read (no response has both).
  assert.deepEqual(codesOf(validate(minimal, { locations: [{ ...openZfs('NFS4_2'), MountOptions: { Version: 'NFS4_1' } }, S3_TO_S3[1]] })), [nfs]);
  // Malformed, it is a TypeError that names the entry and the member (by its own name, MountOptions).
  assert.throws(() => validate(minimal, { locations: [{ ...openZfs(42), LocationUri: 'fsxn-nfs://us-east-1.fs-0123456789abcdef0/' }] }),
    (error) => error instanceof TypeError && /options\.locations\[0\]\.MountOptions\.Version must be a string/.test(error.message));
  assert.deepEqual(codesOf(validate(minimal, options)), [nfs], 'and the next call works');
  // An SMB protocol (DescribeLocationFsxOntap over SMB) says nothing about NFS.
  const smb = { LocationArn: SOURCE, LocationUri: 'fsxn-smb://us-east-1.fs-0123456789abcdef0/share/', Protocol: { SMB: { MountOptions: { Version: 'SMB3' }, User: 'admin' } } };
  assert.deepEqual(codesOf(validate(minimal, { locations: [smb, S3_TO_S3[1]] })), []);
});
