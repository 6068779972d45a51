//! A bound on object literals, checked before hcl-edit parses.
//!
//! hcl-edit 0.10 (the newest on crates.io in December 2026) keeps an object's
//! items in a vector map and, for each new key, looks for it among all the
//! keys before it (once for its duplicate-key error, once more to insert it):
//! an object of n items costs about n² key comparisons. In the command's
//! .wasm a 10,000-item object reads in about half a second, 40,000 in eight
//! and 100,000 in minutes, so a large generated `locals` map looked like a
//! hang. This module counts object items in one linear pass and refuses a
//! file whose objects would cost more key comparisons, in all, than one
//! object of [`MAX_OBJECT_ITEMS`] items: that object is read, a larger one
//! (or several large ones together) is refused with its position.
//!
//! The pass is a tokenizer only as far as the count needs: it skips comments,
//! quoted strings (with their `${…}` and `%{…}` sequences) and heredocs, and
//! tells a block's braces (`name "label" {`) from an object's (an attribute's
//! value and anything inside an expression) and from a `{ for … }`
//! expression's. Items are counted where a token starts after the object's
//! `{`, a comma or a newline; the count agrees with hcl-edit's on every
//! configuration in tests/real/terraform (a test says so). Unbalanced
//! brackets end the pass with no refusal: hcl-edit then reports the syntax
//! error.

/// The most items one object may have; a file's objects together may cost
/// as many key comparisons as one object of this size.
const MAX_OBJECT_ITEMS: u64 = 16_384;

/// The key comparisons of one object of [`MAX_OBJECT_ITEMS`] items: the most
/// one parse may cost.
pub(crate) const MAX_PAIRS: u64 = pairs(MAX_OBJECT_ITEMS);

/// Key comparisons an object of `items` items costs: each key against every
/// earlier one.
const fn pairs(items: u64) -> u64 {
    items * items.saturating_sub(1) / 2
}

/// Why a file is refused: the byte offset of the `{` of the object that went
/// over, and a one-line message.
pub(crate) struct Refusal {
    /// Byte offset of the object's `{`.
    pub(crate) offset: usize,
    /// What to tell the user.
    pub(crate) message: &'static str,
}

const ONE_OBJECT: &str = "too large to read: an object of more than 16384 items (reading an object takes time that grows with the square of its size)";
const SEVERAL_OBJECTS: &str = "too large to read: this object and the file's earlier large objects have too many items together (at most 16384 in one object, fewer across several)";

enum Frame {
    /// The file's top level or a block's body. `in_value` is set once the
    /// line's `=` is seen: a `{` after it starts an object, before it a block.
    Body { in_value: bool },
    /// An object literal: where its `{` is, its items so far, and whether
    /// the next token starts an item.
    Object {
        start: usize,
        items: u64,
        expecting_item: bool,
    },
    /// `(…)`, `[…]`, or `{ for … }` (as `{`): its commas separate nothing
    /// that hcl-edit compares.
    Group(u8),
    /// A `${…}` or `%{…}` sequence inside a quoted string.
    Interpolation,
    /// A quoted string.
    Quoted,
}

/// Checks the bound: the key comparisons hcl-edit will make when the file
/// may be parsed (src/repeated.rs budgets its extra parses with them).
pub(crate) fn check(text: &str) -> Result<u64, Refusal> {
    check_within(text, MAX_PAIRS)
}

