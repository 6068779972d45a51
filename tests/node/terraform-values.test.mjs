// Values the Terraform path computes, each compared with what
// `TF_CLI_CONFIG_FILE=/dev/null terraform console` (Terraform v1.11.4) prints
// for the same expression: strings (Unicode normalization, length()),
// conversions to a common type (conditionals, coalesce()), and the order of
// keys. A value this command does not compute as Terraform does must stay
// unknown (a terraform/not-checked note, no finding). Each case is evaluated
// as a tag value of one task and read back from --defaults.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage, runCommand, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();

/**
 * Evaluates each expression of `tags` (tag name -> Terraform expression) as
 * the value of that tag, with `prelude` (variables, locals) beside the task;
 * returns tag name -> the string sent, or null where the value is not known
 * (a terraform/not-checked note on it).
 */
function tagValues(t, tags, prelude = '', extra = {}) {
  const body = `  tags = {\n${Object.entries(tags)
    .map(([name, expr]) => `    ${name} = ${expr}`)
    .join('\n')}\n  }`;
  const dir = writeFolder(t, { 'main.tf': `${prelude}\n${terraformTask(body)}`, ...extra });
  const result = runCommand(['--format', 'json', '--defaults', join(dir.root, 'main.tf')]);
  const document = JSON.parse(result.stdout);
  const [task] = document.files.flatMap((f) => f.tasks);
  const unknown = new Set(task.notes.map((n) => n.path));
  const out = {};
  task.defaults.Tags.forEach((tag, i) => {
    out[tag.Key] = unknown.has(`/Tags/${i}/Value`) ? null : tag.Value;
  });
  return { values: out, task };
}

const CONDITION = 'variable "c" {\n  default = true\n}\n';

// ---------------------------------------------------------------------------
// 1. Strings are in NFC, as every string Terraform makes (cty.StringVal).
// ---------------------------------------------------------------------------

test('strings are normalized to NFC: literals, templates, keys and comparisons', (t) => {
  const { values } = tagValues(
    t,
    {
      // "e\u0301" == "\u00e9"            -> true
      equal: '"${"e\\u0301" == "\\u00e9"}"',
      // length("e\u0301")                -> 1
      literal: 'length("e\\u0301")',
      // length("${"e"}\u0301")            -> 1 (the template's result is normalized)
      template: 'length("${"e"}\\u0301")',
      // length(toset(["e\u0301", "\u00e9"])) -> 1
      set: 'length(toset(["e\\u0301", "\\u00e9"]))',
      // length({ "e\u0301" = 1, "\u00e9" = 2 }) -> 1 (one key; the later value wins)
      keys: 'length({ "e\\u0301" = 1, "\\u00e9" = 2 })',
      // length({ for k in ["e\u0301", "\u00e9"] : k => k... }) -> 1
      forKeys: 'length({ for k in ["e\\u0301", "\\u00e9"] : k => k... })',
      // var.decomposed (from terraform.tfvars) == "\u00e9" -> true
      tfvars: '"${var.decomposed == "\\u00e9"}"',
      // var.json (from a .auto.tfvars.json) == "\u00e9" -> true
      json: '"${var.json == "\\u00e9"}"',
      // length(var.fallback) (a default)  -> 1
      fallback: 'length(var.fallback)',
    },
    'variable "decomposed" {}\nvariable "json" {}\nvariable "fallback" {\n  default = "e\\u0301"\n}\n',
    { 'terraform.tfvars': 'decomposed = "e\\u0301"\n', 'a.auto.tfvars.json': '{ "json": "e\\u0301" }\n' },
  );
  assert.deepEqual(values, { equal: 'true', literal: '1', template: '1', set: '1', keys: '1', forKeys: '1', tfvars: 'true', json: 'true', fallback: '1' });
});

test('a decomposed tag value is sent (and measured) in NFC: 150 characters, not 300', (t) => {
  // length(join("", [for i in range(150) : "e\u0301"])) is 150 in Terraform;
  // the provider sends the normalized string.
  const decomposed = 'e\\u0301'.repeat(150);
  const { values, task } = tagValues(t, { long: `"${decomposed}"` });
  assert.equal(values.long.length, 150, 'the value sent is 150 UTF-16 units (NFC), not 300');
  assert.equal(values.long, '\u00e9'.repeat(150));
  const tooLong = task.diagnostics.filter((d) => d.code === 'value/too-long');
  assert.deepEqual(tooLong, [], 'a 150-character value is within the 256 allowed');
});

