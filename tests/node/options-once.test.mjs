// validate(request, options) reads its options once per call (README,
// "Decisions worth knowing"): a getter on the options, on `locations`, a
// location's member, `operation` or `task` runs once, and a Proxy's get
// trap once per member, when no options are kept in wasm or the kept ones
// are what the options answer, whether the request is an object (walked or
// not), JSON text, text with a lone surrogate (the glue's validate) or not
// an object at all, and whatever the options do (change their answer, call
// validate() from a getter, throw); the report is the one the options'
// first answers get, as plain options. The one exception, documented and
// held by the last test: options that differ from the kept ones are read by
// the walk that compares them, as far as the first difference, then once in
// full (hygiene task, last session's hunt finding).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DESTINATION, SOURCE, TASK, freshNodeInstance, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const NFS = { LocationArn: SOURCE, LocationUri: 'nfs://files.example.com/exports/', type: 'NFS', MountOptions: { Version: 'NFS4_2' } };
const S3 = { LocationArn: DESTINATION, LocationUri: 's3://bucket/', type: 'S3' };
const BASIC = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'BASIC' };

/** The forms a request takes, each down another path of validate(). */
const FORMS = {
  object: (request) => ({ ...request }),
  'object not plain (text path)': (request) => Object.assign(Object.create({ inherited: 1 }), request),
  text: (request) => JSON.stringify(request),
  'text with a lone surrogate (the glue)': (request) => JSON.stringify({ ...request, Name: 'x' }).replace('"x"', '"\ud800"'),
  'not an object (the glue)': () => 5,
};

/** What the instance has kept before the call: nothing, or options equal to the first answers (when they can be kept). */
const BEFORE = {
  nothing: () => {},
  'the first answers kept (when they can be)': (validate, plain) => {
    outcome(() => validate('{}', plain));
    outcome(() => validate('{}', plain));
  },
};

/** Options whose getters each answer `first`, then `later` on every read after the first; and the reads. */
function changing(first, later) {
  const reads = {};
  const options = {};
  for (const name of Object.keys(first)) {
    reads[name] = 0;
    Object.defineProperty(options, name, {
      enumerable: true,
      get() {
        reads[name] += 1;
        return reads[name] === 1 ? first[name] : later[name];
      },
    });
  }
  return { options, reads };
}

