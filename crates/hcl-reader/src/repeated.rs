//! Objects whose key repeats: Terraform reads them, hcl-edit refuses them.
//!
//! In an object constructor (`{ "a" = 1, "b" = 2, "a" = 3 }`) HCL evaluates
//! every item in order into one map, so a later item replaces an earlier one
//! with the same key: `terraform console` (1.11.4) gives `{ "a" = 3, "b" = 2 }`
//! and `terraform validate` passes. (A repeated *argument* in a block is an
//! error in Terraform, and in hcl-edit: that error stands.)
//!
//! hcl-edit 0.9.8 and later (0.10 is the newest on crates.io in December
//! 2026) refuses a key it finds equal to an earlier key of the same object
//! ("expected unique object key; found redefined object key"), with no
//! option to read on. So [`parse`] recovers from exactly that error: the
//! error is at the start of the later key, and there it inserts a prefix
//! that makes the key a conditional expression, `true ? N : KEY`, with `N`
//! counting the insertions. hcl-edit parses `KEY` as the conditional's
//! `false` branch exactly as it parsed it as a key (a conditional binds
//! loosest of all expressions), and the whole differs from every other key
//! (no two insertions share an `N`), so the parse goes on. The writer
//! recognises an inserted conditional by where it starts, writes its `KEY`
//! in its place, and maps every offset of the edited text back to the text
//! as written ([`Edits::original`]): the output is what it would be if
//! hcl-edit accepted repeated keys, both items in order, and the evaluator
//! (js/cli/terraform.mjs) keeps the later value, as HCL does.
//!
//! Each repeated key costs one more parse of the whole file, so their number
//! is bounded ([`allowed`]): the extra parses together cost about as much as
//! the largest file read without them, so a small file may repeat many keys
//! and a long one or one with large objects fewer; [`MAX_REPEATED_KEYS`]
//! caps the count whatever the size (each insertion also lengthens the text
//! parsed and the list of edits searched). A file with
//! more is refused as too large to read (not as invalid: Terraform reads
//! it), at the first repeated key over the bound.

use hcl_edit::parser::{parse_body, Error};
use hcl_edit::structure::Body;
use std::ops::Range;

use crate::size::MAX_PAIRS;

/// The most repeated object keys one file may have and still be read,
/// whatever its size: each insertion (at most 14 bytes) lengthens every
/// later parse, so the count stays small enough that the insertions add
/// under 1 MB to all the parses together ([`MAX_REPARSED_BYTES`] bounds the
/// file's own text).
pub(crate) const MAX_REPEATED_KEYS: usize = 256;

/// The text all extra parses together may read: 8 MiB (a parse reads about
/// 1 MiB in half a second in the command's .wasm).
const MAX_REPARSED_BYTES: usize = 8 << 20;

/// How many repeated keys a file of `len` bytes whose objects cost `pairs`
/// key comparisons (src/size.rs) may have: the extra parses together read
/// at most [`MAX_REPARSED_BYTES`] and make at most [`MAX_PAIRS`] comparisons.
pub(crate) fn allowed(len: usize, pairs: u64) -> usize {
    let by_bytes = MAX_REPARSED_BYTES / len.max(1);
    let by_pairs = usize::try_from(MAX_PAIRS / pairs.max(1)).unwrap_or(usize::MAX);
    MAX_REPEATED_KEYS.min(by_bytes).min(by_pairs)
}

/// hcl-edit's message (its first line) for a repeated object key.
const REPEATED_KEY: &str =
    "invalid object item; expected unique object key; found redefined object key";

/// Whether `error` is hcl-edit's refusal of a repeated object key.
pub(crate) fn is_repeated_key(error: &Error) -> bool {
    error.message().lines().next() == Some(REPEATED_KEY)
}

/// Where text was inserted into the file before hcl-edit parsed it.
#[derive(Default)]
pub(crate) struct Edits {
    /// (offset in the edited text, length inserted there), by offset.
    inserted: Vec<(usize, usize)>,
}

impl Edits {
    /// The offset in the text as written of `offset` in the edited text; an
    /// offset inside an insertion is where the insertion was made.
    pub(crate) fn original(&self, offset: usize) -> usize {
        let mut before = 0;
        for &(at, len) in &self.inserted {
            if at >= offset {
                break;
            }
            before += len.min(offset - at);
        }
        offset - before
    }

