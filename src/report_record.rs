//! A report as a compact record for the JavaScript wrapper: numbers and one
//! text, which `js/text-path.mjs` (`readReport`) turns into the objects
//! `JSON.parse` would make of [`Report::to_json_text`], member for member and
//! in the same order, without writing or parsing JSON text. Writing and
//! parsing that text cost more than the core's own work on a request with a
//! few problems (docs/performance.md).
//!
//! The text holds every string of the report, one after another; the record
//! gives where each one ends, in bytes of the text. Strings are read in the
//! order they were written, each starting where the last ended. When every
//! character is ASCII, as in nearly every report, a byte is a UTF-16 code
//! unit (the unit of a JS string): the wrapper decodes the text once and
//! cuts it with `slice` at those ends. It tells that case for free (the
//! decoded text has as many units as the text has bytes); otherwise it
//! decodes each string from the text's bytes. Counting each string's
//! UTF-16 units here instead cost more than writing the string.
//!
//! A string that lives as long as the module (`&'static str`: a code, a
//! params name, most values the rules name, such as `"integer"`; the
//! request's text never is one, see [`Record::fixed`]) is not
//! copied: the record gives its number, `F`, in a table the record keeps
//! from one report to the next ([`Record::table`]: each one's address in
//! wasm memory and length in bytes, the codes first at their numbers, the
//! others at the slot their address and length hash to, or the next free
//! one: which of two that share a slot is written first decides which
//! gets it), and the wrapper decodes it there once
//! and keeps it at its number for the next reports. Cutting and, for a
//! member name, looking up a string made afresh on every report cost more
//! than the member itself; giving its address and length, two words the
//! wrapper looked up by a hash, cost more than one word and an array's
//! item. Beyond [`FIXED_MOST`] strings (every example's and fixture's report
//! together number about a hundred, codes included: tested) a
//! fixed string is copied into the text as any other.
//!
//! The record, as 32-bit words (`S` marks where a string ends, `F` is a
//! fixed string's number):
//! - the report: `valid` (0 or 1), the count of errors, the count of
//!   warnings, then the errors and the warnings, each a diagnostic (its
//!   severity is its list's);
//! - a diagnostic: its head, one word of four fields: its code's number
//!   (bits 0-9: its place in [`Code::ALL`](crate::diagnostic::Code::ALL),
//!   and its string's `F`), its params' shape (bits 10-17, below), whether
//!   a fix follows (bit 18), and its params' count (bits 19-31; 0 when it
//!   has none); then `T` path, `T` message (`T`: a string as a value
//!   writes it, [`Tag::String`] then `S`, or [`Tag::Fixed`] and `F` in one
//!   word), the
//!   params' count again when the head could not hold it
//!   ([`PARAMS_COUNTED`]), its params, then, when a fix follows, the count
//!   of fix operations and each operation: 0 (`add`) or 1 (`replace`), `S`
//!   path and the value; or 2 (`move`), `S` from, `S` path. One word where
//!   four were: each word the wrapper reads costs it about 20 instructions;
//! - params: with a shape (its number from 1, in [`shapes::SHAPES`],
//!   generated from the code registry with the wrapper's `switch` in its
//!   `diagnostics`, which builds each shape with one literal of known
//!   members, a fraction of the cost of adding members by name), each
//!   one's value in the shape's order; with none (shape 0), each one's `T`
//!   name and value. The number spares the wrapper reading and comparing
//!   the names' words;
//! - a value: a tag from [`Tag`], then for a number its word, for a
//!   number's literal or a string `S`; a fixed string is one word, its
//!   tag and its `F` above the tag's bits ([`FIXED_SHIFT`]); for an array
//!   the count of items and each item, for an object the count of members
//!   and each member's `S` name and value.
//!
//! Built for the wasm boundary (and the tests), never part of the Rust API.

use std::borrow::Cow;

use crate::diagnostic::{Code, Diagnostic, PatchOp, Severity};
use crate::json::{Number, Value};
use crate::Report;

#[rustfmt::skip]
mod shapes;

/// Words before the report in the record the wasm boundary leaves in wasm
/// memory (`write_record` in src/wasm.rs): the address of the record's
/// text, the text's length in bytes, the count of words, header included,
/// and the address of the table of fixed strings ([`Record::table`]).
pub const HEADER_WORDS: usize = 4;

/// Where the first diagnostic starts, in words from the record's start:
/// after the header, the report's `valid`, its count of errors and its
/// count of warnings. A diagnostic starts with its head word: its code's
/// number ([`CODE_MASK`], which is its string's in the table of fixed
/// strings), its shape's, whether a fix follows and its count of params.
pub const FIRST_DIAGNOSTIC: usize = HEADER_WORDS + 3;

