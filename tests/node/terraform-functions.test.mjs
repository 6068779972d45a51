// The Terraform expressions the command evaluates beyond literals and
// references: the % operator, the string, collection and JSON functions,
// indexing and splats on any expression's result, template strip markers and
// directives, and .tf.json variable defaults. Every value the command computes
// must be the one `TF_CLI_CONFIG_FILE=/dev/null terraform console` (v1.11.4)
// prints, quoted in the comments; a case it does not follow exactly is
// unknown (no finding), never a guess. Run from the built package: the
// expressions are read by its HCL reader and evaluated by its evaluator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, runCommand, SOURCE, terraformTask, writeFolder } from './helpers.mjs';
import { evaluate, readNative, scopeWith, terraformValues, Unresolved, UNKNOWN } from './helpers/terraform-value.mjs';

// An error in Terraform is UNKNOWN here (terraform-values2.test.mjs tells errors apart).
const { value, expectAll } = terraformValues();

test('% is Terraform\'s modulo: the sign of the dividend, fractions kept, x % 0 is x, rounded as Terraform rounds', () => {
  expectAll([
    ['5 % 3', '2'],
    ['-5 % 3', '-2'], // console: -2 (not 1: truncated, not floored)
    ['5 % -3', '2'],
    ['-5 % -3', '-2'],
    ['5.5 % 2', '1.5'],
    ['-5.5 % 2', '-1.5'],
    ['-7.5 % -2', '-1.5'],
    ['7 % 2.5', '2'],
    ['1 % 0.1', '0'], // console: 0 (1 / 0.1 rounds to 10 at 512 bits)
    ['0.3 % 0.1', '0'],
    ['-4 % 2', '0'], // console: 0, never -0
    ['0 % -5', '0'],
    ['5 % 0', '5'], // console: 5 (cty returns the dividend)
    ['5 % 0.0', '5'],
    ['"7" % "4"', '3'],
    ['1e30 % 7', '1'],
  ]);
  // console: 2 % 0.3 is 0.1999…9991 (153 nines between)
  assert.equal(value('2 % 0.3'), `0.1${'9'.repeat(153)}1`);
  // A number not read exactly here stays unknown.
  assert.equal(value('1e-300 % 3'), UNKNOWN);
});

test('upper(), lower() and title() map characters one by one as Go does, or are unknown', () => {
  expectAll([
    ['upper("data-sync_01")', 'DATA-SYNC_01'],
    ['lower("NIGHTLY Copy")', 'nightly copy'],
    ['upper("ǆ")', 'Ǆ'], // console: "Ǆ"
    ['upper("ǅ")', 'Ǆ'],
    ['lower("ǅ")', 'ǆ'],
    ['upper("aßb")', 'AßB'], // console: "AßB" (JavaScript would write "ASSB")
    ['upper("ǰΐΰß")', 'ǰΐΰß'],
    ['lower("İA")', 'ia'], // console: "ia" (JavaScript: "i̇a")
    ['lower("ΑΣ Σ")', 'ασ σ'], // console: no final sigma (JavaScript: "ας σ")
    ['title("hello wORLD foo_bar x-y a.b 1a")', 'Hello WORLD Foo_bar X-Y A.B 1a'],
    ['title("élan über")', 'Élan Über'],
    ['title("ǆ ǅ Ǆ")', 'ǅ ǅ ǅ'], // console: titlecase, not uppercase
    ['title("ßa")', 'ßa'],
    ['title("a·b")', 'A·b'], // U+00B7 is no separator for strings.Title
    // Beyond the tables followed here: unknown.
    ['title("a\\u3000b")', UNKNOWN], // console: "A\u3000B"
    ['upper("ꞔ")', UNKNOWN],
    ['upper(1)', UNKNOWN],
  ]);
});