// ---------------------------------------------------------------------------
// 2. length() of a string counts grapheme clusters (Unicode 15, as cty's textseg).
// ---------------------------------------------------------------------------

test('length() of a string counts grapheme clusters as Terraform does', (t) => {
  const { values } = tagValues(t, {
    flag: 'length("🇺🇸")', // 1
    flags: 'length("🇺🇸🇫")', // 2
    family: 'length("👨‍👩‍👧‍👦")', // 1 (a ZWJ sequence)
    skin: 'length("👍🏽")', // 1
    keycap: 'length("1\\uFE0F\\u20E3")', // 1
    marks: 'length("x\\u0301\\u0302")', // 1 (no precomposed form)
    jamo: 'length("\\u1100\\u1161\\u11A8")', // 1 (NFC makes it one syllable)
    jamos: 'length("\\u1100\\u1100\\u1161\\u11A8\\u11A8")', // 1
    crlf: 'length("a\\r\\nb")', // 3
    lfcr: 'length("\\n\\r")', // 2
    zwj: 'length("a\\u200Db")', // 2
    ascii: 'length("hello")', // 5
    // length("क्ष") is 2 in Terraform 1.11 (Unicode 15.0 has no conjunct
    // rule); newer Unicode data (Node's ICU) says 1: not computed here.
    conjunct: 'length("\\u0915\\u094D\\u0937")',
  });
  assert.deepEqual(values, {
    flag: '1',
    flags: '2',
    family: '1',
    skin: '1',
    keycap: '1',
    marks: '1',
    jamo: '1',
    jamos: '1',
    crlf: '3',
    lfcr: '2',
    zwj: '2',
    ascii: '5',
    conjunct: null,
  });
});

test('length() of a long text that is not all ASCII is unknown (its segmenting costs the square of its length here), of a short one or ASCII known', (t) => {
  const { values } = tagValues(t, {
    long: `length("${'aé'.repeat(10_000)}")`, // console: 20000; not counted here
    edge: `length("${'aé'.repeat(2_048)}")`, // 4,096 characters: console 4096
    ascii: `length("${'ab'.repeat(10_000)}")`, // console: 20000
    after: 'length("é")', // console: 1
  });
  assert.deepEqual(values, { long: null, edge: '4096', ascii: '20000', after: '1' });
});

test('without Intl.Segmenter (a Node with small ICU) length() of such text is unknown, and the file is still checked', (t) => {
  const dir = writeFolder(t, { 'main.tf': terraformTask('  tags = {\n    flag  = length("🇺🇸")\n    ascii = length("abc")\n  }') });
  const result = spawnSync(
    process.execPath,
    ['--import', 'data:text/javascript,delete Intl.Segmenter', join(pkgDir, 'cli', 'bin.mjs'), '--format', 'json', '--defaults', join(dir.root, 'main.tf')],
    { encoding: 'utf8' },
  );
  const [file] = JSON.parse(result.stdout).files;
  assert.equal(file.kind, 'terraform', JSON.stringify(file.error));
  const [task] = file.tasks;
  assert.deepEqual(task.notes.map((n) => n.path), ['/Tags/1/Value']); // flag (sorted after ascii)
  assert.equal(task.defaults.Tags[0].Value, '3');
});

test('toset() works on Node 18, which has no String.prototype.isWellFormed', (t) => {
  const dir = writeFolder(t, { 'main.tf': terraformTask('  tags = {\n    n = length(toset(["a", "b", "a"]))\n  }') });
  const result = spawnSync(
    process.execPath,
    ['--import', 'data:text/javascript,delete String.prototype.isWellFormed', join(pkgDir, 'cli', 'bin.mjs'), '--format', 'json', '--defaults', join(dir.root, 'main.tf')],
    { encoding: 'utf8' },
  );
  const [file] = JSON.parse(result.stdout).files;
  assert.equal(file.kind, 'terraform', JSON.stringify(file.error));
  assert.equal(file.tasks[0].defaults.Tags[0].Value, '2');
});

// ---------------------------------------------------------------------------
// 3. and 4. Objects and tuples converted to one type (conditionals, coalesce()).
// ---------------------------------------------------------------------------

