//! A small substring search, so that the `.wasm` carries none of the
//! standard library's: `str::find`, `contains`, `split_once` and
//! `trim_start_matches` with a string (or a character beyond ASCII, searched
//! as its UTF-8 bytes) link the two-way searcher, about 3 KB of code for the
//! four places that search (docs/performance.md, "Room for the walker"). The
//! texts searched are short (an ARN, a URI, a request checked for U+FFFD
//! once), so a plain scan costs no more.

/// The byte offset of the first `needle` in `haystack`, or `None`.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn it_finds_what_str_find_finds() {
        let cases = [
            ("arn:aws:logs:us-east-1:1:log-group:x:*", ":log-group:"),
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("ab", "abc"),
            ("aaab", "aab"),
            ("héllo \u{fffd} wörld", "\u{fffd}"),
            ("\u{fffd}", "\u{fffd}"),
            ("no replacement character", "\u{fffd}"),
            ("s3://arn:aws:s3-outposts:x", ":s3-outposts:"),
        ];
        for (haystack, needle) in cases {
            assert_eq!(
                find(haystack, needle),
                haystack.find(needle),
                "{haystack:?} {needle:?}"
            );
        }
    }
}
