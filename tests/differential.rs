//! The two text paths agree: for every generated request and context,
//! `validate_text` (the public entry, which may take a fast single pass and
//! fall back to the general path on anything unusual) gives the same report
//! as `validate_text_by_tree` (the general path: parse into a tree, walk it),
//! field for field and byte for byte as JSON text.
//!
//! The requests are generated from the schema table (`schema::Operation`'s
//! members, shapes, enums, patterns, lengths and minimums), so the generator
//! follows the model as it changes. 35 in 100 are valid member by member;
//! 30 in 100 have exactly one near miss, at a member of the table chosen
//! evenly; 15 in 100 have two to five (the problems of a request written by
//! hand); these two kinds are mostly written without escapes, so that the
//! single pass reports their problems itself (the run prints how many
//! requests each path judged); the rest carry many of the mutations a fast path is most likely to
//! get wrong: unknown and near-miss member names, wrong JSON types, values
//! one off an enum or a boundary, lengths at and past the limits, escapes
//! (`\u0041`, `\/`, surrogate pairs, lone surrogates), duplicate members, big
//! integers, floats, `-0`, exponents, numbers JSON does not allow, whitespace
//! and member order, deep nesting, truncated and broken text, roots that are
//! not objects, a byte-order mark. The context
//! varies too: the operation (sometimes not the request's own), the time, a
//! clock, location descriptions and the existing task.
//!
//! Every request is derived from the seed and its index alone, so one request
//! can be replayed. Settings (environment variables):
//!
//! - `DIFFERENTIAL_REQUESTS`: how many requests (default 20,000; CI runs
//!   1,000,000 in release mode, see scripts/test.sh);
//! - `DIFFERENTIAL_SEED`: the seed, decimal or `0x` hexadecimal (default below);
//! - `DIFFERENTIAL_INDEX`: run only the request with this index;
//! - `DIFFERENTIAL_THREADS`: how many threads share the requests (default:
//!   the available parallelism, at most 8); the result does not depend on it.
//!
//! ```sh
//! DIFFERENTIAL_REQUESTS=1000000 cargo test --release --test differential -- --nocapture
//! DIFFERENTIAL_SEED=0x5eed DIFFERENTIAL_INDEX=4711 cargo test --test differential -- --nocapture
//! ```
//!
//! On a difference the test fails with the seed, the index, and the simplest
//! request and context it could shrink the difference to (members and items
//! dropped, plain whitespace, fewer descriptions), with both reports.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

mod common;

use common::shrink::{greedy, smaller, Tree};
use datasync_task_validator::internal::patterns::PARTITIONS;
use datasync_task_validator::internal::request::TaskMode;
use datasync_task_validator::internal::schema::{option_members, Member, Shape, StringRule};
use datasync_task_validator::internal::walked::{judged_by, validate_walked, walk, Judged};
use datasync_task_validator::internal::{single_pass_verdict, SinglePass};
use datasync_task_validator::json::parse;
use datasync_task_validator::{
    validate_text, validate_text_by_tree, Code, Context, Location, LocationType, Operation,
    Pattern, Report, Task,
};

/// The seed when `DIFFERENTIAL_SEED` is not set.
const DEFAULT_SEED: u64 = 0x0d1f_f5ee_d016_0001;

/// How many requests when `DIFFERENTIAL_REQUESTS` is not set: enough for
/// every mutation in a debug build in well under a minute.
const DEFAULT_REQUESTS: u64 = 20_000;

// ---------------------------------------------------------------------------
// The generated document: a JSON tree that can also hold what JSON values
// cannot (escapes chosen per character, duplicate names, broken literals), so
// the same request can be rendered, mutated and shrunk.
// ---------------------------------------------------------------------------

/// A node of a generated document.
#[derive(Clone, Debug)]
enum Node {
    /// A string; the renderer chooses how each character is escaped.
    Str(String),
    /// A string whose body (between the quotes) is written exactly as given:
    /// lone surrogates, escapes the renderer would not choose, broken escapes.
    RawStr(String),
    /// A literal written exactly as given: numbers, `true`, `false`, `null`.
    Raw(String),
    /// An array.
    Arr(Vec<Node>),
    /// An object; names may repeat. A name is a `Str` or a `RawStr`.
    Obj(Vec<(Node, Node)>),
}

fn text(value: &str) -> Node {
    Node::Str(value.to_owned())
}

fn raw(literal: impl ToString) -> Node {
    Node::Raw(literal.to_string())
}

/// How a document is written out.
#[derive(Clone, Copy, Debug)]
struct Style {
    /// Seeds the per-character and per-token choices.
    seed: u64,
    /// In a thousand characters, how many are escaped though they need not be.
    escapes: u32,
    /// 0: none between tokens; 1: one space after `:` and `,`; 2: pretty;
    /// 3: random runs of the four JSON whitespace characters anywhere.
    spacing: u8,
}

/// Writes a [`Node`] as text in a [`Style`].
struct Renderer {
    rng: fastrand::Rng,
    style: Style,
    out: String,
}

impl Renderer {
    fn render(node: &Node, style: Style) -> String {
        let mut renderer = Renderer {
            rng: fastrand::Rng::with_seed(style.seed),
            style,
            out: String::new(),
        };
        renderer.space(0);
        renderer.node(node, 0);
        renderer.space(0);
        renderer.out
    }

    /// Whitespace between two tokens at nesting `depth`.
    fn space(&mut self, depth: usize) {
        match self.style.spacing {
            2 => {
                self.out.push('\n');
                for _ in 0..depth {
                    self.out.push_str("  ");
                }
            }
            3 => {
                for _ in 0..self.rng.usize(..3) {
                    self.out
                        .push_str(["\t", "\n", "\r\n", " ", "\r"][self.rng.usize(..5)]);
                }
            }
            _ => {}
        }
    }

    fn after_separator(&mut self, depth: usize) {
        if self.style.spacing == 1 {
            self.out.push(' ');
        } else {
            self.space(depth);
        }
    }