test("a conditional's object and tuple results are converted to their common type", (t) => {
  const locals = `${CONDITION}variable "f" {
  default = false
}
locals {
  same     = var.c ? { v = 5 } : { v = "x" }
  map      = var.c ? { a = 1 } : { b = "x" }
  tuple    = var.c ? [1, true] : [2, "x"]
  list     = var.c ? ["a", 1] : []
  nested   = var.c ? { a = { x = 1 } } : { a = { x = "y" } }
  inner    = var.c ? { a = [1] } : { a = ["y", "z"] }
  objects  = var.c ? [{ a = 1 }] : [{ a = "x" }, { a = 2 }]
  withnull = var.c ? { v = 5 } : null
  nullattr = var.f ? { v = null } : { v = 5 }
  bad      = var.c ? { a = 1 } : { b = true }
}`;
  const { values } = tagValues(
    t,
    {
      // (var.c ? {v=5} : {v="x"}).v == "5"              -> true
      same: '"${local.same.v == "5"}"',
      // var.c ? {a=1} : {b="x"}                         -> tomap({"a" = "1"})
      map: '"${local.map.a == "1"}"',
      // var.c ? [1, true] : [2, "x"]                    -> [1, "true"]
      tuple0: '"${local.tuple[0] == 1}"',
      tuple1: '"${local.tuple[1] == "true"}"',
      // var.c ? ["a", 1] : []                           -> tolist(["a", "1"])
      list: '"${local.list[1] == "1"}"',
      // var.c ? {a={x=1}} : {a={x="y"}}                 -> { a = { x = "1" } }
      nested: '"${local.nested.a.x == "1"}"',
      // var.c ? {a=[1]} : {a=["y","z"]}                 -> { a = tolist(["1"]) }
      inner: '"${local.inner.a[0] == "1"}"',
      // var.c ? [{a=1}] : [{a="x"},{a=2}]               -> tolist([{ a = "1" }])
      objects: '"${local.objects[0].a == "1"}"',
      // var.c ? {v=5} : null                            -> { v = 5 } (null takes the other's type)
      withnull: '"${local.withnull.v == 5}"',
      // var.f ? {v=null} : {v=5}                        -> { v = 5 }
      nullattr: '"${local.nullattr.v == 5}"',
      // var.c ? {a=1} : {b=true}: Terraform's error "Inconsistent conditional result types"
      bad: 'local.bad.a',
    },
    locals,
  );
  assert.deepEqual(values, { same: 'true', map: 'true', tuple0: 'true', tuple1: 'true', list: 'true', nested: 'true', inner: 'true', objects: 'true', withnull: 'true', nullattr: 'true', bad: null });
});

test('coalesce() converts its arguments to one type first, as Terraform does', (t) => {
  const locals = `locals {
  objects = coalesce({ v = 5 }, { v = "x" })
  maps    = coalesce({ a = 1 }, { b = "x" })
  lists   = coalesce([1], ["x", "y"])
  dynamic = coalesce(null, { v = 5 }, { v = "x" })
  empty   = coalesce({}, { a = 1 })
  bad     = coalesce({ a = 1 }, { b = true })
}`;
  const { values } = tagValues(
    t,
    {
      // coalesce({v=5}, {v="x"})        -> { v = "5" }
      objects: '"${local.objects.v == "5"}"',
      // coalesce({a=1}, {b="x"})        -> tomap({ a = "1" })
      maps: '"${local.maps.a == "1"}"',
      // coalesce([1], ["x", "y"])       -> tolist(["1"])
      lists: '"${local.lists[0] == "1"}"',
      // coalesce(null, {v=5}, {v="x"})  -> { v = 5 } (a null argument makes the type dynamic: no conversion)
      dynamic: '"${local.dynamic.v == 5}"',
      // coalesce({}, {a=1})             -> tomap({}) (an empty map is not skipped)
      empty: 'length(local.empty)',
      // coalesce({a=1}, {b=true})       -> error: all arguments must have the same type
      bad: 'local.bad.a',
    },
    locals,
  );
  assert.deepEqual(values, { objects: 'true', maps: 'true', lists: 'true', dynamic: 'true', empty: '0', bad: null });
});

test('a string beside a collection has no common type (Terraform rejects it): unknown, not the string', (t) => {
  const { values } = tagValues(
    t,
    {
      // var.c ? "x" : {a=1}   -> error: Inconsistent conditional result types
      conditional: 'var.c ? "x" : { a = 1 }',
      // var.c ? "x" : ["a"]   -> the same error
      tuple: 'var.c ? "x" : ["a"]',
      // coalesce("a", {b=1})  -> error: all arguments must have the same type
      coalesce: 'coalesce("a", { b = 1 })',
      // var.c ? "x" : null    -> "x"
      withNull: 'var.c ? "x" : null',
    },
    CONDITION,
  );
  assert.deepEqual(values, { conditional: null, tuple: null, coalesce: null, withNull: 'x' });
});