/// Where a diagnostic's first word, its head, holds its shape's number
/// (bits 10 to 17; the code's number is bits 0 to 9). The reader's copy:
/// `HEAD_SHAPE_SHIFT`, which tests/generated.rs writes into
/// js/text-path.mjs from this value.
pub const SHAPE_SHIFT: u32 = 10;

/// Where a diagnostic's head holds whether a fix follows (bit 18: the
/// reader tests [`FIX_BIT`]).
pub const FIX_SHIFT: u32 = 18;

/// Where a diagnostic's head holds its count of params (bits 19 to 31).
/// The reader's copy: `HEAD_PARAMS_SHIFT`, which tests/generated.rs writes
/// into js/text-path.mjs from this value.
pub const PARAMS_SHIFT: u32 = 19;

/// The bits of a diagnostic's head that hold its code's number (bits 0 to
/// 9, below `SHAPE_SHIFT`). The masks are written as numbers, each checked
/// against its shift below, which tests/generated.rs copies into
/// js/text-path.mjs: this one as `HEAD_CODE`.
pub const CODE_MASK: u32 = 1023;

/// The bits that hold a diagnostic's shape's number, once its head is
/// shifted right by [`SHAPE_SHIFT`] (bits 10 to 17 of the head). The
/// reader's copy: `HEAD_SHAPE`.
pub const SHAPE_MASK: u32 = 255;

/// The bit of a diagnostic's head set when a fix follows (bit 18, at
/// [`FIX_SHIFT`]). The reader's copy: `HEAD_FIX`.
pub const FIX_BIT: u32 = 262144;

/// The most params a diagnostic's head counts (every bit from
/// [`PARAMS_SHIFT`] up); a diagnostic with as many or more (none of the
/// core's: each param's name is a rule's literal) has this in its head and
/// its count in the word after its message. The reader's copy:
/// `HEAD_PARAMS_COUNTED`.
pub const PARAMS_COUNTED: u32 = 8191;

// Each mask is its field's bits, from the shifts; the fields follow one
// another, none overlapping.
const _: () = assert!(CODE_MASK == (1 << SHAPE_SHIFT) - 1);
const _: () = assert!(SHAPE_MASK == (1 << (FIX_SHIFT - SHAPE_SHIFT)) - 1);
const _: () = assert!(FIX_BIT == 1 << FIX_SHIFT);
const _: () = assert!(FIX_SHIFT + 1 == PARAMS_SHIFT);
const _: () = assert!(PARAMS_COUNTED == u32::MAX >> PARAMS_SHIFT);

// Every code's number and every shape's fit their bits of the head.
const _: () = assert!(Code::ALL.len() <= CODE_MASK as usize + 1);
const _: () = assert!(shapes::SHAPES.len() <= SHAPE_MASK as usize);

/// The first word of each value in the record. The reader's copy:
/// tests/generated.rs writes each variant into js/text-path.mjs as a
/// constant named `TAG_` and its name in capitals (`TAG_FIXED = 8` for
/// [`Tag::Fixed`]), so that the reader tests a word against these numbers.
#[derive(Clone, Copy)]
#[repr(u32)]
pub enum Tag {
    /// `null`.
    Null = 0,
    /// `false`.
    False = 1,
    /// `true`.
    True = 2,
    /// An integer from 0 to `u32::MAX`, in the next word.
    Small = 3,
    /// Any other number: its JSON literal, which JS reads with `Number()`
    /// (as `JSON.parse` reads it).
    Literal = 4,
    /// A string.
    String = 5,
    /// An array: the count of items, then each item.
    Array = 6,
    /// An object: the count of members, then each member's name and value.
    Object = 7,
    /// A string that lives as long as the module: its number in
    /// [`Record::table`], in the same word, shifted by [`FIXED_SHIFT`]
    /// (one word read where two were). The last tag: any word from this
    /// one up is a fixed string (`tags` in tests/generated.rs checks that
    /// every other tag is below it). Never text of the input buffers, which
    /// the JS side would cache stale (they are never `'static`: see
    /// [`Record::fixed`]).
    Fixed = 8,
}

/// Where a fixed string's word holds its number: above [`Tag::Fixed`],
/// which every other tag is below. The reader's copy: `FIXED_SHIFT`, which
/// tests/generated.rs writes into js/text-path.mjs from this value.
pub const FIXED_SHIFT: u32 = 4;

// Every fixed string's number fits its word above the tag.
const _: () = assert!(Tag::Fixed as u32 >> FIXED_SHIFT == 0);
const _: () = assert!(FIXED_NUMBERS < 1 << (32 - FIXED_SHIFT));

