//! The reader of what the JavaScript walker wrote: `validate()` in
//! `js/text-path.mjs` reads a request given as an object with a walker
//! generated from the schema table (by `tests/generated.rs`), not with
//! `JSON.stringify`, and hands the core two things: words (one `f64` each)
//! and the request's strings, one after the other, as UTF-8. This module
//! reads them into the rules' [`Record`], with the checks the single pass
//! ([`crate::scan`]) applies to text, from the same functions.
//!
//! The words follow the schema, which the reader walks as the walker did.
//! Most words are a *member's word*: a whole number, its position among
//! its structure's members (below 64) plus 64 times what it holds:
//!
//! - first, the operation's word: the operation's position in
//!   [`Operation::ALL`] (the walker is chosen in JavaScript; the core checks
//!   it is the one it judges), holding the request's extent;
//! - a member that is a structure holds its extent, the count of words its
//!   members take; they follow, each as its member's word and then its
//!   value when the word does not hold it. No word ends a structure: its
//!   extent does;
//! - a list holds its count of items; each item follows as a member at
//!   position 0 would be written;
//! - a string of an enum holds its position among the enum's words;
//! - any other string holds its length in UTF-16 units (its characters are
//!   next in the strings);
//! - an integer holds nothing (0), and its value is the next word (the
//!   walker writes only safe integers);
//! - in place of a member's word: `-2` and a length, and the member or
//!   members as `JSON.stringify` writes them (`"Name":1,"Bogus":{}`) are
//!   next in the strings; in place of a list's item, `-3`, a length and the
//!   item: what the walker does not read as its shape (an unknown member, a
//!   wrong type...). These count in their structure's extent;
//! - in place of a member's word, when its value is a string, a safe
//!   integer, `true`, `false` or `null` of another kind than its shape (a
//!   wrong type, a word outside its enum): `-4` ([`SCALAR`]), then the
//!   member's word holding what the value is: 0 `null`, 1 `false`, 2
//!   `true`, 3 an integer (its value is the next word), 4 and more a string
//!   of that many UTF-16 units less 4 (its characters are next in the
//!   strings). Unlike JSON text, such a member is read with no parsing, and
//!   the walker writes it with no `JSON.stringify`.
//!
//! The clean reader ([`read`]) is generated per structure from the schema
//! table ([`generated`]); a generic one that follows the shapes as it goes
//! is the reference its tests hold it to. It gives up on JSON text in the
//! strings and on anything the structural check would report (lengths,
//! patterns, the minimum, item counts, required members). So a record it
//! reads is a request whose structure is clean, and the cross-field rules
//! judge it exactly as they judge its text. When it gives up, the reporting
//! reader ([`report`]) goes on from the start of the root member the clean
//! reader stopped in (the members before it are read and clean), reading
//! the words as the single pass reads the request's JSON text, and hands
//! back to the clean reader at the next root member (see
//! [`Reporter::request`]): the members and items written as JSON text are read
//! by the pass itself ([`crate::scan::Scanner`]), what is wrong with the
//! rest is reported through the pass's functions, and the rules judge the
//! record as they judge the text's. Only what the pass would leave to the
//! general path (an object or an array where the model has something else,
//! an escape in the JSON text, more than its limit of problems) is judged
//! from the request's JSON text, written from the words and strings as
//! `JSON.stringify` would have written the object (the same members in the
//! same order; strings escaped as [`json_text`] says). Either way the report
//! is the text's, byte for byte (`tests/differential.rs`).

use crate::diagnostic::Collector;
use std::borrow::Cow;

use crate::json::{to_string, write_compact, write_string, Number, Value};
use crate::locations::Location;
use crate::patterns::Pattern;
use crate::request::{Record, Slot};
use crate::rules::described;
use crate::rules::structure::{at_least, string_is_clean};
use crate::rules::Context;
use crate::scan::{
    all_required, clean_integer, clean_string, first_time, within, ObjectRead, Place, Scanned,
    Scanner,
};
use crate::schema::{Member, Operation, Shape, StringRule};
use crate::{judge_clean, judge_partly_invalid, Report};

#[rustfmt::skip]
mod generated;

/// A member's word is its position plus this many times what it holds
/// (every structure has fewer members). The walker's copy is generated from
/// this one, as are `RAW`'s and `RAW_ITEM`'s.
pub const POSITIONS: u64 = 64;
/// The word that marks members written as JSON text in the strings.
pub const RAW: f64 = -2.0;
/// The word that marks an item written as JSON text in the strings.
pub const RAW_ITEM: f64 = -3.0;
/// The word that marks a member holding a scalar of another kind than its
/// shape, written as its kind and value (see the module's documentation).
pub const SCALAR: f64 = -4.0;
/// What the word after [`SCALAR`] holds for a string of no units: its length
/// in UTF-16 units is added (below are `null`, `false`, `true` and an integer).
const SCALAR_STRING: usize = 4;

/// The report for the request in `words` and `strings` (`units` UTF-16 units
/// long in JavaScript), read as a request of `context`'s operation; `None`
/// only for words the walker never writes.
pub fn validate_walked(
    words: &[f64],
    strings: &str,
    units: usize,
    context: &Context,
) -> Option<Report> {
    reading(
        words,
        strings,
        units,
        context.operation,
        Reading {
            clean: |record: &Record| judge_clean(record, context),
            reported: |record: &Record, problems: Option<Box<Collector>>| match problems {
                Some(problems) => judge_partly_invalid(record, problems, context),
                None => judge_clean(record, context),
            },
            text: |text: String| crate::validate_text(&text, context),
        },
        context.locations,
    )
}

/// What to do with each thing [`reading`] may judge the words as (without
/// an enum that holds the record: moving the record in and out of one cost
/// the `.wasm` about 160 bytes gzip).
struct Reading<C, R, T> {
    /// With the clean reader's record: the structure is clean.
    clean: C,
    /// With the reporting reader's record and the structural problems it found, if any.
    reported: R,
    /// With the request's JSON text, to validate as text.
    text: T,
}

/// What [`validate_walked`] judges the words as, and [`judged_by`] names,
/// given to `reading`'s function for it: the clean reader's record, else the
/// reporting reader's, else the JSON text; `None` for words the walker never
/// writes.
fn reading<'a, Out>(
    words: &[f64],
    strings: &'a str,
    units: usize,
    operation: Operation,
    reading: Reading<
        impl FnOnce(&Record<'a>) -> Out,
        impl FnOnce(&Record<'a>, Option<Box<Collector>>) -> Out,
        impl FnOnce(String) -> Out,
    >,
    locations: &[Location],
) -> Option<Out> {
    // `read`'s steps, keeping the cursor for where it stopped and how many
    // strings it found clean (`read` itself serves the tests only; so does
    // `report`, which takes these steps through this function). The record
    // lives in the pass from the start: the clean reader fills it in place,
    // the reporting reader borrows the pass and reports into it where the
    // clean reader left it, and the rules read it there. It is never moved
    // (176 bytes: each move is a `memory.copy` in wasm, which V8 runs as a
    // call into C).
    let (mut at, extent) = Cursor::new(words, strings, units, operation, locations)?;
    let end = at.end(extent);
    let mut pass = Scanner::without_text(operation);
    if generated::read(&mut at, &mut pass.record, operation, extent).is_some() && at.at_end() {
        return Some((reading.clean)(&pass.record));
    }
    Some(match resume(at, &mut pass, operation, end) {
        Some(()) => {
            let problems = pass.take_problems();
            (reading.reported)(&pass.record, problems)
        }
        None => (reading.text)(json_text(words, strings, units, operation)?),
    })
}

/// What [`report`] finds, from where the clean reader stopped, read into
/// `pass` (its record and problems): `at` is the clean reader's cursor,
/// `pass.record` its record and `end` where the request's members end. The
/// root members it read before the one it stopped in are in the record as
/// the reporting reader would have read them (both fill it as `Record`'s
/// events do), and clean: the reporting reader goes on from the start of
/// that member (see [`Reporter::request`]). `None` where the pass would
/// leave the text to the general path, and where it stopped nowhere: it
/// read every member, but words or strings were left, which the walker
/// never writes.
/// Not inlined: a request that is clean never comes here.
#[inline(never)]
fn resume<'a>(
    at: Cursor<'_, 'a>,
    pass: &mut Scanner<'a>,
    operation: Operation,
    end: usize,
) -> Option<()> {
    Reporter {
        at,
        operation,
        pass,
        known_clean: 0,
    }
    .request(end)
}

/// The record of the request the walker wrote, read as a request of
/// `operation`, and the structural problems the single pass would find in
/// its JSON text, found as the pass finds them: the members and items the
/// walker wrote as JSON text are read by the pass itself, and what is wrong
/// with the rest is reported through it. `None` where the pass would leave
/// the text to the general path, and for words the walker never writes.
/// The root members the clean reader reads are read by it (see
/// [`Reporter::request`]).
pub fn report<'a>(
    words: &[f64],
    strings: &'a str,
    units: usize,
    operation: Operation,
) -> Option<Scanned<'a>> {
    // `reading`'s steps, the record copied out of its loan (the tests only).
    let found = Reading {
        clean: |record: &Record<'a>| Some((record.clone(), None)),
        reported: |record: &Record<'a>, problems| Some((record.clone(), problems)),
        text: |_| None,
    };
    reading(words, strings, units, operation, found, &[]).flatten()
}

/// The record of the request the walker wrote, read as a request of
/// `operation`, or `None` (see the module's documentation): by the reader
/// per structure generated from the schema table ([`generated`]).
pub fn read<'a>(
    words: &[f64],
    strings: &'a str,
    units: usize,
    operation: Operation,
) -> Option<Record<'a>> {
    let (mut at, extent) = Cursor::new(words, strings, units, operation, &[])?;
    let mut record = Record::default();
    generated::read(&mut at, &mut record, operation, extent)?;
    at.at_end().then_some(record)
}

