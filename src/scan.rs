//! The single pass: reads a request's JSON text once, checking it against the
//! schema table as it reads and filling the rules' [`Record`] directly, with
//! no [`crate::json::Value`] tree and no allocation (but the vectors of the
//! filter and tag lists).
//!
//! It judges only what it can judge without a report: the first sign of
//! anything the structural check or the parser would report (a syntax error,
//! an unknown or repeated member, a missing required member, a wrong type, a
//! value outside its enum, length, pattern or range, too many items) ends the
//! pass with `None`, and the caller validates the text by the general path
//! ([`crate::validate_text_by_tree`]) from the start. So do strings with
//! escapes, which the general path decodes. What the pass accepts is a request
//! whose structure is clean, and the cross-field rules read its record exactly
//! as they read the one built from the tree.

use crate::json::{plain_run_length, same_bytes};
use crate::patterns::Pattern;
use crate::request::{Record, Slot};
use crate::rules::structure::{bit, find_from, length_is_clean, string_is_clean};
use crate::schema::{Member, Operation, Shape, StringRule};

/// The record of `text` read as a request of `operation`, or `None` when the
/// text is anything but JSON whose structure the structural check passes.
pub fn scan(text: &str, operation: Operation) -> Option<Record<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        operation,
        record: Record::default(),
    };
    scanner.value(operation.request(), Slot::Root)?;
    scanner.skip_whitespace();
    (scanner.pos == scanner.bytes.len()).then_some(scanner.record)
}

// The checks of a clean request's structure, shared with the reader of the
// JavaScript walker's record (`crate::walked`): one home for each.

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
    (value >= minimum).then(|| record.integer(slot, value))
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

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    operation: Operation,
    record: Record<'a>,
}

impl<'a> Scanner<'a> {
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

    /// A value of `shape` (after any whitespace), read into `slot`.
    fn value(&mut self, shape: &'static Shape, slot: Slot) -> Option<()> {
        self.skip_whitespace();
        match shape {
            Shape::Structure(members) => self.object(members, slot),
            Shape::List { item, max_items } => self.array(item, *max_items, slot),
            // A value of an enum is one of its words, written as it is.
            Shape::String(rule) if !rule.allowed.is_empty() => {
                let (position, text) =
                    rule.allowed
                        .iter()
                        .enumerate()
                        .find_map(|(position, allowed)| {
                            Some((position, self.literal_string(allowed)?))
                        })?;
                self.record.choice(slot, position, text);
                Some(())
            }
            // An ARN, matched as it is read.
            Shape::String(rule) if rule.pattern.is_some_and(Pattern::is_arn) => {
                let text = self.arn_string(rule.pattern?)?;
                length_is_clean(text, rule).then(|| self.record.string(slot, text))
            }
            Shape::String(rule) => {
                let text = self.string()?;
                clean_string(&mut self.record, slot, rule, text)
            }
            Shape::Long { minimum } => {
                let value = self.integer()?;
                clean_integer(&mut self.record, slot, *minimum, value)
            }
        }
    }

