//! Tag rules beyond the model: keys are unique, and `aws:` is reserved.
//!
//! Why: AWS tagging rejects duplicate keys in one request and keys that start
//! with `aws:` in any letter case.
//! Invalid: `{"Tags": [{"Key": "env"}, {"Key": "env"}, {"Key": "AWS:owner"}]}`.
//! Fix: one `env` tag, and a key such as `owner`.

use crate::diagnostic::Piece::{Plain, Quoted};
use crate::diagnostic::{message, quote, Code, Collector, Diagnostic};
use crate::pointer;
use crate::request::Request;
use crate::rules::Context;

fn duplicate_key(key: &str, first: usize) -> String {
    format!(
        "Tag key {} is already used by tag {first}; tag keys must be unique, so merge or rename them.",
        quote(key)
    )
}

fn reserved_prefix(key: &str) -> String {
    message(&[
        Plain("Tag key "),
        Quoted(key),
        Plain(" starts with \"aws:\", which is reserved for AWS; choose another key."),
    ])
}

/// `/Tags/{index}/Key`, without `format!`, whose machinery costs several
/// times more (in wasm most of all) on a report with many such keys.
fn key_path(index: usize) -> String {
    let mut path = String::with_capacity(20);
    path.push_str("/Tags");
    pointer::push_index(&mut path, index);
    path.push_str("/Key");
    path
}

/// Checks tag keys for duplicates and the reserved prefix.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let tags = &request.values.tag_keys;
    if tags.is_empty() {
        return;
    }
    // Where each key is first used: sorted for long lists, so that 100,000
    // tags stay O(n log n); a short list is searched, which costs less.
    let first_use = (tags.len() > 16).then(|| crate::sort::first_uses(tags));
    for (index, key) in tags.iter().enumerate() {
        let Some(key) = *key else {
            continue;
        };
        let path = || key_path(index);
        if key
            .get(..4)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:"))
        {
            out.push(Diagnostic::new(
                Code::TagReservedPrefix,
                path(),
                reserved_prefix(key),
            ));
        }
        let first = match &first_use {
            Some(first) => first.get(index).copied().filter(|&at| at != index),
            None => tags
                .get(..index)
                .and_then(|before| before.iter().position(|other| *other == Some(key))),
        };
        if let Some(first) = first {
            out.push(
                Diagnostic::new(Code::TagDuplicateKey, path(), duplicate_key(key, first))
                    .with("related", vec![key_path(first)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings, request};

    #[test]
    fn keys_are_unique_and_case_sensitive() {
        assert_eq!(findings(r#""Tags":[{"Key":"env"},{"Key":"Env"}]"#), []);
        assert_eq!(
            findings(r#""Tags":[{"Key":"env"},{"Key":"x"},{"Key":"env"}]"#),
            [at("/Tags/2/Key", "tag/duplicate-key")]
        );
    }

    #[test]
    fn a_long_list_finds_each_repeat_and_its_first_use() {
        // More than 16 tags: looked up in a map rather than searched.
        let keys: Vec<String> = (0..40)
            .map(|index| format!(r#"{{"Key":"key-{}"}}"#, index % 25))
            .collect();
        let tags = format!(r#""Tags":[{}]"#, keys.join(","));
        let report = crate::validate_text(&request(&tags), &crate::Context::default());
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.path.as_ref(), d.code.as_str(), d.params.clone()))
            .collect();
        let expected: Vec<_> = (25..40)
            .map(|index| {
                let related = vec![format!("/Tags/{}/Key", index - 25)].into();
                (
                    format!("/Tags/{index}/Key"),
                    "tag/duplicate-key",
                    vec![("related", related)],
                )
            })
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|(path, code, params)| (path.as_str(), *code, params.clone()))
            .collect();
        // Report order is by path, as text: /Tags/25 ... /Tags/39.
        assert_eq!(found, expected);
    }

    #[test]
    fn the_aws_prefix_is_reserved_in_any_case() {
        assert_eq!(
            findings(r#""Tags":[{"Key":"Aws:team"}]"#),
            [at("/Tags/0/Key", "tag/reserved-prefix")]
        );
        assert_eq!(
            findings(r#""Tags":[{"Key":"awsteam"},{"Key":"my:aws:x"}]"#),
            []
        );
    }
}
