// The checks tests/runtimes/compare.mjs runs in every runtime (Node.js, Bun,
// Deno), each through the package as that runtime resolves it: probe.mjs
// (`import`) and probe.cjs (`require`) hand the package's exports here. Every
// check prints one line, its name and what it returned or threw, written by
// `show` so that two runtimes agree byte for byte only when the values do:
// types, key order, prototypes, -0, BigInt and undefined included. Nothing
// here depends on the clock, the machine or the runtime: the lines must be the
// same everywhere.

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';
const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
/** ListLocations output for an S3-to-S3 task (the POSIX options are rejected there). */
const S3_TO_S3 = [
  { LocationArn: SOURCE, LocationUri: 's3://reports-source/2026/' },
  { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/' },
];
/** A DescribeTask response, as the SDK returns it (a Date included). */
const BASIC_TASK = {
  TaskArn: TASK_ARN,
  TaskMode: 'BASIC',
  Options: { Atime: 'BEST_EFFORT', Mtime: 'PRESERVE', LogLevel: 'OFF', BytesPerSecond: -1 },
  CreationTime: new Date('2026-11-01T08:00:00Z'),
};
const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });

/**
 * Calls `call` at every depth on the way back from a stack run full (as
 * tests/node/trust-boundary.test.mjs does, importing it from here), until one
 * call answers: some calls run out of stack inside the core. Returns whether
 * one answered and what the others threw.
 */
export function callAtEveryDepth(call) {
  const thrown = [];
  let answered = false;
  const dive = () => {
    try {
      dive();
    } catch {
      // the stack ran out below
    }
    if (answered) return;
    try {
      call();
      answered = true;
    } catch (error) {
      thrown.push(error);
    }
  };
  dive();
  return { answered, thrown };
}

/** `value` as text that differs whenever two values differ in anything a caller can see. */
export function show(value) {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return `Symbol(${show(value.description)})`;
    case 'function':
      return `function ${value.name}/${value.length}`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (value instanceof Error) return `${value.constructor.name}(${show(value.message)})`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  const proto = Object.getPrototypeOf(value);
  let tag = '';
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) tag = 'not-Array.prototype';
  } else if (proto === null) tag = 'null-prototype';
  else if (proto !== Object.prototype) tag = proto.constructor?.name ?? 'unnamed-prototype';
  const parts = [];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (Array.isArray(value) && key === 'length') continue;
    const name = typeof key === 'symbol' ? `[${show(key)}]` : JSON.stringify(key);
    const marks = `${descriptor.enumerable ? '' : '~'}${'get' in descriptor || 'set' in descriptor ? 'accessor' : ''}`;
    parts.push(`${marks}${name}:${'value' in descriptor ? show(descriptor.value) : ''}`);
  }
  const open = Array.isArray(value) ? `[${value.length}|` : '{';
  return `${tag}${open}${parts.join(',')}${Array.isArray(value) ? ']' : '}'}`;
}

/**
 * Every check as [name, thunk]. `api` is the package's main export as the
 * probe got it (validate, applyDefaults, fields, describeSchedule, version),
 * `more` the subpath exports ({ codes, schema }), `examples` the texts of
 * examples/*.json by file name.
 */
