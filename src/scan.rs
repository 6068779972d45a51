//! The single pass: reads a request's JSON text once, checking it against the
//! schema table as it reads and filling the rules' [`Record`] directly, with
//! no [`crate::json::Value`] tree.
//!
//! It reports the structural problems it meets as the structure walk
//! ([`crate::rules::structure`]) reports them, from the walk's own functions:
//! a required member missing, a value of the wrong type, a string outside its
//! enum, length or pattern, a number below its minimum or beyond 64 bits, too
//! many items, an unknown member (with its suggestion and fix, when the
//! object has been read: the message looks at the whole object). A value of
//! the wrong type, and an unknown member's, is read into the record as the
//! tree's reader ([`Record::from_value`]) reads it, so the cross-field rules
//! judge a partly invalid request as they judge its tree. What the pass
//! cannot judge cheaply ends it with `None`, and the caller validates the
//! text by the general path ([`crate::validate_text_by_tree`]) from the
//! start: anything but JSON text whose root is an object (the parser reports
//! it), a member named twice, a string with an escape (which the general path
//! decodes, and which may hold a lone surrogate), more than [`PROBLEM_LIMIT`]
//! problems, and, to keep the browser's download within its budget, an
//! object or an array where the model has something else or as an unknown
//! member's value (docs/performance.md, "The invalid request without the
//! tree" and "The invalid object without JSON text").
//!
//! The reader of the JavaScript walker's words ([`crate::walked::report`])
//! reads an object through the same [`Scanner`]: it lends the pass the
//! members and items the walker wrote as JSON text, and reports what is
//! wrong with the rest through the pass's functions.
//!
//! The problems are pushed in another order than the walk's (a list's count
//! after its items, an object's unknown members when it ends); the report is
//! the same, since the collector sorts and no two structural problems share a
//! path, a code and a message, and the pass never reports enough to be cut.

use std::borrow::Cow;

use crate::diagnostic::{Collector, Diagnostic, Wording};
use crate::json::{plain_run_length, same_bytes, Number, Value};
use crate::patterns::Pattern;
use crate::pointer;
use crate::request::{Record, Slot};
use crate::rules::structure::{
    at_least, bit, check_long, check_string, find_from, label, length_is_clean,
    missing_member_diagnostic, string_is_clean, too_many_items_diagnostic, type_error,
    unknown_member_diagnostic,
};
use crate::schema::{option_position, Member, Operation, Shape, StringRule, OPTION_POINTERS};

/// How many checks may report a problem before the pass leaves the request to
/// the general path: enough for any request a person writes; a report of
/// thousands is the general path's, which counts what it cannot show. It
/// counts checks, not diagnostics: one check (a string's, say, too long and
/// not matching its pattern) may push two.
pub const PROBLEM_LIMIT: usize = 64;

/// What the single pass read: the record, and the structural problems it
/// found (`None` when there are none; boxed, so that a clean request's
/// record moves with one word more, not a whole collector).
pub type Scanned<'a> = (Record<'a>, Option<Box<Collector>>);

/// The record of `text` read as a request of `operation`, with its structural
/// problems, or `None` when the pass leaves the text to the general path.
pub fn scan(text: &str, operation: Operation) -> Option<Scanned<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        operation,
        record: Record::default(),
        out: None,
        problem_checks: 0,
    };
    scanner.skip_whitespace();
    // A root that is not an object: the general path's to report.
    (scanner.peek() == Some(b'{')).then_some(())?;
    scanner.value(operation.request(), Slot::Root, &Place::ROOT)?;
    scanner.skip_whitespace();
    (scanner.pos == scanner.bytes.len()).then_some((scanner.record, scanner.out))
}

// The checks of a clean request's structure, shared with the reader of the
// JavaScript walker's record (`crate::walked`). Each predicate has one home,
// in `crate::rules::structure` beside the tree's check that reports it
// (`string_is_clean`, `at_least`), and every reader calls it: the pass
// inline, since it reads a string into the record whether or not it is
// clean; the walker's generated reader (`crate::walked::generated`) calls the
// predicates themselves, and its generic reader, the reference the tests hold
// it to, and its reporting reader go through `clean_string` and
// `clean_integer`, which read only a clean value.

/// A free string (not an enum) of `rule`: read into `slot` when clean.
#[inline]
pub(crate) fn clean_string<'a>(
    record: &mut Record<'a>,
    slot: Slot,
    rule: &StringRule,
    text: &'a str,
) -> Option<()> {
    string_is_clean(text, rule).then(|| record.string(slot, text))
}

/// An integer of at least `minimum`: read into `slot` when it is.
#[inline]
pub(crate) fn clean_integer(
    record: &mut Record<'_>,
    slot: Slot,
    minimum: i64,
    value: i64,
) -> Option<()> {
    at_least(value, minimum).then(|| record.integer(slot, value))
}

/// Marks the member at `position` seen; `None` when it was already (or is
/// beyond the 64 positions `seen` holds).
#[inline]
pub(crate) fn first_time(seen: &mut u64, position: usize) -> Option<()> {
    let mask = bit(position);
    if mask == 0 || *seen & mask != 0 {
        return None;
    }
    *seen |= mask;
    Some(())
}

/// Whether every required member of `members` is among those `seen`.
pub(crate) fn all_required(members: &[Member], seen: u64) -> Option<()> {
    members
        .iter()
        .enumerate()
        .all(|(at, member)| !member.required || seen & bit(at) != 0)
        .then_some(())
}

/// Whether a list of `count` items is within its `max_items`.
#[inline]
pub(crate) fn within(count: usize, max_items: usize) -> Option<()> {
    (count <= max_items).then_some(())
}

/// What has been read of an object, by the pass or by the walker's reader.
#[derive(Default)]
pub(crate) struct ObjectRead<'a> {
    /// The model's members seen, one bit per position (every structure of
    /// the model has far fewer than 64).
    pub(crate) seen: u64,
    /// Where the next member is looked for first: members usually come in
    /// the model's order, so after the last one.
    pub(crate) next: usize,
    /// The unknown members' names, reported when the object has been read
    /// (their messages look at the whole object); no allocation until one.
    pub(crate) unknown: Vec<&'a str>,
}

