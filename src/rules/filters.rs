//! Filter syntax (Includes and Excludes): the patterns inside a rule's Value.
//!
//! Why: DataSync splits a Value on `|`; an empty pattern is most likely a slip, include
//! patterns accept `*` only at their end, and include patterns name folders
//! from the root of the source, so they start with `/`. A rule without a
//! Value filters nothing, and the quota counts include and exclude patterns together.
//! Invalid: `{"Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "*.txt||docs"}]}`.
//! Fix: `{"Includes": [{"FilterType": "SIMPLE_PATTERN", "Value": "/docs|/reports*"}]}`.

use crate::diagnostic::{quote, Code, Collector, Diagnostic};
use crate::pointer;
use crate::request::{Field, FilterItem, Request, FILTER_LISTS};
use crate::rules::Context;

/// The service quota for include and exclude patterns together, in characters.
const COMBINED_LIMIT: usize = 102_400;

fn empty_pattern(list: &str, value: &str) -> String {
    let place = if value.starts_with('|') {
        "starts with \"|\""
    } else if value.ends_with('|') {
        "ends with \"|\""
    } else {
        "has two \"|\" with nothing between them"
    };
    format!(
        "The {} filter {} {place}, which makes an empty pattern; remove the extra \"|\".",
        singular(list),
        quote(value)
    )
}

fn wildcard_not_last(pattern: &str, others: usize) -> String {
    format!(
        "Include pattern {} uses \"*\" before its end{}; include filters accept \"*\" only as the last character (for example \"/photos*\"), so list the folders instead or move the wildcard to an exclude filter.",
        quote(pattern),
        and_more(others)
    )
}

fn trailing_wildcards(pattern: &str, single: &str, others: usize) -> String {
    format!(
        "Include pattern {} ends in more than one \"*\"{}; include filters document \"*\" only as the last character, and a single one means the same, so write {}.",
        quote(pattern),
        and_more(others),
        quote(single)
    )
}

fn without_slash(pattern: &str, others: usize) -> String {
    format!(
        "Include pattern {} does not start with \"/\"{}; patterns are matched from the root of the source location, so write {}.",
        quote(pattern),
        and_more(others),
        quote(&format!("/{pattern}"))
    )
}

fn spaced(list: &str, pattern: &str, others: usize) -> String {
    format!(
        "The {} pattern {} starts or ends with whitespace{}; DataSync matches patterns exactly as written, so trim it.",
        singular(list),
        quote(pattern),
        and_more(others)
    )
}

/// A diagnostic about the first of `patterns`, with `params.pattern` and
/// `params.count` (one copy of this code for every such rule).
#[inline(never)]
fn about_patterns(code: Code, path: String, message: String, patterns: &[&str]) -> Diagnostic {
    Diagnostic::new(code, path, message)
        .with(
            "pattern",
            patterns.first().copied().unwrap_or_default().to_owned(),
        )
        .with("count", patterns.len())
}

fn missing_value(list: &str) -> String {
    format!(
        "This {} rule has no Value, so it filters nothing; add patterns separated by \"|\" or remove the rule.",
        singular(list)
    )
}

fn combined_too_long(total: usize) -> String {
    format!(
        "Include and exclude patterns are {total} characters long together; DataSync allows {COMBINED_LIMIT} in all, so shorten them or use a manifest."
    )
}

fn singular(list: &str) -> &'static str {
    if list == "Includes" {
        "include"
    } else {
        "exclude"
    }
}

fn and_more(others: usize) -> String {
    match others {
        0 => String::new(),
        1 => " (and so does 1 other pattern)".to_owned(),
        n => format!(" (and so do {n} other patterns)"),
    }
}