/** `result` as text, or the error it threw as `name: message`. */
function outcome(call) {
  try {
    return JSON.stringify(call());
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

/** For every form and every state before: `make()`'s options read once each, judged as `plain`. */
function readOnce(make, plain, request = BASIC) {
  for (const [form, shape] of Object.entries(FORMS)) {
    for (const [state, before] of Object.entries(BEFORE)) {
      const expected = outcome(() => freshNodeInstance().validate(shape(request), plain));
      const { validate } = freshNodeInstance();
      before(validate, plain);
      const { options, count } = make();
      const got = outcome(() => validate(shape(request), options));
      assert.deepEqual(count(), 1, `${form}, ${state}: read once (${JSON.stringify(count.detail?.())})`);
      assert.equal(got, expected, `${form}, ${state}: judged by the first answers`);
    }
  }
}

test('an operation getter that answers otherwise the second time runs once, and its first answer is the one judged', () => {
  readOnce(() => {
    const { options, reads } = changing({ operation: 'UpdateTask' }, { operation: 'CreateTask' });
    return { options, count: () => reads.operation };
  }, { operation: 'UpdateTask' }, { TaskArn: TASK, Tags: [{ Key: 'a', Value: 'b' }] });
});

test('a locations getter, a location member getter and a task getter each run once', () => {
  readOnce(() => {
    const { options, reads } = changing({ locations: [NFS, S3] }, { locations: [S3, NFS] });
    return { options, count: () => reads.locations };
  }, { locations: [NFS, S3] });
  readOnce(() => {
    let reads = 0;
    const nfs = Object.defineProperty({ ...NFS }, 'MountOptions', { enumerable: true, get: () => ((reads += 1), reads === 1 ? { Version: 'NFS4_2' } : { Version: 'NFS3' }) });
    return { options: { locations: [nfs, S3] }, count: () => reads };
  }, { locations: [NFS, S3] });
  const task = { TaskArn: TASK, TaskMode: 'ENHANCED', Options: { Mtime: 'NONE' } };
  readOnce(() => {
    const { options, reads } = changing({ operation: 'UpdateTask', task }, { operation: 'UpdateTask', task: { TaskArn: TASK, TaskMode: 'BASIC' } });
    return { options, count: () => reads.task };
  }, { operation: 'UpdateTask', task }, { TaskArn: TASK, Options: { Atime: 'NONE' } });
});

test('options that cannot be kept in wasm (an object where the core reads a string) are read once too', () => {
  const task = { TaskArn: TASK, TaskMode: 'BASIC', Options: { Unread: {} } };
  readOnce(() => {
    const { options, reads } = changing({ operation: 'UpdateTask', task }, { operation: 'CreateTask', task });
    return { options, count: () => reads.operation };
  }, { operation: 'UpdateTask', task }, { TaskArn: TASK });
  // A toJSON on the options: called once, its result judged.
  readOnce(() => {
    let calls = 0;
    return { options: { toJSON: () => ((calls += 1), calls === 1 ? { operation: 'UpdateTask' } : {}) }, count: () => calls };
  }, { operation: 'UpdateTask' }, { TaskArn: TASK, Tags: [] });
});

test('a getter that throws: the TypeError that names the function, the getter run once', () => {
  readOnce(() => {
    let reads = 0;
    return { options: { get operation() { reads += 1; throw new Error(`read ${reads}`); } }, count: () => reads };
  }, { get operation() { throw new Error('read 1'); } });
});

test('malformed options (an unknown operation): the TypeError, the getter run once', () => {
  readOnce(() => {
    const { options, reads } = changing({ operation: 'Nope' }, { operation: 'UpdateTask' });
    return { options, count: () => reads.operation };
  }, { operation: 'Nope' });
});

test('a getter answering undefined (an omitted member) runs once: the glue is given what was read', () => {
  readOnce(() => {
    const { options, reads } = changing({ operation: undefined, locations: [NFS, S3] }, { operation: 'UpdateTask', locations: [NFS, S3] });
    return { options, count: () => reads.operation };
  }, { locations: [NFS, S3] });
});

test('a Proxy of the options and of a location: each member got once, on every path', () => {
  readOnce(() => {
    const gets = new Map();
    const counting = (name, target) => new Proxy(target, {
      get(object, key, receiver) {
        const member = `${name}.${String(key)}`;
        gets.set(member, (gets.get(member) ?? 0) + 1);
        return Reflect.get(object, key, receiver);
      },
    });
    const options = counting('options', { operation: 'CreateTask', locations: [counting('location', { ...NFS }), S3] });
    const count = () => Math.max(...gets.values());
    count.detail = () => [...gets].map(([key, n]) => `${String(key)} ${n}`);
    return { options, count };
  }, { operation: 'CreateTask', locations: [NFS, S3] });
});

test('a getter that calls validate() with other options: the outer call reads its own once, and is judged by them', () => {
  for (const shape of Object.values(FORMS)) {
    const { validate } = freshNodeInstance();
    const plain = { operation: 'UpdateTask' };
    const request = { TaskArn: TASK, Tags: [{ Key: 'a', Value: 'b' }] };
    const expected = outcome(() => validate(shape(request), plain));
    validate('{}', plain);
    let reads = 0;
    const options = {
      get operation() {
        reads += 1;
        validate(shape(request), { operation: 'StartTaskExecution' });
        return reads === 1 ? 'UpdateTask' : 'StartTaskExecution';
      },
    };
    assert.equal(outcome(() => validate(shape(request), options)), expected);
    assert.equal(reads, 1);
    // And the call after it, with plain options, is judged by those.
    assert.equal(outcome(() => validate(shape(request), plain)), expected);
  }
});

test('options that differ from the kept ones: what the walk compared before the first difference is read again, once, and the call is judged by that complete reading, never by the kept options', () => {
  for (const [form, shape] of Object.entries(FORMS)) {
    const { validate } = freshNodeInstance();
    const request = { TaskArn: TASK, Tags: [{ Key: 'a', Value: 'b' }] };
    const kept = { operation: 'UpdateTask', locations: [NFS, S3] };
    const asStart = outcome(() => validate(shape(request), { operation: 'StartTaskExecution', locations: [S3] }));
    validate('{}', kept);
    // The operation is compared first and is the same; the locations differ.
    const { options, reads } = changing({ operation: 'UpdateTask', locations: [S3] }, { operation: 'StartTaskExecution', locations: [S3] });
    const got = outcome(() => validate(shape(request), options));
    const twice = form === 'text with a lone surrogate (the glue)' || form === 'not an object (the glue)' ? 1 : 2;
    assert.deepEqual([reads.operation, reads.locations], [twice, twice], form);
    assert.equal(got, twice === 2 ? asStart : outcome(() => validate(shape(request), { operation: 'UpdateTask', locations: [S3] })), form);
  }
});

// Options read by a page that has replaced built-ins or given its options an
// unusual shape (review and hunt findings on readJSON): the call is judged as
// the glue judges the same options in a page that replaced nothing.

/** The glue of a fresh instance (what base's validate() was: it read the options itself). */
const freshGlue = () => createRequire(import.meta.url)(`${pkgDir}/node/datasync_task_validator.cjs`);

/** Runs `call` with `install()` in force, `uninstall()` after, whatever it does. */
function withPage(install, uninstall, call) {
  install();
  try {
    return outcome(call);
  } finally {
    uninstall();
  }
}

test("a setter on Object.prototype named like a member runs no page code and stores nothing: the symbol or function read once is refused", () => {
  const SYMBOL_REFUSED = outcome(() => freshNodeInstance().validate(BASIC, { operation: Symbol('x') }));
  const FUNCTION_REFUSED = outcome(() => freshNodeInstance().validate('{}', { locations: () => 1 }));
  assert.match(SYMBOL_REFUSED, /^TypeError: validate: /);
  for (const [name, refused, first, later] of [['operation', SYMBOL_REFUSED, Symbol('x'), 'UpdateTask'], ['locations', FUNCTION_REFUSED, () => 1, [NFS]]]) {
    for (const shape of Object.values(FORMS)) {
      const { validate } = freshNodeInstance();
      let reads = 0;
      let setterRuns = 0;
      const options = { get [name]() { reads += 1; return reads === 1 ? first : later; } };
      const request = name === 'operation' ? shape(BASIC) : '{}';
      const got = withPage(
        () => Object.defineProperty(Object.prototype, name, { configurable: true, set() { setterRuns += 1; } }),
        () => delete Object.prototype[name],
        () => validate(request, options),
      );
      assert.equal(got, refused, name);
      assert.deepEqual([reads, setterRuns], [1, 0], name);
    }
  }
});

test("a page's Array.prototype[Symbol.iterator] is not run: a symbol operation is still refused", () => {
  const refused = outcome(() => freshNodeInstance().validate(BASIC, { operation: Symbol('x') }));
  const iterator = Array.prototype[Symbol.iterator];
  for (const shape of Object.values(FORMS)) {
    const { validate } = freshNodeInstance();
    const request = shape(BASIC);
    const got = withPage(
      () => { Array.prototype[Symbol.iterator] = function* empty() {}; },
      () => { Array.prototype[Symbol.iterator] = iterator; },
      () => validate(request, { operation: Symbol('x') }),
    );
    assert.equal(got, refused);
  }
});

test("a page's Array.prototype[Symbol.iterator] is not run by applyDefaults(), with or without options, BigInt or not", () => {
  const iterator = Array.prototype[Symbol.iterator];
  const calls = [
    (applyDefaults) => applyDefaults(BASIC),
    (applyDefaults) => applyDefaults(BASIC, { operation: 'CreateTask' }),
    (applyDefaults) => applyDefaults({ ...BASIC, Options: { BytesPerSecond: 2n ** 70n } }),
  ];
  for (const call of calls) {
    const expected = outcome(() => call(freshNodeInstance().applyDefaults));
    const { applyDefaults } = freshNodeInstance();
    const got = withPage(
      () => { Array.prototype[Symbol.iterator] = function () { throw new Error('page iterator'); }; },
      () => { Array.prototype[Symbol.iterator] = iterator; },
      () => call(applyDefaults),
    );
    assert.equal(got, expected);
  }
});

test("a page's replaced JSON.parse or JSON.stringify cannot throw a SyntaxError out of validate() or change the options read", () => {
  const { parse, stringify } = JSON;
  const options = { operation: 'UpdateTask' };
  const request = { TaskArn: TASK, Tags: [{ Key: 'a', Value: 'b' }] };
  for (const [form, shape] of Object.entries(FORMS)) {
    const expected = outcome(() => freshNodeInstance().validate(shape(request), options));
    const { validate } = freshNodeInstance();
    const input = shape(request);
    const got = withPage(
      () => { JSON.parse = () => { throw new SyntaxError('page'); }; },
      () => { JSON.parse = parse; },
      () => validate(input, options),
    );
    // (The glue's own validate, which those two forms take, reads its report
    // with the live JSON.parse: only the options' reading is held here.)
    if (form.endsWith('(the glue)')) assert.doesNotMatch(got, /SyntaxError/, form);
    else assert.equal(got, expected, `${form}: JSON.parse throws`);
    // A JSON.stringify that writes what is not JSON: what the glue's own
    // JSON.stringify reads is refused with base's TypeError, never a SyntaxError.
    const fresh = freshNodeInstance().validate;
    const text = withPage(
      () => { JSON.stringify = (...args) => `${stringify(...args)}x`; },
      () => { JSON.stringify = stringify; },
      () => fresh(input, options),
    );
    assert.doesNotMatch(text, /SyntaxError/, form);
  }
});

test('options with a toJSON that returns them are judged by what it returned, as the glue judges them: a symbol member is left out (CreateTask), not put back', () => {
  const self = () => ({ operation: Symbol('x'), toJSON() { return this; } });
  for (const [form, shape] of Object.entries(FORMS)) {
    const expected = outcome(() => freshNodeInstance().validate(shape(BASIC), {}));
    assert.equal(outcome(() => freshGlue().validate(shape(BASIC), self())), expected, `${form}: the glue`);
    assert.equal(outcome(() => freshNodeInstance().validate(shape(BASIC), self())), expected, form);
  }
});

test('boxed primitives as options: the TypeError of the glue, which says what JSON wrote ("but it is a string."), never a TypeError of the copy', () => {
  const cases = [
    [() => new String('x'), /, but it is a string\.$/],
    [() => new Number(1), /, but it is an integer\.$/],
    [() => new Boolean(true), /, but it is a boolean\.$/],
    [() => Object.assign(new String('x'), { operation: Symbol('x') }), /, but it is a string\.$/],
    [() => Object.assign(new Boolean(true), { locations() {} }), /, but it is a boolean\.$/],
  ];
  for (const [make, tail] of cases) {
    for (const [form, shape] of Object.entries(FORMS)) {
      const expected = outcome(() => freshGlue().validate(shape(BASIC), make()));
      assert.match(expected, tail, `${form}: the glue`);
      assert.equal(outcome(() => freshNodeInstance().validate(shape(BASIC), make())), expected, form);
    }
  }
});