/// [`check`] with a budget of `budget` key comparisons in all.
fn check_within(text: &str, budget: u64) -> Result<u64, Refusal> {
    let bytes = text.as_bytes();
    let mut stack = vec![Frame::Body { in_value: false }];
    let mut total_pairs: u64 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if let Some(Frame::Quoted) = stack.last() {
            match byte {
                b'\\' => i += 1,
                b'"' => {
                    stack.pop();
                }
                b'$' | b'%' if bytes.get(i + 1) == Some(&byte) => i += 1,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    stack.push(Frame::Interpolation);
                    i += 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        // Outside quoted strings: whitespace, comments and separators first.
        match byte {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 2);
                continue;
            }
            b'\n' | b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { expecting_item, .. }) => *expecting_item = true,
                    Some(Frame::Body { in_value }) if byte == b'\n' => *in_value = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // A token: in an object waiting for an item, it starts one.
        if let Some(Frame::Object {
            start,
            items,
            expecting_item,
        }) = stack.last_mut()
        {
            if *items == 0 && *expecting_item && starts_for_expression(&bytes[i..]) {
                *stack.last_mut().expect("an object") = Frame::Group(b'{');
            } else if *expecting_item && byte != b'}' {
                *expecting_item = false;
                *items += 1;
                total_pairs += *items - 1;
                if total_pairs > budget {
                    let message = if *items > MAX_OBJECT_ITEMS {
                        ONE_OBJECT
                    } else {
                        SEVERAL_OBJECTS
                    };
                    return Err(Refusal {
                        offset: *start,
                        message,
                    });
                }
            }
        }
        match byte {
            b'{' => {
                let block = matches!(stack.last(), Some(Frame::Body { in_value: false }));
                stack.push(if block {
                    Frame::Body { in_value: false }
                } else {
                    Frame::Object {
                        start: i,
                        items: 0,
                        expecting_item: true,
                    }
                });
            }
            b'}' => match stack.pop() {
                Some(Frame::Object { .. } | Frame::Interpolation | Frame::Group(b'{')) => {}
                Some(Frame::Body { .. }) if !stack.is_empty() => {}
                _ => return Ok(total_pairs),
            },
            b'(' | b'[' => stack.push(Frame::Group(byte)),
            b')' | b']' => match stack.pop() {
                Some(Frame::Group(open)) if (open == b'(') == (byte == b')') => {}
                _ => return Ok(total_pairs),
            },
            b'"' => stack.push(Frame::Quoted),
            b'=' => {
                if let Some(Frame::Body { in_value }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'<' => {
                if let Some(end) = heredoc_end(bytes, i) {
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(total_pairs)
}

/// Whether an object's first token is `for` then a name: a `{ for … }`
/// expression, not an object with a key `for`.
fn starts_for_expression(rest: &[u8]) -> bool {
    let Some(after) = rest.strip_prefix(b"for") else {
        return false;
    };
    let name = after.trim_ascii_start();
    name.len() < after.len()
        && name
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
}

/// The offset of the newline ending the line `i` is on (or the end).
fn line_end(bytes: &[u8], i: usize) -> usize {
    find(bytes, i, b"\n").unwrap_or(bytes.len())
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| from + at)
}

/// For a heredoc starting at `i` (`<<ID` or `<<-ID` then a newline), the
/// offset of the newline after its closing `ID` line (or the end of the
/// text); `None` when `i` does not start one.
fn heredoc_end(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = bytes.get(i..)?.strip_prefix(b"<<")?;
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    let name_len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if name.is_empty() || !(name[0].is_ascii_alphabetic() || name[0] == b'_') {
        return None;
    }
    let after_name = &rest[name_len..];
    let newline = if after_name.starts_with(b"\r\n") {
        2
    } else if after_name.starts_with(b"\n") {
        1
    } else {
        return None;
    };
    let mut line_start = bytes.len() - after_name.len() + newline;
    while line_start < bytes.len() {
        let end = line_end(bytes, line_start);
        let line = &bytes[line_start..end];
        if line.trim_ascii() == name {
            return Some(end);
        }
        line_start = end + 1;
    }
    Some(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::{check, check_within, pairs, MAX_OBJECT_ITEMS};
    use hcl_edit::expr::Object;
    use hcl_edit::visit::{visit_object, Visit};

    fn object(items: u64, separator: &str) -> String {
        let items: Vec<String> = (0..items).map(|i| format!("k{i} = \"v{i}\"")).collect();
        format!(
            "locals {{\n  big = {{\n{}\n  }}\n}}\n",
            items.join(separator)
        )
    }

    #[test]
    fn an_object_at_the_limit_passes_and_one_more_item_is_refused() {
        assert!(check(&object(MAX_OBJECT_ITEMS, "\n")).is_ok());
        assert!(check(&object(MAX_OBJECT_ITEMS, ", ")).is_ok());
        let refused = check(&object(MAX_OBJECT_ITEMS + 1, ",\n")).expect_err("refused");
        assert_eq!(refused.offset, "locals {\n  big = ".len());
        assert!(refused.message.contains("more than 16384 items"));
    }

    #[test]
    fn blocks_lists_and_calls_are_not_objects() {
        let attributes: String = (0..20_000).map(|i| format!("a{i} = {i}\n")).collect();
        assert!(check(&format!("locals {{\n{attributes}}}\n")).is_ok());
        let blocks: String = (0..20_000).map(|i| format!("b \"{i}\" {{}}\n")).collect();
        assert!(check(&blocks).is_ok());
        let list: Vec<String> = (0..20_000).map(|i| format!("{{ k = {i} }}")).collect();
        assert!(check(&format!("a = [{}]\n", list.join(",\n"))).is_ok());
        assert!(check(&format!("a = f({})\n", list.join(", "))).is_ok());
    }

    #[test]
    fn strings_heredocs_and_comments_hold_no_items() {
        // Tokens after commas or newlines inside them would count as items if
        // they were read as code.
        let many = "a,".repeat(20_000);
        let newlines = "a\n".repeat(20_000);
        for value in [
            format!("\"{many}\""),
            format!("\"x\\\"{many}\""),
            format!("\"${{\"{many}\"}}\""),
            format!("<<EOT\n{many}\n{newlines}EOT\n"),
            format!("<<-EOT\n  {{{many}\n  EOT\n"),
        ] {
            assert!(
                check(&format!("a = {{ k = {value} }}\n")).is_ok(),
                "{value:.40}"
            );
        }
        for comment in [format!("# {many}\n"), format!("/* {many}\n{newlines} */")] {
            assert!(check(&format!("a = {{\n{comment}k = 1 }}\n")).is_ok());
        }
        // Newlines inside nested brackets are not the object's separators.
        assert!(check(&format!("a = {{ k = [{newlines}] }}\n")).is_ok());
    }

    #[test]
    fn items_after_an_interpolation_still_count() {
        // `}` closing `${…}` returns to the string, not out of the object.
        let items: Vec<String> = (0..=MAX_OBJECT_ITEMS)
            .map(|i| format!("k{i} = \"${{var.x}}{{\""))
            .collect();
        assert!(check(&format!("a = {{\n{}\n}}\n", items.join("\n"))).is_err());
    }

    #[test]
    fn several_large_objects_are_refused_together() {
        // Three objects of 10,000 items cost more comparisons than one of 16,384.
        let one = object(10_000, "\n");
        assert!(check(&one.repeat(2)).is_ok());
        let refused = check(&one.repeat(3)).expect_err("refused");
        assert_eq!(refused.offset, 2 * one.len() + "locals {\n  big = ".len());
        assert!(refused.message.contains("earlier large objects"));
    }

    #[test]
    fn unbalanced_brackets_end_the_count_without_a_refusal() {
        let items: String = (0..20_000).map(|i| format!("k{i} = 1\n")).collect();
        assert!(check(&format!("a = {{ ] {items} }}\n")).is_ok());
        assert!(check(&format!("}} a = {{ {items} }}\n")).is_ok());
    }

    /// Key comparisons hcl-edit makes for the objects of a parsed file.
    struct PairsOfObjects(u64);

    impl Visit for PairsOfObjects {
        fn visit_object(&mut self, object: &Object) {
            self.0 += pairs(object.len() as u64);
            visit_object(self, object);
        }
    }

    #[test]
    fn the_count_agrees_with_hcl_edit_on_every_real_configuration() {
        // HCL_READER_CORPUS names one more folder for a wider check by hand
        // (.tf and .hcl files; those hcl-edit cannot parse are skipped there).
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/real/terraform");
        let extra = std::env::var_os("HCL_READER_CORPUS").map(std::path::PathBuf::from);
        let mut files = vec![std::path::PathBuf::from(root)];
        files.extend(extra.clone());
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "tf" && e != "hcl") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let body = match hcl_edit::parser::parse_body(&text) {
                Ok(body) => body,
                Err(_) if extra.as_ref().is_some_and(|e| path.starts_with(e)) => continue,
                Err(error) => panic!("{path:?}: {error}"),
            };
            let mut expected = PairsOfObjects(0);
            expected.visit_body(&body);
            // Within exactly hcl-edit's comparisons, and over a budget of one fewer.
            assert_eq!(
                check_within(&text, expected.0).ok(),
                Some(expected.0),
                "{path:?}"
            );
            if expected.0 > 0 {
                assert!(check_within(&text, expected.0 - 1).is_err(), "{path:?}");
            }
            checked += 1;
        }
        assert!(checked > 20, "{checked} files");
        eprintln!("{checked} files: the count agrees with hcl-edit");
    }
}
