// Terraform configurations: every `aws_datasync_task` resource in a module
// (a folder of .tf and .tf.json files) and in the local modules it calls,
// checked as the CreateTask request the AWS provider will send.
//
// How:
// 1. Each folder that holds a checked .tf file is a module; all its .tf,
//    .tf.json, terraform.tfvars(.json) and *.auto.tfvars(.json) files are read
//    (terraform-syntax.mjs). A module that another checked module calls with a
//    local `source` is checked through that call (`module.x.` addresses, the
//    call's arguments as variable values), not on its own; a call with a
//    known count or for_each once per instance (`module.x[0].`,
//    `module.x["a"].`, its arguments read with count.index or each).
// 2. Expressions are evaluated as far as they are known: literals, templates,
//    `var.x` with a value (a module call argument, *.auto.tfvars,
//    terraform.tfvars, or the variable's default, in Terraform's order of
//    precedence, converted to its type constraint as Terraform converts it,
//    optional() defaults filled in; a conversion not followed here makes the
//    variable unknown), `local.x`,
//    and conditionals, operators, `for` expressions, template directives,
//    indexes and splats on any value and the functions of call() (merge(),
//    try(), lookup(), upper(), jsondecode(), …) over known values, each as
//    `terraform console` gives it or unknown; a for_each over a known
//    collection, or a known count, makes one check per instance, with
//    each.key and each.value or count.index; a `dynamic` block over a known
//    collection makes its blocks as Terraform makes them (hcl's dynblock).
//    Anything else (references to other resources, other functions, a
//    variable without a value) is unknown: check.mjs never reports a problem
//    that depends on it, and one `terraform/not-checked` note names it.
// 3. The resource is mapped to the request with the provider's own rules and
//    defaults (terraform-schema.mjs); a finding caused by a value the provider
//    filled in says so and how to set it.
// 4. A reference to an `aws_datasync_location_*` resource of the same module
//    gives that location's type and arguments to validate() as `locations`;
//    `loc["src"]` and `n[0]` name one instance each (read with its own
//    each.value or count.index), so two instances are two locations.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeSchedule, fields as fieldList } from '../node/index.mjs';
import { checkRequest, requestWithDefaults } from './check.mjs';
import { withContext } from './context.mjs';
import { Unknown } from './cloudformation.mjs';
import { escapeSegment, setMember } from './documents.mjs';
import { attributeOf, distance, isBlockType, knowsBlocksOf, LOCATIONS, nearest, TASK, TERRAFORM_SAYS } from './terraform-schema.mjs';
import { readJsonSyntax, readNative } from './terraform-syntax.mjs';
import { AWSCC_TASK_TYPE, awsccAttributeOf, awsccLocation, mapAwsccBody } from './terraform-awscc.mjs';
import { terraformSuppressions } from './suppress.mjs';

export const TASK_TYPE = 'aws_datasync_task';

/**
 * File names the Terraform path reads: configuration files end in `.tf` or
 * `.tf.json`, and OpenTofu's in `.tofu` or `.tofu.json` too (the suffix is
 * case-sensitive, as Terraform's and OpenTofu's loaders test it: `OLD.TF` is
 * not one).
 */
export const isTerraformFile = (name) => /\.(tf|tofu)(\.json)?$/.test(name);

/**
 * Why Terraform (and OpenTofu) never reads a configuration file of a module
 * folder, or null: a name that starts with `.` (hidden files, Emacs's
 * `.#main.tf` lock link), ends with `~` (a backup), or starts and ends with
 * `#` (Emacs's autosave), as configs/parser_config_dir.go's IsIgnoredFile.
 */
export function terraformIgnores(path) {
  const name = basename(path);
  if (name.startsWith('.')) return 'Terraform does not read it (its name starts with ".")';
  if (name.endsWith('~')) return 'Terraform does not read it (its name ends with "~", a backup)';
  if (name.startsWith('#') && name.endsWith('#')) return 'Terraform does not read it (an editor\'s file, "#…#")';
  return null;
}

/** The `.tofu` file that takes the place of a `.tf` file of the same base name in OpenTofu (`x.tf` -> `x.tofu`, `x.tf.json` -> `x.tofu.json`), or null. */
const tofuTwin = (name) => (/\.tf(\.json)?$/.test(name) ? name.replace(/\.tf(\.json)?$/, '.tofu$1') : null);
export const isVariablesFile = (name) => /(^|[\\/])(terraform\.tfvars|[^\\/]*\.auto\.tfvars)(\.json)?$/i.test(name);

/** Bounds for hostile configurations; no real module comes near them. */
const LIMITS = {
  depth: 64, // nested evaluation (locals referring to locals, nested values)
  modules: 256, // module instances in one check
  moduleDepth: 16, // modules calling modules
  string: 1_000_000, // characters in one evaluated string
  nodes: 100_000, // values in one evaluated argument
  fileBytes: 16 * 1024 * 1024, // one Terraform file
  unknownsPerValue: 16, // unknown values in one list or map before the whole value counts as unknown
  diagnostics: 1_000, // findings of one task (as the validator's report bound)
  instances: 64, // instances of one for_each or count checked one by one (more are checked as one); blocks one dynamic block makes
  steps: 1_000_000, // work in one evaluation: expressions evaluated, collection items walked
  checkSteps: 10_000_000, // work in all evaluations of one checkTerraform() (module instances x resource instances x arguments)
  taskSteps: 1_000, // what checking one task instance costs of checkSteps (so at most about 10,000 are checked one by one)
};

/**
 * The budget of steps of one check: LIMITS.checkSteps for a checkTerraform(),
 * none (Infinity) outside one (evaluate() called alone, the plan path). A
 * check makes one and its scopes carry it. Each value (a top-level
 * evaluate(), a variable's conversion to its type) takes at most LIMITS.steps
 * of it (value()); what is evaluated inside a value (a local, an optional()
 * default) draws on that value's budget, never on a new one.
 */
class Budget {
  constructor(limit = Infinity) {
    this.limit = limit;
    this.left = limit;
  }

  /** Steps taken of it so far. */
  get spent() {
    return this.limit - this.left;
  }

  /** Takes `n` steps that no value spends (checking one task instance). */
  charge(n) {
    this.left -= n;
  }

  /**
   * `run()` with a value's budget: LIMITS.steps, or what is left of this one
   * (then `cut`, and a value past it says the check's budget is spent);
   * what the value spent is taken from this one. Inside a value, `run()`
   * spends that value's budget.
   */
  value(run) {
    if (meter) return run();
    const steps = Math.min(LIMITS.steps, Math.max(this.left, 0));
    meter = { left: steps, cut: steps < LIMITS.steps };
    try {
      return run();
    } finally {
      // A value that ran out is charged its whole budget, not the steps it was refused.
      this.left -= steps - Math.max(meter.left, 0);
      meter = null;
    }
  }
}

/**
 * The budget of the value being evaluated, `{ left, cut }` (Budget.value());
 * null between values, so nothing of it outlives one.
 */
let meter = null;

/** Takes `n` steps of the current evaluation's budget; false once it is spent. */
function spend(n) {
  meter.left -= n;
  return meter.left >= 0;
}
/** Characters of a string that cost one step when a function reads or writes them. */
const CHARS_PER_STEP = 4;

/**
 * Takes steps for walking `value` as a function does: one per value in it
 * (nested lists and maps included) and one per CHARS_PER_STEP characters of
 * each string and key; stops, false, once the budget is spent (so the walk
 * itself is bounded, shared parts counted each time they appear).
 */
function spendOn(value) {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!spend(typeof item === 'string' ? Math.ceil(item.length / CHARS_PER_STEP) : 1)) return false;
    if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i -= 1) stack.push(item[i]);
    else if (isObject(item)) for (const key of Object.keys(item)) stack.push(key, item[key]);
  }
  return true;
}

const tooLarge = (expr) =>
  new Unresolved(
    expr?.src ?? '',
    meter?.cut
      ? `is not evaluated here: this check's budget of ${LIMITS.checkSteps.toLocaleString('en-US')} steps (for all module and resource instances) is spent`
      : `is too large to evaluate here (more than ${LIMITS.steps.toLocaleString('en-US')} steps)`,
  );

/** Why count.index, each.key and the like are not known here (they are when Terraform plans). */
const PLANNED = 'is known only when Terraform plans';

/** An Unresolved for `expr` because of `inner`: names the innermost cause only, so messages stay short. */
function because(expr, inner) {
  const root = inner.root ?? inner;
  if (root.source === expr.src) return root;
  const out = new Unresolved(expr.src, `uses ${root.source}, which ${root.reason}`);
  out.root = root;
  return out;
}

/** A value not known before apply. `always`: it is never null (a resource's ARN). */
export class Unresolved {
  constructor(source, reason, { always = false, reference, plan = false } = {}) {
    this.plan = plan; // "(known after apply)" in a plan
    this.source = source;
    this.reason = reason;
    this.always = always;
    this.reference = reference; // { type, name } for a resource reference
  }
}

/** check.mjs's Unknown for a Terraform value: in --defaults it shows as "${…}". */
class TerraformUnknown extends Unknown {
  constructor(pointer, unresolved) {
    super(pointer, unresolved.always ? { Ref: unresolved.source } : { 'Fn::Terraform': unresolved.source }, unresolved.source);
    this.intrinsic = unresolved.plan || !unresolved.source ? unresolved.source || '(not known before apply)' : `\${${unresolved.source}}`;
    this.reason = unresolved.reason;
    this.plan = unresolved.plan;
  }
}

/** The arrays that stand for Terraform sets (made only by setOf()). */
const SETS = new WeakSet();

/**
 * Every string Terraform makes is in Unicode normalization form C (cty's
 * StringVal normalizes): literals, template results, object keys, variable
 * values. Strings enter the evaluator here.
 */
const nfc = (text) => text.normalize('NFC');

/**
 * Strings with lone surrogates (Terraform has none: its strings are UTF-8)
 * are not computed here. (String.prototype.isWellFormed() is Node 20's; the
 * package supports 18.)
 */
const hasLoneSurrogate = (text) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/**
 * Terraform's order of strings (Go compares their UTF-8 bytes): by code
 * point. JavaScript's `<` compares UTF-16 units, which puts U+E000..U+FFFF
 * after the characters past U+FFFF ("\uFF01" before an emoji here).
 */