test("a variable's type constraint is its type when results are unified; tolist() unifies objects too", (t) => {
  const prelude = `${CONDITION}variable "m" {
  type    = map(string)
  default = {}
}
variable "o" {
  type    = object({ a = string, b = optional(number) })
  default = { a = null }
}
variable "l" {
  type    = list(any)
  default = [1, "x"]
}
locals {
  fromMap    = var.c ? { a = 1 } : var.m
  fromObject = var.c ? { a = 5, b = 1 } : var.o
  clash      = var.c ? { a = 5, b = true } : var.o
  fromList   = var.c ? [2, 3] : var.l
  listed     = tolist([{ a = 1 }, { a = "x" }])
}`;
  const { values } = tagValues(
    t,
    {
      // var.c ? {a=1} : var.m (map(string), empty)      -> tomap({ a = "1" })
      fromMap: '"${local.fromMap.a == "1"}"',
      // var.c ? {a=5, b=1} : var.o (a is a null string)  -> { a = "5", b = 1 }
      fromObject: '"${local.fromObject.a == "5"}"',
      // var.c ? {a=5, b=true} : var.o                    -> error: Inconsistent conditional result types
      clash: 'local.clash.a',
      // var.c ? [2, 3] : var.l (list(any): list(string)) -> tolist(["2", "3"]); a list beside a tuple is not followed here
      fromList: 'local.fromList[0]',
      // tolist([{a=1}, {a="x"}])[0].a == "1"             -> true
      listed: '"${local.listed[0].a == "1"}"',
    },
    prelude,
  );
  assert.deepEqual(values, { fromMap: 'true', fromObject: 'true', clash: null, fromList: null, listed: 'true' });
});

// ---------------------------------------------------------------------------
// 5. Keys in Terraform's order: by code point (UTF-8 bytes), not UTF-16 units.
// ---------------------------------------------------------------------------

test('keys() and for over an object order keys by code point, as Terraform does', (t) => {
  const locals = `locals {
  o = { "\\uFF01" = 1, "😀" = 2, "a" = 3 }
  k = keys(local.o)
  f = [for k, v in local.o : k]
  s = tolist(toset(["😀", "\\uFF01"]))
}`;
  const { values } = tagValues(
    t,
    {
      // keys({"\uFF01" = 1, "😀" = 2, "a" = 3}) -> ["a", "！", "😀"]
      k0: 'local.k[0]',
      k1: 'local.k[1]',
      k2: 'local.k[2]',
      // [for k, v in {...} : k]               -> ["a", "！", "😀"]
      f1: 'local.f[1]',
      f2: 'local.f[2]',
      // tolist(toset(["😀", "\uFF01"]))        -> ["！", "😀"]
      s0: 'local.s[0]',
    },
    locals,
  );
  assert.deepEqual(values, { k0: 'a', k1: '\uFF01', k2: '😀', f1: '\uFF01', f2: '😀', s0: '\uFF01' });
});

test('toset() of mixed primitives makes a set of strings, in code point order', (t) => {
  const locals = `locals {
  mixed   = tolist(toset([1, "a", true]))
  numbers = tolist(toset([10, "9", 1]))
  clash   = toset([1, true])
}`;
  const { values } = tagValues(
    t,
    {
      // toset([1, "a", true])            -> toset(["1", "a", "true"])
      mixed0: 'local.mixed[0]',
      mixed2: 'local.mixed[2]',
      // tolist(toset([10, "9", 1]))      -> tolist(["1", "10", "9"]) (strings, so "10" before "9")
      numbers1: 'local.numbers[1]',
      numbers2: 'local.numbers[2]',
      // toset([1, true])                 -> error: cannot convert tuple to set of any single type
      clash: 'length(local.clash)',
    },
    locals,
  );
  assert.deepEqual(values, { mixed0: '1', mixed2: 'true', numbers1: '10', numbers2: '9', clash: null });
});