test('lookup() gives the value of a key, a default only when its type is sure, and a missing key is an error try() catches', () => {
  const scope = scopeWith('settings = { verify_mode = "NONE", log_level = "BASIC" }');
  expectAll(
    [
      ['lookup(local.settings, "verify_mode", "POINT_IN_TIME_CONSISTENT")', 'NONE'],
      ['lookup(local.settings, "transfer_mode", "CHANGED")', 'CHANGED'],
      ['lookup({a = 1}, "a", "x")', '1'], // console: 1
      ['lookup({a = "x", b = 2}, "b", "d")', '2'], // console: 2
      ['lookup({a = { n = 1 } }, "b", null)', null],
      ['lookup({a = [1]}, "a", [])', ['1']],
      ['lookup({a = "x"}, "a", aws_s3_bucket.b.id)', 'x'], // the default is not needed
      // console: lookup({a=1}, "b", "x") is "x" for an object, but a map(number) would convert "x": not told apart here.
      ['lookup({a = 1}, "b", "x")', UNKNOWN],
      ['lookup({}, "a", "x")', UNKNOWN],
      // console: Invalid value for "inputMap" parameter: the given object has no attribute "b".
      ['lookup({a = "x"}, "b")', UNKNOWN],
      ['try(lookup({a = "x"}, "b"), "fallback")', 'fallback'],
    ],
    scope,
  );
});

test('jsondecode() reads numbers exactly, keeps the last of a repeated key, and bad JSON is an error try() catches', () => {
  expectAll([
    ['jsondecode("{\\"a\\":1,\\"a\\":2}")', { a: '2' }], // console: { "a" = 2 }
    ['jsondecode("0.1") == 0.1', true],
    ['jsondecode("[8.2]")[0] * 1000000 / 8', '1025000'],
    ['jsondecode(" 5 ")', '5'],
    ['jsondecode("1.0")', '1'],
    ['jsondecode("{\\"o\\":{\\"verify\\":\\"NONE\\",\\"n\\":[true,null]}}").o', { verify: 'NONE', n: [true, null] }],
    ['jsondecode("[1,2")', UNKNOWN], // console: Call to function "jsondecode" failed: EOF.
    ['try(jsondecode("[1,2"), "bad")', 'bad'],
    ['try(jsondecode("{} x"), "bad")', 'bad'],
    // Not decoded here as Terraform decodes them: unknown, never caught as errors.
    ['jsondecode("-0")', UNKNOWN], // console: -0
    ['jsondecode("\\"\\\\ud800\\"")', UNKNOWN], // console: "\ufffd"
    ['try(jsondecode("\\"\\\\ud800\\""), "bad")', UNKNOWN],
  ]);
});

test('jsonencode() writes Go\'s JSON: keys in code point order, <>& and U+2028 escaped, numbers with every digit', () => {
  expectAll([
    // console: "{\"a\":[1,0.5,true,null],\"b\":\"\\u003ca\\u0026\\u003e\",\"c\":\"\\n\\t\\r\\u2028\\u2029\x7f\\u0001\\b\\f\\\"\\\\/\"}"
    ['jsonencode({b = "<a&>", a = [1, 0.5, true, null], c = "\\n\\t\\r\\u2028\\u2029\\u007f\\u0001\\u0008\\u000c\\"\\\\/"})', '{"a":[1,0.5,true,null],"b":"\\u003ca\\u0026\\u003e","c":"\\n\\t\\r\\u2028\\u2029\u007f\\u0001\\b\\f\\"\\\\/"}'],
    ['jsonencode({"é" = 1, "Z" = 2, "a" = 3, "😀" = 4, "\\uffff" = 5})', '{"Z":2,"a":3,"é":1,"\uffff":5,"😀":4}'],
    ['jsonencode(1e21)', '1000000000000000000000'],
    ['jsonencode(1.5e-7)', '0.00000015'],
    ['jsonencode(1 / 3)', `0.${'3'.repeat(154)}5`],
    ['jsonencode([])', '[]'],
    ['jsonencode(null)', 'null'],
    ['jsonencode({a = aws_s3_bucket.b.id})', UNKNOWN],
  ]);
});