function byCodePoint(a, b) {
  if (a === b) return 0;
  if (!/[\uD800-\uDFFF]/.test(a) && !/[\uD800-\uDFFF]/.test(b)) return a < b ? -1 : 1;
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Text whose grapheme clusters Intl.Segmenter (Node's ICU, a newer Unicode)
 * counts as Terraform 1.11 does (cty's textseg, Unicode 15.0): Latin, Greek,
 * Cyrillic, Armenian, punctuation and symbols, Hangul, CJK, emoji, variation
 * selectors and tags. Other scripts are left out: the rules for Indic
 * conjuncts changed in Unicode 15.1 (length("\u0915\u094D\u0937") is 2 in
 * Terraform, 1 in ICU), and marks of scripts added since are unknown to
 * Terraform.
 */
const SEGMENTED_ALIKE = /^[\u0000-\u058F\u1100-\u11FF\u1E00-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE00-\uFE6F\uFF00-\uFFEF\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFF}\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]*$/u;
let graphemes;

/**
 * The longest non-ASCII text whose grapheme clusters are counted here: Node's
 * segmenter takes time that grows with the square of the text's length on
 * some text ("aé" repeated), and a task's values are far shorter.
 */
const SEGMENTED_MAX = 4096;

/** length() of a string: its grapheme clusters, as Terraform counts them; undefined where this command may count differently or the text is too long to count here. */
function stringLength(text) {
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  if (text.length > SEGMENTED_MAX) return undefined;
  // A Node built without Intl.Segmenter (small ICU) does not count them here.
  if (!SEGMENTED_ALIKE.test(text) || typeof Intl?.Segmenter !== 'function') return undefined;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let n = 0;
  for (const _ of graphemes.segment(text)) n += 1;
  return n;
}

/** The keys of an object in Terraform's order (keys(), `for`, for_each). */
const sortedKeys = (object) => Object.keys(object).sort(byCodePoint);

/**
 * A set of strings as Terraform makes one (toset(), a set(string)
 * variable): without duplicates, in Terraform's order (byCodePoint()),
 * marked so that indexing it is an error; undefined for other elements
 * (numbers, null, unknown values).
 */
function setOf(items) {
  if (!items.every((item) => typeof item === 'string' && !hasLoneSurrogate(item))) return undefined;
  const out = [...new Set(items)].sort(byCodePoint);
  SETS.add(out);
  return out;
}

/** What a set setOf() does not make holds, where `for_each` rejects it (makesNone()). */
const NULL_IN_SET = 'set with a null element';

/**
 * The kind of set `items` make when setOf() makes none and Terraform's
 * `for_each` would reject it: 'set of number', 'set of bool' or
 * NULL_IN_SET (`"for_each" sets must not contain null values`); undefined
 * for any other (a value not known, a set of collections).
 */
function setKind(items) {
  if (items.some((item) => item instanceof Unresolved)) return undefined;
  if (items.includes(null)) return NULL_IN_SET;
  if (items.length && items.every(isNumber)) return 'set of number';
  if (items.length && items.every((item) => typeof item === 'boolean')) return 'set of bool';
  return undefined;
}

/** `unresolved`, marked with the kind of set it is (setKind()), when there is one. */
function markedSet(unresolved, items) {
  const kind = setKind(items);
  if (kind) unresolved.forEachKind = kind;
  return unresolved;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unresolved) && !(v instanceof Fraction);
const where = (file, item) => `${file}:${item.line}:${item.column}`;

/** Reads one Terraform file into `{ body }` or `{ error }`. */
function readFile(path) {
  let text;
  try {
    const stats = statSync(path);
    // A named pipe would block the read forever, a device never end (issue 11).
    if (!stats.isFile()) return { unreadable: 'not a regular file' };
    const size = stats.size;
    if (size > LIMITS.fileBytes) return { error: { message: `the file is ${size} bytes, more than the ${LIMITS.fileBytes} a Terraform file may have here`, line: 1, column: 1 } };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { unreadable: error.code === 'ENOENT' ? 'no such file or directory' : String(error.code ?? error.message) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/\.json$/i.test(path)) {
    const read = readJsonSyntax(text, isBlockType, { variables: isVariablesFile(path), knowsBlocksOf });
    // A file Terraform rejects for what it holds (a repeated argument), not for its JSON, says so itself.
    if (read.error?.terraform) return { error: { message: read.error.message, line: read.error.line, column: read.error.column } };
    return read.error ? { error: { ...read.error, message: `invalid JSON: ${read.error.message}` } } : read;
  }
  const read = readNative(text);
  if (read.error?.tooLarge) return { error: { message: read.error.message, line: read.error.line, column: read.error.column } };
  // The text for its suppression comments (checkFolders()).
  return read.error ? { error: { ...read.error, message: `invalid HCL: ${read.error.message}` } } : { ...read, text };
}

/** Override files (`override.tf`, `*_override.tf`, and .tf.json, .tofu, .tofu.json): Terraform merges them into the module after the others. */
export const isOverrideFile = (name) => /(^|[\\/_])override\.(tf|tofu)(\.json)?$/.test(name);

/**
 * The names of `names` (Required top-level arguments) that a resource's own
 * block leaves out, though an override file gives them (empty without
 * one): Terraform decodes the block's Required arguments before it merges
 * the override, so it still reports them missing.
 */
function absentBeforeOverride(resource, names) {
  if (!resource.unmerged) return new Set();
  return new Set(names.filter((name) => !resource.unmerged.body.some((b) => b.t === 'attr' && b.name === name)));
}

/** A copy of `node` (a block or an attribute) with every position moved to `line`, `column`. */
function movedTo(node, { line, column }) {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => movedTo(item, { line, column }));
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'line' ? line : key === 'column' ? column : movedTo(value, { line, column });
  return out;
}

/**
 * A body merged with an override's body, as Terraform merges override files:
 * an argument of the override replaces the argument of that name; the
 * override's nested blocks of a type (`dynamic "x"` counts as type x) replace
 * every block of that type; the rest stays.
 */
function overriddenBody(body, override) {
  const typeOf = (item) => (item.type === 'dynamic' ? item.labels[0] : item.type);
  const names = new Set(override.filter((item) => item.t === 'attr').map((item) => item.name));
  const types = new Set(override.filter((item) => item.t === 'block').map(typeOf));
  return [...body.filter((item) => (item.t === 'attr' ? !names.has(item.name) : !types.has(typeOf(item)))), ...override];
}

/** The literal alias of a provider block ('' for none). */
const aliasOf = (block) => block.body.find((item) => item.t === 'attr' && item.name === 'alias')?.value?.v ?? '';

/**
 * Merges one top-level block of an override file (`file`) into `module`.
 * Findings on a resource's or module call's arguments are reported with that
 * resource, so the arguments the override gives are placed at its header; a
 * note in the override file says so. A variable's default, a local value and
 * a provider's default_tags keep their place in the override file (their
 * findings name it as the value's origin).
 */
function mergeOverride(module, item, file) {
  const [first, second] = item.labels;
  const note = (message) => module.notes.push({ file, line: item.line, column: item.column, message });
  const missing = (what, error) => note(`Not checked: this overrides ${what}, which this module does not define; Terraform rejects it (${error}).`);
  const merged = (base) => ({ ...base, body: overriddenBody(base.body, movedTo(item.body, base)) });
  if (item.type === 'variable' && first) {
    const base = module.variables.get(first);
    if (!base) return missing(`variable "${first}"`, 'Missing base variable declaration to override');
    const givesDefault = item.body.some((attr) => attr.t === 'attr' && attr.name === 'default');
    module.variables.set(first, { block: { ...base.block, body: overriddenBody(base.block.body, item.body) }, file: givesDefault ? file : base.file });
  } else if (item.type === 'locals') {
    for (const attr of item.body) {
      if (attr.t !== 'attr') continue;
      if (module.locals.has(attr.name)) module.locals.set(attr.name, { attr, file });
      else missing(`local value "${attr.name}"`, 'Missing base local value definition to override');
    }
  } else if (item.type === 'resource' && first && second) {
    const base = module.resources.get(`${first}.${second}`);
    if (!base) return missing(`resource "${first}" "${second}"`, 'Missing resource to override');
    module.resources.set(`${first}.${second}`, { ...base, block: merged(base.block), unmerged: base.unmerged ?? base.block });
    if (first === TASK_TYPE) {
      note(`Not checked here: this overrides arguments of ${first}.${second} (${where(base.file, base.block)}), which is checked with them merged in, as Terraform merges override files; their findings are shown at that resource.`);
    }
  } else if (item.type === 'module' && first) {
    const index = module.calls.findIndex((call) => call.name === first);
    if (index < 0) return missing(`module "${first}"`, 'Missing module call to override');
    module.calls[index] = { ...module.calls[index], block: merged(module.calls[index].block) };
  } else if (item.type === 'provider' && first === 'aws') {
    const index = module.providers.findIndex((provider) => aliasOf(provider.block) === aliasOf(item));
    if (index < 0) return missing(`provider "aws"${aliasOf(item) ? ` (alias ${aliasOf(item)})` : ''}`, 'Missing base provider configuration for override');
    const base = module.providers[index];
    const givesTags = item.body.some((block) => block.t === 'block' && block.type === 'default_tags');
    module.providers[index] = { block: { ...base.block, body: overriddenBody(base.block.body, item.body) }, file: givesTags ? file : base.file };
  }
}

/**
 * The first resource of `body` (the file `file`) that `resources` (the
 * module's, so far) or `body` itself already declares, as the error Terraform stops at
 * ("Duplicate resource ... configuration": names are unique per type in a
 * module, `terraform init`, `validate` and `plan` all refuse it); null if
 * none.
 */
function duplicateResource(body, resources, file) {
  const seen = new Map();
  for (const item of body) {
    const [first, second] = item.t === 'block' && item.type === 'resource' ? item.labels : [];
    if (!first || !second) continue;
    const key = `${first}.${second}`;
    const earlier = resources.get(key) ?? seen.get(key);
    if (earlier) {
      const message = `Duplicate resource "${first}" configuration: ${key} is already declared at ${where(earlier.file, earlier.block)} (resource names must be unique per type in a module; Terraform rejects the module)`;
      return { message, line: item.line, column: item.column };
    }
    seen.set(key, { file, block: item });
  }
  return null;
}

/** A module: the files of one folder, indexed. `display` turns a path into the name reported. */
function loadModule(folder, display, cache) {
  const key = resolve(folder);
  if (cache.has(key)) return cache.get(key);
  const module = { folder, files: new Map(), variables: new Map(), locals: new Map(), resources: new Map(), calls: [], tfvars: [], providers: [], notes: [] };
  cache.set(key, module);
  let names = [];
  try {
    names = readdirSync(folder === '' ? '.' : folder).sort();
  } catch {
    names = [];
  }
  // A folder with .tofu files is read as OpenTofu reads it (Terraform itself never reads them): `x.tofu` takes
  // the place of `x.tf` (`x.tofu.json` of `x.tf.json`), which is left out (module.shadowed names it).
  const tofu = new Set(names.filter((name) => isTerraformFile(name) && !terraformIgnores(name)).filter((name) => /\.tofu(\.json)?$/.test(name)));
  module.shadowed = new Map();
  const overrides = [];
  for (const name of names) {
    const path = join(folder, name);
    const configuration = isTerraformFile(name);
    if (!configuration && !isVariablesFile(name)) continue;
    if (configuration && terraformIgnores(name)) continue;
    if (configuration && tofu.has(tofuTwin(name))) {
      module.shadowed.set(resolve(path), display(join(folder, tofuTwin(name))));
      continue;
    }
    const shown = display(path);
    const read = readFile(path);
    module.files.set(resolve(path), { name: shown, path, read });
    if (!read.body) continue;
    if (!configuration) {
      module.tfvars.push({ name: shown, body: read.body });
      continue;
    }
    if (isOverrideFile(name)) {
      overrides.push({ name: shown, body: read.body });
      continue;
    }
    const duplicate = duplicateResource(read.body, module.resources, shown);
    if (duplicate) {
      // Terraform rejects the module: this file is reported as one it cannot read, its blocks left out.
      module.files.set(resolve(path), { name: shown, path, read: { error: duplicate } });
      continue;
    }
    for (const item of read.body) {
      if (item.t !== 'block') continue;
      const [first, second] = item.labels;
      if (item.type === 'variable' && first) module.variables.set(first, { block: item, file: shown });
      else if (item.type === 'locals') {
        for (const attr of item.body) if (attr.t === 'attr') module.locals.set(attr.name, { attr, file: shown });
      } else if (item.type === 'resource' && first && second) module.resources.set(`${first}.${second}`, { block: item, file: shown, type: first, name: second });
      else if (item.type === 'module' && first) module.calls.push({ name: first, block: item, file: shown });
      else if (item.type === 'provider' && first === 'aws') module.providers.push({ block: item, file: shown });
      // A provider or a backend (or HCP Terraform's cloud block) configured here: a root module's folder.
      if (item.type === 'provider' || (item.type === 'terraform' && item.body.some((b) => b.t === 'block' && (b.type === 'backend' || b.type === 'cloud')))) module.configures = true;
    }
  }
  // Override files after all the others, in name order (`names` is sorted), each block in file order.
  for (const { name, body } of overrides) for (const item of body) if (item.t === 'block') mergeOverride(module, item, name);
  // terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) in name order: later wins.
  const rank = (name) => (/terraform\.tfvars$/i.test(name) ? 0 : /terraform\.tfvars\.json$/i.test(name) ? 1 : 2);
  module.tfvars.sort((a, b) => rank(a.name) - rank(b.name) || (basename(a.name) < basename(b.name) ? -1 : 1));
  return module;
}

/** The local folder a module call's `source` names, or null (a registry or Git source). */
function callFolder(module, call) {
  const source = call.block.body.find((item) => item.t === 'attr' && item.name === 'source');
  const value = source?.value?.k === 'string' ? source.value.v : null;
  if (typeof value !== 'string' || !/^\.\.?(\/|$)/.test(value)) return null;
  return join(module.folder === '' ? '.' : module.folder, value);
}

/** The most a .terraform/modules/modules.json is read of (a manifest lists one line per module call). */
const MANIFEST_BYTES = 4 * 1024 * 1024;

/** A module source as Terraform compares it with the one its manifest records: a registry address without its default host. */
const sourceKey = (source) => source.replace(/^registry\.terraform\.io\//i, '');

/**
 * The folder where `terraform init` installed the module a call takes from a
 * registry or Git (`source` not a local path), or null: the entry of
 * `key` (the call names from the root module, joined by ".") in the root
 * folder's .terraform/modules/modules.json, the manifest Terraform itself
 * reads to find installed modules, when it records the call's source and its
 * folder exists. (Terraform refuses to plan when the source changed since
 * init; the call then stays not checked here.) `manifests` caches each root's.
 */
function installedFolder(root, key, call, manifests) {
  const source = call.block.body.find((item) => item.t === 'attr' && item.name === 'source')?.value;
  if (source?.k !== 'string' || typeof source.v !== 'string') return null;
  const base = root === '' ? '.' : root;
  if (!manifests.has(base)) {
    let modules = null;
    try {
      const file = join(base, '.terraform', 'modules', 'modules.json');
      if (statSync(file).size <= MANIFEST_BYTES) modules = JSON.parse(readFileSync(file, 'utf8'))?.Modules;
    } catch {
      modules = null;
    }
    manifests.set(base, Array.isArray(modules) ? modules : []);
  }
  const entry = manifests.get(base).find((m) => m !== null && typeof m === 'object' && m.Key === key);
  if (typeof entry?.Dir !== 'string' || typeof entry.Source !== 'string' || sourceKey(entry.Source) !== sourceKey(source.v)) return null;
  const folder = isAbsolute(entry.Dir) ? entry.Dir : join(base, entry.Dir);
  try {
    return statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}

/** An instance of a module: its address prefix, the values of its variables and its check's budget. */
export class Scope {
  constructor(module, prefix, variables, budget = new Budget()) {
    this.module = module;
    this.budget = budget; // the check's (bind() and unbound() keep it)
    this.prefix = prefix; // '' or 'module.a.module.b.'
    this.variables = variables; // name -> { value, origin } | Unresolved
    this.locals = new Map();
    this.busy = new Set();
    this.bindings = new Map(); // names a `for` expression or a resource instance binds: `each`, `t`, …
  }

  /** This scope with `entries` bound on top (a `for` expression's variables, `each` of an instance). */
  bind(entries) {
    const child = Object.create(this);
    child.bindings = new Map([...this.bindings, ...entries]);
    return child;
  }

  variable(name) {
    if (this.variables.has(name)) return this.variables.get(name);
    return new Unresolved(
      `var.${name}`,
      !this.module.variables.has(name)
        ? 'is not declared in this module'
        : this.module.configures
          ? `has no default and no value in terraform.tfvars or *.auto.tfvars (Terraform takes it from -var, -var-file or TF_VAR_${name})`
          : // No provider or backend here: likely a module that others call, whose variables only its callers set.
            `has no default and no value in terraform.tfvars or *.auto.tfvars (a module block that calls this folder sets it; run as a root module, Terraform takes it from -var, -var-file or TF_VAR_${name})`,
    );
  }

  /** The scope without bindings. */
  unbound() {
    let scope = this;
    while (Object.getPrototypeOf(scope) instanceof Scope) scope = Object.getPrototypeOf(scope);
    return scope;
  }

  local(name, trace, depth) {
    if (this.locals.has(name)) {
      const { value, origins } = this.locals.get(name);
      origins.forEach((o) => trace.add(o));
      return value;
    }
    const entry = this.module.locals.get(name);
    if (!entry || this.busy.has(name)) return new Unresolved(`local.${name}`, entry ? 'refers to itself' : 'is not defined in this module');
    this.busy.add(name);
    const origins = new Set();
    // A local never sees the bindings of the expression that reads it.
    let value = evaluate(entry.attr.value, this.unbound(), origins, depth + 1);
    // Evaluated as part of a larger value whose budget ran out: only partly computed.
    if (meter.left < 0) value = tooLarge(entry.attr.value);
    this.busy.delete(name);
    this.locals.set(name, { value, origins });
    origins.forEach((o) => trace.add(o));
    return value;
  }
}

const EMPTY_SCOPE = new Scope({ variables: new Map(), locals: new Map() }, '', new Map());

/** How many Unresolved values `value` holds (lists and maps searched). */
function unresolvedCount(value) {
  if (value instanceof Unresolved) return 1;
  if (Array.isArray(value)) return value.reduce((n, item) => n + unresolvedCount(item), 0);
  if (isObject(value)) return Object.values(value).reduce((n, item) => n + unresolvedCount(item), 0);
  return 0;
}

/** Counts values up to a bound; false when `value` is larger (a "billion laughs" of locals). */
function withinBounds(value) {
  let budget = LIMITS.nodes;
  const stack = [value];
  while (stack.length) {
    const item = stack.pop();
    budget -= 1;
    if (budget < 0) return false;
    if (typeof item === 'string' && item.length > LIMITS.string) return false;
    if (Array.isArray(item)) stack.push(...item);
    else if (isObject(item)) stack.push(...Object.values(item));
  }
  return true;
}

// Terraform's numbers are binary floating point numbers of 512 bits of
// mantissa (cty: big.Float, rounded to nearest even after each operation,
// literals parsed to the nearest such number). An integer of at most 512
// bits is a BigInt here; any other number is a Fraction holding the same
// binary value exactly, so + - * / and comparisons give Terraform's results,
// not IEEE doubles' (8.2 * 1000000 / 8 is 1025000, 0.1 + 0.2 == 0.3).
const PRECISION = 512;
/** Numbers past 2^±1100 (about 10^±331) are not computed here: unknown (a chain of squares would grow without end). */
const MAGNITUDE = 1100;

/** A Terraform number that is not an integer: mantissa × 2^exponent (exponent < 0, mantissa odd). */
class Fraction {
  constructor(mantissa, exponent) {
    this.mantissa = mantissa;
    this.exponent = exponent;
  }
}

const bitLength = (n) => (n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length);
const isNumber = (v) => typeof v === 'bigint' || v instanceof Fraction;

/**
 * The exact rational `num / den` (den > 0) rounded as Terraform rounds it:
 * to 512 bits, to nearest even; undefined past MAGNITUDE.
 */
function rounded(num, den) {
  if (num === 0n) return 0n;
  const negative = num < 0n;
  const n = negative ? -num : num;
  // Scale so that the quotient has PRECISION + 2 or + 3 bits.
  const shift = PRECISION + 2 - (bitLength(n) - bitLength(den));
  const [top, bottom] = shift >= 0 ? [n << BigInt(shift), den] : [n, den << BigInt(-shift)];
  let q = top / bottom;
  const sticky = top % bottom !== 0n;
  const extra = bitLength(q) - PRECISION;
  let exponent = -shift;
  if (extra > 0) {
    const low = q & ((1n << BigInt(extra)) - 1n);
    const half = 1n << BigInt(extra - 1);
    q >>= BigInt(extra);
    exponent += extra;
    if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  }
  if (Math.abs(bitLength(q) + exponent) > MAGNITUDE) return undefined;
  while (exponent < 0 && (q & 1n) === 0n) {
    q >>= 1n;
    exponent += 1;
  }
  const signed = negative ? -q : q;
  return exponent >= 0 ? signed << BigInt(exponent) : new Fraction(signed, exponent);
}

/** A number as `[mantissa, exponent]`: value = mantissa × 2^exponent. */
const binaryOf = (v) => (typeof v === 'bigint' ? [v, 0] : [v.mantissa, v.exponent]);

/** `a` and `b` as integers on one scale: `[a', b', exponent]`. */
function aligned(a, b) {
  const [ma, ea] = binaryOf(a);
  const [mb, eb] = binaryOf(b);
  const e = Math.min(ea, eb);
  return [ma << BigInt(ea - e), mb << BigInt(eb - e), e];
}

const fromBinary = (m, e) => (e >= 0 ? rounded(m << BigInt(e), 1n) : rounded(m, 1n << BigInt(-e)));

/** Terraform's + - * / on two numbers (undefined: division by zero, an error in Terraform, or past MAGNITUDE). */
function arithmetic(op, a, b) {
  if (op === '+' || op === '-') {
    const [x, y, e] = aligned(a, b);
    return fromBinary(op === '+' ? x + y : x - y, e);
  }
  const [ma, ea] = binaryOf(a);
  const [mb, eb] = binaryOf(b);
  if (op === '*') return fromBinary(ma * mb, ea + eb);
  if (mb === 0n) return undefined;
  // (ma × 2^ea) / (mb × 2^eb), the sign on the numerator.
  const [num, den] = mb < 0n ? [-ma, -mb] : [ma, mb];
  const e = ea - eb;
  return e >= 0 ? rounded(num << BigInt(e), den) : rounded(num, den << BigInt(-e));
}

/** -1, 0 or 1 as a is less than, equal to or greater than b (exactly). */
function compare(a, b) {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A number written in decimal ("8.2", "1.25e7", "-3") as Terraform parses
 * it, or undefined for text that is not such a number, or one this command
 * does not parse exactly as Terraform (more than 150 digits, an exponent
 * past 240).
 */
function parseNumber(text) {
  // As Go's big.ParseFloat reads it (tonumber("+5"), "5." and ".5" are numbers; " 5" and "inf" not taken here).
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || !/\d/.test(`${match[2]}${match[3] ?? ''}`)) return undefined;
  const [, sign, whole, fraction = '', power = '0'] = match;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  const exponent = Number(power) - fraction.length;
  if (digits.length > 150 || Math.abs(exponent) > 240) return undefined;
  // Terraform keeps a negative zero ("-0" is written "-0"); this command has none: unknown.
  if (/^0*$/.test(digits)) return sign === '-' ? undefined : 0n;
  const mantissa = BigInt(`${sign === '-' ? '-' : ''}${digits}`);
  return exponent >= 0 ? rounded(mantissa * 10n ** BigInt(exponent), 1n) : rounded(mantissa, 10n ** BigInt(-exponent));
}

/**
 * A number as Terraform writes it in a string: every digit, no exponent
 * (1e21 is "1000000000000000000000", 1e-7 "0.0000001"), the shortest
 * decimal that reads back as the same number; undefined where this command
 * is not sure to write the same (a tie between two such decimals).
 */
function numberText(value) {
  if (typeof value === 'bigint') return bitLength(value) <= PRECISION ? String(value) : undefined;
  const { mantissa, exponent } = value;
  // The interval of numbers that round to this one: ± half a unit in the last place.
  const ulpExponent = Math.max(bitLength(mantissa), 1) + exponent - PRECISION;
  const scale = 1n << BigInt(-exponent); // value = mantissa / scale exactly
  for (let places = 1; places <= -exponent; places += 1) {
    const power = 10n ** BigInt(places);
    // Nearest integer to value × 10^places, and its distance × 2 × scale.
    const scaled = mantissa * power;
    let n = scaled / scale;
    let rest = scaled - n * scale; // same sign as mantissa
    if (rest < 0n) {
      n -= 1n;
      rest += scale;
    }
    const tie = 2n * rest === scale;
    if (2n * rest > scale) {
      n += 1n;
      rest -= scale;
    }
    // n / 10^places is off by |rest| / (scale × 10^places); it reads back as
    // this number when that is less than half a unit in the last place.
    const twice = (rest < 0n ? -rest : rest) * 2n;
    const [left, right] = ulpExponent >= 0 ? [twice, (scale * power) << BigInt(ulpExponent)] : [twice << BigInt(-ulpExponent), scale * power];
    if (left > right) continue;
    if (left === right || tie) return undefined; // on the edge, or two nearest: Terraform's pick not worked out here
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(places + 1, '0');
    const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/0+$/, '');
    return `${negative ? '-' : ''}${text}`;
  }
  return undefined;
}

/**
 * A number as format("%v", n) writes it: Go's %g with the shortest digits
 * (cty hands its big.Float to fmt), i.e. the digits numberText() gives,
 * with an exponent when the first digit's power of ten is below -4 or 6 and
 * above (1e6 is "1e+06", 999999 "999999", 0.0001 "0.0001", 0.00001
 * "1e-05", 1234567.5 "1.2345675e+06": terraform console 1.11.4).
 */
function shortestG(text) {
  const [, sign, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  const all = `${whole}${fraction}`;
  const first = all.search(/[1-9]/);
  const power = whole.length - first - 1;
  if (first < 0 || (power >= -4 && power < 6)) return text;
  const digits = all.slice(first).replace(/0+$/, '');
  const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${rest}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

function stringOf(value) {
  if (typeof value === 'string') return value;
  if (isNumber(value)) return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

function describe(expr) {
  if (expr.k === 'call') return `the function ${expr.name}()`;
  if (expr.k === 'template') return 'an indented (<<-) heredoc that this command does not dedent as Terraform does';
  return 'an expression evaluated at plan time';
}

/**
 * The value of an expression in `scope`, or an Unresolved. `trace` collects
 * where variable values came from.
 */
export function evaluate(expr, scope, trace = new Set(), depth = 0) {
  if (depth > 0) return evaluated(expr, scope, trace, depth);
  // A top-level evaluation: a value's budget; once spent, the whole value
  // is unknown (a part computed before it ran out is never passed on).
  return scope.budget.value(() => {
    const value = evaluated(expr, scope, trace, 0);
    return meter.left < 0 && !(value instanceof Unresolved) ? tooLarge(expr) : value;
  });
}

function evaluated(expr, scope, trace, depth) {
  if (!spend(1)) return tooLarge(expr);
  if (!expr || depth > LIMITS.depth) return new Unresolved(expr?.src ?? '', 'nests too deeply to evaluate here');
  switch (expr.k) {
    case 'null':
      return null;
    case 'bool':
      return expr.v;
    case 'number':
      return parseNumber(expr.v) ?? new Unresolved(expr.src, 'is a number this command does not read exactly as Terraform does');
    case 'string':
      return typeof expr.v === 'string' ? nfc(expr.v) : expr.v;
    case 'template': {
      // "${x}" alone is x itself, unconverted (Terraform 0.11 style references).
      if (expr.parts.length === 1 && expr.parts[0].expr && !expr.parts[0].strip) return evaluate(expr.parts[0].expr, scope, trace, depth + 1);
      const text = templateText(expr, expr.parts, scope, trace, depth);
      // Parts in NFC may join into text that is not ("e" and "\u0301").
      return typeof text === 'string' ? nfc(text) : text;
    }
    case 'array':
      return expr.items.map((item) => evaluate(item, scope, trace, depth + 1));
    case 'object': {
      const out = {};
      for (const item of expr.items) {
        const key = typeof item.key === 'string' ? nfc(item.key) : stringOf(evaluate(item.key, scope, trace, depth + 1));
        if (key === undefined) return new Unresolved(expr.src, 'has a key that is not known before apply');
        setMember(out, key, evaluate(item.value, scope, trace, depth + 1));
      }
      return out;
    }
    case 'traversal':
      return traverse(expr, scope, trace, depth);
    case 'call':
      return call(expr, scope, trace, depth);
    case 'var':
      return scope.bindings.has(expr.name) ? scope.bindings.get(expr.name) : new Unresolved(expr.src, `is ${describe(expr)}`);
    case 'for':
      return forExpression(expr, scope, trace, depth);
    case 'conditional': {
      const condition = evaluate(expr.cond, scope, trace, depth + 1);
      if (condition instanceof Unresolved) return because(expr, condition);
      if (typeof condition !== 'boolean') return new Unresolved(expr.src, 'has a condition that is not true or false');
      const chosen = evaluate(condition ? expr.then : expr.else, scope, trace, depth + 1);
      // The result has the type both results convert to ((true ? 5 : "x") is "5").
      const other = evaluate(condition ? expr.else : expr.then, scope, new Set(), depth + 1);
      return commonOf(expr, chosen, [other]);
    }
    case 'binary':
      return binary(expr, scope, trace, depth);
    case 'unary': {
      const operand = evaluate(expr.operand, scope, trace, depth + 1);
      if (operand instanceof Unresolved) return because(expr, operand);
      if (expr.op === '!' && typeof operand === 'boolean') return !operand;
      const number = numberOf(operand);
      // -0 is Terraform's negative zero, written "-0": not computed here.
      if (expr.op === '-' && number !== undefined && compare(number, 0n) !== 0) return arithmetic('-', 0n, number);
      return new Unresolved(expr.src, `is ${describe(expr)}`);
    }
    case 'unknown': // from a plan: (known after apply)
      return new Unresolved(expr.src, expr.reason, { always: expr.always, reference: expr.reference, plan: true });
    default:
      return new Unresolved(expr.src, `is ${describe(expr)}`);
  }
}

/**
 * The text of a template's parts (crates/hcl-reader: literals with strip
 * markers applied, interpolations, `%{ if }` and `%{ for }` directives), or
 * an Unresolved. An indented (<<-) heredoc comes dedented as HCL dedents
 * it; where the reader cannot tell how (its text does not read again, or a
 * line's indentation is followed by a combining mark), it marks its
 * directives and strip markers, or the whole heredoc, to be left unknown.
 */
function templateText(expr, parts, scope, trace, depth) {
  if (depth > LIMITS.depth) return new Unresolved(expr.src, 'nests too deeply to evaluate here');
  let out = '';
  const add = (text) => {
    out += text;
    return out.length <= LIMITS.string;
  };
  const tooLong = () => new Unresolved(expr.src, `is longer than ${LIMITS.string} characters`);
  for (const part of parts) {
    if (!spend(1)) return tooLarge(expr);
    if ('lit' in part) {
      if (!add(part.lit)) return tooLong();
    } else if (part.directive) return new Unresolved(expr.src, `is ${describe(expr)}`);
    else if (part.strip) return new Unresolved(expr.src, 'is an indented (<<-) heredoc that this command does not dedent as Terraform does');
    else if (part.if) {
      const condition = evaluate(part.if, scope, trace, depth + 1);
      if (condition instanceof Unresolved) return because(expr, condition);
      // The condition converts to bool as a string does ("true"); a number is an error in Terraform.
      let chosen;
      try {
        chosen = typeof condition === 'string' ? primitive(condition, 'bool') : condition;
      } catch (error) {
        if (!(error instanceof NotConverted)) throw error;
      }
      if (typeof chosen !== 'boolean') return new Unresolved(expr.src, 'has a %{ if } condition that is not true or false');
      const text = templateText(expr, chosen ? part.then : part.else, scope, trace, depth + 1);
      if (text instanceof Unresolved) return text;
      if (!add(text)) return tooLong();
    } else if (part.for) {
      const collection = evaluate(part.for, scope, trace, depth + 1);
      if (collection instanceof Unresolved) return because(expr, collection);
      const entries = entriesOf(collection);
      if (!entries) return new Unresolved(expr.src, 'has a %{ for } over a value that is not a collection');
      if (!spend(entries.length)) return tooLarge(expr);
      for (const [key, item] of entries) {
        const bound = scope.bind(part.keyVar ? [[part.keyVar, key], [part.valueVar, item]] : [[part.valueVar, item]]);
        const text = templateText(expr, part.body, bound, trace, depth + 1);
        if (text instanceof Unresolved) return text;
        if (!add(text)) return tooLong();
      }
    } else {
      const value = evaluate(part.expr, scope, trace, depth + 1);
      if (value instanceof Unresolved) return because(expr, value);
      const text = stringOf(value);
      if (text === undefined && isNumber(value)) return new Unresolved(expr.src, 'interpolates a number this command does not write exactly as Terraform does');
      if (text === undefined) return new Unresolved(expr.src, 'interpolates a value that is not a string');
      if (!add(text)) return tooLong();
    }
  }
  return out;
}

/** A Terraform number (BigInt or Fraction); strings of a number convert as Terraform converts them. */
function numberOf(value) {
  if (isNumber(value)) return value;
  return typeof value === 'string' ? parseNumber(value) : undefined;
}

/** The operators of Terraform's expression language on known numbers, strings and booleans. */
function binary(expr, scope, trace, depth) {
  const lhs = evaluate(expr.lhs, scope, trace, depth + 1);
  if (lhs instanceof Unresolved) return because(expr, lhs);
  const rhs = evaluate(expr.rhs, scope, trace, depth + 1);
  if (rhs instanceof Unresolved) return because(expr, rhs);
  const unknown = () => new Unresolved(expr.src, `is ${describe(expr)}`);
  const scalar = (v) => v === null || isNumber(v) || ['string', 'boolean'].includes(typeof v);
  if (expr.op === '&&' || expr.op === '||') {
    if (typeof lhs !== 'boolean' || typeof rhs !== 'boolean') return unknown();
    return expr.op === '&&' ? lhs && rhs : lhs || rhs;
  }
  if (expr.op === '==' || expr.op === '!=') {
    const equal = scalar(lhs) && scalar(rhs) ? (isNumber(lhs) && isNumber(rhs) ? compare(lhs, rhs) === 0 : lhs === rhs) : collectionsEqual(lhs, rhs);
    if (equal === TOO_LARGE) return tooLarge(expr);
    return equal === undefined ? unknown() : equal === (expr.op === '==');
  }
  const [a, b] = [numberOf(lhs), numberOf(rhs)];
  if (a === undefined || b === undefined) return unknown();
  switch (expr.op) {
    case '<':
      return compare(a, b) < 0;
    case '>':
      return compare(a, b) > 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>=':
      return compare(a, b) >= 0;
    case '+':
    case '-':
    case '*':
    case '/':
      if (expr.op === '/' && compare(b, 0n) === 0) return unknown(); // an error in Terraform
      // 0 * -1 is Terraform's negative zero, written "-0": not computed here.
      if ((expr.op === '*' || expr.op === '/') && compare(a, 0n) * compare(b, 0n) === 0 && compare(a, 0n) + compare(b, 0n) < 0) {
        return new Unresolved(expr.src, 'is a negative zero, which this command does not compute');
      }
      return arithmetic(expr.op, a, b) ?? new Unresolved(expr.src, `is a number past 2^±${MAGNITUDE}, which this command does not compute`);
    case '%':
      return modulo(a, b) ?? new Unresolved(expr.src, `is a number past 2^±${MAGNITUDE}, which this command does not compute`);
    default:
      return unknown(); // anything newer: not evaluated here
  }
}

/** collectionsEqual()'s answer when the values are past the step budget. */
const TOO_LARGE = Symbol('too large');

/**
 * Terraform's `a == b` (cty's Equals) where a known collection (list,
 * tuple, map, object or set) is on either side: true, false, or undefined
 * where this command cannot tell.
 * - Beside null or a primitive (number, string, bool) a collection is never
 *   equal, whatever it holds: `{ a = 1 } != null` is true, `[1] == 1` false
 *   (console), also with values not known before apply inside (a known
 *   collection is not null); an error inside is Terraform's error: unknown.
 * - Two collections are equal only when their types are too (console:
 *   `tomap({ a = 1 }) == { a = 1 }` and `tolist([1]) == [1]` are false),
 *   and this command does not follow every collection's type (split() makes
 *   a list, `["a"]` a tuple): values that differ are never equal (false),
 *   values that are the same are unknown, and so is anything holding a
 *   value not known here (Terraform may wait for it) or a set.
 * - TOO_LARGE where the values cost more steps than the budget has left
 *   (each side is paid for in full, shared parts each time they appear).
 */
function collectionsEqual(lhs, rhs) {
  const collection = (v) => v !== null && primitiveOf(v) === 'other';
  const other = collection(lhs) ? rhs : lhs;
  if (!collection(other)) return onlyPending(collection(lhs) ? lhs : rhs) ? false : undefined;
  // Both sides are paid for before they are searched: a value built from one
  // local repeated is cheap to evaluate and can be huge to walk.
  if (!spendOn(lhs) || !spendOn(rhs)) return TOO_LARGE;
  if (unresolvedCount(lhs) + unresolvedCount(rhs) > 0) return undefined;
  // A walk over both values side by side; any difference makes them unequal.
  const stack = [[lhs, rhs]];
  while (stack.length > 0) {
    if (!spend(1)) return TOO_LARGE;
    const [a, b] = stack.pop();
    if (a === null || b === null) {
      if (a !== b) return false;
      continue;
    }
    const [kindA, kindB] = [primitiveOf(a), primitiveOf(b)];
    if (kindA !== kindB) return false; // a number beside a string, a primitive beside a collection
    if (kindA !== 'other') {
      if (isNumber(a) ? compare(a, b) !== 0 : a !== b) return false;
      continue;
    }
    if (SETS.has(a) || SETS.has(b)) return undefined; // sets: not compared here
    if (Array.isArray(a) !== Array.isArray(b)) return false; // a list or tuple beside a map or object
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i += 1) stack.push([a[i], b[i]]);
      continue;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || !keys.every((key) => Object.hasOwn(b, key))) return false;
    for (const key of keys) stack.push([a[key], b[key]]);
  }
  return undefined; // the same values: equal only if their types are the same
}

/**
 * Whether every value inside `value` that is not known here is one Terraform
 * will have (a resource's attribute, `(known after apply)` in a plan,
 * count.index or each.key, a variable given on the command line): then the
 * collection is known to be one. Any other (a call or an operation this
 * command does not compute, or one Terraform rejects, as `1 + "a"`) may be
 * Terraform's error, which the console reports (rev35b #2).
 */
function onlyPending(value) {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!spend(1)) return false; // too large to tell: unknown
    if (item instanceof Unresolved) {
      const root = item.root ?? item;
      const pending = root.reference !== undefined || root.plan || root.reason === PLANNED || (root.source.startsWith('var.') && root.reason.startsWith('has no default'));
      if (!pending || root.error) return false;
    } else if (Array.isArray(item)) stack.push(...item);
    else if (isObject(item)) stack.push(...Object.values(item));
  }
  return true;
}

/**
 * Terraform's `a % b` (cty's Modulo): a itself when b is 0; otherwise
 * a − b × trunc(a / b), each step rounded to 512 bits as Terraform rounds
 * it, so the result has the sign of a (-5 % 3 is -2, 5 % -3 is 2,
 * -5.5 % 2 is -1.5) and 1 % 0.1 is 0. A zero result is +0 (x − x).
 */
function modulo(a, b) {
  if (compare(b, 0n) === 0) return a;
  const ratio = arithmetic('/', a, b);
  if (ratio === undefined) return undefined;
  // Toward zero, as Go's big.Float.Int.
  const [m, e] = binaryOf(ratio);
  const whole = e >= 0 ? m << BigInt(e) : m < 0n ? -(-m >> BigInt(-e)) : m >> BigInt(-e);
  const product = arithmetic('*', b, whole);
  return product === undefined ? undefined : arithmetic('-', a, product);
}

/** What path.module stands for while file()'s argument is evaluated (no string Terraform makes holds a NUL). */
const MODULE_PATH = '\u0000path.module\u0000';

/**
 * `scope` for a file() or templatefile() path: path.module is MODULE_PATH,
 * and so is path.root in a root module (the same folder: terraform console
 * 1.11.4 prints "." for both there). The locals it reads see the same
 * `path` (`local.p = "${path.module}/x.json"; file(local.p)`), in a cache of
 * their own, so that the stand-in never reaches any other value.
 */
function pathScope(scope) {
  const path = ['path', scope.prefix === '' ? { module: MODULE_PATH, root: MODULE_PATH } : { module: MODULE_PATH }];
  const base = Object.create(scope.unbound());
  base.locals = new Map();
  base.busy = new Set();
  base.bindings = new Map([path]);
  base.unbound = () => base;
  const out = Object.create(base);
  out.bindings = new Map([...scope.bindings, path]);
  return out;
}

/**
 * file("${path.module}/…"): the text of a file beside (or below) the
 * module's .tf files, read as Terraform reads it at plan: a file that is
 * not there is Terraform's error (Invalid value for "path" parameter: no
 * file exists at …), and so is text that is not UTF-8. Only a path that
 * starts at path.module is read, and only a regular file of at most
 * LIMITS.string bytes whose real path (links followed) is inside the
 * module's own folder: a configuration checked here (in CI, say) must not
 * make the command copy other files of the machine (`${path.module}/../../…`,
 * a link out) into its findings. Anything else is unknown (a note says so).
 */
function moduleFile(expr, scope, trace, depth, name = 'file') {
  const unknown = (reason) => new Unresolved(expr.src, reason);
  const folder = scope.module.folder;
  if (typeof folder !== 'string') return unknown(`is ${describe(expr)}`);
  const written = evaluate(expr.args[0], pathScope(scope), trace, depth + 1);
  if (written instanceof Unresolved) return written.error ? because(expr, written) : unknown(`is ${describe(expr)}`);
  if (typeof written !== 'string' || !written.startsWith(`${MODULE_PATH}/`) || written.indexOf(MODULE_PATH, 1) >= 0) {
    return unknown(`is the function ${name}() of a path that does not start at path.module, which this command does not read`);
  }
  const path = join(folder || '.', written.slice(MODULE_PATH.length));
  let real;
  let inside;
  try {
    inside = realpathSync(folder || '.');
    real = realpathSync(path);
  } catch (error) {
    if (error?.code !== 'ENOENT' || inside === undefined) return unknown('is the function file() of a file this command cannot read');
    const missing = unknown(`is the function file() of a file that does not exist: an error in Terraform (Invalid value for "path" parameter: no file exists at ${JSON.stringify(relativeName(path))})`);
    missing.error = true;
    return missing;
  }
  if (real !== inside && !real.startsWith(inside.endsWith(sep) ? inside : `${inside}${sep}`)) {
    return unknown(`is the function file() of a file outside the module's folder (${relativeName(path)}), which this command does not read`);
  }
  let bytes;
  try {
    const stats = statSync(real);
    if (!stats.isFile()) return unknown(`is the function file() of ${relativeName(path)}, which is not a regular file`);
    if (stats.size > LIMITS.string) return unknown(`is the function file() of ${relativeName(path)}, which is larger than the ${LIMITS.string.toLocaleString('en-US')} bytes read here`);
    bytes = readFileSync(real);
  } catch {
    return unknown('is the function file() of a file this command cannot read');
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const invalid = unknown(`is the function file() of ${relativeName(path)}, which is not UTF-8 text: an error in Terraform`);
    invalid.error = true;
    return invalid;
  }
  if (!spendOn(text)) return tooLarge(expr);
  trace.add(relativeName(path));
  return name === 'templatefile' ? { template: text, file: relativeName(path) } : nfc(text);
}

/**
 * templatefile(path, vars): the file (read as file() reads it) rendered as
 * an HCL template with `vars` (a known map or object) as its only
 * variables, as terraform console 1.11.4 renders it
 * (templatefile("${path.module}/t.tpl", { name = "A", tags = ["x", "y"] })
 * of "Hello ${name}!\n%{ for t in tags }[${t}]%{ endfor }\n" is
 * "Hello A!\n[x][y]\n"). A variable the map lacks is Terraform's error
 * ("vars map does not contain key"); left unknown here, as is a template
 * this command does not read.
 */
function templateFile(expr, scope, trace, depth) {
  const unknown = (reason) => new Unresolved(expr.src, reason);
  const read = moduleFile(expr, scope, trace, depth, 'templatefile');
  if (read instanceof Unresolved) return read;
  const vars = evaluate(expr.args[1], scope, trace, depth + 1);
  if (vars instanceof Unresolved) return because(expr, vars);
  if (!isObject(vars) || Object.keys(vars).some((key) => !/^[A-Za-z_][\w-]*$/.test(key))) return unknown('is the function templatefile() with vars that are not a map of names, an error in Terraform');
  // The template as a heredoc's (the same template syntax, no escapes), with a delimiter the text does not hold.
  const { template } = read;
  if (!template.endsWith('\n') && /~\s*\}\s*$/.test(template)) return unknown('is the function templatefile() of a template this command does not read');
  let delimiter = 'TEMPLATE_END';
  while (template.includes(delimiter)) delimiter += '_';
  const source = `t = <<${delimiter}\n${template}${template.endsWith('\n') ? '' : '\n'}${delimiter}\n`;
  const parsed = readNative(source);
  const attr = parsed.body?.length === 1 && parsed.body[0].t === 'attr' ? parsed.body[0] : undefined;
  if (!attr) return unknown(`is the function templatefile() of ${read.file}, which is not a template this command reads (or Terraform's error)`);
  const only = new Scope({ variables: new Map(), locals: new Map() }, '', new Map(), scope.budget).bind(Object.entries(vars));
  const value = evaluate(attr.value, only, trace, depth + 1);
  if (value instanceof Unresolved) return unknown(`is the function templatefile() of ${read.file}, which uses a value not known here (or not in vars: an error in Terraform)`);
  if (typeof value !== 'string') return unknown('is the function templatefile() of a template this command does not read');
  return template.endsWith('\n') ? value : value.endsWith('\n') ? value.slice(0, -1) : unknown('is the function templatefile() of a template this command does not read');
}

/** The functions real configurations use around task values, evaluated when their arguments are known. */
function call(expr, scope, trace, depth) {
  const unknown = () => new Unresolved(expr.src, `is ${describe(expr)}`);
  if (!Array.isArray(expr.args) || expr.expand) return unknown();
  const args = () => expr.args.map((arg) => evaluate(arg, scope, trace, depth + 1));
  switch (expr.name) {
    case 'merge':
      break;
    case 'try': {
      // The first argument that is not an error; an unknown one is the result (Terraform waits for it).
      for (const arg of expr.args) {
        const value = evaluate(arg, scope, trace, depth + 1);
        if (!(value instanceof Unresolved && value.error)) return value instanceof Unresolved ? because(expr, value) : value;
      }
      return unknown();
    }
    case 'can': {
      // true for a value (wholly known), false for an error in Terraform; unknown otherwise.
      if (expr.args.length !== 1) return unknown();
      const value = evaluate(expr.args[0], scope, trace, depth + 1);
      if (value instanceof Unresolved) return value.error ? false : because(expr, value);
      // Searched for unknown values: a step per value (its parts may be one local many times over).
      if (!spendOn(value)) return tooLarge(expr);
      return unresolvedCount(value) === 0 ? true : unknown();
    }
    case 'coalesce': {
      // All arguments convert to one type first: coalesce(1, "a") is "1".
      const values = args();
      const index = values.findIndex((value) => value instanceof Unresolved || (value !== null && value !== ''));
      if (index < 0 || values[index] instanceof Unresolved) return index < 0 ? unknown() : because(expr, values[index]);
      return commonOf(expr, values[index], values, { nullIsDynamic: true });
    }
    case 'nonsensitive':
    case 'sensitive':
    case 'tolist':
    case 'tomap':
    case 'toset':
    case 'keys':
    case 'length': {
      if (expr.args.length !== 1) return unknown();
      const [value] = args();
      if (value instanceof Unresolved) return because(expr, value);
      if ((Array.isArray(value) || isObject(value)) && !spend(Object.keys(value).length)) return tooLarge(expr);
      if (['nonsensitive', 'sensitive'].includes(expr.name)) return value;
      // tolist(null), tomap(null), toset(null) are null; length(), keys() of null, and length(5), are errors.
      if (value === null) return ['tolist', 'tomap', 'toset'].includes(expr.name) ? null : rejected(expr, 'is given null (an error in Terraform)');
      if (['length', 'keys'].includes(expr.name) && ['number', 'bool'].includes(primitiveOf(value))) return rejected(expr, `is given a ${primitiveOf(value)} (an error in Terraform)`);
      if (expr.name === 'tolist' && SETS.has(value)) return withType([...value], { list: value.length ? 'string' : 'unknown' }); // a list again: indexing works
      // tolist([1, "a"]) is ["1", "a"], tomap({ a = 1, b = "x" }) { a = "1", b = "x" }.
      if (expr.name === 'tolist' && Array.isArray(value)) {
        const items = unifiedItems(expr, value);
        return items instanceof Unresolved ? items : withType([...items], { list: elementType(items) });
      }
      if (expr.name === 'tomap' && isObject(value)) {
        const items = unifiedItems(expr, Object.values(value));
        if (items instanceof Unresolved) return items;
        const out = {};
        Object.keys(value).forEach((key, i) => setMember(out, key, items[i]));
        return withType(out, { map: elementType(items) });
      }
      if (['tolist', 'tomap'].includes(expr.name)) return unknown();
      if (expr.name === 'keys') return isObject(value) ? withType(sortedKeys(value), { list: 'string' }) : Array.isArray(value) || typeof value === 'string' ? rejected(expr, 'is given a value that is not a map or object (an error in Terraform)') : unknown();
      if (expr.name === 'length') {
        if (typeof value === 'string') {
          const n = stringLength(value);
          if (n !== undefined) return BigInt(n);
          return new Unresolved(expr.src, value.length > SEGMENTED_MAX ? `counts the characters of a text of more than ${SEGMENTED_MAX.toLocaleString('en-US')} characters, not all ASCII (too long to count here)` : 'counts the characters of text in a script whose grapheme clusters this command does not count as Terraform does');
        }
        return Array.isArray(value) ? BigInt(value.length) : isObject(value) ? BigInt(Object.keys(value).length) : unknown();
      }
      // toset([1, "a"]) is a set of strings, "1" and "a": the elements are unified first.
      if (!Array.isArray(value)) return unknown();
      const items = SETS.has(value) ? value : unifiedItems(expr, value);
      return items instanceof Unresolved ? items : setOf(items) || markedSet(unknown(), items);
    }
    case 'format':
    case 'lookup':
    case 'upper':
    case 'lower':
    case 'title':
    case 'trimspace':
    case 'jsondecode':
    case 'jsonencode':
    case 'replace':
    case 'join':
    case 'split':
    case 'concat':
    case 'element':
    case 'contains':
    case 'min':
    case 'max':
    case 'abs':
    case 'tostring':
    case 'tonumber':
    case 'tobool':
    case 'trimprefix':
    case 'trimsuffix':
    case 'startswith':
    case 'endswith':
    case 'regex':
    case 'regexall':
    case 'sort':
    case 'compact':
    case 'distinct':
    case 'flatten':
    case 'slice':
    case 'values':
    case 'zipmap':
    case 'one':
    case 'coalescelist':
    case 'index':
    case 'reverse':
    case 'trim':
    case 'substr':
    case 'range': {
      // These functions take a fixed number of arguments (another count is an error in Terraform).
      if (Object.hasOwn(ARITY, expr.name) && expr.args.length !== ARITY[expr.name]) return unknown();
      const values = args();
      const unresolved = values.find((value) => value instanceof Unresolved);
      // lookup(m, k, default): an unknown default does not matter when the key is there.
      if (unresolved && !(expr.name === 'lookup' && values.length === 3 && !(values[0] instanceof Unresolved) && !(values[1] instanceof Unresolved))) return because(expr, unresolved);
      // Every value and character an argument holds counts as steps, and so do the
      // characters of a string made: a large value cannot be walked or made many times over.
      if (!values.every(spendOn)) return tooLarge(expr);
      const out = FUNCTIONS[expr.name](values, expr);
      if (meter.left < 0) return tooLarge(expr); // spent inside the function (sort(), flatten())
      if (out instanceof Unresolved) return out;
      if (typeof out === 'string' && !spendOn(out)) return tooLarge(expr);
      return out === undefined ? unknown() : out;
    }
    case 'file':
      return expr.args.length === 1 ? moduleFile(expr, scope, trace, depth) : unknown();
    case 'templatefile':
      return expr.args.length === 2 ? templateFile(expr, scope, trace, depth) : unknown();
    default:
      return unknown();
  }
  // merge(): a shallow merge of maps and objects, later arguments winning; null arguments are skipped.
  // Its type: a map when every argument is a map of one element type (merge(var.m, var.m)), else an object.
  const out = {};
  const mapTypes = [];
  for (const arg of expr.args) {
    const value = evaluate(arg, scope, trace, depth + 1);
    if (value instanceof Unresolved) return because(expr, value);
    mapTypes.push(value !== null && TYPES.get(value)?.map);
    if (value === null) continue;
    if (!isObject(value)) return new Unresolved(expr.src, 'is the function merge() with an argument that is not a map or object');
    if (!spend(Object.keys(value).length)) return tooLarge(expr);
    for (const [key, item] of Object.entries(value)) setMember(out, key, item);
  }
  const [element] = mapTypes;
  const oneMap = element !== undefined && element !== false && element !== 'unknown' && typeof element === 'string' && mapTypes.every((t) => t === element);
  return oneMap ? withType(out, { map: element }) : out;
}

/** Go's unicode.IsSpace (White_Space): what trimspace() and strip markers remove; not U+FEFF, as JavaScript's \s would. */
const isSpace = (unit) => /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(unit);

/**
 * Terraform's strings are NFC (cty normalizes every string it makes): a
 * result that is not is not computed here, nor one with lone surrogates.
 */
const settled = (text) => (typeof text === 'string' && text.length <= LIMITS.string && !hasLoneSurrogate(text) && nfc(text) === text ? text : undefined);

/**
 * Text in the scripts below U+0530 (Latin, Greek, Cyrillic), whose case
 * tables have not changed between the Unicode versions Go and JavaScript
 * use: upper(), lower() and title() compute only such text.
 */
const CASE_TABLES_ALIKE = /^[\u0000-\u052f]*$/;

/**
 * The characters of CASE_TABLES_ALIKE whose full case mapping (JavaScript's)
 * is more than one character, with their simple one (Go's): upper("ß") is
 * "ß", lower("İ") is "i" (terraform console, v1.11.4).
 */
const SIMPLE_UPPER = { ß: 'ß', ŉ: 'ŉ', ǰ: 'ǰ', ΐ: 'ΐ', ΰ: 'ΰ' };
const SIMPLE_LOWER = { İ: 'i' };

/**
 * upper() and lower(): Go maps each character on its own (simple case
 * mapping: upper("ß") is "ß", lower("ΑΣ") "ασ" without a final sigma,
 * lower("İ") "i"). JavaScript's mapping of one character agrees where it
 * gives one character, in CASE_TABLES_ALIKE text; other text is not
 * computed here.
 */
function changeCase(text, upper) {
  if (!CASE_TABLES_ALIKE.test(text)) return undefined;
  let out = '';
  for (const char of text) {
    const mapped = (upper ? SIMPLE_UPPER[char] : SIMPLE_LOWER[char]) ?? (upper ? char.toUpperCase() : char.toLowerCase());
    if (mapped.length !== 1) return undefined;
    out += mapped;
  }
  return settled(out);
}

/** Titlecase letters where titlecase is not uppercase (Go's unicode.ToTitle). */
const TITLE = { Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ' };

/**
 * title(): Go's strings.Title, on CASE_TABLES_ALIKE text: a letter after a separator
 * (not a letter, digit or underscore in ASCII; a space beyond) becomes
 * titlecase; nothing else changes ("wORLD" stays, "x-y" is "X-Y").
 */
function titleCase(text) {
  if (!CASE_TABLES_ALIKE.test(text)) return undefined;
  let out = '';
  let previous = ' ';
  for (const char of text) {
    const separator = previous < '\u0080' ? !/[A-Za-z0-9_]/.test(previous) : /\p{L}|\p{Nd}/u.test(previous) ? false : isSpace(previous);
    let mapped = char;
    if (separator) {
      mapped = TITLE[char] ?? SIMPLE_UPPER[char] ?? char.toUpperCase();
      if (mapped.length !== 1) return undefined;
    }
    out += mapped;
    previous = char;
  }
  return settled(out);
}

/** trimspace(): Go's strings.TrimSpace (every White_Space character, not U+FEFF). */
function trimSpace(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/** Thrown inside readJsonValue(): text jsondecode() rejects, or a value not decoded here as Terraform decodes it. */
class NotDecoded {
  constructor(rejected) {
    this.rejected = rejected;
  }
}

/**
 * jsondecode(): the value of JSON text as Terraform decodes it. Numbers are
 * exact (parseNumber(): "1e400" is that integer, "0.1" the 512-bit 0.1);
 * of a key written twice the last wins. Strings Terraform would change
 * (lone surrogates become U+FFFD, text is made NFC) and "-0" (its negative
 * zero) are not decoded here.
 */
function readJsonValue(text) {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at += 1;
  };
  const token = (pattern) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    at = pattern.lastIndex;
    return match[0];
  };
  const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const WORD = /true|false|null/y;
  const string = () => {
    const raw = token(STRING);
    if (raw === undefined) throw new NotDecoded(true);
    const value = JSON.parse(raw);
    if (settled(value) === undefined) throw new NotDecoded(false);
    return value;
  };
  const value = (depth) => {
    if (depth > LIMITS.depth || !spend(1)) throw new NotDecoded(false);
    space();
    const char = text[at];
    let out;
    if (char === '"') out = string();
    else if (char === '[' || char === '{') {
      at += 1;
      out = char === '[' ? [] : {};
      space();
      const close = char === '[' ? ']' : '}';
      if (text[at] === close) at += 1;
      else {
        for (;;) {
          if (char === '[') out.push(value(depth + 1));
          else {
            space();
            const key = string();
            space();
            if (text[at] !== ':') throw new NotDecoded(true);
            at += 1;
            setMember(out, key, value(depth + 1));
          }
          space();
          if (text[at] === ',') at += 1;
          else if (text[at] === close) {
            at += 1;
            break;
          } else throw new NotDecoded(true);
        }
      }
    } else {
      const word = token(WORD);
      if (word !== undefined) out = word === 'null' ? null : word === 'true';
      else {
        const number = token(NUMBER);
        if (number === undefined) throw new NotDecoded(true);
        out = parseNumber(number);
        if (out === undefined) throw new NotDecoded(false);
      }
    }
    space();
    return out;
  };
  const out = value(0);
  if (at !== text.length) throw new NotDecoded(true);
  return out;
}

/** Go's encoding/json escapes these in strings (HTML-safe), as jsonencode() writes them. */
const GO_ESCAPES = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * jsonencode(): JSON text as Terraform writes it: no spaces, object keys
 * in order, <, >, & and U+2028/9 escaped as \u003c…, \b and \f as such,
 * numbers with every digit (as in a string: 1e21 is 1000000000000000000000);
 * undefined for a value not encoded here.
 */
function jsonText(value, budget = { left: LIMITS.nodes }) {
  if ((budget.left -= 1) < 0) return undefined;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (isNumber(value)) return numberText(value);
  if (typeof value === 'string') return hasLoneSurrogate(value) ? undefined : JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]);
  const parts = [];
  let length = 0;
  const add = (text) => {
    if (text === undefined) return false;
    parts.push(text);
    length += text.length;
    return length <= LIMITS.string;
  };
  if (Array.isArray(value)) {
    for (const item of value) if (!add(jsonText(item, budget))) return undefined;
    return `[${parts.join(',')}]`;
  }
  if (!isObject(value)) return undefined;
  for (const key of sortedKeys(value)) {
    const name = jsonText(key, budget);
    if (name === undefined || !add(`${name}:${jsonText(value[key], budget) ?? ''}`) || parts.at(-1).endsWith(':')) return undefined;
  }
  return `{${parts.join(',')}}`;
}

