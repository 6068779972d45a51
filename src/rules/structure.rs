//! The model's own constraints, checked by walking the request beside the
//! schema table of its operation: the root is an object, required members are
//! present, no unknown members (a member of another operation says why it does
//! not belong), JSON types, enums, lengths, patterns, list sizes and the
//! minimum of BytesPerSecond.
//!
//! Why: these are exactly what the SDKs and the service reject.
//! Invalid: `{"Options": {"Verifymode": "NONE"}}`.
//! Fix: `{"Options": {"VerifyMode": "NONE"}}`.

use crate::diagnostic::Piece::{Plain, Quoted};
use crate::diagnostic::{
    excerpt, fixed, message, push_message, quote, Code, Collector, Diagnostic, Fixed, PatchOp,
    Wording,
};
use crate::json::{Number, Value};
use crate::patterns::Pattern;
use crate::pointer;
use crate::schema::{Member, Operation, Shape, StringRule};

fn not_an_object(actual: &str, operation: Operation) -> String {
    format!(
        "The request must be a JSON object of {} members, but it is {actual}.",
        operation.as_str()
    )
}

/// The diagnostic for a CreateTask request that is not an object; `phrase`
/// describes what it is ("an array", "a bigint") and `kind` is its type name.
pub fn not_an_object_diagnostic(phrase: &str, kind: &str) -> Diagnostic {
    not_an_object_for(phrase, kind, Operation::CreateTask)
}

/// [`not_an_object_diagnostic`] for a request of `operation`.
pub fn not_an_object_for(phrase: &str, kind: &str, operation: Operation) -> Diagnostic {
    Diagnostic::new(Code::RequestNotObject, "", not_an_object(phrase, operation))
        .with("actual", kind.to_owned())
}

fn unknown_member(
    name: &str,
    parent: &str,
    suggestion: Option<&Suggestion>,
    operation: Operation,
) -> String {
    let place = if parent.is_empty() {
        format!("a{} {} member", article_n(operation), operation.as_str())
    } else {
        format!("a member of {parent}")
    };
    if let (true, Some(why)) = (parent.is_empty(), operation.why_not_a_member(name)) {
        return format!("{} is not {place}: {why}.", quote(name));
    }
    match suggestion {
        Some(Suggestion::Sibling(known)) => {
            format!("{} is not {place}; did you mean \"{known}\"?", quote(name))
        }
        Some(Suggestion::Nested(pointer)) => {
            format!("{} is not {place}; it belongs at {pointer}.", quote(name))
        }
        None => format!(
            "{} is not {place} and would be rejected; remove it.",
            quote(name)
        ),
    }
}

/// "n" when the operation's name starts with a vowel ("an UpdateTask member").
fn article_n(operation: Operation) -> &'static str {
    if operation.as_str().starts_with(['A', 'E', 'I', 'O', 'U']) {
        "n"
    } else {
        ""
    }
}

/// The missing-member message's words after the member's name: one home
/// for [`missing_member`], which builds the message, and for
/// [`FIXED_MISSING`], whose texts are built from it at compile time
/// (`concat!` takes literals only).
macro_rules! is_required {
    () => {
        " is required"
    };
}

fn missing_member(name: &str, parent: &str) -> String {
    if parent.is_empty() {
        message(&[Plain(name), Plain(concat!(is_required!(), "."))])
    } else {
        message(&[
            Plain(name),
            Plain(concat!(is_required!(), " in ")),
            Plain(parent),
            Plain("."),
        ])
    }
}

fn wrong_type(name: &str, expected: &str, actual: &Value) -> String {
    let mut out = message(&[
        Plain(name),
        Plain(" must be "),
        Plain(expected),
        Plain(", but it is "),
    ]);
    push_described(&mut out, actual);
    out.push('.');
    out
}

fn integer_out_of_range(name: &str, literal: &str) -> String {
    format!(
        "{name} is {}, which is outside the 64-bit integer range the service accepts.",
        excerpt(literal)
    )
}

fn below_minimum(name: &str, minimum: i64, value: i64) -> String {
    format!("{name} must be at least {minimum} (-1 means no limit), but it is {value}.")
}

fn not_in_enum(name: &str, value: &str, allowed: &[&str], case_fix: Option<&str>) -> String {
    match case_fix {
        Some(fixed) => format!(
            "{name} {} is not allowed; values are case-sensitive, so write \"{fixed}\".",
            quote(value)
        ),
        None => format!(
            "{name} {} is not one of {}.",
            quote(value),
            list_or(allowed)
        ),
    }
}

fn too_short(name: &str, minimum: usize, length: usize) -> String {
    if minimum == 1 {
        format!("{name} must not be empty.")
    } else {
        format!("{name} must be at least {minimum} characters long, but it has {length}.")
    }
}

fn too_long(name: &str, maximum: usize, length: usize) -> String {
    format!("{name} is {length} characters long; the limit is {maximum}.")
}

fn pattern_mismatch(name: &str, value: &str, pattern: Pattern, bad_char: Option<char>) -> String {
    if value.is_empty() {
        let lead = if pattern.hint().starts_with("arn:") {
            "it must look like"
        } else {
            "use"
        };
        return format!("{name} must not be empty; {lead} {}.", pattern.hint());
    }
    match bad_char {
        Some(ch) => format!(
            "{name} {} contains {}, which is not allowed; use only {}.",
            quote(value),
            describe_char(ch),
            pattern.hint()
        ),
        None => format!(
            "{name} {} is not in the expected form; it must look like {}.",
            quote(value),
            pattern.hint()
        ),
    }
}