    /// Whether an insertion starts at `offset` (in the edited text): an
    /// expression starting there is an inserted conditional.
    pub(crate) fn inserted_at(&self, offset: usize) -> bool {
        self.inserted.iter().any(|&(at, _)| at == offset)
    }

    fn insert(&mut self, text: &mut String, offset: usize) {
        let prefix = format!("true ? {} : ", self.inserted.len());
        text.insert_str(offset, &prefix);
        for (at, _) in &mut self.inserted {
            if *at >= offset {
                *at += prefix.len();
            }
        }
        let index = self.inserted.partition_point(|&(at, _)| at < offset);
        self.inserted.insert(index, (offset, prefix.len()));
    }
}

/// What [`parse`] read: the body (or hcl-edit's error), whose spans are
/// offsets in the edited text, and the insertions that made it.
pub(crate) struct Parsed {
    pub(crate) result: Result<Body, Error>,
    pub(crate) edits: Edits,
}

/// Parses `text` as hcl-edit does, reading on past up to `allowed` repeated
/// object keys and numbers too large for a float64 (together: each costs a
/// parse).
pub(crate) fn parse(text: &str, allowed: usize) -> Parsed {
    let mut edited = text.to_owned();
    let mut edits = Edits::default();
    let mut numbers = 0;
    // The number last replaced, what it was, and the error that made it replaced.
    let mut replaced: Option<(Range<usize>, String, Error)> = None;
    loop {
        let mut result = parse_body(&edited);
        // Candidates after this offset only: the one before did not help.
        let mut after = None;
        if let Some((range, literal, before)) = replaced.take() {
            // No further on: that literal was not what hcl-edit stopped at (in a
            // string, say); put it back and look for the next.
            if result
                .as_ref()
                .is_err_and(|error| error.location().offset() == before.location().offset())
            {
                edited.replace_range(range.clone(), &literal);
                after = Some(range.end);
                result = Err(before);
            }
        }
        match result {
            Err(error)
                if after.is_none()
                    && edits.inserted.len() + numbers < allowed
                    && is_repeated_key(&error)
                    && edited.is_char_boundary(error.location().offset()) =>
            {
                edits.insert(&mut edited, error.location().offset());
            }
            Err(error) if edits.inserted.len() + numbers < allowed => {
                let Some(range) = infinite_number(&edited, error.location().offset(), after) else {
                    return Parsed {
                        result: Err(error),
                        edits,
                    };
                };
                // The same length, so no offset moves: the writer reads the
                // literal as written from the original text.
                let literal = edited[range.clone()].to_owned();
                edited.replace_range(range.clone(), &"0".repeat(range.len()));
                numbers += 1;
                replaced = Some((range, literal, error));
            }
            result => {
                return Parsed { result, edits };
            }
        }
    }
}

/// A number literal past float64's range (`1e400`, 400 digits) where
/// hcl-edit stopped at `offset`: the one that spans it, else the first after
/// it (hcl-edit may report an attribute's start), or the first from `after`
/// when the one before did not help. Terraform reads such numbers
/// (arbitrary precision: `terraform console` 1.11.4 gives 1e400 as 1 and 400
/// zeros); hcl-edit refuses them (float64 or 64-bit integers). [`parse`]
/// writes zeros of the same length in its place for hcl-edit, and puts it
/// back when that does not get the parse further; the literal as written
/// still comes out, and the command leaves a value it cannot read exactly
/// unknown.
pub(crate) fn infinite_number(
    text: &str,
    offset: usize,
    after: Option<usize>,
) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let infinite = |from: usize| {
        let starts = bytes[from].is_ascii_digit()
            && !from.checked_sub(1).is_some_and(|i| {
                bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.'
            });
        let end = if starts {
            literal_end(bytes, from)
        } else {
            from
        };
        (starts && text[from..end].parse::<f64>().is_ok_and(f64::is_infinite)).then_some(from..end)
    };
    if let Some(after) = after {
        return (after.max(offset)..bytes.len()).find_map(infinite);
    }
    let part = |b: u8| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-');
    let mut start = offset;
    while start > 0 && part(bytes[start - 1]) && offset - start < 4096 {
        start -= 1;
    }
    let spanning = (start..=offset)
        .filter(|&from| from < bytes.len())
        .filter_map(infinite)
        .find(|range| range.end >= offset);
    spanning.or_else(|| (offset..bytes.len()).find_map(infinite))
}