/// How many numbers [`Record::table`] has room for (a power of two): a
/// fixed string's number is the slot its address and length pick, or the
/// next free one, and the codes' are their numbers. The wrapper keeps as
/// many strings at their numbers (`FIXED_NUMBERS` in js/text-path.mjs,
/// which tests/generated.rs writes there from this value).
pub const FIXED_NUMBERS: usize = 2048;

/// The most fixed strings [`Record::table`] numbers, the codes included:
/// half its room, so that a string's slot is nearly always free or the one
/// looked for. Every example's and fixture's report together number about
/// a hundred, codes included (tested).
pub const FIXED_MOST: usize = FIXED_NUMBERS / 2;

/// A report written as a record: `words` and the `text` its strings are cut from.
#[derive(Debug, Default)]
pub struct Record {
    /// The record's 32-bit words.
    pub words: Vec<u32>,
    /// Every string of the report, one after another, as UTF-8.
    pub text: String,
    /// Each fixed string written, at its number: its address and length,
    /// two words (an address natively is only the pointer's low half; both
    /// 0 where none is). The codes at their numbers, the others at the slot
    /// their address and length pick, or the next free one. Kept from one
    /// report to the next, as the wrapper keeps the strings it decoded at
    /// their numbers.
    pub table: Vec<u32>,
    /// How many strings [`Record::table`] numbers.
    numbered: usize,
    /// The fixed strings at their numbers, for the tests' reader.
    #[cfg(test)]
    strings: Vec<Option<&'static str>>,
}

impl Record {
    /// An empty record.
    pub const fn new() -> Self {
        Record {
            words: Vec::new(),
            text: String::new(),
            table: Vec::new(),
            numbered: 0,
            #[cfg(test)]
            strings: Vec::new(),
        }
    }

    /// Empties the record, keeping its memory and its table of fixed
    /// strings for the next report.
    pub fn clear(&mut self) {
        self.words.clear();
        self.text.clear();
    }