fn too_many_items(name: &str, maximum: usize, count: usize) -> String {
    if maximum == 1 {
        format!(
            "{name} has {count} rules but at most 1 is allowed; put all patterns in one rule's Value, separated by \"|\"."
        )
    } else {
        format!("{name} has {count} items; at most {maximum} are allowed.")
    }
}

/// A nearer name for an unknown member.
enum Suggestion {
    /// A member of the same structure with a similar name.
    Sibling(&'static str),
    /// The same name one level down, e.g. `VerifyMode` at the root belongs in Options.
    Nested(String),
}

/// Checks `root` against the request schema of `operation`.
pub fn check(root: &Value, operation: Operation, out: &mut Collector) {
    if !matches!(root, Value::Object(_)) {
        out.push(not_an_object_for(
            &describe(root),
            root.type_name(),
            operation,
        ));
        return;
    }
    // Room for the deepest pointer of an ordinary request, so the walk never reallocates.
    let mut path = String::with_capacity(128);
    let walker = Walker { operation };
    walker.walk(root, operation.request(), "", &mut path, out);
}

/// The walk over one request: what every level needs to know.
struct Walker {
    /// The operation, for messages about members at the root.
    operation: Operation,
}

impl Walker {
    /// Checks `value` (the member called `name`, at `path`) against `shape`.
    /// List items are named by their pointer, e.g. `/Tags/3`.
    fn walk(
        &self,
        value: &Value,
        shape: &Shape,
        name: &str,
        path: &mut String,
        out: &mut Collector,
    ) {
        match shape {
            Shape::Structure(members) => self.check_structure(value, members, name, path, out),
            Shape::List { item, max_items } => {
                let Value::Array(items) = value else {
                    return out.push(type_error(name, path.clone().into(), "an array", value));
                };
                if items.len() > *max_items {
                    out.push(too_many_items_diagnostic(
                        name,
                        path,
                        *max_items,
                        items.len(),
                    ));
                }
                for (index, element) in items.iter().enumerate() {
                    let saved = path.len();
                    pointer::push_index(path, index);
                    // An item has no name of its own; messages use its pointer.
                    self.walk(element, item, "", path, out);
                    path.truncate(saved);
                }
            }
            Shape::String(rule) => match value {
                Value::String(text) => check_string(text, rule, name, path.clone().into(), out),
                other => out.push(type_error(name, path.clone().into(), "a string", other)),
            },
            Shape::Long { minimum } => check_long(value, *minimum, name, path.clone().into(), out),
        }
    }

