//! Everything generated from the code registry (the `codes!` table in
//! `src/diagnostic.rs`), and the checks that keep it true:
//!
//! - the README's tables of codes, `docs/rules/` (one page per code and the
//!   rules document), the code types in `index.d.ts`, `js/codes.mjs` and
//!   `js/codes.d.ts` (the `codes()` export), and `js/cli/rules.json` (the
//!   command's `--list-rules` and SARIF metadata) are what the registry says;
//!   a stale file fails the test, and `UPDATE_GENERATED=1 cargo test --test
//!   generated` rewrites them;
//! - the object walker in `js/text-path.mjs` (between the `generated:
//!   walker` markers), and the reader per structure of its words in the core
//!   (`src/walked/generated.rs`), are what the model's table
//!   (`src/schema.rs`) says, the same way;
//! - the params shapes the report's reader builds with one literal each
//!   (the `switch` between the `generated: params literals` markers in
//!   `js/text-path.mjs`) and the core's numbers for them
//!   (`src/report_record/shapes.rs`) come from one list, the same way;
//! - the reader's names for the record's value tags (`TAG_FIXED`...), its
//!   constants for a diagnostic's head word and a fixed string's word, and
//!   its `FIXED_NUMBERS` in `js/text-path.mjs` are the core's
//!   (`src/report_record.rs`), the same way;
//! - every request example in a rule doc gets its code;
//! - every diagnostic the fixtures and examples produce carries the `params`
//!   its code declares (required members present, no undeclared member,
//!   the declared types), so the TypeScript types are true.
#![cfg(not(target_arch = "wasm32"))]

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use datasync_task_validator::internal::diagnostic::{rules, RETIRED};
use datasync_task_validator::internal::registry::{EmittedBy, Example, Param, Rule};
use datasync_task_validator::internal::{
    not_serializable, schedule_not_a_string, too_deep_to_serialize,
};
use datasync_task_validator::json::{self, to_string_pretty, Number, Value};
use datasync_task_validator::{
    validate_text, validate_value, CallOptions, Code, Context, Diagnostic,
};

/// Where the repository's files are shown to people (SARIF `helpUri`, links).
const REPOSITORY: &str = "https://github.com/datasync-task-validator/datasync-task-validator";
/// 2026-11-25T00:00:00Z, as the fixtures.
const NOW: i64 = 1_795_564_800;
const HOW: &str = "UPDATE_GENERATED=1 cargo test --test generated";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------
// Text helpers.
// ---------------------------------------------------------------------------

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.trim().replace('|', "\\|").replace('\n', " ")
}

fn string(text: &str) -> Value<'static> {
    Value::String(Cow::Owned(text.to_owned()))
}

fn object(members: Vec<(&'static str, Value<'static>)>) -> Value<'static> {
    Value::Object(
        members
            .into_iter()
            .map(|(name, value)| (Cow::Borrowed(name), value))
            .collect(),
    )
}

fn strings(items: &[&str]) -> Value<'static> {
    Value::Array(items.iter().map(|item| string(item)).collect())
}

fn page_address(rule: &Rule) -> String {
    format!("{REPOSITORY}/blob/main/docs/rules/{}", rule.page())
}

fn who(rule: &Rule) -> &'static str {
    match rule.emitted_by {
        EmittedBy::Validator => "the validator (`validate()`, the form and the command line)",
        EmittedBy::Command => "the command line only",
    }
}

/// The example as shown in a rule page: a request pretty-printed when it
/// parses cleanly, otherwise as written.
fn example_block(example: &Example) -> String {
    match example {
        Example::Request { request, options } => {
            let text = Example::expand(request);
            let shown = match json::parse(&text) {
                Ok(parsed) if parsed.findings.is_empty() && !text.contains("\\u") => {
                    to_string_pretty(&parsed.value)
                }
                _ => text,
            };
            let mut out = format!("```json\n{shown}\n```\n");
            if !options.is_empty() {
                let options = Example::expand(options);
                let (options, command_line) = match json::parse(&options) {
                    Ok(parsed) => (
                        to_string_pretty(&parsed.value),
                        command_line_options(&parsed.value),
                    ),
                    Err(_) => (options, String::new()),
                };
                out.push_str(&format!(
                    "\njudged with this options argument (`validate(request, options)`).{command_line}\n\n```json\n{options}\n```\n"
                ));
            }
            out
        }
        Example::Source { language, text } => format!("```{language}\n{}\n```\n", text.trim_end()),
    }
}

/// How the command line is given an example's options, member by member:
/// ` On the command line: ...`, or nothing when it has none of them.
fn command_line_options(options: &Value) -> String {
    let mut said = Vec::new();
    if options.get("locations").is_some() {
        said.push("`--locations FILE` with this `locations` list in FILE (or `aws datasync list-locations` or `describe-location-*` output)".to_owned());
    }
    if options.get("task").is_some() {
        said.push(
            "`--task FILE` with this `task` in FILE (`aws datasync describe-task` output)"
                .to_owned(),
        );
    }
    if let Some(operation) = options.get("operation").and_then(Value::as_str) {
        said.push(format!("`--operation {operation}`"));
    }
    match said.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" On the command line: {last}."),
        Some((last, rest)) => format!(" On the command line: {} and {last}.", rest.join(", ")),
    }
}

fn params_table(params: &[Param]) -> String {
    if params.is_empty() {
        return "None.\n".to_owned();
    }
    let mut out = String::from("| member | type | meaning |\n|---|---|---|\n");
    for param in params {
        let optional = if param.optional { " (optional)" } else { "" };
        out.push_str(&format!(
            "| `{}` | `{}`{optional} | {} |\n",
            param.name,
            param.ty,
            cell(param.meaning)
        ));
    }
    out
}

// ---------------------------------------------------------------------------
// The generated texts.
// ---------------------------------------------------------------------------

const README_START: &str = "<!-- codes: generated from src/diagnostic.rs by tests/generated.rs; edit the codes! table, then run UPDATE_GENERATED=1 cargo test --test generated -->";
const README_END: &str = "<!-- end of generated codes -->";
const FIXES_START: &str = "<!-- fixes: generated from src/diagnostic.rs by tests/generated.rs -->";
const FIXES_END: &str = "<!-- end of generated fixes -->";
const TS_START: &str = "// <generated: codes> from src/diagnostic.rs by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.";
const TS_END: &str = "// </generated: codes>";

fn code_table(rules: &[&Rule], link_prefix: &str) -> String {
    let mut out = String::from("| code | severity | meaning |\n|---|---|---|\n");
    for rule in rules {
        out.push_str(&format!(
            "| [`{}`]({link_prefix}{}) | {} | {} |\n",
            rule.code,
            rule.page(),
            rule.severity.as_str(),
            cell(rule.summary())
        ));
    }
    out
}

fn retired_table() -> String {
    let mut out = String::from("| retired code | since | replaced by | why |\n|---|---|---|---|\n");
    for retired in RETIRED {
        let replaced: Vec<String> = retired
            .replaced_by
            .iter()
            .map(|code| format!("`{code}`"))
            .collect();
        let replaced = if replaced.is_empty() {
            "nothing".to_owned()
        } else {
            replaced.join(", ")
        };
        out.push_str(&format!(
            "| `{}` | {} | {replaced} | {} |\n",
            retired.code,
            retired.since,
            cell(retired.why)
        ));
    }
    out
}

fn by(emitted_by: EmittedBy) -> Vec<&'static Rule> {
    rules()
        .iter()
        .filter(|rule| rule.emitted_by == emitted_by)
        .collect()
}

/// The README's section body between the markers.
fn readme_codes() -> String {
    format!(
        "{README_START}\n\
Codes are stable public API: a code is never reused for another meaning.\n\
*error*: the service rejects the request. *warning*: the service accepts it but\n\
it will not do what you most likely want. *info* (command line only): a note on\n\
what was or was not checked. Each code links to its page in\n\
[docs/rules/](docs/rules/README.md): what it checks, why, an example, the fix,\n\
its `params` and the source. At run time, `codes()` from\n\
`datasync-task-validator/codes` lists them (see [API](#api)).\n\n\
{}\n\
The command line also reports these:\n\n\
{}\n\
Retired codes are no longer reported and are never reused:\n\n\
{}{README_END}",
        code_table(&by(EmittedBy::Validator), "docs/rules/"),
        code_table(&by(EmittedBy::Command), "docs/rules/"),
        retired_table()
    )
}

/// The README's table of the codes whose diagnostics carry a `fix`.
fn readme_fixes() -> String {
    let mut out = format!("{FIXES_START}\n| code | fix |\n|---|---|\n");
    for rule in rules().iter().filter(|rule| !rule.autofix.is_empty()) {
        out.push_str(&format!("| `{}` | {} |\n", rule.code, cell(rule.autofix)));
    }
    out.push_str(FIXES_END);
    out
}