/** The string arguments of a string function (numbers and bools as Terraform writes them), or undefined. */
const strings = (values) => {
  const out = values.map(stringOf);
  return out.includes(undefined) ? undefined : out;
};

/** A list's elements (not a set's, which has no order to index), or undefined. */
const listOf = (value) => (Array.isArray(value) && !SETS.has(value) ? value : undefined);

/**
 * The functions evaluated on known arguments (every argument known, except
 * lookup()'s default): each returns the value `terraform console` (v1.11.4)
 * gives, an Unresolved (with `error` where Terraform raises an error, which
 * try() catches), or undefined for a case not computed here.
 */
const FUNCTIONS = {
  lookup([map, key, ...fallback], expr) {
    const name = stringOf(key);
    if (!isObject(map) || name === undefined || fallback.length > 1) return undefined;
    if (Object.hasOwn(map, name)) return map[name] instanceof Unresolved ? because(expr, map[name]) : map[name];
    if (fallback.length === 0) {
      const missing = new Unresolved(expr.src, `looks up "${name}", which the map does not have (an error in Terraform)`);
      missing.error = true;
      return missing;
    }
    const [value] = fallback;
    if (value === null || value instanceof Unresolved) return value instanceof Unresolved ? because(expr, value) : null;
    // A map's default converts to its element type, an object's does not: the same only when the kinds agree.
    const kinds = new Set(Object.values(map).map(primitiveOf));
    return kinds.size === 1 && kinds.has(primitiveOf(value)) && primitiveOf(value) !== 'other' ? value : undefined;
  },
  upper: ([text]) => (typeof text === 'string' ? changeCase(text, true) : undefined),
  lower: ([text]) => (typeof text === 'string' ? changeCase(text, false) : undefined),
  title: ([text]) => (typeof text === 'string' ? titleCase(text) : undefined),
  trimspace: ([text]) => (typeof text === 'string' ? trimSpace(text) : undefined),
  jsondecode([text], expr) {
    if (typeof text !== 'string') return undefined;
    try {
      return readJsonValue(text);
    } catch (error) {
      if (!(error instanceof NotDecoded)) throw error;
      const out = new Unresolved(expr.src, error.rejected ? 'decodes text that is not JSON (an error in Terraform)' : 'decodes JSON this command does not decode exactly as Terraform does');
      out.error = error.rejected;
      return out;
    }
  },
  jsonencode: ([value]) => (unresolvedCount(value) === 0 ? settled(jsonText(value)) : undefined),
  replace(values) {
    const [text, search, replacement] = strings(values) ?? [];
    // "/…/" is a regular expression (Go's RE2 syntax): not computed here.
    if (replacement === undefined || values.length !== 3 || (search.length > 1 && search.startsWith('/') && search.endsWith('/'))) return undefined;
    if (hasLoneSurrogate(text)) return undefined;
    // "" matches before each character and at the end, as in Go.
    const pieces = search === '' ? ['', ...text, ''] : text.split(search);
    // The result's length, known before it is made (a long replacement many times over is not made).
    if (text.length + (pieces.length - 1) * (replacement.length - search.length) > LIMITS.string) return undefined;
    // For "" the replacement goes between the pieces: once for "" (replace("", "", "x") is "x"), "-a-b-c-" for "abc".
    return settled(pieces.join(replacement));
  },
  join([separator, ...lists]) {
    if (typeof separator !== 'string' || lists.length === 0 || !lists.every(Array.isArray)) return undefined;
    const items = strings(lists.flat());
    if (!items || items.reduce((n, item) => n + item.length + separator.length, 0) > LIMITS.string + separator.length) return undefined;
    return settled(items.join(separator));
  },
  split([separator, text]) {
    if (typeof separator !== 'string' || typeof text !== 'string' || hasLoneSurrogate(text)) return undefined;
    return separator === '' ? [...text] : text.split(separator);
  },
  concat(lists) {
    if (lists.length === 0 || !lists.every(listOf)) return undefined;
    const out = lists.flat();
    // Lists of different element types convert to one, tuples do not: the same only when all agree.
    const kinds = new Set(out.filter((item) => item !== null && !(item instanceof Unresolved)).map(primitiveOf));
    if (kinds.size > 1 || (out.some((item) => item instanceof Unresolved) && kinds.size === 1 && !kinds.has('string'))) return undefined;
    return out;
  },
  element([list, index]) {
    const n = numberOf(index);
    // Negative, fractional or past 2^63, or an empty list: an error in Terraform.
    if (!listOf(list) || list.length === 0 || typeof n !== 'bigint' || n < 0n || bitLength(n) > 63) return undefined;
    return list[Number(n % BigInt(list.length))];
  },
  contains([list, value]) {
    if (!Array.isArray(list) || value === null || primitiveOf(value) === 'other') return undefined;
    // contains(["1"], 1) is false and contains(tolist(["1"]), 1) converts: the same only for one kind.
    if (!list.every((item) => item !== null && primitiveOf(item) === primitiveOf(value))) return undefined;
    return list.some((item) => (isNumber(item) ? compare(item, value) === 0 : item === value));
  },
  format([spec, ...rest]) {
    if (typeof spec !== 'string') return undefined;
    let out = '';
    let used = 0;
    for (let i = 0; i < spec.length; i += 1) {
      if (spec[i] !== '%') {
        out += spec[i];
        continue;
      }
      const verb = spec[(i += 1)];
      if (verb === '%') {
        out += '%';
        continue;
      }
      // Only %s, %d and %v without flags, width or index; too few arguments is an error in Terraform.
      if (!['s', 'd', 'v'].includes(verb) || used >= rest.length) return undefined;
      const arg = rest[used];
      used += 1;
      // null: the console prints (known after apply); a collection for %s or %d is an error, for %v its JSON (as jsonencode() writes it).
      if (arg === null || (primitiveOf(arg) === 'other' && verb !== 'v')) return undefined;
      const collection = primitiveOf(arg) === 'other' ? (unresolvedCount(arg) === 0 ? jsonText(arg) : undefined) : undefined;
      const text = collection ?? (verb === 'd' ? (typeof numberOf(arg) === 'bigint' && typeof arg !== 'boolean' ? String(numberOf(arg)) : undefined) : verb === 'v' && isNumber(arg) ? numberText(arg) && shortestG(numberText(arg)) : stringOf(arg));
      if (text === undefined) return undefined;
      out += text;
      if (out.length > LIMITS.string) return undefined;
    }
    // More arguments than verbs: an error in Terraform.
    return used === rest.length ? settled(out) : undefined;
  },
  min: (values) => extreme(values, -1),
  max: (values) => extreme(values, 1),
  abs([value]) {
    const n = numberOf(value);
    return n === undefined ? undefined : compare(n, 0n) < 0 ? arithmetic('-', 0n, n) : n;
  },
  // tostring(), tonumber(), tobool(): null stays null (of that type); a value Terraform cannot convert is an error.
  tostring([value], expr) {
    if (value === null || typeof value === 'string') return value;
    if (typeof value === 'boolean' || isNumber(value)) return stringOf(value);
    return rejected(expr, 'converts a collection to a string (an error in Terraform)');
  },
  tonumber([value], expr) {
    if (value === null || isNumber(value)) return value;
    if (typeof value !== 'string') return rejected(expr, `converts ${typeof value === 'boolean' ? 'a bool' : 'a collection'} to a number (an error in Terraform)`);
    // Go's big.ParseFloat also reads "inf" (+Inf), which this command has no number for: unknown.
    return parseNumber(value) ?? (MAYBE_NUMBER.test(value) ? undefined : rejected(expr, `converts ${JSON.stringify(value)}, which is no number, to a number (an error in Terraform)`));
  },
  tobool([value], expr) {
    if (value === null || typeof value === 'boolean') return value;
    if (['true', '1'].includes(value)) return true;
    if (['false', '0'].includes(value)) return false;
    return rejected(expr, 'converts a value other than "true" or "false" to a bool (an error in Terraform)');
  },
  trimprefix: ([text, prefix]) => (stringPair(text, prefix) ? settled(text.startsWith(prefix) ? text.slice(prefix.length) : text) : undefined),
  trimsuffix: ([text, suffix]) => (stringPair(text, suffix) ? settled(suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text) : undefined),
  startswith: (values, expr) => affix(values, expr, (text, prefix) => text.startsWith(prefix)),
  regex: (values, expr) => regexCall(values, expr, false),
  regexall: (values, expr) => regexCall(values, expr, true),
  endswith: (values, expr) => affix(values, expr, (text, suffix) => text.endsWith(suffix)),
  sort([list], expr) {
    // A list of strings (numbers and bools as their strings), in Go's byte order: by code point.
    const items = stringItems(list, expr);
    if (!Array.isArray(items)) return items;
    if (items.includes(null)) return rejected(expr, 'sorts a list with a null element (an error in Terraform)');
    // A comparison sort: about n log2 n steps besides the walk over the list.
    if (!spend(items.length * Math.ceil(Math.log2(items.length + 1)))) return undefined;
    return withType([...items].sort(byCodePoint), { list: 'string' });
  },
  compact([list], expr) {
    const items = stringItems(list, expr);
    if (!Array.isArray(items)) return items;
    return withType(items.filter((item) => item !== null && item !== ''), { list: 'string' });
  },
  distinct([list], expr) {
    if (!Array.isArray(list) || unresolvedCount(list) > 0) return undefined;
    // Converted to a list first, as tolist() converts (distinct([1, "1"]) is ["1"]); the first of equal elements stays.
    const items = SETS.has(list) ? list : unifiedItems(expr, list);
    if (items instanceof Unresolved) return items;
    const seen = new Set();
    const out = [];
    for (const item of items) {
      const text = jsonText(item);
      if (text === undefined) return undefined;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(item);
    }
    return withType(out, { list: elementType(items) });
  },
  flatten([list], expr) {
    if (!Array.isArray(list)) return list === null || isObject(list) || primitiveOf(list) !== 'other' ? rejected(expr, 'flattens a value that is not a list (an error in Terraform)') : undefined;
    // Depth first, without recursion; null and maps stay elements. An unknown element may be a list: the whole is unknown.
    const out = [];
    const stack = [[list, 0]];
    while (stack.length > 0) {
      const frame = stack.at(-1);
      const [items, i] = frame;
      if (i >= items.length) {
        stack.pop();
        continue;
      }
      frame[1] += 1;
      const item = items[i];
      if (!spend(1)) return undefined;
      if (item instanceof Unresolved) return undefined;
      if (Array.isArray(item)) stack.push([item, 0]);
      else out.push(item);
    }
    return out;
  },
  slice([list, start, end], expr) {
    if (SETS.has(list)) return rejected(expr, 'slices a set (an error in Terraform)');
    const [from, to] = [numberOf(start), numberOf(end)];
    if (!Array.isArray(list) || typeof from !== 'bigint' || typeof to !== 'bigint') return undefined;
    if (from < 0n || from > to || to > BigInt(list.length)) return rejected(expr, 'slices past the ends of the list (an error in Terraform)');
    const out = list.slice(Number(from), Number(to));
    const type = TYPES.get(list);
    // A list's slice is a list of its type; a tuple's, a tuple.
    return type?.list !== undefined ? withType(out, type) : out;
  },
  values([map], expr) {
    if (!isObject(map)) return map === null || Array.isArray(map) || primitiveOf(map) !== 'other' ? rejected(expr, 'takes the values of a value that is not a map or object (an error in Terraform)') : undefined;
    const out = sortedKeys(map).map((key) => map[key]);
    const type = TYPES.get(map);
    return type?.map !== undefined ? withType(out, { list: type.map }) : out;
  },
  zipmap([keys, values], expr) {
    if (!Array.isArray(keys) || !listOf(values)) return undefined;
    if (keys.length !== values.length) return rejected(expr, 'has as many keys as values (an error in Terraform otherwise)');
    const entries = new Map();
    for (const [i, key] of keys.entries()) {
      if (key === null) return rejected(expr, 'has a null key (an error in Terraform)');
      const name = primitiveOf(key) === 'other' ? undefined : stringOf(key);
      if (name === undefined) return undefined;
      entries.set(name, values[i]); // a repeated key: the later value
    }
    const out = {};
    for (const name of [...entries.keys()].sort(byCodePoint)) setMember(out, name, entries.get(name));
    const type = TYPES.get(values);
    // A list of values makes a map of its element type; a tuple, an object.
    return type?.list !== undefined ? withType(out, { map: type.list }) : out;
  },
  coalescelist(lists, expr) {
    // The first list or tuple that is not empty, as it is.
    if (lists.length === 0 || !lists.every(listOf)) return undefined;
    const found = lists.find((list) => list.length > 0);
    return found ?? rejected(expr, 'has no argument that is not empty (an error in Terraform)');
  },
  index([list, value], expr) {
    if (!listOf(list) || value === null || primitiveOf(value) === 'other') return undefined;
    // Elements and value of one kind only: index(["1"], 1) is an error in Terraform, with other types of list too.
    if (!list.every((item) => item !== null && primitiveOf(item) === primitiveOf(value))) return undefined;
    const at = list.findIndex((item) => (isNumber(item) ? compare(item, value) === 0 : item === value));
    return at < 0 ? rejected(expr, 'looks for a value the list does not have (an error in Terraform)') : BigInt(at);
  },
  reverse([list]) {
    if (!Array.isArray(list)) return undefined;
    const out = [...list].reverse();
    const type = SETS.has(list) ? { list: list.length ? 'string' : 'unknown' } : TYPES.get(list);
    return type?.list !== undefined ? withType(out, type) : out;
  },
  trim([text, cutset]) {
    if (!stringPair(text, cutset)) return undefined;
    const cut = new Set(cutset);
    const chars = [...text];
    let [start, end] = [0, chars.length];
    while (start < end && cut.has(chars[start])) start += 1;
    while (end > start && cut.has(chars[end - 1])) end -= 1;
    return settled(chars.slice(start, end).join(''));
  },
  substr([text, offset, length]) {
    // Terraform counts grapheme clusters: computed here for printable ASCII only.
    const [from, count] = [numberOf(offset), numberOf(length)];
    if (typeof text !== 'string' || !/^[\x20-\x7E]*$/.test(text) || typeof from !== 'bigint' || typeof count !== 'bigint') return undefined;
    const start = from < 0n ? BigInt(text.length) + from : from;
    if (start < 0n || count < -1n) return undefined;
    if (start >= BigInt(text.length)) return '';
    return count === -1n ? text.slice(Number(start)) : text.slice(Number(start), Number(start + count));
  },
  range(values, expr) {
    // Whole numbers only (range(1.5) is 0, 1 in Terraform: not computed here); at most 1,024 elements, as Terraform allows.
    const numbers = values.map(numberOf);
    if (values.length < 1 || values.length > 3 || !numbers.every((n) => typeof n === 'bigint' && bitLength(n) < 32) || values.some((v) => typeof v !== 'bigint')) return undefined;
    const [start, end] = numbers.length === 1 ? [0n, numbers[0]] : numbers;
    const step = numbers[2] ?? (start > end ? -1n : 1n);
    // cty checks the step only when start and end differ: range(3, 3, 0) is an empty list.
    if (start === end) return withType([], { list: 'number' });
    if (step === 0n || (step > 0n ? start > end : start < end)) return rejected(expr, 'has a step of 0, or one away from its end (an error in Terraform)');
    const count = (end - start + step - (step > 0n ? 1n : -1n)) / step;
    if (count > 1024n) return rejected(expr, 'makes more than 1,024 numbers (an error in Terraform)');
    return withType(Array.from({ length: Number(count) }, (_, i) => start + BigInt(i) * step), { list: 'number' });
  },
  one([list], expr) {
    if (!Array.isArray(list) || list.length > 1) return rejected(expr, 'is given a value that is not a list of at most one element (an error in Terraform)');
    return list.length === 0 ? null : list[0];
  },
};

