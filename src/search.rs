//! A small substring search, so that the `.wasm` carries none of the
//! standard library's: `str::find`, `contains`, `split_once` and
//! `trim_start_matches` with a string (or a character beyond ASCII, searched
//! as its UTF-8 bytes) link the two-way searcher, about 3 KB of code for the
//! four places that search (docs/performance.md, "Room for the walker"). The
//! texts searched are short (an ARN, a URI, a request checked for U+FFFD
//! once), so a plain scan costs no more. `split_once` is `str::split_once`
//! built on `find`, its halves taken with `get`: no slicing panic either.

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

/// `haystack` split around its first `needle` (which neither part holds), or
/// `None`: `str::split_once` without the searcher.
pub(crate) fn split_once<'a>(haystack: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(haystack, needle)?;
    Some((haystack.get(..at)?, haystack.get(at + needle.len()..)?))
}

#[cfg(test)]
mod tests {
    use super::{find, split_once};

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

    #[test]
    fn it_splits_where_str_split_once_splits() {
        let cases = [
            ("s3://bucket/prefix/", "://"),
            ("nfs://host/export", "://"),
            ("://", "://"),
            ("no scheme", "://"),
            ("héllo://wörld://again", "://"),
            ("", ""),
            ("abc", ""),
        ];
        for (haystack, needle) in cases {
            assert_eq!(
                split_once(haystack, needle),
                haystack.split_once(needle),
                "{haystack:?} {needle:?}"
            );
        }
    }
}