export function checks(api, more, examples) {
  const { validate, applyDefaults, fields, describeSchedule, version } = api;
  const list = [];
  const add = (name, thunk) => list.push([name, thunk]);

  add('version()', () => version());
  add('exports', () => Object.keys(api).sort());

  for (const [name, text] of Object.entries(examples)) {
    const operation = name === 'start-task-execution.json' ? { operation: 'StartTaskExecution' } : undefined;
    add(`validate(${name} as text)`, () => validate(text, operation));
    add(`validate(${name} as an object)`, () => validate(JSON.parse(text), operation));
    add(`applyDefaults(${name} as text)`, () => applyDefaults(text, operation));
    add(`applyDefaults(${name} as an object)`, () => applyDefaults(JSON.parse(text), operation));
    if (operation === undefined) {
      add(`validate(${name} as an object, { locations })`, () => validate(JSON.parse(text), { locations: S3_TO_S3 }));
      add(`validate(${name} as text, { locations })`, () => validate(text, { locations: S3_TO_S3 }));
      add(`applyDefaults(${name} as an object, { locations })`, () => applyDefaults(JSON.parse(text), { locations: S3_TO_S3 }));
      add(`validate(${name} as an object, UpdateTask)`, () =>
        validate({ TaskArn: TASK_ARN, ...JSON.parse(text) }, { operation: 'UpdateTask', task: BASIC_TASK }),
      );
    }
  }
  add('validate(a run overriding Mtime, StartTaskExecution with its task)', () =>
    validate({ TaskArn: TASK_ARN, OverrideOptions: { Mtime: 'NONE' } }, { operation: 'StartTaskExecution', task: BASIC_TASK }),
  );

  // What the object path reads in JavaScript, where engines could differ.
  add('validate(a BigInt member)', () => validate(request({ Options: { BytesPerSecond: 2n ** 63n } })));
  add('validate(a BigInt in range)', () => validate(request({ Options: { BytesPerSecond: 9007199254740993n } })));
  add('applyDefaults(a BigInt member)', () => applyDefaults(request({ Options: { BytesPerSecond: 9007199254740993n } })));
  add('applyDefaults(JSON text with a long integer)', () =>
    applyDefaults(`{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Options":{"BytesPerSecond":9007199254740993}}`),
  );
  add('validate(NaN, Infinity, -0)', () => validate(request({ Options: { BytesPerSecond: NaN, Uid: Infinity }, Tags: [{ Key: 'k', Value: -0 }] })));
  add('validate(getters and toJSON)', () =>
    validate({
      get SourceLocationArn() {
        return SOURCE;
      },
      DestinationLocationArn: { toJSON: () => DESTINATION },
      Options: { toJSON: () => ({ Mtime: 'NONE' }) },
    }),
  );
  add('validate(a getter that throws)', () =>
    validate(
      Object.defineProperty(request({}), 'Name', {
        enumerable: true,
        get() {
          throw new TypeError('no name today');
        },
      }),
    ),
  );
  add('validate(a cycle)', () => {
    const cyclic = request({ Options: {} });
    cyclic.Options.Back = cyclic;
    return validate(cyclic);
  });
  // An object's report is the one JSON.stringify's text gets (json/too-deep
  // without a line when JSON.stringify runs out of stack). How deep
  // JSON.stringify goes is the engine's: Node.js 20's V8 about 4,100 levels,
  // Deno 2.9's V8 (which writes without recursing) 200,000 and more, Bun's
  // JavaScriptCore about 40,000 (and slowly: 2 s at 30,000). So what is
  // compared is whether the report is that one, at each depth.
  add('validate(deep nesting, object) is what JSON.stringify makes of it', () => {
    const verdicts = {};
    for (const levels of [1_000, 4_000, 6_000, 10_000]) {
      let deep = {};
      for (let depth = 0; depth < levels; depth += 1) deep = { Options: deep };
      const object = request(deep);
      let text;
      try {
        text = JSON.stringify(object);
      } catch {
        text = undefined;
      }
      const report = validate(object);
      verdicts[levels] =
        text === undefined
          ? report.errors.length === 1 && report.errors[0].code === 'json/too-deep' && report.errors[0].params?.line === undefined
          : show(report) === show(validate(text));
    }
    return verdicts;
  });
  add('validate(a Proxy)', () => validate(new Proxy(request({ Name: 'proxied' }), {})));
  add('validate(symbols, functions, undefined)', () =>
    validate(request({ [Symbol('hidden')]: 1, Name: undefined, CloudWatchLogGroupArn: () => 1, Tags: [undefined, () => 1, Symbol('x')] })),
  );
  add('validate(a class instance and a Map)', () =>
    validate(request({ Options: new (class Options {})(), Tags: new Map([['Key', 'v']]) })),
  );
  add('validate(integer-like keys and __proto__)', () =>
    validate(JSON.parse(`{"2":1,"1":2,"__proto__":{"x":1},"SourceLocationArn":"${SOURCE}","b":3,"a":4}`)),
  );
  add('validate(a sparse array and nested Dates)', () =>
    validate(request({ Includes: [, { FilterType: 'SIMPLE_PATTERN', Value: '/a' }], Schedule: { ScheduleExpression: new Date(0) } })),
  );
  add('validate(lone surrogates and astral characters)', () =>
    validate(request({ Name: 'a\ud800b\udfff😀', Tags: [{ Key: '😀'.repeat(200), Value: '\u0000\u001f\u2028' }] })),
  );
  add('validate(the same text with lone surrogates)', () =>
    validate(JSON.stringify(request({ Name: 'a\ud800b\udfff😀', Tags: [{ Key: '😀'.repeat(200), Value: '\u0000\u001f\u2028' }] }))),
  );
  add('validate(deep nesting, text)', () => validate(`${'['.repeat(10000)}${']'.repeat(10000)}`));
  add('validate(JSON syntax errors)', () => [validate('{"a":'), validate(''), validate('{"SourceLocationArn": 01}'), validate('\ufeff{}')]);
  add('validate(not an object)', () => [validate(null), validate(42), validate([]), validate('"text"'), validate(undefined)]);

  // The documented TypeErrors, then an ordinary call still answers.
  // This TypeError quotes what the engine's JSON.stringify threw: its own words in each engine.
  add('validate(x, { task: { big: 1n } }), the engine\'s words left out', () => {
    try {
      return validate({}, { task: { big: 1n } });
    } catch (error) {
      error.message = error.message.replace(/^(validate: options could not be read as JSON) \(.*\)\.$/, '$1 (…).');
      throw error;
    }
  });
  for (const [what, call] of [
    ['validate(x, 5)', () => validate({}, 5)],
    ['validate(x, [])', () => validate({}, [])],
    ['validate(x, { locations: {} })', () => validate({}, { locations: {} })],
    ['validate(x, { operation: "Nope" })', () => validate({}, { operation: 'Nope' })],
    ['applyDefaults(42)', () => applyDefaults(42)],
    ['applyDefaults("[]")', () => applyDefaults('[]')],
    ['fields({ operation: "Nope" })', () => fields({ operation: 'Nope' })],
    ['describeSchedule(5)', () => describeSchedule(5)],
    ['describeSchedule(x, { count: 101 })', () => describeSchedule('rate(1 hour)', { count: 101, from: 0 })],
    ['describeSchedule(x, { from: "yesterday" })', () => describeSchedule('rate(1 hour)', { from: 'yesterday' })],
    ['describeSchedule(x, { from: NaN })', () => describeSchedule('rate(1 hour)', { from: NaN })],
  ]) {
    add(what, call);
  }
  add('validate(many-problems.json) at every depth of a full stack', () => {
    const object = JSON.parse(examples['many-problems.json']);
    const expected = show(validate(object));
    const { answered, thrown } = callAtEveryDepth(() => validate(object));
    return {
      answered,
      someThrew: thrown.length > 0,
      onlyRangeErrors: thrown.every((error) => error instanceof RangeError),
      sameReportAfter: show(validate(object)) === expected,
    };
  });
  add('validate(minimal.json) after the exceptions', () => validate(examples['minimal.json'] ?? '{}'));

  add('fields()', () => fields());
  add('fields({ operation: "UpdateTask" })', () => fields({ operation: 'UpdateTask' }));
  add('fields({ operation: "StartTaskExecution" })', () => fields({ operation: 'StartTaskExecution' }));

  const from = Date.UTC(2026, 11, 6, 21, 37, 12, 345);
  const expressions = [
    'rate(1 hour)',
    'rate(30 minutes)',
    'rate(7 days)',
    'cron(0 8 * * ? *)',
    'cron(0 8 * * 3#1)',
    'cron(0 8 ? * 3#1 *)',
    'cron(0/15 * * * ? *)',
    'cron(0 0 L * ? *)',
    'cron(0 10 ? * MON-FRI *)',
    'cron(0 12 29 2 ? 2028)',
    'cron(0 12 31 2 ? *)',
    'cron(15 10 ? * 6L 2026-2030)',
    'cron(0 9 1W * ? *)',
    '',
    'nonsense',
    'rate(1 minute)',
  ];
  for (const expression of expressions) {
    add(`describeSchedule(${show(expression)})`, () => describeSchedule(expression, { from, count: 7 }));
  }
  add('describeSchedule(from as a Date, a BigInt, ISO text; count 0 and 100)', () => [
    describeSchedule('cron(30 6 ? * SUN *)', { from: new Date(from), count: 3 }),
    describeSchedule('cron(30 6 ? * SUN *)', { from: BigInt(from), count: 3 }),
    describeSchedule('cron(30 6 ? * SUN *)', { from: '2026-12-06T21:37:12+01:00', count: 3 }),
    describeSchedule('cron(30 6 ? * SUN *)', { from, count: 0 }),
    describeSchedule('cron(30 6 ? * SUN *)', { from, count: 100 }),
    describeSchedule('rate(1 hour)', { from: -8.64e15, count: 2 }),
    describeSchedule('rate(1 hour)', { from: 8.64e15, count: 2 }),
  ]);

  if (more.codes) add('codes() (datasync-task-validator/codes)', () => more.codes());
  if (more.schema) {
    for (const operation of [undefined, 'UpdateTask', 'StartTaskExecution']) {
      add(`schema(${show(operation)}) (datasync-task-validator/schema)`, () => more.schema(operation));
    }
  }
  return list;
}

/** Runs every check, writing `name\tresult` lines through `write`; returns how many ran. */
export function runChecks(api, more, examples, write) {
  const list = checks(api, more, examples);
  for (const [name, thunk] of list) {
    let outcome;
    try {
      outcome = `returned ${show(thunk())}`;
    } catch (error) {
      outcome = `threw ${show(error)}`;
    }
    write(`${name}\t${outcome}\n`);
  }
  return list.length;
}
