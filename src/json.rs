//! A small JSON document model and parser built for validation.
//!
//! Unlike a general-purpose JSON library it keeps what a validator needs and a
//! serializer throws away: member order, the exact kind of every number
//! (an integer literal that fits `i64`, one that does not, or a float), member
//! names that appear twice, lone UTF-16 surrogates, and the line and column of a
//! syntax error. Nesting is bounded so hostile input cannot exhaust the stack.

/// Text held by a [`Value`]: borrowed from the parsed document when it was
/// written there without escapes (no copy), owned otherwise.
pub type Text<'a> = Cow<'a, str>;

/// A parsed JSON value. Objects keep their members in document order.
/// `'a` is the document's lifetime; values built by the crate itself are
/// `Value<'static>`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its literal was written.
    Number(Number<'a>),
    /// A string, unescaped.
    String(Text<'a>),
    /// An array, in order.
    Array(Vec<Value<'a>>),
    /// An object's members in document order (a member given twice is kept
    /// once, in its first position, with its last value).
    Object(Vec<(Text<'a>, Value<'a>)>),
}

/// A JSON number, classified the way the DataSync model needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Number<'a> {
    /// An integer literal (no fraction, no exponent) that fits in `i64`.
    Int(i64),
    /// An integer literal outside the `i64` range, kept as written.
    BigInt(Text<'a>),
    /// Any literal with a fraction or an exponent, kept as written. The
    /// validator never needs its value (a float is always a type error), and
    /// keeping the text avoids shipping float parsing and printing in the wasm.
    Float(Text<'a>),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::String(Cow::Borrowed(text))
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::String(Cow::Owned(text))
    }
}

impl From<i64> for Value<'_> {
    fn from(number: i64) -> Self {
        Value::Number(Number::Int(number))
    }
}

/// A count beyond `i64::MAX` (possible on 64-bit targets) keeps its exact
/// digits as a [`Number::BigInt`], as the same number read from text does, so
/// the validator judges the number the caller wrote.
impl From<usize> for Value<'_> {
    fn from(number: usize) -> Self {
        Value::Number(match i64::try_from(number) {
            Ok(small) => Number::Int(small),
            Err(_) => Number::BigInt(Cow::Owned(number.to_string())),
        })
    }
}

impl From<bool> for Value<'_> {
    fn from(flag: bool) -> Self {
        Value::Bool(flag)
    }
}

impl<'a, T: Into<Value<'a>>> From<Vec<T>> for Value<'a> {
    fn from(items: Vec<T>) -> Self {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

use std::borrow::Cow;

/// Objects with more members than this find their duplicates by sorting, once read.
const LINEAR_LOOKUP_LIMIT: usize = 16;

/// Deepest nesting of arrays and objects the parser follows. A CreateTask
/// request is at most five levels deep; anything far deeper is hostile or a mistake.
pub const MAX_DEPTH: usize = 64;

/// Why a text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text is not JSON; the string says what was expected.
    Syntax(String),
    /// Arrays or objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A parse failure with its 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// Something suspicious but parseable that the validator reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An object names the member at this pointer more than once; the last value wins.
    DuplicateMember(String),
    /// A string at this pointer held a lone UTF-16 surrogate escape, replaced by U+FFFD.
    LoneSurrogate(String),
}

/// A successfully parsed document and the findings met on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<'a> {
    /// The document; duplicate members are collapsed, the last one kept in its first position.
    pub value: Value<'a>,
    /// Duplicate members and lone surrogates, with their pointers.
    pub findings: Vec<Finding>,
}

/// Parses JSON text (RFC 8259). A leading UTF-8 byte-order mark is ignored.
pub fn parse(text: &str) -> Result<Parsed<'_>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        findings: Vec::new(),
        members: Vec::new(),
        items: Vec::new(),
    };
    parser.skip_whitespace();
    let value = parser.value(0, None).map_err(|error| *error)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(*parser.error("the end of the document after the top-level value"));
    }
    Ok(Parsed {
        value,
        findings: parser.findings,
    })
}