    fn node(&mut self, node: &Node, depth: usize) {
        match node {
            Node::Str(value) => self.string(value),
            Node::RawStr(body) => {
                self.out.push('"');
                self.out.push_str(body);
                self.out.push('"');
            }
            Node::Raw(literal) => self.out.push_str(literal),
            Node::Arr(items) => {
                self.out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.out.push(',');
                    }
                    self.after_separator(depth + 1);
                    self.node(item, depth + 1);
                }
                if !items.is_empty() {
                    self.space(depth);
                }
                self.out.push(']');
            }
            Node::Obj(members) => {
                self.out.push('{');
                for (index, (name, value)) in members.iter().enumerate() {
                    if index > 0 {
                        self.out.push(',');
                    }
                    self.after_separator(depth + 1);
                    self.node(name, depth + 1);
                    if self.style.spacing == 3 {
                        self.space(depth + 1);
                    }
                    self.out.push(':');
                    self.after_separator(depth + 1);
                    self.node(value, depth + 1);
                }
                if !members.is_empty() {
                    self.space(depth);
                }
                self.out.push('}');
            }
        }
    }

    fn string(&mut self, value: &str) {
        self.out.push('"');
        for c in value.chars() {
            let optional = self.style.escapes > 0 && self.rng.u32(..1000) < self.style.escapes;
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' if !optional => self.out.push_str("\\n"),
                '\t' if !optional => self.out.push_str("\\t"),
                '\r' if !optional => self.out.push_str("\\r"),
                '\u{8}' if !optional => self.out.push_str("\\b"),
                '\u{c}' if !optional => self.out.push_str("\\f"),
                '/' if optional && self.rng.bool() => self.out.push_str("\\/"),
                c if optional || c < ' ' => self.escape(c),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// `c` as `\uXXXX`, or a surrogate pair of them, in either hex case.
    fn escape(&mut self, c: char) {
        let mut units = [0u16; 2];
        let upper = self.rng.bool();
        for unit in c.encode_utf16(&mut units) {
            if upper {
                let _ = write!(self.out, "\\u{:04X}", unit);
            } else {
                let _ = write!(self.out, "\\u{:04x}", unit);
            }
        }
    }
}

/// A change made to the rendered text: what a tree cannot express.
#[derive(Clone, Debug)]
enum TextChange {
    /// A UTF-8 byte-order mark in front (ignored, as `JSON.parse` callers strip it).
    ByteOrderMark,
    /// Cut after this many thousandths of the text (at a character boundary).
    Truncate(u32),
    /// This text inserted at this many thousandths of the text.
    Insert(u32, &'static str),
    /// This text appended.
    Append(&'static str),
}

fn apply(change: &TextChange, text: String) -> String {
    let at = |thousandths: u32, text: &str| {
        let mut at = text.len() * thousandths as usize / 1000;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match change {
        TextChange::ByteOrderMark => format!("\u{feff}{text}"),
        TextChange::Truncate(thousandths) => {
            let cut = at(*thousandths, &text);
            text[..cut].to_owned()
        }
        TextChange::Insert(thousandths, token) => {
            let mut text = text;
            let position = at(*thousandths, &text);
            text.insert_str(position, token);
            text
        }
        TextChange::Append(tail) => text + tail,
    }
}

/// One generated request: everything needed to write its text again.
#[derive(Clone, Debug)]
struct Case {
    document: Node,
    style: Style,
    change: Option<TextChange>,
}

impl Case {
    fn text(&self) -> String {
        let text = Renderer::render(&self.document, self.style);
        match &self.change {
            Some(change) => apply(change, text),
            None => text,
        }
    }
}

// ---------------------------------------------------------------------------
// The context a request is judged in.
// ---------------------------------------------------------------------------

/// What a [`Context`] borrows, owned.
#[derive(Clone, Debug)]
struct Setting {
    operation: Operation,
    now_unix: Option<i64>,
    clock: bool,
    locations: Vec<Location>,
    task: Option<Task>,
}

/// The clock a context may carry: fixed, so that runs repeat.
fn fixed_clock() -> Option<i64> {
    Some(1_767_225_600) // 2026-01-01T00:00:00Z
}

impl Setting {
    fn context(&self) -> Context<'_> {
        let mut context = Context {
            now_unix: self.now_unix,
            clock: self.clock.then_some(fixed_clock as fn() -> Option<i64>),
            ..Context::default()
        }
        .for_operation(self.operation)
        .with_locations(&self.locations);
        if let Some(task) = &self.task {
            context = context.with_task(task);
        }
        context
    }
}

// ---------------------------------------------------------------------------
// Values for the model's patterns, schedules and locations.
// ---------------------------------------------------------------------------

const REGIONS: &[&str] = &["us-east-1", "eu-west-3", "cn-north-1", "us-gov-west-1", "x"];
const ACCOUNTS: &[&str] = &["111122223333", "000000000000", "123456789012"];

/// Location ARNs that requests and location descriptions share, so that
/// descriptions apply and source and destination are sometimes the same.
const LOCATIONS: &[&str] = &[
    "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
    "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210",
    "arn:aws:datasync:us-east-1:111122223333:location/loc-11111111111111111",
    "arn:aws-cn:datasync:cn-north-1:123456789012:location/loc-abcdefghijklmnopq",
];

/// Task ARNs that requests and task descriptions share.
const TASKS: &[&str] = &[
    "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0",
    "arn:aws:datasync:us-east-1:111122223333:task/task-0fedcba9876543210",
];

/// Schedules: valid, invalid, too frequent, never or no longer firing, odd spellings.
const SCHEDULES: &[&str] = &[
    "",
    "rate(1 hour)",
    "rate(12 hours)",
    "rate(2 days)",
    "rate(7 days)",
    "rate(1 day)",
    "rate(1 minute)",
    "rate(30 minutes)",
    "rate(60 minutes)",
    "rate(0 hours)",
    "rate(1 hours)",
    "rate(2 hour)",
    "rate(99999999999999999999 hours)",
    "rate(",
    "rate()",
    "RATE(1 hour)",
    "cron(0 2 ? * MON-FRI *)",
    "cron(0 8 * * ? *)",
    "cron(0 0 1 * ? *)",
    "cron(15 10 ? * 6L 2030-2040)",
    "cron(0 12 ? * 2#1 *)",
    "cron(0 8 ? * 4#1 *)",
    "cron(0 0 L * ? *)",
    "cron(0 0 1W * ? *)",
    "cron(0 */6 * * ? *)",
    "cron(0 0 29 2 ? *)",
    "cron(* * * * ? *)",
    "cron(0/5 * * * ? *)",
    "cron(0 8 * * 3#1)",
    "cron(0 0 31 2 ? *)",
    "cron(0 0 30 2 ? *)",
    "cron(0 0 31 4,6,9,11 ? *)",
    "cron(0 0 1 1 ? 2020)",
    "cron(0 0 1 1 ? 1970-2025)",
    "cron(0 0 * * ? 2199)",
    "cron(0 8 ? * 4#6 *)",
    "cron(0 0 L W # ?)",
    "cron(0 8 * * * *)",
    "cron(60 0 * * ? *)",
    "cron(0 24 * * ? *)",
    "cron(0 0 ? * mon *)",
    "cron( 0 0 * * ? * )",
    "cron(0\t0 * * ? *)",
    "cron()",
    "cron(0 0 * * ? *);",
    "cron(0 0 * * ? *) ",
    "cron(0 0 ? * 7L *)",
    "cron(0 0 15W 2 ? 2027)",
    "cron(5,35 14 * * ? *)",
    "cron(0 23-1 * * ? *)",
    "cron(0 0 ? * SAT-MON *)",
    "cron(0 0 1/40 * ? *)",
    "cron(0 0 L-3 * ? *)",
    "cron(0 0 ? JAN-MAR,NOV * *)",
];

const CRON_FIELDS: [&[&str]; 6] = [
    &["0", "*/5", "15", "0,30", "60", "5-10", "*", "59", "0/15"],
    &["*", "0", "8", "*/6", "23", "24", "1-5/2", "22-2"],
    &["*", "?", "1", "L", "15W", "31", "L-2", "0", "29", "1-31/10"],
    &["*", "1", "2", "JAN", "FEB-MAR", "13", "*/3", "DEC", "4,6"],
    &["?", "*", "MON-FRI", "2#1", "6L", "SUN", "8", "1-7", "FRI#5"],
    &[
        "*",
        "2027",
        "2020",
        "2030-2040",
        "2199",
        "*/2",
        "2026",
        "1969",
    ],
];

const FILTERS: &[&str] = &[
    "/photos|/docs*",
    "*.tmp",
    "/a*b",
    "a||b",
    "|x",
    "x|",
    "/folder",
    "*",
    "/x**",
    "photos",
    "/\u{e9}/\u{fc}",
    "/a|/b|/c*",
    "*.tmp|/scratch|*/.snapshot",
    "/projects|/home/reports*",
];

const TAG_KEYS: &[&str] = &[
    "team",
    "cost-center",
    "Name",
    "a b",
    "x/y:z",
    "aws:reserved",
    "AWS:upper",
    "k=v+1._-",
    "tab\there",
];

/// Characters that at least one pattern does not allow.
const BAD_CHARS: &[char] = &[
    '*',
    '\0',
    '\n',
    '\u{2028}',
    '\u{e9}',
    '\u{a0}',
    '\t',
    '@',
    ':',
    '|',
    ';',
    '"',
    '\\',
    '\u{1f600}',
    '#',
    ' ',
    'A',
    '\u{85}',
    '\u{feff}',
];

/// Near misses and strangers for member names.
const STRANGERS: &[&str] = &[
    "__proto__",
    "constructor",
    "a/b~c",
    "",
    "\u{e9}",
    "Unknown",
    "TaskArn",
    "OverrideOptions",
    "Options",
    "TaskMode",
    "Tags",
    "Schedule",
    "Name",
    "VerifyMode",
    "ScheduleExpression",
    "S3BucketArn",
    "ReportLevel",
    "Key",
    "Value",
    "LogLevel",
    "Name\u{0}",
    "Opt\"ions",
    "Options\\",
    "Option",
    "\u{feff}Name",
];

/// Number literals, some not integers at all.
const ODD_NUMBERS: &[&str] = &[
    "-0",
    "0.0",
    "-0.0",
    "1e3",
    "1E+3",
    "1e-3",
    "1.5",
    "-1.0",
    "1048576.0",
    "0e0",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "100000000000000000000000000000000000000000",
    "1e999",
    "-1e-999",
];

/// Numbers JSON does not allow, where a number goes.
const BROKEN_NUMBERS: &[&str] = &[
    "01", "-01", "00", "-00", "1.", ".5", "+1", "1e", "1e+", "-", "0x10", "1_000", "Infinity",
    "NaN", "- 1", "--1", "1-",
];

/// Tokens spliced into text to break it (or, for some, not).
const TOKENS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "tru", "-", "0", "01", "+1", ".5", "1.",
    "\\x", "\\u12", "\u{0}", "\u{1}", " ", "\n", "//", "/*", "'", "\u{feff}", "NaN",
];

/// Text appended after the document.
const TAILS: &[&str] = &["", " ", "\n", ",", "}", "]", "x", "{}", "\u{0}", "\u{a0}"];

// ---------------------------------------------------------------------------
// Coverage: which members of the schema table appeared valid and invalid.
// ---------------------------------------------------------------------------

/// For each member of the table (by `Operation/Parent/Member`, `[]` for list
/// items): how often it appeared valid and invalid.
#[derive(Default)]
struct Coverage(BTreeMap<String, [u64; 2]>);

impl Coverage {
    fn saw(&mut self, path: &str, valid: bool) {
        let slot = usize::from(!valid);
        match self.0.get_mut(path) {
            Some(counts) => counts[slot] += 1,
            None => {
                let mut counts = [0; 2];
                counts[slot] = 1;
                self.0.insert(path.to_owned(), counts);
            }
        }
    }
}

/// Every member path of the schema table, as [`Coverage`] names them.
fn table_members() -> &'static [String] {
    static MEMBERS: OnceLock<Vec<String>> = OnceLock::new();
    MEMBERS.get_or_init(walk_table)
}

fn walk_table() -> Vec<String> {
    fn walk(shape: &'static Shape, at: &str, out: &mut Vec<String>) {
        match shape {
            Shape::Structure(members) => {
                for member in *members {
                    let path = format!("{at}/{}", member.name);
                    out.push(path.clone());
                    walk(member.shape, &path, out);
                }
            }
            Shape::List { item, .. } => walk(item, &format!("{at}/[]"), out),
            Shape::String(_) | Shape::Long { .. } => {}
        }
    }
    let mut out = Vec::new();
    for operation in Operation::ALL {
        walk(operation.request(), operation.as_str(), &mut out);
    }
    out
}

// ---------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------

/// How much a request is mutated.
#[derive(Clone, Copy, PartialEq)]
enum Mood {
    /// Every value valid for its member (cross-field rules may still object).
    Clean,
    /// Each value mutated with a probability of about one in `n`.
    Mutated(u32),
    /// Every value valid but the one of `Generator::targets`: a single near
    /// miss, which a single pass must notice on its own.
    Targeted,
    /// Every value valid but those of `Generator::targets`, two to five: the
    /// several problems of a request written by hand, which the single pass
    /// reports itself when it can.
    Several,
}

struct Generator<'c> {
    rng: fastrand::Rng,
    coverage: &'c mut Coverage,
    mood: Mood,
    /// In a hundred, how often an optional member is present.
    presence: u32,
    /// The members that get the near misses of a [`Mood::Targeted`] or
    /// [`Mood::Several`] request.
    targets: Vec<String>,
    /// The location and task ARNs the request names, for the context.
    named_locations: Vec<String>,
    named_task: Option<String>,
}