/// Where a value is: its member's name or its index in a list, and its
/// parent's place. Places live on the call stack, so a pointer is written
/// only for a diagnostic.
pub(crate) struct Place<'p> {
    parent: Option<&'p Place<'p>>,
    /// The member's name, as messages name it; "" for a list item (and the root).
    name: &'static str,
    /// A list item's index.
    index: usize,
}

impl Place<'_> {
    /// The place of the request itself.
    pub(crate) const ROOT: Place<'static> = Place {
        parent: None,
        name: "",
        index: 0,
    };

    /// The JSON pointer of the value: `""` for the root, without an allocation.
    /// Not inlined: every diagnostic's path is written by this one copy.
    #[inline(never)]
    fn pointer(&self) -> String {
        if self.parent.is_none() {
            return String::new();
        }
        let mut out = String::with_capacity(64);
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
            if self.name.is_empty() {
                pointer::push_index(out, self.index);
            } else {
                // Model names are plain ASCII words: nothing to escape.
                out.push('/');
                out.push_str(self.name);
            }
        }
    }

    /// The JSON pointer of the value as a diagnostic's path:
    /// [`Fixed`](crate::diagnostic::Fixed) text for a member of the options
    /// (`/Options/BytesPerSecond`, where most wrong values of a request
    /// are), else [`Place::pointer`]'s.
    fn path(&self) -> Wording {
        if let Some(options) = self.parent {
            let at_root = options.parent.is_some_and(|root| root.parent.is_none());
            if at_root && options.name == "Options" {
                if let Some(&pointer) =
                    option_position(self.name).and_then(|at| OPTION_POINTERS.get(at))
                {
                    return pointer.into();
                }
            }
        }
        self.pointer().into()
    }

    /// The place of the member `name` of this value.
    pub(crate) fn member(&self, name: &'static str) -> Place<'_> {
        Place {
            parent: Some(self),
            name,
            index: 0,
        }
    }

    /// The place of the item at `index` of this list.
    pub(crate) fn item(&self, index: usize) -> Place<'_> {
        Place {
            parent: Some(self),
            name: "",
            index,
        }
    }
}

/// The single pass over JSON text; the reader of the JavaScript walker's
/// words ([`crate::walked`]) lends it the snippets the walker wrote as JSON
/// text ([`Scanner::read_members`], [`Scanner::read_value`]) and reports
/// through it what it finds in the words, so that both fill one record and
/// one collector.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    operation: Operation,
    /// The record being read.
    pub(crate) record: Record<'a>,
    /// The structural problems found, when there are any.
    out: Option<Box<Collector>>,
    /// How many checks have reported a problem (one check may push two
    /// diagnostics: see [`PROBLEM_LIMIT`]).
    problem_checks: usize,
}

impl<'a> Scanner<'a> {
    /// A pass for a request of `operation` with nothing read yet, for the
    /// walker's reader: it has no text of its own until lent some.
    pub(crate) fn without_text(operation: Operation) -> Self {
        Scanner {
            text: "",
            bytes: b"",
            pos: 0,
            operation,
            record: Record::default(),
            out: None,
            problem_checks: 0,
        }
    }

    /// The problems found, taken (the record stays, lent to the rules).
    pub(crate) fn take_problems(&mut self) -> Option<Box<Collector>> {
        self.out.take()
    }

    /// Reads `text` next, from its start.
    fn lend(&mut self, text: &'a str) {
        self.text = text;
        self.bytes = text.as_bytes();
        self.pos = 0;
    }

    /// Whether the text lent has all been read.
    fn all_read(&self) -> Option<()> {
        (self.pos == self.bytes.len()).then_some(())
    }

    /// Reads `text`, members of an object of `members` at `place` as
    /// `JSON.stringify` writes them (`"Name":1,"Other":"x"`, not empty),
    /// into `slot`, as [`Scanner::member`] reads each, noted in `read`.
    pub(crate) fn read_members(
        &mut self,
        text: &'a str,
        members: &'static [Member],
        slot: Slot,
        place: &Place<'_>,
        read: &mut ObjectRead<'a>,
    ) -> Option<()> {
        self.lend(text);
        loop {
            self.member(members, slot, place, read)?;
            if self.all_read().is_some() {
                return Some(());
            }
            self.expect(b',')?;
        }
    }