/// Checks every rule's patterns and the combined length.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let mut total_length = 0;
    let mut any_too_long = false;
    // Where the longest value is: its list and index (its pointer is built only if needed).
    let mut longest: Option<(usize, &str, usize)> = None;
    for (list, rules) in FILTER_LISTS.into_iter().zip(&request.values.filters) {
        // Most requests have no filters: no comparison of the list's name for them.
        if rules.is_empty() {
            continue;
        }
        let include = list == "Includes";
        for (index, rule) in rules.iter().enumerate() {
            let FilterItem::Rule(value) = *rule else {
                continue;
            };
            if value == Field::Absent {
                out.push(Diagnostic::new(
                    Code::FilterMissingValue,
                    value_pointer(list, index),
                    missing_value(list),
                ));
                continue;
            }
            let Some(value) = value.as_str() else {
                continue;
            };
            let (length, clean) = measure_value(value, include);
            total_length += length;
            any_too_long |= length > COMBINED_LIMIT;
            if longest.is_none_or(|(best, _, _)| length > best) {
                longest = Some((length, list, index));
            }
            // An empty value: the model's pattern already rejects it.
            if !clean && !value.is_empty() {
                check_patterns(list, include, value, || value_pointer(list, index), out);
            }
        }
    }
    if total_length > COMBINED_LIMIT && !any_too_long {
        if let Some((_, list, index)) = longest {
            out.push(
                Diagnostic::new(
                    Code::FilterCombinedTooLong,
                    value_pointer(list, index),
                    combined_too_long(total_length),
                )
                .with("max", COMBINED_LIMIT)
                .with("length", total_length),
            );
        }
    }
}

/// The pointer of a rule's Value, e.g. `/Includes/0/Value` (without
/// `format!`, as `tags::key_path`).
fn value_pointer(list: &str, index: usize) -> String {
    let mut path = String::with_capacity(list.len() + 10);
    path.push('/');
    path.push_str(list);
    pointer::push_index(&mut path, index);
    path.push_str("/Value");
    path
}

/// A filter value's length in characters, and whether [`check_patterns`]
/// finds nothing in it (`false` for the empty value): no empty pattern, no
/// pattern starting or ending with ASCII whitespace (as [`str::trim_ascii`]
/// has it) and, in an include filter
/// (`include`), every pattern starting with `/` and holding `*` only as its
/// last character. One pass over the bytes, for the value of nearly every
/// request: only a value this finds anything in is split into its patterns.
/// Whitespace is looked for only where a pattern starts or ends, so an
/// ordinary byte costs no more. Every byte it compares is ASCII, so never
/// part of a longer character.
fn measure_value(value: &str, include: bool) -> (usize, bool) {
    let bytes = value.as_bytes();
    let mut characters = 0;
    let mut clean = true;
    // As if a `|` came first: the first pattern starts after it.
    let mut previous = b'|';
    for at in 0..bytes.len() {
        let byte = bytes[at];
        clean &= match previous {
            // A pattern starts at `byte`; the one before it, if any, ends at `at - 2`.
            b'|' => {
                byte != b'|'
                    && !byte.is_ascii_whitespace()
                    && (!include || byte == b'/')
                    && !bytes
                        .get(at.wrapping_sub(2))
                        .is_some_and(u8::is_ascii_whitespace)
            }
            b'*' => !include || byte == b'|',
            _ => true,
        };
        // Each character has one byte that does not continue another.
        characters += usize::from(byte & 0xc0 != 0x80);
        previous = byte;
    }
    (
        characters,
        clean && previous != b'|' && !previous.is_ascii_whitespace(),
    )
}