    fn check_structure(
        &self,
        value: &Value,
        members: &'static [Member],
        name: &str,
        path: &mut String,
        out: &mut Collector,
    ) {
        let Value::Object(present) = value else {
            return out.push(type_error(
                label(name, path),
                path.clone().into(),
                "an object",
                value,
            ));
        };
        // The schema members seen, one bit per position, so the required check
        // needs no second scan (structures beyond 64 members would fall back to one).
        let mut seen: u64 = 0;
        // Requests usually list members in the model's order, so the search
        // for each starts after the last one found: one comparison, typically.
        let mut next = 0;
        for (member_name, member_value) in present {
            let saved = path.len();
            let position = find_from(members, member_name, next);
            if let Some(at) = position {
                next = at + 1;
            }
            match position.and_then(|at| Some((at, members.get(at)?))) {
                Some((at, member)) => {
                    seen |= bit(at);
                    // Model names are plain ASCII words: nothing to escape.
                    path.push('/');
                    path.push_str(member.name);
                    self.walk(member_value, member.shape, member.name, path, out);
                }
                None => {
                    pointer::push(path, member_name);
                    if !out.counted_only(Code::UnknownMember, path) {
                        let count = |wanted: &str| {
                            present.iter().filter(|(name, _)| name == wanted).count()
                        };
                        out.push(unknown_member_diagnostic(
                            self.operation,
                            member_name,
                            members,
                            name,
                            path,
                            saved,
                            &count,
                        ));
                    }
                }
            }
            path.truncate(saved);
        }
        for (at, member) in members.iter().enumerate().filter(|(_, m)| m.required) {
            let is_present = match bit(at) {
                0 => present
                    .iter()
                    .any(|(n, _)| crate::json::same(n, member.name)),
                mask => seen & mask != 0,
            };
            if !is_present {
                out.push(missing_member_diagnostic(member.name, name, path));
            }
        }
    }
}

/// The diagnostic for the required member `member` missing from the
/// structure at `path` (named `name`, "" for a list item).
pub(crate) fn missing_member_diagnostic(
    member: &'static str,
    name: &str,
    path: &str,
) -> Diagnostic {
    let diagnostic = match fixed_missing(member, path) {
        Some((path, message)) => Diagnostic::of(Code::MissingMember, path, message),
        None => Diagnostic::new(
            Code::MissingMember,
            pointer::join(path, member),
            missing_member(member, label(name, path)),
        ),
    };
    diagnostic.with("member", member)
}

/// The pointer of `member` at the root followed by the rest of its
/// missing-member message (the message is the text past the slash), as one
/// [`Fixed`] text for [`FIXED_MISSING`]: what [`missing_member`] builds for
/// a member with no parent, from the same words.
macro_rules! missing_at_root {
    ($member:ident) => {
        fixed!(concat!("/", stringify!($member), is_required!(), "."))
    };
}

/// The required members of the requests themselves, each as its pointer
/// followed by the rest of its missing-member message: the same text
/// [`missing_member_diagnostic`] would build for a member missing at the
/// root, kept as [`Fixed`] text (no allocation, no message built, and in
/// the WebAssembly build no copy into the report's record). These are the
/// members most often forgotten; the test
/// `fixed_missing_members_read_as_the_built_ones` holds each to the built text.
const FIXED_MISSING: [Fixed; 3] = [
    missing_at_root!(SourceLocationArn),
    missing_at_root!(DestinationLocationArn),
    missing_at_root!(TaskArn),
];

/// The path and message of `member` missing at `parent` from
/// [`FIXED_MISSING`], when it holds them.
fn fixed_missing(member: &str, parent: &str) -> Option<(Fixed, Fixed)> {
    if !parent.is_empty() {
        return None;
    }
    FIXED_MISSING.iter().find_map(|&text| {
        let (path, rest) = text.cut_at(1 + member.len())?;
        if path.as_str().get(1..) != Some(member) || !rest.as_str().starts_with(' ') {
            return None;
        }
        let (_, message) = text.cut_at(1)?;
        Some((path, message))
    })
}

/// The diagnostic for the list at `path` (named `name`) with `count` items,
/// more than its `max_items`.
pub(crate) fn too_many_items_diagnostic(
    name: &str,
    path: &str,
    max_items: usize,
    count: usize,
) -> Diagnostic {
    Diagnostic::new(
        Code::TooManyItems,
        path,
        too_many_items(name, max_items, count),
    )
    .with("max", max_items)
    .with("count", count)
}

/// The diagnostic for the member `member_name`, at `path`, that is not one of
/// `members`, the structure at `path[..parent]` (named `name`, "" for a list
/// item). `count(wanted)` says how many members of the object are called
/// `wanted` (asked only when there is a name to suggest). The structure walk
/// and the single pass build it here alike.
pub(crate) fn unknown_member_diagnostic(
    operation: Operation,
    member_name: &str,
    members: &'static [Member],
    name: &str,
    path: &str,
    parent: usize,
    count: &dyn Fn(&str) -> usize,
) -> Diagnostic {
    let parent_path = path.get(..parent).unwrap_or_default();
    // A member of another operation gets the reason instead of a guess.
    let foreign = parent == 0 && operation.why_not_a_member(member_name).is_some();
    let suggestion = if foreign {
        None
    } else {
        suggest(member_name, members, parent_path)
    };
    let mut diagnostic = Diagnostic::new(
        Code::UnknownMember,
        path,
        unknown_member(
            member_name,
            label(name, parent_path),
            suggestion.as_ref(),
            operation,
        ),
    )
    .with("member", member_name.to_string());
    match suggestion {
        Some(Suggestion::Sibling(known)) => {
            diagnostic = diagnostic.with("suggestion", known);
            let (taken, repeated) = (count(known) > 0, count(member_name) > 1);
            if is_unambiguous_rename(member_name, known, members, taken, repeated) {
                diagnostic = diagnostic.with_fix(PatchOp::Move {
                    from: path.to_owned(),
                    path: pointer::join(parent_path, known),
                });
            }
        }
        Some(Suggestion::Nested(pointer)) => diagnostic = diagnostic.with("suggestion", pointer),
        None => {}
    }
    diagnostic
}

/// The position of the member called `name`, searched from `start` round to
/// the start again.
pub(crate) fn find_from(members: &[Member], name: &str, start: usize) -> Option<usize> {
    let (before, after) = members.split_at(start.min(members.len()));
    let found = |members: &[Member]| {
        members
            .iter()
            .position(|member| crate::json::same(member.name, name))
    };
    found(after)
        .map(|at| at + before.len())
        .or_else(|| found(before))
}

/// The bit for a member position, or 0 beyond the 64 a `u64` holds.
pub(crate) fn bit(position: usize) -> u64 {
    u32::try_from(position)
        .ok()
        .and_then(|shift| 1u64.checked_shl(shift))
        .unwrap_or(0)
}

/// How messages name a value: its member name, or for a list item its pointer.
pub(crate) fn label<'a>(name: &'a str, path: &'a str) -> &'a str {
    if name.is_empty() {
        path
    } else {
        name
    }
}

/// The structural problems of `text` as the string member at `member` (e.g.
/// `/Schedule/ScheduleExpression`): length, pattern and enum, from the schema.
/// Diagnostics carry `path` and name the value `name` in their messages.
pub fn string_problems(text: &str, member: &str, name: &str, path: &str) -> Vec<Diagnostic> {
    let mut out = Collector::new();
    if let Some((_, Shape::String(rule))) = member_at(member) {
        check_string(text, rule, name, path.to_owned().into(), &mut out);
    }
    out.finish()
}

/// The name and shape of the member at a `/`-separated path of member names.
fn member_at(path: &str) -> Option<(&'static str, &'static Shape)> {
    let mut found: Option<(&'static str, &'static Shape)> = None;
    let mut shape: &'static Shape = &crate::schema::REQUEST;
    for name in path.split('/').skip(1) {
        let Shape::Structure(members) = shape else {
            return None;
        };
        let member = members.iter().find(|m| m.name == name)?;
        shape = member.shape;
        found = Some((member.name, shape));
    }
    found
}

/// Whether [`check_string`] finds nothing wrong with `text`, judged without
/// building a diagnostic (the single pass asks this of every string).
pub(crate) fn string_is_clean(text: &str, rule: &StringRule) -> bool {
    if !rule.allowed.is_empty() {
        return rule
            .allowed
            .iter()
            .any(|allowed| crate::json::same(allowed, text));
    }
    length_is_clean(text, rule) && rule.pattern.is_none_or(|pattern| pattern.matches(text))
}

/// Whether the length of `text` is within `rule`'s: the part of
/// [`string_is_clean`] that the single pass checks after matching an ARN
/// pattern as it read the string.
pub(crate) fn length_is_clean(text: &str, rule: &StringRule) -> bool {
    let bytes = text.len();
    let settled = rule
        .min_length
        .is_none_or(|min| bytes >= min.saturating_mul(4))
        && rule.max_length.is_none_or(|max| bytes <= max);
    if !settled {
        let length = text.chars().count();
        if rule.min_length.is_some_and(|min| length < min)
            || rule.max_length.is_some_and(|max| length > max)
        {
            return false;
        }
    }
    true
}

/// Reports what is wrong with `text` as a string of `rule` (its enum; else
/// its length, then its pattern), at `path`, naming the value `name`.
pub(crate) fn check_string(
    text: &str,
    rule: &StringRule,
    name: &str,
    path: Wording,
    out: &mut Collector,
) {
    if !rule.allowed.is_empty() {
        if !rule
            .allowed
            .iter()
            .any(|allowed| crate::json::same(allowed, text))
        {
            let case_fix = rule
                .allowed
                .iter()
                .find(|allowed| allowed.eq_ignore_ascii_case(text))
                .copied();
            let mut diagnostic = Diagnostic::of(
                Code::NotInEnum,
                path,
                not_in_enum(name, text, rule.allowed, case_fix),
            )
            .with("allowed", rule.allowed.to_vec());
            if let Some(fixed) = case_fix {
                diagnostic = diagnostic.with("suggestion", fixed).with_replacement(fixed);
            }
            out.push(diagnostic);
        }
        return;
    }
    // A UTF-8 character takes 1 to 4 bytes, so the byte length alone often
    // settles both limits; characters are counted only when it does not.
    let bytes = text.len();
    let settled = rule
        .min_length
        .is_none_or(|min| bytes >= min.saturating_mul(4))
        && rule.max_length.is_none_or(|max| bytes <= max);
    let length = if settled { 0 } else { text.chars().count() };
    if let Some(minimum) = rule.min_length.filter(|&min| !settled && length < min) {
        out.push(
            Diagnostic::of(Code::TooShort, path, too_short(name, minimum, length))
                .with("min", minimum)
                .with("length", length),
        );
        return;
    }
    if let Some(maximum) = rule.max_length.filter(|&max| !settled && length > max) {
        out.push(
            Diagnostic::of(Code::TooLong, path.clone(), too_long(name, maximum, length))
                .with("max", maximum)
                .with("length", length),
        );
    }
    if let Some(pattern) = rule.pattern {
        if pattern.matches(text) {
            return;
        }
        out.push(
            Diagnostic::of(
                Code::PatternMismatch,
                path,
                pattern_mismatch(name, text, pattern, pattern.first_disallowed_char(text)),
            )
            .with("pattern", pattern.ecmascript_regex()),
        );
    }
}

/// Reports what is wrong with `value` as an integer of at least `minimum`.
/// Whether the integer `value` is at least `minimum`: what [`check_long`]
/// asks of an integer, and the single pass and the walker's reader of every
/// `Long` member's value.
#[inline(always)]
pub(crate) fn at_least(value: i64, minimum: i64) -> bool {
    value >= minimum
}

pub(crate) fn check_long(
    value: &Value,
    minimum: i64,
    name: &str,
    path: Wording,
    out: &mut Collector,
) {
    match value {
        Value::Number(Number::Int(int)) if !at_least(*int, minimum) => out.push(
            Diagnostic::of(Code::BelowMinimum, path, below_minimum(name, minimum, *int))
                .with("min", minimum)
                .with("value", *int),
        ),
        Value::Number(Number::Int(_)) => {}
        Value::Number(Number::BigInt(literal)) => out.push(Diagnostic::of(
            Code::IntegerOutOfRange,
            path,
            integer_out_of_range(name, literal),
        )),
        other => out.push(type_error(name, path, "an integer", other)),
    }
}

/// The diagnostic for `actual` where `expected` ("an object", "a string"...) belongs.
pub(crate) fn type_error(
    name: &str,
    path: Wording,
    expected: &'static str,
    actual: &Value,
) -> Diagnostic {
    Diagnostic::of(Code::WrongType, path, wrong_type(name, expected, actual))
        .with(
            "expected",
            // strip_prefix, not trim_start_matches: no string searcher in the .wasm.
            expected
                .strip_prefix("an ")
                .or_else(|| expected.strip_prefix("a "))
                .unwrap_or(expected),
        )
        .with("actual", actual.type_name())
}

/// The most similar known name: a sibling within a small edit distance
/// (ignoring case), else the same name (ignoring case) one structure level down.
fn suggest(unknown: &str, members: &'static [Member], parent_path: &str) -> Option<Suggestion> {
    // The first of the nearest names: one that differs only in case (at
    // distance 0) at once, else each name measured only as far as it could
    // still be nearer than the nearest so far.
    let same_but_case = members
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(unknown));
    let mut nearest = same_but_case.map(|m| m.name);
    if nearest.is_none() {
        let length = unknown.chars().count();
        let mut limit = (length / 3).max(1);
        for member in members {
            // A name whose length differs by more than the limit cannot be within it.
            if member.name.len().abs_diff(length) > limit {
                continue;
            }
            let distance = edit_distance(unknown, member.name, limit);
            if distance <= limit {
                nearest = Some(member.name);
                match distance.checked_sub(1) {
                    Some(nearer) => limit = nearer,
                    None => break,
                }
            }
        }
    }
    if let Some(name) = nearest {
        return Some(Suggestion::Sibling(name));
    }
    members.iter().find_map(|member| match member.shape {
        Shape::Structure(children) => children
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(unknown))
            .map(|c| {
                let mut target = pointer::join(parent_path, member.name);
                pointer::push(&mut target, c.name);
                Suggestion::Nested(target)
            }),
        _ => None,
    })
}