/** How many arguments these functions take. */
const ARITY = { regex: 2, regexall: 2, index: 2, reverse: 1, trim: 2, substr: 3, tostring: 1, tonumber: 1, tobool: 1, trimprefix: 2, trimsuffix: 2, startswith: 2, endswith: 2, sort: 1, compact: 1, distinct: 1, flatten: 1, slice: 3, values: 1, zipmap: 2, one: 1 };

/** A string tonumber() might read as Go's big.ParseFloat reads it (anything else is an error in Terraform). */
const MAYBE_NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?)$/i;

/** An Unresolved for an error in Terraform (try() takes the next argument, can() is false). */
function rejected(expr, reason) {
  const out = new Unresolved(expr.src, reason);
  out.error = true;
  return out;
}

/**
 * A regex() pattern this command matches exactly as RE2 does: literal
 * characters (a backslash before ASCII punctuation is that character), `^`
 * first and `$` last as RE2 reads them without flags (the text's start and
 * end: "a$" does not match "a\n"). `{ start, end, text }`, or undefined for
 * any other pattern (`.`, classes, quantifiers, groups, flags: where RE2 and
 * JavaScript's expressions differ, or a match could take long here).
 */
function literalPattern(pattern) {
  const start = pattern.startsWith('^');
  let text = '';
  for (let at = start ? 1 : 0; at < pattern.length; at += 1) {
    const c = pattern[at];
    if (c === '$' && at === pattern.length - 1) return { start, end: true, text };
    if (c === '\\') {
      const next = pattern[at + 1];
      if (next === undefined || !/^[!-/:-@[-`{-~]$/.test(next)) return undefined;
      text += next;
      at += 1;
    } else if ('.+*?()|[]{}^$'.includes(c)) return undefined;
    else text += c;
  }
  return { start, end: false, text };
}

/**
 * regex(pattern, text) and regexall(pattern, text) for a literalPattern():
 * the first match (a pattern without groups gives the matched text; no match
 * is Terraform's error "pattern did not match any part of the given
 * string"), or every match, left to right, none overlapping (terraform
 * console 1.11.4: regexall("ana", "banana") is ["ana"]). An empty pattern
 * in regexall() is not computed (RE2's empty matches step by character).
 */
function regexCall(values, expr, all) {
  if (values.includes(null)) return rejected(expr, 'is given a null argument (an error in Terraform)');
  const [pattern, text] = strings(values) ?? [];
  if (!stringPair(pattern, text)) return undefined;
  const literal = literalPattern(pattern);
  if (!literal || (all && literal.text === '')) return undefined;
  const { start, end, text: part } = literal;
  const found = [];
  if (start || end) {
    const at = start ? 0 : text.length - part.length;
    if (at >= 0 && text.startsWith(part, at) && (!start || !end || text.length === part.length)) found.push(part);
  } else {
    for (let at = text.indexOf(part); at >= 0 && (all || found.length === 0); at = text.indexOf(part, at + part.length)) found.push(part);
  }
  if (all) return withType(found, { list: 'string' });
  return found.length ? found[0] : rejected(expr, 'matches no part of the text (an error in Terraform)');
}

/** startswith() and endswith(): numbers and bools as their strings; null is an error. */
function affix(values, expr, test) {
  if (values.includes(null)) return rejected(expr, 'is given a null argument (an error in Terraform)');
  const [text, part] = strings(values) ?? [];
  return stringPair(text, part) ? test(text, part) : undefined;
}

/** Both arguments are strings without lone surrogates (a string function over them is computed). */
const stringPair = (a, b) => typeof a === 'string' && typeof b === 'string' && !hasLoneSurrogate(a) && !hasLoneSurrogate(b);

/**
 * The elements of a list, set or tuple converted to list(string), as
 * sort() and compact() take them: numbers and bools as their strings, null
 * kept; a collection element is an error; undefined where this command
 * cannot tell (an unknown element, a number it does not write exactly).
 */
function stringItems(list, expr) {
  if (list === null || (!Array.isArray(list) && primitiveOf(list) !== 'other')) return rejected(expr, 'is given a value that is not a list (an error in Terraform)');
  if (!Array.isArray(list)) return undefined;
  const out = [];
  for (const item of list) {
    if (item === null) out.push(null);
    else if (item instanceof Unresolved) return undefined;
    else if (primitiveOf(item) === 'other') return rejected(expr, 'has an element that is not a string (an error in Terraform)');
    else {
      const text = stringOf(item);
      if (text === undefined || hasLoneSurrogate(text)) return undefined;
      out.push(text);
    }
  }
  return out;
}

/** min() (sign -1) and max() (1) of numbers (strings of numbers convert); undefined without arguments (an error in Terraform). */
function extreme(values, sign) {
  const numbers = values.map(numberOf);
  if (numbers.length === 0 || numbers.includes(undefined)) return undefined;
  return numbers.reduce((best, n) => (compare(n, best) * sign > 0 ? n : best));
}

/** The primitive type of a known value, or 'other' (a collection, or an unknown). */
const primitiveOf = (v) => (typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : isNumber(v) ? 'number' : 'other');

/**
 * `value` converted to the common type of itself and `others` (the other
 * results of a conditional, coalesce()'s other arguments), as Terraform
 * converts them: with a string among primitives, a number or bool becomes
 * its string. Unknown when Terraform has no common type (a number and a
 * bool: an error) or when this command cannot tell the type (a number
 * beside a value not known before apply, which may be a string).
 */
function commonOf(expr, value, others, { nullIsDynamic = false } = {}) {
  const kind = primitiveOf(value);
  if (kind === 'other' && value !== null && !(value instanceof Unresolved)) return collectionOf(expr, value, others, nullIsDynamic);
  // A string beside a collection: Terraform's error ("Inconsistent conditional result types").
  const collection = (other) => other !== null && !(other instanceof Unresolved) && primitiveOf(other) === 'other';
  if (kind === 'string' && others.some(collection)) return new Unresolved(expr.src, 'has results of types Terraform does not convert to one');
  if (value === null || kind === 'other' || kind === 'string') return value;
  const kinds = new Set();
  for (const other of others) {
    // An error in the result not taken is ignored (length(l) > 0 ? l[0] : 0), its type with it.
    if (other === null || (other instanceof Unresolved && other.error)) continue;
    if (other instanceof Unresolved) return new Unresolved(expr.src, `has a result whose type is not known before apply (${other.source || 'a value'}), so the type it converts to is not known`);
    kinds.add(primitiveOf(other));
  }
  kinds.delete(kind);
  if (kinds.size === 0) return value;
  if (kinds.has('other') || !kinds.has('string')) return new Unresolved(expr.src, 'has results of types Terraform does not convert to one');
  return stringOf(value) ?? new Unresolved(expr.src, 'is a number this command does not write exactly as Terraform does');
}

/**
 * A collection `value` converted to the type it has in common with
 * `others` (the other result of a conditional, coalesce()'s arguments), as
 * cty's unification makes it: objects with the same attributes attribute
 * by attribute, other objects (and maps) as a map of one element type,
 * tuples of one length element by element, others as a list of one
 * element type; beside a null of no type (a literal null as coalesce()'s
 * argument: `nullIsDynamic`) an object or tuple stays as it is. Unknown
 * where Terraform finds no common type (an error) or this command cannot
 * tell the types.
 */
function collectionOf(expr, value, others, nullIsDynamic) {
  const types = [typeOf(value)];
  for (const other of others) {
    // An error in the result not taken is ignored, as for primitives.
    if (other === value || (other instanceof Unresolved && other.error)) continue;
    // A literal null: the conditional takes the other result's type; coalesce() unifies it as a type of its own.
    if (other === null && !nullIsDynamic) continue;
    types.push(typeOf(other));
  }
  const type = unify(types);
  // An empty collection beside a result whose type is not known here
  // (`cond ? { for s in data.x.y : … } : {}`): converted, it stays empty.
  if (type === undefined && types.includes('unknown') && Object.keys(value).length === 0) return value;
  if (type === undefined) return new Unresolved(expr.src, 'has results whose types Terraform does not convert to one, or that this command cannot tell');
  try {
    return convertTo(value, type);
  } catch (error) {
    if (!(error instanceof NotConverted)) throw error;
    return new Unresolved(expr.src, `has a result that this command does not convert to the results' common type as Terraform does`);
  }
}

/**
 * The types of collections that are not the ones their values show: the
 * result of a conversion (a map, a list, or an attribute that is null) and
 * a variable's value converted to its type constraint. Others have the
 * type of their value (typeOf()).
 */
const TYPES = new WeakMap();

/**
 * The Terraform type of a known value, as far as unify() needs it: 'string',
 * 'number', 'bool', 'dynamic' (null), 'unknown' (a value not known, or a
 * type this command does not follow), or `{ object: Map }`, `{ tuple: [] }`,
 * `{ map: type }`, `{ list: type }`, `{ set: type }`.
 */
function typeOf(value) {
  if (value === null) return 'dynamic';
  if (value instanceof Unresolved || !spend(1)) return 'unknown';
  const kind = primitiveOf(value);
  if (kind !== 'other') return kind;
  if (TYPES.has(value)) return TYPES.get(value);
  if (SETS.has(value)) return { set: value.length ? 'string' : 'unknown' };
  if (Array.isArray(value)) return { tuple: value.map(typeOf) };
  if (isObject(value)) return { object: new Map(Object.keys(value).map((key) => [key, typeOf(value[key])])) };
  return 'unknown';
}

/**
 * The type `types` all convert to, as cty's unification (unsafe, as
 * conditionals and coalesce() use it) finds it; undefined where there is
 * none (Terraform's error) or this command cannot tell. A value not known
 * ('unknown') converts to a string, the type every primitive converts to;
 * beside other unknown values only, the type is 'unknown' (convertTo()
 * keeps such values as they are, and refuses a known one).
 */
function unify(types) {
  const known = types.filter((t) => t !== 'dynamic' && t !== 'unknown');
  // Only values not known here: they stay as they are (unknown), whatever their common type.
  if (types.includes('unknown') && known.length === 0) return 'unknown';
  if (types.includes('unknown')) return known.every((t) => t === 'string') ? 'string' : undefined;
  if (known.length === 0) return 'dynamic';
  const kindOf = (t) => (typeof t === 'string' ? 'primitive' : Object.keys(t)[0]);
  const kinds = new Set(known.map(kindOf));
  const dynamic = known.length < types.length;
  const elementOf = (members) => {
    const element = unify(members);
    return element === undefined ? undefined : element;
  };
  if (kinds.size === 1) {
    const [kind] = kinds;
    if (kind === 'primitive') {
      const names = new Set(known);
      return names.size === 1 ? known[0] : names.has('string') ? 'string' : undefined;
    }
    // A structural type beside a null of no type: dynamic, the values kept as they are.
    if (dynamic) return 'dynamic';
    if (kind === 'object') {
      const [first] = known;
      const same = known.every((t) => t.object.size === first.object.size && [...t.object.keys()].every((name) => first.object.has(name)));
      if (!same) {
        const element = elementOf(known.flatMap((t) => [...t.object.values()]));
        return element === undefined ? undefined : { map: element };
      }
      const attributes = new Map();
      for (const name of first.object.keys()) {
        const attribute = unify(known.map((t) => t.object.get(name)));
        if (attribute === undefined) return undefined;
        attributes.set(name, attribute);
      }
      return { object: attributes };
    }
    if (kind === 'tuple') {
      const [first] = known;
      if (!known.every((t) => t.tuple.length === first.tuple.length)) {
        const element = elementOf(known.flatMap((t) => t.tuple));
        return element === undefined ? undefined : { list: element };
      }
      const items = [];
      for (let i = 0; i < first.tuple.length; i += 1) {
        const item = unify(known.map((t) => t.tuple[i]));
        if (item === undefined) return undefined;
        items.push(item);
      }
      return { tuple: items };
    }
    const element = elementOf(known.map((t) => t[kind]));
    return element === undefined ? undefined : { [kind]: element };
  }
  // Maps and objects: a map of one element type.
  if (!dynamic && [...kinds].every((kind) => kind === 'map' || kind === 'object')) {
    const element = elementOf(known.flatMap((t) => (t.map !== undefined ? [t.map] : [...t.object.values()])));
    return element === undefined ? undefined : { map: element };
  }
  // Lists beside tuples, sets beside lists, primitives beside collections: not followed here (or an error).
  return undefined;
}

/** `collection` (made here, never shared) marked as having `type`. */
function withType(collection, type) {
  TYPES.set(collection, type);
  return collection;
}

/** The one type of a list's or map's elements (already unified); 'unknown' for none. */
const elementType = (items) => (items.length ? unify(items.map(typeOf)) ?? 'unknown' : 'unknown');

/**
 * The type a variable's type constraint names, as typeOf() describes
 * types: 'unknown' for `any` and what this command does not follow.
 */
function constraintType(type) {
  const name = type?.k === 'var' || type?.k === 'call' ? type.name : undefined;
  if (type?.k === 'var') return ['string', 'number', 'bool'].includes(name) ? name : ['list', 'map', 'set'].includes(name) ? { [name]: 'unknown' } : 'unknown';
  const [inner] = type?.k === 'call' && Array.isArray(type.args) && type.args.length === 1 ? type.args : [];
  if (!inner) return 'unknown';
  if (['list', 'map', 'set'].includes(name)) return { [name]: constraintType(inner) };
  if (name === 'object' && inner.k === 'object' && inner.items.every((item) => typeof item.key === 'string')) {
    const optional = (t) => (t?.k === 'call' && t.name === 'optional' && Array.isArray(t.args) ? t.args[0] : t);
    return { object: new Map(inner.items.map((item) => [item.key, constraintType(optional(item.value))])) };
  }
  return 'unknown';
}

/** `value` converted to `type` (from unify()); NotConverted where this command does not convert it as Terraform does. */
function convertTo(value, type) {
  if (value === null || value instanceof Unresolved || type === 'dynamic') return value;
  if (type === 'unknown') throw new NotConverted('has a type this command cannot tell');
  if (typeof type === 'string') return primitive(value, type);
  if (!spend(1)) throw new NotConverted('is too large to convert here');
  if (type.set !== undefined) {
    if (SETS.has(value)) return value;
    throw new NotConverted('is converted to a set, which this command does not follow');
  }
  let out;
  if (type.object && isObject(value)) {
    out = {};
    for (const [name, attribute] of type.object) {
      if (!Object.hasOwn(value, name)) throw new NotConverted(`has no attribute "${name}"`);
      setMember(out, name, convertTo(value[name], attribute));
    }
  } else if (type.map !== undefined && isObject(value)) {
    out = {};
    for (const key of Object.keys(value)) setMember(out, key, convertTo(value[key], type.map));
  } else if (type.tuple && Array.isArray(value) && !SETS.has(value) && value.length === type.tuple.length) {
    out = value.map((item, i) => convertTo(item, type.tuple[i]));
  } else if (type.list !== undefined && Array.isArray(value) && !SETS.has(value)) {
    out = value.map((item) => convertTo(item, type.list));
  } else {
    throw new NotConverted('is not of the type it converts to as far as this command can tell');
  }
  TYPES.set(out, type);
  return out;
}

/** A list's or map's elements converted to one type, as tolist() and tomap() do. */
function unifiedItems(expr, items) {
  if (items.some((item) => item !== null && !(item instanceof Unresolved) && primitiveOf(item) === 'other')) {
    // Collections among the elements: unified as conditionals unify (a null beside them is an error).
    const type = unify(items.map(typeOf));
    if (type === undefined || type === 'dynamic') return new Unresolved(expr.src, 'has elements whose types Terraform does not convert to one, or that this command cannot tell');
    try {
      return items.map((item) => convertTo(item, type));
    } catch (error) {
      if (!(error instanceof NotConverted)) throw error;
      return new Unresolved(expr.src, 'has elements this command does not convert to one type as Terraform does');
    }
  }
  const kinds = new Set(items.filter((item) => item !== null).map(primitiveOf));
  if (kinds.size <= 1 && !(kinds.has('other') && items.some((item) => item instanceof Unresolved))) return items;
  const out = [];
  for (const item of items) {
    const converted = commonOf(expr, item, items);
    if (converted instanceof Unresolved) return converted;
    out.push(converted);
  }
  return out;
}

function traverse(expr, scope, trace, depth) {
  const root = expr.root?.k === 'var' ? expr.root.name : null;
  const [first, ...rest] = expr.ops;
  const name = first?.attr;
  if (root !== null && root !== 'var' && root !== 'local' && scope.bindings.has(root)) return lookUp(expr, scope.bindings.get(root), expr.ops, scope, trace, depth);
  // Indexing the result of another expression: merge(a, b)["k"], (var.x).y, [..][*].n.
  if (root === null && expr.root) return lookUp(expr, evaluate(expr.root, scope, trace, depth + 1), expr.ops, scope, trace, depth);
  if (root === null || name === undefined) return new Unresolved(expr.src, `is ${describe(expr)}`);
  let value;
  if (root === 'var') {
    const found = scope.variable(name);
    if (found instanceof Unresolved) {
      const out = new Unresolved(expr.src, found.reason);
      // var.x itself is the set it names (for_each: makesNone()).
      if (rest.length === 0 && found.forEachKind) out.forEachKind = found.forEachKind;
      return out;
    }
    trace.add(found.origin);
    value = found.value;
  } else if (root === 'local') {
    value = scope.local(name, trace, depth);
  } else if (['count', 'each', 'self', 'path', 'terraform', 'data', 'module'].includes(root)) {
    return new Unresolved(expr.src, PLANNED);
  } else {
    // A resource reference: known after apply. Its ARN or id is never null.
    // `aws_x.y["key"].arn` and `aws_x.y[0].arn` name one instance of a
    // resource with for_each or count; the key is kept, so that two
    // instances are two locations (locations/same-location).
    const [step] = rest;
    const instance = step?.index ? instanceOf(step.index, scope, depth) : undefined;
    const attribute = (instance ? rest[1] : step)?.attr;
    return new Unresolved(expr.src, 'is known only after apply', {
      always: attribute === 'arn' || attribute === 'id',
      reference: { type: root, name, attribute, ...(instance && { instance }) },
    });
  }
  return lookUp(expr, value, rest, scope, trace, depth);
}

/** `value` followed through the attribute and index operations `ops`. */
function lookUp(expr, start, ops, scope, trace, depth) {
  let value = start;
  for (const [i, op] of ops.entries()) {
    if (value instanceof Unresolved) return because(expr, value);
    if (op.splat) return splat(expr, value, ops.slice(i + 1), op.full, scope, trace, depth);
    let key = op.attr;
    if (op.index) {
      const index = evaluate(op.index, scope, trace, depth + 1);
      if (index instanceof Unresolved) return because(expr, index);
      key = stringOf(index);
      // A list's index is a number: "01", "1.0" and "1e0" name element 1 (terraform console 1.11.4).
      const number = Array.isArray(value) && typeof index === 'string' ? parseNumber(index) : undefined;
      if (typeof number === 'bigint') key = String(number);
    }
    // A list has elements 0, 1, …, nothing else (local.l["length"] is an error).
    if (Array.isArray(value) && key !== undefined && !/^(0|[1-9]\d*)$/.test(key)) key = `[${key}]`;
    // A set's elements have no index: var.s[0] is an error in Terraform.
    if (key === undefined || value === null || typeof value !== 'object' || value instanceof Fraction || !Object.hasOwn(value, key) || SETS.has(value)) {
      // A known value without that attribute or element: an error in Terraform, which try() catches.
      const missing = new Unresolved(expr.src, 'is not a value this command can look up');
      missing.error = key !== undefined && (value === null || typeof value === 'object');
      return missing;
    }
    value = value[key];
  }
  if (value instanceof Unresolved) {
    if (value.source === expr.src) return value;
    const out = because(expr, value);
    // local.x itself is the set it names (for_each: makesNone()).
    if (ops.length === 0 && value.forEachKind) out.forEachKind = value.forEachKind;
    return out;
  }
  return value;
}

/**
 * A splat on a known value, as Terraform applies it: null is [], a list
 * (a set: its elements in order) gives one element per item, any other value
 * is a list of itself. `[*]` applies all the operations after it to each
 * element; `.*` only the attribute names right after it, the rest to the list.
 */
function splat(expr, value, after, full, scope, trace, depth) {
  const count = full ? after.length : after.findIndex((op) => op.attr === undefined);
  const each = count < 0 ? after : after.slice(0, count);
  const rest = count < 0 ? [] : after.slice(count);
  const items = value === null ? [] : Array.isArray(value) ? value : [value];
  if (!spend(items.length)) return tooLarge(expr);
  const out = [];
  for (const item of items) {
    const found = each.length ? lookUp(expr, item, each, scope, trace, depth) : item;
    // An element without the attribute: the whole expression is an error in Terraform.
    if (found instanceof Unresolved && found.error) return found;
    out.push(found);
  }
  return rest.length ? lookUp(expr, out, rest, scope, trace, depth) : out;
}

/** The bounded entries of a known collection, in Terraform's order (maps by key), or undefined. */
function entriesOf(collection) {
  // A set's keys are its elements.
  if (Array.isArray(collection)) return collection.length > LIMITS.nodes ? undefined : collection.map((item, i) => [SETS.has(collection) ? item : BigInt(i), item]);
  if (isObject(collection)) {
    const keys = sortedKeys(collection);
    return keys.length > LIMITS.nodes ? undefined : keys.map((key) => [key, collection[key]]);
  }
  return undefined;
}

/** A `for` expression over a known collection: `[for v in c : …]` or `{ for k, v in c : k => … }`. */
function forExpression(expr, scope, trace, depth) {
  const collection = evaluate(expr.collection, scope, trace, depth + 1);
  if (collection instanceof Unresolved) return because(expr, collection);
  const entries = entriesOf(collection);
  if (entries && !spend(entries.length)) return tooLarge(expr);
  if (!entries || entries.some(([, item]) => item instanceof Unresolved)) return new Unresolved(expr.src, `is ${describe(expr)}`);
  const out = expr.key ? {} : [];
  for (const [key, item] of entries) {
    const bound = scope.bind(expr.keyVar ? [[expr.keyVar, key], [expr.valueVar, item]] : [[expr.valueVar, item]]);
    if (expr.cond) {
      const keep = evaluate(expr.cond, bound, trace, depth + 1);
      if (keep instanceof Unresolved) return because(expr, keep);
      if (typeof keep !== 'boolean') return new Unresolved(expr.src, `is ${describe(expr)}`);
      if (!keep) continue;
    }
    const value = evaluate(expr.value, bound, trace, depth + 1);
    if (!expr.key) {
      out.push(value);
      continue;
    }
    const name = stringOf(evaluate(expr.key, bound, trace, depth + 1));
    if (name === undefined) return new Unresolved(expr.src, 'has a key that is not known before apply');
    if (expr.grouping) setMember(out, name, [...(Object.hasOwn(out, name) ? out[name] : []), value]);
    else if (Object.hasOwn(out, name)) return new Unresolved(expr.src, `makes the key "${name}" twice, which Terraform rejects`);
    else setMember(out, name, value);
  }
  return out;
}

/**
 * The instance a resource reference's index names: `{ key, text }` (the key
 * as a string, and as written in an address: `["src"]`, `[0]`), or
 * `{ unknown: source }` when the key is not known here (count.index,
 * each.key, a variable without a value).
 */
function instanceOf(index, scope, depth) {
  const key = evaluate(index, scope, new Set(), depth + 1);
  const text = stringOf(key);
  // A key written as a bool or a number that is not whole: Terraform reads
  // the reference before any value and refuses it ("Invalid index key",
  // terraform plan 1.11.4 on `d[true]`, `d[1.5]`), with count or for_each.
  if ((index.k === 'bool' || (index.k === 'number' && key instanceof Fraction)) && text !== undefined) return { invalidKey: true, text: `[${text}]` };
  if (key instanceof Unresolved || typeof key === 'boolean' || text === undefined) return { unknown: index.src };
  return { key: text, text: typeof key === 'string' ? `[${JSON.stringify(key)}]` : `[${text}]` };
}

/**
 * The address a reference's location stands for, in `scope`. A key that is
 * not known gives an address of its own per request member (`pointer`), so
 * that two such ends are never taken for the same location, unless both
 * are written with the same plain reference (`loc[each.key]` twice), which
 * is one instance however it is evaluated.
 */
function referencedAddress(scope, reference, pointer) {
  const address = `${scope.prefix}${reference.type}.${reference.name}`;
  const { instance } = reference;
  if (!instance) return address;
  if (instance.key !== undefined) return `${address}[${JSON.stringify(instance.key)}]`;
  return /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/.test(instance.unknown) ? `${address}[${instance.unknown}]` : `${address}[${instance.unknown}] at ${pointer}`;
}

/**
 * The scope a referenced location's arguments are read in: the module's,
 * never the task's `each` (another resource's instance), with the
 * location's own `each` or `count.index` when the reference names a known
 * instance of it (`loc["src"]`: its for_each value; `n[1]`: index 1).
 */
function locationScope(target, reference, scope) {
  const module = scope.unbound();
  const key = reference.instance?.key;
  if (key === undefined) return module;
  const instance = forEachInstances(target, module)?.find(([k]) => k === key);
  if (instance) return module.bind([['each', { key: instance[0], value: instance[1] }]]);
  const counted = target.block.body.some((b) => b.t === 'attr' && b.name === 'count');
  return counted && /^\d{1,9}$/.test(key) ? module.bind([['count', { index: BigInt(key) }]]) : module;
}

/**
 * Why Terraform refuses `reference` to an instance of `target` (a resource
 * block of the module), or undefined: `terraform plan` (1.11.4) stops with
 * "Missing resource instance key" for `aws_x.y.arn` when aws_x.y has
 * for_each or count, and with "Invalid index" for `aws_x.y["zz"].arn` when
 * its known for_each has no key "zz" (or `aws_x.y[2]` when its known count
 * is 2). A key or collection not known here is no reason.
 */
function missingInstance(target, reference, module) {
  const has = (name) => target.block.body.some((b) => b.t === 'attr' && b.name === name);
  const [forEach, count] = [has('for_each'), has('count')];
  if (!forEach && !count && !reference.instance?.invalidKey) return undefined;
  const resource = `${reference.type}.${reference.name}`;
  if (reference.instance?.invalidKey) return `names ${resource}${reference.instance.text}: an error in Terraform ("Invalid index key": an instance key is a string or a whole number)`;
  if (!reference.instance) {
    return `names no instance of ${resource}, which has ${forEach ? 'for_each' : 'count'}: an error in Terraform ("Missing resource instance key")`;
  }
  const { key } = reference.instance;
  if (key === undefined) return undefined;
  const invalid = `names an instance ${resource} does not have: an error in Terraform ("Invalid index")`;
  if (forEach) {
    const instances = forEachInstances(target, module);
    return instances && !instances.some(([k]) => k === key) ? invalid : undefined;
  }
  const indices = countIndices(target, module);
  if (!indices) return undefined;
  // A string index converts to a number as Terraform converts it ("1", "1.0", "01", "+1", "1e0" are 1; " 1", "0x1", "1.5" none).
  const number = countIndex(key);
  if (number === undefined) return MAYBE_NUMBER.test(key) ? undefined : invalid;
  return number === null || number >= BigInt(indices.length) ? invalid : undefined;
}

/**
 * The index of a count resource's instance a key names, as HCL indexes a
 * tuple (terraform console 1.11.4: `[10, 20]["1.0"]` is 20, `["1.5"]`,
 * `[" 1"]` and `["0x1"]` are "Invalid index"): a whole number >= 0, null
 * when it names none, undefined when this command cannot tell ("-0").
 */
function countIndex(key) {
  const number = parseNumber(key);
  if (number === undefined) return MAYBE_NUMBER.test(key) ? undefined : null;
  return typeof number === 'bigint' && number >= 0n ? number : null;
}

/** The variables of a module instance: defaults, then tfvars (root only) or the call's arguments; `budget` is the check's. */
function variablesOf(module, callArguments, budget) {
  const empty = new Scope(EMPTY_SCOPE.module, '', new Map(), budget);
  const values = new Map();
  const nonNullable = new Map(); // name -> its default's entry, or null without one
  for (const [name, { block, file }] of module.variables) {
    const attribute = (key) => block.body.find((item) => item.t === 'attr' && item.name === key);
    const defaultAttr = attribute('default');
    if (defaultAttr) {
      values.set(name, { value: evaluate(defaultAttr.value, empty), origin: `the default of variable "${name}" (${where(file, defaultAttr)})` });
    }
    if (evaluate(attribute('nullable')?.value, empty) === false) nonNullable.set(name, values.get(name) ?? null);
  }
  if (callArguments) {
    for (const [name, entry] of callArguments) values.set(name, entry);
  } else {
    for (const { name: file, body } of module.tfvars) {
      for (const item of body) {
        if (item.t !== 'attr') continue;
        values.set(item.name, { value: evaluate(item.value, empty), origin: where(file, item) });
      }
    }
  }
  // nullable = false: Terraform gives a null value the default instead, and rejects it without one.
  for (const [name, entry] of values) {
    if (entry.value !== null || !nonNullable.has(name)) continue;
    values.set(name, nonNullable.get(name) ?? new Unresolved(`var.${name}`, `is null (${entry.origin}), which Terraform rejects: the variable has nullable = false and no default`));
  }
  for (const [name, entry] of values) {
    if (entry instanceof Unresolved) continue;
    if (entry.value instanceof Unresolved) values.set(name, new Unresolved(`var.${name}`, `comes from ${entry.origin}, which is not known before apply`));
    else {
      const type = module.variables.get(name)?.block.body.find((item) => item.t === 'attr' && item.name === 'type');
      if (!type || ['string', 'template'].includes(type.value.k)) continue; // none, or Terraform 0.11's "string", "map", "list": not converted
      // A value's budget of its own (typeOf() and convertTo() spend it, and so does an optional() default), as an evaluation has.
      budget.value(() => {
        try {
          values.set(name, { ...entry, value: typed(entry.value, type.value, 0) });
        } catch (error) {
          if (!(error instanceof NotConverted)) throw error;
          const unresolved = new Unresolved(`var.${name}`, `comes from ${entry.origin}, whose value ${error.reason}`);
          if (error.forEachKind) unresolved.forEachKind = error.forEachKind;
          values.set(name, unresolved);
        }
      });
    }
  }
  return values;
}

/** Thrown inside typed(): a value this command does not convert to its type as Terraform does (or that Terraform rejects); `reason` follows "whose value". */
class NotConverted {
  constructor(reason) {
    this.reason = reason;
  }
}

/**
 * A known primitive `value` converted to the primitive type `name` as
 * Terraform converts it (`terraform console`, v1.11.4): a number or bool to
 * the string Terraform writes (stringOf()), a numeric string ("5", "+5",
 * ".5", "1.25e7") to a number (parseNumber()), "true"/"false"/"1"/"0" to a
 * bool. Anything else Terraform rejects ("True", " 5", "0x10", a bool as a
 * number) or this command does not convert exactly is NotConverted. Null and
 * unknown values are kept.
 */
function primitive(value, name) {
  if (value === null || value instanceof Unresolved) return value;
  const kind = primitiveOf(value);
  if (kind === name) return value;
  const converted =
    name === 'string' && kind !== 'other'
      ? stringOf(value)
      : name === 'number' && kind === 'string'
        ? parseNumber(value)
        : name === 'bool' && ['true', 'false', '1', '0'].includes(value)
          ? value === 'true' || value === '1'
          : undefined;
  if (converted !== undefined) return converted;
  if (kind === 'other') throw new NotConverted(`is a collection, which Terraform does not convert to ${name}`);
  const shown = kind === 'string' ? JSON.stringify(value) : `the ${kind} ${stringOf(value) ?? ''}`.trimEnd();
  throw new NotConverted(`${shown} this command does not convert to ${name} as Terraform does`);
}

/**
 * The elements of a collection of type `any` (list(any), map(any), `map`)
 * unified as tolist() and tomap() unify them (unifiedItems()): with a string
 * among primitives, all become strings, collections as conditionals unify
 * them (map(any) of objects with other attributes is a map of maps); a
 * number with a bool, or beside an unknown element, is NotConverted.
 */
function unified(items) {
  const out = unifiedItems({ src: '' }, items);
  if (out instanceof Unresolved) throw new NotConverted('holds elements whose common type is not known here');
  return out;
}

/**
 * `value` converted to a variable's type constraint `type` as Terraform
 * converts it before the module sees it: primitives (primitive()), list(),
 * set() and map() element by element (`any` elements unified), object()
 * with its declared attributes only and its optional() defaults filled in
 * (an absent or null attribute takes the default, or null). Unknown values
 * inside are kept; a conversion this command does not make as Terraform
 * does throws NotConverted.
 */
function typed(value, type, depth) {
  if (depth > LIMITS.depth) throw new NotConverted('nests deeper than this command follows');
  if (value === null || value instanceof Unresolved) return value;
  // One step per value converted: a value that shares its parts (a list of
  // one local, many times over) is small to evaluate but large to walk.
  if (!spend(1)) throw new NotConverted('is too large to convert here');
  const name = type?.k === 'var' || type?.k === 'call' ? type.name : undefined;
  if (type?.k === 'var' && name === 'any') return value;
  if (type?.k === 'var' && ['string', 'number', 'bool'].includes(name)) return primitive(value, name);
  // `map`, `list`, `set` alone mean map(any), list(any), set(any).
  const [inner] = type?.k === 'call' && Array.isArray(type.args) && type.args.length === 1 ? type.args : type?.k === 'var' ? [{ k: 'var', name: 'any' }] : [];
  const anyElements = inner?.k === 'var' && inner.name === 'any';
  const elements = (items) => (anyElements ? unified(items) : items.map((item) => typed(item, inner, depth + 1)));
  // The type it has now (for conditionals and coalesce()): its constraint's, with `any` elements' unified.
  const ofType = (out, items) => withType(out, anyElements ? { [name]: elementType(items) } : constraintType(type));
  if (inner && name === 'list' && Array.isArray(value)) {
    const items = elements(value);
    return ofType([...items], items);
  }
  if (inner && name === 'set' && Array.isArray(value)) {
    const items = elements(value);
    const set = setOf(items);
    if (!set) throw markedSet(new NotConverted('is a set of elements other than strings, whose order this command does not follow'), items);
    return set;
  }
  if (inner && name === 'map' && isObject(value)) {
    const keys = Object.keys(value);
    const items = elements(keys.map((key) => value[key]));
    const out = {};
    keys.forEach((key, i) => setMember(out, key, items[i]));
    return ofType(out, items);
  }
  if (inner?.k === 'object' && name === 'object' && isObject(value)) {
    // Only the declared attributes: Terraform drops the others.
    const out = {};
    for (const item of inner.items) {
      if (typeof item.key !== 'string') throw new NotConverted('has a type whose attribute names are not known here');
      // Terraform refuses the type ("Object constructor map keys must be unique"), where a value's object keeps the later item.
      if (Object.hasOwn(out, item.key)) throw new NotConverted(`has a type that names the attribute "${item.key}" twice, which Terraform rejects`);
      let attributeType = item.value;
      let attribute = Object.hasOwn(value, item.key) ? value[item.key] : undefined;
      if (attributeType?.k === 'call' && attributeType.name === 'optional' && Array.isArray(attributeType.args)) {
        const [optionalType, fallback] = attributeType.args;
        // Evaluated within the conversion's budget (the variable's value), not with one of its own.
        if (attribute === undefined || attribute === null) attribute = fallback ? evaluate(fallback, EMPTY_SCOPE) : null;
        attributeType = optionalType;
      }
      if (attribute === undefined) throw new NotConverted(`has no attribute "${item.key}", which its type requires`);
      setMember(out, item.key, typed(attribute, attributeType, depth + 1));
    }
    return withType(out, constraintType(type));
  }
  throw new NotConverted(`is not of its type ${type?.src ?? ''} as far as this command can tell`);
}

/**
 * The `default_tags` of each `provider "aws"` block of a root module, by alias
 * ('' for the default provider): `{ value, origin }` (value may be Unresolved).
 */
function defaultTagsOf(module, scope) {
  const out = new Map();
  for (const { block, file } of module.providers) {
    const alias = block.body.find((item) => item.t === 'attr' && item.name === 'alias');
    const name = alias ? stringOf(evaluate(alias.value, scope)) : '';
    if (name === undefined) continue;
    const defaults = block.body.find((item) => item.t === 'block' && item.type === 'default_tags');
    const tags = defaults?.body.find((item) => item.t === 'attr' && item.name === 'tags');
    if (!tags) continue;
    out.set(name, { value: evaluate(tags.value, scope), origin: `default_tags of provider "aws"${name ? ` (alias ${name})` : ''} (${where(file, tags)})` });
  }
  return out;
}

/**
 * Whether a resource or module call block makes no instance: its count is 0
 * (a number, or a string Terraform converts, as from a variable's default) or
 * its for_each an empty map or set; or Terraform rejects its count or
 * for_each, so it makes none either. `{ item, reason, rejected? }` then
 * (`rejected`: 'count' or 'for_each', the argument Terraform rejects), else
 * null. What Terraform rejects (`terraform plan`, v1.11.4, on a module call
 * and on a resource alike): a count that is null, not a whole number, or
 * negative ("Invalid count argument"); a for_each that is a list or tuple
 * (even `[]`), null, a string, number or bool ("Invalid for_each argument:
 * ... must be a map, or set of strings, and you have provided a value of
 * type tuple"). toset([]) and {} are accepted and make no instance.
 */
function makesNone(block, scope) {
  const meta = (name) => block.body.find((item) => item.t === 'attr' && item.name === name);
  const count = meta('count');
  const forEach = meta('for_each');
  if (count) {
    const written = evaluate(count.value, scope);
    if (written === null) return { item: count, rejected: 'count', reason: 'count is null, which Terraform rejects (it takes a whole number of 0 or more)' };
    const number = numberOf(written);
    // Terraform converts count to a number (as tonumber() does): a string that writes none (" 2", "x"), a bool or a collection is "Incorrect value type: a number is required".
    const notNumber =
      typeof written === 'string'
        ? number === undefined && !MAYBE_NUMBER.test(written) && (written.length <= 40 ? JSON.stringify(written) : 'a string that is not a number')
        : typeof written === 'boolean'
          ? String(written)
          : Array.isArray(written)
            ? `a ${SETS.has(written) ? 'set' : 'list or tuple'}`
            : isObject(written) && 'a map or object';
    if (notNumber) return { item: count, rejected: 'count', reason: `count is ${notNumber}, which Terraform rejects (it takes a number)` };
    if (number !== undefined && compare(number, 0n) === 0) return { item: count, reason: 'count is 0' };
    if (number !== undefined && (typeof number !== 'bigint' || number < 0n)) {
      return { item: count, rejected: 'count', reason: `count is ${stringOf(number) ?? 'not a whole number'}, which Terraform rejects (it takes a whole number of 0 or more)` };
    }
  }
  if (forEach) {
    const value = evaluate(forEach.value, scope);
    // A set of numbers or bools, or with a null element: not computed here (setOf()), but known to be one (forEachKind).
    const marked = value instanceof Unresolved ? value.forEachKind : undefined;
    const kind = marked ? `a ${marked}` : value === null ? 'null' : SETS.has(value) || isObject(value) || value instanceof Unresolved ? undefined : Array.isArray(value) ? (TYPES.get(value)?.list !== undefined ? 'a list' : 'a tuple') : `a ${primitiveOf(value)}`;
    if (kind && kind !== 'a other') {
      const hint = Array.isArray(value) ? ': toset() makes one of a list' : marked && marked !== NULL_IN_SET ? ': tostring() each element' : '';
      return { item: forEach, rejected: 'for_each', type: kind.replace(/^a /, ''), reason: `for_each is ${kind}, which Terraform rejects (it takes a map, or a set of strings${hint})` };
    }
    if ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) return { item: forEach, reason: 'for_each is empty' };
  }
  return null;
}

/**
 * The report's entry for a task that no instance makes (`none` from
 * makesNone(), of its own block or of the module call `call` it is in): a
 * count or for_each Terraform rejects is an error where it is written
 * (terraform/invalid-count, terraform/invalid-for-each), anything else one
 * note.
 */
function noInstanceEntry(address, none, call) {
  const { item, reason, rejected } = none;
  const at = { path: '', line: item.line, column: item.column, address, attribute: item.name };
  const of = call ? ` of module "${call}"` : '';
  const entry = { logicalId: address, pointer: '', diagnostics: [], notes: [], locations: [] };
  if (rejected === 'for_each') {
    entry.diagnostics.push({ code: 'terraform/invalid-for-each', severity: 'error', message: `Invalid for_each argument${of}: ${reason}, so ${address} creates no task.`, params: { type: none.type }, ...at });
  } else if (rejected === 'count') {
    entry.diagnostics.push({ code: 'terraform/invalid-count', severity: 'error', message: `Invalid count argument${of}: ${reason}, so ${address} creates no task.`, params: {}, ...at });
  } else entry.notes.push({ code: 'terraform/not-checked', ...at, message: `Not checked: ${call ? `the ${reason.replace(/^(count|for_each)/, `$1${of}`)}` : reason}, so ${address} creates no task.` });
  return entry;
}

/**
 * Every module instance reachable from the roots, breadth first: Scopes.
 * A module call with a known count or for_each makes one instance each
 * (`module.x[0].`, `module.x["a"].`), its arguments evaluated with
 * count.index or each.key and each.value; one not known here, or making
 * more instances than LIMITS allow, is one instance for all (a note says
 * so). A call that makes no instance (count 0, an empty for_each, or one
 * Terraform rejects) makes a Scope marked `noInstance` ({ none, file,
 * call }): its tasks are reported as making no task, not checked (and its
 * module is not checked again as a root of its own).
 */
function instancesOf(roots, display, cache, notes, budget) {
  const out = [];
  // `root`: the root module's folder (where `terraform init` wrote .terraform/modules/modules.json); `key`: the
  // call names from it, joined by ".", as that manifest's keys are.
  const queue = roots.map((module) => ({ module, prefix: '', args: null, path: [resolve(module.folder)], inherited: undefined, root: module.folder, key: '' }));
  // A call's note once, however many instances of its caller there are.
  const noted = new Set();
  const manifests = new Map(); // root folder -> its modules.json, read once
  const note = (n) => {
    const key = `${n.file}:${n.line}:${n.column}:${n.message}`;
    if (!noted.has(key)) notes.push(n);
    noted.add(key);
  };
  while (queue.length) {
    const { module, prefix, args, path, inherited, noInstance, root, key: callerKey } = queue.shift();
    if (out.length >= LIMITS.modules) {
      notes.push({ message: `More than ${LIMITS.modules} module instances: the rest are not checked.` });
      break;
    }
    const scope = new Scope(module, prefix, noInstance ? new Map() : variablesOf(module, args, budget), budget);
    scope.defaultTags = inherited ?? defaultTagsOf(module, scope);
    if (noInstance) scope.noInstance = noInstance;
    out.push(scope);
    for (const call of module.calls) {
      const manifestKey = callerKey ? `${callerKey}.${call.name}` : call.name;
      const folder = callFolder(module, call) ?? installedFolder(root, manifestKey, call, manifests);
      const address = `${prefix}module.${call.name}`;
      if (folder === null) {
        const source = call.block.body.find((item) => item.t === 'attr' && item.name === 'source');
        note({
          file: call.file,
          line: call.block.line,
          column: call.block.column,
          address,
          message: `Not checked: module "${call.name}" comes from ${source?.value?.src ?? 'a source'}, which is not a local folder; check that module's own files.`,
        });
        continue;
      }
      const key = resolve(folder);
      if (path.includes(key) || path.length > LIMITS.moduleDepth) continue; // a module that calls itself
      // Under a call that makes no instance, every call is reached the same way (its tasks make none either).
      const none = noInstance ? null : makesNone(call.block, scope);
      const child = loadModule(folder, display, cache);
      // A child module uses its caller's providers, unless the call maps them (then they are not known here).
      const mapsProviders = call.block.body.some((item) => item.t === 'attr' && item.name === 'providers');
      const next = { module: child, path: [...path, key], inherited: mapsProviders ? new Map() : scope.defaultTags, root, key: manifestKey };
      if (noInstance || none) {
        queue.push({ ...next, prefix: `${address}.`, noInstance: noInstance ?? { none, file: call.file, call: call.name } });
        continue;
      }
      // One instance per element of a known for_each or index of a known count.
      const each = forEachInstances(call, scope);
      const indices = each === undefined ? countIndices(call, scope) : undefined;
      let instances = each?.map(([k, value]) => [`[${JSON.stringify(k)}]`, scope.bind([['each', { key: k, value }]])]) ?? indices?.map((index) => [`[${index}]`, scope.bind([['count', { index }]])]);
      const meta = call.block.body.find((item) => item.t === 'attr' && (item.name === 'count' || item.name === 'for_each'));
      if (instances && out.length + queue.length + instances.length > LIMITS.modules) instances = undefined;
      if (!instances) {
        instances = [['', scope]];
        if (meta) {
          note({
            file: call.file,
            line: meta.line,
            column: meta.column,
            address,
            message: `Every instance of module "${call.name}" that ${meta.name} makes is checked as one; values from ${meta.name === 'count' ? 'count.index' : 'each.key and each.value'} are not checked.`,
          });
        }
      }
      for (const [suffix, at] of instances) {
        const callArgs = new Map();
        for (const item of call.block.body) {
          if (item.t !== 'attr' || ['source', 'version', 'count', 'for_each', 'providers', 'depends_on'].includes(item.name)) continue;
          const trace = new Set();
          const value = evaluate(item.value, at, trace);
          const origin = trace.size ? [...trace].join(', ') : `module "${call.name}" in ${where(call.file, item)}`;
          callArgs.set(item.name, { value, origin });
        }
        queue.push({ ...next, prefix: `${address}${suffix}.`, args: callArgs });
      }
    }
  }
  return out;
}

/**
 * The instances a resource's `for_each` makes, `[[each.key, each.value], …]`
 * in Terraform's order, when its collection is known (a map or object, or a
 * set of strings); undefined when there is no for_each, it is not known, or
 * it makes more than LIMITS.instances instances.
 */
function forEachInstances(resource, scope) {
  const item = resource.block.body.find((b) => b.t === 'attr' && b.name === 'for_each');
  if (!item) return undefined;
  const value = evaluate(item.value, scope);
  let entries;
  if (isObject(value)) entries = sortedKeys(value).map((key) => [key, value[key]]);
  // A set of strings (setOf() made it sorted and without duplicates); a list Terraform rejects (makesNone()).
  else if (SETS.has(value)) entries = value.map((key) => [key, key]);
  return entries && entries.length <= LIMITS.instances ? entries : undefined;
}

/**
 * The indices a resource's `count` makes, `[0n, 1n, …]`, when it is known: a
 * whole number from 0 to LIMITS.instances (a string converts, as Terraform
 * converts it to a number); undefined when there is no count, it is not
 * known, it is larger, or Terraform rejects it (a fraction, a negative
 * number, null).
 */
function countIndices(resource, scope) {
  const item = resource.block.body.find((b) => b.t === 'attr' && b.name === 'count');
  if (!item) return undefined;
  const number = numberOf(evaluate(item.value, scope));
  if (typeof number !== 'bigint' || number < 0n || number > BigInt(LIMITS.instances)) return undefined;
  return Array.from({ length: Number(number) }, (_, i) => BigInt(i));
}

/**
 * The blocks a `dynamic "type"` block makes, as Terraform expands it (hcl's
 * ext/dynblock): `{ blocks }`, one `{ item, scope }` per element of its
 * known for_each, in Terraform's order (list index, set element, map key),
 * each with its content's body, the dynamic block's position and the
 * iterator (the block type, or `iterator`'s name) bound to `{ key, value }`
 * on top of `scope` (so nested dynamic blocks see it); `{ unresolved }`
 * when the blocks are not known here (a for_each not known before apply,
 * a plan's block list known after apply, a dynamic block Terraform
 * rejects in a way no rule of this command names); `{ invalid: { item,
 * type } }`: a for_each Terraform rejects (null, a string, number or bool;
 * `item` is the for_each, `type` what it is: terraform/invalid-for-each);
 * `{ extra }`: the
 * arguments and blocks Terraform does not take in a dynamic block (labels
 * only for block types with labels, which none of the DataSync resources'
 * have). The one home of the expansion: tasks (mapTask()) and locations
 * (locationDescription()).
 */
function dynamicBlocks(item, type, scope) {
  if (item.plan) return { unresolved: new Unresolved('(known after apply)', 'is known only after apply', { plan: true }) };
  const source = `dynamic "${type}"`;
  const notChecked = (reason) => ({ unresolved: new Unresolved(source, reason) });
  const extra = item.body.filter((part) => (part.t === 'attr' ? !['for_each', 'iterator'].includes(part.name) : part.type !== 'content'));
  if (extra.length) return { extra };
  const forEach = item.body.find((part) => part.t === 'attr' && part.name === 'for_each');
  const iterator = item.body.find((part) => part.t === 'attr' && part.name === 'iterator');
  const contents = item.body.filter((part) => part.t === 'block');
  if (!forEach) return notChecked('has no for_each, which Terraform requires');
  if (contents.length !== 1) return notChecked(contents.length ? 'has more than one content block, which Terraform rejects' : 'has no content block, which Terraform requires');
  // `iterator = it` (in JSON syntax "it"): one name, nothing after it.
  const written = iterator?.value;
  const name = !iterator ? type : written?.k === 'var' ? written.name : written?.k === 'string' && /^[A-Za-z_][\w-]*$/.test(written.v) ? written.v : undefined;
  if (name === undefined) return notChecked('has an iterator that is not a single name, which Terraform rejects');
  const value = evaluate(forEach.value, scope);
  if (value instanceof Unresolved) return { unresolved: because({ src: source }, value) };
  // `terraform plan`: "Invalid dynamic for_each value: Cannot use a null value in for_each" (a string, number or bool: "... An iterable collection is required").
  if (value === null) return { invalid: { item: forEach, type: 'null' } };
  const entries = entriesOf(value);
  if (!entries && primitiveOf(value) !== 'other') return { invalid: { item: forEach, type: primitiveOf(value) } };
  if (!entries) return notChecked(Array.isArray(value) || isObject(value) ? 'has a for_each too large to expand here' : 'has a for_each that is not a collection, which Terraform rejects');
  if (entries.length > LIMITS.instances) return notChecked(`makes ${entries.length} blocks, more than the ${LIMITS.instances} this command expands`);
  const [content] = contents;
  return {
    blocks: entries.map(([key, element]) => ({
      item: { t: 'block', type, labels: [], line: item.line, column: item.column, body: content.body, dynamic: item },
      scope: scope.bind([[name, { key, value: element }]]),
    })),
  };
}

/**
 * Maps a task resource in `scope` to the request the provider sends.
 * Returns { request, unknowns, records, diagnostics, locations, resolved }:
 * `records` maps request pointers to { attribute, line, column, origin?,
 * providerDefault? }; `locations` is validate()'s option, `resolved` says
 * which resource each location reference named (for the report).
 */
function mapTask(resource, scope, fieldIndex) {
  const records = new Map();
  const unknowns = [];
  const diagnostics = [];
  const references = new Map(); // request pointer -> { type, name }
  const missingArguments = new Set(); // request pointers of Required arguments left out (terraform/missing-argument)
  const { block } = resource;
  const record = (pointer, item, attribute, extra = {}) => records.set(pointer, { attribute, line: item.line, column: item.column, ...extra });
  const problem = (code, item, attribute, message, params, severity = 'error') =>
    diagnostics.push({ code, severity, path: '', message, params, line: item.line, column: item.column, attribute });

  // Terraform's own conversions to the argument's type.
  const convert = (value, pointer) => {
    const field = fieldIndex.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*'));
    // A string converts to the number it writes ("1.25e7" is 12500000, as
    // `terraform console` prints tonumber("1.25e7")); a whole number is an integer.
    const number = field?.type === 'integer' && typeof value === 'string' ? parseNumber(value) : value;
    if (field?.type === 'integer' && typeof number === 'bigint') return number;
    if (field?.type === 'string' && (isNumber(value) || typeof value === 'boolean')) return stringOf(value);
    // A number that is not whole: as close a JavaScript number as there is (the checks say it is not an integer).
    if (value instanceof Fraction) return Number(numberText(value) ?? Number(value.mantissa) * 2 ** value.exponent);
    return value;
  };
  const unknownAt = (pointer, unresolved) => {
    const unknown = new TerraformUnknown(pointer, unresolved);
    unknowns.push(unknown);
    if (unresolved.reference) references.set(pointer, unresolved.reference);
    return unknown;
  };
  // A value for the request: Unresolved anywhere inside becomes an Unknown at its pointer.
  const toRequest = (value, pointer) => {
    if (value instanceof Unresolved) return unknownAt(pointer, value);
    // Many unknown values in one list or map (hostile, or generated): the
    // whole value is one unknown, so the checks stay few and the notes short.
    const count = unresolvedCount(value);
    if (count > LIMITS.unknownsPerValue) return unknownAt(pointer, new Unresolved('', `holds ${count} values that are not known before apply`));
    if (Array.isArray(value)) return value.map((item, i) => toRequest(item, `${pointer}/${i}`));
    if (isObject(value)) {
      const out = {};
      for (const [key, member] of Object.entries(value)) setMember(out, key, toRequest(member, `${pointer}/${escapeSegment(key)}`));
      return out;
    }
    const converted = convert(value, pointer);
    if (converted === undefined && isNumber(value)) return unknownAt(pointer, new Unresolved('', 'is a number this command does not write exactly as Terraform does'));
    return converted;
  };
  const valueOf = (item, pointer, attribute, itemScope) => {
    const trace = new Set();
    const value = evaluate(item.value, itemScope, trace);
    const origin = trace.size ? [...trace].join(', ') : undefined;
    if (!withinBounds(value)) return { value: new Unresolved(item.value.src.slice(0, 80), 'is too large to check here'), origin };
    record(pointer, item, attribute, origin ? { origin } : {});
    return { value, origin };
  };

  // The provider adds its default_tags to the resource's tags (the resource's win).
  const providerAttr = block.body.find((item) => item.t === 'attr' && item.name === 'provider');
  // `provider = aws.dr` in HCL; in JSON syntax the same reference is the string "aws.dr".
  const providerRef = providerAttr?.value;
  const alias =
    providerRef?.k === 'traversal' && providerRef.root?.name === 'aws'
      ? providerRef.ops[0]?.attr ?? ''
      : providerRef?.k === 'string' && typeof providerRef.v === 'string'
        ? (/^aws\.([A-Za-z_][\w-]*)$/.exec(providerRef.v.trim())?.[1] ?? '')
        : '';
  const defaultTags = resource.type === AWSCC_TASK_TYPE ? undefined : scope.defaultTags?.get(alias); // awscc: the AWS provider's default_tags are not its
  const knownDefaults = defaultTags && isObject(defaultTags.value) ? { ...defaultTags, value: withoutNullTags(defaultTags.value) } : undefined;
  const tagList = (value, memberPointer, item, objectItems, origin) => {
    // Each key's own item, looked up once: linear in the number of tags. A key written
    // twice ({ a = "x", "a" = "y" }) has the later item's value, so its position too.
    const byKey = new Map();
    for (const o of objectItems) {
      const key = typeof o.key === 'string' ? o.key : o.key?.v;
      if (key !== undefined) byKey.set(key, o);
    }
    return Object.keys(value)
      .sort()
      .map((key, i) => {
        const own = byKey.get(key);
        const fromDefaults = !own && knownDefaults && Object.hasOwn(knownDefaults.value, key);
        const extra = fromDefaults ? { origin: knownDefaults.origin } : origin ? { origin } : {};
        record(`${memberPointer}/${i}`, own ?? item, `tags["${key}"]`, extra);
        return { Key: key, Value: toRequest(value[key], `${memberPointer}/${i}/Value`) };
      });
  };

  const request = {};

  /** A dynamic block's blocks (dynamicBlocks()); its arguments and blocks Terraform does not take are reported here. */
  const expand = (item, type, scope, attribute) => {
    const made = dynamicBlocks(item, type, scope);
    for (const part of made.extra ?? []) {
      const name = part.t === 'attr' ? part.name : part.type;
      if (part.t === 'attr') problem('terraform/unsupported-argument', part, `${attribute}.${name}`, `An argument named "${name}" is not expected here.`, { argument: name });
      else problem('terraform/unsupported-argument', part, `${attribute}.${name}`, `Unsupported block type: blocks of type "${name}" are not expected here.`, { block: name });
    }
    if (made.invalid) {
      const { item: at, type: kind } = made.invalid;
      const what = kind === 'null' ? 'null' : `a ${kind}`;
      problem('terraform/invalid-for-each', at, `${attribute}.for_each`, `Invalid dynamic for_each value: the for_each of dynamic "${type}" is ${what}, which Terraform rejects (it takes a collection: a list, set, map or object).`, { type: kind });
    }
    return made.extra || made.invalid ? { rejected: true } : made;
  };

  /**
   * A body against its schema, in `scope`: fills `target` (an object in the
   * request at `pointer`). Returns `{ set, blocks }`: the arguments given a
   * value other than null, and the block types written (a dynamic block
   * whose blocks are not known counts as written).
   */
  const beforeOverride = absentBeforeOverride(resource, Object.keys(TASK.attrs).filter((name) => TASK.attrs[name].required));
  const mapBody = (body, schema, target, pointer, path, isTop, scope, owner) => {
    const set = new Set(); // arguments given a value other than null
    const nulls = new Map(); // argument -> its item, for those given null
    const kept = new Set(); // arguments given a known value other than null and "" (or a "" the provider refuses)
    const unsure = new Set(); // arguments whose value is not known here
    const blocks = []; // { item, scope }: the blocks written and those dynamic blocks make
    const unknownTypes = new Map(); // block type -> { item, unresolved } of its first dynamic block not known here
    const quiet = new Set(); // block types with a dynamic block Terraform rejects (reported)
    for (const item of body) {
      const attribute = [...path, item.t === 'attr' ? item.name : item.type].join('.');
      if (item.t === 'attr') {
        if (isTop && (TASK.meta.includes(item.name))) continue;
        if (isTop && TASK.computed.includes(item.name)) {
          problem('terraform/unsupported-argument', item, attribute, TERRAFORM_SAYS.unconfigurable(item.name), { argument: item.name });
          continue;
        }
        const spec = schema.attrs?.[item.name];
        if (!spec) {
          const blockSpec = schema.blocks?.[item.name];
          const suggestion = blockSpec ? undefined : nearest(item.name, [...Object.keys(schema.attrs ?? {}), ...(isTop ? TASK.meta : [])]);
          const message = blockSpec
            ? `An argument named "${item.name}" is not expected here. Did you mean to define a block of type "${item.name}"? (write ${item.name} { … } without "=")`
            : TERRAFORM_SAYS.unexpectedArgument(item.name, suggestion);
          problem('terraform/unsupported-argument', item, attribute, message, suggestion ? { argument: item.name, suggestion } : { argument: item.name });
          continue;
        }
        if (spec.ignored) continue;
        const memberPointer = `${pointer}/${spec.member}`;
        const { value } = valueOf(item, memberPointer, attribute, scope);
        if (value === null) {
          nulls.set(item.name, item);
          continue; // null leaves the argument unset (the provider's default applies)
        }
        set.add(item.name);
        // What makes the block's list element exist for the provider (see `given` below).
        if (value instanceof Unresolved) unsure.add(item.name);
        else if (value !== '' || spec.refusesEmpty) kept.add(item.name);
        if (spec.map) {
          if (value instanceof Unresolved) {
            setMember(target, spec.member, unknownAt(memberPointer, value));
            continue;
          }
          if (!isObject(value)) {
            setMember(target, spec.member, toRequest(value, memberPointer));
            continue;
          }
          // The provider sends tags as a list of { Key, Value } (in no set order; sorted here).
          const own = withoutNullTags(value);
          const merged = knownDefaults ? { ...knownDefaults.value, ...own } : own;
          const unknownTags = unresolvedCount(merged);
          if (unknownTags > LIMITS.unknownsPerValue) {
            setMember(target, spec.member, unknownAt(memberPointer, new Unresolved('', `holds ${unknownTags} values that are not known before apply`)));
            continue;
          }
          setMember(target, spec.member, tagList(merged, memberPointer, item, item.value.k === 'object' ? item.value.items : [], records.get(memberPointer)?.origin));
          continue;
        }
        // A written "" that the provider's validation refuses (plan stops) is sent as written: an enum's is the core's error.
        const refused = spec.refusesEmpty && value === '';
        if (refused && spec.refusesEmpty !== true) {
          const { min, max } = spec.refusesEmpty;
          const key = [...path.map((type) => `${type}.0`), item.name].join('.');
          problem('value/too-short', item, attribute, `${attribute} is "", which the AWS provider refuses before any request: expected length of ${key} to be in the range (${min} - ${max}), got `, { min, length: 0 });
        }
        if ((spec.omitEmpty && value === '' && !refused) || (spec.omitZero && (value === 0n || value === 0 || value === '0'))) continue;
        const converted = toRequest(value, spec.wrap ? `${memberPointer}/${spec.wrap}` : memberPointer);
        setMember(target, spec.member, spec.wrap ? { [spec.wrap]: converted } : converted);
        continue;
      }
      // A block.
      if (isTop && TASK.metaBlocks.includes(item.type)) continue;
      if (item.type !== 'dynamic') {
        blocks.push({ item, scope });
        continue;
      }
      const type = item.labels[0] ?? '';
      if (!schema.blocks?.[type]) {
        problem('terraform/unsupported-argument', item, [...path, type].join('.'), `Blocks of type "${type}" are not expected here.`, { block: type });
        continue;
      }
      const made = expand(item, type, scope, [...path, type].join('.'));
      if (made.rejected) quiet.add(type);
      else if (made.unresolved) {
        if (!unknownTypes.has(type)) unknownTypes.set(type, { item, unresolved: made.unresolved });
      } else blocks.push(...made.blocks);
    }
    // A Required argument left out or null: `terraform plan` stops ("Missing required argument",
    // at the null argument, or at the block that lacks it; left out of the resource's own block even
    // when an override file gives it).
    for (const [name, a] of Object.entries(schema.attrs ?? {})) {
      const overridden = isTop && beforeOverride.has(name);
      if (!a.required || (set.has(name) && !overridden)) continue;
      const at = overridden ? owner : (nulls.get(name) ?? owner);
      missingArguments.add(`${pointer}/${a.member}`);
      // A null names its path, a nested argument left out its name alone (as missingRequired()).
      problem('terraform/missing-argument', at, [...path, name].join('.'), TERRAFORM_SAYS.missingArgument(at === owner ? name : [...path, name].join('.')), { argument: name });
    }
    const seen = new Map();
    const tooMany = new Set(); // dynamic blocks already reported as making too many (Terraform names one)
    for (const { item, scope: blockScope } of blocks) {
      const attribute = [...path, item.type].join('.');
      const spec = schema.blocks?.[item.type];
      if (!spec) {
        const suggestion = nearest(item.type, Object.keys(schema.blocks ?? {}));
        const isAttr = schema.attrs?.[item.type];
        const message = isAttr
          ? TERRAFORM_SAYS.unsupportedBlock(item.type, { argument: true })
          : TERRAFORM_SAYS.unsupportedBlock(item.type, { suggestion });
        problem('terraform/unsupported-argument', item, attribute, message, suggestion ? { block: item.type, suggestion } : { block: item.type });
        continue;
      }
      // With a dynamic block of this type not known here, Terraform takes
      // all blocks of the type as not known: none is checked, and neither
      // is their number (hcldec returns an unknown list before counting).
      if (unknownTypes.has(item.type) || quiet.has(item.type)) continue;
      const count = (seen.get(item.type) ?? 0) + 1;
      seen.set(item.type, count);
      if (count > 1) {
        if (item.dynamic && tooMany.has(item.dynamic)) continue;
        if (item.dynamic) tooMany.add(item.dynamic);
        problem('terraform/too-many-blocks', item, attribute, `Too many ${item.type} blocks: no more than 1 "${item.type}" block is allowed.`, { block: item.type, max: 1 });
        continue;
      }
      const memberPointer = `${pointer}/${spec.member}`;
      const inner = {};
      let innerPointer = memberPointer;
      if (spec.list) innerPointer = `${memberPointer}/0`;
      if (spec.wrap) innerPointer = `${memberPointer}/${spec.wrap}`;
      record(memberPointer, item, attribute);
      if (spec.list) record(innerPointer, item, attribute);
      const given = mapBody(item.body, spec, inner, innerPointer, [...path, item.type], false, blockScope, item);
      // terraform-plugin-sdk v2 reads a list element none of whose fields is
      // in the diff as nil: for a new resource that is an element with no
      // nested block and every argument null or "" (a "" makes no diff entry;
      // a schema Default would). The provider's expandFilterRules skips a nil
      // element, so `includes {}` or `excludes { value = null }` sends an
      // empty list (Includes: []), no rule with Value "". With an argument not
      // known here the element may or may not exist: its Value is not known.
      const nilElement = spec.skipsNil && given.kept.size === 0 && given.blocks.size === 0;
      if (nilElement && given.unsure.size === 0) {
        for (const pointer of [...records.keys()]) if (pointer === innerPointer || pointer.startsWith(`${innerPointer}/`)) records.delete(pointer);
        setMember(target, spec.member, []);
        continue;
      }
      // The provider's defaults and the members it always sends.
      for (const [name, a] of Object.entries(spec.attrs ?? {})) {
        if (given.set.has(name)) continue;
        const at = `${innerPointer}/${a.member}`;
        if (a.providerDefault !== undefined) {
          setMember(inner, a.member, a.providerDefault);
          record(at, item, `${attribute}.${name}`, { providerDefault: a.providerDefault });
        } else if (a.sendEmptyWhenOmitted && nilElement) {
          const unsure = [...given.unsure].join(' and ');
          record(at, item, `${attribute}.${name}`);
          setMember(inner, a.member, unknownAt(at, new Unresolved('', `is sent as "" only when ${unsure} is neither null nor "" (otherwise the provider sends no ${item.type} rule)`)));
        } else if (a.sendEmptyWhenOmitted) {
          setMember(inner, a.member, '');
          record(at, item, `${attribute}.${name}`, { providerDefault: '' });
        }
      }
      for (const [name, b] of Object.entries(spec.blocks ?? {})) {
        // A dynamic block with an empty for_each makes no block: the same as none.
        if (given.blocks.has(name)) continue;
        if (b.required) {
          problem('terraform/missing-block', item, `${attribute}.${name}`, TERRAFORM_SAYS.insufficientBlocks(name), { block: name, min: 1 });
        }
        // report_overrides: without the block the provider sends an empty
        // Overrides object, which overrides nothing: the same as none, so it
        // is left out (an empty object must not make a finding).
      }
      setMember(target, spec.member, spec.list ? [inner] : spec.wrap ? { [spec.wrap]: inner } : inner);
    }
    for (const [type, { item, unresolved }] of unknownTypes) {
      const memberPointer = `${pointer}/${schema.blocks[type].member}`;
      record(memberPointer, item, [...path, type].join('.'));
      setMember(target, schema.blocks[type].member, unknownAt(memberPointer, unresolved));
    }
    return { set, kept, unsure, blocks: new Set([...seen.keys(), ...unknownTypes.keys(), ...quiet]) };
  };
  if (resource.type === AWSCC_TASK_TYPE) mapAwsccBody(block.body, scope, { request, valueOf, record, toRequest, problem, Unresolved, evaluate }); // awscc: terraform-awscc.mjs
  else mapBody(block.body, TASK, request, '', [], true, scope, block);
  if (knownDefaults && request.Tags === undefined && Object.keys(knownDefaults.value).length > 0) {
    record('/Tags', block, 'tags', { origin: knownDefaults.origin });
    request.Tags = tagList(knownDefaults.value, '/Tags', block, [], knownDefaults.origin);
  }

  // Locations: a reference to a location resource of the same module instance.
  const locations = [];
  const locationOrigins = new Map(); // pointer -> locationDescription()'s origins
  const resolved = [];
  for (const [pointer, written] of references) {
    if (!['/SourceLocationArn', '/DestinationLocationArn'].includes(pointer)) continue;
    let reference = written;
    const table = LOCATIONS[reference.type] ?? awsccLocation(reference.type); // awscc locations too
    // A plan lists each instance (`type.name["key"]`); a module has one block for all.
    const resourceKey = `${reference.type}.${reference.name}`;
    const instanceKey = reference.instance?.key !== undefined ? `${resourceKey}[${JSON.stringify(reference.instance.key)}]` : undefined;
    let target = (instanceKey && scope.module.resources.get(instanceKey)) || scope.module.resources.get(resourceKey);
    // A plan lists a count instance under its index (`d["1"]`), and writes the reference as the configuration does
    // (`d["1.0"]`): the instance whose index the key converts to, as Terraform reads it.
    const planIndex = !target && instanceKey ? countIndex(reference.instance.key) : undefined;
    if (typeof planIndex === 'bigint' && scope.module.resources.get(`${resourceKey}[${JSON.stringify(String(planIndex))}]`)?.counted) {
      target = scope.module.resources.get(`${resourceKey}[${JSON.stringify(String(planIndex))}]`);
    }
    if (!table || !target || !(table.arnAttributes ?? ['arn', 'id', 'uri']).includes(reference.attribute)) continue; // awscc: location_arn
    // An instance the resource does not have is no location: Terraform refuses the reference.
    const missing = missingInstance(target, reference, scope.unbound());
    if (missing) {
      const unknown = unknowns.find((u) => u.pointer === pointer);
      if (unknown) unknown.reason = missing;
      continue;
    }
    // A count resource's instance named by a string that converts ("1.0"): its index, one instance however written.
    const countAt = reference.instance?.key !== undefined && (target.counted || target.block.body.some((b) => b.t === 'attr' && b.name === 'count')) ? countIndex(reference.instance.key) : undefined;
    if (typeof countAt === 'bigint') reference = { ...reference, instance: { ...reference.instance, key: String(countAt) } };
    if (reference.attribute === 'uri') {
      // The location's URI (every location resource's computed `uri`: s3://…, nfs://…), never an ARN: CreateTask refuses it.
      const own = records.get(pointer);
      const unknown = unknowns.find((u) => u.pointer === pointer);
      if (unknown) unknown.uri = true; // its error says it all: no "not checked" note
      const resource = `${scope.prefix}${resourceKey}${reference.instance?.text ?? ''}`;
      diagnostics.push({
        code: 'value/pattern-mismatch',
        severity: 'error',
        path: pointer,
        message: `${own.attribute} is ${resource}.uri, the location's URI (scheme://…), not its ARN; CreateTask refuses it whatever it is: it must look like ${fieldIndex.get(pointer)?.formatHint}. Use ${resource}.arn.`,
        params: { pattern: fieldIndex.get(pointer)?.pattern, resource, attribute: 'uri' },
        line: own.line,
        column: own.column,
        attribute: own.attribute,
      });
      continue;
    }
    const refused = [];
    const origins = new Map();
    const description = locationDescription(target, table, locationScope(target, reference, scope), refused, origins);
    locationOrigins.set(pointer, origins);
    for (const { argument, value, accepted, nullElement, writes, origins: from } of refused) {
      const own = records.get(pointer);
      const resource = `${scope.prefix}${resourceKey}${reference.instance?.text ?? ''}`;
      const location = `The ${pointer === '/SourceLocationArn' ? 'source' : 'destination'} location ${resource} (${relativeName(target.file)}:${target.block.line})`;
      const sets = `${location} sets ${argument}`;
      const why = writes
        ? `${location} ${writes}` // awscc: a block, which Terraform refuses
        : nullElement
        ? `${sets} to a list with a null element, which Terraform refuses ("Null value found in list")`
        : `${sets} = ${JSON.stringify(value)}, which the ${table.provider ?? 'AWS provider (5.100.0)'} refuses (it accepts ${accepted.join(', ')})`;
      diagnostics.push({
        code: 'terraform/invalid-location-value',
        severity: 'error',
        path: pointer,
        message: `${why}: terraform plan stops there, whatever the task's mode.${from.length ? ` (The value comes from ${from.join(' and ')}.)` : ''}`,
        params: { resource, argument, value: writes ? '{ … } (a block)' : nullElement ? `[${value.map((v) => (v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : '…')).join(', ')}]` : value },
        line: own.line,
        column: own.column,
        attribute: own.attribute,
      });
    }
    // A stand-in ARN, the same for every reference to this instance, so that
    // validate() can match the description (and same-location still works).
    const arn = standInArn(referencedAddress(scope, reference, pointer));
    description.LocationArn = arn;
    const index = unknowns.findIndex((u) => u.pointer === pointer);
    const [unknown] = unknowns.splice(index, 1);
    setMember(request, pointer.slice(1), arn);
    records.get(pointer).standIn = { arn, source: unknown.intrinsic };
    locations.push(description);
    const shown = reference.instance ? reference.instance.text ?? `[${reference.instance.unknown}]` : '';
    resolved.push({ attribute: records.get(pointer).attribute, pointer, resource: `${scope.prefix}${resourceKey}${shown}`, file: target.file, line: target.block.line, column: target.block.column, description: { ...description } });
  }
  // A known ARN of a location resource (in a plan or state, where ARNs are known).
  for (const pointer of ['/SourceLocationArn', '/DestinationLocationArn']) {
    const arn = request[pointer.slice(1)];
    const target = typeof arn === 'string' ? scope.module.locationsByArn?.get(arn) : undefined;
    if (!target || resolved.some((r) => r.pointer === pointer)) continue;
    const description = { ...locationDescription(target, LOCATIONS[target.type] ?? awsccLocation(target.type), scope), LocationArn: arn }; // awscc too
    locations.push(description);
    resolved.push({ attribute: records.get(pointer)?.attribute ?? attributeOf(pointer), pointer, resource: target.address, file: target.file, line: target.block.line, column: target.block.column, description: { ...description } });
  }
  // One description per location (a task may use one location twice).
  const unique = [...new Map(locations.map((l) => [l.LocationArn, l])).values()];
  return { request, unknowns, records, diagnostics, locations: unique, resolved, locationOrigins, missingArguments };
}

/**
 * A tags map (a resource's `tags`, a provider's `default_tags`) as the AWS
 * provider reads it: terraform-plugin-sdk v2 leaves a null element out of a
 * map (so `{ a = null }` sends no tag "a", and a resource's `Dept = null`
 * does not hide the default tag Dept). `terraform plan` (provider 5.100.0)
 * shows this: `tags = { team = "data", CostCenter = null }` plans tags and
 * tags_all `{ team = "data" }`; default_tags `{ Owner = null, Dept = "eng" }`
 * with tags `{ Dept = null, x = "y" }` plans tags_all `{ Dept = "eng", x = "y" }`.
 */
function withoutNullTags(map) {
  if (!Object.values(map).includes(null)) return map;
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== null));
}

const standIns = new Map();
/** A well-formed location ARN standing for a resource (stable per address within a run). */
function standInArn(address) {
  if (!standIns.has(address)) {
    let hash = 0n;
    for (const char of address) hash = (hash * 131n + BigInt(char.codePointAt(0))) % 2n ** 64n;
    standIns.set(address, `arn:aws:datasync:us-east-1:111122223333:location/loc-${hash.toString(16).padStart(17, '0').slice(-17)}`);
  }
  return standIns.get(address);
}

/**
 * A location resource's DescribeLocation* members, from the arguments that
 * are known. An argument whose value the provider refuses (table.refuses)
 * describes nothing; it is added to `refused` as `{ argument, value,
 * accepted, origins }`. `origins` gets, for each member whose value comes
 * from variables, where their values came from (a default, a tfvars file,
 * a module call).
 */
function locationDescription(target, table, scope, refused = [], origins = new Map()) {
  // A nested block's blocks of a type, written or made by a `dynamic` block
  // (in the scope of its iterator); undefined when they are not known here.
  const nestedBlocks = (body, type, at) => {
    const out = [];
    for (const b of body) {
      if (b.t !== 'block') continue;
      if (b.type === type) out.push({ body: b.body, scope: at });
      else if (b.type === 'dynamic' && b.labels[0] === type) {
        const made = dynamicBlocks(b, type, at);
        if (!made.blocks) return undefined;
        out.push(...made.blocks.map((m) => ({ body: m.item.body, scope: m.scope })));
      }
    }
    return out;
  };
  const get = (path, trace = new Set()) => {
    if (table.argument) return table.argument(target.block.body, path, (expr) => evaluate(expr, scope, trace)); // awscc: attributes only
    let body = target.block.body;
    let at = scope;
    const parts = path.split('.');
    for (const part of parts.slice(0, -1)) {
      const nested = nestedBlocks(body, part, at);
      // Not known, or more than the one block the provider allows (Terraform rejects it): not described.
      if (nested === undefined || nested.length > 1) return undefined;
      if (nested.length === 0) {
        const attr = body.find((b) => b.t === 'attr' && b.name === part);
        const value = attr ? evaluate(attr.value, at, trace) : undefined;
        return isObject(value) ? value[parts.at(-1)] : undefined;
      }
      [{ body, scope: at }] = nested;
    }
    const attr = body.find((b) => b.t === 'attr' && b.name === parts.at(-1));
    return attr ? evaluate(attr.value, at, trace) : undefined;
  };
  // A member describes the location only when its value is known and has the
  // member's shape: AgentArns a list of strings, the others a string (a number
  // or bool converts, as Terraform converts it). Terraform rejects any other
  // shape at plan time (a string for agent_arns, [null], a list for
  // s3_storage_class); such a member is left out, as the CloudFormation reader
  // leaves out a member it cannot read, so validate() never sees it.
  const shaped = (member, value) => {
    if (member !== 'AgentArns') return stringOf(value);
    if (!Array.isArray(value)) return undefined;
    const agents = value.map(stringOf);
    return agents.includes(undefined) ? undefined : agents;
  };
  const out = { type: table.type(get) };
  for (const block of table.blocks?.(target.block.body) ?? []) refused.push({ ...block, origins: [] }); // awscc: a block, refused
  const refusedPaths = new Set();
  for (const [path, accepted] of Object.entries(table.refuses ?? {})) {
    const trace = new Set();
    const value = shaped('', get(path, trace));
    if (value === undefined || accepted.includes(value)) continue;
    refusedPaths.add(path);
    refused.push({ argument: path, value, accepted, origins: [...trace] });
  }
  for (const [member, path] of Object.entries(table.members)) {
    if (refusedPaths.has(path)) continue;
    const trace = new Set();
    const written = get(path, trace) ?? table.unset?.[member]; // awscc: what an unset argument means (not sent)
    // A null element of a list argument: Terraform stops the plan ("Null value found in list").
    if (member === 'AgentArns' && Array.isArray(written) && written.includes(null)) {
      refused.push({ argument: path, value: written, nullElement: true, origins: [...trace] });
      continue;
    }
    const value = shaped(member, written);
    if (value !== undefined && trace.size > 0) origins.set(member, { argument: path, from: [...trace] });
    if (value === undefined) continue;
    const [outer, inner] = member.split('.');
    if (inner) out[outer] = { ...(out[outer] ?? {}), [inner]: value };
    else out[outer] = value;
  }
  return out;
}

/**
 * The location member a location rule's finding depends on, and the end
 * whose location it is when the rule always reads the same end (otherwise
 * the finding's `related` pointer names it). No entry for
 * locations/nfs-version-needs-enhanced: the only NFS 4.2 a location resource
 * can give is one the provider refuses (terraform/invalid-location-value),
 * which describes nothing.
 */
const LOCATION_MEMBER_OF = {
  'locations/agentless-needs-enhanced': ['AgentArns'],
  'locations/archive-point-in-time': ['S3StorageClass', '/DestinationLocationArn'],
  'locations/archive-default-verify-mode': ['S3StorageClass', '/DestinationLocationArn'],
};

/** A copy of `request` without the members at `pointers` (Unknown markers kept as they are). */
function removePointers(request, pointers) {
  const drop = new Set(pointers);
  const copy = (value, pointer) => {
    if (value instanceof Unknown || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item, i) => copy(item, `${pointer}/${i}`));
    const out = {};
    for (const [key, member] of Object.entries(value)) {
      const child = `${pointer}/${escapeSegment(key)}`;
      if (!drop.has(child)) setMember(out, key, copy(member, child));
    }
    return out;
  };
  return copy(request, '');
}

