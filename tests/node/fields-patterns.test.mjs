// fields()'s string limits as a form uses them: `pattern` compiled as a
// JavaScript RegExp (no flag, `u`, or `v` as an HTML `<input pattern>` does)
// and `minLength`/`maxLength` accept exactly what validate() accepts at that
// member (hunt36 #2 and #3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fields, validate } from 'datasync-task-validator';
import { OPERATIONS, requestWith, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
/** The codes by which validate() refuses a string for its length or pattern. */
const STRING_LIMITS = new Set(['value/too-short', 'value/too-long', 'value/pattern-mismatch']);

// Where Java's and JavaScript's regexes part: a no-break space (JS `\s` takes
// it, Java's does not; Java's `\p{Zs}` does), `{` (`\p{Zs}` without the u flag
// is the text "p{Zs}"), a space, the empty string, and the line terminators
// Java's `.` refuses (U+0085 too, which JS's `.` takes).
const PROBES = ['', ' ', '\u00a0', '{', 'p', 'Z', 's', '}', '\t', '\u0085', '\u2028', '\u3000', '\u200b', '\\', '#', ',', '_', '/', '-', ':', '@', 'x'];

/** Probe strings for a field: each probe alone, and inside and after its example. */
function candidates(field) {
  const out = new Set(PROBES);
  const example = field.example ?? 'x';
  for (const probe of PROBES) {
    out.add(`a${probe}b`);
    out.add(`${example}${probe}`);
    out.add(`${example.slice(0, 20)}${probe}${example.slice(20)}`);
  }
  out.add(example);
  return [...out];
}

function patterned() {
  return OPERATIONS.flatMap((operation) =>
    fields({ operation }).filter((f) => f.type === 'string' && f.pattern !== undefined && f.enum === undefined).map((field) => ({ operation, field })),
  );
}

test('every fields() pattern compiles with no flag, with u, with v and as an <input pattern>', () => {
  const list = patterned();
  assert.ok(list.length >= 30, `${list.length} patterned fields`);
  for (const { operation, field } of list) {
    for (const flags of ['', 'u', 'v']) {
      assert.doesNotThrow(() => new RegExp(field.pattern, flags), `${operation} ${field.pointer} /${flags}: ${field.pattern}`);
    }
    // What a browser compiles for <input pattern="...">.
    assert.doesNotThrow(() => new RegExp(`^(?:${field.pattern})$`, 'v'), `${operation} ${field.pointer} as <input pattern>`);
  }
});

test('fields() pattern and length limits accept exactly what validate() accepts, whichever flag compiles the pattern', () => {
  for (const { operation, field } of patterned()) {
    const regexes = ['', 'u', 'v'].map((flags) => [flags, new RegExp(field.pattern, flags)]);
    const path = field.pointer.replaceAll('*', '0');
    for (const text of candidates(field)) {
      const length = [...text].length;
      const report = validate(requestWith(field.pointer, text), { operation });
      const core = !report.errors.some((d) => d.path === path && STRING_LIMITS.has(d.code));
      for (const [flags, regex] of regexes) {
        const form = length >= (field.minLength ?? 0) && length <= (field.maxLength ?? Infinity) && regex.test(text);
        assert.equal(form, core, `${operation} ${field.pointer} /${flags}: ${JSON.stringify(text)} is ${core ? 'accepted' : 'refused'} by validate()`);
      }
    }
  }
});

test('a filter rule Value needs a character: fields() says minLength 1, as for Name and a tag Value', () => {
  for (const operation of OPERATIONS) {
    const list = fields({ operation });
    for (const pointer of ['/Includes/*/Value', '/Excludes/*/Value']) {
      assert.equal(list.find((f) => f.pointer === pointer)?.minLength, 1, `${operation} ${pointer}`);
    }
  }
  const report = validate({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '' }] }, { operation: 'UpdateTask' });
  assert.ok(report.errors.some((d) => d.path === '/Excludes/0/Value' && d.code === 'value/pattern-mismatch'));
});