/// What [`read`] reads, by the generic reader, which follows the schema
/// table's shapes as it goes and names each member to the record: the
/// reference the generated reader is tested against.
#[cfg(test)]
fn read_generic<'a>(
    words: &[f64],
    strings: &'a str,
    units: usize,
    operation: Operation,
) -> Option<Record<'a>> {
    let (at, extent) = Cursor::new(words, strings, units, operation, &[])?;
    let mut reader = Reader {
        at,
        operation,
        record: Record::default(),
    };
    reader.member(operation.request(), Slot::Root, extent)?;
    reader.at.at_end().then_some(reader.record)
}

/// The JSON text of the request in `words` and `strings` as `JSON.stringify`
/// writes the object the walker read: the same members in the same order,
/// compact. Its strings are not byte for byte `JSON.stringify`'s: the
/// crate's writer ([`write_string`]) writes backspace and form feed as
/// `\u0008` and `\u000c` where `JSON.stringify` writes `\b` and `\f`. The
/// parser reads either back as the same string, and no report quotes the
/// text itself (a diagnostic names a member by its path and quotes values),
/// so the report is the one `JSON.stringify`'s text gets. `None` for words
/// the walker never writes.
pub fn json_text(
    words: &[f64],
    strings: &str,
    units: usize,
    operation: Operation,
) -> Option<String> {
    let (at, extent) = Cursor::new(words, strings, units, operation, &[])?;
    let mut writer = Writer {
        at,
        out: String::with_capacity(strings.len() + 16 * words.len()),
    };
    writer.member(operation.request(), extent)?;
    writer.at.at_end().then_some(writer.out)
}

/// Where a cursor was (see [`Cursor::mark`]).
#[derive(Clone, Copy)]
struct Mark {
    /// The next word.
    next: usize,
    /// Where the next string starts, in bytes.
    at: usize,
    /// How many free strings had been found clean.
    clean: usize,
    /// The root members seen, by position.
    seen: u64,
}

/// Where a reader is in the words and strings.
struct Cursor<'w, 'a> {
    words: &'w [f64],
    /// The caller's location descriptions (see [`Cursor::clean_string`]).
    locations: &'w [Location],
    next: usize,
    strings: &'a str,
    /// Where the next string starts in `strings`, in bytes.
    at: usize,
    ascii: bool,
    /// Where the clean reader stopped, if it did: the start of the root
    /// member it stopped in, or the end of the request's members when one
    /// it requires is missing (see [`resume`]).
    stop: Option<Mark>,
    /// How many free strings [`Cursor::clean_string`] has found clean, in
    /// the order they come: the reporting reader, going on from the start
    /// of the root member the clean reader stopped in, does not check again
    /// those it found clean there (see [`Reporter::request`]).
    clean: usize,
}

impl<'w, 'a> Cursor<'w, 'a> {
    /// At the start of the words, after the operation's word, which must
    /// be `operation`'s; with the extent of the request it holds.
    fn new(
        words: &'w [f64],
        strings: &'a str,
        units: usize,
        operation: Operation,
        locations: &'w [Location],
    ) -> Option<(Self, usize)> {
        let mut cursor = Cursor {
            words,
            locations,
            next: 0,
            strings,
            at: 0,
            // One UTF-16 unit per UTF-8 byte: every character is ASCII.
            ascii: strings.len() == units,
            stop: None,
            clean: 0,
        };
        let (written, extent) = cursor.member()?;
        (Operation::ALL.get(written) == Some(&operation)).then_some((cursor, extent))
    }

    /// Where the members of a structure whose word held `extent` end: the
    /// word after them (beyond the words if the extent is: then the words
    /// run out first).
    fn end(&self, extent: usize) -> usize {
        self.next.saturating_add(extent)
    }

    /// Where the cursor is, with the root members `seen` so far (for
    /// [`Cursor::stopped`]).
    #[inline(always)]
    fn mark(&self, seen: u64) -> Mark {
        Mark {
            next: self.next,
            at: self.at,
            clean: self.clean,
            seen,
        }
    }

    /// Notes that the clean reader stopped in the root member that starts
    /// at `start` (see [`resume`]): always `None`, which it returns.
    #[cold]
    fn stopped<T>(&mut self, start: Mark) -> Option<T> {
        self.stop = Some(start);
        None
    }

    /// Whether every word and every string has been read.
    fn at_end(&self) -> bool {
        self.next == self.words.len() && self.at == self.strings.len()
    }

    /// Whether the next word is `word`; steps over it if so.
    fn take(&mut self, word: f64) -> bool {
        let next = self.words.get(self.next) == Some(&word);
        if next {
            self.next += 1;
        }
        next
    }

    fn word(&mut self) -> Option<f64> {
        let word = *self.words.get(self.next)?;
        self.next += 1;
        Some(word)
    }

    /// A word that is a length, after `-2` or `-3`: a whole number, not
    /// negative.
    fn count(&mut self) -> Option<usize> {
        let word = self.word()?;
        // Below 2^32, so the cast is exact.
        ((0.0..4_294_967_296.0).contains(&word) && word.fract() == 0.0).then_some(word as usize)
    }

    /// A member's word: the member's position among its structure's
    /// members, and what the word holds besides (see the module's
    /// documentation): a whole number below 2^53, not negative.
    fn member(&mut self) -> Option<(usize, usize)> {
        let word = self.word()?;
        // Saturating: a fraction, a negative number, NaN or one beyond 2^64 comes back another.
        let whole = word as u64;
        (whole as f64 == word && whole < 1 << 53).then_some(())?;
        let held = usize::try_from(whole / POSITIONS).ok()?;
        Some(((whole % POSITIONS) as usize, held))
    }

    /// The next string, its length in UTF-16 units in the next word (the
    /// members and items written as JSON text).
    fn string(&mut self) -> Option<&'a str> {
        let units = self.count()?;
        self.string_of(units)
    }

    /// The next string, `units` UTF-16 units long.
    fn string_of(&mut self, units: usize) -> Option<&'a str> {
        let rest = self.strings.get(self.at..)?;
        let length = if self.ascii {
            units
        } else {
            let mut left = units;
            let mut bytes = 0;
            for character in rest.chars() {
                if left == 0 {
                    break;
                }
                // A pair of surrogates cut in two is no string the walker wrote.
                left = left.checked_sub(character.len_utf16())?;
                bytes += character.len_utf8();
            }
            (left == 0).then_some(bytes)?
        };
        let text = rest.get(..length)?;
        self.at += length;
        Some(text)
    }

    /// A safe integer (at most 2^53 - 1 either way), which the cast keeps exact.
    fn integer(&mut self) -> Option<i64> {
        let word = self.word()?;
        (word.fract() == 0.0 && word.abs() < 9_007_199_254_740_992.0).then_some(word as i64)
    }

    /// The scalar that the member's word after [`SCALAR`] held `held` for
    /// (see the module's documentation), a string borrowed from the strings.
    fn scalar(&mut self, held: usize) -> Option<Value<'a>> {
        Some(match held {
            0 => Value::Null,
            1 => Value::Bool(false),
            2 => Value::Bool(true),
            3 => Value::Number(Number::Int(self.integer()?)),
            _ => Value::String(Cow::Borrowed(self.string_of(held - SCALAR_STRING)?)),
        })
    }

    /// A free string `units` long (what its member's word holds) that is
    /// clean as a string of `rule` (for the readers [`generated`] writes).
    #[inline(never)]
    fn clean_string(&mut self, rule: &'static StringRule, units: usize) -> Option<&'a str> {
        // When every character is ASCII, a unit is a byte: the string's
        // bytes taken here, without a call to `string_of`.
        let text = if self.ascii {
            let text = self.strings.get(self.at..self.at.checked_add(units)?)?;
            self.at += units;
            text
        } else {
            self.string_of(units)?
        };
        // A request's SourceLocationArn or DestinationLocationArn that is
        // the ARN of one of the caller's location descriptions, found clean
        // as the description was read or its ARN set
        // (`Location::arn_is_clean`, under the one rule of both members), is
        // clean without matching it again: the descriptions are kept in wasm
        // between calls (a form validates on every keystroke), and finding an
        // ARN among theirs costs a fraction of matching the pattern
        // (basic+locations as an object about 1,300 instructions per call
        // less; any other string, a compare more). The ARN and its note
        // cannot change apart (`Location::set_arn`), so this holds for a
        // native caller's descriptions too.
        let known = rule.pattern == Some(Pattern::LocationArn)
            && described(self.locations, text).is_some_and(|found| found.arn_is_clean);
        (known || string_is_clean(text, rule)).then_some(())?;
        self.clean += 1;
        Some(text)
    }

    /// A clean member of `shape` that no rule reads, whose word held
    /// `held` (for the readers [`generated`] writes): checked as the generic
    /// reader checks it; `None` for an integer, which no such value holds
    /// (see below).
    fn skip(&mut self, shape: &'static Shape, held: usize) -> Option<()> {
        match shape {
            Shape::Structure(members) => {
                let end = self.end(held);
                let mut seen: u64 = 0;
                while self.next < end {
                    let (at, held) = self.member()?;
                    first_time(&mut seen, at)?;
                    self.skip(members.get(at)?.shape, held)?;
                }
                (self.next == end).then_some(())?;
                all_required(members, seen)
            }
            Shape::List { item, max_items } => {
                within(held, *max_items)?;
                for _ in 0..held {
                    let held = self.item_word()?;
                    self.skip(item, held)?;
                }
                Some(())
            }
            Shape::String(rule) if !rule.allowed.is_empty() => choice(rule, held).map(drop),
            Shape::String(rule) => self.clean_string(rule, held).map(drop),
            // No integer is where no rule reads (the generator checks that
            // what it skips has none): no reader of its own here.
            Shape::Long { .. } => None,
        }
    }

    /// The word of a list's item, written as a member's at position 0
    /// would be: what it holds.
    fn item_word(&mut self) -> Option<usize> {
        match self.member()? {
            (0, held) => Some(held),
            _ => None,
        }
    }

    /// An integer of at least `minimum` (for the readers [`generated`] writes).
    fn clean_integer(&mut self, minimum: i64) -> Option<i64> {
        let value = self.integer()?;
        at_least(value, minimum).then_some(value)
    }
}