/** Where a pointer was written: its own record, or its nearest ancestor's. */
function recordFor(records, pointer) {
  let p = pointer;
  for (;;) {
    if (records.has(p)) return records.get(p);
    if (p === '') return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

let cachedFields;
export const allFields = () => (cachedFields ??= fieldList());

/** The service default of a member in a mode, from fields(). */
function serviceDefault(pointer, mode) {
  const field = allFields().find((f) => f.pointer === pointer);
  return field?.default?.[mode === 'ENHANCED' ? 'ENHANCED' : 'BASIC'];
}

/**
 * Checks one task resource (`{ block, file, type, name, address? }`) in
 * `scope`; returns the report's task entry.
 */
export function checkTask(resource, scope, fieldIndex, options) {
  const address = resource.address ?? `${scope.prefix}${resource.type}.${resource.name}`;
  const mapped = mapTask(resource, scope, fieldIndex);
  const attributeFor = resource.type === AWSCC_TASK_TYPE ? awsccAttributeOf : attributeOf; // awscc: its own attribute names
  const { request, unknowns, records } = mapped;
  const notes = [];
  const block = resource.block;
  const meta = (name) => block.body.find((b) => b.t === 'attr' && b.name === name);
  const none = makesNone(block, scope);
  if (none) return noInstanceEntry(address, none);
  // An instance (`x["key"]`, `x[0]`) is checked with its own each or count.index.
  for (const name of ['count', 'for_each'].filter((n) => n !== resource.instance)) {
    const item = meta(name);
    if (item) {
      notes.push({
        code: 'terraform/not-checked',
        path: '',
        line: item.line,
        column: item.column,
        attribute: name,
        message: `Every instance that ${name} makes is checked as one; values from ${name === 'count' ? 'count.index' : 'each.key and each.value'} are not checked.`,
      });
    }
  }
  // The module's own location resources after those described with --locations: theirs win.
  const validateOptions = withContext(mapped.locations.length ? { locations: mapped.locations } : undefined, options.context, request);
  // A Required argument left out is Terraform's error (terraform/missing-argument), not the service's as well.
  const found = checkRequest(request, unknowns, allFields(), validateOptions).filter((d) => !(d.code === 'request/missing-member' && mapped.missingArguments.has(d.path)));
  const mode = typeof request.TaskMode === 'string' ? request.TaskMode : 'BASIC';
  // What the service would report without the members the provider filled
  // in (it would use its own defaults for the mode and the locations): a
  // finding that is not there is caused by a provider default. The same
  // finding may blame another member of it there (atime = "NONE" alone: the
  // mismatch at /Options/Mtime, which defaults to PRESERVE, the value the
  // provider sends; hunt37d #10), so any pointer the finding involves counts.
  // Computed only when needed.
  const filledPointers = [...records].filter(([, r]) => r.providerDefault !== undefined).map(([p]) => p);
  let withoutFilled;
  const causedByFill = (d, involved) => {
    if (filledPointers.length === 0) return false;
    withoutFilled ??= new Set(
      checkRequest(removePointers(request, filledPointers), unknowns, allFields(), validateOptions).map((x) => `${x.code}\u0000${x.path}`),
    );
    return !involved.some((p) => withoutFilled.has(`${d.code}\u0000${p}`));
  };
  // Terraform is never fixed (--fix edits request files only), and a fix's
  // pointers are the CreateTask request's, not the configuration's: drop it.
  const place = ({ fix: _requestPatch, ...d }) => {
    const own = recordFor(records, d.path) ?? { line: block.line, column: block.column };
    const attribute = (records.has(d.path) && own.attribute) || attributeFor(d.path) || own.attribute || '';
    const out = { ...d, line: own.line, column: own.column, address, attribute };
    if (own.origin) {
      out.origin = own.origin;
      out.message = `${d.message} (The value comes from ${own.origin}.)`;
    }
    // A finding caused by a location's argument whose value came from variables: where from.
    const [member, end] = LOCATION_MEMBER_OF[d.code] ?? [];
    const pointer = end ?? (Array.isArray(d.params?.related) ? d.params.related.map(String).find((p) => mapped.locationOrigins.has(p)) : undefined);
    const origin = member && mapped.locationOrigins.get(pointer)?.get(member);
    if (origin) out.message = `${out.message} (The ${pointer === '/SourceLocationArn' ? 'source' : 'destination'} location's ${origin.argument} comes from ${origin.from.join(' and ')}.)`;
    // A finding caused by a value the provider filled in.
    const involved = [d.path, ...(Array.isArray(d.params?.related) ? d.params.related.map(String) : [])];
    const filled = involved.map((p) => [p, records.get(p)]).find(([, r]) => r?.providerDefault !== undefined);
    if (filled && causedByFill(d, involved)) {
      const [pointer, r] = filled;
      const sent = typeof r.providerDefault === 'object' ? '{}' : String(r.providerDefault);
      const name = r.attribute.split('.').at(-1);
      const better = serviceDefault(pointer, mode);
      const fix =
        better !== undefined && String(better) !== sent
          ? `set ${name} = "${better}" (the service's default for ${mode === 'ENHANCED' ? 'Enhanced' : 'Basic'} mode) or another supported value`
          : `set ${name} to the value you want`;
      out.providerDefault = { attribute: r.attribute, pointer, value: sent };
      out.message = `${out.message} This is caused by a provider default: ${r.attribute} is not set, so the AWS provider sends ${pointer.split('/').pop()} ${sent === '' ? '""' : sent}; ${fix} in the ${r.attribute.split('.').slice(0, -1).join('.') || 'resource'} block.`;
    }
    return out;
  };
  let diagnostics = [...mapped.diagnostics.map((d) => ({ ...d, address })), ...found.map(place)].sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1));
  if (diagnostics.length > LIMITS.diagnostics) {
    // Bounded as the validator bounds its reports (report/truncated).
    const total = diagnostics.length;
    // Errors first, as the validator keeps them, so that `valid` stays right.
    const rank = (d) => (d.severity === 'error' ? 0 : 1);
    const byPlace = (a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1);
    diagnostics = [...diagnostics].sort((a, b) => rank(a) - rank(b) || byPlace(a, b)).slice(0, LIMITS.diagnostics).sort(byPlace);
    diagnostics.push({
      code: 'report/truncated',
      severity: 'warning',
      path: '',
      message: `${total} problems were found; only the first ${LIMITS.diagnostics} are shown.`,
      params: { total, shown: LIMITS.diagnostics },
      line: block.line,
      column: block.column,
      address,
      attribute: '',
    });
  }
  for (const unknown of unknowns) {
    if (unknown.uri) continue; // a location's URI given as its ARN: its error says it all
    const own = recordFor(records, unknown.pointer) ?? { line: block.line, column: block.column };
    const attribute = (records.has(unknown.pointer) && own.attribute) || attributeFor(unknown.pointer) || own.attribute || '';
    notes.push({
      code: 'terraform/not-checked',
      path: unknown.pointer,
      line: own.line,
      column: own.column,
      address,
      attribute,
      message: unknown.plan
        ? `Not checked: ${attribute || unknown.pointer} is (known after apply) in this plan.`
        : unknown.description
          ? `Not checked: ${attribute || unknown.pointer} comes from ${unknown.description}, which ${unknown.reason}.`
          : `Not checked: ${attribute || unknown.pointer} ${unknown.reason}.`,
    });
  }
  notes.sort((a, b) => a.line - b.line || a.column - b.column);
  const task = {
    logicalId: address,
    pointer: '',
    diagnostics,
    notes,
    locations: mapped.resolved.map(({ description, ...rest }) => ({ ...rest, type: description.type, description })),
  };
  if (options.defaults) {
    const standIn = new Map([...records.values()].filter((r) => r.standIn).map((r) => [r.standIn.arn, r.standIn.source]));
    // Filled for the locations the check used (--locations, then the module's own location resources), as validate() saw them.
    const context = { tasks: new Map(), ...options.context, locations: [...(options.context?.locations ?? []), ...mapped.locations] };
    const filled = requestWithDefaults(request, unknowns, [], context);
    if (filled) for (const key of ['SourceLocationArn', 'DestinationLocationArn']) if (standIn.has(filled[key])) filled[key] = standIn.get(filled[key]);
    task.defaults = filled;
    const expression = request?.Schedule?.ScheduleExpression;
    if (typeof expression === 'string') {
      try {
        const d = describeSchedule(expression, { count: 3 });
        if (d.summary) task.schedule = { summary: d.summary, nextRuns: d.nextRuns };
      } catch {
        // no schedule description
      }
    }
  }
  return task;
}