test('replace(), join(), split(), trimspace(), concat(), element(), contains(), min(), max() and abs() as the console gives them', () => {
  expectAll([
    ['replace("a-b-c", "-", "+")', 'a+b+c'],
    ['replace("abc", "", "x")', 'xaxbxcx'], // console: "xaxbxcx"
    ['replace("abc", "/b/", "x")', UNKNOWN], // a regular expression (RE2): console "axc", not computed here
    ['replace("a/b", "/", "-")', 'a-b'], // one slash is no regular expression
    ['replace("", "", "x")', 'x'], // console: "x" (once: Go inserts before each character and at the end)
    ['replace("", "", "ab")', 'ab'], // console: "ab"
    ['replace("é", "", "-")', '-é-'], // console: "-é-"
    ['replace("a", "", "")', 'a'], // console: "a"
    ['replace("", "a", "x")', ''], // console: ""
    ['join(",", ["a", 1, true])', 'a,1,true'],
    ['join(",", ["a"], ["b", "c"])', 'a,b,c'],
    ['join(",", [])', ''],
    ['join(",", ["a", null])', UNKNOWN], // an error in Terraform
    ['split(",", "a,,b")', ['a', '', 'b']],
    ['split(",", "")', ['']],
    ['split("", "abc")', ['a', 'b', 'c']],
    ['trimspace("  a b \\n")', 'a b'],
    ['trimspace("\\u0085 a \\ufeff")', 'a \ufeff'], // console: U+0085 is space to Go, U+FEFF is not
    ['concat(["a"], ["b"])', ['a', 'b']],
    ['concat(["a"], [1])', UNKNOWN], // console: [ "a", 1 ] as tuples; lists would convert: not told apart here
    ['element(["a", "b", "c"], 4)', 'b'], // console: "b" (the index wraps)
    ['element(["a", "b", "c"], "1")', 'b'],
    ['element(["a", "b", "c"], -1)', UNKNOWN], // console: a panic in the function
    ['element(["a", "b"], 1.5)', UNKNOWN],
    ['element([], 0)', UNKNOWN],
    ['contains(["a"], "a")', true],
    ['contains([1, 2], 2.0)', true],
    ['contains(["a"], "b")', false],
    ['contains(["1"], 1)', UNKNOWN], // console: false for a tuple; a list(string) would convert
    ['min(3, "2", 1.5)', '1.5'],
    ['max(3, -1)', '3'],
    ['max()', UNKNOWN],
    ['abs(-5.5)', '5.5'],
    ['abs(0)', '0'],
  ]);
});