impl Generator<'_> {
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.rng.u32(..100) < percent
    }

    /// Whether the target member lies inside the member or item at `path`.
    fn leads_to_target(&self, path: &str) -> bool {
        self.targets.iter().any(|target| {
            target
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    fn mutate(&mut self) -> bool {
        match self.mood {
            Mood::Clean => false,
            Mood::Mutated(n) => self.rng.u32(..n) == 0,
            Mood::Targeted | Mood::Several => false,
        }
    }

    /// One request and the context it is judged in.
    fn case(&mut self) -> (Case, Setting) {
        let operation = self.pick(Operation::ALL);
        self.mood = match self.rng.u32(..20) {
            0..=6 => Mood::Clean,
            7..=12 => Mood::Targeted,
            13..=15 => Mood::Several,
            _ => Mood::Mutated(self.pick(&[4, 8, 16, 40])),
        };
        let messy = matches!(self.mood, Mood::Mutated(_));
        self.targets.clear();
        let targets = match self.mood {
            Mood::Targeted => 1,
            Mood::Several => 2 + self.rng.usize(..4),
            _ => 0,
        };
        // Any members of the operation's table, each as likely.
        let members: Vec<&String> = table_members()
            .iter()
            .filter(|path| path.split('/').next() == Some(operation.as_str()))
            .collect();
        for _ in 0..targets {
            let target = self.pick(&members).clone();
            self.targets.push(target);
        }
        self.presence = self.pick(&[20, 50, 80, 100]);
        let mut document = self.structure(operation.members(), operation.as_str(), true);
        let mut change = None;
        if messy {
            match self.rng.u32(..100) {
                0..=2 => document = self.other_root(document),
                3..=4 => change = Some(TextChange::ByteOrderMark),
                5..=7 => change = Some(TextChange::Truncate(self.rng.u32(..1000))),
                8..=10 => {
                    change = Some(TextChange::Insert(self.rng.u32(..1000), self.pick(TOKENS)))
                }
                11..=12 => change = Some(TextChange::Append(self.pick(TAILS))),
                13 => self.deep(&mut document),
                14 if self.chance(10) => self.many_members(&mut document),
                _ => {}
            }
        }
        // Most texts without needless escapes: a single pass may leave escaped
        // text to the general path, and what it reads itself needs testing most.
        let style = Style {
            seed: self.rng.u64(..),
            escapes: if matches!(self.mood, Mood::Targeted | Mood::Several) && self.chance(80) {
                0
            } else {
                self.pick(&[0, 0, 0, 0, 0, 5, 50, 300, 1000])
            },
            spacing: self.rng.u8(..4),
        };
        let setting = self.setting(operation);
        (
            Case {
                document,
                style,
                change,
            },
            setting,
        )
    }

    /// An object of `members`, mostly valid; `root` for the request itself.
    fn structure(&mut self, members: &'static [Member], at: &str, root: bool) -> Node {
        let mut out: Vec<(Node, Node)> = Vec::new();
        // Members given twice, both times with a valid value: only the last counts.
        let mut twice: Vec<(Node, Node)> = Vec::new();
        for member in members {
            let path = format!("{at}/{}", member.name);
            let targeted = self.targets.contains(&path);
            let present = if targeted {
                // A required member left out is a near miss too.
                !(member.required && self.chance(15))
            } else if self.leads_to_target(&path) {
                true
            } else if member.required {
                !self.mutate()
            } else {
                self.chance(self.presence)
            };
            if !present {
                continue;
            }
            // The target's near miss: a value (mostly), the member given twice,
            // or a misspelt name beside it.
            let miss = if targeted { self.rng.u32(..100) } else { 100 };
            let (value, valid) = if miss < 70 || self.mutate() {
                self.invalid(member.shape, &path)
            } else {
                (self.valid(member.shape, &path), true)
            };
            self.coverage.saw(&path, valid);
            out.push((self.name(member.name), value));
            if (70..85).contains(&miss) {
                let again = self.valid(member.shape, &path);
                twice.push((text(member.name), again));
            } else if (85..100).contains(&miss) {
                let misspelt = match self.rng.u32(..3) {
                    0 => member.name.to_lowercase(),
                    _ => near_miss(&mut self.rng, member.name),
                };
                if members.iter().all(|known| known.name != misspelt) {
                    let value = self.valid(member.shape, &path);
                    twice.push((Node::Str(misspelt), value));
                }
            }
            if self.mutate() && self.chance(30) {
                let again = self.valid(member.shape, &path);
                twice.push((self.name(member.name), again));
            }
        }
        for member in twice {
            let at = self.rng.usize(..=out.len());
            out.insert(at, member);
        }
        if self.mutate() {
            let name = self.stranger(members, root);
            let value = self.any_value(2);
            let at = self.rng.usize(..=out.len());
            out.insert(at, (name, value));
        }
        if !out.is_empty() && self.mutate() {
            // A duplicate: the same value again, or another one.
            let (name, value) = out[self.rng.usize(..out.len())].clone();
            let value = if self.chance(50) {
                value
            } else {
                self.any_value(1)
            };
            let at = self.rng.usize(..=out.len());
            out.insert(at, (name, value));
        }
        if self.chance(15) {
            self.rng.shuffle(&mut out);
        }
        Node::Obj(out)
    }

    /// A member name as written: mostly plain, sometimes escaped by the
    /// renderer, sometimes with a lone surrogate.
    fn name(&mut self, name: &str) -> Node {
        if self.mutate() && self.chance(5) {
            Node::RawStr(format!("{name}\\udc00"))
        } else {
            text(name)
        }
    }

    /// A name that is not a member here: a near miss of a sibling, a member
    /// of another operation or level, or a stranger.
    fn stranger(&mut self, members: &'static [Member], root: bool) -> Node {
        let sibling = members[self.rng.usize(..members.len())].name;
        let name = match self.rng.u32(..6) {
            0 => sibling.to_lowercase(),
            1 => near_miss(&mut self.rng, sibling),
            2 => format!("{sibling} "),
            3 if root => {
                let other = self.pick(Operation::ALL).members();
                other[self.rng.usize(..other.len())].name.to_owned()
            }
            _ => self.pick(STRANGERS).to_owned(),
        };
        if members.iter().any(|member| member.name == name) {
            Node::Str(format!("{name}x"))
        } else {
            Node::Str(name)
        }
    }

    /// A valid value of `shape`.
    fn valid(&mut self, shape: &'static Shape, path: &str) -> Node {
        match shape {
            Shape::Structure(members) => self.structure(members, path, false),
            Shape::List { item, max_items } => {
                let item_path = format!("{path}/[]");
                let count = match self.rng.u32(..20) {
                    0 if !self.leads_to_target(&item_path) => 0,
                    1 => *max_items,
                    _ => self.rng.usize(1..=(*max_items).min(3)),
                };
                Node::Arr((0..count).map(|_| self.valid(item, &item_path)).collect())
            }
            Shape::String(rule) => Node::Str(self.valid_string(rule, path)),
            Shape::Long { minimum } => raw(match self.rng.u32(..8) {
                0 => *minimum,
                1 => minimum.saturating_add(1),
                2 => 0,
                3 => i64::MAX,
                4 => (1 << 53) + 1,
                5 => 1_048_576,
                _ => self.rng.i64(*minimum..=1 << 40),
            }),
        }
    }

    /// A string the member's rule accepts (its length within the limits).
    fn valid_string(&mut self, rule: &StringRule, path: &str) -> String {
        if !rule.allowed.is_empty() {
            return self.pick(rule.allowed).to_owned();
        }
        let Some(pattern) = rule.pattern else {
            return "free text".to_owned();
        };
        if self.chance(5) {
            let length = if self.chance(50) {
                rule.max_length
            } else {
                rule.min_length
            };
            // The longest limit (a filter's 102,400 characters) only now and then.
            let length = length.filter(|&n| n <= 4096 || self.chance(2));
            let wide = self.rng.bool();
            if let Some(value) = length
                .and_then(|n| of_length(pattern, n, wide))
                .filter(|value| pattern.matches(value))
            {
                return value;
            }
        }
        for _ in 0..1000 {
            let value = self.sample(pattern, path);
            let length = value.chars().count();
            if rule.min_length.is_none_or(|min| length >= min)
                && rule.max_length.is_none_or(|max| length <= max)
                && pattern.matches(&value)
            {
                return value;
            }
        }
        panic!("the generator has no valid sample for {path} ({pattern:?})")
    }

    /// A value meant to match `pattern`; cross-field rules may still object
    /// (an unknown schedule, a reserved tag key), and rarely it does not match.
    fn sample(&mut self, pattern: Pattern, path: &str) -> String {
        let partition = self.pick(&PARTITIONS);
        let region = self.pick(REGIONS);
        let account = self.pick(ACCOUNTS);
        match pattern {
            Pattern::LocationArn => {
                let arn = if self.chance(90) {
                    self.pick(LOCATIONS).to_owned()
                } else {
                    let id = id(&mut self.rng, b"0123456789abcdefghijklmnopqrstuvwxyz", 17);
                    format!("arn:{partition}:datasync:{region}:{account}:location/loc-{id}")
                };
                self.named_locations.push(arn.clone());
                arn
            }
            Pattern::TaskArn => {
                let arn = if self.chance(90) {
                    self.pick(TASKS).to_owned()
                } else {
                    let id = id(&mut self.rng, b"0123456789abcdef", 17);
                    format!("arn:{partition}:datasync:{region}:{account}:task/task-{id}")
                };
                self.named_task = Some(arn.clone());
                arn
            }
            Pattern::LogGroupArn => {
                let name = self.pick(&["/aws/datasync", "my-logs", "/aws/datasync/x", "", "a.b#c"]);
                let star = if self.chance(50) { ":*" } else { "" };
                format!("arn:{partition}:logs:{region}:{account}:log-group:{name}{star}")
            }
            Pattern::TagKey => self.pick(TAG_KEYS).to_owned(),
            Pattern::TagValue => {
                if path.ends_with("/Name") {
                    self.pick(&["nightly-nfs-to-s3", "a", "ops@example.com", "x y"])
                        .to_owned()
                } else {
                    self.pick(&["storage", "4711", "ops@example.com", "a b", "=+-._:/@"])
                        .to_owned()
                }
            }
            Pattern::FilterType => "SIMPLE_PATTERN".to_owned(),
            Pattern::FilterValue => self.pick(FILTERS).to_owned(),
            Pattern::ScheduleExpression => {
                if self.chance(60) {
                    self.pick(SCHEDULES).to_owned()
                } else {
                    let fields: Vec<&str> = CRON_FIELDS.iter().map(|f| self.pick(f)).collect();
                    format!("cron({})", fields.join(" "))
                }
            }
            Pattern::S3Subdirectory => self
                .pick(&[
                    "reports/",
                    "prefix/manifest.csv",
                    "a b\u{a0}c/(x)+y.csv",
                    "",
                    "/",
                    "manifest.csv",
                ])
                .to_owned(),
            Pattern::IamRoleArn => {
                let role = self.pick(&["DataSyncS3Access", "service-role/x", "", "a:b*"]);
                format!("arn:{partition}:iam::{account}:role/{role}")
            }
            Pattern::S3BucketArn => match self.rng.u32(..4) {
                0 => format!("arn:{partition}:s3:::amzn-s3-demo-bucket"),
                1 => format!("arn:{partition}:s3:{region}:{account}:accesspoint/my-ap"),
                2 => format!(
                    "arn:{partition}:s3-outposts:{region}:{account}:outpost/op-01ac5d28a6a232904/accesspoint/ap"
                ),
                _ => "arn:aws:s3:::b.c_d-e".to_owned(),
            },
            Pattern::S3ObjectVersionId => self
                .pick(&[
                    "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo",
                    "null",
                    "v1",
                    "\u{e9}",
                ])
                .to_owned(),
        }
    }

    /// A value `shape` does not accept, and whether it is valid after all
    /// (a near miss that happens to match).
    fn invalid(&mut self, shape: &'static Shape, path: &str) -> (Node, bool) {
        if self.chance(25) {
            return (self.wrong_type(shape), false);
        }
        match shape {
            Shape::Structure(members) => {
                // Heavily mutated: required members often left out.
                let kept = self.mood;
                self.mood = Mood::Mutated(2);
                let value = self.structure(members, path, false);
                self.mood = kept;
                let Node::Obj(given) = &value else {
                    unreachable!("a structure is an object")
                };
                let complete = members
                    .iter()
                    .filter(|member| member.required)
                    .all(|member| {
                        given
                            .iter()
                            .any(|(name, _)| matches!(name, Node::Str(n) if n == member.name))
                    });
                (value, complete)
            }
            Shape::List { item, max_items } => {
                let item_path = format!("{path}/[]");
                let count = max_items + 1 + self.rng.usize(..2);
                let items = (0..count).map(|_| self.valid(item, &item_path)).collect();
                (Node::Arr(items), false)
            }
            Shape::String(rule) => self.invalid_string(rule, path),
            Shape::Long { minimum } => {
                let literal = match self.rng.u32(..5) {
                    0 => (minimum - 1).to_string(),
                    1 => i64::MIN.to_string(),
                    2 => self.pick(BROKEN_NUMBERS).to_owned(),
                    _ => self.pick(ODD_NUMBERS).to_owned(),
                };
                // "-0" is the integer 0, as JSON.parse and the SDKs read it.
                let valid = literal.parse::<i64>().is_ok_and(|n| n >= *minimum);
                (Node::Raw(literal), valid)
            }
        }
    }

    fn invalid_string(&mut self, rule: &StringRule, path: &str) -> (Node, bool) {
        let valid_now = |value: &str| {
            let length = value.chars().count();
            rule.min_length.is_none_or(|min| length >= min)
                && rule.max_length.is_none_or(|max| length <= max)
                && rule.pattern.is_none_or(|pattern| pattern.matches(value))
                && (rule.allowed.is_empty() || rule.allowed.contains(&value))
        };
        let good = self.valid_string(rule, path);
        let value = match self.rng.u32(..8) {
            0 => {
                // A lone surrogate: becomes U+FFFD, reported once.
                let cut = good.char_indices().nth(good.chars().count() / 2);
                let (head, tail) = good.split_at(cut.map_or(good.len(), |(at, _)| at));
                let body = format!("{}\\ud800{}", json_body(head), json_body(tail));
                return (Node::RawStr(body), false);
            }
            1 | 2 if !rule.allowed.is_empty() => {
                let other = self.pick(rule.allowed);
                match self.rng.u32(..5) {
                    0 => other.to_lowercase(),
                    1 => format!("{other} "),
                    2 => other[..other.len() - 1].to_owned(),
                    3 => near_miss(&mut self.rng, other),
                    _ => "NONE".to_owned(),
                }
            }
            3 => {
                // One past a length limit (or at the minimum less one).
                let length = match (rule.max_length, rule.min_length) {
                    // Past the longest limit (102,400) only now and then.
                    (Some(max), _) if max > 4096 && !self.chance(5) => Some(4097),
                    (Some(max), _) if self.chance(70) => Some(max + 1),
                    (_, Some(min)) if min > 0 => Some(min - 1),
                    (Some(max), _) => Some(max + 1),
                    _ => None,
                };
                let pattern = rule.pattern.unwrap_or(Pattern::S3ObjectVersionId);
                length
                    .and_then(|n| of_length(pattern, n, self.rng.bool()))
                    .unwrap_or_default()
            }
            4 => String::new(),
            5 => {
                let bad = self.pick(BAD_CHARS);
                let mut chars: Vec<char> = good.chars().collect();
                let at = self.rng.usize(..=chars.len());
                if at < chars.len() && self.chance(50) {
                    chars[at] = bad;
                } else {
                    chars.insert(at, bad);
                }
                chars.into_iter().collect()
            }
            6 => format!(" {good}"),
            _ => near_miss(&mut self.rng, &good),
        };
        let valid = valid_now(&value);
        (Node::Str(value), valid)
    }

    /// A value of another JSON type than `shape` wants.
    fn wrong_type(&mut self, shape: &'static Shape) -> Node {
        loop {
            let value = self.any_value(1);
            let fits = matches!(
                (shape, &value),
                (Shape::Structure(_), Node::Obj(_))
                    | (Shape::List { .. }, Node::Arr(_))
                    | (Shape::String(_), Node::Str(_))
            ) || matches!((shape, &value), (Shape::Long { .. }, Node::Raw(n)) if n.parse::<i64>().is_ok());
            if !fits {
                return value;
            }
        }
    }

    /// Any JSON value, nested at most `depth` more levels.
    fn any_value(&mut self, depth: u32) -> Node {
        match self.rng.u32(..if depth == 0 { 6 } else { 8 }) {
            0 => raw("null"),
            1 => raw(self.pick(&["true", "false"])),
            2 => raw(self.rng.i64(..)),
            3 => raw(self.pick(ODD_NUMBERS)),
            4 => text(self.pick(&["", "x", "1048576", "NONE", "true", "\u{e9}\u{1f600}"])),
            5 => Node::RawStr(
                self.pick(&["\\ud800", "a\\udfffb", "\\ud83d\\ude00", "\\u0041"])
                    .to_owned(),
            ),
            6 => Node::Arr(
                (0..self.rng.usize(..3))
                    .map(|_| self.any_value(depth - 1))
                    .collect(),
            ),
            _ => Node::Obj(
                (0..self.rng.usize(..3))
                    .map(|_| (text(self.pick(STRANGERS)), self.any_value(depth - 1)))
                    .collect(),
            ),
        }
    }

    /// The request as something other than an object.
    fn other_root(&mut self, document: Node) -> Node {
        match self.rng.u32(..6) {
            0 => Node::Arr(vec![document]),
            1 => text("{}"),
            2 => raw(self.pick(&["null", "true", "0", "-0", "1e3"])),
            3 => Node::Arr(Vec::new()),
            4 => raw(""),
            _ => self.any_value(2),
        }
    }

    /// An unknown member holding arrays and objects nested around the parser's limit.
    fn deep(&mut self, document: &mut Node) {
        let Node::Obj(members) = document else {
            return;
        };
        let mut value = raw("1");
        for level in 0..self.rng.usize(58..=68) {
            value = if level % 3 == 0 {
                Node::Obj(vec![(text("Options"), value)])
            } else {
                Node::Arr(vec![value])
            };
        }
        let at = self.rng.usize(..=members.len());
        members.insert(at, (text("Deep"), value));
    }

    /// Enough unknown members for the report to be cut at its limit.
    fn many_members(&mut self, document: &mut Node) {
        let Node::Obj(members) = document else {
            return;
        };
        for index in 0..self.rng.usize(995..1_010) {
            members.push((Node::Str(format!("x{index}")), raw(index)));
        }
    }

    /// The context: mostly the request's own operation, with or without a
    /// time, a clock, descriptions of its locations and of its task.
    fn setting(&mut self, operation: Operation) -> Setting {
        let operation = if self.chance(90) {
            operation
        } else {
            self.pick(Operation::ALL)
        };
        let now_unix = self.pick(&[
            Some(1_795_564_800),
            Some(0),
            Some(4_102_444_800),
            Some(1_700_000_000),
            None,
        ]);
        let clock = self.chance(20);
        let mut locations = Vec::new();
        if self.chance(50) {
            for _ in 0..self.rng.usize(1..=3) {
                let arn = if !self.named_locations.is_empty() && self.chance(80) {
                    let named = self.rng.usize(..self.named_locations.len());
                    self.named_locations[named].clone()
                } else {
                    self.pick(LOCATIONS).to_owned()
                };
                locations.push(self.location(arn));
            }
        }
        let task = if operation != Operation::CreateTask && self.chance(60) {
            Some(self.task())
        } else {
            None
        };
        Setting {
            operation,
            now_unix,
            clock,
            locations,
            task,
        }
    }

    fn location(&mut self, arn: String) -> Location {
        let kind = if self.chance(90) {
            Some(self.pick(LocationType::ALL))
        } else {
            None
        };
        // Read as the wrapper's storeOptions reads it, which notes whether
        // the ARN is clean (a member only the crate sets), so that the walked
        // requests that name this ARN take the clean reader's shortcut; the
        // other members are then set one by one.
        let text = format!(
            r#"{{"LocationArn":{},"type":"S3"}}"#,
            datasync_task_validator::json::to_string(&arn.into())
        );
        let mut location =
            Location::from_json(&parse(&text).expect("JSON").value, "location").expect("read");
        location.kind = kind;
        location.s3_storage_class = self
            .pick(&[
                None,
                Some("STANDARD"),
                Some("GLACIER"),
                Some("DEEP_ARCHIVE"),
                Some("x"),
            ])
            .map(str::to_owned);
        location.agent_count = self.pick(&[None, Some(0), Some(1), Some(2)]);
        location.nfs_version = self
            .pick(&[
                None,
                Some("NFS4_2"),
                Some("NFS4_1"),
                Some("NFS3"),
                Some("AUTOMATIC"),
            ])
            .map(str::to_owned);
        location
    }

    /// A description of the existing task, from the schema's option members.
    fn task(&mut self) -> Task {
        let arn = match self.rng.u32(..5) {
            0 => None,
            1 => Some(self.pick(TASKS).to_owned()),
            _ => self.named_task.clone(),
        };
        let mode = self.pick(&[None, Some(TaskMode::Basic), Some(TaskMode::Enhanced)]);
        let mut options = Vec::new();
        for member in option_members() {
            if let Shape::String(rule) = member.shape {
                if !rule.allowed.is_empty() && self.chance(30) {
                    options.push((member.name, self.pick(rule.allowed)));
                }
            }
        }
        let log_group = self
            .pick(&[
                None,
                Some("arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*"),
                Some("arn:aws:logs:us-east-1:111122223333:log-group:mine"),
            ])
            .map(str::to_owned);
        // The ends, mostly locations the setting may describe (LOCATIONS).
        let mut end = || {
            if self.chance(70) {
                Some(self.pick(LOCATIONS).to_owned())
            } else {
                None
            }
        };
        let (source, destination) = (end(), end());
        Task {
            arn,
            mode,
            options,
            log_group,
            source,
            destination,
        }
    }
}

/// `count` characters from `alphabet`.
fn id(rng: &mut fastrand::Rng, alphabet: &[u8], count: usize) -> String {
    (0..count)
        .map(|_| char::from(alphabet[rng.usize(..alphabet.len())]))
        .collect()
}

/// `word` with one character changed, dropped, doubled or swapped.
fn near_miss(rng: &mut fastrand::Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.is_empty() {
        return "x".to_owned();
    }
    let at = rng.usize(..chars.len());
    match rng.u32(..4) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 if at + 1 < chars.len() => chars.swap(at, at + 1),
        _ => {
            chars[at] = if chars[at].is_ascii_uppercase() {
                chars[at].to_ascii_lowercase()
            } else {
                'Q'
            }
        }
    }
    chars.into_iter().collect()
}

/// A string that matches `pattern` and has exactly `length` characters
/// (Unicode code points, as the model counts), when there is one this can
/// build. `wide` fills with characters of several UTF-8 bytes (and two UTF-16
/// units) where the pattern allows them, so that a length counted in bytes
/// or in UTF-16 units would be wrong.
fn of_length(pattern: Pattern, length: usize, wide: bool) -> Option<String> {
    let padded = |prefix: &str, fill: char| {
        let have = prefix.chars().count();
        (length >= have).then(|| format!("{prefix}{}", fill.to_string().repeat(length - have)))
    };
    let value = match pattern {
        Pattern::LocationArn | Pattern::TaskArn => None,
        Pattern::LogGroupArn => padded(
            "arn:aws:logs:us-east-1:111122223333:log-group:",
            if wide { '\u{1f600}' } else { 'g' },
        ),
        Pattern::IamRoleArn => padded(
            "arn:aws:iam::111122223333:role/",
            if wide { '\u{e9}' } else { 'r' },
        ),
        Pattern::S3BucketArn => padded("arn:aws:s3:::", 'b'),
        Pattern::TagKey | Pattern::TagValue => Some("t".repeat(length)),
        Pattern::FilterType => Some("F".repeat(length)),
        Pattern::FilterValue => padded("/", if wide { '\u{1f600}' } else { 'f' }),
        Pattern::ScheduleExpression => padded("cron(0 0 * * ? *)", ' ').filter(|_| length >= 17),
        Pattern::S3Subdirectory => padded("", if wide { '\u{3000}' } else { 's' }),
        Pattern::S3ObjectVersionId => padded("", if wide { '\u{1f600}' } else { '\u{e9}' }),
    }?;
    (value.chars().count() == length).then_some(value)
}

/// `value` as the body of a JSON string, escaping only what must be.
fn json_body(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The comparison, the shrinker and the runs.
// ---------------------------------------------------------------------------

/// The generator for request `index` of the run with `seed`: each request
/// depends on these two numbers only.
fn generator(seed: u64, index: u64, coverage: &mut Coverage) -> Generator<'_> {
    // SplitMix64's finalizer spreads neighbouring indexes over the seed space.
    let mut mixed = seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    mixed ^= mixed >> 31;
    Generator {
        rng: fastrand::Rng::with_seed(mixed),
        coverage,
        mood: Mood::Clean,
        presence: 50,
        targets: Vec::new(),
        named_locations: Vec::new(),
        named_task: None,
    }
}

/// Which path judges request `index` first. Both paths share what the core
/// remembers between calls (the last schedule verdict); taking turns to go
/// first, neither can only ever reuse what the other left.
fn tree_first(index: u64) -> bool {
    index % 2 == 1
}

/// The general path's report, and both reports as JSON text when the two
/// paths disagree on `text`.
fn compare(text: &str, context: &Context, tree_first: bool) -> (Report, Option<(String, String)>) {
    let (fast, tree) = if tree_first {
        let tree = validate_text_by_tree(text, context);
        (validate_text(text, context), tree)
    } else {
        let fast = validate_text(text, context);
        (fast, validate_text_by_tree(text, context))
    };
    let (fast_text, tree_text) = (fast.to_json_text(), tree.to_json_text());
    let differs = fast != tree || fast_text != tree_text;
    (tree, differs.then_some((fast_text, tree_text)))
}

/// Both reports, as JSON text, when the two paths disagree on `text`.
fn disagreement(text: &str, context: &Context, tree_first: bool) -> Option<(String, String)> {
    compare(text, context, tree_first).1
}

/// What the JavaScript walker writes for the object `text` holds (words,
/// strings, UTF-16 units), as `walked.rs`'s native walker writes it; `None`
/// for text no JavaScript object has: not JSON, a root that is not an
/// object, a member named twice, a lone surrogate.
fn walked(text: &str, operation: Operation) -> Option<(Vec<f64>, String, usize)> {
    let parsed = parse(text).ok()?;
    parsed.findings.is_empty().then_some(())?;
    walk(&parsed.value, operation)
}

/// Both reports, as JSON text, when `validate_walked` on the words of the
/// object `text` holds disagrees with `validate_text_by_tree` on the text;
/// `None` too when no object holds it.
fn walked_disagreement(
    text: &str,
    context: &Context,
    tree_first: bool,
) -> Option<(String, String)> {
    let (words, strings, units) = walked(text, context.operation)?;
    let by_words =
        || validate_walked(&words, &strings, units, context).expect("words the walker writes");
    let (object, tree) = if tree_first {
        let tree = validate_text_by_tree(text, context);
        (by_words(), tree)
    } else {
        let object = by_words();
        (object, validate_text_by_tree(text, context))
    };
    let (object_text, tree_text) = (object.to_json_text(), tree.to_json_text());
    (object != tree || object_text != tree_text).then_some((object_text, tree_text))
}

/// What the reports of a run held, to show what the requests reached.
#[derive(Default)]
struct Tally {
    valid: u64,
    /// Reports with no finding of the model's own constraints or of the JSON.
    structurally_sound: u64,
    unreadable: u64,
    codes: BTreeMap<&'static str, u64>,
    /// Requests `validate_text` judged by the single pass with structural
    /// problems, by the single pass with none, and by the tree.
    paths: [u64; 3],
    /// Requests whose objects `validate_walked` judged by the clean reader,
    /// by the reporting reader with problems and without, by their JSON
    /// text, and requests no object holds.
    walked: [u64; 5],
}

impl Tally {
    fn merge(&mut self, other: &Tally) {
        self.valid += other.valid;
        self.structurally_sound += other.structurally_sound;
        self.unreadable += other.unreadable;
        for (mine, theirs) in self.paths.iter_mut().zip(other.paths) {
            *mine += theirs;
        }
        for (mine, theirs) in self.walked.iter_mut().zip(other.walked) {
            *mine += theirs;
        }
        for (code, count) in &other.codes {
            *self.codes.entry(code).or_default() += count;
        }
    }

    fn add(&mut self, report: &Report) {
        self.valid += u64::from(report.is_valid());
        let structural = |code: &str| {
            ["json/", "request/", "value/", "list/"]
                .iter()
                .any(|prefix| code.starts_with(prefix))
        };
        self.structurally_sound += u64::from(
            !report
                .diagnostics
                .iter()
                .any(|diagnostic| structural(diagnostic.code.as_str())),
        );
        for diagnostic in &report.diagnostics {
            *self.codes.entry(diagnostic.code.as_str()).or_default() += 1;
        }
        if let Some(first) = report.diagnostics.first() {
            let code = first.code.as_str();
            self.unreadable +=
                u64::from(code.starts_with("json/syntax") || code == "json/too-deep");
        }
    }
}

impl Tree for Node {
    fn children(&self) -> usize {
        match self {
            Node::Arr(items) => items.len(),
            Node::Obj(members) => members.len(),
            Node::Str(_) | Node::RawStr(_) | Node::Raw(_) => 0,
        }
    }

    fn child(&self, at: usize) -> &Node {
        match self {
            Node::Arr(items) => &items[at],
            Node::Obj(members) => &members[at].1,
            Node::Str(_) | Node::RawStr(_) | Node::Raw(_) => {
                unreachable!("a scalar has no children")
            }
        }
    }

    fn child_mut(&mut self, at: usize) -> &mut Node {
        match self {
            Node::Arr(items) => &mut items[at],
            Node::Obj(members) => &mut members[at].1,
            Node::Str(_) | Node::RawStr(_) | Node::Raw(_) => {
                unreachable!("a scalar has no children")
            }
        }
    }

    fn remove(&mut self, at: usize) {
        match self {
            Node::Arr(items) => drop(items.remove(at)),
            Node::Obj(members) => drop(members.remove(at)),
            Node::Str(_) | Node::RawStr(_) | Node::Raw(_) => {}
        }
    }
}

/// Simpler versions of a failing request, simplest change first: the text
/// left alone, written plainly, a context with less in it, a document with
/// one member or item fewer.
fn simpler(case: &Case, setting: &Setting) -> Vec<(Case, Setting)> {
    let mut out = Vec::new();
    let with_case = |change: Case| (change, setting.clone());
    if case.change.is_some() {
        out.push(with_case(Case {
            change: None,
            ..case.clone()
        }));
    }
    if case.style.escapes != 0 || case.style.spacing != 0 {
        let plain = Style {
            escapes: 0,
            spacing: 0,
            ..case.style
        };
        out.push(with_case(Case {
            style: plain,
            ..case.clone()
        }));
    }
    let with_setting = |change: Setting| (case.clone(), change);
    if setting.task.is_some() {
        out.push(with_setting(Setting {
            task: None,
            ..setting.clone()
        }));
    }
    if setting.clock {
        out.push(with_setting(Setting {
            clock: false,
            ..setting.clone()
        }));
    }
    for index in 0..setting.locations.len() {
        let mut fewer = setting.clone();
        fewer.locations.remove(index);
        out.push(with_setting(fewer));
    }
    for document in smaller(&case.document) {
        out.push(with_case(Case {
            document,
            ..case.clone()
        }));
    }
    out
}

/// The simplest request and context found for which `failing` holds
/// (greedy: one simplification at a time, with a bounded number of tries).
fn shrink(
    case: &Case,
    setting: &Setting,
    failing: impl Fn(&str, &Context) -> bool,
) -> (Case, Setting) {
    greedy(
        (case.clone(), setting.clone()),
        |(case, setting)| simpler(case, setting),
        |(case, setting)| failing(&case.text(), &setting.context()),
        20_000,
    )
}

fn variable(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim().replace('_', "");
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name} must be a number, not {value:?}")))
}