    /// Reads `text`, one value of `shape` at `place`, into `slot`.
    pub(crate) fn read_value(
        &mut self,
        text: &'a str,
        shape: &'static Shape,
        slot: Slot,
        place: &Place<'_>,
    ) -> Option<()> {
        self.lend(text);
        self.value(shape, slot, place)?;
        self.all_read()
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Steps over whitespace; at once when there is none, as in compact text.
    #[inline]
    fn skip_whitespace(&mut self) {
        if self.peek().is_some_and(|byte| byte <= b' ') {
            // One space, as after the colons of most formatted text.
            if self.peek() == Some(b' ') && self.bytes.get(self.pos + 1).is_some_and(|&b| b > b' ')
            {
                self.pos += 1;
            } else {
                self.skip_whitespace_run();
            }
        }
    }

    /// Steps over a run of whitespace, eight bytes at a time: for each byte
    /// of a word, whether it is something else shows in its high bit.
    #[inline(never)]
    fn skip_whitespace_run(&mut self) {
        const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const HIGH: u64 = !LOW;
        // The high bit of each byte of `word` that is not `byte`.
        let not = |word: u64, byte: u8| {
            let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
            (((x & LOW) + LOW) | x) & HIGH
        };
        let mut pos = self.pos;
        while let Some(chunk) = self.bytes.get(pos..pos + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let other = not(word, b' ') & not(word, b'\n') & not(word, b'\r') & not(word, b'\t');
            if other != 0 {
                self.pos = pos + (other.trailing_zeros() / 8) as usize;
                return;
            }
            pos += 8;
        }
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(pos) {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The next byte after any whitespace, stepped over.
    fn token(&mut self) -> Option<u8> {
        self.skip_whitespace();
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    /// Steps over `byte`, which must come next.
    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// A value of `shape` (after any whitespace) at `place`, read into `slot`.
    /// Not inlined into [`scan`]: one copy.
    #[inline(never)]
    fn value(&mut self, shape: &'static Shape, slot: Slot, place: &Place<'_>) -> Option<()> {
        self.skip_whitespace();
        match shape {
            Shape::Structure(members) if self.peek() == Some(b'{') => {
                self.object(members, slot, place)
            }
            Shape::Structure(_) => self.read_not_of_shape(shape, slot, place),
            Shape::List { item, max_items } if self.peek() == Some(b'[') => {
                self.array(item, *max_items, slot, place)
            }
            Shape::List { .. } => self.read_not_of_shape(shape, slot, place),
            // A value of an enum is one of its words, written as it is.
            Shape::String(rule) if !rule.allowed.is_empty() => {
                match rule
                    .allowed
                    .iter()
                    .enumerate()
                    .find_map(|(position, allowed)| Some((position, self.literal_string(allowed)?)))
                {
                    Some((position, text)) => {
                        self.record.choice(slot, position, text);
                        Some(())
                    }
                    None => self.string_value(shape, rule, slot, place, false),
                }
            }
            // An ARN, matched as it is read.
            Shape::String(rule) if rule.pattern.is_some_and(Pattern::is_arn) => {
                let start = self.pos;
                match self.arn_string(rule.pattern?) {
                    Some(text) if length_is_clean(text, rule) => {
                        self.record.string(slot, text);
                        Some(())
                    }
                    // Not clean if it is a string here: one without
                    // escapes is matched as it is read, so not matched again.
                    _ => {
                        self.pos = start;
                        self.string_value(shape, rule, slot, place, true)
                    }
                }
            }
            Shape::String(rule) => self.string_value(shape, rule, slot, place, false),
            Shape::Long { minimum } => {
                let start = self.pos;
                match self.integer() {
                    Some(value) if at_least(value, *minimum) => {
                        self.record.integer(slot, value);
                        Some(())
                    }
                    _ => {
                        self.pos = start;
                        self.read_not_of_shape(shape, slot, place)
                    }
                }
            }
        }
    }

    /// A string of `rule` (`shape`'s) at `place`, read into `slot`, and what
    /// is wrong with it; `known_unclean` when a string here is known not to be clean
    /// (an ARN that did not match as it was read), so not checked again.
    #[inline(always)]
    fn string_value(
        &mut self,
        shape: &'static Shape,
        rule: &StringRule,
        slot: Slot,
        place: &Place<'_>,
        known_unclean: bool,
    ) -> Option<()> {
        let start = self.pos;
        let Some(text) = self.string() else {
            // Not a string (a string with escapes is the general path's).
            self.pos = start;
            return (self.peek() != Some(b'"'))
                .then(|| self.read_not_of_shape(shape, slot, place))?;
        };
        self.record.string(slot, text);
        debug_assert!(!(known_unclean && string_is_clean(text, rule)));
        if !known_unclean && string_is_clean(text, rule) {
            return Some(());
        }
        self.string_problem(text, rule, place)
    }

    /// Reports what is wrong with the string `text` of `rule` at `place`.
    #[inline(never)]
    pub(crate) fn string_problem(
        &mut self,
        text: &str,
        rule: &StringRule,
        place: &Place<'_>,
    ) -> Option<()> {
        check_string(text, rule, place.name, place.path(), self.count_problem()?);
        Some(())
    }

    /// Reads the value next in the text at `place`, where a value of
    /// `shape` belongs and that is not one (or is an integer below its
    /// minimum, or beyond 64 bits), into `slot` as the tree's reader reads
    /// it, and reports it ([`Scanner::report_not_of_shape`]).
    #[inline(never)]
    fn read_not_of_shape(
        &mut self,
        shape: &'static Shape,
        slot: Slot,
        place: &Place<'_>,
    ) -> Option<()> {
        let value = self.scalar(slot)?;
        self.report_not_of_shape(shape, &value, place)
    }

    /// Records the scalar `value` (a string borrowed from the walker's
    /// strings) in `slot` and reports it ([`Scanner::report_not_of_shape`]),
    /// where the walker's words had a value of `shape` at `place` and it
    /// read another kind ([`crate::walked::SCALAR`]), or an integer below
    /// the minimum: as [`Scanner::read_not_of_shape`] reads and reports the
    /// same scalar in JSON text. `None` for a value the walker writes
    /// otherwise (a string that is clean, an integer of at least the
    /// minimum), which the text then judges.
    pub(crate) fn record_not_of_shape(
        &mut self,
        shape: &'static Shape,
        value: Value<'a>,
        slot: Slot,
        place: &Place<'_>,
    ) -> Option<()> {
        // An integer comes here only where none belongs or below its
        // minimum, where `Record::integer` notes it as any other value.
        match value {
            Value::String(Cow::Borrowed(text)) => self.record.string(slot, text),
            _ => self.record.other(slot),
        }
        self.report_not_of_shape(shape, &value, place)
    }

    /// Reports `value` at `place`, where a value of `shape` belongs and
    /// that is not one (a wrong type, a word outside its enum, an integer
    /// below its minimum): as the structure walk reports it (a structure is
    /// named by its pointer when it is a list's item). `None` for a value of
    /// `shape` (never asked by the pass: see [`Scanner::record_not_of_shape`]).
    #[inline(never)]
    fn report_not_of_shape(
        &mut self,
        shape: &'static Shape,
        value: &Value<'_>,
        place: &Place<'_>,
    ) -> Option<()> {
        if let (Shape::String(rule), Value::String(text)) = (shape, value) {
            // A word outside its enum.
            (!string_is_clean(text, rule)).then_some(())?;
            return self.string_problem(text, rule, place);
        }
        let (expected, labelled) = match shape {
            Shape::Structure(_) => ("an object", true),
            Shape::List { .. } => ("an array", false),
            Shape::String(_) => ("a string", false),
            Shape::Long { minimum } => {
                if let Value::Number(Number::Int(int)) = value {
                    (!at_least(*int, *minimum)).then_some(())?;
                }
                check_long(
                    value,
                    *minimum,
                    place.name,
                    place.path(),
                    self.count_problem()?,
                );
                return Some(());
            }
        };
        // A structure (no option is one) is named by its pointer when it is
        // a list's item: the label is a copy, the pointer moves into the diagnostic.
        let (labelled, path) = if labelled {
            let path = place.pointer();
            (Some(label(place.name, &path).to_owned()), path.into())
        } else {
            (None, place.path())
        };
        let name = labelled.as_deref().unwrap_or(place.name);
        let diagnostic = type_error(name, path, expected, value);
        self.report(diagnostic)
    }

    /// The collector, counting one more check that reports a problem; `None`
    /// beyond [`PROBLEM_LIMIT`].
    fn count_problem(&mut self) -> Option<&mut Collector> {
        self.problem_checks += 1;
        (self.problem_checks <= PROBLEM_LIMIT).then_some(())?;
        Some(self.out.get_or_insert_with(Box::default))
    }

    #[inline(never)]
    fn report(&mut self, diagnostic: Diagnostic) -> Option<()> {
        self.count_problem()?.push(diagnostic);
        Some(())
    }

    /// An object of `members` at `place`: each known, none twice, every
    /// required one present.
    fn object(&mut self, members: &'static [Member], slot: Slot, place: &Place<'_>) -> Option<()> {
        self.expect(b'{')?;
        self.record.object(slot);
        self.skip_whitespace();
        let mut read = ObjectRead::default();
        if self.expect(b'}').is_none() {
            loop {
                self.member(members, slot, place, &mut read)?;
                match self.token()? {
                    b',' => self.skip_whitespace(),
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        if read.unknown.is_empty() && all_required(members, read.seen).is_some() {
            return Some(());
        }
        self.object_problems(members, &read, place)
    }

    /// A member (`"Name":value`) of an object of `members` at `place`, read
    /// into `slot`, and noted in `read`: a member of the model not seen
    /// before, or an unknown one.
    #[inline(always)]
    fn member(
        &mut self,
        members: &'static [Member],
        slot: Slot,
        place: &Place<'_>,
        read: &mut ObjectRead<'a>,
    ) -> Option<()> {
        // The member expected next, else any.
        let at = match members.get(read.next) {
            Some(member) if self.literal_string(member.name).is_some() => read.next,
            _ => {
                let name = self.string()?;
                match find_from(members, name, read.next) {
                    Some(at) => at,
                    None => return self.unknown_member(slot, name, &mut read.unknown),
                }
            }
        };
        read.next = at + 1;
        first_time(&mut read.seen, at)?;
        let member = members.get(at)?;
        (self.token()? == b':').then_some(())?;
        let child = self
            .record
            .member(slot, member.name, Some(at), self.operation);
        self.value(member.shape, child, &place.member(member.name))
    }

    /// The value of the member `name`, not one of the model's, read into its
    /// slot as the tree's reader reads it; the name joins `unknown`. `None`
    /// for a name already there (a member named twice is the parser's to
    /// report), beyond [`PROBLEM_LIMIT`] names, and for a value that is an
    /// object or an array (the general path's).
    #[inline(never)]
    fn unknown_member(
        &mut self,
        slot: Slot,
        name: &'a str,
        unknown: &mut Vec<&'a str>,
    ) -> Option<()> {
        (unknown.len() < PROBLEM_LIMIT && !unknown.contains(&name)).then_some(())?;
        unknown.push(name);
        (self.token()? == b':').then_some(())?;
        let child = self.record.member(slot, name, None, self.operation);
        self.scalar(child).map(drop)
    }

    /// Reports the unknown members of the object of `members` at `place`
    /// and the required members it lacks, as `read` has them.
    #[inline(never)]
    pub(crate) fn object_problems(
        &mut self,
        members: &'static [Member],
        read: &ObjectRead<'_>,
        place: &Place<'_>,
    ) -> Option<()> {
        let seen = read.seen;
        let mut path = place.pointer();
        let parent = path.len();
        for name in &read.unknown {
            pointer::push(&mut path, name);
            // Asked only for a name the message suggests: a member of the
            // model, which is there when seen, or the unknown name, which is
            // there once.
            let count = |wanted: &str| match members.iter().position(|m| m.name == wanted) {
                Some(at) => usize::from(seen & bit(at) != 0),
                None => 1,
            };
            let diagnostic = unknown_member_diagnostic(
                self.operation,
                name,
                members,
                place.name,
                &path,
                parent,
                &count,
            );
            self.report(diagnostic)?;
            path.truncate(parent);
        }
        for (at, member) in members.iter().enumerate() {
            if member.required && seen & bit(at) == 0 {
                let diagnostic = missing_member_diagnostic(member.name, place.name, &path);
                self.report(diagnostic)?;
            }
        }
        Some(())
    }

    /// An array of at most `max_items` values of `item`, at `place`.
    fn array(
        &mut self,
        item: &'static Shape,
        max_items: usize,
        slot: Slot,
        place: &Place<'_>,
    ) -> Option<()> {
        self.expect(b'[')?;
        self.record.array(slot);
        self.skip_whitespace();
        let mut count = 0;
        if self.expect(b']').is_none() {
            loop {
                let child = self.record.item(slot);
                let at = place.item(count);
                count += 1;
                self.value(item, child, &at)?;
                match self.token()? {
                    b',' => {}
                    b']' => break,
                    _ => return None,
                }
            }
        }
        if within(count, max_items).is_none() {
            let path = place.pointer();
            let diagnostic = too_many_items_diagnostic(place.name, &path, max_items, count);
            self.report(diagnostic)?;
        }
        Some(())
    }

    /// A string, a number, `true`, `false` or `null`, read into `slot` as
    /// [`Record::from_value`] reads it, and as the structure walk's messages
    /// describe it. `None` for anything else (an object or an array is the
    /// general path's: see the module's documentation).
    fn scalar(&mut self, slot: Slot) -> Option<Value<'a>> {
        self.skip_whitespace();
        let start = self.pos;
        Some(match self.peek()? {
            b'"' => {
                let text = self.string()?;
                self.record.string(slot, text);
                Value::String(Cow::Borrowed(text))
            }
            b'-' | b'0'..=b'9' => match self.integer() {
                Some(int) => {
                    self.record.integer(slot, int);
                    Value::Number(Number::Int(int))
                }
                None => {
                    self.pos = start;
                    self.number()?;
                    self.record.other(slot);
                    let text = self.text.get(start..self.pos).unwrap_or_default();
                    // Beyond 64 bits, or with a fraction or an exponent.
                    Value::Number(
                        if text.bytes().any(|byte| matches!(byte, b'.' | b'e' | b'E')) {
                            Number::Float(Cow::Borrowed(text))
                        } else {
                            Number::BigInt(Cow::Borrowed(text))
                        },
                    )
                }
            },
            _ => {
                let word = ["true", "false", "null"].into_iter().find(|word| {
                    self.bytes.get(start..start + word.len()) == Some(word.as_bytes())
                })?;
                self.pos += word.len();
                self.record.other(slot);
                match word {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::Null,
                }
            }
        })
    }

    /// The string `expected` (which needs no escapes), if it comes next
    /// written as it is; else nothing is read.
    #[inline(never)]
    fn literal_string(&mut self, expected: &str) -> Option<&'a str> {
        let start = self.pos + 1;
        let end = start + expected.len();
        if self.peek() != Some(b'"')
            || self.bytes.get(end) != Some(&b'"')
            || !same_bytes(self.bytes.get(start..end)?, expected.as_bytes())
        {
            return None;
        }
        self.pos = end + 1;
        self.text.get(start..end)
    }

    /// A string without escapes or control characters, borrowed from the text.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.pos;
        self.pos += plain_run_length(self.bytes.get(start..)?);
        self.expect(b'"')?;
        // Both ends are next to an ASCII quote, so they are character boundaries.
        self.text.get(start..self.pos - 1)
    }

    /// A string without escapes or control characters that matches the ARN
    /// `pattern`, borrowed from the text.
    fn arn_string(&mut self, pattern: Pattern) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = start + pattern.json_string_length(self.bytes.get(start..)?)?;
        self.pos = end + 1;
        // Both ends are next to an ASCII quote, so they are character boundaries.
        self.text.get(start..end)
    }

    /// An integer literal (no fraction, no exponent) that fits in `i64`;
    /// `None` for anything else, which [`Scanner::read_not_of_shape`] reads again.
    fn integer(&mut self) -> Option<i64> {
        let negative = self.expect(b'-').is_some();
        let mut value: i64 = 0;
        let first = self.pos;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            let digit = i64::from(digit - b'0');
            // Accumulated on the negative side, which holds i64::MIN too.
            value = value.checked_mul(10)?.checked_sub(digit)?;
            self.pos += 1;
        }
        let digits = self.pos - first;
        if digits == 0
            || (digits > 1 && self.bytes.get(first) == Some(&b'0'))
            || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        if negative {
            Some(value)
        } else {
            value.checked_neg()
        }
    }

    /// Steps over a number literal as JSON writes it; `None` for what JSON
    /// does not allow.
    fn number(&mut self) -> Option<()> {
        self.expect(b'-');
        let first = self.pos;
        self.digits()?;
        // A leading zero: not JSON.
        if self.pos - first > 1 && self.bytes.get(first) == Some(&b'0') {
            return None;
        }
        if self.expect(b'.').is_some() {
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        Some(())
    }

    /// Steps over one digit or more.
    fn digits(&mut self) -> Option<()> {
        let first = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        (self.pos > first).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::{scan, Place, PROBLEM_LIMIT};
    use crate::diagnostic::{Code, Diagnostic};
    use crate::json::parse;
    use crate::request::Record;
    use crate::rules::testing::{clean_request_files, request, task_request};
    use crate::schema::Operation;
    use crate::schema::OPTION_POINTERS;
    use crate::{validate_text, validate_text_by_tree, Context};
    use std::borrow::Cow;

    fn context(operation: Operation) -> Context<'static> {
        Context::at(1_795_564_800).for_operation(operation)
    }

    /// The path a diagnostic at `place` gets, and whether it is fixed text.
    fn path_at(place: &Place<'_>) -> (String, bool) {
        let path = Diagnostic::of(Code::WrongType, place.path(), String::new()).path;
        let fixed = matches!(path, Cow::Borrowed(_));
        (path.into_owned(), fixed)
    }

    #[test]
    fn option_pointers_are_the_built_ones() {
        let members = crate::schema::option_members();
        assert_eq!(OPTION_POINTERS.len(), members.len());
        let options = Place::ROOT.member("Options");
        for (at, member) in members.iter().enumerate() {
            let place = options.member(member.name);
            let built = place.pointer();
            assert_eq!(OPTION_POINTERS[at].as_str(), built);
            assert_eq!(path_at(&place), (built, true));
        }
        // Elsewhere the path is built: another parent, a deeper "Options", the root.
        let tags = Place::ROOT.member("Tags");
        let elsewhere = [
            Place::ROOT.member("OverrideOptions"),
            tags.item(0),
            Place::ROOT.member("Schedule"),
        ];
        for parent in &elsewhere {
            let place = parent.member("BytesPerSecond");
            assert_eq!(path_at(&place), (place.pointer(), false));
            let deeper = parent.member("Options");
            let place = deeper.member("BytesPerSecond");
            assert_eq!(path_at(&place), (place.pointer(), false));
        }
        assert_eq!(
            path_at(&Place::ROOT.member("Options")),
            ("/Options".to_owned(), false)
        );
        assert_eq!(path_at(&Place::ROOT), (String::new(), false));
    }

    /// Reads `text` in one pass, which finds problems (`problems`) or none,
    /// and checks the record is the tree's and the report the general path's,
    /// byte for byte; returns the report's `(path, code)` pairs.
    fn judged_by_the_pass(
        text: &str,
        operation: Operation,
        problems: bool,
    ) -> Vec<(String, &'static str)> {
        let (record, found) = scan(text, operation).unwrap_or_else(|| panic!("one pass: {text}"));
        assert_eq!(found.is_some(), problems, "problems found in {text}");
        let tree = parse(text).expect("JSON");
        assert_eq!(record, Record::from_value(&tree.value, operation), "{text}");
        let context = context(operation);
        let (fast, general) = (
            validate_text(text, &context),
            validate_text_by_tree(text, &context),
        );
        assert_eq!(fast.to_json_text(), general.to_json_text(), "{text}");
        assert_eq!(fast, general);
        fast.diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
            .collect()
    }

    /// Reads `text` in one pass, which finds nothing wrong with its structure.
    fn read_in_one_pass(text: &str, operation: Operation) {
        judged_by_the_pass(text, operation, false);
    }

    /// Checks that the pass reports `extra` in a CreateTask request as the
    /// tree reports it, with `(path, code)` among the findings.
    fn reported_by_the_pass(extra: &str, path: &str, code: &str) {
        let found = judged_by_the_pass(&request(extra), Operation::CreateTask, true);
        assert!(
            found.iter().any(|(p, c)| p == path && *c == code),
            "{extra}: {found:?}"
        );
    }

    /// Checks that the pass gives `text` up, and that the report is the tree path's.
    fn left_to_the_tree(text: &str, operation: Operation) {
        assert!(scan(text, operation).is_none(), "{text}");
        let context = context(operation);
        assert_eq!(
            validate_text(text, &context),
            validate_text_by_tree(text, &context)
        );
    }

    #[test]
    fn the_examples_and_the_valid_fixtures_are_read_in_one_pass() {
        for text in clean_request_files() {
            if !text.contains('\\') {
                read_in_one_pass(&text, Operation::CreateTask);
            }
        }
    }

    #[test]
    fn every_shape_is_read_in_one_pass_with_any_whitespace() {
        let members = [
            // Enums, and a free string with a length and a pattern.
            r#""TaskMode":"ENHANCED","Name":"my task""#,
            // A nested structure of enums and a 64-bit integer at its bounds.
            r#""Options":{"VerifyMode":"NONE","BytesPerSecond":-1,"LogLevel":"BASIC"}"#,
            r#""Options":{"BytesPerSecond":9223372036854775807}"#,
            r#""Options":{"BytesPerSecond":-0}"#,
            // Lists of structures, empty and not.
            r#""Tags":[{"Key":"a","Value":"v"},{"Key":"aws:b"},{"Key":"a"}],"Includes":[]"#,
            r#""Excludes":[{"FilterType":"SIMPLE_PATTERN","Value":"*.tmp|/a"}]"#,
            // Empty objects, and deeper structures.
            r#""Options":{},"ManifestConfig":{}"#,
            r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY","ReportLevel":"ERRORS_ONLY","Overrides":{"Deleted":{"ReportLevel":"ERRORS_ONLY"}}}"#,
            r#""Schedule":{"ScheduleExpression":"rate(1 hour)","Status":"DISABLED"}"#,
            // Characters beyond ASCII.
            r#""Excludes":[{"Value":"/Größe ü"}]"#,
        ];
        for extra in members {
            read_in_one_pass(&request(extra), Operation::CreateTask);
            read_in_one_pass(&spaced(&request(extra)), Operation::CreateTask);
        }
        read_in_one_pass(
            &task_request(
                r#""Options":{"Mtime":"NONE"},"CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*""#,
            ),
            Operation::UpdateTask,
        );
        read_in_one_pass(
            &task_request(
                r#""OverrideOptions":{"TransferMode":"ALL","PreserveDeletedFiles":"REMOVE"}"#,
            ),
            Operation::StartTaskExecution,
        );
    }

    /// `text` with whitespace around every token, and a byte-order mark.
    fn spaced(text: &str) -> String {
        format!("\u{feff} \n{text}\r\n\t")
            .replace(',', " ,\n ")
            .replace("\":", "\"\t: ")
            .replace('{', "{ ")
            .replace('[', "[\r\n")
    }

    #[test]
    fn a_missing_required_member_is_reported_by_the_pass_as_the_tree_reports_it() {
        for (extra, path) in [
            (r#""Tags":[{"Value":"v"}]"#, "/Tags/0/Key"),
            (r#""Schedule":{}"#, "/Schedule/ScheduleExpression"),
            (r#""Tags":[{"Key":"a"},{"Value":"v"},{}]"#, "/Tags/2/Key"),
        ] {
            reported_by_the_pass(extra, path, "request/missing-member");
        }
        // At the root, with the rules that still run on what is there.
        for text in [
            r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","TaskMode":"ENHANCED","Options":{"Mtime":"NONE"}}"#,
            "{}",
            "{ }",
        ] {
            let found = judged_by_the_pass(text, Operation::CreateTask, true);
            assert!(found.contains(&("/DestinationLocationArn".into(), "request/missing-member")));
            judged_by_the_pass(&spaced(text), Operation::CreateTask, true);
        }
        let found = judged_by_the_pass("{}", Operation::UpdateTask, true);
        assert_eq!(found, [("/TaskArn".into(), "request/missing-member")]);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_reported_by_the_pass_and_read_as_the_tree_reads_it() {
        for (extra, path) in [
            (r#""TaskMode":1"#, "/TaskMode"),
            (r#""TaskMode":null"#, "/TaskMode"),
            (r#""Name":true"#, "/Name"),
            (r#""Options":"NONE""#, "/Options"),
            (r#""Options":-0"#, "/Options"),
            (r#""Tags":"aws:x""#, "/Tags"),
            (r#""Tags":["aws:x",{"Key":"a"}]"#, "/Tags/0"),
            (r#""Includes":[3]"#, "/Includes/0"),
            (r#""Excludes":false"#, "/Excludes"),
            (r#""Schedule":"rate(1 hour)""#, "/Schedule"),
            (r#""ManifestConfig":1e400"#, "/ManifestConfig"),
            (
                r#""TaskReportConfig":{"Overrides":null}"#,
                "/TaskReportConfig/Overrides",
            ),
            (
                r#""Options":{"BytesPerSecond":"1024"}"#,
                "/Options/BytesPerSecond",
            ),
            (
                r#""Options":{"BytesPerSecond":"fast","Mtime":"NONE"}"#,
                "/Options/BytesPerSecond",
            ),
            (
                r#""Options":{"BytesPerSecond":true}"#,
                "/Options/BytesPerSecond",
            ),
            (
                r#""Options":{"BytesPerSecond":1.0}"#,
                "/Options/BytesPerSecond",
            ),
            (
                r#""Options":{"BytesPerSecond":-1E+3}"#,
                "/Options/BytesPerSecond",
            ),
            (r#""Options":{"Atime":0}"#, "/Options/Atime"),
        ] {
            reported_by_the_pass(extra, path, "value/wrong-type");
            judged_by_the_pass(&spaced(&request(extra)), Operation::CreateTask, true);
        }
        let found = judged_by_the_pass(
            r#"{"SourceLocationArn":null,"DestinationLocationArn":7}"#,
            Operation::CreateTask,
            true,
        );
        assert_eq!(
            found,
            [
                ("/DestinationLocationArn".into(), "value/wrong-type"),
                ("/SourceLocationArn".into(), "value/wrong-type")
            ]
        );
    }

    #[test]
    fn an_enum_value_not_in_the_list_is_reported_by_the_pass() {
        for (extra, path) in [
            (r#""TaskMode":"basic""#, "/TaskMode"),
            (r#""TaskMode":"""#, "/TaskMode"),
            (
                r#""Options":{"VerifyMode":"NONEX","Mtime":"NONE"}"#,
                "/Options/VerifyMode",
            ),
            (r#""Options":{"Atime":"none"}"#, "/Options/Atime"),
            (
                r#""Excludes":[{"FilterType":"REGEX","Value":"/a"}]"#,
                "/Excludes/0/FilterType",
            ),
        ] {
            reported_by_the_pass(extra, path, "value/not-in-enum");
        }
    }

    #[test]
    fn a_pattern_mismatch_or_a_string_too_long_or_too_short_is_reported_by_the_pass() {
        let name_of_257 = format!(r#""Name":"{}""#, "n".repeat(257));
        let arn_too_long = format!(
            r#""CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:/{}""#,
            "a".repeat(600)
        );
        for (extra, path, code) in [
            (
                r#""CloudWatchLogGroupArn":"nope""#,
                "/CloudWatchLogGroupArn",
                "value/pattern-mismatch",
            ),
            (
                r#""CloudWatchLogGroupArn":"""#,
                "/CloudWatchLogGroupArn",
                "value/pattern-mismatch",
            ),
            (r#""Name":"""#, "/Name", "value/pattern-mismatch"),
            (&name_of_257, "/Name", "value/too-long"),
            (&arn_too_long, "/CloudWatchLogGroupArn", "value/too-long"),
            (r#""Tags":[{"Key":""}]"#, "/Tags/0/Key", "value/too-short"),
            (
                r#""Tags":[{"Key":"😀","Value":"v"}]"#,
                "/Tags/0/Key",
                "value/pattern-mismatch",
            ),
        ] {
            reported_by_the_pass(extra, path, code);
        }
        // The locations' ARNs themselves.
        let text = r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123","DestinationLocationArn":"x"}"#;
        let found = judged_by_the_pass(text, Operation::CreateTask, true);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_number_below_the_minimum_or_beyond_64_bits_is_reported_by_the_pass() {
        for (value, code) in [
            ("-2", "value/below-minimum"),
            ("-9223372036854775808", "value/below-minimum"),
            ("9223372036854775808", "value/integer-out-of-range"),
            ("-9223372036854775809", "value/integer-out-of-range"),
            (
                "123456789012345678901234567890",
                "value/integer-out-of-range",
            ),
        ] {
            reported_by_the_pass(
                &format!(r#""Options":{{"BytesPerSecond":{value}}}"#),
                "/Options/BytesPerSecond",
                code,
            );
        }
    }

    #[test]
    fn too_many_items_are_reported_by_the_pass_and_every_item_is_still_read() {
        reported_by_the_pass(
            r#""Includes":[{"Value":"/a"},{"Value":"/b"}]"#,
            "/Includes",
            "list/too-many-items",
        );
        let tags: Vec<String> = (0..52)
            .map(|i| format!(r#"{{"Key":"k{}"}}"#, i % 51))
            .collect();
        let extra = format!(r#""Tags":[{}]"#, tags.join(","));
        reported_by_the_pass(&extra, "/Tags", "list/too-many-items");
    }

    #[test]
    fn an_unknown_member_is_reported_by_the_pass_with_its_suggestion_and_fix() {
        for (extra, path) in [
            (r#""Bogus":1"#, "/Bogus"),
            (r#""Options":{"Verifymode":"NONE"}"#, "/Options/Verifymode"),
            // A rename that is not the one fix: the right name is there too.
            (
                r#""Options":{"Verifymode":"NONE","VerifyMode":"NONE"}"#,
                "/Options/Verifymode",
            ),
            (
                r#""Options":{"VerifyMode":"NONE","Verifymode":"NONE"}"#,
                "/Options/Verifymode",
            ),
            // The same name one level down.
            (r#""Atime":"NONE""#, "/Atime"),
            // Another operation's member, read as the tree reads it.
            (
                r#""TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0""#,
                "/TaskArn",
            ),
            (
                r#""Tags":[{"Key":"a","Valu":"v","a/b~c":null}]"#,
                "/Tags/0/a~1b~0c",
            ),
            (r#""ManifestConfig":{"Bogus":-0}"#, "/ManifestConfig/Bogus"),
            (
                r#""TaskReportConfig":{"Overrides":{"Bogus":1e3}}"#,
                "/TaskReportConfig/Overrides/Bogus",
            ),
            (r#""":"""#, "/"),
            // Two unknown members, and a missing member beside them.
            (
                r#""Schedule":{"Status":"ENABLED","Expression":"rate(1 hour)","x":true}"#,
                "/Schedule/x",
            ),
        ] {
            reported_by_the_pass(extra, path, "request/unknown-member");
            judged_by_the_pass(&spaced(&request(extra)), Operation::CreateTask, true);
        }
        // Members of CreateTask in requests of the other operations.
        let found = judged_by_the_pass(
            &task_request(r#""TaskMode":"BASIC","Name":"n""#),
            Operation::UpdateTask,
            true,
        );
        assert_eq!(found, [("/TaskMode".into(), "request/unknown-member")]);
        let found = judged_by_the_pass(
            &task_request(r#""TaskMode":"BASIC","Includes":null"#),
            Operation::StartTaskExecution,
            true,
        );
        assert_eq!(
            found,
            [
                ("/Includes".into(), "value/wrong-type"),
                ("/TaskMode".into(), "request/unknown-member")
            ]
        );
        judged_by_the_pass(&request(""), Operation::UpdateTask, true);
    }

    #[test]
    fn an_object_or_array_where_the_model_or_an_unknown_member_has_none_is_left_to_the_tree() {
        for extra in [
            r#""Name":["a",{"b":[1,2.5,-0,1e3]}]"#,
            r#""Options":[]"#,
            r#""Tags":{}"#,
            r#""Excludes":{"Value":"/a"}"#,
            r#""ManifestConfig":[{"Source":1}]"#,
            r#""Options":{"BytesPerSecond":{}}"#,
            // Unknown members whose values are objects or arrays.
            r#""Bogus":{}"#,
            r#""OverrideOptions":{"Mtime":"NONE"}"#,
            r#""Tags":[{"Key":"a","Valu":["v"]}]"#,
        ] {
            left_to_the_tree(&request(extra), Operation::CreateTask);
        }
        left_to_the_tree(
            &task_request(r#""Options":{}"#),
            Operation::StartTaskExecution,
        );
    }

    #[test]
    fn the_invalid_example_is_judged_by_the_pass() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/many-problems.json"
        ))
        .expect("the example");
        let found = judged_by_the_pass(&text, Operation::CreateTask, true);
        assert_eq!(found.len(), 6, "{found:?}");
    }

    #[test]
    fn what_the_pass_cannot_judge_cheaply_is_left_to_the_tree() {
        let many_problems: Vec<String> = (0..PROBLEM_LIMIT + 1)
            .map(|i| format!(r#"{{"Key":"aws:{i}","Value":1}}"#))
            .collect();
        let big_object: Vec<String> = (0..17).map(|i| format!(r#""k{i}":1"#)).collect();
        let members = [
            // A member twice: at the root, deeper, unknown, inside a value of the wrong type.
            r#""TaskMode":"BASIC","TaskMode":"BASIC""#.to_owned(),
            r#""Tags":[{"Key":"a","Key":"a"}]"#.to_owned(),
            r#""Bogus":1,"Bogus":2"#.to_owned(),
            r#""Tags":{"a":1,"a":2}"#.to_owned(),
            // Escapes, lone surrogates and raw control characters in strings.
            r#""Name":"a\u0041""#.to_owned(),
            r#""Name":"\/""#.to_owned(),
            r#""Task\u004dode":"BASIC""#.to_owned(),
            r#""Name":"\ud800""#.to_owned(),
            r#""Bogus":"\ud800""#.to_owned(),
            "\"Name\":\"a\tb\"".to_owned(),
            // Broken JSON, also inside values of the wrong type.
            r#""Name":"a",,"#.to_owned(),
            r#""Name" "a""#.to_owned(),
            r#""Options":{"BytesPerSecond":01}"#.to_owned(),
            r#""Options":{"BytesPerSecond":-}"#.to_owned(),
            r#""Options":{"BytesPerSecond":1x}"#.to_owned(),
            r#""Options":{"BytesPerSecond":1.}"#.to_owned(),
            r#""Options":{"BytesPerSecond":1e}"#.to_owned(),
            r#""Options":{"BytesPerSecond":tru}"#.to_owned(),
            r#""Name":[1,]"#.to_owned(),
            r#""Name":{"a":1,}"#.to_owned(),
            // Deep nesting, many members of a value of the wrong type, many
            // unknown members, many problems.
            format!(r#""Name":{}{}"#, "[".repeat(20), "]".repeat(20)),
            format!(r#""Name":{{{}}}"#, big_object.join(",")),
            format!(r#""Tags":[{}]"#, many_problems.join(",")),
        ];
        for extra in &members {
            left_to_the_tree(&request(extra), Operation::CreateTask);
        }
        let valid = request("");
        for text in [
            "",
            "[]",
            "\"x\"",
            "null",
            &valid[..valid.len() - 1],
            &format!("{valid} {{}}"),
            &format!("{valid}x"),
            &"[".repeat(10_000),
            &"{\"a\":".repeat(10_000),
        ] {
            left_to_the_tree(text, Operation::CreateTask);
        }
    }
}