test('format() with %s, %d, %v and %% as the console gives it; anything else is unknown', () => {
  expectAll([
    ['format("%s-%s", "a", 1)', 'a-1'],
    ['format("%s", true)', 'true'],
    ['format("%d", "5")', '5'],
    ['format("%d", 5.0)', '5'],
    ['format("%d", -7)', '-7'],
    ['format("%d", 1e21)', '1000000000000000000000'],
    ['format("%v", 1.5)', '1.5'],
    // %v of a number is Go's %g, shortest digits: an exponent from 1e6 up and below 1e-4 (console 1.11.4).
    ['format("%v", 1234567)', '1.234567e+06'],
    ['format("%v", 1000000)', '1e+06'],
    ['format("%v", 2e6)', '2e+06'],
    ['format("%v", 999999)', '999999'],
    ['format("%v", 100000.5)', '100000.5'],
    ['format("%v", 1234567.5)', '1.2345675e+06'],
    ['format("%v", -1234567)', '-1.234567e+06'],
    ['format("%v", 1e21)', '1e+21'],
    ['format("%v", 1e100)', '1e+100'],
    ['format("%v", 12345678901234567890)', '1.234567890123456789e+19'],
    ['format("%v", 0.0001)', '0.0001'],
    ['format("%v", 0.000123456789)', '0.000123456789'],
    ['format("%v", 0.00001)', '1e-05'],
    ['format("%v", 1.25e-5)', '1.25e-05'],
    ['format("%v", -0.00001234)', '-1.234e-05'],
    ['format("%v", 0)', '0'],
    ['format("%v", -100)', '-100'],
    ['format("%v %v", 2, 1000000)', '2 1e+06'],
    ['format("%s", 1000000)', '1000000'], // %s writes every digit
    ['format("%v", "1000000")', '1000000'], // a string stays as written
    ['format("%s", 0.1 + 0.2)', '0.3'],
    ['format("100%%")', '100%'],
    ['format("é%sñ", "ü")', 'éüñ'],
    ['format("%d", "x")', UNKNOWN], // console: a number is required
    ['format("%d", 1.5)', UNKNOWN], // console: an integer is required
    ['format("%d", true)', UNKNOWN],
    ['format("%s", null)', UNKNOWN], // console: (known after apply)
    ['format("%s", ["a"])', UNKNOWN], // console: string required
    ['format("%v", ["<a&>", 1.5, null, {b = true}])', '["\\u003ca\\u0026\\u003e",1.5,null,{"b":true}]'], // console: as jsonencode() writes it
    ['format("%v", [aws_s3_bucket.b.id])', UNKNOWN],
    ['format("%s")', UNKNOWN], // console: not enough arguments
    ['format("%s", "a", "b")', UNKNOWN], // console: too many arguments
    ['format("a%")', UNKNOWN], // console: invalid format string
    ['format("%5s", "a")', UNKNOWN],
    ['format("%x", 5)', UNKNOWN],
  ]);
});

test('an expression\'s result can be indexed, its attributes read and splatted', () => {
  const scope = scopeWith('tasks = [{ name = "a", tags = ["x", "y"] }, { name = "b", tags = ["z"] }]\nm = { a = { b = "c" } }');
  expectAll(
    [
      ['merge({a = 1}, {b = 2})["b"]', '2'],
      ['merge({a = 1}, {b = 2}).a', '1'],
      ['(local.m).a.b', 'c'],
      ['{a = {b = "c"}}.a.b', 'c'],
      ['tolist(["a", "b"])[1]', 'b'],
      ['local.tasks[*].name', ['a', 'b']],
      ['local.tasks.*.name', ['a', 'b']],
      ['local.tasks[*].tags[0]', ['x', 'z']], // console: [*] applies every step after it to each element
      ['local.tasks.*.tags[0]', ['x', 'y']], // console: .* only the attribute names
      ['{n = "x"}[*].n', ['x']],
      ['null[*]', []],
      ['"x"[*]', ['x']],
      ['toset(["b", "a"])[*]', ['a', 'b']],
      ['local.tasks[*].missing', UNKNOWN],
      ['try(local.tasks[*].missing, "none")', 'none'],
      ['merge({a = 1}, {b = 2})["c"]', UNKNOWN],
      ['[aws_s3_bucket.b.id, "x"][1]', 'x'],
    ],
    scope,
  );
});