    /// An object of `members`: each known, none twice, every required one present.
    fn object(&mut self, members: &'static [Member], slot: Slot) -> Option<()> {
        self.expect(b'{')?;
        self.record.object(slot);
        self.skip_whitespace();
        // The members seen, one bit per position (every structure of the
        // model has far fewer than 64).
        let mut seen: u64 = 0;
        // Members usually come in the model's order: search from the last one.
        let mut next = 0;
        if self.expect(b'}').is_none() {
            loop {
                // The member expected next, else any.
                let at = match members.get(next) {
                    Some(member) if self.literal_string(member.name).is_some() => next,
                    _ => find_from(members, self.string()?, next)?,
                };
                next = at + 1;
                first_time(&mut seen, at)?;
                let member = members.get(at)?;
                (self.token()? == b':').then_some(())?;
                let child = self
                    .record
                    .member(slot, member.name, Some(at), self.operation);
                self.value(member.shape, child)?;
                match self.token()? {
                    b',' => self.skip_whitespace(),
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        all_required(members, seen)
    }

    /// An array of at most `max_items` values of `item`.
    fn array(&mut self, item: &'static Shape, max_items: usize, slot: Slot) -> Option<()> {
        self.expect(b'[')?;
        self.record.array(slot);
        self.skip_whitespace();
        if self.expect(b']').is_some() {
            return Some(());
        }
        let mut count = 0;
        loop {
            count += 1;
            within(count, max_items)?;
            let child = self.record.item(slot);
            self.value(item, child)?;
            match self.token()? {
                b',' => {}
                b']' => return Some(()),
                _ => return None,
            }
        }
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

    /// An integer literal (no fraction, no exponent) that fits in `i64`.
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
        // No digits, a leading zero, a fraction or an exponent: not this pass's to judge.
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
}

#[cfg(test)]
mod tests {
    use super::scan;
    use crate::json::parse;
    use crate::request::Record;
    use crate::rules::testing::{clean_request_files, request, task_request};
    use crate::schema::Operation;
    use crate::{validate_text, validate_text_by_tree, Context};

    /// Reads `text` in one pass and checks the record is the tree's.
    fn read_in_one_pass(text: &str, operation: Operation) {
        let fast = scan(text, operation).unwrap_or_else(|| panic!("one pass: {text}"));
        let tree = parse(text).expect("JSON");
        assert_eq!(fast, Record::from_value(&tree.value, operation), "{text}");
        let context = Context::at(1_795_564_800).for_operation(operation);
        assert_eq!(
            validate_text(text, &context),
            validate_text_by_tree(text, &context)
        );
    }

    /// Checks that the pass gives `text` up, and that the report is the tree path's.
    fn left_to_the_tree(text: &str, operation: Operation) {
        assert_eq!(scan(text, operation), None, "{text}");
        let context = Context::at(1_795_564_800).for_operation(operation);
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
            let spaced = format!("\u{feff} \n{}\r\n\t", request(extra))
                .replace(',', " ,\n ")
                .replace("\":", "\"\t: ")
                .replace('{', "{ ")
                .replace('[', "[\r\n");
            read_in_one_pass(&spaced, Operation::CreateTask);
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

    #[test]
    fn anything_the_structural_check_reports_is_left_to_the_tree() {
        let name_of_257 = format!(r#""Name":"{}""#, "n".repeat(257));
        let members = [
            // Unknown members, at the root and deeper, and another operation's.
            r#""Bogus":1"#,
            r#""Options":{"Verifymode":"NONE"}"#,
            r#""TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0""#,
            // A member twice.
            r#""TaskMode":"BASIC","TaskMode":"BASIC""#,
            r#""Tags":[{"Key":"a","Key":"a"}]"#,
            // A required member missing.
            r#""Tags":[{"Value":"v"}]"#,
            r#""Schedule":{}"#,
            // Wrong types.
            r#""TaskMode":1"#,
            r#""Options":[]"#,
            r#""Tags":{}"#,
            r#""Name":null"#,
            r#""Options":{"BytesPerSecond":"1"}"#,
            r#""Options":{"BytesPerSecond":true}"#,
            r#""Options":{"BytesPerSecond":1.0}"#,
            r#""Options":{"BytesPerSecond":1e3}"#,
            r#""Options":{"BytesPerSecond":9223372036854775808}"#,
            // Enums, patterns, lengths, list sizes, the minimum.
            r#""TaskMode":"basic""#,
            r#""CloudWatchLogGroupArn":"nope""#,
            &name_of_257,
            r#""Tags":[{"Key":""}]"#,
            r#""Includes":[{"Value":"/a"},{"Value":"/b"}]"#,
            r#""Options":{"BytesPerSecond":-2}"#,
            r#""Options":{"BytesPerSecond":-9223372036854775808}"#,
            // Escapes, lone surrogates and raw control characters in strings.
            r#""Name":"a\u0041""#,
            r#""Name":"\/""#,
            r#""Task\u004dode":"BASIC""#,
            r#""Name":"\ud800""#,
            "\"Name\":\"a\tb\"",
            // Broken JSON.
            r#""Name":"a",,"#,
            r#""Name" "a""#,
            r#""Options":{"BytesPerSecond":01}"#,
            r#""Options":{"BytesPerSecond":-}"#,
            r#""Options":{"BytesPerSecond":1x}"#,
        ];
        for extra in members {
            left_to_the_tree(&request(extra), Operation::CreateTask);
        }
        let valid = request("");
        for text in [
            "",
            "[]",
            "\"x\"",
            &valid[..valid.len() - 1],
            &format!("{valid} {{}}"),
            &format!("{valid}x"),
            r#"{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"}"#,
            &"[".repeat(10_000),
        ] {
            left_to_the_tree(text, Operation::CreateTask);
        }
        // CreateTask members in requests of the other operations.
        left_to_the_tree(
            &task_request(r#""TaskMode":"BASIC""#),
            Operation::UpdateTask,
        );
        left_to_the_tree(
            &task_request(r#""Options":{}"#),
            Operation::StartTaskExecution,
        );
        left_to_the_tree(&request(""), Operation::UpdateTask);
    }
}