    /// Writes `report`, after whatever the record holds (callers clear it first).
    pub fn write(&mut self, report: &Report) {
        if self.table.is_empty() {
            // The first report: room for the table, and the codes numbered
            // there at their numbers.
            self.table.resize(2 * FIXED_NUMBERS, 0);
            #[cfg(test)]
            self.strings.resize(FIXED_NUMBERS, None);
            for code in Code::ALL {
                self.enter(*code as usize, code.as_str());
            }
        }
        let errors = report.of(Severity::Error).count();
        let warnings = report.diagnostics.len() - errors;
        self.push(u32::from(errors == 0));
        self.push(word(errors));
        self.push(word(warnings));
        for severity in [Severity::Error, Severity::Warning] {
            for diagnostic in report.of(severity) {
                self.diagnostic(diagnostic);
            }
        }
    }

    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        let params = &diagnostic.params;
        let shape = if params.is_empty() {
            0
        } else {
            shape_of(diagnostic.code, params)
        };
        let count = word(params.len()).min(PARAMS_COUNTED);
        self.push(
            diagnostic.code as u32
                | shape << SHAPE_SHIFT
                | u32::from(!diagnostic.fix.is_empty()) << FIX_SHIFT
                | count << PARAMS_SHIFT,
        );
        self.text(&diagnostic.path);
        self.text(&diagnostic.message);
        if count == PARAMS_COUNTED {
            self.push(word(params.len()));
        }
        for (name, value) in params {
            if shape == 0 {
                self.fixed(name);
            }
            self.value(value);
        }
        if diagnostic.fix.is_empty() {
            return;
        }
        self.push(word(diagnostic.fix.len()));
        for operation in &diagnostic.fix {
            match operation {
                PatchOp::Add { path, value } | PatchOp::Replace { path, value } => {
                    self.push(u32::from(matches!(operation, PatchOp::Replace { .. })));
                    self.string(path);
                    self.value(value);
                }
                PatchOp::Move { from, path } => {
                    self.push(2);
                    self.string(from);
                    self.string(path);
                }
            }
        }
    }

    fn value(&mut self, value: &Value<'static>) {
        match value {
            Value::Null => self.push(Tag::Null as u32),
            Value::Bool(false) => self.push(Tag::False as u32),
            Value::Bool(true) => self.push(Tag::True as u32),
            Value::Number(Number::Int(int)) => match u32::try_from(*int) {
                Ok(small) => self.words.extend_from_slice(&[Tag::Small as u32, small]),
                Err(_) => {
                    self.push(Tag::Literal as u32);
                    self.string(&int.to_string());
                }
            },
            Value::Number(Number::BigInt(literal) | Number::Float(literal)) => {
                self.push(Tag::Literal as u32);
                self.string(literal);
            }
            Value::String(text) => self.text(text),
            Value::Array(items) => {
                self.push(Tag::Array as u32);
                self.push(word(items.len()));
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(members) => {
                self.push(Tag::Object as u32);
                self.push(word(members.len()));
                for (name, member) in members {
                    self.string(name);
                    self.value(member);
                }
            }
        }
    }

    /// A string as a value: fixed when it lives as long as the module (a
    /// `&'static str`), else copied into the text.
    #[allow(clippy::ptr_arg)] // the variant is what says whether the text is fixed
    fn text(&mut self, text: &Cow<'static, str>) {
        match text {
            Cow::Borrowed(text) => self.fixed(text),
            Cow::Owned(text) => {
                self.push(Tag::String as u32);
                self.string(text);
            }
        }
    }

    /// Appends `text` and records where it ends, in bytes (see the
    /// module's documentation). Not inlined: it is called from many places,
    /// and one copy keeps the `.wasm` small.
    #[inline(never)]
    fn string(&mut self, text: &str) {
        self.text.push_str(text);
        self.push(word(self.text.len()));
    }

    /// Writes a string that lives as long as the module as one word,
    /// [`Tag::Fixed`] and its number in [`Record::table`] (numbered when
    /// first written) above it,
    /// without copying it; or, once the table numbers [`FIXED_MOST`], one
    /// it does not as a string of the text. The JS side keeps it by number
    /// from one report to the next, so it must never be text from the
    /// input buffers (`INPUT`, `WORDS` in src/wasm.rs), which the next call
    /// rewrites: those are lent for one call, never `'static`, so in the
    /// WebAssembly build every `&'static str` is the module's own data,
    /// params values' strings (`Value<'static>`) included.
    fn fixed(&mut self, text: &'static str) {
        match self.number_of(text) {
            Some(number) => self.push(Tag::Fixed as u32 | number << FIXED_SHIFT),
            None => {
                self.push(Tag::String as u32);
                self.string(text);
            }
        }
    }

    /// The number of `text` in [`Record::table`], which numbers it if it is
    /// not there yet; `None` when it is not and the table is full.
    fn number_of(&mut self, text: &'static str) -> Option<u32> {
        let entry = [address(text), word(text.len())];
        // Fibonacci hashing of both words: the product's top bits.
        let hash = (entry[0] ^ entry[1].rotate_left(16)).wrapping_mul(0x9e37_79b9);
        let mut slot = (hash >> (32 - FIXED_NUMBERS.trailing_zeros())) as usize;
        loop {
            let held = self.table.get(2 * slot..2 * slot + 2)?;
            if held == entry {
                return Some(slot as u32);
            }
            if held == [0, 0] {
                break;
            }
            slot = (slot + 1) % FIXED_NUMBERS;
        }
        if self.numbered >= FIXED_MOST {
            return None;
        }
        self.enter(slot, text);
        Some(slot as u32)
    }

    /// Gives `text` the number `slot` in [`Record::table`].
    fn enter(&mut self, slot: usize, text: &'static str) {
        if let Some(held) = self.table.get_mut(2 * slot..2 * slot + 2) {
            held.copy_from_slice(&[address(text), word(text.len())]);
            self.numbered += 1;
            #[cfg(test)]
            {
                self.strings[slot] = Some(text);
            }
        }
    }

    /// Appends one word.
    #[inline]
    fn push(&mut self, word: u32) {
        self.words.push(word);
    }
}

/// The number of the shape (from 1, see [`shapes::SHAPES`]) whose names are
/// those of `params`, in order, among `code`'s own shapes; 0 when neither is.
fn shape_of(code: Code, params: &[(&'static str, Value<'static>)]) -> u32 {
    let Some(candidates) = shapes::CODE_SHAPES.get(code as usize) else {
        return 0;
    };
    for &number in candidates {
        let Some(names) = usize::from(number)
            .checked_sub(1)
            .and_then(|at| shapes::SHAPES.get(at))
        else {
            continue;
        };
        if names.len() == params.len() && names.iter().zip(params).all(|(a, (b, _))| same(a, b)) {
            return u32::from(number);
        }
    }
    0
}

/// The names of the shape numbered `number` (from 1), for the tests' reader.
#[cfg(test)]
fn shape_names(number: u32) -> Vec<&'static str> {
    shapes::SHAPES[number as usize - 1].to_vec()
}