fn rule_page(rule: &Rule) -> String {
    format!(
        "<!-- Generated from src/diagnostic.rs by tests/generated.rs ({HOW}); do not edit. -->\n\
# `{code}`\n\n\
**{severity}**, reported by {who}.\n\n\
{summary}\n\n\
## What it checks\n\n{what}\n\n\
## Why\n\n{why}\n\n\
## Example\n\n{example}\n\
## How to fix it\n\n{fix}\n\n{autofix}\
## `params`\n\n{params}\n\
## Source\n\n{source}\n\n\
[All codes](README.md)\n",
        code = rule.code,
        severity = rule.severity.as_str(),
        who = who(rule),
        summary = rule.summary(),
        what = rule.what,
        why = rule.why,
        example = example_block(&rule.example),
        fix = rule.fix,
        autofix = if rule.autofix.is_empty() {
            String::new()
        } else {
            format!(
                "The diagnostic carries this as its `fix` (a JSON Patch; the command line's `--fix` applies it): {}.\n\n",
                rule.autofix
            )
        },
        params = params_table(rule.params),
        source = rule.source,
    )
}

const RULES_PREAMBLE: &str = "# The rules

What datasync-task-validator checks, why, and where each fact comes from. This
is the project's own rules document: every code has a page here, generated
with the README's code table, the TypeScript types and the command's rule
metadata from one table (`codes!` in `src/diagnostic.rs`).

## Severity

- **error**: the service rejects the request: the API model's constraints,
  or the documentation says you *can't*, *must* or that something *isn't
  supported*.
- **warning**: the service accepts the request, but it will not do what the
  user almost certainly wants (documented as ignored or not applicable, or a
  known pitfall). Where the service's behaviour is not documented, a warning
  with the reason, never an error.
- **info** (command line only): what was checked and how, and what could not
  be checked (deploy-time values).

Never an error where the service accepts the request.

## Sources