test('strip markers remove the whitespace next to them; %{ if } and %{ for } directives are evaluated', () => {
  expectAll([
    ['"a  ${~ "b" ~}  c"', 'abc'],
    ['"a\\n \\n ${~ "b" ~} \\n\\n c"', 'abc'],
    ['"  ${~ 5}"', '5'], // console: "5", a string: the emptied literal stays a part
    ['"${~ 5 ~}"', '5'], // console: 5, the number
    ['"a \\u00a0\\u0085\\ufeff ${~ "b"}"', 'a \u00a0\u0085\ufeffb'], // White_Space only: U+FEFF stays
    ['"%{ if true ~}  yes  %{~ else ~}  no  %{~ endif ~}  ."', 'yes.'],
    ['"%{ if false }a%{ else ~}  b%{ endif }"', 'b'],
    ['"%{ if "true" }t%{ endif }"', 't'],
    ['"%{ if 1 }t%{ endif }"', UNKNOWN], // console: The condition expression must be of type bool.
    ['"x %{~ if true ~} \\n y \\"q\\" \\u00e9\\\\ \\n %{~ endif ~} \\n z"', 'xy "q" é\\z'],
    ['"%{ if true }$${x}%%{y}%{ endif }"', '${x}%{y}'],
    ['"%{ for x in ["a", "b"] }[${x}]%{ endfor }"', '[a][b]'],
    ['"%{ for i, x in ["a", "b"] ~} ${i}=${x} %{~ endfor }"', '0=a1=b'],
    ['"%{ for k, v in {b = 1, a = 2} }${k}${v},%{ endfor }"', 'a2,b1,'],
    ['"%{ for x in toset(["b", "a"]) }${x}%{ endfor }"', 'ab'],
    ['"a %{~ for x in [1, 2] ~} ${x} %{~ endfor ~} b"', 'a12b'],
    ['"%{ for x in [aws_s3_bucket.b.id] }${x}%{ endfor }"', UNKNOWN],
  ]);
});

test('a heredoc\'s directives and strip markers are evaluated, in an indented heredoc too', () => {
  // console: "\n- a\n\n- b\n\nend\n", and "  yes ${z} \\n\n" (a heredoc has no escapes).
  assert.equal(value('<<EOT\n%{ for x in ["a", "b"] }\n- ${x}\n%{ endfor }\nend\nEOT'), '\n- a\n\n- b\n\nend\n');
  assert.equal(value('<<EOT\n  %{ if true }yes%{ else }no%{ endif } $${z} \\n\nEOT'), '  yes ${z} \\n\n');
  assert.equal(value('<<EOT\n  x ${"b"}\nEOT'), '  x b\n');
  // console: "  x  \nb  y\n" (HCL strips a heredoc line by line, not the whole literal).
  assert.equal(value('<<EOT\n  x  \n  ${~ "b" ~}\n  y\nEOT'), '  x  \nb  y\n');
  // console: "\n  a\n\nend\n" (dedented inside the directive too; terraform-gaps35.test.mjs has more).
  assert.equal(value('<<-EOT\n    %{ for x in ["a"] }\n      ${x}\n    %{ endfor }\n    end\n  EOT'), '\n  a\n\nend\n');
  assert.equal(value('<<-EOT\n    x ${"b"}\n  EOT'), 'x b\n'); // console: "x b\n"
});

test('a directive that would make more than the step budget is unknown, and the next evaluation still works', () => {
  const items = Array.from({ length: 200 }, (_, i) => String(i)).join(', ');
  const scope = scopeWith(`l = [${items}]`);
  assert.equal(value('"%{ for a in local.l }%{ for b in local.l }%{ for c in local.l }x%{ endfor }%{ endfor }%{ endfor }"', scope), UNKNOWN);
  assert.equal(value('"%{ for a in [1, 2] }${a}%{ endfor }"', scope), '12');
});

test('a function whose result would pass the bounds is unknown, never made, and the next evaluation still works', () => {
  const big = 'a'.repeat(200_000);
  const scope = scopeWith(`big = "${big}"\nlist = [${Array.from({ length: 20 }, () => 'local.big').join(', ')}]`);
  assert.equal(value('replace(local.big, "a", local.big)', scope), UNKNOWN); // 4 × 10^10 characters
  assert.equal(value('replace(local.big, "", "xxxxxx")', scope), UNKNOWN); // 1,400,006 characters
  assert.equal(value('join(local.big, local.list)', scope), UNKNOWN);
  assert.equal(value('jsonencode(local.list)', scope), UNKNOWN);
  assert.equal(value('length(replace(local.big, "aa", "b"))', scope), '100000');
});

/** The reason an expression is unknown, or its value when it is known. */
function reason(source, scope) {
  const out = evaluate(readNative(`x = ${source}\n`).body[0].value, scope);
  return out instanceof Unresolved ? out.reason : out;
}