/// The end of the number literal starting at `from` (a digit): digits, an
/// optional fraction, an optional exponent, as HCL writes numbers.
fn literal_end(bytes: &[u8], from: usize) -> usize {
    let digits = |mut at: usize| {
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        at
    };
    let mut end = digits(from);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(end + 1);
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        if bytes.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
            end = digits(end + 1 + sign);
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::{allowed, infinite_number, parse, Edits, MAX_REPEATED_KEYS};
    use crate::size::MAX_PAIRS;

    #[test]
    fn offsets_map_back_past_each_insertion() {
        let mut text = String::from("a = { k = 1, k = 2, k = 3 }");
        let mut edits = Edits::default();
        edits.insert(&mut text, 20);
        edits.insert(&mut text, 13);
        assert_eq!(text, "a = { k = 1, true ? 1 : k = 2, true ? 0 : k = 3 }");
        assert!(edits.inserted_at(13) && edits.inserted_at(31));
        assert!(!edits.inserted_at(24));
        for (edited, original) in [
            (0, 0),
            (13, 13),
            (20, 13),
            (24, 13),
            (31, 20),
            (42, 20),
            (49, 27),
        ] {
            assert_eq!(edits.original(edited), original, "{edited}");
        }
    }

    #[test]
    fn each_repeated_key_costs_one_parse_up_to_the_bound() {
        let keys = |n: usize| {
            let items: Vec<String> = (0..n).map(|i| format!("k = {i}")).collect();
            format!("a = {{ {} }}\n", items.join(", "))
        };
        let parsed = parse(&keys(4), 3);
        assert!(parsed.result.is_ok());
        assert_eq!(parsed.edits.inserted.len(), 3);
        let parsed = parse(&keys(5), 3);
        let error = parsed.result.expect_err("one key too many");
        assert!(super::is_repeated_key(&error));
        assert_eq!(parsed.edits.inserted.len(), 3);
    }

    #[test]
    fn a_number_past_float64_is_replaced_only_where_it_gets_the_parse_further() {
        let digits = "9".repeat(400);
        // hcl-edit reports this one at the attribute's start; the string before it stays.
        let text = format!("d = {{ s = \"1e400\", k = {digits} }}\n");
        let parsed = parse(&text, 8);
        assert!(parsed.result.is_ok());
        // A real syntax error: the number in the string is tried, put back, and the error stays.
        let parsed = parse("x = = \"1e400\"\n", 8);
        let error = parsed.result.expect_err("a syntax error");
        assert_eq!(error.location().offset(), 4);
        // Each number costs a parse: the bound holds.
        let parsed = parse("a = [1e400, 1e401, 1e402]\n", 2);
        assert!(parsed.result.is_err());
        assert!(parse("a = [1e400, 1e401, 1e402]\n", 3).result.is_ok());
        assert_eq!(infinite_number("a = 1e308", 5, None), None);
        assert_eq!(infinite_number("a = 1e309", 5, None), Some(4..9));
        assert_eq!(infinite_number("a = x1e309", 5, None), None);
    }

    #[test]
    fn long_files_and_large_objects_allow_fewer_repeated_keys() {
        assert_eq!(allowed(0, 0), MAX_REPEATED_KEYS);
        assert_eq!(allowed(1_300, 40), MAX_REPEATED_KEYS);
        // 8 MiB of extra parsing: 83 parses of 100 kB.
        assert_eq!(allowed(100_000, 1_000), 83);
        // 8 MiB of extra parsing: 8 parses of 1 MiB, none of 16 MiB.
        assert_eq!(allowed(1 << 20, 0), 8);
        assert_eq!(allowed(16 << 20, 0), 0);
        // Extra parses make at most as many comparisons as one largest object.
        assert_eq!(allowed(1_000, MAX_PAIRS / 4), 4);
        assert_eq!(allowed(1_000, MAX_PAIRS), 1);
    }
}