The facts come from the DataSync API reference and User Guide
(<https://docs.aws.amazon.com/datasync/latest/userguide/>), the API model
(botocore's `datasync/2018-11-09/service-2.json`), the EventBridge User Guide
for schedule expressions, and, where the documentation is silent, the
service's recorded answers. Each page names its source. Options apply to a
request's effective values: an omitted member takes its default for the task
mode (see the README's Defaults), and for UpdateTask and StartTaskExecution
the described task's settings (`options.task`).

In the command line's reports, a finding in a template or a Terraform file
may carry more `params` than its page lists: `locationResources` (the
resources that define its locations), `conditions` (the CloudFormation
conditions under which it holds), `parameterDefaults` (the template
parameters' defaults it was checked with) and `forEach` (the `Fn::ForEach`
loop and items that made the task it is in).
";

const RULES_BACKGROUND: &str = "## Schedule expressions

`ScheduleExpression` uses EventBridge's syntax, in UTC. `cron(...)` has six
fields separated by spaces: minutes (0-59), hours (0-23), day of month (1-31),
month (1-12 or JAN-DEC), day of week (1-7 with 1 = Sunday, or SUN-SAT) and year
(1970-2199). Every field takes `,`, `-`, `*` and `/`; `?` only the two day
fields, exactly one of which must be `?`; `L` the day fields; `W` the day of
month (`15W`, `LW`); `#` the day of week, alone (`3#2`). `rate(value unit)`
takes a positive integer and `minute`, `hour` or `day`, singular exactly when
the value is 1. DataSync runs a task at most once an hour, so a rate below 60
minutes, or a cron whose minutes field selects more than one minute, is an
error.

## Decided on evidence

Where the documentation is silent or contradicts the service, the verdict
follows what the service was seen to do:

- A numeric start with a step at or beyond the field's range
  (`cron(0/60 * * * ? *)`) is accepted and means the start alone, as in the
  older Quartz parser EventBridge follows; DataSync accepted it on a real task.
  `*/60` and a step without a start stay errors.
- An empty `ScheduleExpression` is accepted: the service takes it as no
  schedule (CloudFormation sends it for every task created without one,
  Terraform to remove one). No diagnostic.
- An empty `Name` or tag `Value` is rejected: the service checks patterns,
  and the pattern needs a character (`value/pattern-mismatch`).
- BytesPerSecond in Enhanced mode is accepted: the API model stopped saying it
  does not apply in December 2025 (`options/enhanced-bandwidth-limit` is retired).
- `ObjectMetadata` is an Options member in current SDKs (default PRESERVE,
  between object stores only); older SDKs reject it as unknown.
- A stray comma in a cron list is probably tolerated by EventBridge: a warning
  with the cleaned expression (`schedule/nonstandard-spelling`).
- An include pattern ending in a run of `*` is not clearly covered by \"`*`
  only as the last character\" and harmless: a warning.
- A five-field cron is a warning (`schedule/five-field-cron`): EventBridge
  documents six fields, but DataSync's API reference gives a five-field
  example (`cron(0 8 * * 3#1)`), and no service answer is recorded.

";

const RULES_NOT_IMPLEMENTED: &str = "## Considered and not implemented

- Agent mode must match the task mode (Basic mode tasks need Basic mode
  agents): no location description says which mode an agent is.
- SecurityDescriptorCopyFlags outside SMB and FSx for Windows, ObjectTags and
  ObjectMetadata outside object storage: ignored there, not harmful;
  `fields()` says where each applies (`appliesTo`).
- POSIX options with SMB: no current source says they are ignored.
- Storage-class effects of TransferMode ALL and deletions (minimum-duration
  and retrieval charges): not a mistake in the request.
- Azure Blob with a hierarchical namespace, EFS access points that enforce a
  user, locations in other Regions, unversioned buckets with
  ObjectVersionIds INCLUDE: no description carries these facts.
- `POINT_IN_TIME_CONSISTENT` with a manifest verifies only what the manifest
  lists: said in the field's help, not a finding.

## Open questions

Whether the service itself tolerates a five-field cron (EventBridge documents
six fields, DataSync's API reference shows five, so it is a warning); whether Uid and Gid `NAME` and `BOTH` are honoured
(they are in the enum, so they are accepted); the real default of
SecurityDescriptorCopyFlags outside SMB.
";

fn rules_document() -> String {
    format!(
        "<!-- Generated from src/diagnostic.rs by tests/generated.rs ({HOW}); do not edit. -->\n\
{RULES_PREAMBLE}\n\
## Codes the validator reports\n\n{}\n\
## Codes only the command line reports\n\n{}\n\
## Retired codes\n\nNo longer reported, and never reused.\n\n{}\n\
{RULES_BACKGROUND}{RULES_NOT_IMPLEMENTED}",
        code_table(&by(EmittedBy::Validator), ""),
        code_table(&by(EmittedBy::Command), ""),
        retired_table()
    )
}

/// A TypeScript doc comment line (`*/` cannot end it early).
fn ts_doc(text: &str) -> String {
    text.trim().replace("*/", "*\\/")
}

fn typescript_codes() -> String {
    let validator = by(EmittedBy::Validator);
    let mut out = format!("{TS_START}\n\n");
    out.push_str("/** Every diagnostic code the validator can emit; codes are stable and never reused. Each has a page in docs/rules/. */\nexport type DiagnosticCode =\n");
    for rule in &validator {
        out.push_str(&format!("  | '{}'\n", rule.code));
    }
    out.pop();
    out.push_str(";\n\n/** The severity every diagnostic with a code carries. */\nexport interface DiagnosticSeverities {\n");
    for rule in &validator {
        out.push_str(&format!(
            "  '{}': '{}';\n",
            rule.code,
            rule.severity.as_str()
        ));
    }
    out.push_str("}\n\n/** The shape of `params` for each code (`Record<string, never>`: the code has none). */\nexport interface DiagnosticParams {\n");
    for rule in &validator {
        out.push_str(&format!("  /** {} */\n", ts_doc(rule.summary())));
        if rule.params.is_empty() {
            out.push_str(&format!("  '{}': Record<string, never>;\n", rule.code));
            continue;
        }
        out.push_str(&format!("  '{}': {{\n", rule.code));
        for param in rule.params {
            let optional = if param.optional { "?" } else { "" };
            out.push_str(&format!(
                "    /** {} */\n    {}{optional}: {};\n",
                ts_doc(param.meaning),
                param.name,
                param.ty
            ));
        }
        out.push_str("  };\n");
    }
    out.push_str("}\n\n/** The codes whose diagnostics always carry `params`. */\nexport type DiagnosticCodeWithParams =\n");
    let with: Vec<&&Rule> = validator
        .iter()
        .filter(|rule| rule.params.iter().any(|param| !param.optional))
        .collect();
    for rule in &with {
        out.push_str(&format!("  | '{}'\n", rule.code));
    }
    out.pop();
    out.push_str(";\n\n");
    out.push_str(TS_END);
    out
}

/// The entries of `codes()`: every code that can be reported, then the retired ones.
fn code_entries(with_descriptions: bool) -> Value<'static> {
    let mut entries = Vec::new();
    for rule in rules() {
        let mut members = vec![
            ("code", string(rule.code)),
            ("severity", string(rule.severity.as_str())),
            ("summary", string(rule.summary())),
            ("emittedBy", string(rule.emitted_by.as_str())),
        ];
        if with_descriptions {
            members.push((
                "description",
                string(&format!("{} {} {}", rule.what, rule.why, rule.fix)),
            ));
            members.push(("helpUri", string(&page_address(rule))));
            // The command's tests check what it emits against this shape.
            let params = rule
                .params
                .iter()
                .map(|param| {
                    object(vec![
                        ("name", string(param.name)),
                        ("type", string(param.ty)),
                        ("optional", Value::Bool(param.optional)),
                    ])
                })
                .collect();
            members.push(("params", Value::Array(params)));
        }
        entries.push(object(members));
    }
    for retired in RETIRED {
        entries.push(object(vec![
            ("code", string(retired.code)),
            ("severity", Value::Null),
            ("summary", string(retired.why)),
            ("emittedBy", string("validator")),
            (
                "retired",
                object(vec![
                    ("since", string(retired.since)),
                    ("replacedBy", strings(retired.replaced_by)),
                ]),
            ),
        ]));
    }
    Value::Array(entries)
}

fn codes_module() -> String {
    format!(
        "// Generated from src/diagnostic.rs by tests/generated.rs ({HOW}); do not edit.\n\
// datasync-task-validator/codes: every code, for tools that list or configure them.\n\
// A module of its own, so that a browser that never imports it never downloads it.\n\n\
const CODES = {};\n\n\
/**\n * Every code a report can hold (the validator's, then the command's own),\n * then the retired codes: `{{ code, severity, summary, emittedBy, retired? }}`.\n * A fresh copy on each call.\n */\n\
export function codes() {{\n  return CODES.map((entry) => (entry.retired\n    ? {{ ...entry, retired: {{ ...entry.retired, replacedBy: [...entry.retired.replacedBy] }} }}\n    : {{ ...entry }}));\n}}\n",
        to_string_pretty(&code_entries(false))
    )
}

fn codes_declarations() -> String {
    let mut out = format!(
        "// Generated from src/diagnostic.rs by tests/generated.rs ({HOW}); do not edit.\n\
// Declarations of datasync-task-validator/codes.\n\n\
/** Every code a report can hold: the validator's and the command line's own. */\nexport type Code =\n"
    );
    for rule in rules() {
        out.push_str(&format!("  | '{}'\n", rule.code));
    }
    out.pop();
    out.push_str(";\n\n/** A code that is no longer reported (and never reused). */\nexport type RetiredCode =\n");
    for retired in RETIRED {
        out.push_str(&format!("  | '{}'\n", retired.code));
    }
    out.pop();
    out.push_str(
        ";\n\n/** One code that can be reported. */\n\
export interface CodeInfo {\n\
  code: Code;\n\
  /** `error` and `warning` as in reports; `info`: a note of the command line. */\n\
  severity: 'error' | 'warning' | 'info';\n\
  /** One sentence: what a finding with this code means. */\n\
  summary: string;\n\
  /** `validator`: any entry point reports it; `command`: only the command line. */\n\
  emittedBy: 'validator' | 'command';\n\
  retired?: undefined;\n\
}\n\n\
/** One retired code. */\n\
export interface RetiredCodeInfo {\n\
  code: RetiredCode;\n\
  severity: null;\n\
  /** Why it was retired. */\n\
  summary: string;\n\
  emittedBy: 'validator';\n\
  retired: {\n\
    /** The release that stopped reporting it (`Unreleased` until there is one). */\n\
    since: string;\n\
    /** The codes that now report what it reported. */\n\
    replacedBy: Code[];\n\
  };\n\
}\n\n\
/** Every code that can be reported, then the retired codes; a fresh copy on each call. */\n\
export function codes(): (CodeInfo | RetiredCodeInfo)[];\n",
    );
    out
}

fn cli_rules() -> String {
    to_string_pretty(&code_entries(true)) + "\n"
}

// ---------------------------------------------------------------------------
// The request walker in js/text-path.mjs.
// ---------------------------------------------------------------------------

const WALKER_START: &str = "// <generated: walker> from the schema table (src/schema.rs) by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.";
const WALKER_END: &str = "// </generated: walker>";

/// The JavaScript of the walkers `validate()` reads objects with (see
/// `src/walked.rs` for the words they write): per structure of the schema a
/// function `wN(o)` that lists the object's keys as `JSON.stringify` does and
/// reads each known member once, per list a function `lN(v)`, per enum an
/// array `eN` of its words; `false` means "give up". The helpers they call
/// (`notPlain`, `str`, `oneOf`, `int`, `items`, `raw`, `misfit`, `miss`, `rawItem`,
/// `missItem`, `close`, `leave`, `keysOf`, `positions`) are written by hand
/// next to them; a word is written in place (`WALK_BUFFER[walkNext++] =`),
/// where a call of a function of its own was not always inlined by V8.
fn walker_code() -> String {
    use datasync_task_validator::internal::schema::{Member, Shape};
    use datasync_task_validator::internal::walked::{POSITIONS, RAW, RAW_ITEM, SCALAR};
    use datasync_task_validator::Operation;

    struct Writer {
        code: String,
        /// Each shape given a function or array, by address, with its name.
        named: Vec<(&'static Shape, String)>,
        structures: usize,
        lists: usize,
        /// Each list's walker by what it reads (see `name`), with its name.
        lists_read: Vec<(String, String)>,
        enums: usize,
    }

    impl Writer {
        /// How `value` is read as the member of `shape` at `at` (a list's
        /// item as the member at 0; see `src/walked.rs`), writing what it
        /// needs first: the word put before it is read (if any: a string's
        /// and a list's word is written once it is read, holding its length,
        /// enum word or count), and the call that reads it.
        fn reader(
            &mut self,
            shape: &'static Shape,
            value: &str,
            key: &str,
            at: &str,
        ) -> (String, String) {
            let name = self.name(shape);
            match shape {
                Shape::String(rule) if !rule.allowed.is_empty() => {
                    (String::new(), format!("oneOf({value}, {name}, {at})"))
                }
                Shape::String(_) => (String::new(), format!("str({value}, {at})")),
                Shape::List { .. } => (String::new(), format!("{name}({value}, {key}, {at})")),
                Shape::Long { .. } => (
                    format!("WALK_BUFFER[walkNext++] = {at};"),
                    format!("int({value})"),
                ),
                Shape::Structure(_) => (
                    format!("WALK_BUFFER[walkNext++] = {at};"),
                    format!("{name}({value}, {key})"),
                ),
            }
        }

        fn name(&mut self, shape: &'static Shape) -> String {
            if let Some((_, name)) = self.named.iter().find(|(at, _)| std::ptr::eq(*at, shape)) {
                return name.clone();
            }
            let name = match shape {
                Shape::Structure(members) => {
                    // Structures of the same members (Options and
                    // OverrideOptions) share one walker.
                    let same = self.named.iter().find(|(at, _)| {
                        matches!(at, Shape::Structure(other) if std::ptr::eq(*other, *members))
                    });
                    if let Some((_, name)) = same {
                        let name = name.clone();
                        self.named.push((shape, name.clone()));
                        return name;
                    }
                    let name = format!("w{}", self.structures);
                    self.structures += 1;
                    self.named.push((shape, name.clone()));
                    self.structure(&name, members);
                    name
                }
                Shape::List { item, max_items } => {
                    // Lists of the same most items whose items are read
                    // alike (Includes and Excludes) share one walker.
                    let (put, read) = self.reader(item, "x", "i", "0");
                    let signature = format!("{max_items} {put} {read}");
                    let same = self
                        .lists_read
                        .iter()
                        .find(|(other, _)| *other == signature);
                    if let Some((_, name)) = same {
                        let name = name.clone();
                        self.named.push((shape, name.clone()));
                        return name;
                    }
                    let name = format!("l{}", self.lists);
                    self.lists += 1;
                    self.named.push((shape, name.clone()));
                    self.lists_read.push((signature, name.clone()));
                    // `missItem` takes back the item's word put before it.
                    let (put, miss) = match put.is_empty() {
                        true => (String::new(), "rawItem"),
                        false => (format!("{put}\n    "), "missItem"),
                    };
                    self.code.push_str(&format!(
                        "function {name}(v, key, at) {{\n  const n = items(v, key, {max_items}, at);\n  if (n < 0) return false;\n  for (let i = 0; i < n; i += 1) {{\n    const x = v[i];\n    {put}if (!{read}) {miss}(i, x);\n  }}\n  return leave();\n}}\n"
                    ));
                    name
                }
                Shape::String(rule) if !rule.allowed.is_empty() => {
                    // Enums of the same words share one array.
                    let same = self.named.iter().find(|(at, _)| {
                        matches!(at, Shape::String(other) if other.allowed == rule.allowed)
                    });
                    if let Some((_, name)) = same {
                        let name = name.clone();
                        self.named.push((shape, name.clone()));
                        return name;
                    }
                    let name = format!("e{}", self.enums);
                    self.enums += 1;
                    self.named.push((shape, name.clone()));
                    let words: Vec<String> = rule.allowed.iter().map(|word| quoted(word)).collect();
                    self.code
                        .push_str(&format!("const {name} = [{}];\n", words.join(", ")));
                    name
                }
                _ => String::new(),
            };
            name
        }

        fn structure(&mut self, name: &str, members: &'static [Member]) {
            // A string or an enum member's case only reads it into `v` (and
            // its enum's words into `e`): one call of `str` and one of `oneOf`
            // after the switch read them all, which V8 inlines once, where a
            // call in each case was inlined in some and not in others.
            let (mut strings, mut enums) = (false, false);
            let cases: Vec<String> = members
                .iter()
                .enumerate()
                .map(|(at, member)| {
                    // Read by its name where it is known: a lookup of one
                    // name is faster than `o[k]`, which sees every name.
                    let name = member.name;
                    if name == "ScheduleExpression" {
                        // Kept for the clock (see `timeFor`).
                        assert!(matches!(member.shape, Shape::String(rule) if rule.allowed.is_empty()));
                        return format!("      case {at}:\n        v = o.{name};\n        if (str(v, at)) walkSchedule = v;\n        else misfit(k, v, at);\n        continue;\n");
                    }
                    match member.shape {
                        Shape::String(rule) if !rule.allowed.is_empty() => {
                            enums = true;
                            let words = self.name(member.shape);
                            return format!("      case {at}:\n        v = o.{name};\n        e = {words};\n        break;\n");
                        }
                        Shape::String(_) => {
                            strings = true;
                            return format!("      case {at}:\n        v = o.{name};\n        break;\n");
                        }
                        _ => {}
                    }
                    // The position is `at`, the case's: the same text in every
                    // case compresses better than each case's number.
                    let (put, read) = self.reader(member.shape, "v", "k", "at");
                    // `miss` takes back the member's word put before it.
                    let (put, miss) = match put.is_empty() {
                        true => (String::new(), "misfit"),
                        false => (format!("        {put}\n"), "miss"),
                    };
                    format!("      case {at}:\n{put}        v = o.{name};\n        if (!{read}) {miss}(k, v, at);\n        continue;\n")
                })
                .collect();
            // After the switch: the member read into `v` is a string, or (with
            // `e` set) one of an enum's words.
            let (words, read) = match (strings, enums) {
                (true, true) => (
                    "    let e;\n",
                    "    if (!(e === undefined ? str(v, at) : oneOf(v, e, at))) misfit(k, v, at);\n",
                ),
                (true, false) => ("", "    if (!str(v, at)) misfit(k, v, at);\n"),
                (false, true) => ("    let e;\n", "    if (!oneOf(v, e, at)) misfit(k, v, at);\n"),
                (false, false) => ("", ""),
            };
            let names: Vec<String> = members.iter().map(|member| quoted(member.name)).collect();
            // The object checked here, not in a shared function, so that each
            // property lookup sees the few kinds of object of one structure,
            // and its prototype is asked for (see `notPlain`) where V8 knows
            // the object's map from the read of toJSON just before: it then
            // folds the question to a constant (in a function of its own it
            // was a runtime call per object). `at` moves on to the next
            // position after each member (-1 after an unknown one: 0 next).
            self.code.push_str(&format!(
                "const {name}n = [{}];\nconst {name}m = positions({name}n);\nfunction {name}(o, key) {{\n  if (typeof o !== 'object' || o === null) return false;\n  const toJSON = o.toJSON;\n  if (typeof toJSON === 'function') return replace(o, key, toJSON);\n  let proto = AN_ARRAY;\n  if (!isArray(o)) {{\n    try {{\n      proto = getPrototypeOf(o);\n    }} catch {{\n      proto = undefined;\n    }}\n  }}\n  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);\n  ancestors[entered++] = o;\n  const head = walkNext - 1;\n  const keys = keysOf(o);\n  let at = 0;\n  for (let i = 0; i < keys.length; i += 1, at += 1) {{\n    const k = keys[i];\n    if (k !== {name}n[at]) {{\n      at = apply(mapGet, {name}m, [k]);\n      if (at === undefined) {{\n        raw(k, o[k]);\n        at = -1;\n        continue;\n      }}\n    }}\n    let v;\n{words}    switch (at) {{\n{}    }}\n{read}  }}\n  return close(head);\n}}\n",
                names.join(", "),
                cases.concat()
            ));
        }
    }

    /// `word` as a JS string literal: the model's names and enum words need no escapes.
    fn quoted(word: &str) -> String {
        assert!(
            word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{word:?} needs escaping in JS"
        );
        format!("'{word}'")
    }

    /// The most words a member of `shape` takes after its own word: every
    /// member once, each holding a safe integer where a string belongs,
    /// every list full, and before, between and after the members one run
    /// of members written as JSON text (two words: a mark and a length; an
    /// item so written, two words in place of its own).
    fn most_words(shape: &Shape) -> usize {
        match shape {
            Shape::Structure(members) => {
                // A member holding a scalar of another kind takes up to
                // three: a mark, its word and an integer's value (an
                // integer's member two either way: its word and its value,
                // or a mark and its word).
                let read: usize = members
                    .iter()
                    .map(|member| match member.shape {
                        Shape::Long { .. } => 2,
                        shape => (1 + most_words(shape)).max(3),
                    })
                    .sum();
                read + 2 * (members.len() + 1)
            }
            Shape::List { item, max_items } => max_items * (1 + most_words(item)).max(2),
            // A string is held in its word.
            Shape::String(_) => 0,
            Shape::Long { .. } => 1,
        }
    }

    let mut writer = Writer {
        code: String::new(),
        named: Vec::new(),
        structures: 0,
        lists: 0,
        lists_read: Vec::new(),
        enums: 0,
    };
    let roots: Vec<String> = Operation::ALL
        .iter()
        .map(|operation| writer.name(operation.request()))
        .collect();
    let names: Vec<String> = Operation::ALL
        .iter()
        .map(|operation| format!("'{}'", operation.as_str()))
        .collect();
    let words = 1 + Operation::ALL
        .iter()
        .map(|operation| most_words(operation.request()))
        .max()
        .unwrap_or(0);
    format!(
        "{WALKER_START}\n/** The words that mark members, and an item, written as JSON text in the strings (src/walked.rs). */\nconst RAW = {RAW};\nconst RAW_ITEM = {RAW_ITEM};\n/** The word that marks a member holding a scalar of another kind than its shape (src/walked.rs). */\nconst SCALAR = {SCALAR};\n/** A member's word is its position plus this many times what it holds (src/walked.rs). */\nconst POSITIONS = {POSITIONS};\n/** The operations, in the order of the core's Operation::ALL: the first word of a walk. */\nconst WALK_OPERATIONS = [{}];\n/** The most words a walk writes (every member once, a wrong-typed one in up to three words, every list full, and the most runs of members written as JSON text). */\nconst WALK_WORDS = {words};\n{}/** Each operation's walker, in WALK_OPERATIONS order. */\nconst WALKS = [{}];\n{WALKER_END}",
        names.join(", "),
        writer.code,
        roots.join(", ")
    )
}

// ---------------------------------------------------------------------------
// The walked reader per structure in src/walked/generated.rs.
// ---------------------------------------------------------------------------

/// The Rust of the reader per structure of `src/walked/generated.rs`: for
/// each structure of the schema, at each place of the record it fills, a
/// function that reads the words the walker wrote for it (see
/// `src/walked.rs`) with each member's check and slot known when it is
/// compiled, filling the record as `Record`'s events (`object`, `member`,
/// `item`, `string`, `choice`, `integer`) would at those slots; `None` on
/// anything that is not clean, as the generic reader.
fn reader_code() -> String {
    use datasync_task_validator::internal::request::{Record, Slot};
    use datasync_task_validator::internal::schema::Shape;
    use datasync_task_validator::Operation;

    /// What `Record::present` does at `slot` with `field` (Rust for a `Field`).
    fn present(slot: Slot, field: &str) -> String {
        let set = |target: &str| format!("record.{target} = {field};\n");
        match slot {
            Slot::TaskArn => set("task_arn"),
            Slot::Source => set("source"),
            Slot::Destination => set("destination"),
            Slot::TaskMode => set("task_mode"),
            Slot::LogGroup => set("log_group"),
            Slot::ScheduleExpression => set("schedule_expression"),
            Slot::OutputType => set("report.output_type"),
            // Only integers reach an option's slot as something else than
            // an enum's word (BytesPerSecond): an invalid choice.
            Slot::Option(at) if field == "Field::Other" => {
                format!("record.options[{at}] = Choice::Invalid;\n")
            }
            Slot::FilterValue(list) => format!(
                "if let Some(last) = record.filters[{list}].last_mut() {{\n*last = FilterItem::Rule({field});\n}}\n"
            ),
            Slot::Options => "record.has_options = true;\n".into(),
            Slot::ManifestSource => {
                "if let Some(manifest) = &mut record.manifest {\nmanifest.has_source = true;\n}\n"
                    .into()
            }
            Slot::ReportLevel => "record.report.has_report_level = true;\n".into(),
            Slot::DeletedOverride => "record.report.has_deleted_override = true;\n".into(),
            Slot::Ignored
            | Slot::Root
            | Slot::Filters(_)
            | Slot::FilterRule(_)
            | Slot::Schedule
            | Slot::Tags
            | Slot::Tag
            | Slot::TagKey
            | Slot::Manifest
            | Slot::Report
            | Slot::Overrides => String::new(),
            Slot::Option(_) => panic!("no reader for a free string at {slot:?}"),
        }
    }

    /// `Record::object` at `slot`.
    fn object(slot: Slot) -> String {
        match slot {
            // Pushed as a rule by `item` already.
            Slot::FilterRule(_) => String::new(),
            Slot::Manifest => "record.manifest = Some(Manifest::default());\n".into(),
            Slot::Overrides => "record.report.overrides = Some(false);\n".into(),
            _ => present(slot, "Field::Other"),
        }
    }

    /// What `Record::member` does besides finding the slot, under `parent`.
    fn member(parent: Slot) -> String {
        match parent {
            Slot::Manifest => {
                "if let Some(manifest) = &mut record.manifest {\nmanifest.has_members = true;\n}\n"
                    .into()
            }
            Slot::Overrides => "record.report.overrides = Some(true);\n".into(),
            _ => String::new(),
        }
    }

    /// Room for the `held` items of `list` (at most its `max_items`, checked
    /// first), made once before they are read: the list is new (a member
    /// comes once), and `item`'s pushes then never grow it.
    fn items(list: Slot) -> String {
        match list {
            Slot::Filters(at) => format!("record.filters[{at}] = Vec::with_capacity(held);\n"),
            Slot::Tags => "record.tag_keys = Vec::with_capacity(held);\n".into(),
            _ => String::new(),
        }
    }

    /// `Record::item` besides finding the slot, in `list`.
    fn item(list: Slot) -> String {
        match list {
            // `NotAnObject` until `object` makes it a rule; but an item read
            // here is an object (anything else is not clean), so a rule at once.
            Slot::Filters(at) => {
                format!("record.filters[{at}].push(FilterItem::Rule(Field::Absent));\n")
            }
            Slot::Tags => "record.tag_keys.push(None);\n".into(),
            _ => String::new(),
        }
    }

    /// `Record::string` at `slot` with `text`.
    fn string(slot: Slot, text: &str) -> String {
        match slot {
            Slot::TagKey => format!(
                "if let Some(last) = record.tag_keys.last_mut() {{\n*last = Some({text});\n}}\n"
            ),
            _ => present(slot, &format!("Field::Str({text})")),
        }
    }

    /// Where a string's rule or an integer's minimum comes from: the
    /// shape's constant path, or the member at the runtime `position` of
    /// `MEMBERS` (for an arm shared by members read alike).
    enum Leaf<'p> {
        Known(&'p str),
        /// The member at `position`, which is this one.
        At(usize),
    }

    /// The statements that read a string or an integer of `shape` into `slot`.
    fn leaf(shape: &'static Shape, slot: Slot, from: &Leaf) -> String {
        let rule = match from {
            Leaf::Known(path) => format!("const {{ rule_of({path}) }}"),
            Leaf::At(_) => "rule_at(MEMBERS, position)?".to_owned(),
        };
        match shape {
            Shape::String(rule_of) if !rule_of.allowed.is_empty() => match slot {
                Slot::Option(option) => {
                    let index = match from {
                        Leaf::At(at) if *at == option => "position".to_owned(),
                        _ => option.to_string(),
                    };
                    format!(
                        "let (word, _) = choice({rule}, held)?;\nrecord.options[{index}] = Choice::Allowed(word as u8);\n"
                    )
                }
                _ => {
                    let set = string(slot, "text");
                    if set.contains("text") {
                        format!("let (_, text) = choice({rule}, held)?;\n{set}")
                    } else {
                        format!("choice({rule}, held)?;\n{set}")
                    }
                }
            },
            Shape::String(_) => {
                let set = string(slot, "text");
                if set.contains("text") {
                    format!("let text = at.clean_string({rule}, held)?;\n{set}")
                } else {
                    format!("at.clean_string({rule}, held)?;\n{set}")
                }
            }
            Shape::Long { minimum: least } => {
                let Leaf::Known(path) = from else {
                    unreachable!("only strings share an arm")
                };
                let read = format!("at.clean_integer(const {{ minimum_of({path}) }})?");
                // The member's word holds nothing: the integer follows.
                let read = format!("bare(held)?;\nlet value = {read}");
                // Record::integer keeps the value of BytesPerSecond (at
                // least its minimum, as every clean value here).
                let mut probe = Record::default();
                probe.integer(slot, (*least).max(0));
                let keep = probe.bytes_per_second.is_some();
                let set = present(slot, "Field::Other");
                if keep {
                    format!("{read};\nrecord.bytes_per_second = Some(value);\n{set}")
                } else {
                    format!("{};\n{set}", read.replace("let value = ", ""))
                }
            }
            _ => unreachable!("a string or an integer"),
        }
    }

    /// Whether two structures have the same members (Options and
    /// OverrideOptions are two shapes of one list of members).
    fn same_members(a: &Shape, b: &Shape) -> bool {
        match (a, b) {
            (Shape::Structure(a), Shape::Structure(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }

    struct Writer {
        code: String,
        /// Each (structure, slot) given a function, with its name.
        named: Vec<(&'static Shape, Slot, String)>,
        /// The operation whose request is being read.
        operation: Operation,
    }

    /// Where a shape is in the schema table, as constant Rust: from the
    /// function's `MEMBERS` (for its members' checks) and from an operation's
    /// request (for a structure's own function).
    struct Path {
        local: String,
        whole: String,
        /// As people name it: `CreateTask.Excludes[].Value`.
        name: String,
    }

    impl Path {
        fn then(&self, step: impl Fn(&str) -> String) -> Path {
            Path {
                local: step(&self.local),
                whole: step(&self.whole),
                name: format!("{}[]", self.name),
            }
        }
    }

    impl Writer {
        /// The statements that read a member of `shape` (found by the
        /// constant expression `path`), whose word held `held`, into `slot`
        /// (a list's item is read as a member).
        fn value(&mut self, shape: &'static Shape, place: &Path, slot: Slot) -> String {
            let path = &place.local;
            match shape {
                // What no rule reads, checked by the generic skip (smaller,
                // and rare in requests).
                Shape::Structure(_) | Shape::List { .. } if slot == Slot::Ignored => {
                    assert!(!has_integer(shape), "Cursor::skip reads no integer");
                    format!("at.skip(const {{ {path} }}, held)?;\n")
                }
                Shape::Structure(_) => {
                    let name = self.structure(shape, place, slot);
                    format!("{name}(at, record, held)?;\n")
                }
                Shape::List { item: each, .. } => {
                    let child = Record::default().item(slot);
                    let read =
                        self.value(each, &place.then(|path| format!("item_of({path})")), child);
                    format!(
                        "within(held, const {{ max_items_of({path}) }})?;\n{}{}for _ in 0..held {{\n{}let held = at.item_word()?;\n{read}}}\n",
                        present(slot, "Field::Other"),
                        items(slot),
                        item(slot),
                    )
                }
                _ => leaf(shape, slot, &Leaf::Known(path)),
            }
        }

        /// The name of the function that reads a structure of `shape` into
        /// `slot`, written first if it is not yet.
        fn structure(&mut self, shape: &'static Shape, place: &Path, slot: Slot) -> String {
            let path = &place.whole;
            if let Some((_, _, name)) = self
                .named
                .iter()
                .find(|(at, place, _)| same_members(at, shape) && *place == slot)
            {
                return name.clone();
            }
            let Shape::Structure(members) = shape else {
                unreachable!("a structure")
            };
            let name = format!("read_{}", self.named.len());
            self.named.push((shape, slot, name.clone()));
            let entries: Vec<Entry> = members
                .iter()
                .enumerate()
                .map(|(at, each)| Entry {
                    member: each,
                    place: Path {
                        local: format!("MEMBERS[{at}].shape"),
                        whole: format!("members_of({path})[{at}].shape"),
                        name: format!("{}.{}", place.name, each.name),
                    },
                    slot: Record::default().member(slot, each.name, Some(at), self.operation),
                })
                .collect();
            let arms = self.arms(&entries, true);
            let (record, arms) = record_name(arms, !object(slot).is_empty());
            self.code.push_str(&format!(
                "/// `{}` (or the same members elsewhere), read into `{slot:?}`.\nfn {name}<'a>(at: &mut Cursor<'_, 'a>, {record}: &mut Record<'a>, extent: usize) -> Option<()> {{\nconst MEMBERS: &[Member] = members_of({path});\n{}let end = at.end(extent);\nlet mut seen: u64 = 0;\nwhile at.next < end {{\nlet (position, held) = at.member()?;\nfirst_time(&mut seen, position)?;\n{}match position {{\n{arms}_ => return None,\n}}\n}}\nlet required = const {{ required_of(MEMBERS) }};\n(at.next == end && seen & required == required).then_some(())\n}}\n\n",
                place.name,
                object(slot),
                member(slot),
            ));
            name
        }

        /// The arms of a structure's `match` on the member's position (its
        /// place among `entries`): members whose strings are read alike (into
        /// no slot, or each into its own option) share one arm when `share`,
        /// which finds the rule by the position in `MEMBERS`.
        fn arms(&mut self, entries: &[Entry], share: bool) -> String {
            // (positions, names, the shared arm's statements)
            let mut grouped: Vec<(Vec<usize>, Vec<&str>, String)> = Vec::new();
            for (at, entry) in entries.iter().enumerate() {
                let skipped = entry.slot == Slot::Ignored
                    && matches!(entry.member.shape, Shape::Structure(_) | Shape::List { .. });
                if share && (skipped || matches!(entry.member.shape, Shape::String(_))) {
                    let shared = if skipped {
                        assert!(
                            !has_integer(entry.member.shape),
                            "Cursor::skip reads no integer"
                        );
                        "at.skip(MEMBERS.get(position)?.shape, held)?;\n".to_owned()
                    } else {
                        leaf(entry.member.shape, entry.slot, &Leaf::At(at))
                    };
                    if let Some(group) = grouped.iter_mut().find(|(_, _, code)| *code == shared) {
                        group.0.push(at);
                        group.1.push(entry.member.name);
                        continue;
                    }
                    grouped.push((vec![at], vec![entry.member.name], shared));
                } else {
                    grouped.push((vec![at], vec![entry.member.name], String::new()));
                }
            }
            let mut arms = String::new();
            for (positions, names, shared) in grouped {
                let read = if positions.len() > 1 {
                    shared
                } else {
                    let entry = &entries[positions[0]];
                    self.value(entry.member.shape, &entry.place, entry.slot)
                };
                // Runs of positions as ranges.
                let mut pattern: Vec<String> = Vec::new();
                let mut from = 0;
                while from < positions.len() {
                    let mut to = from;
                    while positions.get(to + 1) == Some(&(positions[to] + 1)) {
                        to += 1;
                    }
                    pattern.push(match to - from {
                        0 => positions[from].to_string(),
                        1 => format!("{} | {}", positions[from], positions[to]),
                        _ => format!("{}..={}", positions[from], positions[to]),
                    });
                    from = to + 1;
                }
                arms.push_str(&format!(
                    "{} => {{\n// {}\n{read}}}\n",
                    pattern.join(" | "),
                    names.join(", ")
                ));
            }
            arms
        }

        /// The function that reads the request root of every operation: the
        /// members of all of them as one structure (a member of several
        /// operations, read alike, is one), each operation's positions
        /// mapped to it by a table, so that the three roots share one
        /// function.
        fn root(&mut self) -> String {
            let mut entries: Vec<Entry> = Vec::new();
            let mut tables = Vec::new();
            let mut required = Vec::new();
            for operation in Operation::ALL {
                self.operation = *operation;
                let op = operation.as_str();
                let mut table = Vec::new();
                let mut mask: u64 = 0;
                assert!(
                    operation.members().len() <= 64,
                    "`seen` holds a bit for each root member of an operation, by its position"
                );
                for (at, each) in operation.members().iter().enumerate() {
                    let slot =
                        Record::default().member(Slot::Root, each.name, Some(at), *operation);
                    let known = entries.iter().position(|entry| {
                        entry.member.name == each.name
                            && std::ptr::eq(entry.member.shape, each.shape)
                            && entry.slot == slot
                    });
                    let index = known.unwrap_or_else(|| {
                        let path = format!("Operation::{op}.members()[{at}].shape");
                        entries.push(Entry {
                            member: each,
                            place: Path {
                                local: path.clone(),
                                whole: path,
                                name: format!("{op}.{}", each.name),
                            },
                            slot,
                        });
                        entries.len() - 1
                    });
                    table.push(index.to_string());
                    if each.required {
                        mask |= 1 << at;
                    }
                }
                tables.push(format!("&[{}]", table.join(", ")));
                required.push(format!("{mask:#b}"));
            }
            // `seen` (bits by each operation's own positions) is checked per
            // operation as the members are read; the tables index the entries
            // by `u8`.
            assert!(
                entries.len() <= 256,
                "`ROOT_MEMBERS` holds each entry's index as a `u8`"
            );
            let arms = self.arms(&entries, false);
            let names: Vec<&str> = Operation::ALL.iter().map(|op| op.as_str()).collect();
            self.code.push_str(&format!(
                "/// For each operation (by `operation as usize`, its place in\n/// `Operation::ALL`: {}), each member of its request root (by\n/// position) as a member of the roots read as one (see `read_root`).\nstatic ROOT_MEMBERS: [&[u8]; {}] = [{}];\n\n/// For each operation, its required root members (bits by position).\nconst ROOT_REQUIRED: [u64; {}] = [{}];\n\n/// The members of a request root of `operation` from `at` on, up to\n/// `end`, after those `seen` (bits by position; each read as a member of\n/// the roots read as one: the members of every operation's root as one\n/// structure); all it has seen. Where it stops, `at` keeps where the\n/// member it stopped in starts, and the members before it (see\n/// `Cursor::stopped`): the reporting reader goes on from there. Not inlined: the\n/// reporting reader calls it too, and one copy is enough.\n#[inline(never)]\npub(super) fn read_root<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, operation: Operation, end: usize, mut seen: u64) -> Option<u64> {{\nlet members: &[u8] = ROOT_MEMBERS.get(operation as usize)?;\nwhile at.next < end {{\nlet start = at.mark(seen);\nif read_root_member(at, record, members, &mut seen).is_none() {{\nreturn at.stopped(start);\n}}\n}}\nlet required = *ROOT_REQUIRED.get(operation as usize)?;\nif at.next == end && seen & required == required {{\nreturn Some(seen);\n}}\nat.stopped(at.mark(seen))\n}}\n\n/// The next member of a request root whose members are `members` (see\n/// `read_root`), noted in `seen`.\n#[inline(always)]\nfn read_root_member<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, members: &[u8], seen: &mut u64) -> Option<()> {{\nlet (position, held) = at.member()?;\nfirst_time(seen, position)?;\nlet position = usize::from(*members.get(position)?);\nmatch position {{\n{arms}_ => return None,\n}}\nSome(())\n}}\n\n",
                names.join(", "),
                tables.len(),
                tables.join(", "),
                required.len(),
                required.join(", "),
            ));
            "read_root".into()
        }
    }

    /// Whether a value of `shape` can hold an integer.
    fn has_integer(shape: &Shape) -> bool {
        match shape {
            Shape::Structure(members) => members.iter().any(|member| has_integer(member.shape)),
            Shape::List { item, .. } => has_integer(item),
            Shape::String(_) => false,
            Shape::Long { .. } => true,
        }
    }

    /// A member of a structure as the reader reads it.
    struct Entry {
        member: &'static datasync_task_validator::internal::schema::Member,
        place: Path,
        slot: Slot,
    }

    /// The name the function's record parameter takes in `arms` (unused, `_record`).
    fn record_name(arms: String, used_anyway: bool) -> (&'static str, String) {
        if arms.contains("record.") || used_anyway {
            ("record", arms)
        } else {
            ("_record", arms.replace("(at, record,", "(at, _record,"))
        }
    }

    let mut writer = Writer {
        code: String::new(),
        named: Vec::new(),
        operation: Operation::CreateTask,
    };
    let root = writer.root();
    let code = format!(
        "{READER_HEAD}\n\n/// Reads the request in the words after `at`, `extent` words long, as a request of `operation`, into `record` (a new one; filled in place, not returned: a record moved out was copied).\npub(super) fn read<'a>(at: &mut Cursor<'_, 'a>, record: &mut Record<'a>, operation: Operation, extent: usize) -> Option<()> {{\n{root}(at, record, operation, at.end(extent), 0).map(drop)\n}}\n\n{}",
        writer.code.trim_end_matches('\n')
    );
    indented(&code)
}

/// `code` with each line indented by four spaces per brace it is within
/// (the generated Rust has braces only as blocks, none in its comments).
fn indented(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut depth: usize = 0;
    for line in code.lines() {
        let closing = line.chars().take_while(|&c| c == '}').count();
        let opened = line.matches('{').count();
        let closed = line.matches('}').count();
        if !line.is_empty() {
            let level = depth.saturating_sub(closing);
            out.push_str(&"    ".repeat(level));
        }
        out.push_str(line);
        out.push('\n');
        depth = (depth + opened).saturating_sub(closed);
    }
    out
}

const READER_HEAD: &str = "//! The reader per structure of the JavaScript walker's words (see
//! `src/walked.rs`), generated from the schema table (src/schema.rs) by
//! tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do
//! not edit by hand.
//!
//! One function per structure and place in the record: each member's
//! check and slot are known when it is compiled (no dispatch on the shape,
//! no search for the slot, the required members one mask), and the record
//! is filled as `Record`'s events fill it at those slots. `None` for
//! anything not clean, as the generic reader.

use super::{
bare, choice, item_of, max_items_of, members_of, minimum_of, required_of, rule_at, rule_of,
Cursor,
};
use crate::request::{Choice, Field, FilterItem, Manifest, Record};
use crate::schema::{Member, Operation};
use crate::scan::{first_time, within};";

const LITERALS_START: &str = "// <generated: params literals> from the code registry by tests/generated.rs; do not edit by hand.";
const LITERALS_END: &str = "// </generated: params literals>";

/// The params shapes the wrapper builds with one literal each (the
/// `switch` in `diagnostics` in js/text-path.mjs), numbered from 1 in this
/// order, which the core writes in place of the names (`SHAPES` in
/// src/report_record/shapes.rs): the distinct lists of names of each validator code's whole
/// `params` (unless more than two are optional: all of them at once is
/// rare) and of its required members alone, in the order of first use, each
/// of at most three names (the wrapper reads the values first, into three
/// locals).
fn shapes() -> Vec<Vec<&'static str>> {
    let mut shapes: Vec<Vec<&'static str>> = Vec::new();
    for code in Code::ALL {
        let params = code.rule().params;
        let optional = params.iter().filter(|param| param.optional).count();
        let required = params.iter().filter(|param| !param.optional);
        for names in [
            params.iter().map(|param| param.name).collect::<Vec<_>>(),
            required.map(|param| param.name).collect(),
        ] {
            let whole = names.len() == params.len();
            if names.is_empty() || (whole && optional > 2) || shapes.contains(&names) {
                continue;
            }
            shapes.push(names);
        }
    }
    for names in &shapes {
        assert!(
            names.len() <= 3,
            "{names:?}: a params shape has at most three names"
        );
        for name in names {
            // A literal's key, where __proto__ would set the prototype instead.
            assert!(
                name.bytes().all(|b| b.is_ascii_alphabetic()) && *name != "__proto__",
                "{name}: a params name must be a plain identifier"
            );
        }
    }
    shapes
}

/// Each code's params shapes, by the numbers `diagnostics`'s `switch` builds
/// them at (from 1): its whole params', then its required members', 0 for
/// none (or for the second when it is the first).
fn code_shapes() -> Vec<[usize; 2]> {
    let shapes = shapes();
    let number = |names: Vec<&'static str>| {
        shapes
            .iter()
            .position(|shape| *shape == names)
            .map_or(0, |at| at + 1)
    };
    Code::ALL
        .iter()
        .map(|code| {
            let params = code.rule().params;
            let whole = number(params.iter().map(|param| param.name).collect());
            let required = number(
                params
                    .iter()
                    .filter(|param| !param.optional)
                    .map(|param| param.name)
                    .collect(),
            );
            [whole, if required == whole { 0 } else { required }]
        })
        .collect()
}

/// `src/report_record/shapes.rs`: the shapes' names at their numbers less
/// one, and each code's shapes at its number, which the core writes a
/// diagnostic's params by (the number in place of the names).
fn record_shapes() -> String {
    let names: Vec<String> = shapes()
        .iter()
        .map(|names| {
            let quoted: Vec<String> = names.iter().map(|name| format!("{name:?}")).collect();
            format!("    &[{}],\n", quoted.join(", "))
        })
        .collect();
    let codes: Vec<String> = Code::ALL
        .iter()
        .zip(code_shapes())
        .map(|(code, [whole, required])| {
            format!("    [{whole}, {required}], // {}\n", code.as_str())
        })
        .collect();
    format!(
        "//! The params shapes the JS reader builds with one literal each (the\n\
         //! `switch` in `diagnostics` in js/text-path.mjs), generated from the\n\
         //! code registry (src/diagnostic.rs) by tests/generated.rs\n\
         //! (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.\n\
         \n\
         /// Each shape's names, in order, at its number less one (0 is none).\n\
         pub(super) const SHAPES: [&[&str]; {}] = [\n{}];\n\
         \n\
         /// Each code's shapes at its number (its place in `Code::ALL`): its whole\n\
         /// params', then its required members' (0: none, or the same).\n\
         pub(super) const CODE_SHAPES: [[u8; 2]; {}] = [\n{}];\n",
        names.len(),
        names.concat(),
        codes.len(),
        codes.concat()
    )
}

/// The `switch` in `diagnostics` that builds the params of the shape
/// numbered `shape` (from 1, as the core writes it) from the values `a0`, `a1` and `a2` in order: one
/// literal of known members each, so that V8 makes every object of a shape
/// alike (and a literal defines its members, running no setter of
/// Object.prototype's), written in the function that reads the values,
/// where a call of one of 25 functions cost more than the object it made.
fn params_literals() -> String {
    let cases: Vec<String> = shapes()
        .iter()
        .enumerate()
        .map(|(shape, names)| {
            let members: Vec<String> = names
                .iter()
                .zip(["a0", "a1", "a2"])
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            format!(
                "        case {}: params = {{ {} }}; break;\n",
                shape + 1,
                members.join(", ")
            )
        })
        .collect();
    format!(
        "{LITERALS_START}\n      switch (shape) {{\n{}      }}\n      {LITERALS_END}",
        cases.concat()
    )
}

/// What src/report_record.rs declares `name` to be (the native library does
/// not build that module, so the generator reads its source): for a
/// constant, `pub const NAME: Type = value;`, its value's text; for an
/// enum, `pub enum NAME {`, its body.
fn declared(name: &str) -> String {
    let source = fs::read_to_string(root().join("src/report_record.rs")).expect("readable");
    let constant = source
        .split_once(&format!("pub const {name}: "))
        .and_then(|(_, rest)| rest.split_once(';'))
        .and_then(|(declaration, _)| declaration.split_once(" = "))
        .map(|(_, value)| value);
    let body = || {
        source
            .split_once(&format!("pub enum {name} {{"))
            .and_then(|(_, rest)| rest.split_once("\n}"))
            .map(|(body, _)| body)
    };
    constant
        .or_else(body)
        .unwrap_or_else(|| panic!("src/report_record.rs declares {name}"))
        .to_owned()
}

/// The number src/report_record.rs declares the constant `name` to be,
/// written as a decimal literal.
fn declared_number(name: &str) -> u32 {
    declared(name)
        .parse()
        .unwrap_or_else(|_| panic!("src/report_record.rs declares {name} as a decimal number"))
}

const TAGS_START: &str = "// <generated: tags> from Tag in src/report_record.rs by tests/generated.rs; do not edit by hand.";
const TAGS_END: &str = "// </generated: tags>";

/// The reader's names for the record's value tags in js/text-path.mjs
/// (`TAG_FIXED` for `Tag::Fixed`, and so on): the core's `Tag`, so that the
/// reader's tests of a tag never drift from the numbers the core writes.
/// `Fixed` must be the largest: the reader (and the core's test reader)
/// read any word from it up as a fixed string, so a tag above it would be
/// read as one.
fn tags() -> String {
    let tags: Vec<(String, u32)> = declared("Tag")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//") && !line.starts_with('#'))
        .map(|line| {
            let (name, number) = line
                .trim_end_matches(',')
                .split_once(" = ")
                .expect("each of Tag's variants is `Name = number,`");
            (name.to_owned(), number.parse().expect("a tag is a number"))
        })
        .collect();
    let fixed = tags
        .iter()
        .find(|(name, _)| name == "Fixed")
        .map(|&(_, number)| number)
        .expect("Tag has Fixed");
    for (name, number) in &tags {
        assert!(
            *number <= fixed,
            "Tag::{name} is {number}, above Tag::Fixed ({fixed}): any word from Fixed up is a fixed string"
        );
    }
    let constants: Vec<String> = tags
        .iter()
        .map(|(name, number)| format!("const TAG_{} = {number};\n", name.to_uppercase()))
        .collect();
    format!("{TAGS_START}\n{}{TAGS_END}", constants.concat())
}

const HEAD_START: &str = "// <generated: record head> from src/report_record.rs by tests/generated.rs; do not edit by hand.";
const HEAD_END: &str = "// </generated: record head>";

/// The reader's constants for a diagnostic's head word in js/text-path.mjs
/// (its fields' masks and shifts), for a fixed string's word, and how many
/// fixed strings it keeps at their numbers: the core's (`CODE_MASK`,
/// `SHAPE_SHIFT`, `SHAPE_MASK`, `FIX_BIT`, `PARAMS_SHIFT`, `PARAMS_COUNTED`,
/// `FIXED_SHIFT`, `FIXED_NUMBERS`; the core checks each mask against its
/// shift), so that the writer and the reader never drift apart. One region,
/// before any statement that may run code, so that esbuild writes each
/// number in place.
fn record_head() -> String {
    format!(
        "{HEAD_START}\n\
         const HEAD_CODE = {};\n\
         const HEAD_SHAPE_SHIFT = {};\n\
         const HEAD_SHAPE = {};\n\
         const HEAD_FIX = {};\n\
         const HEAD_PARAMS_SHIFT = {};\n\
         const HEAD_PARAMS_COUNTED = {};\n\
         const FIXED_SHIFT = {};\n\
         const FIXED_NUMBERS = {};\n\
         {HEAD_END}",
        declared_number("CODE_MASK"),
        declared_number("SHAPE_SHIFT"),
        declared_number("SHAPE_MASK"),
        declared_number("FIX_BIT"),
        declared_number("PARAMS_SHIFT"),
        declared_number("PARAMS_COUNTED"),
        declared_number("FIXED_SHIFT"),
        declared_number("FIXED_NUMBERS"),
    )
}

/// Every generated file: (path from the repository root, whole content).
/// Files of which only a region is generated are handled by [`regions`].
fn whole_files() -> Vec<(PathBuf, String)> {
    let mut files = vec![
        (PathBuf::from("docs/rules/README.md"), rules_document()),
        (PathBuf::from("js/codes.mjs"), codes_module()),
        (PathBuf::from("js/codes.d.ts"), codes_declarations()),
        (PathBuf::from("js/cli/rules.json"), cli_rules()),
        (PathBuf::from("src/walked/generated.rs"), reader_code()),
        (
            PathBuf::from("src/report_record/shapes.rs"),
            record_shapes(),
        ),
    ];
    for rule in rules() {
        files.push((Path::new("docs/rules").join(rule.page()), rule_page(rule)));
    }
    files
}

/// (file, start marker, end marker, content including both markers).
fn regions() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        ("README.md", README_START, README_END, readme_codes()),
        ("README.md", FIXES_START, FIXES_END, readme_fixes()),
        ("index.d.ts", TS_START, TS_END, typescript_codes()),
        ("js/text-path.mjs", WALKER_START, WALKER_END, walker_code()),
        (
            "js/text-path.mjs",
            LITERALS_START,
            LITERALS_END,
            params_literals(),
        ),
        ("js/text-path.mjs", TAGS_START, TAGS_END, tags()),
        ("js/text-path.mjs", HEAD_START, HEAD_END, record_head()),
    ]
}

fn update() -> bool {
    std::env::var_os("UPDATE_GENERATED").is_some()
}

#[test]
fn generated_files_are_current() {
    let mut stale = Vec::new();
    for (path, content) in whole_files() {
        let full = root().join(&path);
        if fs::read_to_string(&full).ok().as_deref() == Some(content.as_str()) {
            continue;
        }
        if update() {
            fs::create_dir_all(full.parent().expect("a folder")).expect("create the folder");
            fs::write(&full, content).expect("write");
        } else {
            stale.push(path.display().to_string());
        }
    }
    for (file, start, end, content) in regions() {
        let full = root().join(file);
        let text = fs::read_to_string(&full).expect("readable");
        let (Some(from), Some(to)) = (text.find(start), text.find(end)) else {
            panic!("{file} needs the markers {start:?} and {end:?} around its generated part");
        };
        let current = &text[from..to + end.len()];
        if current == content {
            continue;
        }
        if update() {
            let rewritten = format!("{}{content}{}", &text[..from], &text[to + end.len()..]);
            fs::write(&full, rewritten).expect("write");
        } else {
            stale.push(file.to_owned());
        }
    }
    // A page for a code that no longer exists would be a dead document.
    let pages: Vec<String> = rules().iter().map(|rule| rule.page()).collect();
    for entry in fs::read_dir(root().join("docs/rules")).expect("docs/rules") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name != "README.md" && !pages.contains(&name) {
            if update() {
                fs::remove_file(root().join("docs/rules").join(&name)).expect("remove");
            } else {
                stale.push(format!("docs/rules/{name} (no such code)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}; run {HOW} and review the diff"
    );
}

#[test]
fn the_help_addresses_are_the_package_repository() {
    let manifest = fs::read_to_string(root().join("pkg.json")).expect("pkg.json");
    assert!(
        manifest.contains(&format!("\"homepage\": \"{REPOSITORY}")),
        "pkg.json's homepage is not {REPOSITORY}: the SARIF helpUri would point elsewhere"
    );
}

// ---------------------------------------------------------------------------
// The registry is true to what the validator does.
// ---------------------------------------------------------------------------

fn judged(request: &str, options: &str) -> Vec<Diagnostic> {
    let request = Example::expand(request);
    let context = Context::at(NOW);
    if options.is_empty() {
        return validate_text(&request, &context).diagnostics;
    }
    let options = CallOptions::from_json_text(&Example::expand(options)).expect("valid options");
    validate_text(&request, &options.context(context)).diagnostics
}

#[test]
fn every_request_example_gets_its_code() {
    let mut wrong = Vec::new();
    for code in Code::ALL {
        let rule = code.rule();
        if let Example::Request { request, options } = rule.example {
            let found = judged(request, options);
            if !found.iter().any(|d| d.code == *code) {
                let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
                wrong.push(format!("{}: got {codes:?}", rule.code));
            }
        }
    }
    assert!(wrong.is_empty(), "examples without their code: {wrong:#?}");
}

/// Whether `value` has the TypeScript type `ty`.
fn has_type(value: &Value, ty: &str) -> bool {
    match (ty, value) {
        ("string", Value::String(_)) => true,
        ("number", Value::Number(Number::Int(_))) => true,
        ("string[]", Value::Array(items)) => items.iter().all(|i| matches!(i, Value::String(_))),
        _ => false,
    }
}

fn misfits(diagnostic: &Diagnostic) -> Vec<String> {
    let rule = diagnostic.code.rule();
    let mut out = Vec::new();
    for (name, value) in &diagnostic.params {
        match rule.params.iter().find(|param| param.name == *name) {
            None => out.push(format!("{}: undeclared param {name}", rule.code)),
            Some(param) if !has_type(value, param.ty) => {
                out.push(format!("{}: {name} is not {}", rule.code, param.ty))
            }
            Some(_) => {}
        }
    }
    if !diagnostic.fix.is_empty() && rule.autofix.is_empty() {
        out.push(format!("{}: a fix its doc does not describe", rule.code));
    }
    for param in rule.params.iter().filter(|param| !param.optional) {
        if !diagnostic
            .params
            .iter()
            .any(|(name, _)| *name == param.name)
        {
            out.push(format!(
                "{}: required param {} missing",
                rule.code, param.name
            ));
        }
    }
    out
}

fn fixture_reports() -> Vec<Vec<Diagnostic>> {
    let mut reports = Vec::new();
    for kind in ["valid", "invalid", "operations", "locations"] {
        let folder = root().join("tests/fixtures").join(kind);
        let mut paths: Vec<PathBuf> = fs::read_dir(&folder)
            .expect("fixture folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| {
                let name = path.to_string_lossy();
                name.ends_with(".json")
                    && !name.ends_with(".expected.json")
                    && !name.ends_with(".options.json")
            })
            .collect();
        paths.sort();
        for path in paths {
            let text = fs::read_to_string(&path).expect("fixture");
            let context = Context::at(NOW);
            let report = if kind == "locations" {
                let (request, options) = common::location_fixture(&text);
                validate_value(&request, &options.context(context))
            } else {
                match fs::read_to_string(path.with_extension("options.json")) {
                    Ok(options) => {
                        let options = CallOptions::from_json_text(&options).expect("options");
                        validate_text(&text, &options.context(context))
                    }
                    Err(_) => validate_text(&text, &context),
                }
            };
            reports.push(report.diagnostics);
        }
    }
    reports
}

#[test]
fn every_diagnostic_carries_the_params_and_fix_its_code_declares() {
    let mut reports = fixture_reports();
    for code in Code::ALL {
        if let Example::Request { request, options } = code.rule().example {
            reports.push(judged(request, options));
        }
    }
    // The diagnostics only JavaScript input produces, built by the boundary.
    reports.push(vec![too_deep_to_serialize(), not_serializable("a cycle")]);
    reports.push(schedule_not_a_string().diagnostics);
    let problems: Vec<String> = reports.iter().flatten().flat_map(misfits).collect();
    assert!(
        problems.is_empty(),
        "params unlike the registry: {problems:#?}"
    );
}

#[test]
fn the_params_check_catches_an_undeclared_or_missing_member_and_an_undocumented_fix() {
    let undeclared =
        Diagnostic::new(Code::TagReservedPrefix, "/Tags/0/Key", "m").with("prefix", "aws:");
    assert_eq!(
        misfits(&undeclared),
        ["tag/reserved-prefix: undeclared param prefix"]
    );
    let missing = Diagnostic::new(Code::TooManyItems, "/Tags", "m").with("max", 50usize);
    assert_eq!(
        misfits(&missing),
        ["list/too-many-items: required param count missing"]
    );
    let wrong = Diagnostic::new(Code::JsonSyntax, "", "m")
        .with("line", "1")
        .with("column", 1usize);
    assert_eq!(misfits(&wrong), ["json/syntax-error: line is not number"]);
    let fixed =
        Diagnostic::new(Code::TagReservedPrefix, "/Tags/0/Key", "m").with_replacement("team");
    assert_eq!(
        misfits(&fixed),
        ["tag/reserved-prefix: a fix its doc does not describe"]
    );
}