/// Whether renaming `unknown` to `known` is the one fix: no other member is
/// as near, `known` is not set already (`taken`), and `unknown` appears once
/// (not `repeated`).
fn is_unambiguous_rename(
    unknown: &str,
    known: &str,
    members: &'static [Member],
    taken: bool,
    repeated: bool,
) -> bool {
    // No limit that matters (names are cut at 64 characters): the distance itself.
    let nearest = edit_distance(unknown, known, 64);
    let length = unknown.chars().count();
    let ties = members
        .iter()
        .filter(|m| m.name != known && m.name.len().abs_diff(length) <= nearest)
        .any(|m| edit_distance(unknown, m.name, nearest) <= nearest);
    !ties && !taken && !repeated
}

/// Levenshtein distance over characters, ignoring ASCII case, between an
/// unknown name and a known one (a member name of the schema, all ASCII:
/// a test holds them so), or `limit + 1` when it is more than `limit`;
/// names beyond 64 characters are cut. It runs once per known name for
/// every unknown member, so it allocates and copies nothing: one row of
/// distances on the stack, updated in place, the known name read as bytes,
/// and the rows left as soon as every distance in one exceeds `limit` (two
/// rows swapped by value, both names lowered into new strings and the whole
/// table made an unknown member cost about 50,000 instructions in
/// WebAssembly).
fn edit_distance(unknown: &str, known: &str, limit: usize) -> usize {
    const MAX: usize = 64;
    // A name mistyped only in its case, and the known name itself.
    if unknown.eq_ignore_ascii_case(known) {
        return 0;
    }
    let known = known.as_bytes();
    let known = known.get(..MAX).unwrap_or(known);
    // row[j]: the distance between the unknown characters read so far and
    // the first j known ones (at most 64: a byte holds it).
    let mut row = [0u8; MAX + 1];
    for (j, cell) in (0..).zip(row.iter_mut()) {
        *cell = j;
    }
    for (read, a) in (1..).zip(unknown.chars().take(MAX)) {
        let a = a.to_ascii_lowercase();
        // The distances one known character back, on this row (left) and
        // on the row before (diagonal); the least on this row.
        let (mut left, mut diagonal) = (read, read - 1);
        let mut least = left;
        row[0] = read;
        for (cell, b) in row.iter_mut().skip(1).zip(known) {
            let above = *cell;
            let substitution = diagonal + u8::from(a != char::from(b.to_ascii_lowercase()));
            left = substitution.min(above + 1).min(left + 1);
            least = least.min(left);
            *cell = left;
            diagonal = above;
        }
        // Distances never fall from one row to the next.
        if usize::from(least) > limit {
            return limit + 1;
        }
    }
    usize::from(row.get(known.len()).copied().unwrap_or_default()).min(limit + 1)
}

