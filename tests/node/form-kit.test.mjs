// datasync-task-validator/form-kit, the plumbing the web form is built on and
// the package ships for portals: JSON Pointers, JSON Patch (a diagnostic's
// fix), exact numbers and #request= links. Imported by its package name, as an
// embedder would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import {
  applyPatch, decodeBase64Url, encodeBase64Url, getAt, joinPointer, nearestSlot, numberFromText, parentPointer, parseExact, removeAt,
  setAt, splitPointer,
} from 'datasync-task-validator/form-kit';
import { requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

test('JSON Pointers split and join with ~0 and ~1 escapes (RFC 6901)', () => {
  assert.deepEqual(splitPointer(''), []);
  assert.deepEqual(splitPointer('/Tags/0/Key'), ['Tags', '0', 'Key']);
  assert.deepEqual(splitPointer('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1']);
  assert.equal(joinPointer(['a/b', 'c~d', '~1']), '/a~1b/c~0d/~01');
  assert.equal(joinPointer([]), '');
  assert.throws(() => splitPointer('Tags/0'), TypeError);
  assert.equal(parentPointer('/Tags/0/Key'), '/Tags/0');
  assert.equal(parentPointer('/Name'), '');
  assert.equal(parentPointer(''), '');
});

test('getAt, setAt and removeAt read and change a request in place', () => {
  const request = { Tags: [{ Key: 'a' }, { Key: 'b' }], Options: { VerifyMode: 'NONE' } };
  assert.equal(getAt(request, '/Tags/1/Key'), 'b');
  assert.equal(getAt(request, '/Tags/x'), undefined, 'a list has no member x');
  assert.equal(getAt(request, '/Tags/01'), undefined, 'an index has no leading zero');
  assert.equal(getAt(request, '/Options/VerifyMode/x'), undefined);
  assert.equal(getAt(request, '/toString'), undefined, 'inherited properties are not members');
  setAt(request, '/Schedule/ScheduleExpression', 'rate(1 hour)');
  setAt(request, '/Excludes/0/Value', '/tmp');
  assert.deepEqual(request.Schedule, { ScheduleExpression: 'rate(1 hour)' });
  assert.deepEqual(request.Excludes, [{ Value: '/tmp' }], 'a list is created where the next segment is an index');
  assert.throws(() => setAt(request, '', {}), TypeError);
  // Removing the last member of an object removes the emptied object too, but never a list item.
  assert.equal(removeAt(request, '/Options/VerifyMode'), true);
  assert.equal('Options' in request, false);
  assert.equal(removeAt(request, '/Tags/0/Key'), true);
  assert.deepEqual(request.Tags, [{}, { Key: 'b' }]);
  assert.equal(removeAt(request, '/Tags/0'), true);
  assert.deepEqual(request.Tags, [{ Key: 'b' }], 'list items move up');
  assert.equal(removeAt(request, '/Tags/0'), true);
  assert.equal('Tags' in request, false, 'an emptied list is removed too');
  assert.equal(removeAt(request, '/Nope/x'), false);
  assert.equal(removeAt(request, '/Excludes/5'), false);
  const kept = { Options: { A: 1 } };
  removeAt(kept, '/Options/A', { prune: false });
  assert.deepEqual(kept, { Options: {} });
});

test('nearestSlot finds the member itself or its nearest ancestor with a slot, with one lookup per segment', () => {
  const slots = new Set(['/Tags', '/Tags/0/Key', '/Options']);
  assert.equal(nearestSlot('/Tags/0/Key', slots), '/Tags/0/Key');
  assert.equal(nearestSlot('/Tags/7/Key', slots), '/Tags');
  assert.equal(nearestSlot('/Options/Unknown', new Map([['/Options', {}]])), '/Options');
  assert.equal(nearestSlot('/Foo', slots), null);
  assert.equal(nearestSlot('', slots), null);
  assert.equal(nearestSlot('', (p) => p === ''), '');
  const asked = [];
  nearestSlot('/a/b/c/d', (p) => { asked.push(p); return false; });
  assert.deepEqual(asked, ['/a/b/c/d', '/a/b/c', '/a/b', '/a', '']);
});

test('applyPatch applies RFC 6902 operations to a copy, and changes nothing when one fails', () => {
  const request = { Schedule: { ScheduleExpression: 'cron(0 8 * * *)' }, Optons: { VerifyMode: 'NONE' }, Tags: [{ Key: 'a' }] };
  const before = structuredClone(request);
  const fixed = applyPatch(request, [
    { op: 'replace', path: '/Schedule/ScheduleExpression', value: 'cron(0 8 * * ? *)' },
    { op: 'move', from: '/Optons', path: '/Options' },
    { op: 'add', path: '/Tags/-', value: { Key: 'b' } },
    { op: 'add', path: '/Tags/0', value: { Key: 'first' } },
    { op: 'copy', from: '/Tags/1', path: '/Tags/-' },
    { op: 'remove', path: '/Tags/3' },
    { op: 'test', path: '/Options/VerifyMode', value: 'NONE' },
  ]);
  assert.deepEqual(fixed, {
    Schedule: { ScheduleExpression: 'cron(0 8 * * ? *)' },
    Options: { VerifyMode: 'NONE' },
    Tags: [{ Key: 'first' }, { Key: 'a' }, { Key: 'b' }],
  });
  assert.deepEqual(request, before, 'the document itself is untouched');
  fixed.Tags[0].Key = 'changed';
  assert.deepEqual(request, before, 'the result shares nothing with the document');
  for (const bad of [
    [{ op: 'replace', path: '/Nope', value: 1 }],
    [{ op: 'remove', path: '/Tags/9' }],
    [{ op: 'add', path: '/Missing/Child', value: 1 }],
    [{ op: 'test', path: '/Tags/0/Key', value: 'b' }],
    [{ op: 'move', from: '/Schedule', path: '/Schedule/Inner' }],
    [{ op: 'replace', path: '/Schedule/ScheduleExpression', value: 'x' }, { op: 'frobnicate', path: '' }],
    [{ op: 'add', path: '/Tags/5', value: 1 }],
    'not a list',
  ]) {
    assert.throws(() => applyPatch(request, bad), TypeError, JSON.stringify(bad));
    assert.deepEqual(request, before);
  }
  assert.deepEqual(applyPatch(request, [{ op: 'replace', path: '', value: { Name: 'x' } }]), { Name: 'x' });
});

test('a member named __proto__ is an own data member, as JSON.parse makes it: add and setAt never replace a prototype (hunt36 #11)', () => {
  const request = { Name: 'nightly' };
  const added = applyPatch(request, [{ op: 'add', path: '/__proto__', value: { Options: { Mtime: 'NONE' } } }]);
  assert.equal(Object.getPrototypeOf(added), Object.prototype);
  assert.equal(added.Options, undefined, 'nothing inherited');
  assert.deepEqual(Object.keys(added), ['Name', '__proto__']);
  assert.equal(JSON.stringify(added), '{"Name":"nightly","__proto__":{"Options":{"Mtime":"NONE"}}}');
  assert.deepEqual(added, JSON.parse('{"Name":"nightly","__proto__":{"Options":{"Mtime":"NONE"}}}'));
  assert.deepEqual(request, { Name: 'nightly' });

  const nested = applyPatch({ Options: {} }, [{ op: 'add', path: '/Options/__proto__', value: { Atime: 'NONE' } }]);
  assert.equal(nested.Options.Atime, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(nested.Options, '__proto__'),
    { value: { Atime: 'NONE' }, writable: true, enumerable: true, configurable: true });
  // Then it is a member like any other: replaced, tested, moved, removed.
  const replaced = applyPatch(nested, [{ op: 'replace', path: '/Options/__proto__', value: 1 }, { op: 'test', path: '/Options/__proto__', value: 1 }]);
  assert.equal(JSON.stringify(replaced), '{"Options":{"__proto__":1}}');
  assert.equal(JSON.stringify(applyPatch(replaced, [{ op: 'move', from: '/Options/__proto__', path: '/Options/Mtime' }])), '{"Options":{"Mtime":1}}');
  assert.equal(JSON.stringify(applyPatch({ Options: {} }, [{ op: 'copy', from: '/Options', path: '/__proto__' }])), '{"Options":{},"__proto__":{}}');

  const root = {};
  assert.equal(setAt(root, '/__proto__', 1), root);
  assert.deepEqual(Object.keys(root), ['__proto__']);
  assert.equal(Object.getPrototypeOf(root), Object.prototype);
  // A parent made on the way is an own member too.
  const deep = setAt({}, '/__proto__/Mtime', 'NONE');
  assert.equal(deep.Mtime, undefined);
  assert.equal(JSON.stringify(deep), '{"__proto__":{"Mtime":"NONE"}}');
  assert.equal(getAt(deep, '/__proto__/Mtime'), 'NONE');
  assert.equal(Object.prototype.Mtime, undefined, 'no global prototype touched');
});

test('setAt appends at "-" and never replaces a list or an object the user has; a position no list can take is refused with nothing changed (hunt37f #1)', () => {
  const request = { Tags: [{ Key: 'a', Value: '1' }], Options: { VerifyMode: 'NONE' } };
  setAt(request, '/Tags/-', { Key: 'b' });
  assert.deepEqual(request.Tags, [{ Key: 'a', Value: '1' }, { Key: 'b' }], '"-" is the end of the list, as in RFC 6902');
  setAt(request, '/Tags/2', { Key: 'c' });
  assert.equal(request.Tags.length, 3, 'the index just past the end appends');
  setAt(request, '/Tags/-/Key', 'd');
  assert.deepEqual(request.Tags[3], { Key: 'd' }, 'a "-" on the way appends a new item');
  const before = structuredClone(request);
  for (const pointer of ['/Tags/x', '/Tags/01', '/Tags/length', '/Tags/9', '/Tags/9/Key', '/Excludes/3/Value']) {
    assert.throws(() => setAt(request, pointer, 'z'), TypeError, pointer);
    assert.deepEqual(request, before, `${pointer} changed nothing`);
  }
  assert.equal(request.Tags.length, 4, 'no hole that JSON.stringify would write as null');
  setAt(request, '/Options/0', 'x');
  assert.deepEqual(request.Options, { VerifyMode: 'NONE', 0: 'x' }, 'an object keeps its members under a numeric name');
  setAt(request, '/Options/VerifyMode/Deeper', 'y');
  assert.deepEqual(request.Options.VerifyMode, { Deeper: 'y' }, 'a value that is not an object or a list is replaced');
  assert.deepEqual(setAt([], '/-', 1), [1]);
  assert.throws(() => setAt([], '/name', 1), TypeError, 'a list root takes positions only');
});

test('applyPatch refuses a path that is not a JSON Pointer and a test without a value, instead of doing nothing (hunt37f #2)', () => {
  const document = { a: 1 };
  for (const operation of [
    { op: 'add', path: 'b', value: 2 },
    { op: 'replace', path: 'a', value: 2 },
    { op: 'copy', from: 'a', path: '/b' },
    { op: 'add', path: '/a~2b', value: 2 },
    { op: 'test', path: '/nope' },
    { op: 'test', path: '/a' },
  ]) {
    assert.throws(() => applyPatch(document, [operation]), TypeError, JSON.stringify(operation));
  }
  assert.deepEqual(document, { a: 1 });
  assert.deepEqual(applyPatch(document, [{ op: 'test', path: '/a', value: 1 }]), { a: 1 });
  for (const pointer of ['/a~', '/a~2b', 'a']) assert.throws(() => splitPointer(pointer), TypeError, pointer);
});

test('numberFromText keeps what was typed when it is not a JSON number, so the validator can say why', () => {
  assert.equal(numberFromText('1048576'), 1048576);
  assert.equal(numberFromText(' -1 '), -1);
  assert.equal(numberFromText('fast'), 'fast');
  assert.equal(numberFromText('1e'), '1e');
  assert.equal(numberFromText('0x10'), '0x10');
  // Exactness beyond 2^53 needs JSON.rawJSON (browsers and Node 21+); without it the number is a double.
  const big = numberFromText('9007199254740993');
  assert.equal(JSON.stringify(big), typeof JSON.rawJSON === 'function' ? '9007199254740993' : '9007199254740992');
  assert.deepEqual(parseExact('{"a":[1,"x",null]}'), { a: [1, 'x', null] });
  if (typeof JSON.rawJSON === 'function') assert.equal(JSON.stringify(parseExact('{"n":1.0,"m":9007199254740993}')), '{"n":1.0,"m":9007199254740993}');
});

test('parseExact keeps every number a double would change, and skips the slow exact parse when none could', () => {
  // JSON.rawJSON is behind a flag in this Node.js (shipped in Chromium 114+ and Node.js 21+): run the check in a child that has it.
  const script = `
    import assert from 'node:assert/strict';
    import { parseExact } from 'datasync-task-validator/form-kit';
    const exact = (text) => JSON.parse(text, (k, v, c) => (typeof v === 'number' && c.source !== String(v) ? JSON.rawJSON(c.source) : v));
    const cases = ['{"a":1,"b":[2,-3,"1.0 in a string"],"c":123456789012345}', '{"n":1.0}', '{"m":9007199254740993}',
      '[-0]', '{"e":1e3,"f":1E400,"g":0.1,"h":-0.0}', '{"k":1234567890123456}', '{"s":"loc-0123456789abcdef0"}', '[0,-1,10,-10]'];
    const expected = cases.map((text) => JSON.stringify(exact(text)));
    let revived = 0;
    const parse = JSON.parse;
    JSON.parse = (text, reviver) => { if (reviver) revived += 1; return parse(text, reviver); };
    cases.forEach((text, i) => assert.equal(JSON.stringify(parseExact(text)), expected[i], text));
    // Only the texts where a number could change (and the one with "1.0" in a string) take the reviver.
    assert.equal(revived, 6);
    process.stdout.write('ok');
  `;
  const child = spawnSync(process.execPath, ['--harmony-json-parse-with-source', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.stderr, '');
  assert.equal(child.stdout, 'ok');
});

test('base64url links carry any UTF-8 text, without padding, and refuse anything else', () => {
  for (const text of ['', '{}', '{"Name":"café copy"}', '😀 ~ ? / +', 'x'.repeat(100_000)]) {
    const encoded = encodeBase64Url(text);
    assert.match(encoded, /^[A-Za-z0-9_-]*$/);
    assert.equal(encoded, Buffer.from(text).toString('base64url'));
    assert.equal(decodeBase64Url(encoded), text);
  }
  assert.throws(() => decodeBase64Url('a+b/'), TypeError);
  assert.throws(() => decodeBase64Url('_w'), TypeError, 'not UTF-8');
});