/**
 * The DataSync resource types of each provider, by type prefix. The AWS
 * provider 5.100.0's, as `terraform providers schema -json` lists them (it
 * has no DataSync data sources); the awscc provider's, read in
 * hashicorp/terraform-provider-awscc (internal/aws/datasync/*_resource_gen.go,
 * docs/resources/datasync_*.md): every one it has had, so that none it has
 * is ever called unknown.
 */
const DATASYNC_TYPES = {
  aws_datasync_: {
    provider: 'aws',
    name: 'hashicorp/aws',
    types: ['agent', 'location_azure_blob', 'location_efs', 'location_fsx_lustre_file_system', 'location_fsx_ontap_file_system', 'location_fsx_openzfs_file_system', 'location_fsx_windows_file_system', 'location_hdfs', 'location_nfs', 'location_object_storage', 'location_s3', 'location_smb', 'task'],
    parts: Object.keys(TASK.blocks),
    part: 'block',
    dataSources: [], // `terraform providers schema -json` (5.100.0): data_source_schemas has no aws_datasync_*
  },
  awscc_datasync_: {
    provider: 'awscc',
    name: 'hashicorp/awscc',
    types: ['agent', 'location_azure_blob', 'location_efs', 'location_fsx_lustre', 'location_fsx_ontap', 'location_fsx_open_zfs', 'location_fsx_windows', 'location_hdfs', 'location_nfs', 'location_object_storage', 'location_s3', 'location_smb', 'storage_system', 'task'],
    // awscc_datasync_task's object and list arguments (AWS::DataSync::Task's properties).
    parts: ['excludes', 'includes', 'manifest_config', 'options', 'schedule', 'task_report_config'],
    part: 'argument',
    // Its data sources that are no resource type (docs/data-sources/datasync_*.md, Aug 2026): the list ("plural") ones;
    // each resource type is a data source too, of the same name.
    dataSources: ['agents', 'location_azure_blobs', 'location_efs_plural', 'location_fsx_lustres', 'location_fsx_ontaps', 'location_fsx_open_zfs_plural', 'location_fsx_windows_plural', 'location_hdfs_plural', 'location_nfs_plural', 'location_object_storages', 'location_s3s', 'location_smbs', 'storage_systems', 'tasks'],
  },
};