/// The failure message for a disagreement on request `index`.
fn explain(seed: u64, index: u64, case: &Case, setting: &Setting, objects: bool) -> String {
    let differ = if objects {
        walked_disagreement
    } else {
        disagreement
    };
    let original = case.text();
    let (shrunk, setting) = shrink(case, setting, |text, context| {
        differ(text, context, tree_first(index)).is_some()
    });
    let text = shrunk.text();
    let (fast, tree) = differ(&text, &setting.context(), tree_first(index))
        .expect("the shrunk case still disagrees");
    let (fast_name, test) = if objects {
        (
            "validate_walked",
            "objects_walked_from_the_requests_give_their_texts_report",
        )
    } else {
        ("validate_text", "both_text_paths_give_the_same_report")
    };
    let same = fast
        .bytes()
        .zip(tree.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    format!(
        "{fast_name} and validate_text_by_tree disagree on request {index} of seed {seed:#x}\n\
         replay: DIFFERENTIAL_SEED={seed:#x} DIFFERENTIAL_INDEX={index} cargo test --test differential {test} -- --nocapture\n\
         simplest context found: {setting:?}\n\
         shortest text found ({} bytes, from {}):\n{text}\n\
         as a Rust string: {text:?}\n\
         the reports as JSON text, which differ from byte {same}:\n\
         {fast_name}:{:pad$}{fast}\n\
         validate_text_by_tree:  {tree}\n",
        text.len(),
        original.len(),
        "",
        pad = 24 - fast_name.len(),
    )
}

/// What one thread of a run saw: the reports' tally and the text's size, or
/// the first difference it met (its index and the failure message).
#[derive(Default)]
struct Part {
    tally: Tally,
    bytes: usize,
    failure: Option<(u64, String)>,
}

/// Compares both paths on the requests `indexes` of `seed` (or, with
/// `objects`, the objects' words with the texts' tree), until the first
/// difference or until another thread has found one.
fn run(
    seed: u64,
    indexes: impl Iterator<Item = u64>,
    stop: &AtomicBool,
    show: bool,
    objects: bool,
) -> Part {
    let mut part = Part::default();
    let mut coverage = Coverage::default();
    for index in indexes {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let (case, setting) = generator(seed, index, &mut coverage).case();
        let text = case.text();
        part.bytes += text.len();
        if show {
            println!("request {index}: {text:?}\ncontext: {setting:?}");
        }
        let context = setting.context();
        if objects {
            if walked_disagreement(&text, &context, tree_first(index)).is_some() {
                stop.store(true, Ordering::Relaxed);
                part.failure = Some((index, explain(seed, index, &case, &setting, true)));
                break;
            }
            let path = match walked(&text, context.operation) {
                None => 4,
                Some((words, strings, units)) => {
                    match judged_by(&words, &strings, units, context.operation) {
                        Judged::Clean => 0,
                        Judged::Reported => 1,
                        Judged::ReportedClean => 2,
                        Judged::Text => 3,
                    }
                }
            };
            part.tally.walked[path] += 1;
            continue;
        }
        let (report, difference) = compare(&text, &context, tree_first(index));
        if difference.is_some() {
            stop.store(true, Ordering::Relaxed);
            part.failure = Some((index, explain(seed, index, &case, &setting, false)));
            break;
        }
        part.tally.add(&report);
        let path = match single_pass_verdict(&text, context.operation) {
            SinglePass::Reported => 0,
            SinglePass::Clean => 1,
            SinglePass::LeftToTree => 2,
        };
        part.tally.paths[path] += 1;
    }
    part
}

/// Runs [`run`] over the requests the settings choose, on several threads;
/// fails with the lowest index of a difference. The tally, and a line that
/// says what was compared.
fn run_all(objects: bool) -> (Tally, String) {
    let seed = variable("DIFFERENTIAL_SEED").unwrap_or(DEFAULT_SEED);
    let (first, count) = match variable("DIFFERENTIAL_INDEX") {
        Some(index) => (index, 1),
        None => (
            0,
            variable("DIFFERENTIAL_REQUESTS").unwrap_or(DEFAULT_REQUESTS),
        ),
    };
    // Requests are independent: thread t takes every threads-th index from first + t.
    let threads = variable("DIFFERENTIAL_THREADS")
        .map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            |n| n.clamp(1, 64) as usize,
        )
        .min(count.max(1) as usize);
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let parts: Vec<Part> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads as u64)
            .map(|t| {
                let stop = &stop;
                let indexes = (first + t..first + count).step_by(threads);
                scope.spawn(move || run(seed, indexes, stop, count == 1, objects))
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a worker thread panicked"))
            .collect()
    });
    // The lowest index among the first differences of each thread.
    if let Some((_, message)) = parts
        .iter()
        .filter_map(|part| part.failure.as_ref())
        .min_by_key(|(index, _)| *index)
    {
        panic!("{message}");
    }
    let bytes: usize = parts.iter().map(|part| part.bytes).sum();
    let mut tally = Tally::default();
    for part in &parts {
        tally.merge(&part.tally);
    }
    let line = format!(
        "{count} requests, 0 differences, {:.1} s (seed {seed:#x}, {threads} threads, {:.1} MB of text)",
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6,
    );
    (tally, line)
}