test('merge() of maps of one element type is a map of that type when results are unified', (t) => {
  const prelude = `${CONDITION}variable "m" {
  type    = map(string)
  default = {}
}
variable "n" {
  type    = map(number)
  default = {}
}
locals {
  one = var.c ? { a = 1 } : merge(var.m, var.m)
  two = var.c ? { a = 1, b = true } : merge(var.m, var.n)
}`;
  const { values } = tagValues(
    t,
    {
      // var.c ? {a=1} : merge(var.m, var.m) (map(string))            -> tomap({ a = "1" })
      one: '"${local.one.a == "1"}"',
      // var.c ? {a=1, b=true} : merge(var.m, var.n) (object({}))     -> error: Inconsistent conditional result types
      two: 'local.two.a',
    },
    prelude,
  );
  assert.deepEqual(values, { one: 'true', two: null });
});

test('a variable of type map(any) or list(any) holding objects is unified as Terraform unifies it', (t) => {
  const prelude = `variable "v" {
  type    = map(any)
  default = { a = { x = 1, y = "s" }, b = { x = 2 } }
}
variable "w" {
  type    = list(any)
  default = [{ a = 1 }, { a = "x" }]
}
variable "z" {
  type    = map(any)
  default = { a = [1], b = ["x", "y"] }
}
variable "same" {
  type    = map(any)
  default = { a = { x = 1, y = true }, b = { x = 2, y = false } }
}
variable "bad" {
  type    = map(any)
  default = { a = { x = 1 }, b = "s" }
}`;
  const { values } = tagValues(
    t,
    {
      // var.v    -> tomap({ a = tomap({ x = "1", y = "s" }), b = tomap({ x = "2" }) })
      v: '"${var.v.b.x == "2"}"',
      // var.w    -> tolist([{ a = "1" }, { a = "x" }])
      w: '"${var.w[0].a == "1"}"',
      // var.z    -> tomap({ a = tolist(["1"]), b = tolist(["x", "y"]) })
      z: '"${var.z.a[0] == "1"}"',
      // var.same -> tomap({ a = { x = 1, y = true }, b = { x = 2, y = false } })
      same: '"${var.same.a.x == 1}"',
      // var.bad  -> error: an object and a string have no common type
      bad: 'var.bad.b',
    },
    prelude,
  );
  assert.deepEqual(values, { v: 'true', w: 'true', z: 'true', same: 'true', bad: null });
});

test('values not known before apply do not make a known collection beside them unknown', (t) => {
  const prelude = `variable "f" {
  default = false
}
locals {
  ids  = var.f ? [for s in data.aws_subnet.app : s.id] : []
  byId = var.f ? { for s in data.aws_subnet.app : s.id => s } : {}
  some = var.f ? [for s in data.aws_subnet.app : s.id] : [1]
  refs = var.f ? [] : [aws_s3_bucket.b.arn]
  tags = var.f ? {} : { arn = aws_s3_bucket.b.arn, team = "data" }
}`;
  const { values } = tagValues(
    t,
    {
      // Whatever type the other result has, converting [] or {} to it leaves it empty: 0.
      ids: 'length(local.ids)',
      byId: 'length(local.byId)',
      // [1] beside a result of a type not known here: a list of strings would make its element "1", a
      // result of no type yet (a for over a data source) keeps 1: not computed here.
      some: 'local.some[0]',
      // A list of one value not known before apply beside []: still one element (a list of strings).
      refs: 'length(local.refs)',
      // { arn = (known after apply), team = "data" } beside {}: a map of strings; team is "data".
      team: 'local.tags.team',
    },
    prelude,
  );
  assert.deepEqual(values, { ids: '0', byId: '0', some: null, refs: '1', team: 'data' });
});

test("a list's index is a number: a numeric string names the element, anything else is the error try() catches", (t) => {
  const prelude = `locals {
  l = ["a", "b"]
}`;
  const { values } = tagValues(
    t,
    {
      leadingZero: 'try(local.l["01"], "x")', // "b"
      decimal: 'try(local.l["1.0"], "x")', // "b"
      exponent: 'try(local.l["1e0"], "x")', // "b"
      bool: 'try(local.l[true], "x")', // "x" (Invalid index)
      half: 'try(local.l[0.5], "x")', // "x"
      word: 'try(local.l["length"], "x")', // "x"
      attribute: 'try(local.l.length, "x")', // "x"
      legacy: 'local.l.1', // "b"
    },
    prelude,
  );
  assert.deepEqual(values, { leadingZero: 'b', decimal: 'b', exponent: 'b', bool: 'x', half: 'x', word: 'x', attribute: 'x', legacy: 'b' });
});