test('functions spend steps for the characters and nested values they walk: a loop over a large value runs out of the budget, one call does not', () => {
  const items = Array.from({ length: 3000 }, (_, i) => String(i)).join(', ');
  const scope = scopeWith(`big = "${'a'.repeat(1_000_000)}"\nl = [${items}]\nh = [${items.split(', ').slice(0, 100).join(', ')}]`);
  const TOO_LARGE = /too large to evaluate here/;
  // One call on the largest string is evaluated; a hundred are too many.
  assert.equal(value('length(upper(local.big))', scope), '1000000');
  assert.match(reason('length([for x in local.h : upper(local.big)])', scope), TOO_LARGE);
  assert.match(reason('length([for x in local.h : replace(local.big, "a", "b")])', scope), TOO_LARGE);
  assert.match(reason('length([for x in local.h : format("%s", local.big)])', scope), TOO_LARGE);
  // jsonencode() walks every nested value: 3,000 calls on 3,000 items are too many.
  assert.equal(value('length(jsonencode({a = local.l}))', scope), String(`{"a":[${items.replaceAll(' ', '')}]}`.length));
  assert.match(reason('length([for x in local.l : jsonencode({a = local.l})])', scope), TOO_LARGE);
  assert.match(reason('length([for x in local.l : format("%v", {a = local.l})])', scope), TOO_LARGE);
  // A small loop is evaluated, and the next evaluation has a budget of its own.
  assert.equal(value('join(",", [for x in [1, 2] : upper("a${x}")])', scope), 'A1,A2');
});

test('through the command: a value a function makes is checked, and a .tf.json variable default is literal', (t) => {
  const { root } = writeFolder(t, {
    'main.tf': terraformTask(`  schedule {
    schedule_expression = lower(replace("RATE(30_MINUTES)", "_", " "))
  }
  excludes {
    filter_type = "SIMPLE_PATTERN"
    value       = var.pattern
  }
  tags = { kind = "%{ if var.pattern != "" ~} owned %{~ else }shared%{ endif }" }`),
    // console, with this file: var.pattern is "/$${x}/${upper(\\"a\\")}" as written.
    'variables.tf.json': JSON.stringify({ variable: { pattern: { default: '/$${x}/${upper("a")}' } } }),
  });
  const result = runCommand(['--format', 'json', '--defaults', root]);
  const document = JSON.parse(result.stdout);
  const [task] = document.files.flatMap((f) => f.tasks);
  assert.deepEqual(task.diagnostics.map((d) => [d.code, d.attribute]), [['schedule/too-frequent', 'schedule.schedule_expression']]);
  assert.deepEqual(task.notes, []);
  assert.deepEqual(task.defaults.Tags, [{ Key: 'kind', Value: 'owned' }]);
  assert.deepEqual(task.defaults.Excludes, [{ FilterType: 'SIMPLE_PATTERN', Value: '/$${x}/${upper("a")}' }]);
});

test('.tf.json: a string with a backspace or form feed is a template too (JSON\'s \\b and \\f are no HCL escapes)', (t) => {
  // console, with these locals: jsonencode(local.x) is "a\\bb\\f", jsonencode(local.y) "c\\bd 1".
  const locals = { x: '%{ if true }a\bb\f%{ endif }', y: 'c\bd ${1}' };
  const resource = { aws_datasync_task: { t: { source_location_arn: SOURCE, destination_location_arn: DESTINATION, tags: { x: '${length(local.x)}', y: '${length(local.y)}' } } } };
  const { root } = writeFolder(t, { 'main.tf.json': JSON.stringify({ locals, resource }) });
  const [task] = JSON.parse(runCommand(['--format', 'json', '--defaults', root]).stdout).files.flatMap((f) => f.tasks);
  assert.deepEqual(task.notes, []);
  assert.deepEqual(task.defaults.Tags, [
    { Key: 'x', Value: '4' },
    { Key: 'y', Value: '5' },
  ]);
});