// What the readers [`generated`] writes know of the schema table, found
// when the crate is compiled: a shape is always what the generator saw
// (the generated file is checked against the table), so a mismatch fails
// the build.

/// The members of a structure.
const fn members_of(shape: &'static Shape) -> &'static [Member] {
    match shape {
        Shape::Structure(members) => members,
        _ => panic!("not a structure"),
    }
}

/// The rule of a request's `SourceLocationArn` and `DestinationLocationArn`,
/// the only strings of the LocationArn pattern (see [`Cursor::clean_string`];
/// a test checks it).
pub(crate) const LOCATION_ARN_RULE: &StringRule = rule_of(Operation::CreateTask.members()[0].shape);

/// The rule of a string.
const fn rule_of(shape: &'static Shape) -> &'static StringRule {
    match shape {
        Shape::String(rule) => rule,
        _ => panic!("not a string"),
    }
}

/// The item of a list.
const fn item_of(shape: &'static Shape) -> &'static Shape {
    match shape {
        Shape::List { item, .. } => item,
        _ => panic!("not a list"),
    }
}

/// The most items of a list.
const fn max_items_of(shape: &'static Shape) -> usize {
    match shape {
        Shape::List { max_items, .. } => *max_items,
        _ => panic!("not a list"),
    }
}

/// The minimum of an integer.
const fn minimum_of(shape: &'static Shape) -> i64 {
    match shape {
        Shape::Long { minimum } => *minimum,
        _ => panic!("not an integer"),
    }
}

/// The rule of the string member at `position` of `members` (for an arm
/// the generated readers share between members read alike).
fn rule_at(members: &'static [Member], position: usize) -> Option<&'static StringRule> {
    match members.get(position)?.shape {
        Shape::String(rule) => Some(rule),
        _ => None,
    }
}

/// The required members of a structure, one bit each by position (as
/// [`first_time`] marks those seen).
const fn required_of(members: &'static [Member]) -> u64 {
    assert!(members.len() <= 64);
    let mut mask = 0;
    let mut at = 0;
    while at < members.len() {
        if members[at].required {
            mask |= 1 << at;
        }
        at += 1;
    }
    mask
}

/// The word of the enum `rule` that a member's word held: its position and text.
fn choice(rule: &'static StringRule, held: usize) -> Option<(usize, &'static str)> {
    Some((held, rule.allowed.get(held)?))
}

/// `Some` for the word of an integer member, whose value follows in the
/// words: it holds nothing besides its position.
fn bare(held: usize) -> Option<()> {
    (held == 0).then_some(())
}

#[cfg(test)]
struct Reader<'w, 'a> {
    at: Cursor<'w, 'a>,
    operation: Operation,
    record: Record<'a>,
}

#[cfg(test)]
impl<'a> Reader<'_, 'a> {
    /// A member of `shape` whose word held `held` (the root, or an item, as
    /// a member), read into `slot`.
    fn member(&mut self, shape: &'static Shape, slot: Slot, held: usize) -> Option<()> {
        match shape {
            Shape::Structure(members) => self.object(members, slot, held),
            Shape::List { item, max_items } => {
                within(held, *max_items)?;
                self.record.array(slot);
                for _ in 0..held {
                    let child = self.record.item(slot);
                    let held = self.at.item_word()?;
                    self.member(item, child, held)?;
                }
                Some(())
            }
            Shape::String(rule) if !rule.allowed.is_empty() => {
                let (position, text) = choice(rule, held)?;
                self.record.choice(slot, position, text);
                Some(())
            }
            Shape::String(rule) => {
                let text: &'a str = self.at.string_of(held)?;
                clean_string(&mut self.record, slot, rule, text)
            }
            Shape::Long { minimum } => {
                bare(held)?;
                let value = self.at.integer()?;
                clean_integer(&mut self.record, slot, *minimum, value)
            }
        }
    }

    /// An object of `members`, `extent` words long: each known, none twice,
    /// every required one present (JSON text in the strings is not read:
    /// `None`).
    fn object(&mut self, members: &'static [Member], slot: Slot, extent: usize) -> Option<()> {
        self.record.object(slot);
        let end = self.at.end(extent);
        let mut seen: u64 = 0;
        while self.at.next < end {
            let (at, held) = self.at.member()?;
            first_time(&mut seen, at)?;
            let member = members.get(at)?;
            let child = self
                .record
                .member(slot, member.name, Some(at), self.operation);
            self.member(member.shape, child, held)?;
        }
        (self.at.next == end).then_some(())?;
        all_required(members, seen)
    }
}

/// Reads the words as the single pass reads the request's JSON text, reporting
/// through the pass, from the root member the clean reader stopped in (see
/// [`Reporter::request`]).
struct Reporter<'w, 'a, 'p> {
    at: Cursor<'w, 'a>,
    operation: Operation,
    pass: &'p mut Scanner<'a>,
    /// How many of the free strings still to come are known to be clean:
    /// those the clean reader found clean in the root member it stopped in
    /// (see [`Reporter::request`]).
    known_clean: usize,
}

impl<'a> Reporter<'_, 'a, '_> {
    /// A member of `shape` at `place` whose word held `held` (the root, or
    /// an item, as a member), read into `slot`.
    fn member(
        &mut self,
        shape: &'static Shape,
        slot: Slot,
        place: &Place<'_>,
        held: usize,
    ) -> Option<()> {
        match shape {
            Shape::Structure(members) => self.object(members, slot, place, held),
            Shape::List { item, max_items } => {
                // The walker writes a list too long as JSON text.
                within(held, *max_items)?;
                self.pass.record.array(slot);
                for index in 0..held {
                    let child = self.pass.record.item(slot);
                    let place = place.item(index);
                    if self.at.take(RAW_ITEM) {
                        let text = self.at.string()?;
                        self.pass.read_value(text, item, child, &place)?;
                    } else {
                        let held = self.at.item_word()?;
                        self.member(item, child, &place, held)?;
                    }
                }
                Some(())
            }
            Shape::String(rule) if !rule.allowed.is_empty() => {
                let (position, text) = choice(rule, held)?;
                self.pass.record.choice(slot, position, text);
                Some(())
            }
            Shape::String(rule) => {
                let text: &'a str = self.at.string_of(held)?;
                if self.known_clean > 0 {
                    // Found clean by the clean reader: not matched again.
                    self.known_clean -= 1;
                    debug_assert!(string_is_clean(text, rule));
                    self.pass.record.string(slot, text);
                    return Some(());
                }
                if clean_string(&mut self.pass.record, slot, rule, text).is_some() {
                    return Some(());
                }
                self.pass.record.string(slot, text);
                self.pass.string_problem(text, rule, place)
            }
            Shape::Long { minimum } => {
                bare(held)?;
                let value = self.at.integer()?;
                if clean_integer(&mut self.pass.record, slot, *minimum, value).is_some() {
                    return Some(());
                }
                self.pass
                    .record_not_of_shape(shape, Value::Number(Number::Int(value)), slot, place)
            }
        }
    }

    /// The rest of the request's root, whose members end at `end`, from
    /// where the clean reader stopped (see [`Cursor::stopped`]); then what
    /// was read. The member it stopped in (or the members written as JSON
    /// text there) is read here, with the free strings it found clean in it
    /// not checked again; the clean reader reads on from the next, and so on
    /// until the end, where the unknown members and the missing ones are
    /// reported. `None` where the pass leaves the text to the general path.
    fn request(mut self, end: usize) -> Option<()> {
        let Shape::Structure(members) = self.operation.request() else {
            return None;
        };
        let mut read = ObjectRead::default();
        loop {
            let start = self.at.stop.take()?;
            self.known_clean = self.at.clean - start.clean;
            self.at.next = start.next;
            self.at.at = start.at;
            read.seen = start.seen;
            if self.at.next >= end {
                break;
            }
            self.next_member(members, Slot::Root, &Place::ROOT, &mut read)?;
            let record = &mut self.pass.record;
            if let Some(seen) =
                generated::read_root(&mut self.at, record, self.operation, end, read.seen)
            {
                read.seen = seen;
                break;
            }
        }
        (self.at.next == end).then_some(())?;
        if !read.unknown.is_empty() || all_required(members, read.seen).is_none() {
            self.pass.object_problems(members, &read, &Place::ROOT)?;
        }
        self.at.at_end().then_some(())
    }

    /// An object of `members` at `place`, `extent` words long, read into
    /// `slot`: the members the walker wrote as JSON text are read by the pass.
    fn object(
        &mut self,
        members: &'static [Member],
        slot: Slot,
        place: &Place<'_>,
        extent: usize,
    ) -> Option<()> {
        self.pass.record.object(slot);
        let end = self.at.end(extent);
        self.members(members, slot, place, end, ObjectRead::default())
    }

    /// The members of an object of `members` at `place` from the cursor on,
    /// ending at `end`, read into `slot`, after those `read` notes.
    fn members(
        &mut self,
        members: &'static [Member],
        slot: Slot,
        place: &Place<'_>,
        end: usize,
        mut read: ObjectRead<'a>,
    ) -> Option<()> {
        while self.at.next < end {
            self.next_member(members, slot, place, &mut read)?;
        }
        (self.at.next == end).then_some(())?;
        if read.unknown.is_empty() && all_required(members, read.seen).is_some() {
            return Some(());
        }
        self.pass.object_problems(members, &read, place)
    }

    /// The next member of an object of `members` at `place`, read into
    /// `slot` and noted in `read`: or the members written as JSON text there.
    fn next_member(
        &mut self,
        members: &'static [Member],
        slot: Slot,
        place: &Place<'_>,
        read: &mut ObjectRead<'a>,
    ) -> Option<()> {
        if self.at.take(RAW) {
            let text = self.at.string()?;
            return self.pass.read_members(text, members, slot, place, read);
        }
        let not_of_shape = self.at.take(SCALAR);
        let (at, held) = self.at.member()?;
        first_time(&mut read.seen, at)?;
        read.next = at + 1;
        let member = members.get(at)?;
        let child = self
            .pass
            .record
            .member(slot, member.name, Some(at), self.operation);
        let place = place.member(member.name);
        if not_of_shape {
            let value = self.at.scalar(held)?;
            self.pass
                .record_not_of_shape(member.shape, value, child, &place)
        } else {
            self.member(member.shape, child, &place, held)
        }
    }
}

/// Writes the JSON text of what the walker read (see [`json_text`]).
struct Writer<'w, 'a> {
    at: Cursor<'w, 'a>,
    out: String,
}

impl Writer<'_, '_> {
    /// A member of `shape` whose word held `held` (the root, or an item, as
    /// a member) as JSON text.
    fn member(&mut self, shape: &'static Shape, held: usize) -> Option<()> {
        match shape {
            Shape::Structure(members) => {
                self.out.push('{');
                let end = self.at.end(held);
                let mut first = true;
                while self.at.next < end {
                    if !first {
                        self.out.push(',');
                    }
                    first = false;
                    if !self.raw(RAW)? {
                        let not_of_shape = self.at.take(SCALAR);
                        let (at, held) = self.at.member()?;
                        let member = members.get(at)?;
                        write_string(&mut self.out, member.name);
                        self.out.push(':');
                        if not_of_shape {
                            let value = self.at.scalar(held)?;
                            write_compact(&mut self.out, &value);
                        } else {
                            self.member(member.shape, held)?;
                        }
                    }
                }
                (self.at.next == end).then_some(())?;
                self.out.push('}');
            }
            Shape::List { item, .. } => {
                self.out.push('[');
                for index in 0..held {
                    if index > 0 {
                        self.out.push(',');
                    }
                    if !self.raw(RAW_ITEM)? {
                        let held = self.at.item_word()?;
                        self.member(item, held)?;
                    }
                }
                self.out.push(']');
            }
            Shape::String(rule) if !rule.allowed.is_empty() => {
                write_string(&mut self.out, choice(rule, held)?.1);
            }
            Shape::String(_) => {
                let text = self.at.string_of(held)?;
                write_string(&mut self.out, text);
            }
            Shape::Long { .. } => {
                bare(held)?;
                let value = self.at.integer()?;
                self.out.push_str(&value.to_string());
            }
        }
        Some(())
    }

    /// Whether JSON text marked by `mark` comes next, which is then written as it is.
    fn raw(&mut self, mark: f64) -> Option<bool> {
        if !self.at.take(mark) {
            return Some(false);
        }
        let text = self.at.string()?;
        // Never empty: the walker leaves out what JSON.stringify leaves out.
        (!text.is_empty()).then_some(())?;
        self.out.push_str(text);
        Some(true)
    }
}

/// Which reader judged a request from its words (see [`judged_by`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judged {
    /// The clean reader: the structure is clean.
    Clean,
    /// The reporting reader, with the structural problems it found.
    Reported,
    /// The reporting reader, which found no structural problem.
    ReportedClean,
    /// Neither: the request's JSON text was written and validated as text.
    Text,
}

/// Which reader [`validate_walked`] judges the words with, for the tests'
/// counts (the `.wasm` exports nothing that calls it): the name of what
/// [`reading`] decides for both. `Text` also for words the walker never
/// writes, which `validate_walked` gives no report for.
pub fn judged_by(words: &[f64], strings: &str, units: usize, operation: Operation) -> Judged {
    let named = Reading {
        clean: |_: &Record| Judged::Clean,
        reported: |_: &Record, problems: Option<Box<Collector>>| match problems {
            Some(_) => Judged::Reported,
            None => Judged::ReportedClean,
        },
        text: |_| Judged::Text,
    };
    reading(words, strings, units, operation, named, &[]).unwrap_or(Judged::Text)
}

/// What the JavaScript walker writes for `value` as a request of
/// `operation` (words, strings, UTF-16 units): a reference for the tests
/// (this module's and `tests/differential.rs`), as simple as the module's
/// description; the `.wasm` exports nothing that calls it. `None` for a
/// root that is not an object.
pub fn walk(value: &Value, operation: Operation) -> Option<(Vec<f64>, String, usize)> {
    let position = Operation::ALL.iter().position(|&o| o == operation)?;
    let mut out = Walk {
        words: Vec::new(),
        strings: String::new(),
    };
    // The root, as a member at the operation's position.
    out.member(value, operation.request(), position)
        .then_some(())?;
    let units = out.strings.encode_utf16().count();
    Some((out.words, out.strings, units))
}

struct Walk {
    words: Vec<f64>,
    strings: String,
}

impl Walk {
    /// Writes `value` as a member of `shape` at position `at`: its word,
    /// holding what the module's documentation says, and the words of its
    /// value after it. Writes nothing and returns false when it is not a
    /// value of that shape (an object for a structure, an array for a
    /// list, whatever the items).
    fn member(&mut self, value: &Value, shape: &Shape, at: usize) -> bool {
        let word = self.words.len();
        self.words.push(at as f64);
        let held = match (shape, value) {
            (Shape::Structure(members), Value::Object(pairs)) => {
                let mut run: Option<usize> = None;
                for (name, member) in pairs {
                    let mark = (self.words.len(), self.strings.len());
                    if let Some(at) = members.iter().position(|m: &Member| m.name == name) {
                        if self.member(member, members[at].shape, at) || self.misfit(member, at) {
                            continue;
                        }
                        self.strings.truncate(mark.1);
                    }
                    // As JSON text, appended to the run just before if any.
                    let mut text = String::new();
                    write_string(&mut text, name);
                    text.push(':');
                    text.push_str(&to_string(member));
                    let units = text.encode_utf16().count() as f64;
                    match run {
                        Some(end) if end == self.words.len() => {
                            self.strings.push(',');
                            self.strings.push_str(&text);
                            *self.words.last_mut().expect("a run") += units + 1.0;
                        }
                        _ => {
                            self.strings.push_str(&text);
                            self.words.extend([RAW, units]);
                            run = Some(self.words.len());
                        }
                    }
                }
                // The extent of its members.
                self.words.len() - word - 1
            }
            (Shape::List { item, max_items }, Value::Array(items)) if items.len() <= *max_items => {
                for each in items {
                    // As a member at position 0.
                    if !self.member(each, item, 0) {
                        let text = to_string(each);
                        self.words
                            .extend([RAW_ITEM, text.encode_utf16().count() as f64]);
                        self.strings.push_str(&text);
                    }
                }
                items.len()
            }
            (Shape::String(rule), Value::String(text)) if !rule.allowed.is_empty() => {
                match rule.allowed.iter().position(|word| word == text) {
                    Some(choice) => choice,
                    None => {
                        self.words.truncate(word);
                        return false;
                    }
                }
            }
            (Shape::String(_), Value::String(text)) => {
                self.strings.push_str(text);
                text.encode_utf16().count()
            }
            (Shape::Long { .. }, Value::Number(Number::Int(int)))
                if int.unsigned_abs() < 1 << 53 =>
            {
                self.words.push(*int as f64);
                0
            }
            _ => {
                self.words.truncate(word);
                return false;
            }
        };
        self.words[word] = (at as u64 + POSITIONS * held as u64) as f64;
        true
    }

    /// Writes `value`, which is not a value of the shape of the member at
    /// `at`, as a scalar of its kind (see the module's documentation); false
    /// (nothing written) for a value not so written: an object, an array, a
    /// number that is not a safe integer.
    fn misfit(&mut self, value: &Value, at: usize) -> bool {
        let held = match value {
            Value::Null => 0,
            Value::Bool(false) => 1,
            Value::Bool(true) => 2,
            Value::Number(Number::Int(int)) if int.unsigned_abs() < 1 << 53 => 3,
            Value::String(text) => {
                self.strings.push_str(text);
                SCALAR_STRING + text.encode_utf16().count()
            }
            _ => return false,
        };
        let word = (at as u64 + POSITIONS * held as u64) as f64;
        self.words.extend([SCALAR, word]);
        if let Value::Number(Number::Int(int)) = value {
            self.words.push(*int as f64);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{
        json_text, judged_by, read_generic, report, validate_walked, walk, Judged, RAW, SCALAR,
    };
    use crate::json::{parse, to_string};
    use crate::patterns::Pattern;
    use crate::request::{Field, Record};
    use crate::rules::testing::{clean_request_files, request, task_request};
    use crate::schema::{Operation, Shape};
    use crate::{validate_text_by_tree, Context};

    /// What [`super::read`] (the generated reader) reads, checked against the
    /// generic reader: both fill the same record, or both give up.
    fn read<'a>(
        words: &[f64],
        strings: &'a str,
        units: usize,
        operation: Operation,
    ) -> Option<Record<'a>> {
        let record = super::read(words, strings, units, operation);
        assert_eq!(
            record,
            read_generic(words, strings, units, operation),
            "the generated reader and the generic one"
        );
        record
    }

    fn context(operation: Operation) -> Context<'static> {
        Context::at(1_795_564_800).for_operation(operation)
    }

    /// The walker's record of `text` is the tree's, and so is its report.
    fn read_as_walked(text: &str, operation: Operation) {
        let tree = parse(text).expect("JSON");
        let (words, strings, units) =
            walk(&tree.value, operation).unwrap_or_else(|| panic!("walked: {text}"));
        let record =
            read(&words, &strings, units, operation).unwrap_or_else(|| panic!("read: {text}"));
        assert_eq!(record, Record::from_value(&tree.value, operation), "{text}");
        assert_eq!(
            validate_walked(&words, &strings, units, &context(operation)),
            Some(validate_text_by_tree(text, &context(operation))),
            "{text}"
        );
    }

    /// The reader finds the walker's record of `text` not clean: the JSON
    /// text written from it is the text (compact), and the report its report.
    fn not_clean(text: &str, operation: Operation) {
        let tree = parse(text).expect("JSON");
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        assert_eq!(read(&words, &strings, units, operation), None, "{text}");
        assert_eq!(
            json_text(&words, &strings, units, operation).as_deref(),
            Some(to_string(&tree.value).as_str())
        );
        assert_eq!(
            validate_walked(&words, &strings, units, &context(operation)),
            Some(validate_text_by_tree(text, &context(operation))),
            "{text}"
        );
    }

    #[test]
    fn backspace_and_form_feed_are_written_as_unicode_escapes_and_the_report_is_the_texts() {
        // JSON.stringify writes "\b\f"; json_text writes "\u0008\u000c" (documented
        // on json_text), which the parser reads back as the same string.
        let stringified = r#"{"Name":"a\bb\fc","Bogus":1}"#;
        let tree = parse(stringified).expect("JSON");
        let (words, strings, units) = walk(&tree.value, Operation::CreateTask).expect("walked");
        let written = json_text(&words, &strings, units, Operation::CreateTask).expect("text");
        assert_eq!(written, r#"{"Name":"a\u0008b\u000cc","Bogus":1}"#);
        assert_eq!(parse(&written).expect("JSON").value, tree.value);
        let context = context(Operation::CreateTask);
        assert_eq!(
            validate_walked(&words, &strings, units, &context),
            Some(validate_text_by_tree(stringified, &context))
        );
    }

    #[test]
    fn the_examples_and_the_valid_fixtures_are_read_as_the_tree_reads_them() {
        for text in clean_request_files() {
            read_as_walked(&text, Operation::CreateTask);
        }
    }

    #[test]
    fn every_shape_is_read_and_strings_of_any_characters() {
        let members = [
            r#""TaskMode":"ENHANCED","Name":"my task""#,
            r#""Options":{"VerifyMode":"NONE","BytesPerSecond":-1,"LogLevel":"BASIC"}"#,
            r#""Options":{"BytesPerSecond":9007199254740991}"#,
            r#""Tags":[{"Key":"a","Value":"v"},{"Key":"aws:b"},{"Key":"a"}],"Includes":[]"#,
            r#""Excludes":[{"FilterType":"SIMPLE_PATTERN","Value":"*.tmp|/a"}]"#,
            r#""Options":{},"ManifestConfig":{}"#,
            r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY","ReportLevel":"ERRORS_ONLY","Overrides":{"Deleted":{"ReportLevel":"ERRORS_ONLY"}}}"#,
            r#""Schedule":{"ScheduleExpression":"rate(1 hour)","Status":"DISABLED"}"#,
            // Characters beyond ASCII, and beyond the BMP (two UTF-16 units).
            r#""Excludes":[{"Value":"/Größe ü|/a😀b"}],"Name":"n""#,
            r#""Includes":[{"Value":"😀"}],"Tags":[{"Key":"k","Value":"v"}]"#,
            // What JSON text escapes, read as the string it is.
            r#""Excludes":[{"Value":"/a\"b\\c"}],"Tags":[{"Key":"k","Value":"a\u0041"}]"#,
            // Clean in structure, with problems for the cross-field rules.
            r#""TaskMode":"ENHANCED","Options":{"Atime":"NONE","Mtime":"PRESERVE"}"#,
            r#""Schedule":{"ScheduleExpression":"cron(0 0 31 2 ? *)"}"#,
        ];
        for extra in members {
            read_as_walked(&request(extra), Operation::CreateTask);
        }
        read_as_walked(
            &task_request(
                r#""Options":{"Mtime":"NONE"},"CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*""#,
            ),
            Operation::UpdateTask,
        );
        read_as_walked(
            &task_request(
                r#""OverrideOptions":{"TransferMode":"ALL","PreserveDeletedFiles":"REMOVE"}"#,
            ),
            Operation::StartTaskExecution,
        );
    }

    #[test]
    fn what_the_structural_check_reports_is_not_clean() {
        let name_of_257 = format!(r#""Name":"{}""#, "n".repeat(257));
        // CloudWatchLogGroupArn: at most 562 characters (code points), this prefix 46 of them.
        let log_group = |name: &str| {
            format!(
                r#""CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:{name}""#
            )
        };
        let log_group_of_563 = log_group(&"ü".repeat(517));
        for extra in [
            r#""CloudWatchLogGroupArn":"nope""#,
            &name_of_257,
            &log_group_of_563,
            r#""Tags":[{"Key":""}]"#,
            r#""Tags":[{"Value":"v"}]"#,
            r#""Schedule":{}"#,
            r#""Options":{"BytesPerSecond":-2}"#,
        ] {
            not_clean(&request(extra), Operation::CreateTask);
        }
        // 562 characters of two bytes each, and of four (two UTF-16 units): within the limit.
        read_as_walked(
            &request(&log_group(&"ü".repeat(516))),
            Operation::CreateTask,
        );
        read_as_walked(
            &request(&log_group(&"😀".repeat(516))),
            Operation::CreateTask,
        );
        not_clean(
            &request(&log_group(&"😀".repeat(517))),
            Operation::CreateTask,
        );
        // What the walker writes as JSON text: unknown members (one run of
        // them, or several between known ones), wrong types, words outside
        // an enum, numbers that are not safe integers, lists too long, items
        // that are not objects; and another operation's members.
        for extra in [
            r#""Bogus":1"#,
            r#""Bogus":1,"Other":{"a":[1,"x",null]},"Name":"n","Third":true"#,
            r#""Options":{"Verifymode":"NONE","Atime":"NONE","Mtime":null}"#,
            r#""TaskMode":"basic","Name":1,"Options":[],"Tags":{}"#,
            r#""Options":{"BytesPerSecond":1.5}"#,
            r#""Options":{"BytesPerSecond":9007199254740993}"#,
            r#""Options":{"BytesPerSecond":"1"}"#,
            r#""Includes":[{"Value":"/a"},{"Value":"/b"}]"#,
            r#""Tags":[1,null,{"Key":"k"},"t",[]]"#,
            r#""Tags":[{"Key":{}},{"Bogus":1,"Key":"k"},1]"#,
            r#""Tags":[{"Key":"k","Value":"v","Extra":"\u0000"}]"#,
            r#""TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0""#,
        ] {
            not_clean(&request(extra), Operation::CreateTask);
        }
        not_clean(
            &task_request(r#""TaskMode":"BASIC""#),
            Operation::UpdateTask,
        );
        not_clean(
            &task_request(r#""Options":{}"#),
            Operation::StartTaskExecution,
        );
        // A required member missing at the root.
        not_clean(
            r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"}"#,
            Operation::CreateTask,
        );
    }

    /// The clean reader gives up on the walker's words for `text`, and the
    /// reporting reader judges them, finding structural problems or not
    /// (`problems`): its record is the one read from the tree (as the single
    /// pass's is), and the report the tree's, byte for byte. Returns the
    /// report's `(path, code)` pairs.
    fn judged_from_the_words(
        text: &str,
        operation: Operation,
        problems: bool,
    ) -> Vec<(String, &'static str)> {
        let tree = parse(text).expect("JSON");
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        assert_eq!(read(&words, &strings, units, operation), None, "{text}");
        let (record, found) = report(&words, &strings, units, operation)
            .unwrap_or_else(|| panic!("reported from the words: {text}"));
        assert_eq!(found.is_some(), problems, "problems found in {text}");
        assert_eq!(record, Record::from_value(&tree.value, operation), "{text}");
        let context = context(operation);
        let (walked, general) = (
            validate_walked(&words, &strings, units, &context).expect("a report"),
            validate_text_by_tree(text, &context),
        );
        assert_eq!(walked.to_json_text(), general.to_json_text(), "{text}");
        assert_eq!(walked, general);
        walked
            .diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
            .collect()
    }

    /// Checks that the reporting reader reports `extra` in a CreateTask
    /// request as the tree reports it, with `(path, code)` among the findings.
    fn reported_from_the_words(extra: &str, path: &str, code: &str) {
        let found = judged_from_the_words(&request(extra), Operation::CreateTask, true);
        assert!(
            found.iter().any(|(p, c)| p == path && *c == code),
            "{extra}: {found:?}"
        );
    }

    /// Checks that neither reader judges the walker's words for `text`: the
    /// JSON text written from them is validated, and the report is the tree's.
    fn judged_by_the_text(text: &str, operation: Operation) {
        let tree = parse(text).expect("JSON");
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        assert_eq!(read(&words, &strings, units, operation), None, "{text}");
        assert!(
            report(&words, &strings, units, operation).is_none(),
            "{text}"
        );
        let context = context(operation);
        assert_eq!(
            validate_walked(&words, &strings, units, &context),
            Some(validate_text_by_tree(text, &context)),
            "{text}"
        );
    }

    #[test]
    fn the_reporting_reader_goes_on_from_the_member_the_clean_reader_stopped_in() {
        // Problems in root members apart, with clean members before, between
        // and after them (read by the clean reader, which reads on after each
        // problem), lists the clean reader stopped in part way (read anew:
        // their items once each), members written as JSON text and a
        // required member missing (the members seen are carried between
        // the two readers).
        let arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        for (text, expected) in [
            (
                format!(
                    r#"{{"SourceLocationArn":"{arn}","Name":"n","Options":{{"Mtime":"NONE","BytesPerSecond":"fast"}},"TaskMode":"ENHANCED","Tags":[{{"Key":"a"}},{{"Key":"b","Valu":"v"}},{{"Key":"c"}}],"Schedule":{{"ScheduleExpression":"rate(2 hours)"}},"Includes":[{{"FilterType":"SIMPLE_PATTERN","Value":"/a"}},{{"Value":""}}],"CloudWatchLogGroupArn":"nope"}}"#
                ),
                vec![
                    ("/DestinationLocationArn", "request/missing-member"),
                    ("/Options/BytesPerSecond", "value/wrong-type"),
                    ("/Tags/1/Valu", "request/unknown-member"),
                    ("/Includes/1/Value", "value/pattern-mismatch"),
                    ("/CloudWatchLogGroupArn", "value/pattern-mismatch"),
                ],
            ),
            (
                format!(
                    r#"{{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/bad","Excludes":[{{"FilterType":"SIMPLE_PATTERN","Value":"/a"}},{{"FilterType":"x","Value":"/b"}}],"Bogus":1,"DestinationLocationArn":"{arn}","Options":{{"BytesPerSecond":-5}},"TaskMode":"BASIC"}}"#
                ),
                vec![
                    ("/SourceLocationArn", "value/pattern-mismatch"),
                    ("/Excludes/1/FilterType", "value/not-in-enum"),
                    ("/Bogus", "request/unknown-member"),
                    ("/Options/BytesPerSecond", "value/below-minimum"),
                ],
            ),
        ] {
            let found = judged_from_the_words(&text, Operation::CreateTask, true);
            for (path, code) in expected {
                assert!(
                    found.contains(&(path.to_owned(), code)),
                    "{path} {code} in {found:?}"
                );
            }
        }
        // The root seen carried from one reader to the other for every
        // operation, whose roots the clean reader reads as one.
        judged_from_the_words(
            &task_request(r#""Name":"","Options":{"Mtime":"NONE"},"Excludes":[]"#),
            Operation::UpdateTask,
            true,
        );
        judged_from_the_words(
            r#"{"OverrideOptions":{"Atime":"x"},"TaskReportConfig":{"ReportLevel":"ERRORS_ONLY"}}"#,
            Operation::StartTaskExecution,
            true,
        );
    }

    #[test]
    fn a_missing_member_of_a_walked_object_is_reported_without_writing_its_text() {
        for (extra, path) in [
            (r#""Tags":[{"Value":"v"}]"#, "/Tags/0/Key"),
            (r#""Schedule":{}"#, "/Schedule/ScheduleExpression"),
            (r#""Tags":[{"Key":"a"},{"Value":"v"},{}]"#, "/Tags/2/Key"),
        ] {
            reported_from_the_words(extra, path, "request/missing-member");
        }
        // At the root, with the cross-field rules that still run on what is there.
        let found = judged_from_the_words(
            r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","TaskMode":"ENHANCED","Options":{"Mtime":"NONE"}}"#,
            Operation::CreateTask,
            true,
        );
        assert!(found.contains(&("/DestinationLocationArn".into(), "request/missing-member")));
        assert!(found.len() > 1, "{found:?}");
        let found = judged_from_the_words("{}", Operation::UpdateTask, true);
        assert_eq!(found, [("/TaskArn".into(), "request/missing-member")]);
    }

    #[test]
    fn a_member_of_the_wrong_type_is_read_by_the_pass_from_its_json_text_and_reported() {
        for (extra, path) in [
            (r#""TaskMode":1"#, "/TaskMode"),
            (r#""Name":true"#, "/Name"),
            (r#""Options":"NONE""#, "/Options"),
            (r#""Tags":"aws:x""#, "/Tags"),
            (r#""Schedule":null"#, "/Schedule"),
            (
                r#""Options":{"BytesPerSecond":"fast","Mtime":"NONE"}"#,
                "/Options/BytesPerSecond",
            ),
            (
                r#""Options":{"Mtime":"NONE","BytesPerSecond":1.5,"Atime":0}"#,
                "/Options/Atime",
            ),
        ] {
            reported_from_the_words(extra, path, "value/wrong-type");
        }
        // Runs of members written as JSON text between members read from the words.
        let found = judged_from_the_words(
            r#"{"SourceLocationArn":null,"DestinationLocationArn":7,"Name":"n","TaskMode":2}"#,
            Operation::CreateTask,
            true,
        );
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_list_item_of_the_wrong_type_is_read_by_the_pass_from_its_json_text_and_reported() {
        reported_from_the_words(
            r#""Tags":["aws:x",{"Key":"a"},3]"#,
            "/Tags/0",
            "value/wrong-type",
        );
        reported_from_the_words(r#""Includes":[null]"#, "/Includes/0", "value/wrong-type");
    }

    #[test]
    fn an_enum_value_not_in_the_list_is_reported_from_its_json_text() {
        for (extra, path) in [
            (r#""TaskMode":"basic""#, "/TaskMode"),
            (r#""Options":{"Atime":"none"}"#, "/Options/Atime"),
            (
                r#""Excludes":[{"FilterType":"REGEX","Value":"/a"}]"#,
                "/Excludes/0/FilterType",
            ),
        ] {
            reported_from_the_words(extra, path, "value/not-in-enum");
        }
    }

    #[test]
    fn a_location_arn_a_description_names_is_clean_only_when_the_description_found_it_clean() {
        // The clean reader takes a SourceLocationArn or DestinationLocationArn
        // that one of the caller's descriptions names, and found clean as it
        // was read, without matching it again: the report is the text's in
        // every case, and a malformed ARN is reported though a description
        // names it.
        let source = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
        let destination = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
        // Uppercase in the ID: the pattern takes [0-9a-z]{17}.
        let upper = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789ABCDEF0";
        // The pattern's, but 129 characters: one more than the model's most.
        let long = format!(
            "arn:aws:datasync:{}:111122223333:location/loc-0123456789abcdef0",
            "a".repeat(129 - 61)
        );
        assert_eq!(long.len(), 129);
        let described = |arns: &[&str]| {
            let entries: Vec<String> = arns
                .iter()
                .map(|arn| format!(r#"{{"LocationArn":"{arn}","type":"NFS"}}"#))
                .collect();
            crate::CallOptions::from_json_text(&format!(
                r#"{{"locations":[{}]}}"#,
                entries.join(",")
            ))
            .expect("options")
        };
        let cases: [(&str, &str, &[&str], &[&str]); 7] = [
            (source, destination, &[source, destination], &[]),
            (source, destination, &[destination], &[]),
            (destination, source, &[source, destination, source], &[]),
            (
                upper,
                destination,
                &[upper, destination],
                &["/SourceLocationArn"],
            ),
            (source, upper, &[upper], &["/DestinationLocationArn"]),
            (
                &long,
                destination,
                &[&long, destination],
                &["/SourceLocationArn"],
            ),
            (
                upper,
                &long,
                &[&long, upper],
                &["/DestinationLocationArn", "/SourceLocationArn"],
            ),
        ];
        for (from, to, arns, wrong) in cases {
            let text =
                format!(r#"{{"SourceLocationArn":"{from}","DestinationLocationArn":"{to}"}}"#);
            let options = described(arns);
            let context = options.context(Context::at(1_795_564_800));
            let tree = parse(&text).expect("JSON");
            let (words, strings, units) = walk(&tree.value, Operation::CreateTask).expect("walked");
            let walked = validate_walked(&words, &strings, units, &context).expect("a report");
            assert_eq!(walked, validate_text_by_tree(&text, &context), "{text}");
            let paths: Vec<&str> = walked
                .diagnostics
                .iter()
                .filter(|d| {
                    d.code.as_str() == "value/pattern-mismatch"
                        || d.code.as_str() == "value/too-long"
                })
                .map(|d| &*d.path)
                .collect();
            assert_eq!(paths, wrong, "{text}");
        }
    }

    #[test]
    fn every_string_of_the_location_arn_pattern_has_the_rule_the_descriptions_are_judged_by() {
        // Cursor::clean_string takes a description's finding for any string
        // of the LocationArn pattern: it must be under the rule
        // Location::arn_is_clean was worked out with.
        fn check(shape: &'static Shape, found: &mut usize) {
            match shape {
                Shape::Structure(members) => {
                    for member in *members {
                        check(member.shape, found);
                    }
                }
                Shape::List { item, .. } => check(item, found),
                Shape::String(rule) if rule.pattern == Some(Pattern::LocationArn) => {
                    assert!(std::ptr::eq(rule, super::LOCATION_ARN_RULE));
                    *found += 1;
                }
                Shape::String(_) | Shape::Long { .. } => {}
            }
        }
        let mut found = 0;
        for operation in Operation::ALL {
            check(operation.request(), &mut found);
        }
        assert_eq!(found, 2, "SourceLocationArn and DestinationLocationArn");
    }

    #[test]
    fn a_string_off_its_length_or_pattern_in_the_words_is_reported_by_the_passs_check() {
        let name_of_257 = format!(r#""Name":"{}""#, "n".repeat(257));
        for (extra, path, code) in [
            (
                r#""CloudWatchLogGroupArn":"nope""#,
                "/CloudWatchLogGroupArn",
                "value/pattern-mismatch",
            ),
            (r#""Name":"""#, "/Name", "value/pattern-mismatch"),
            (&name_of_257, "/Name", "value/too-long"),
            (r#""Tags":[{"Key":""}]"#, "/Tags/0/Key", "value/too-short"),
            // A character JSON text escapes, read from the words as it is.
            (r#""Name":"a\u0000b""#, "/Name", "value/pattern-mismatch"),
        ] {
            reported_from_the_words(extra, path, code);
        }
    }

    #[test]
    fn an_integer_below_its_minimum_in_the_words_is_reported_and_one_beyond_them_read_by_the_pass()
    {
        reported_from_the_words(
            r#""Options":{"BytesPerSecond":-2}"#,
            "/Options/BytesPerSecond",
            "value/below-minimum",
        );
        // Beyond 2^53 the walker writes the number as JSON text: the pass
        // reads it, clean within 64 bits, and reports it beyond them.
        judged_from_the_words(
            &request(r#""Options":{"BytesPerSecond":9007199254740993}"#),
            Operation::CreateTask,
            false,
        );
        reported_from_the_words(
            r#""Options":{"BytesPerSecond":9223372036854775808}"#,
            "/Options/BytesPerSecond",
            "value/integer-out-of-range",
        );
    }

    #[test]
    fn an_unknown_member_is_read_by_the_pass_from_its_json_text_and_reported_with_its_fix() {
        for (extra, path) in [
            (r#""Bogus":1"#, "/Bogus"),
            (r#""Options":{"Verifymode":"NONE"}"#, "/Options/Verifymode"),
            // The right name is there too, before and after: no fix.
            (
                r#""Options":{"Verifymode":"NONE","VerifyMode":"NONE"}"#,
                "/Options/Verifymode",
            ),
            (
                r#""Options":{"VerifyMode":"NONE","Verifymode":"NONE"}"#,
                "/Options/Verifymode",
            ),
            (r#""Atime":"NONE""#, "/Atime"),
            (
                r#""TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0""#,
                "/TaskArn",
            ),
            // Runs of unknown members between known ones, in a list item too.
            (r#""Bogus":1,"Other":"x","Name":"n","Third":true"#, "/Third"),
            (
                r#""Tags":[{"Key":"a","Valu":"v","a/b~c":null}]"#,
                "/Tags/0/a~1b~0c",
            ),
        ] {
            reported_from_the_words(extra, path, "request/unknown-member");
        }
        let found = judged_from_the_words(
            &task_request(r#""TaskMode":"BASIC","Name":"n""#),
            Operation::UpdateTask,
            true,
        );
        assert_eq!(found, [("/TaskMode".into(), "request/unknown-member")]);
    }

    #[test]
    fn the_invalid_example_is_reported_from_its_words() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/many-problems.json"
        ))
        .expect("the example");
        let found = judged_from_the_words(&text, Operation::CreateTask, true);
        assert_eq!(found.len(), 6, "{found:?}");
    }

    #[test]
    fn a_member_holding_a_scalar_of_another_kind_is_read_from_its_kind_and_value() {
        // A string, a safe integer, a boolean or null where a member of the
        // model wants another kind, or a word outside its enum: written as
        // `SCALAR`, the member's word holding the kind, and the value (no
        // JSON text to parse), and reported as the text's pass reports it.
        for (extra, path, code) in [
            // The invalid example's: a string for an integer.
            (
                r#""Options":{"BytesPerSecond":"fast"}"#,
                "/Options/BytesPerSecond",
                "value/wrong-type",
            ),
            (
                r#""Options":{"BytesPerSecond":true}"#,
                "/Options/BytesPerSecond",
                "value/wrong-type",
            ),
            (
                r#""Options":{"Atime":"NONE","BytesPerSecond":null}"#,
                "/Options/BytesPerSecond",
                "value/wrong-type",
            ),
            // For a structure or a list: named by the member.
            (r#""Options":"fast""#, "/Options", "value/wrong-type"),
            (r#""Schedule":0"#, "/Schedule", "value/wrong-type"),
            (r#""Tags":false"#, "/Tags", "value/wrong-type"),
            (r#""Includes":null"#, "/Includes", "value/wrong-type"),
            // For a string: free, an ARN, an enum, in a list's item.
            (r#""Name":-0"#, "/Name", "value/wrong-type"),
            (
                r#""CloudWatchLogGroupArn":true"#,
                "/CloudWatchLogGroupArn",
                "value/wrong-type",
            ),
            (
                r#""TaskMode":9007199254740991"#,
                "/TaskMode",
                "value/wrong-type",
            ),
            (
                r#""Tags":[{"Key":"k","Value":5}]"#,
                "/Tags/0/Value",
                "value/wrong-type",
            ),
            (
                r#""Schedule":{"ScheduleExpression":null}"#,
                "/Schedule/ScheduleExpression",
                "value/wrong-type",
            ),
            // A word outside its enum, with characters JSON text escapes.
            (r#""TaskMode":"enhanced""#, "/TaskMode", "value/not-in-enum"),
            (
                r#""Options":{"Mtime":"a\u0001\"é😀"}"#,
                "/Options/Mtime",
                "value/not-in-enum",
            ),
            (r#""TaskMode":"""#, "/TaskMode", "value/not-in-enum"),
        ] {
            let text = request(extra);
            let tree = parse(&text).expect("JSON");
            let operation = Operation::CreateTask;
            let (words, strings, units) = walk(&tree.value, operation).expect("walked");
            assert!(
                words.contains(&SCALAR) && !words.contains(&RAW),
                "{extra}: {words:?}"
            );
            let found = judged_from_the_words(&text, operation, true);
            assert!(
                found.iter().any(|(p, c)| p == path && *c == code),
                "{extra}: {found:?}"
            );
            // The JSON text written from the words, should the text judge them.
            assert_eq!(
                json_text(&words, &strings, units, operation),
                Some(to_string(&tree.value)),
                "{extra}"
            );
        }
        // A number that is not a safe integer is written as JSON text.
        for extra in [
            r#""Options":{"BytesPerSecond":1.5}"#,
            r#""Name":9007199254740992"#,
        ] {
            let text = request(extra);
            let tree = parse(&text).expect("JSON");
            let (words, ..) = walk(&tree.value, Operation::CreateTask).expect("walked");
            assert!(words.contains(&RAW) && !words.contains(&SCALAR), "{extra}");
        }
        // Beside members written as JSON text, before and after.
        let text = request(r#""Bogus":1,"TaskMode":7,"Other":"x","Options":{"Uid":false,"Bad":2}"#);
        let found = judged_from_the_words(&text, Operation::CreateTask, true);
        assert_eq!(found.len(), 5, "{found:?}");
    }

    #[test]
    fn a_scalar_the_walker_writes_as_its_member_is_left_to_the_text() {
        // SCALAR words holding a value that its member takes (the walker
        // writes such a value as the member's own word) are judged by the
        // JSON text written from them.
        let operation = Operation::CreateTask;
        let context = context(operation);
        let text = request(r#""Options":{"BytesPerSecond":"fast"},"TaskMode":"x""#);
        let tree = parse(&text).expect("JSON");
        let (words, strings, _) = walk(&tree.value, operation).expect("walked");
        // BytesPerSecond (9) holding a string of 4 units; TaskMode (11) one of 1.
        let fast = 9.0 + 64.0 * (4.0 + 4.0);
        let x = 11.0 + 64.0 * (4.0 + 1.0);
        let at = |word: f64| words.iter().position(|&w| w == word).expect("a scalar");
        // BytesPerSecond holding the integer 5 instead.
        let mut integer = words.clone();
        integer[at(fast)] = 9.0 + 64.0 * 3.0;
        integer.insert(at(fast) + 1, 5.0);
        // A word more in the request and in Options (its word before the mark).
        integer[0] += 64.0;
        integer[at(fast) - 2] += 64.0;
        // TaskMode holding BASIC, a word of its enum, as a string.
        let mut basic = words.clone();
        basic[at(x)] = 11.0 + 64.0 * (4.0 + 5.0);
        for (words, strings, as_text) in [
            (
                integer,
                strings.replacen("fast", "", 1),
                r#""Options":{"BytesPerSecond":5},"TaskMode":"x""#,
            ),
            (
                basic,
                format!("{}BASIC", &strings[..strings.len() - 1]),
                r#""Options":{"BytesPerSecond":"fast"},"TaskMode":"BASIC""#,
            ),
        ] {
            let units = strings.len();
            assert!(
                report(&words, &strings, units, operation).is_none(),
                "{as_text}"
            );
            assert_eq!(
                validate_walked(&words, &strings, units, &context),
                Some(validate_text_by_tree(&request(as_text), &context)),
                "{as_text}"
            );
        }
    }

    #[test]
    fn what_the_pass_leaves_to_the_tree_is_judged_by_the_objects_json_text() {
        for extra in [
            // Unknown members whose values are objects or arrays.
            r#""Bogus":{}"#,
            r#""Tags":[{"Key":"a","Valu":["v"]}]"#,
            // An object or an array where the model has something else.
            r#""Options":[]"#,
            r#""Tags":{}"#,
            r#""Name":["a"]"#,
            r#""Tags":[[]]"#,
            // A string with an escape in JSON text (the walker's strings
            // have none): the tree decodes escapes, lone surrogates too.
            r#""Tags":[{"Key":"k"},"\u0000"]"#,
        ] {
            judged_by_the_text(&request(extra), Operation::CreateTask);
        }
    }

    #[test]
    fn words_the_walker_never_writes_are_not_a_record() {
        let text = request(r#""Options":{"BytesPerSecond":12345},"TaskMode":"BASIC""#);
        let tree = parse(&text).expect("JSON");
        let operation = Operation::CreateTask;
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        assert!(read(&words, &strings, units, operation).is_some());
        // Another operation's walker.
        assert_eq!(read(&words, &strings, units, Operation::UpdateTask), None);
        // Every word changed in turn to something out of place (a million
        // bytes per second is no such thing), or the words cut short.
        for at in 0..words.len() {
            for bad in [-2.0, 0.5, 1e6, f64::NAN, f64::INFINITY] {
                if words[at] == 12345.0 && bad == 1e6 {
                    continue;
                }
                let mut changed = words.clone();
                changed[at] = bad;
                assert_eq!(
                    read(&changed, &strings, units, operation),
                    None,
                    "{at}: {bad}"
                );
            }
            assert_eq!(read(&words[..at], &strings, units, operation), None, "{at}");
        }
        // A word more, beyond the request's extent or within it.
        let mut longer = words.clone();
        longer.push(-1.0);
        assert_eq!(read(&longer, &strings, units, operation), None);
        longer[0] += 64.0;
        assert_eq!(read(&longer, &strings, units, operation), None);
        // Strings shorter or longer than their lengths say.
        assert_eq!(read(&words, &strings[1..], units - 1, operation), None);
        assert_eq!(
            read(&words, &format!("{strings}x"), units + 1, operation),
            None
        );
        // A member twice: TaskMode, the last member (one word), again, in
        // a request one word longer.
        let task_mode = words[words.len() - 1];
        assert_eq!(task_mode, 11.0, "TaskMode, position 11, holding BASIC (0)");
        let mut twice = words.clone();
        twice.push(task_mode);
        twice[0] += 64.0;
        assert_eq!(read(&twice, &strings, units, operation), None);
    }

    #[test]
    fn the_generated_reader_reads_what_the_generic_one_reads_word_for_word() {
        // Every clean request file, each of its words changed in turn to
        // another count, position or end (or left out): some of these are
        // other clean requests (another member, another enum word, fewer
        // items), most are not. `read` checks the two readers agree on each.
        let mut requests: Vec<(String, Operation)> = clean_request_files()
            .into_iter()
            .map(|text| (text, Operation::CreateTask))
            .collect();
        requests.push((
            task_request(
                r#""Options":{"Mtime":"NONE","BytesPerSecond":-1},"Includes":[{"Value":"/a"}],"Name":"n""#,
            ),
            Operation::UpdateTask,
        ));
        requests.push((
            task_request(
                r#""OverrideOptions":{"TransferMode":"ALL"},"ManifestConfig":{},"TaskReportConfig":{"ReportLevel":"ERRORS_ONLY","Overrides":{}}"#,
            ),
            Operation::StartTaskExecution,
        ));
        let (mut records, mut changes) = (0, 0);
        for (text, operation) in &requests {
            let tree = parse(text).expect("JSON");
            let (words, strings, units) = walk(&tree.value, *operation).expect("walked");
            assert!(
                read(&words, &strings, units, *operation).is_some(),
                "{text}"
            );
            for at in 1..words.len() {
                // Other positions and ends; and the same position holding
                // another word of its enum or length (or one beyond), or
                // another position holding the same.
                let word = words[at];
                let others = [-1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 15.0, 16.0, 64.0, 65.0];
                let near = [
                    word + 64.0,
                    word - 64.0,
                    word + 128.0,
                    word + 1.0,
                    word - 1.0,
                ];
                for other in others.into_iter().chain(near) {
                    let mut changed = words.clone();
                    changed[at] = other;
                    changes += 1;
                    records += usize::from(read(&changed, &strings, units, *operation).is_some());
                }
                let mut shorter = words.clone();
                shorter.remove(at);
                read(&shorter, &strings, units, *operation);
            }
        }
        // Enough of the changes are clean requests to compare records, not only `None`.
        assert!(records > 300, "{records} records of {changes} changes");
    }

    #[test]
    fn a_member_is_one_word_holding_its_enum_word_length_item_count_or_extent() {
        let text = request(
            r#""TaskMode":"ENHANCED","Name":"my task","Options":{"Atime":"BEST_EFFORT","BytesPerSecond":-1},"Tags":[{"Key":"k"}]"#,
        );
        let tree = parse(&text).expect("JSON");
        let operation = Operation::CreateTask;
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        let member = |position: f64, held: f64| position + 64.0 * held;
        assert_eq!(
            words,
            [
                // CreateTask (0), the request 11 words long.
                member(0.0, 11.0),
                // The source (0) and destination (1) ARNs, 70 UTF-16 units each.
                member(0.0, 70.0),
                member(1.0, 70.0),
                // TaskMode (11): ENHANCED (1 of BASIC, ENHANCED).
                member(11.0, 1.0),
                // Name (3): 7 units.
                member(3.0, 7.0),
                // Options (4), 3 words long: Atime (2) holding BEST_EFFORT
                // (1 of NONE, BEST_EFFORT), BytesPerSecond (9) holding
                // nothing, then its value.
                member(4.0, 3.0),
                member(2.0, 1.0),
                9.0,
                -1.0,
                // Tags (7): 1 item, written as a member at 0, 1 word long:
                // Key (0), 1 unit.
                member(7.0, 1.0),
                member(0.0, 1.0),
                member(0.0, 1.0),
            ]
        );
        assert_eq!(
            strings,
            format!("{}{}my taskk", &text[22..92], &text[120..190])
        );
        let record = read(&words, &strings, units, operation).expect("clean");
        assert_eq!(record.task_mode, Field::Str("ENHANCED"));
        assert_eq!(record.tag_keys, [Some("k")]);
        read_as_walked(&text, operation);
        not_clean(&text.replace("ENHANCED", "enhanced"), operation);
    }

    #[test]
    fn a_member_word_holding_what_its_member_cannot_hold_is_not_read_and_never_panics() {
        let text =
            request(r#""TaskMode":"ENHANCED","Options":{"Atime":"NONE"},"Tags":[{"Key":"k"}]"#);
        let tree = parse(&text).expect("JSON");
        let operation = Operation::CreateTask;
        let (words, strings, units) = walk(&tree.value, operation).expect("walked");
        let (task_mode, options, atime, tags, tag) = (3, 4, 5, 6, 7);
        assert_eq!(words[0], 64.0 * 8.0);
        assert_eq!(words[task_mode], 11.0 + 64.0);
        assert_eq!((words[options], words[atime]), (4.0 + 64.0, 2.0));
        assert_eq!((words[tags], words[tag]), (7.0 + 64.0, 64.0));
        for (at, word) in [
            // The request holding an extent one word short, or one beyond the words.
            (0, 64.0 * 7.0),
            (0, 64.0 * 9.0),
            // TaskMode holding a third word of an enum of two.
            (task_mode, 11.0 + 64.0 * 2.0),
            // Atime holding a word far beyond its enum.
            (atime, 2.0 + 64.0 * 4_294_967_295.0),
            // The source ARN holding a length beyond the strings, and beyond 2^32.
            (1, 64.0 * 1_000.0),
            (1, 64.0 * 4_294_967_296.0),
            // Options, a structure, holding an extent beyond the request's,
            // or beyond 2^32.
            (options, 4.0 + 64.0 * 2.0),
            (options, 4.0 + 64.0 * 4_294_967_296.0),
            // Tags holding no item, or more than its 50.
            (tags, 7.0),
            (tags, 7.0 + 64.0 * 51.0),
            // The tag's item word at another position than 0.
            (tag, 1.0 + 64.0),
            // A position beyond Options' 16 members, holding nothing.
            (atime, 40.0),
            // Not a whole number, negative, beyond 2^53, not a number.
            (task_mode, 75.5),
            (task_mode, -75.0),
            (task_mode, 9_007_199_254_740_992.0 + 75.0),
            (task_mode, f64::NAN),
        ] {
            let mut changed = words.clone();
            changed[at] = word;
            assert_eq!(read(&changed, &strings, units, operation), None, "{word}");
            assert!(
                report(&changed, &strings, units, operation).is_none(),
                "{word}"
            );
            assert_eq!(
                json_text(&changed, &strings, units, operation),
                None,
                "{word}"
            );
            assert_eq!(
                validate_walked(&changed, &strings, units, &context(operation)),
                None,
                "{word}"
            );
        }
    }

    #[test]
    fn judged_by_names_the_reading_validate_walked_judges() {
        let operation = Operation::CreateTask;
        for (text, judged) in [
            (request(r#""Name":"n""#), Judged::Clean),
            (request(r#""Name":"""#), Judged::Reported),
            // Clean in structure, but written as JSON text (a number beyond 2^53).
            (
                request(r#""Options":{"BytesPerSecond":9007199254740993}"#),
                Judged::ReportedClean,
            ),
            (request(r#""Tags":{}"#), Judged::Text),
        ] {
            let tree = parse(&text).expect("JSON");
            let (words, strings, units) = walk(&tree.value, operation).expect("walked");
            assert_eq!(
                judged_by(&words, &strings, units, operation),
                judged,
                "{text}"
            );
            assert_eq!(
                validate_walked(&words, &strings, units, &context(operation)),
                Some(validate_text_by_tree(&text, &context(operation))),
                "{text}"
            );
        }
        // Words the walker never writes: no report, and named Text.
        let (words, strings, units) = (vec![0.0, 64.0, 1.5], String::new(), 0);
        assert_eq!(
            validate_walked(&words, &strings, units, &context(operation)),
            None
        );
        assert_eq!(judged_by(&words, &strings, units, operation), Judged::Text);
    }

    #[test]
    fn a_list_longer_than_the_model_allows_is_not_a_record() {
        // The walker writes such a list as JSON text; words that count two
        // items of Includes (at most one) are still not read as a record.
        let text = request(r#""Includes":[{"Value":"/a"}]"#);
        let tree = parse(&text).expect("JSON");
        let (words, strings, units) = walk(&tree.value, Operation::CreateTask).expect("walked");
        assert!(read(&words, &strings, units, Operation::CreateTask).is_some());
        // ..., Includes (8) holding its 1 item, the item's word holding its
        // extent (1), Value (1) holding its length (2): the request's last words.
        let (head, item) = (&words[..words.len() - 2], &words[words.len() - 2..]);
        assert_eq!(head.last(), Some(&(8.0 + 64.0)));
        assert_eq!(item, [64.0, 1.0 + 64.0 * 2.0]);
        let mut two = head.to_vec();
        *two.last_mut().expect("Includes") += 64.0;
        two.extend_from_slice(item);
        two.extend_from_slice(item);
        // The request's extent, held by the operation's word, two words longer.
        two[0] += 64.0 * 2.0;
        let doubled = format!("{strings}/a");
        let operation = Operation::CreateTask;
        assert_eq!(read(&two, &doubled, units + 2, operation), None);
        // Within the model, the same words are a request.
        let mut within = two.clone();
        within[head.len() - 1] -= 64.0;
        within.truncate(within.len() - 2);
        within[0] -= 64.0 * 2.0;
        assert_eq!(within, words);
    }

    #[test]
    fn a_string_is_cut_at_its_utf16_length_in_utf8() {
        // "😀" is two UTF-16 units; one unit would cut it in two.
        let text = request(r#""Name":"😀""#);
        let tree = parse(&text).expect("JSON");
        let (mut words, strings, units) = walk(&tree.value, Operation::CreateTask).expect("walked");
        // The name is the last member, at position 3: its word, holding its
        // length, is the last word.
        let at = words.len() - 1;
        assert_eq!(words[at], 3.0 + 64.0 * 2.0);
        words[at] = 3.0 + 64.0;
        assert_eq!(
            read(&words, &strings, units - 1, Operation::CreateTask),
            None
        );
    }
}