/// Whether two names are the same: at once when they are one string (the
/// linker merges equal string constants: a name a rule gives is the
/// table's), else compared byte by byte, a call that cost more than the
/// wrapper's compare of the names' words it spares.
fn same(a: &'static str, b: &'static str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// The address of a string that lives as long as the module: a wasm32
/// pointer; natively (the tests) its low half.
fn address(text: &'static str) -> u32 {
    text.as_ptr() as usize as u32
}

/// A count or length as a word. Reports are bounded (at most
/// [`crate::diagnostic::REPORT_LIMIT`] diagnostics, messages cut, paths no
/// longer than the request) and wasm memory is 4 GiB at most, so every count
/// fits; a larger one would be cut, never a panic.
fn word(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    //! The record read back the way `readReport` in js/text-path.mjs reads it,
    //! into a [`Value`], must be the report's JSON text parsed.
    use super::*;
    use crate::diagnostic::{fixed, Code};
    use crate::json::{self, Text};
    use crate::Context;

    // Each tag's word, to match a word read on.
    const NULL: u32 = Tag::Null as u32;
    const FALSE: u32 = Tag::False as u32;
    const TRUE: u32 = Tag::True as u32;
    const SMALL: u32 = Tag::Small as u32;
    const LITERAL: u32 = Tag::Literal as u32;
    const STRING: u32 = Tag::String as u32;
    const ARRAY: u32 = Tag::Array as u32;
    const OBJECT: u32 = Tag::Object as u32;
    const FIXED: u32 = Tag::Fixed as u32;

    /// Reads a record as the JS wrapper does, into the value `JSON.parse` gives.
    struct Reader<'r> {
        words: &'r [u32],
        text: &'r str,
        next: usize,
        at: usize,
        /// What the wrapper finds in wasm memory at each fixed string's
        /// address and length in the table, at its number.
        strings: &'r [Option<&'static str>],
    }

    impl Reader<'_> {
        fn word(&mut self) -> u32 {
            self.next += 1;
            self.words[self.next - 1]
        }

        /// A fixed string: its number, from its tag's word.
        fn fixed(&self, tag: u32) -> Value<'static> {
            Self::numbered(self.strings, (tag >> FIXED_SHIFT) as usize)
        }

        /// The fixed string numbered `number`, whose address and length
        /// [`Record::table`] gives (checked, as the wrapper reads them).
        fn numbered(strings: &[Option<&'static str>], number: usize) -> Value<'static> {
            let text = strings[number].expect("a fixed string numbered");
            Value::String(Text::Owned((*text).to_owned()))
        }

        fn string(&mut self) -> Value<'static> {
            let end = self.word() as usize;
            let text = self
                .text
                .get(self.at..end)
                .expect("whole characters")
                .to_owned();
            self.at = end;
            Value::String(Text::Owned(text))
        }

        /// A string written as a value: a fixed one, or one of the text.
        /// Any other tag (a path or a message is always a string) is the
        /// writer's error, which the test must catch.
        fn text(&mut self) -> Value<'static> {
            match self.word() {
                STRING => self.string(),
                tag @ FIXED.. => self.fixed(tag),
                tag => panic!("a string's tag, not {tag}"),
            }
        }

        /// A value. The arms cover every word: each tag's, and any from
        /// [`Tag::Fixed`] up a fixed string (a tag the writer adds below
        /// it does not build until it is read here).
        fn value(&mut self) -> Value<'static> {
            match self.word() {
                NULL => Value::Null,
                FALSE => Value::Bool(false),
                TRUE => Value::Bool(true),
                SMALL => Value::Number(Number::Int(i64::from(self.word()))),
                LITERAL => {
                    let Value::String(literal) = self.string() else {
                        unreachable!()
                    };
                    owned(&json::parse(&literal).expect("a number literal").value)
                }
                STRING => self.string(),
                tag @ FIXED.. => self.fixed(tag),
                ARRAY => {
                    let count = self.word();
                    Value::Array((0..count).map(|_| self.value()).collect())
                }
                OBJECT => self.object(),
            }
        }

        fn object(&mut self) -> Value<'static> {
            let count = self.word();
            let members = (0..count)
                .map(|_| {
                    let Value::String(name) = self.string() else {
                        unreachable!()
                    };
                    (name, self.value())
                })
                .collect();
            Value::Object(members)
        }

        fn diagnostic(&mut self, severity: &'static str) -> Value<'static> {
            let head = self.word();
            let number = (head & CODE_MASK) as usize;
            let shape = (head >> SHAPE_SHIFT) & SHAPE_MASK;
            let code = Self::numbered(self.strings, number);
            assert_eq!(
                code,
                Value::from(Code::ALL[number].as_str()),
                "the code's number"
            );
            let mut members = vec![(Text::Borrowed("code"), code)];
            members.push((Text::Borrowed("severity"), Value::from(severity)));
            members.push((Text::Borrowed("path"), self.text()));
            members.push((Text::Borrowed("message"), self.text()));
            let mut params = head >> PARAMS_SHIFT;
            if params == PARAMS_COUNTED {
                params = self.word();
            }
            if params > 0 {
                let params = match shape {
                    0 => (0..params)
                        .map(|_| {
                            let Value::String(name) = self.text() else {
                                unreachable!()
                            };
                            (name, self.value())
                        })
                        .collect(),
                    shape => {
                        let names = shape_names(shape);
                        assert_eq!(names.len(), params as usize, "the shape's names");
                        names
                            .into_iter()
                            .map(|name| (Text::Borrowed(name), self.value()))
                            .collect()
                    }
                };
                members.push((Text::Borrowed("params"), Value::Object(params)));
            }
            if head & FIX_BIT != 0 {
                let operations = self.word();
                assert!(operations > 0, "a fix has operations");
                let fix = (0..operations)
                    .map(|_| {
                        let op = self.word();
                        let mut members = vec![(
                            Text::Borrowed("op"),
                            Value::from(["add", "replace", "move"][op as usize]),
                        )];
                        if op == 2 {
                            members.push((Text::Borrowed("from"), self.string()));
                            members.push((Text::Borrowed("path"), self.string()));
                        } else {
                            members.push((Text::Borrowed("path"), self.string()));
                            members.push((Text::Borrowed("value"), self.value()));
                        }
                        Value::Object(members)
                    })
                    .collect();
                members.push((Text::Borrowed("fix"), Value::Array(fix)));
            }
            Value::Object(members)
        }

        fn report(record: &Record) -> Value<'static> {
            let mut reader = Reader {
                words: &record.words,
                text: &record.text,
                next: 0,
                at: 0,
                strings: &record.strings,
            };
            assert_eq!(record.table.len(), 2 * record.strings.len());
            for (number, text) in record.strings.iter().enumerate() {
                let entry = text.map_or([0, 0], |text| [address(text), word(text.len())]);
                assert_eq!(
                    record.table[2 * number..2 * number + 2],
                    entry,
                    "{text:?}: its address and length at its number"
                );
            }
            let valid = reader.word() == 1;
            let errors = reader.word();
            let warnings = reader.word();
            // The record here has no header (`write_record` adds it).
            assert_eq!(reader.next, FIRST_DIAGNOSTIC - HEADER_WORDS);
            let errors = (0..errors).map(|_| reader.diagnostic("error")).collect();
            let warnings = (0..warnings)
                .map(|_| reader.diagnostic("warning"))
                .collect();
            assert_eq!(reader.next, record.words.len(), "every word read");
            assert_eq!(reader.at, reader.text.len(), "every string read");
            Value::Object(vec![
                (Text::Borrowed("valid"), Value::Bool(valid)),
                (Text::Borrowed("errors"), Value::Array(errors)),
                (Text::Borrowed("warnings"), Value::Array(warnings)),
            ])
        }
    }

    fn assert_same_as_text(report: &Report) {
        let mut record = Record::new();
        record.write(report);
        let text = report.to_json_text();
        let from_text = json::parse(&text).expect("JSON").value;
        assert_eq!(Reader::report(&record), from_text);
        // A record reused for the next report holds only that one.
        record.clear();
        record.write(report);
        assert_eq!(Reader::report(&record), from_text);
    }

    #[test]
    fn every_kind_of_value_reads_back_as_the_json_text_does() {
        let nested = json::parse(
            r#"{"a":[null,true,false,0,4294967295,4294967296,-1,12.5e3,123456789012345678901234567890],"é😀":{"":"x\"\\\n"}}"#,
        )
        .expect("JSON")
        .value;
        let nested = owned(&nested);
        let report = Report::sorted(vec![
            Diagnostic::new(Code::TagReservedPrefix, "/Tags/0/Key", "say \"no\"\n")
                .with("prefix", "aws:")
                .with("count", 2usize)
                .with("nested", nested.clone())
                .with("negative", -7i64)
                .with("related", vec!["/TaskMode", "/Options/Mtime"])
                .with(
                    "mixed",
                    vec![Value::from("fixed"), Value::from("owned".to_owned())],
                ),
            Diagnostic::new(Code::SameLocation, "/é/😀/\u{fffd}", "€ and 𝄞")
                .with_fix(PatchOp::Add {
                    path: "/Options/😀".to_owned(),
                    value: nested,
                })
                .with_fix(PatchOp::Move {
                    from: "/a".to_owned(),
                    path: "/b".to_owned(),
                })
                .with_replacement("réplace"),
            // A path and a message known when the crate is compiled: fixed strings.
            Diagnostic::of(
                Code::EnhancedMtimeNone,
                fixed!("/Options/Mtime"),
                fixed!("é fixed 😀"),
            ),
            Diagnostic::of(
                Code::EnhancedPointInTime,
                fixed!("/Options/VerifyMode"),
                String::from("owned"),
            ),
        ]);
        let mut record = Record::new();
        record.write(&report);
        for text in ["/Options/Mtime", "é fixed 😀", "/Options/VerifyMode"] {
            assert!(
                record.strings.contains(&Some(text)),
                "{text} is written as a fixed string"
            );
        }
        assert!(!record.text.contains("Mtime"), "nor copied into the text");
        assert_same_as_text(&report);
        assert_same_as_text(&Report::default());
    }

    #[test]
    fn the_first_diagnostic_starts_at_first_diagnostic_after_the_header() {
        // Written as `write_record` in src/wasm.rs writes it: the header's
        // words first; the JS reader and tests/wasm.rs's `record_at` read the
        // first diagnostic's code at FIRST_DIAGNOSTIC.
        let context = Context::at(1_795_564_800);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut reports = 0;
        let files = [
            walk(&format!("{root}/examples")),
            walk(&format!("{root}/tests/fixtures")),
        ];
        for entry in files.concat() {
            let text = std::fs::read_to_string(&entry).expect("readable");
            let report = crate::validate_text(&text, &context);
            let first = report
                .of(Severity::Error)
                .chain(report.of(Severity::Warning))
                .next();
            let Some(first) = first else { continue };
            let mut record = Record::new();
            record.words.extend([0; HEADER_WORDS]);
            record.write(&report);
            let code = first.code.as_str();
            let number = first.code as usize;
            assert_eq!(
                record.words[FIRST_DIAGNOSTIC] & CODE_MASK,
                number as u32,
                "{entry}: the code's number, the head's low bits"
            );
            assert_eq!(
                record.table[2 * number..2 * number + 2],
                [address(code), word(code.len())],
                "{entry}: the code's address and length at its number in the table"
            );
            reports += 1;
        }
        assert!(reports > 3, "{reports} reports with a diagnostic");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the registry is the native build's
    fn params_of_one_of_the_codes_shapes_are_written_by_its_number_others_by_name() {
        // Each code's params as the registry lists them, whole and required
        // members alone, are written as a shape the wrapper builds with one
        // literal (its `switch`), when one has those names in that order.
        let mut numbered = 0;
        for code in Code::ALL {
            let params = code.rule().params;
            let whole: Vec<&'static str> = params.iter().map(|param| param.name).collect();
            let required: Vec<&'static str> = params
                .iter()
                .filter(|param| !param.optional)
                .map(|param| param.name)
                .collect();
            for names in [whole, required] {
                let given: Vec<(&'static str, Value<'static>)> =
                    names.iter().map(|name| (*name, Value::Null)).collect();
                let shape = shape_of(*code, &given);
                if shape > 0 {
                    assert_eq!(shape_names(shape), names, "{code:?}");
                    numbered += 1;
                } else {
                    let numbers = 1..=shapes::SHAPES.len() as u32;
                    assert!(
                        names.is_empty() || numbers.into_iter().all(|n| shape_names(n) != names),
                        "{code:?}: {names:?} is a shape"
                    );
                }
            }
        }
        assert!(numbered > 40, "{numbered} lists of names numbered");
        // Names in another order, or not all of a shape's, or of another
        // code's shape only, are written by name.
        let given = |names: &[&'static str]| -> Vec<(&'static str, Value<'static>)> {
            names.iter().map(|name| (*name, Value::Null)).collect()
        };
        assert_ne!(
            shape_of(Code::WrongType, &given(&["expected", "actual"])),
            0
        );
        assert_eq!(
            shape_of(Code::WrongType, &given(&["actual", "expected"])),
            0
        );
        assert_eq!(shape_of(Code::WrongType, &given(&["expected"])), 0);
        assert_eq!(shape_of(Code::WrongType, &given(&["member"])), 0);
        let report = Report::sorted(vec![Diagnostic::new(Code::WrongType, "/Name", "reversed")
            .with("actual", "string")
            .with("expected", "integer")]);
        let mut record = Record::new();
        record.write(&report);
        // valid, the counts; the head: the code's number, shape 0 (by
        // name), no fix, two params.
        assert_eq!(
            record.words[3],
            Code::WrongType as u32 | 2 << PARAMS_SHIFT,
            "two params of no shape"
        );
        assert_same_as_text(&report);
    }

    #[test]
    fn params_beyond_what_the_head_counts_are_counted_after_the_message() {
        // No diagnostic of the core's has so many (each param's name is a
        // rule's literal), but a record must never miscount: the head says
        // PARAMS_COUNTED, the word after the message the count.
        for count in [PARAMS_COUNTED - 1, PARAMS_COUNTED, PARAMS_COUNTED + 1] {
            let mut diagnostic = Diagnostic::new(Code::TagReservedPrefix, "/Tags/0/Key", "many");
            for index in 0..count {
                let name: &'static str = Box::leak(format!("p{index}").into_boxed_str());
                diagnostic = diagnostic.with(name, i64::from(index));
            }
            let report = Report::sorted(vec![diagnostic]);
            let mut record = Record::new();
            record.write(&report);
            assert_eq!(
                record.words[3] >> PARAMS_SHIFT,
                count.min(PARAMS_COUNTED),
                "the head's count"
            );
            assert_same_as_text(&report);
        }
    }

    #[test]
    fn fixed_strings_beyond_the_most_numbered_are_copied_into_the_text() {
        // More distinct fixed strings than the table numbers (the module has
        // a few hundred): slices of one leaked string, each its own address
        // and length; those beyond are written as strings of the text.
        let long: &'static str = Box::leak("fixed-".repeat(400).into_boxed_str());
        let many: Vec<Value<'static>> = (1..=FIXED_MOST + 100)
            .map(|end| Value::String(Text::Borrowed(&long[..end])))
            .collect();
        let report = Report::sorted(vec![Diagnostic::new(
            Code::TagReservedPrefix,
            "/Tags/0/Key",
            "many",
        )
        .with("prefix", "aws:")
        .with("many", many)]);
        let mut record = Record::new();
        record.write(&report);
        assert_eq!(record.numbered, FIXED_MOST, "as many numbered as the most");
        assert!(
            record.text.ends_with(&long[..FIXED_MOST + 100]),
            "the rest copied"
        );
        assert_same_as_text(&report);
        // A full table still gives the strings it numbered their numbers.
        record.clear();
        record.write(&report);
        assert_eq!(record.numbered, FIXED_MOST);
        assert_eq!(
            Reader::report(&record),
            json::parse(&report.to_json_text()).expect("JSON").value
        );
    }

    #[test]
    fn every_code_has_a_number_the_wrapper_keeps() {
        // The codes are the first fixed strings numbered, at their numbers,
        // which js/text-path.mjs keeps below FIXED_NUMBERS.
        assert!(Code::ALL.len() < FIXED_MOST, "{} codes", Code::ALL.len());
        for (number, code) in Code::ALL.iter().enumerate() {
            assert_eq!(*code as usize, number, "{code:?}");
        }
    }

    #[test]
    fn the_examples_and_fixtures_read_back_as_their_json_text_does() {
        let context = Context::at(1_795_564_800);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files = 0;
        for dir in ["examples", "tests/fixtures"] {
            for entry in walk(&format!("{root}/{dir}")) {
                let text = std::fs::read_to_string(&entry).expect("readable");
                assert_same_as_text(&crate::validate_text(&text, &context));
                files += 1;
            }
        }
        assert!(files > 50, "{files} files");
    }

    #[test]
    fn the_examples_and_fixtures_number_a_few_hundred_fixed_strings() {
        // FIXED_MOST is half the table so that a slot is nearly always free:
        // every report of the examples and fixtures, written into one
        // record, numbers well under it, the codes included (108 at
        // this writing).
        let context = Context::at(1_795_564_800);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut record = Record::new();
        for dir in ["examples", "tests/fixtures"] {
            for entry in walk(&format!("{root}/{dir}")) {
                let text = std::fs::read_to_string(&entry).expect("readable");
                record.clear();
                record.write(&crate::validate_text(&text, &context));
            }
        }
        assert!(
            record.numbered > Code::ALL.len() && record.numbered < FIXED_MOST / 4,
            "{} fixed strings numbered",
            record.numbered
        );
    }

    #[test]
    fn a_bounded_report_of_many_problems_reads_back_whole() {
        let tags: Vec<String> = (0..30_000)
            .map(|i| format!(r#"{{"Key":"\udc00{i}"}}"#))
            .collect();
        let text = format!(r#"{{"Tags":[{}]}}"#, tags.join(","));
        let report = crate::validate_text(&text, &Context::at(1_795_564_800));
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ReportTruncated));
        assert_same_as_text(&report);
    }

    fn owned(value: &Value) -> Value<'static> {
        match value {
            Value::Null => Value::Null,
            Value::Bool(flag) => Value::Bool(*flag),
            Value::Number(Number::Int(int)) => Value::Number(Number::Int(*int)),
            Value::Number(Number::BigInt(text)) => {
                Value::Number(Number::BigInt(Text::Owned(text.to_string())))
            }
            Value::Number(Number::Float(text)) => {
                Value::Number(Number::Float(Text::Owned(text.to_string())))
            }
            Value::String(text) => Value::String(Text::Owned(text.to_string())),
            Value::Array(items) => Value::Array(items.iter().map(owned).collect()),
            Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(name, member)| (Text::Owned(name.to_string()), owned(member)))
                    .collect(),
            ),
        }
    }

    fn walk(dir: &str) -> Vec<String> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                out.extend(walk(&path.to_string_lossy()));
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path.to_string_lossy().into_owned());
            }
        }
        out
    }
}