fn check_patterns(
    list: &str,
    include: bool,
    value: &str,
    path: impl Fn() -> String,
    out: &mut Collector,
) {
    let mut has_empty = false;
    let mut wildcard: Vec<&str> = Vec::new();
    let mut repeated: Vec<&str> = Vec::new();
    let mut no_slash: Vec<&str> = Vec::new();
    let mut spaced_patterns: Vec<&str> = Vec::new();
    for pattern in value.split('|') {
        // `/docs\n`, ` /b`: whitespace the service keeps.
        if pattern.trim_ascii().len() != pattern.len() {
            spaced_patterns.push(pattern);
        }
        if pattern.is_empty() {
            has_empty = true;
            continue;
        }
        if !include {
            continue;
        }
        // A pattern with a misplaced wildcard gets that error only: adding a
        // slash would not make it valid.
        // `/logs/**`: the wildcards are all at the end, so the intent is
        // harmless, but only a single last `*` is documented.
        let single = pattern.trim_end_matches('*');
        let run = pattern.len() - single.len();
        if single.contains('*') {
            wildcard.push(pattern);
            continue;
        }
        if run > 1 {
            repeated.push(pattern);
        }
        // `*` alone matches across `/`: everything, as `/*` does. ` /b` has
        // only its whitespace to blame.
        if !pattern.trim_ascii_start().starts_with('/') && !single.is_empty() {
            no_slash.push(pattern);
        }
    }
    if let Some(first) = spaced_patterns.first() {
        // The fix: each pattern trimmed, and those of whitespace alone left
        // out (as an empty pattern's fix leaves it out); none when nothing
        // would be left, as a Value needs a character.
        let fixed: Vec<&str> = value
            .split('|')
            .map(str::trim_ascii)
            .filter(|pattern| !pattern.is_empty())
            .collect();
        let mut diagnostic = about_patterns(
            Code::FilterPatternWhitespace,
            path(),
            spaced(list, first, spaced_patterns.len() - 1),
            &spaced_patterns,
        );
        if !fixed.is_empty() {
            diagnostic = diagnostic.with_replacement(fixed.join("|"));
        }
        out.push(diagnostic);
    }
    if has_empty {
        out.push(Diagnostic::new(
            Code::FilterEmptyPattern,
            path(),
            empty_pattern(list, value),
        ));
    }
    if let Some(first) = wildcard.first() {
        out.push(about_patterns(
            Code::FilterIncludeWildcard,
            path(),
            wildcard_not_last(first, wildcard.len() - 1),
            &wildcard,
        ));
    }
    if let Some(first) = repeated.first() {
        let single = format!("{}*", first.trim_end_matches('*'));
        // The fix: every such run cut to one `*`, which means the same.
        let fixed: Vec<String> = value
            .split('|')
            .map(|pattern| match repeated.contains(&pattern) {
                true => format!("{}*", pattern.trim_end_matches('*')),
                false => pattern.to_owned(),
            })
            .collect();
        out.push(
            Diagnostic::new(
                Code::FilterIncludeTrailingWildcards,
                path(),
                trailing_wildcards(first, &single, repeated.len() - 1),
            )
            .with("pattern", (*first).to_owned())
            .with("suggestion", single)
            .with("count", repeated.len())
            .with_replacement(fixed.join("|")),
        );
    }
    if let Some(first) = no_slash.first() {
        out.push(about_patterns(
            Code::FilterIncludeWithoutSlash,
            path(),
            without_slash(first, no_slash.len() - 1),
            &no_slash,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    fn include(value: &str) -> String {
        format!(r#""Includes":[{{"FilterType":"SIMPLE_PATTERN","Value":"{value}"}}]"#)
    }

    fn exclude(value: &str) -> String {
        format!(r#""Excludes":[{{"FilterType":"SIMPLE_PATTERN","Value":"{value}"}}]"#)
    }

    #[test]
    fn the_documented_examples_pass() {
        assert_eq!(findings(&include("/folder1|/folder2")), []);
        assert_eq!(findings(&include("/documents*")), []);
        assert_eq!(findings(&exclude("*.tmp|*/temp|/scratch/")), []);
    }

    #[test]
    fn include_wildcards_go_last() {
        assert_eq!(
            findings(&include("/logs/*.txt")),
            [at("/Includes/0/Value", "filter/include-wildcard-not-last")]
        );
        assert_eq!(findings(&exclude("/logs/*.txt")), []);
    }

    #[test]
    fn a_run_of_wildcards_at_the_end_is_only_a_warning() {
        for value in ["/**", "/logs/**", "/logs/***|/docs"] {
            assert_eq!(
                findings(&include(value)),
                [at("/Includes/0/Value", "filter/include-trailing-wildcards")],
                "{value}"
            );
        }
        let report = crate::validate_text(
            &crate::rules::testing::request(&include("/logs/**|/a**")),
            &crate::Context::default(),
        );
        assert!(report.is_valid());
        let diagnostic = &report.diagnostics[0];
        assert!(diagnostic.message.contains("(and so does 1 other pattern)"));
        assert!(diagnostic.message.ends_with("so write \"/logs/*\"."));
        // A wildcard before the run is still misplaced; excludes take any wildcard.
        assert_eq!(
            findings(&include("/a*/**")),
            [at("/Includes/0/Value", "filter/include-wildcard-not-last")]
        );
        assert_eq!(findings(&exclude("/**")), []);
        // Without the leading slash, both are said.
        assert_eq!(
            findings(&include("logs**")),
            [
                at("/Includes/0/Value", "filter/include-trailing-wildcards"),
                at("/Includes/0/Value", "filter/include-without-slash")
            ]
        );
    }

    #[test]
    fn include_patterns_start_at_the_root() {
        assert_eq!(
            findings(&include("photos")),
            [at("/Includes/0/Value", "filter/include-without-slash")]
        );
        // The suggestion is quoted as every value is (hunt37s #3).
        for (value, written) in [
            (".hidden", "/.hidden"),
            ("a\\\"b", "/a\\\"b"),
            ("x\\ty", "/x\\ty"),
        ] {
            let report = crate::validate_text(
                &crate::rules::testing::request(&include(value)),
                &crate::Context::default(),
            );
            let message = &report.diagnostics[0].message;
            assert!(
                message.ends_with(&format!("so write \"{written}\".")),
                "{value}: {message}"
            );
        }
        // `*` matches across `/`, so `*` alone already means everything
        // (hunt37s #5); `**` is told only of its run.
        assert_eq!(findings(&include("*")), []);
        assert_eq!(findings(&include("/a|*")), []);
        assert_eq!(
            findings(&include("**")),
            [at("/Includes/0/Value", "filter/include-trailing-wildcards")]
        );
    }

    /// The pattern-whitespace diagnostic of a request with `extra`: its
    /// message and the fix's value, if any.
    fn spaced(extra: &str) -> Vec<(String, Option<String>)> {
        let report = crate::validate_text(
            &crate::rules::testing::request(extra),
            &crate::Context::default(),
        );
        report
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "filter/pattern-whitespace")
            .map(|d| {
                let fix = d.fix.iter().find_map(|op| match op {
                    crate::diagnostic::PatchOp::Replace { value, .. } => {
                        value.as_str().map(str::to_owned)
                    }
                    _ => None,
                });
                (d.message.to_string(), fix)
            })
            .collect()
    }

    #[test]
    fn whitespace_around_a_pattern_is_a_warning_with_the_trimmed_value() {
        // A YAML literal block (`Value: |`) and a heredoc end in a line
        // break, which the AWS CLI and Terraform send (hunt37s #16).
        for (extra, fixed) in [
            (include("/photos|/docs\\n"), "/photos|/docs"),
            (exclude("*/tmp|*.bak\\n"), "*/tmp|*.bak"),
            (exclude("*/tmp |*.bak"), "*/tmp|*.bak"),
            (include("/a| /b"), "/a|/b"),
            (include("/a | /b"), "/a|/b"),
            (exclude("\\t*.tmp"), "*.tmp"),
            (exclude("*.tmp\\r\\n"), "*.tmp"),
            (exclude("*.tmp\\n*.bak\\n"), "*.tmp\\n*.bak"),
            // Whitespace alone is left out, as an empty pattern would be.
            (exclude("*.tmp| "), "*.tmp"),
        ] {
            let path = if extra.starts_with("\"Includes") {
                "/Includes/0/Value"
            } else {
                "/Excludes/0/Value"
            };
            let found = findings(&extra);
            assert!(
                found.contains(&at(path, "filter/pattern-whitespace")),
                "{extra}: {found:?}"
            );
            let [(_, fix)] = &spaced(&extra)[..] else {
                panic!("{extra}");
            };
            let fixed = fixed.replace("\\n", "\n");
            assert_eq!(fix.as_deref(), Some(&*fixed), "{extra}");
        }
        let [(message, _)] = &spaced(&include("/a |/b |/c"))[..] else {
            panic!();
        };
        assert_eq!(
            message,
            "The include pattern \"/a \" starts or ends with whitespace (and so does 1 other pattern); DataSync matches patterns exactly as written, so trim it."
        );
        // Nothing but whitespace: no fix (a Value needs a character).
        let [(_, fix)] = &spaced(&exclude(" "))[..] else {
            panic!();
        };
        assert_eq!(fix, &None);
        // Whitespace inside a pattern is part of a name (`/my docs`).
        assert_eq!(findings(&include("/my docs|/a\\tb")), []);
        assert_eq!(findings(&exclude("*/my temp/*")), []);
        // A space before "/" is this warning only; without a "/" it is both.
        assert_eq!(
            findings(&include(" /b")),
            [at("/Includes/0/Value", "filter/pattern-whitespace")]
        );
        assert_eq!(
            findings(&include(" b")),
            [
                at("/Includes/0/Value", "filter/include-without-slash"),
                at("/Includes/0/Value", "filter/pattern-whitespace"),
            ]
        );
    }

    /// Every value of up to six pieces drawn from `alphabet`, the empty one first.
    fn every_value_of_up_to_six(alphabet: [&str; 6]) -> Vec<String> {
        let mut values = vec![String::new()];
        let mut last = values.clone();
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|value| alphabet.map(|piece| format!("{value}{piece}")))
                .collect();
            values.extend(last.iter().cloned());
        }
        values
    }

    #[test]
    fn the_one_pass_sees_whitespace_at_every_pattern_end() {
        // As the test below, with whitespace: the pass is clean exactly when
        // the split finds nothing.
        const ALPHABET: [&str; 6] = ["|", "*", "/", "a", " ", "\n"];
        let values = every_value_of_up_to_six(ALPHABET);
        for value in &values {
            for (list, include) in [("Includes", true), ("Excludes", false)] {
                let mut out = crate::diagnostic::Collector::new();
                super::check_patterns(list, include, value, String::new, &mut out);
                let found = !out.finish().is_empty();
                let (_, clean) = super::measure_value(value, include);
                let star = include && value.split('|').any(|pattern| pattern == "*");
                assert_eq!(
                    clean,
                    !found && !value.is_empty() && !star,
                    "{list} {value:?}"
                );
            }
        }
    }

    #[test]
    fn empty_patterns_are_warnings_in_both_lists() {
        // No service answer says an empty pattern is rejected (hunt37s #7).
        for value in ["/a||/b", "|/a", "/a|"] {
            assert_eq!(
                findings(&exclude(value)),
                [at("/Excludes/0/Value", "filter/empty-pattern")],
                "{value}"
            );
            let report = crate::validate_text(
                &crate::rules::testing::request(&exclude(value)),
                &crate::Context::default(),
            );
            assert!(report.is_valid(), "{value}");
        }
    }

    #[test]
    fn a_rule_without_value_filters_nothing() {
        assert_eq!(
            findings(r#""Excludes":[{"FilterType":"SIMPLE_PATTERN"}]"#),
            [at("/Excludes/0/Value", "filter/missing-value")]
        );
    }

    #[test]
    fn the_quota_counts_both_lists() {
        let half = "a".repeat(60_000);
        assert_eq!(
            findings(&format!(
                "{},{}",
                include(&format!("/{half}")),
                exclude(&half)
            )),
            [at("/Includes/0/Value", "filter/combined-too-long")]
        );
    }

    /// The one-pass reading of a value agrees with splitting it into its
    /// patterns: clean exactly when `check_patterns` finds nothing (in either
    /// list), except for an include holding a pattern of `*` alone, which is
    /// never clean (the pass does not tell it from `*x`, so it goes the slow
    /// way, where `*` alone draws nothing); and its length in characters, for
    /// every value of up to six characters drawn from the bytes the rule
    /// looks at, a letter and characters of two and four bytes.
    #[test]
    fn a_value_read_in_one_pass_is_clean_exactly_when_its_patterns_are() {
        const ALPHABET: [&str; 6] = ["|", "*", "/", "a", "é", "😀"];
        let values = every_value_of_up_to_six(ALPHABET);
        for value in &values {
            for (list, include) in [("Includes", true), ("Excludes", false)] {
                let mut out = crate::diagnostic::Collector::new();
                super::check_patterns(list, include, value, String::new, &mut out);
                let found = out.finish();
                let (length, clean) = super::measure_value(value, include);
                let star = include && value.split('|').any(|pattern| pattern == "*");
                assert_eq!(
                    clean,
                    found.is_empty() && !value.is_empty() && !star,
                    "{list} {value:?}"
                );
                assert_eq!(length, value.chars().count(), "{value:?}");
                if star {
                    // `*` alone matches across `/`: it draws what `/*` draws (nothing).
                    let slashed = value
                        .split('|')
                        .map(|pattern| if pattern == "*" { "/*" } else { pattern })
                        .collect::<Vec<_>>()
                        .join("|");
                    let mut out = crate::diagnostic::Collector::new();
                    super::check_patterns(list, include, &slashed, String::new, &mut out);
                    let codes = |found: &[super::Diagnostic]| {
                        found.iter().map(|d| d.code).collect::<Vec<_>>()
                    };
                    assert_eq!(
                        codes(&found),
                        codes(&out.finish()),
                        "{value:?} against {slashed:?}"
                    );
                }
            }
        }
    }
}
