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
/// object keys.
pub(crate) fn parse(text: &str, allowed: usize) -> Parsed {
    let mut edited = text.to_owned();
    let mut edits = Edits::default();
    loop {
        let result = parse_body(&edited);
        match result {
            Err(error)
                if edits.inserted.len() < allowed
                    && is_repeated_key(&error)
                    && edited.is_char_boundary(error.location().offset()) =>
            {
                edits.insert(&mut edited, error.location().offset());
            }
            result => {
                return Parsed { result, edits };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{allowed, parse, Edits, MAX_REPEATED_KEYS};
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