/// Whether any of the eight bytes in `word` is a quote, a backslash or a
/// control character (below 0x20): the bytes that end a run of plain string
/// content. Classic SWAR tests; they may flag a byte after a real match, never
/// miss one, and the caller rescans the flagged word byte by byte.
#[inline(always)]
fn ends_run(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    below_space
        || has_zero_byte(word ^ (ONES * u64::from(b'"')))
        || has_zero_byte(word ^ (ONES * u64::from(b'\\')))
}

/// Whether two texts are equal, compared eight bytes at a time. Member names
/// are compared on every lookup, and in wasm the `memcmp` behind `==`
/// compares byte by byte; texts of different lengths are told apart at once.
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same`] for bytes, and never through `memcmp`, whose call costs more
/// than the handful of bytes it would compare (and in wasm it compares byte
/// by byte). Not inlined: it is called from many places.
#[inline(never)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && same_words(a, b)
}

/// The comparison behind [`same_bytes`] of two texts of the same length:
/// eight bytes at a time (the last eight overlapping the word before), four
/// (the last four overlapping) below eight, one by one below four. Inlined
/// where the pattern matcher compares with a literal of known length.
#[inline(always)]
pub(crate) fn same_words(a: &[u8], b: &[u8]) -> bool {
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|chunk| chunk.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let half = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|chunk| chunk.try_into().ok())
            .map(u32::from_le_bytes)
    };
    let length = a.len();
    if length >= 8 {
        let mut at = 0;
        while at + 8 < length {
            if word(a, at) != word(b, at) {
                return false;
            }
            at += 8;
        }
        word(a, length - 8) == word(b, length - 8)
    } else if length >= 4 {
        half(a, 0) == half(b, 0) && half(a, length - 4) == half(b, length - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// What a parsing step returns. The error is boxed so that the common
/// successful result stays small (it is moved at every level of nesting).
type Step<T> = Result<T, Box<ParseError>>;

/// How many bytes at the start of `bytes` can appear in a JSON string as they
/// are: everything before the first quote, backslash or control character.
/// Both the parser and the writer spend most of their time here.
#[inline(always)]
pub(crate) fn plain_run_length(bytes: &[u8]) -> usize {
    // Eight bytes at a time while none of them ends the run, then one by one.
    let mut skipped = 0;
    for chunk in bytes.chunks_exact(8) {
        if ends_run(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) {
            break;
        }
        skipped += 8;
    }
    let tail = bytes.get(skipped..).unwrap_or_default();
    skipped
        + tail
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .unwrap_or(tail.len())
}

/// One step of the path from the root to the value being parsed. Frames live
/// on the call stack, each pointing at its parent, so tracking the path costs
/// no allocation; a pointer is built from them only for a finding.
#[derive(Clone, Copy)]
struct PathFrame<'p> {
    parent: Option<&'p PathFrame<'p>>,
    segment: Segment<'p>,
}

#[derive(Clone, Copy)]
enum Segment<'p> {
    Member(&'p str),
    Index(usize),
}

/// The JSON Pointer of the value `path` leads to (`""` for the root).
fn pointer(path: Option<&PathFrame>) -> String {
    let mut segments = Vec::new();
    let mut frame = path;
    while let Some(current) = frame {
        segments.push(current.segment);
        frame = current.parent;
    }
    let mut pointer = String::new();
    for segment in segments.iter().rev() {
        match segment {
            Segment::Member(name) => crate::pointer::push(&mut pointer, name),
            Segment::Index(index) => crate::pointer::push_index(&mut pointer, *index),
        }
    }
    pointer
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    findings: Vec<Finding>,
    /// The members of every object being read, innermost last: an object's
    /// members are moved into a vector of their exact size when it closes, so
    /// reading one allocates once instead of growing a vector member by member.
    members: Vec<(Text<'a>, Value<'a>)>,
    /// The same for the items of every array being read.
    items: Vec<Value<'a>>,
}

impl<'a> Parser<'a> {
    fn error(&self, expected: &str) -> Box<ParseError> {
        let found = match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the text".to_owned(),
            Some(ch) if ch.is_control() => format!("the control character U+{:04X}", ch as u32),
            Some(ch) => format!("'{ch}'"),
        };
        self.error_kind(ParseErrorKind::Syntax(format!(
            "expected {expected} but found {found}"
        )))
    }

    fn error_kind(&self, kind: ParseErrorKind) -> Box<ParseError> {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Box::new(ParseError { kind, line, column })
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat_literal(&mut self, literal: &str, value: Value<'a>) -> Step<Value<'a>> {
        if self.bytes.get(self.pos..self.pos + literal.len()) == Some(literal.as_bytes()) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("a JSON value"))
        }
    }

    fn value(&mut self, depth: usize, path: Option<&PathFrame>) -> Step<Value<'a>> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1, path),
            Some(b'[') => self.array(depth + 1, path),
            Some(b'"') => self.string(path).map(Value::String),
            Some(b't') => self.eat_literal("true", Value::Bool(true)),
            Some(b'f') => self.eat_literal("false", Value::Bool(false)),
            Some(b'n') => self.eat_literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("a JSON value")),
        }
    }

    fn object(&mut self, depth: usize, path: Option<&PathFrame>) -> Step<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err(self.error_kind(ParseErrorKind::TooDeep));
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Vec::new()));
        }
        // This object's members are members[start..]; on an error they are
        // left there, as the whole parse fails.
        let start = self.members.len();
        // Duplicate detection scans small objects as they are read, and
        // sorts large ones once they end, so that an object with 100,000
        // members stays O(n log n).
        let mut unchecked = false;
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("a member name in double quotes"));
            }
            let name = self.string(path)?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("':' after the member name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let frame = PathFrame {
                parent: path,
                segment: Segment::Member(&name),
            };
            let value = self.value(depth, Some(&frame))?;
            let members = self.members.get_mut(start..).unwrap_or_default();
            let existing = match unchecked {
                true => None,
                false => members.iter().position(|(known, _)| same(known, &name)),
            };
            if let Some(slot) = existing.and_then(|at| members.get_mut(at)) {
                slot.1 = value;
                let frame = PathFrame {
                    parent: path,
                    segment: Segment::Member(&name),
                };
                self.findings
                    .push(Finding::DuplicateMember(pointer(Some(&frame))));
            } else {
                unchecked |= members.len() >= LINEAR_LOOKUP_LIMIT;
                self.members.push((name, value));
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    let mut members = self.members.split_off(start);
                    if unchecked {
                        self.merge_duplicates(&mut members, path);
                    }
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("',' or '}' after an object member")),
            }
        }
    }

    /// A large object's members, read without looking for duplicates: each
    /// later use of a name gives its value to the first (so the last value
    /// wins, in the first one's place) and a finding, as a small object's
    /// reading does.
    #[inline(never)]
    fn merge_duplicates(
        &mut self,
        members: &mut Vec<(Text<'a>, Value<'a>)>,
        path: Option<&PathFrame>,
    ) {
        let names: Vec<Option<&str>> = members.iter().map(|(name, _)| Some(&**name)).collect();
        let first = crate::sort::first_uses(&names);
        for (at, &to) in first.iter().enumerate().filter(|(at, to)| at != *to) {
            let value = std::mem::replace(&mut members[at].1, Value::Null);
            members[to].1 = value;
            let frame = PathFrame {
                parent: path,
                segment: Segment::Member(&members[at].0),
            };
            self.findings
                .push(Finding::DuplicateMember(pointer(Some(&frame))));
        }
        let mut firsts = first.iter().enumerate().map(|(at, to)| at == *to);
        members.retain(|_| firsts.next().unwrap_or(true));
    }

    fn array(&mut self, depth: usize, path: Option<&PathFrame>) -> Step<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err(self.error_kind(ParseErrorKind::TooDeep));
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        // This array's items are items[start..], as for objects.
        let start = self.items.len();
        loop {
            self.skip_whitespace();
            let frame = PathFrame {
                parent: path,
                segment: Segment::Index(self.items.len() - start),
            };
            let item = self.value(depth, Some(&frame))?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(self.items.split_off(start)));
                }
                _ => return Err(self.error("',' or ']' after an array item")),
            }
        }
    }

    fn number(&mut self) -> Step<Value<'a>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("a digit")),
        }
        let mut is_integer = true;
        if self.peek() == Some(b'.') {
            is_integer = false;
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a digit after the decimal point"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            is_integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a digit in the exponent"));
            }
            self.skip_digits();
        }
        let literal = self.text.get(start..self.pos).unwrap_or_default();
        let number = if is_integer {
            match literal.parse::<i64>() {
                Ok(int) => Number::Int(int),
                Err(_) => Number::BigInt(Cow::Borrowed(literal)),
            }
        } else {
            Number::Float(Cow::Borrowed(literal))
        };
        Ok(Value::Number(number))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// The index of the first byte at or after `from` that ends a run of plain
    /// string content: a quote, a backslash or a control character.
    #[inline(always)]
    fn run_end(&self, from: usize) -> usize {
        from + plain_run_length(self.bytes.get(from..).unwrap_or_default())
    }

    /// A string; `path` names it if it turns out to hold a lone surrogate.
    fn string(&mut self, path: Option<&PathFrame>) -> Step<Text<'a>> {
        self.pos += 1;
        // Most strings have no escapes: borrow them from the document.
        let start = self.pos;
        let end = self.run_end(start);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Cow::Borrowed(self.text.get(start..end).unwrap_or_default()));
        }
        let mut out = String::new();
        let mut lone_surrogate = false;
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let run_start = self.pos;
            self.pos = self.run_end(run_start);
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek();
                    self.pos += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let ch = self.unicode_escape(&mut lone_surrogate)?;
                            out.push(ch);
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error(
                                "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                            ));
                        }
                    }
                }
                None => return Err(self.error("'\"' to close the string")),
                Some(_) => {
                    return Err(self.error("a character other than an unescaped control character"))
                }
            }
        }
        if lone_surrogate {
            self.findings.push(Finding::LoneSurrogate(pointer(path)));
        }
        Ok(Cow::Owned(out))
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match digits {
            Some(code) => {
                self.pos += 4;
                Ok(code)
            }
            None => Err(self.error("four hexadecimal digits after \\u")),
        }
    }

    /// Decodes the `XXXX` of `\uXXXX` (the `\u` is consumed), joining surrogate pairs.
    fn unicode_escape(&mut self, lone_surrogate: &mut bool) -> Step<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            let rest = self.bytes.get(self.pos..self.pos + 2);
            if rest == Some(b"\\u") {
                let save = self.pos;
                self.pos += 2;
                let second = self.hex4()?;
                if (0xDC00..0xE000).contains(&second) {
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                self.pos = save;
            }
            *lone_surrogate = true;
            return Ok('\u{fffd}');
        }
        if (0xDC00..0xE000).contains(&first) {
            *lone_surrogate = true;
            return Ok('\u{fffd}');
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }
}

/// The largest integer a double holds exactly, with every integer below it (2^53 - 1).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// One step of a path into a [`Value`]: a member name or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep<'v> {
    /// A member of an object, by name.
    Member(&'v str),
    /// An item of an array, by index.
    Index(usize),
}

/// Every integer in `value` that a double cannot hold exactly (beyond
/// ±[`MAX_SAFE_INTEGER`]), with its path and its decimal digits, so a
/// JavaScript caller can put it back as a BigInt after `JSON.parse`.
/// In document order. (Parsed objects hold each name once, as `JSON.parse`
/// keeps it, so a path names exactly one value.)
pub fn inexact_integers<'v>(value: &'v Value) -> Vec<(Vec<PathStep<'v>>, String)> {
    fn visit<'v>(
        value: &'v Value,
        path: &mut Vec<PathStep<'v>>,
        out: &mut Vec<(Vec<PathStep<'v>>, String)>,
    ) {
        match value {
            Value::Number(Number::Int(int)) if int.unsigned_abs() > MAX_SAFE_INTEGER as u64 => {
                out.push((path.clone(), int.to_string()));
            }
            Value::Number(Number::BigInt(literal)) => out.push((path.clone(), literal.to_string())),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(PathStep::Index(index));
                    visit(item, path, out);
                    path.pop();
                }
            }
            Value::Object(members) => {
                for (name, member) in members {
                    path.push(PathStep::Member(name));
                    visit(member, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(value, &mut Vec::new(), &mut out);
    out
}

/// Writes a value as compact JSON text.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0);
    out
}

/// Appends a value to `out` as compact JSON text.
pub(crate) fn write_compact(out: &mut String, value: &Value) {
    write_value(out, value, None, 0);
}

/// Writes a value as JSON text indented by two spaces per level.
pub fn to_string_pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(2), 0);
    out
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', width * level));
    }
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>, level: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(Number::Int(int)) => out.push_str(&int.to_string()),
        Value::Number(Number::BigInt(literal)) => out.push_str(literal),
        Value::Number(Number::Float(literal)) => out.push_str(literal),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            if !items.is_empty() {
                newline(out, indent, level);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (index, (name, member)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(out, name);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, member, indent, level + 1);
            }
            if !members.is_empty() {
                newline(out, indent, level);
            }
            out.push('}');
        }
    }
}

/// Writes `text` as a JSON string literal: `\"`, `\\`, `\n`, `\r` and `\t`
/// escaped as such, any other control character as `\u00XX` (so backspace
/// and form feed as `\u0008` and `\u000c`, where `JSON.stringify` writes
/// `\b` and `\f`; either reads back as the same string).
pub(crate) fn write_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    // Every byte that needs an escape is ASCII, and UTF-8 continuation bytes
    // never are, so the runs between escapes are whole characters.
    let mut rest = text;
    loop {
        let run = plain_run_length(rest.as_bytes());
        out.push_str(rest.get(..run).unwrap_or_default());
        let Some(&byte) = rest.as_bytes().get(run) else {
            break;
        };
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                out.push_str("\\u00");
                out.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
                out.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
            }
        }
        rest = rest.get(run + 1..).unwrap_or_default();
    }
    out.push('"');
}