#[test]
fn both_text_paths_give_the_same_report() {
    let (tally, line) = run_all(false);
    println!("differential: {line}");
    let never: Vec<&str> = Code::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| !tally.codes.contains_key(code))
        .collect();
    println!(
        "differential: {} valid, {} without a structural finding, {} not readable as JSON, {} of {} codes reported; never: {}",
        tally.valid,
        tally.structurally_sound,
        tally.unreadable,
        tally.codes.len(),
        Code::ALL.len(),
        never.join(", ")
    );
    let [problems, clean, tree] = tally.paths;
    println!(
        "differential: judged by the single pass with structural problems {problems}, by the single pass clean {clean}, by the tree {tree}"
    );
    // The pass must take its share, or this test compares the tree with
    // itself: a pass that sent everything to the tree would pass unseen.
    let total = problems + clean + tree;
    assert!(
        problems * 20 > total,
        "the single pass reported problems for {problems} of {total} requests (5% at least expected)"
    );
    assert!(
        clean > 0,
        "the single pass judged none of {total} requests clean"
    );
}

/// The object path agrees with the general path too: for every generated
/// request that a JavaScript object can hold, `validate_walked` on the words
/// the walker writes for the object gives the report `validate_text_by_tree`
/// gives its text, whichever reader judges the words (the clean reader, the
/// reporting reader, or the text written from them).
#[test]
fn objects_walked_from_the_requests_give_their_texts_report() {
    let (tally, line) = run_all(true);
    println!("differential, objects: {line}");
    let [clean, reported, reported_clean, text, not_objects] = tally.walked;
    println!(
        "differential, objects: judged by the clean reader {clean}, by the reporting reader with structural problems {reported} and without {reported_clean}, by their JSON text {text}; not an object JavaScript holds {not_objects}"
    );
    // Each reader must take its share, or the test compares fewer paths than
    // it says.
    let total = clean + reported + reported_clean + text;
    assert!(
        reported * 20 > total,
        "the reporting reader judged {reported} of {total} objects with problems (5% at least expected)"
    );
    assert!(clean > 0 && text > 0, "{:?}", tally.walked);
}