/** A task's part that a resource type's tail may name (`aws_datasync_task_report`): the part's name. */
const TASK_PARTS = { report: 'task_report_config', task_report: 'task_report_config', report_config: 'task_report_config', schedule: 'schedule', options: 'options', option: 'options', includes: 'includes', include: 'includes', excludes: 'excludes', exclude: 'excludes', filter: 'includes', manifest: 'manifest_config' };

/** The provider source a module's required_providers gives a local name, or undefined (then it is hashicorp's). */
function requiredSource(module, local) {
  for (const file of module.files.values()) {
    for (const item of file.read.body ?? []) {
      if (item.t !== 'block' || item.type !== 'terraform') continue;
      for (const required of item.body) {
        if (required.t !== 'block' || required.type !== 'required_providers') continue;
        const entry = required.body.find((a) => a.t === 'attr' && a.name === local);
        if (!entry) continue;
        const value = evaluate(entry.value, EMPTY_SCOPE);
        return isObject(value) && typeof value.source === 'string' ? value.source : null;
      }
    }
  }
  return undefined;
}

/**
 * A `resource` block whose type is named like a DataSync one of the AWS or
 * awscc provider but is not one of that provider's resource types, as an
 * entry of its own: `terraform plan` stops at it ("Invalid resource type",
 * with "Did you mean ...?" for a type at most two edits from one it has,
 * whatever the block's count). Not judged: a block whose `provider` names
 * another provider, or a module whose required_providers gives the name
 * another source (that provider's types are not known here).
 */