/// A value as JSON: objects as maps in member order; an integer beyond `i64`
/// as an `i128` (or a float beyond that), a float literal as the float it names.
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(Number::Int(int)) => serializer.serialize_i64(*int),
            Value::Number(Number::BigInt(literal)) => match literal.parse::<i128>() {
                Ok(int) => serializer.serialize_i128(int),
                Err(_) => serializer.serialize_f64(literal.parse().unwrap_or(f64::NAN)),
            },
            Value::Number(Number::Float(literal)) => {
                serializer.serialize_f64(literal.parse().unwrap_or(f64::NAN))
            }
            Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => serializer.collect_seq(items),
            Value::Object(members) => {
                serializer.collect_map(members.iter().map(|(name, value)| (name.as_ref(), value)))
            }
        }
    }
}

impl<'a> Value<'a> {
    /// The member `name` of an object, if this is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().find(|(n, _)| same(n, name)).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The JSON type name a person would use: `object`, `array`, `string`,
    /// `integer`, `number`, `boolean` or `null`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(Number::Int(_) | Number::BigInt(_)) => "integer",
            Value::Number(Number::Float(_)) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Value<'_> {
        parse(text).expect("valid JSON").value
    }

    #[test]
    fn parses_every_kind_of_value_in_order() {
        let value = parse_ok(r#"{"b": [1, -2.5, 1e3, true, false, null], "a": "x\u00e9\n"}"#);
        let Value::Object(members) = &value else {
            panic!("object expected")
        };
        assert_eq!(members[0].0, "b");
        assert_eq!(members[1].1, Value::String("xé\n".into()));
        assert_eq!(
            members[0].1,
            Value::Array(vec![
                Value::Number(Number::Int(1)),
                Value::Number(Number::Float("-2.5".into())),
                Value::Number(Number::Float("1e3".into())),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ])
        );
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_count_beyond_i64_keeps_its_digits_as_text_would() {
        assert_eq!(Value::from(7usize), Value::Number(Number::Int(7)));
        assert_eq!(Value::from(usize::MAX), parse_ok("18446744073709551615"));
    }

    #[test]
    fn classifies_integers_beyond_i64() {
        assert_eq!(
            parse_ok("9223372036854775807"),
            Value::Number(Number::Int(i64::MAX))
        );
        assert_eq!(
            parse_ok("9223372036854775808"),
            Value::Number(Number::BigInt("9223372036854775808".into()))
        );
        assert_eq!(parse_ok("1.0"), Value::Number(Number::Float("1.0".into())));
    }

    #[test]
    fn reports_line_and_column_of_syntax_errors() {
        let error = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((error.line, error.column), (3, 7));
        assert!(matches!(error.kind, ParseErrorKind::Syntax(ref m) if m.contains("':'")));
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "tru",
            "1 2",
            "\"a\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn the_word_scan_finds_every_byte_that_ends_a_string_run() {
        for position in 0..8 {
            for byte in 0..=255u8 {
                let mut bytes = [b'a'; 8];
                bytes[position] = byte;
                let special = byte == b'"' || byte == b'\\' || byte < 0x20;
                assert_eq!(
                    ends_run(u64::from_le_bytes(bytes)),
                    special,
                    "{byte:#x} at {position}"
                );
            }
        }
        // Runs of every length around the word size end at the right byte.
        for length in 0..40 {
            let text = format!("\"{}\\n\"", "é".repeat(length));
            assert_eq!(
                parse_ok(&text),
                Value::String(format!("{}\n", "é".repeat(length)).into())
            );
        }
    }

    #[test]
    fn texts_are_the_same_only_when_every_byte_is() {
        for length in 0..20 {
            let text: String = ('a'..='z').take(length).collect();
            assert!(same(&text, &text.clone()));
            assert!(!same(&text, &format!("{text}x")));
            for at in 0..length {
                let mut other = text.clone().into_bytes();
                other[at] = b'_';
                let other = String::from_utf8(other).unwrap();
                assert!(!same(&text, &other), "{text} vs {other}");
            }
        }
        assert!(same("Größe", "Größe") && !same("Größe", "Grösse"));
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(parse(&deep).unwrap_err().kind, ParseErrorKind::TooDeep);
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn records_duplicate_members_and_keeps_the_last() {
        let parsed = parse(r#"{"Tags":[{"Key":"a","Key":"b"}]}"#).unwrap();
        assert_eq!(
            parsed.findings,
            vec![Finding::DuplicateMember("/Tags/0/Key".into())]
        );
        assert_eq!(to_string(&parsed.value), r#"{"Tags":[{"Key":"b"}]}"#);
    }

    #[test]
    fn finds_duplicates_in_large_objects() {
        let mut text = String::from("{");
        for n in 0..1000 {
            text.push_str(&format!("\"k{n}\":{n},"));
        }
        text.push_str("\"k500\":0}");
        let parsed = parse(&text).unwrap();
        assert_eq!(
            parsed.findings,
            vec![Finding::DuplicateMember("/k500".into())]
        );
    }

    #[test]
    fn joins_surrogate_pairs_and_flags_lone_ones() {
        assert_eq!(parse_ok(r#""\ud83d\ude00""#), Value::String("😀".into()));
        let parsed = parse(r#"{"Name":"a\ud800b"}"#).unwrap();
        assert_eq!(
            parsed.findings,
            vec![Finding::LoneSurrogate("/Name".into())]
        );
    }

    #[test]
    fn writes_back_what_it_reads() {
        let text = r#"{"a":[1,-2,9223372036854775808,true,null],"b":"q\"\\\n\u0001é","c":{}}"#;
        assert_eq!(to_string(&parse_ok(text)), text);
        assert_eq!(
            to_string_pretty(&parse_ok(r#"{"a":[1]}"#)),
            "{\n  \"a\": [\n    1\n  ]\n}"
        );
    }

    #[test]
    fn finds_the_integers_a_double_cannot_hold() {
        let parsed = parse(
            r#"{"a":9007199254740991,"b":[1,9007199254740992,-9007199254740993],
                "c":{"d":123456789012345678901234567890,"e":1.5e300,"f":-9007199254740991}}"#,
        )
        .unwrap();
        let found = inexact_integers(&parsed.value);
        assert_eq!(
            found,
            [
                (
                    vec![PathStep::Member("b"), PathStep::Index(1)],
                    "9007199254740992".to_owned()
                ),
                (
                    vec![PathStep::Member("b"), PathStep::Index(2)],
                    "-9007199254740993".to_owned()
                ),
                (
                    vec![PathStep::Member("c"), PathStep::Member("d")],
                    "123456789012345678901234567890".to_owned()
                ),
            ]
        );
        assert!(inexact_integers(&parse("[1,2,3]").unwrap().value).is_empty());
    }
}