/// A value as a phrase: "a string (\"1024\")", "the number 1.5", "null".
fn describe(value: &Value) -> String {
    let mut out = String::new();
    push_described(&mut out, value);
    out
}

/// Appends [`describe`]`(value)` to `out`: a message that names the value
/// writes the phrase into itself, without a string of its own.
fn push_described(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(&format!("the boolean {flag}")),
        Value::Number(Number::Int(int)) => out.push_str(&format!("the integer {int}")),
        Value::Number(Number::BigInt(literal)) => {
            out.push_str(&format!("the integer {}", excerpt(literal)));
        }
        Value::Number(Number::Float(literal)) => {
            out.push_str(&format!("the number {}", excerpt(literal)));
        }
        Value::String(text) => push_message(out, &[Plain("a string ("), Quoted(text), Plain(")")]),
        Value::Array(_) => out.push_str("an array"),
        Value::Object(_) => out.push_str("an object"),
    }
}

fn describe_char(ch: char) -> String {
    match ch {
        '\0' => "a NUL character".to_owned(),
        c if c.is_control() || c.is_whitespace() => format!("the character U+{:04X}", c as u32),
        c => format!("\"{c}\""),
    }
}

/// "A, B or C".
fn list_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::bit;

    #[test]
    fn fixed_missing_members_read_as_the_built_ones() {
        use super::{fixed_missing, label, missing_member, pointer, FIXED_MISSING};
        for text in FIXED_MISSING {
            let (path, rest) = text.as_str().split_once(' ').expect("a path and a message");
            let member = path.strip_prefix('/').expect("a pointer");
            let (fixed_path, message) = fixed_missing(member, "").expect("found by its member");
            assert_eq!(fixed_path.as_str(), pointer::join("", member));
            assert_eq!(message.as_str(), missing_member(member, label("", "")));
            assert_eq!(message.as_str(), format!("{member} {rest}"));
            assert!(
                fixed_missing(member, "/Options").is_none(),
                "only at the root"
            );
        }
        assert!(fixed_missing("Source", "").is_none(), "a whole name only");
        assert!(fixed_missing("TaskArnX", "").is_none());
        let missing = |text: &str, operation: &str| {
            let options = crate::CallOptions::from_json(
                &crate::json::parse(&format!(r#"{{"operation": "{operation}"}}"#))
                    .expect("options")
                    .value,
            )
            .expect("options");
            let report = validate_text(text, &options.context(Context::default()));
            report
                .diagnostics
                .into_iter()
                .filter(|d| d.code.as_str() == "request/missing-member")
                .map(|d| {
                    assert!(
                        matches!(d.path, std::borrow::Cow::Borrowed(_)),
                        "{}",
                        d.path
                    );
                    assert!(
                        matches!(d.message, std::borrow::Cow::Borrowed(_)),
                        "{}",
                        d.message
                    );
                    (d.path.into_owned(), d.message.into_owned())
                })
                .collect::<Vec<_>>()
        };
        let pair = |path: &str, message: &str| (path.to_owned(), message.to_owned());
        assert_eq!(
            missing("{}", "CreateTask"),
            [
                pair(
                    "/DestinationLocationArn",
                    "DestinationLocationArn is required."
                ),
                pair("/SourceLocationArn", "SourceLocationArn is required."),
            ]
        );
        assert_eq!(
            missing("{}", "UpdateTask"),
            [pair("/TaskArn", "TaskArn is required.")]
        );
    }
    use crate::rules::testing::{at, findings};
    use crate::{validate_text, Context};

    fn codes(text: &str) -> Vec<(String, &'static str)> {
        validate_text(text, &Context::default())
            .diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
            .collect()
    }

    #[test]
    fn the_root_must_be_an_object() {
        for text in ["[]", "null", "3", "\"x\"", "true"] {
            assert_eq!(codes(text), [at("", "request/not-an-object")], "{text}");
        }
    }

    #[test]
    fn both_locations_are_required() {
        assert_eq!(
            codes("{}"),
            [
                at("/DestinationLocationArn", "request/missing-member"),
                at("/SourceLocationArn", "request/missing-member")
            ]
        );
    }

    #[test]
    fn bytes_per_second_is_a_64_bit_integer_of_at_least_minus_one() {
        assert_eq!(findings(r#""Options":{"BytesPerSecond":-1}"#), []);
        assert_eq!(
            findings(r#""Options":{"BytesPerSecond":9223372036854775807}"#),
            []
        );
        for (value, code) in [
            ("-2", "value/below-minimum"),
            ("1.5", "value/wrong-type"),
            ("1.0", "value/wrong-type"),
            ("1e3", "value/wrong-type"),
            ("\"1024\"", "value/wrong-type"),
            ("true", "value/wrong-type"),
            ("9223372036854775808", "value/integer-out-of-range"),
        ] {
            assert_eq!(
                findings(&format!(r#""Options":{{"BytesPerSecond":{value}}}"#)),
                [at("/Options/BytesPerSecond", code)],
                "{value}"
            );
        }
    }

    #[test]
    fn huge_number_literals_are_cut_in_messages_as_strings_are() {
        let digits = "1".repeat(1 << 20);
        for literal in [format!("0.{digits}"), format!("{digits}e5"), digits.clone()] {
            let report = validate_text(
                &crate::rules::testing::request(&format!(
                    r#""Options":{{"BytesPerSecond":{literal}}},"TaskMode":{literal}"#
                )),
                &Context::default(),
            );
            assert_eq!(report.diagnostics.len(), 2);
            for diagnostic in &report.diagnostics {
                assert!(
                    diagnostic.message.len() < 400,
                    "{}",
                    diagnostic.message.len()
                );
                assert!(
                    diagnostic.message.contains("1111…"),
                    "{}",
                    diagnostic.message
                );
            }
        }
    }

    #[test]
    fn enums_are_case_sensitive() {
        assert_eq!(findings(r#""TaskMode":"ENHANCED""#), []);
        assert_eq!(
            findings(r#""TaskMode":"Enhanced""#),
            [at("/TaskMode", "value/not-in-enum")]
        );
    }

    #[test]
    fn model_names_need_no_pointer_escaping_and_structures_fit_the_seen_mask() {
        use crate::schema::Shape;
        fn visit(shape: &Shape) {
            match shape {
                Shape::Structure(members) => {
                    assert!(members.len() <= 64);
                    for member in *members {
                        assert!(member.name.bytes().all(|b| b.is_ascii_alphanumeric()));
                        visit(member.shape);
                    }
                }
                Shape::List { item, .. } => visit(item),
                Shape::String(_) | Shape::Long { .. } => {}
            }
        }
        visit(&crate::schema::REQUEST);
        assert_eq!((bit(0), bit(63), bit(64)), (1, 1 << 63, 0));
    }

    #[test]
    fn lengths_count_code_points_not_bytes() {
        // 256 two-byte characters would be 512 bytes but are 256 code points; the
        // pattern then rejects them, which shows the length check passed.
        let name = "é".repeat(256);
        assert_eq!(
            findings(&format!(r#""Name":"{name}""#)),
            [at("/Name", "value/pattern-mismatch")]
        );
        for name in ["a".repeat(257), "é".repeat(257), "😀".repeat(257)] {
            let found = findings(&format!(r#""Name":"{name}""#));
            assert!(found.contains(&at("/Name", "value/too-long")), "{found:?}");
        }
        // One four-byte character is one character: a Tag Key needs at least one.
        assert_eq!(
            findings(r#""Tags":[{"Key":"😀","Value":"v"}]"#),
            [at("/Tags/0/Key", "value/pattern-mismatch")]
        );
    }

    #[test]
    fn unknown_members_suggest_the_nearest_name() {
        let report = validate_text(
            &crate::rules::testing::request(r#""Options":{"Verifymode":"NONE"},"Atime":"NONE""#),
            &Context::default(),
        );
        let suggestions: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| crate::json::to_string(&d.params[1].1))
            .collect();
        assert_eq!(suggestions, ["\"/Options/Atime\"", "\"VerifyMode\""]);
    }

    #[test]
    fn list_sizes_follow_the_model() {
        let tags: Vec<String> = (0..50).map(|i| format!(r#"{{"Key":"k{i}"}}"#)).collect();
        assert_eq!(findings(&format!(r#""Tags":[{}]"#, tags.join(","))), []);
        let tags: Vec<String> = (0..51).map(|i| format!(r#"{{"Key":"k{i}"}}"#)).collect();
        assert_eq!(
            findings(&format!(r#""Tags":[{}]"#, tags.join(","))),
            [at("/Tags", "list/too-many-items")]
        );
    }

    mod operations {
        use crate::rules::testing::{at, call_options, findings_in, task_request, TASK_ARN};
        use crate::schema::Operation::{self, CreateTask, StartTaskExecution, UpdateTask};
        use crate::{validate_text, Context};

        fn messages(request: &str, operation: Operation) -> Vec<String> {
            validate_text(request, &Context::default().for_operation(operation))
                .diagnostics
                .into_iter()
                .map(|d| d.message.into_owned())
                .collect()
        }

        #[test]
        fn update_and_start_need_a_task_arn_of_the_right_form() {
            for operation in [UpdateTask, StartTaskExecution] {
                assert_eq!(
                    findings_in("{}", call_options(operation, None)),
                    [at("/TaskArn", "request/missing-member")]
                );
                assert_eq!(
                    findings_in(&task_request(""), call_options(operation, None)),
                    []
                );
                let location = r#"{"TaskArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"}"#;
                assert_eq!(
                    findings_in(location, call_options(operation, None)),
                    [at("/TaskArn", "value/pattern-mismatch")]
                );
            }
        }

        #[test]
        fn update_task_cannot_change_the_mode_the_locations_or_the_tags() {
            let request = task_request(
                r#""TaskMode":"ENHANCED","SourceLocationArn":"a","Tags":[],"Options":{"Atime":"NONE","Mtime":"NONE"}"#,
            );
            assert_eq!(
                findings_in(&request, call_options(UpdateTask, None)),
                [
                    at("/SourceLocationArn", "request/unknown-member"),
                    at("/Tags", "request/unknown-member"),
                    at("/TaskMode", "request/unknown-member"),
                ]
            );
            let said = messages(&task_request(r#""TaskMode":"ENHANCED""#), UpdateTask);
            assert_eq!(
                said,
                ["\"TaskMode\" is not an UpdateTask member: a task's mode is fixed when the task is created; create a new task to change it."]
            );
        }

        #[test]
        fn start_task_execution_overrides_options_for_one_run() {
            assert_eq!(
                findings_in(
                    &task_request(
                        r#""OverrideOptions":{"VerifyMode":"NONE"},"Tags":[{"Key":"run","Value":"1"}]"#
                    ),
                    call_options(StartTaskExecution, None)
                ),
                []
            );
            let said = messages(&task_request(r#""Options":{}"#), StartTaskExecution);
            assert_eq!(said.len(), 1);
            assert!(
                said[0].starts_with(
                    "\"Options\" is not a StartTaskExecution member: use OverrideOptions"
                ),
                "{said:?}"
            );
            // An option at the root belongs in OverrideOptions.
            assert_eq!(
                validate_text(&task_request(r#""Mtime":"NONE""#), &Context::default().for_operation(StartTaskExecution))
                    .diagnostics[0]
                    .message,
                "\"Mtime\" is not a StartTaskExecution member; it belongs at /OverrideOptions/Mtime."
            );
            // Execution tags follow the tag rules.
            assert_eq!(
                findings_in(
                    &task_request(r#""Tags":[{"Key":"aws:x"},{"Key":"a"},{"Key":"a"}]"#),
                    call_options(StartTaskExecution, None)
                ),
                [
                    at("/Tags/0/Key", "tag/reserved-prefix"),
                    at("/Tags/2/Key", "tag/duplicate-key")
                ]
            );
        }

        #[test]
        fn members_of_other_operations_get_no_cross_field_findings() {
            // Reported as unknown, not read: no tag rule on UpdateTask's Tags,
            // no schedule rule on StartTaskExecution's Schedule.
            let request = task_request(
                r#""Tags":[{"Key":"aws:x"}],"Schedule":{"ScheduleExpression":"rate(1 minute)"}"#,
            );
            assert_eq!(
                findings_in(&request, call_options(UpdateTask, None)),
                [
                    at("/Schedule/ScheduleExpression", "schedule/too-frequent"),
                    at("/Tags", "request/unknown-member")
                ]
            );
            assert_eq!(
                findings_in(&request, call_options(StartTaskExecution, None)),
                [
                    at("/Schedule", "request/unknown-member"),
                    at("/Tags/0/Key", "tag/reserved-prefix")
                ]
            );
        }

        #[test]
        fn create_task_says_where_a_task_arn_belongs_and_names_its_operation() {
            let said = messages(
                &crate::rules::testing::request(&format!(r#""TaskArn":"{TASK_ARN}""#)),
                CreateTask,
            );
            assert_eq!(said.len(), 1);
            assert!(
                said[0].contains("validate an UpdateTask request"),
                "{said:?}"
            );
            assert_eq!(
                messages("[]", StartTaskExecution),
                ["The request must be a JSON object of StartTaskExecution members, but it is an array."]
            );
        }
    }

    #[test]
    fn an_empty_name_or_tag_value_is_rejected_by_the_pattern() {
        // The length limit allows "" but the model's pattern needs a character,
        // and DataSync checks patterns: it rejects the request.
        let report = validate_text(
            &crate::rules::testing::request(r#""Name":"","Tags":[{"Key":"k","Value":""}]"#),
            &Context::default(),
        );
        assert!(!report.is_valid());
        let found: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.path.as_ref(), d.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/Name", "value/pattern-mismatch"),
                ("/Tags/0/Value", "value/pattern-mismatch")
            ]
        );
        assert!(report.diagnostics[0].message.contains("must not be empty"));
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        // Without a limit that matters: the distance itself.
        let edit_distance = |a: &str, b: &str| super::edit_distance(a, b, 64);
        assert_eq!(edit_distance("verifymode", "verifymode"), 0);
        assert_eq!(edit_distance("verfymode", "verifymode"), 1);
        assert_eq!(edit_distance("atim", "atime"), 1);
        assert_eq!(edit_distance("mtime", "atime"), 1);
        assert_eq!(edit_distance("", "uid"), 3);
        assert_eq!(edit_distance("gid", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("sitting", "kitten"), 3);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(edit_distance("ab", "ba"), 2);
        // ASCII case is ignored on both sides; other characters count as they are
        // (known names are ASCII).
        assert_eq!(edit_distance("VerifyMODE", "verifyMode"), 0);
        assert_eq!(edit_distance("verifymodé", "VerifyMode"), 1);
        assert_eq!(edit_distance("ÉTAT", "etat"), 1);
        // Beyond 64 characters either name is cut.
        assert_eq!(edit_distance(&"a".repeat(100), &"a".repeat(64)), 0);
        assert_eq!(edit_distance(&"a".repeat(64), &"a".repeat(100)), 0);
        assert_eq!(edit_distance(&"b".repeat(70), &"a".repeat(70)), 64);
    }

    /// The textbook form, on lowered copies of both names with a full table:
    /// what `edit_distance` must agree with.
    fn reference_distance(unknown: &str, known: &str) -> usize {
        let a: Vec<char> = unknown.to_ascii_lowercase().chars().take(64).collect();
        let b: Vec<char> = known.to_ascii_lowercase().chars().take(64).collect();
        let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in table.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in table[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let substitution = table[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
                table[i][j] = substitution
                    .min(table[i - 1][j] + 1)
                    .min(table[i][j - 1] + 1);
            }
        }
        table[a.len()][b.len()]
    }

    /// Every structure's member list in the schema, of every operation.
    fn member_lists() -> Vec<&'static [crate::schema::Member]> {
        use crate::schema::{Operation, Shape};
        fn gather(shape: &'static Shape, lists: &mut Vec<&'static [crate::schema::Member]>) {
            match shape {
                Shape::Structure(members) => {
                    lists.push(members);
                    for member in *members {
                        gather(member.shape, lists);
                    }
                }
                Shape::List { item, .. } => gather(item, lists),
                _ => {}
            }
        }
        let mut lists = Vec::new();
        for operation in Operation::ALL {
            gather(operation.request(), &mut lists);
        }
        lists
    }

    /// Each of `names`, and mistyped: a letter dropped, doubled, swapped
    /// with the next, upper-cased, accented; and a few odd ones.
    fn mistyped(names: &[&str]) -> Vec<String> {
        let mut unknowns: Vec<String> = Vec::new();
        for name in names {
            let chars: Vec<char> = name.chars().collect();
            unknowns.push(name.to_string());
            unknowns.push(name.to_ascii_uppercase());
            for at in [0, chars.len() / 2, chars.len() - 1] {
                let mut dropped = chars.clone();
                dropped.remove(at);
                unknowns.push(dropped.iter().collect());
                let mut doubled = chars.clone();
                doubled.insert(at, chars[at]);
                unknowns.push(doubled.iter().collect());
                let mut swapped = chars.clone();
                swapped.swap(at, (at + 1) % chars.len());
                unknowns.push(swapped.iter().collect());
                let mut accented = chars.clone();
                accented[at] = 'é';
                unknowns.push(accented.iter().collect());
            }
        }
        unknowns.extend(["", "x", "ab", "Tags2", "aws"].map(String::from));
        unknowns.push("x".repeat(80));
        unknowns.push(format!("{}x", names.concat()));
        unknowns
    }

    #[test]
    fn edit_distance_agrees_with_the_full_table_on_every_member_name() {
        use super::edit_distance;
        let mut names: Vec<&str> = member_lists()
            .into_iter()
            .flatten()
            .map(|member| member.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        assert!(names.len() > 40, "{}", names.len());
        assert!(names.iter().all(|name| name.is_ascii()), "{names:?}");
        for unknown in &mistyped(&names) {
            for known in &names {
                let distance = reference_distance(unknown, known);
                for limit in [0, 1, 2, 3, 4, 6, 64] {
                    assert_eq!(
                        edit_distance(unknown, known, limit),
                        distance.min(limit + 1),
                        "{unknown} / {known} within {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_suggested_sibling_is_the_first_of_the_nearest_names() {
        for members in member_lists() {
            let names: Vec<&str> = members.iter().map(|member| member.name).collect();
            for unknown in mistyped(&names) {
                // Every name within a third of the unknown name's length
                // (at least 1), the first of the nearest.
                let length = unknown.chars().count();
                let budget = (length / 3).max(1);
                let expected = names
                    .iter()
                    .filter(|name| name.len().abs_diff(length) <= budget)
                    .map(|name| (reference_distance(&unknown, name), *name))
                    .filter(|(distance, _)| *distance <= budget)
                    .min_by_key(|(distance, _)| *distance)
                    .map(|(_, name)| name);
                let found = match super::suggest(&unknown, members, "") {
                    Some(super::Suggestion::Sibling(name)) => Some(name),
                    _ => None,
                };
                assert_eq!(found, expected, "{unknown} among {names:?}");
            }
        }
    }
}