function invalidResourceType(resource, module, prefix) {
  const [start, known] = Object.entries(DATASYNC_TYPES).find(([p]) => resource.type.startsWith(p)) ?? [];
  if (!known || known.types.includes(resource.type.slice(start.length))) return null;
  const provider = resource.block.body.find((a) => a.t === 'attr' && a.name === 'provider');
  // `provider = aws.west` in HCL, the string "aws.west" in JSON syntax.
  const ref = provider?.value;
  const root = ref?.k === 'traversal' ? ref.root?.name : ref?.k === 'string' && typeof ref.v === 'string' ? ref.v.trim().split('.')[0] : undefined;
  if (provider && root !== known.provider) return null;
  const source = requiredSource(module, known.provider);
  if (source === null || (source !== undefined && !new RegExp(`^(registry\\.terraform\\.io/)?${known.name}$`, 'i').test(source))) return null;
  const names = known.types.map((t) => `${start}${t}`);
  const near = [...names].sort().filter((n) => distance(resource.type, n) <= 2).sort((a, b) => distance(resource.type, a) - distance(resource.type, b))[0];
  const tail = resource.type.slice(start.length).replace(/^task_/, '');
  const part = resource.type.startsWith(`${start}task_`) ? TASK_PARTS[tail] : undefined;
  const address = `${prefix}${resource.type}.${resource.name}`;
  // A data source of the provider (Terraform says so instead of a near spelling: terraform plan, 1.11.4, on
  // `resource "aws_caller_identity"`: 'Did you intend to use the data source "aws_caller_identity"? If so,
  // declare this using a "data" block instead of a "resource" block.').
  const dataSource = known.dataSources.includes(resource.type.slice(start.length));
  const hint = dataSource ? ` Did you intend to use the data source "${resource.type}"? If so, declare it with a "data" block instead of a "resource" block.` : near ? ` Did you mean "${near}"?` : '';
  let message = `Invalid resource type: the provider ${known.name} does not support resource type "${resource.type}" (terraform plan stops here, so nothing in this configuration is created).${hint}`;
  if (part && known.parts.includes(part) && !dataSource) message += ` A task's ${tail.replace(/_/g, ' ')} is its ${part} ${known.part} (in ${start}task), not a resource of its own.`;
  const at = { path: '', line: resource.block.line, column: resource.block.column, address, attribute: '' };
  const params = dataSource ? { type: resource.type, dataSource: resource.type } : near ? { type: resource.type, suggestion: near } : { type: resource.type };
  return { logicalId: address, pointer: '', diagnostics: [{ code: 'terraform/invalid-resource-type', severity: 'error', message, params, ...at }], notes: [], locations: [] };
}

/**
 * What aws_datasync_task requires, in LOCATIONS' `required` form (paths of
 * Required arguments, and of nested blocks with at least one block), from TASK.
 */
const TASK_REQUIRED = (() => {
  const out = { arguments: [], blocks: [] };
  const walk = (schema, path) => {
    for (const [name, a] of Object.entries(schema.attrs ?? {})) if (a.required) out.arguments.push(`${path}${name}`);
    for (const [name, b] of Object.entries(schema.blocks ?? {})) {
      if (b.required) out.blocks.push(`${path}${name}`);
      walk(b, `${path}${name}.`);
    }
  };
  walk(TASK, '');
  return out;
})();

/**
 * A location resource of the AWS provider without an argument or a nested
 * block its schema requires (LOCATIONS' `required`), as an entry of its own
 * under `address`: `terraform plan` stops at it ("Missing required argument"
 * at the block that lacks the argument, or at the argument when it is null;
 * "Insufficient s3_config blocks" at the resource). A nested requirement
 * counts only in a block that is written; a `dynamic` block whose blocks are
 * not known here, or an argument written where a block is expected, leaves
 * its type unjudged. A null is judged in `scope`: checkFolders() calls this
 * once as `terraform validate` sees the module (every variable, count.index
 * and each unknown) and once per instance that plan makes. A Required
 * argument that the resource's own block leaves out is missing even when an
 * override file gives it (Terraform reads the block's Required arguments
 * before it merges the override: terraform plan 1.11.4, "Missing required
 * argument" at the resource in its own file).
 */
function missingRequired(resource, scope, address, required = LOCATIONS[resource.type]?.required) {
  if (!required) return null;
  const diagnostics = [];
  const problem = (code, item, attribute, message, params) =>
    diagnostics.push({ code, severity: 'error', path: '', message, params, line: item.line, column: item.column, address, attribute });
  const beforeOverride = absentBeforeOverride(resource, required.arguments);
  const childrenOf = (path, list) => list.filter((p) => p.startsWith(path) && !p.slice(path.length).includes('.')).map((p) => p.slice(path.length));
  const check = (body, path, at, owner) => {
    for (const name of childrenOf(path, required.arguments)) {
      const attr = path === '' && beforeOverride.has(name) ? undefined : body.find((b) => b.t === 'attr' && b.name === name);
      if (attr && evaluate(attr.value, at) !== null) continue;
      // A null names its path (Terraform: "s3_config.0.bucket_access_role_arn", here as written: s3_config.bucket_access_role_arn),
      // a nested argument left out its name alone (at its block), as Terraform does.
      problem('terraform/missing-argument', attr ?? owner, `${path}${name}`, TERRAFORM_SAYS.missingArgument(attr ? `${path}${name}` : name), { argument: name });
    }
    const nestedTypes = new Set(required.arguments.concat(required.blocks).filter((p) => p.startsWith(path) && p.slice(path.length).includes('.')).map((p) => p.slice(path.length).split('.')[0]));
    for (const type of new Set([...childrenOf(path, required.blocks), ...nestedTypes])) {
      if (body.some((b) => b.t === 'attr' && b.name === type)) continue; // not a block here: not judged
      const made = [];
      let known = true;
      for (const b of body) {
        if (b.t !== 'block') continue;
        if (b.type === type) made.push({ item: b, scope: at });
        else if (b.type === 'dynamic' && b.labels[0] === type) {
          const dynamic = dynamicBlocks(b, type, at);
          if (dynamic.blocks) made.push(...dynamic.blocks);
          else known = false;
        }
      }
      if (!known) continue;
      if (made.length === 0 && required.blocks.includes(`${path}${type}`)) {
        problem('terraform/missing-block', owner, `${path}${type}`, TERRAFORM_SAYS.insufficientBlocks(type), { block: type, min: 1 });
      }
      // The blocks a dynamic block makes share one body: judged once.
      const bodies = new Set();
      for (const { item, scope: inner } of made) {
        if (bodies.has(item.body)) continue;
        bodies.add(item.body);
        check(item.body, `${path}${type}.`, inner, item);
      }
    }
  };
  check(resource.block.body, '', scope, resource.block);
  if (diagnostics.length === 0) return null;
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || (a.attribute < b.attribute ? -1 : 1));
  return { logicalId: address, pointer: '', diagnostics, notes: [], locations: [] };
}

/**
 * Checks the Terraform inputs (`{ name, path }`, .tf and .tf.json files and
 * tfvars) and returns `{ reports, extra }`: a Map from input name to its file
 * report, and reports for the files of called modules that are not inputs but
 * hold tasks. The modules are the inputs' folders; the tasks of a file are
 * reported with that file.
 */
export function checkTerraform(inputs, options = {}) {
  // One budget of steps for the whole check: past it, values are unknown (a note says so), never guessed.
  const budget = new Budget(LIMITS.checkSteps);
  const checked = checkFolders(inputs, options, budget);
  // The steps it took (for tests: a check stops near LIMITS.checkSteps).
  return { ...checked, steps: { steps: budget.spent, limit: LIMITS.checkSteps, perEvaluation: LIMITS.steps } };
}

function checkFolders(inputs, options, budget) {
  const reports = new Map();
  const cache = new Map();
  const byPath = new Map(inputs.map((input) => [resolve(input.path), input]));
  const display = (path) => byPath.get(resolve(path))?.name ?? relativeName(path);
  // A configuration file that Terraform never reads (a hidden or editor's file), or that OpenTofu does not read
  // because a .tofu file of its base name takes its place: skipped, its folder not read for it.
  const skipped = new Map();
  for (const input of inputs) {
    const ignored = isTerraformFile(input.name)
      ? terraformIgnores(input.path)
      : /\.(tf|tofu)(\.json)?$/i.test(input.name)
        ? 'Terraform does not read it (its suffix is not in lower case: .tf, .tf.json, .tofu, .tofu.json)'
        : null;
    if (ignored) skipped.set(input, ignored);
  }
  const folders = [...new Set(inputs.filter((input) => !skipped.has(input)).map((input) => dirname(input.path)))];
  const modules = folders.map((folder) => loadModule(folder, display, cache));
  for (const input of inputs) {
    const twin = cache.get(resolve(dirname(input.path)))?.shadowed?.get(resolve(input.path));
    if (twin) skipped.set(input, `OpenTofu reads ${twin} in its place (a .tofu file takes the place of the .tf file of the same name)`);
  }
  // A module called (with a local source) by another checked module is checked through that call.
  const called = new Set();
  for (const module of modules) {
    for (const call of module.calls) {
      const folder = callFolder(module, call);
      if (folder !== null && resolve(folder) !== resolve(module.folder)) called.add(resolve(folder));
    }
  }
  const runNotes = [];
  const scopes = instancesOf(modules.filter((m) => !called.has(resolve(m.folder))), display, cache, runNotes, budget);
  // Modules that only call each other in a cycle are checked on their own.
  for (const module of modules) {
    if (!scopes.some((scope) => scope.module === module)) scopes.push(...instancesOf([module], display, cache, runNotes, budget));
  }
  for (const module of cache.values()) runNotes.push(...module.notes); // override files merged or not
  const fieldIndex = new Map(allFields().map((f) => [f.pointer, f]));
  const tasksByFile = new Map();
  const failures = new Map();
  for (const scope of scopes) {
    for (const resource of scope.module.resources.values()) {
      if (resource.type !== TASK_TYPE && resource.type !== AWSCC_TASK_TYPE) continue; // awscc too
      if (scope.noInstance) {
        // In a module call that makes no instance: reported where the call writes its count or for_each.
        const { none, file, call } = scope.noInstance;
        const list = tasksByFile.get(file) ?? [];
        list.push(noInstanceEntry(`${scope.prefix}${resource.type}.${resource.name}`, none, call));
        tasksByFile.set(file, list);
        continue;
      }
      const list = tasksByFile.get(resource.file) ?? [];
      // Each task instance costs the check's budget too; once it is spent, count and for_each are not known
      // (forEachInstances() and countIndices() see no budget), so the instances are checked as one, with a note.
      const charge = () => budget.charge(LIMITS.taskSteps);
      try {
        // A for_each over a known collection: each instance is checked with its each.key and each.value;
        // a known count: each with its count.index.
        const instances = forEachInstances(resource, scope);
        const indices = instances === undefined ? countIndices(resource, scope) : undefined;
        // None (an empty for_each, count 0): checkTask says so in one note.
        if (!instances?.length && !indices?.length) {
          charge();
          list.push(checkTask(resource, scope, fieldIndex, options));
        }
        for (const [key, value] of instances ?? []) {
          charge();
          const address = `${scope.prefix}${resource.type}.${resource.name}[${JSON.stringify(key)}]`;
          list.push(checkTask({ ...resource, address, instance: 'for_each' }, scope.bind([['each', { key, value }]]), fieldIndex, options));
        }
        for (const index of indices ?? []) {
          charge();
          const address = `${scope.prefix}${resource.type}.${resource.name}[${index}]`;
          list.push(checkTask({ ...resource, address, instance: 'count' }, scope.bind([['count', { index }]]), fieldIndex, options));
        }
      } catch (error) {
        // A bug, not a user mistake: the file is reported as not checked (exit 2), the others go on.
        failures.set(resource.file, { message: `could not be checked: ${String(error?.message ?? error).split('\n')[0]}`, line: resource.block.line, column: resource.block.column });
        continue;
      }
      tasksByFile.set(resource.file, list);
    }
  }
  // A DataSync-like resource type the provider does not have, or a location resource without what its schema
  // requires. First as `terraform validate` (which plan runs first) sees each module: once for the module (under the
  // first instance's address), every variable, count.index and each unknown, so only what is left out or null
  // whatever the inputs (terraform plan 1.11.4 fails on a literal null even in a module or resource with count = 0).
  // Then each instance that plan makes, with its own values: a module called twice, the second call leaving a
  // variable at its null default, fails for that call only. A finding at the same place is reported once.
  const judged = new Set();
  const reported = new Set();
  // A task's instances are checked above (checkTask() reports what is left out or null the same way).
  for (const [file, list] of tasksByFile) for (const entry of list) for (const d of entry.diagnostics) reported.add(`${file}:${d.line}:${d.column}:${d.code}:${d.attribute}`);
  const entered = new Set(); // resources with an entry
  const add = (resource, entry) => {
    if (!entry) return;
    const diagnostics = entry.diagnostics.filter((d) => {
      const key = `${resource.file}:${d.line}:${d.column}:${d.code}:${d.attribute}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    if (diagnostics.length === 0) return;
    entered.add(resource);
    const list = tasksByFile.get(resource.file) ?? [];
    // A task that makes no instance (count = 0) has an entry already: its findings join it.
    const same = list.find((e) => e.logicalId === entry.logicalId);
    if (same) same.diagnostics.push(...diagnostics);
    else list.push({ ...entry, diagnostics });
    tasksByFile.set(resource.file, list);
  };
  for (const scope of scopes) {
    if (!judged.has(scope.module)) {
      judged.add(scope.module);
      const validating = new Scope(scope.module, scope.prefix, new Map(), budget);
      for (const resource of scope.module.resources.values()) {
        const address = `${scope.prefix}${resource.type}.${resource.name}`;
        const required = resource.type === TASK_TYPE ? TASK_REQUIRED : undefined;
        add(resource, invalidResourceType(resource, scope.module, scope.prefix) ?? missingRequired(resource, validating, address, required));
      }
    }
    if (scope.noInstance) continue; // a module call that makes no instance: nothing is planned
    for (const resource of scope.module.resources.values()) {
      if (!LOCATIONS[resource.type]?.required) continue;
      const address = `${scope.prefix}${resource.type}.${resource.name}`;
      const repeated = resource.block.body.some((b) => b.t === 'attr' && (b.name === 'count' || b.name === 'for_each'));
      const each = forEachInstances(resource, scope);
      const indices = each === undefined ? countIndices(resource, scope) : undefined;
      // count or for_each not known here: the instances (maybe none) are not judged.
      if (repeated && !each && !indices) continue;
      const instances =
        each?.map(([key, value]) => [`[${JSON.stringify(key)}]`, scope.bind([['each', { key, value }]])]) ?? indices?.map((index) => [`[${index}]`, scope.bind([['count', { index }]])]) ?? [['', scope]];
      for (const [suffix, at] of instances) add(resource, missingRequired(resource, at, `${address}${suffix}`));
    }
  }
  // A suppression comment that cannot be honoured above a DataSync resource other than a task that has no entry
  // (no finding): an entry of its own, so that it is reported (attachTerraformSuppressions() adds the
  // suppression/invalid warning) as it is above a task, which always has one.
  for (const scope of scopes) {
    if (!judged.delete(scope.module)) continue; // each module once, under its first instance's address
    const comments = new Map();
    for (const resource of scope.module.resources.values()) {
      if (!/^(aws|awscc)_datasync_/.test(resource.type) || resource.type === TASK_TYPE || resource.type === AWSCC_TASK_TYPE) continue;
      const text = [...scope.module.files.values()].find((f) => f.name === resource.file)?.read.text;
      if (text === undefined) continue; // .tf.json: no comments
      if (!comments.has(resource.file)) comments.set(resource.file, terraformSuppressions(text));
      if (!comments.get(resource.file).get(`${resource.type}.${resource.name}`)?.problems.length) continue;
      if (entered.has(resource)) continue;
      const list = tasksByFile.get(resource.file) ?? [];
      list.push({ logicalId: `${scope.prefix}${resource.type}.${resource.name}`, pointer: '', diagnostics: [], notes: [], locations: [] });
      tasksByFile.set(resource.file, list);
    }
  }
  // Tasks in files that are not inputs get reports of their own when they are a called module's files: not
  // the other files of an input's own folder (its module is read whole, as Terraform reads it, but only the
  // files named, or not left out by the configuration's "ignoreFiles", are reported).
  const extra = [];
  const given = new Set(inputs.map((input) => input.name));
  const inputFolders = new Set(folders.map((folder) => resolve(folder)));
  for (const [file, tasks] of tasksByFile) {
    if (given.has(file)) continue;
    const path = [...cache.values()].flatMap((m) => [...m.files.values()]).find((f) => f.name === file)?.path ?? file;
    if (inputFolders.has(resolve(dirname(path)))) continue;
    extra.push({ file, path, syntax: /\.json$/i.test(file) ? 'json' : 'hcl', kind: 'terraform', notes: [], tasks });
  }
  for (const input of inputs) {
    if (skipped.has(input)) {
      reports.set(input.name, { file: input.name, path: input.path, syntax: null, kind: 'skipped', reason: skipped.get(input), notes: [], tasks: [] });
      continue;
    }
    const module = cache.get(resolve(dirname(input.path)));
    const file = module?.files.get(resolve(input.path));
    const base = { file: input.name, path: input.path, syntax: /\.json$/i.test(input.name) ? 'json' : 'hcl' };
    if (!file || file.read.unreadable) {
      reports.set(input.name, { ...base, syntax: null, kind: 'unreadable', error: { message: `cannot read: ${file?.read.unreadable ?? 'no such file or directory'}` }, notes: [], tasks: [] });
      continue;
    }
    if (file.read.error || failures.has(input.name)) {
      reports.set(input.name, { ...base, kind: 'unparsable', error: file.read.error ?? failures.get(input.name), notes: [], tasks: [] });
      continue;
    }
    const notes = runNotes
      .filter((n) => (n.file ? n.file === input.name : input === inputs.find((i) => !skipped.has(i))))
      .map(({ file: _file, ...n }) => ({ code: 'terraform/not-checked', path: '', line: 1, column: 1, ...n }));
    reports.set(input.name, { ...base, kind: 'terraform', notes, tasks: tasksByFile.get(input.name) ?? [] });
  }
  return { reports, extra };
}

function relativeName(path) {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}

/**
 * Whether a name is read by the Terraform path (configuration or variable
 * values); a configuration suffix in another case (`OLD.TF`) too, to be
 * skipped there with a line that says why (it is no request either).
 */
export function isTerraformInput(name) {
  return /\.(tf|tofu)(\.json)?$/i.test(name) || isVariablesFile(basename(name));
}