#[test]
fn the_generator_reaches_every_member_of_the_table_valid_and_invalid() {
    let mut coverage = Coverage::default();
    for index in 0..DEFAULT_REQUESTS {
        let _ = generator(DEFAULT_SEED, index, &mut coverage).case();
    }
    let members = table_members();
    assert!(members.len() > 100, "{} members", members.len());
    let missing: Vec<String> = members
        .iter()
        .filter_map(|member| {
            let [valid, invalid] = coverage.0.get(member).copied().unwrap_or_default();
            (valid == 0 || invalid == 0)
                .then(|| format!("{member} (valid {valid}, invalid {invalid})"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "members of the schema table the generator never produced both valid and invalid:\n{}",
        missing.join("\n")
    );
    let unknown: Vec<&String> = coverage
        .0
        .keys()
        .filter(|path| !members.contains(path))
        .collect();
    assert!(unknown.is_empty(), "paths outside the table: {unknown:?}");
}

#[test]
fn the_shrinker_keeps_what_makes_a_difference() {
    // A stand-in for a disagreement: the text has the member "Tags" somewhere
    // and the context describes a location.
    let case = Case {
        document: Node::Obj(vec![
            (text("Name"), text("n")),
            (
                text("Options"),
                Node::Obj(vec![(text("Tags"), raw(1)), (text("Atime"), text("NONE"))]),
            ),
            (text("Excludes"), Node::Arr(vec![raw(1), raw(2)])),
        ]),
        style: Style {
            seed: 1,
            escapes: 1000,
            spacing: 3,
        },
        change: Some(TextChange::Append(" ")),
    };
    let setting = Setting {
        operation: Operation::UpdateTask,
        now_unix: None,
        clock: true,
        locations: vec![
            Location::of_type(LOCATIONS[0], LocationType::Efs),
            Location::of_type(LOCATIONS[1], LocationType::S3),
        ],
        task: Some(Task::default()),
    };
    let (shrunk, context) = shrink(&case, &setting, |text, context| {
        text.contains("\"Tags\"") && context.location(LOCATIONS[1]).is_some()
    });
    assert_eq!(shrunk.text(), r#"{"Options":{"Tags":1}}"#);
    assert_eq!(context.locations, [setting.locations[1].clone()]);
    assert!(context.task.is_none() && !context.clock);
}

#[test]
fn the_renderer_writes_json_that_means_the_same_in_every_style() {
    let document = Node::Obj(vec![
        (text("a/b"), text("\u{1f600} \"q\" \\ \n\t\u{1} /\u{e9}")),
        (text("n"), Node::Arr(vec![raw(-0), raw("1e3"), raw("null")])),
    ]);
    let plain = Renderer::render(
        &document,
        Style {
            seed: 0,
            escapes: 0,
            spacing: 0,
        },
    );
    let expected = serde_json::from_str::<serde_json::Value>(&plain).expect("JSON");
    for seed in 0..50 {
        for escapes in [0, 300, 1000] {
            for spacing in 0..4 {
                let style = Style {
                    seed,
                    escapes,
                    spacing,
                };
                let written = Renderer::render(&document, style);
                let read: serde_json::Value = serde_json::from_str(&written)
                    .unwrap_or_else(|error| panic!("{error}: {written}"));
                assert_eq!(read, expected, "{written}");
            }
        }
    }
    let escaped = Renderer::render(
        &document,
        Style {
            seed: 0,
            escapes: 1000,
            spacing: 0,
        },
    );
    assert!(escaped.contains("\\ud83d\\ude00") || escaped.contains("\\uD83D\\uDE00"));
    assert!(!escaped.contains('\u{e9}'));
}

#[test]
fn a_description_a_native_caller_builds_cannot_hide_a_malformed_location_arn() {
    // Whether a description's ARN is clean is noted only by the crate
    // (`Location::from_json`, `Location::set_arn`): a caller outside cannot
    // set the note or change the ARN behind it (see the compile_fail examples
    // on `Location`), `of_type` and `Default` note nothing, and an ARN set
    // after `from_json` noted the first one clean is noted again. Either way
    // the walked request's malformed ARN is reported, as its text's is.
    let upper = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789ABCDEF0";
    let clean = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
    let destination = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
    let mut default = Location::default();
    default.set_arn(upper);
    default.kind = Some(LocationType::Nfs);
    let text = format!(r#"{{"LocationArn":"{clean}","type":"NFS"}}"#);
    let mut changed =
        Location::from_json(&parse(&text).expect("JSON").value, "location").expect("read");
    changed.set_arn(upper);
    for location in [
        Location::of_type(upper, LocationType::Nfs),
        default,
        changed,
    ] {
        let locations = [location, Location::of_type(destination, LocationType::Nfs)];
        let context = Context::at(1_795_564_800).with_locations(&locations);
        let request = format!(
            r#"{{"SourceLocationArn":"{upper}","DestinationLocationArn":"{destination}"}}"#
        );
        let (words, strings, units) = walked(&request, Operation::CreateTask).expect("an object");
        let report = validate_walked(&words, &strings, units, &context).expect("a report");
        assert_eq!(
            report,
            validate_text(&request, &context),
            "{:?}",
            locations[0]
        );
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.path == "/SourceLocationArn"
                    && d.code.as_str() == "value/pattern-mismatch"),
            "{report:?}"
        );
    }
}
