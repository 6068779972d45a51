//! The string patterns of the DataSync API model, matched by hand.
//!
//! Each [`Pattern`] is one `pattern` constraint from the public `CreateTask` model, matched exactly
//! as the service (a Java service) matches it, without a regex engine so that the WebAssembly stays
//! small. The Java semantics that matter here:
//!
//! - the whole string must match (`^` and `$` anchor at the ends of the input, as with Java's
//!   `Matcher.matches`; under `find`, Java's `$` would also match before a final line break);
//! - `\s` is ASCII whitespace only: space, `\t`, `\n`, `\x0B`, `\f`, `\r`;
//! - `\p{Zs}` is the Unicode space-separator category (U+0020, U+00A0, U+1680, U+2000..=U+200A,
//!   U+202F, U+205F, U+3000), so it includes no-break spaces but not tabs or line breaks;
//! - `.` is any character except a line terminator (`\n`, `\r`, U+0085, U+2028, U+2029);
//! - `[0-9]` and `[a-z]` are ASCII ranges.
//!
//! Every matcher makes at most a few left-to-right passes and never backtracks (the ARN matchers
//! split at `:`, which no variable part before the resource may contain), so matching is linear
//! in the input length.
//! [`Pattern::model_regex`] keeps the model's own text for messages and for the tests, which check
//! every matcher against the `regex` crate on many generated near-miss strings.

use core::ops::RangeInclusive;

/// One string pattern from the DataSync API model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// A DataSync location ARN (`SourceLocationArn`, `DestinationLocationArn`).
    LocationArn,
    /// A DataSync task ARN (`TaskArn` of UpdateTask and StartTaskExecution).
    TaskArn,
    /// A CloudWatch Logs log group ARN (`CloudWatchLogGroupArn`).
    LogGroupArn,
    /// A tag key (`Tags[].Key`).
    TagKey,
    /// A tag value or task name (`Tags[].Value`, `Name`).
    TagValue,
    /// A filter rule type (`Excludes[].FilterType`, `Includes[].FilterType`).
    FilterType,
    /// A filter rule value (`Excludes[].Value`, `Includes[].Value`).
    FilterValue,
    /// A schedule expression (`Schedule.ScheduleExpression`).
    ScheduleExpression,
    /// An S3 object key or prefix (`ManifestObjectPath`, the task report `Subdirectory`).
    S3Subdirectory,
    /// An IAM role ARN (`BucketAccessRoleArn`).
    IamRoleArn,
    /// An S3 bucket, access point or S3 on Outposts access point ARN (`S3BucketArn`).
    S3BucketArn,
    /// An S3 object version ID (`ManifestObjectVersionId`).
    S3ObjectVersionId,
}

/// The partitions the model's ARN patterns accept, as in `(aws|aws-cn|...)`.
pub const PARTITIONS: [&str; 6] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-eusc",
    "aws-iso",
    "aws-iso-b",
];

/// How a pattern is matched: one character class repeated, or a structure (an ARN).
#[derive(Clone, Copy)]
enum Shape {
    /// `^[class]+$` (or `*` when `allow_empty`): every character must be in the class.
    Repeated {
        allowed: fn(char) -> bool,
        allow_empty: bool,
    },
    /// Anything else: a dedicated matcher for the whole text.
    Structured(fn(&str) -> bool),
}

impl Pattern {
    /// All patterns.
    pub const ALL: &'static [Pattern] = &[
        Pattern::LocationArn,
        Pattern::TaskArn,
        Pattern::LogGroupArn,
        Pattern::TagKey,
        Pattern::TagValue,
        Pattern::FilterType,
        Pattern::FilterValue,
        Pattern::ScheduleExpression,
        Pattern::S3Subdirectory,
        Pattern::IamRoleArn,
        Pattern::S3BucketArn,
        Pattern::S3ObjectVersionId,
    ];

    /// Whether the whole of `text` matches.
    pub fn matches(self, text: &str) -> bool {
        if self == Pattern::FilterValue {
            // The longest member (102,400 characters) and the simplest class: a
            // byte scan instead of decoding every character.
            return !text.is_empty() && !text.as_bytes().contains(&0);
        }
        match self.shape() {
            Shape::Repeated {
                allowed,
                allow_empty,
            } => (allow_empty || !text.is_empty()) && text.chars().all(allowed),
            Shape::Structured(matcher) => matcher(text),
        }
    }

    /// The regex exactly as the model states it (un-escaped once, e.g. `^[A-Z0-9_]+$`).
    pub fn model_regex(self) -> &'static str {
        match self {
            Pattern::LocationArn => {
                r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:location/loc-[0-9a-z]{17}$"
            }
            Pattern::TaskArn => {
                r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}$"
            }
            Pattern::LogGroupArn => {
                r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):logs:[a-z\-0-9]+:[0-9]{12}:log-group:([^:\*]*)(:\*)?$"
            }
            Pattern::TagKey => r"^[a-zA-Z0-9\s+=._:/-]+$",
            Pattern::TagValue => r"^[a-zA-Z0-9\s+=._:@/-]+$",
            Pattern::FilterType => r"^[A-Z0-9_]+$",
            Pattern::FilterValue => r"^[^\x00]+$",
            Pattern::ScheduleExpression => r"^[a-zA-Z0-9\ \_\*\?\,\|\^\-\/\#\s\(\)\+]*$",
            Pattern::S3Subdirectory => r"^[a-zA-Z0-9_\-\+\./\(\)\p{Zs}]*$",
            Pattern::IamRoleArn => {
                r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):iam::[0-9]{12}:role/.*$"
            }
            Pattern::S3BucketArn => concat!(
                r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$",
                r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$",
                r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:::[a-zA-Z0-9.\-_]{1,255}$",
            ),
            Pattern::S3ObjectVersionId => r"^.+$",
        }
    }

    /// A short human description of the expected form, in our own words, for messages and form
    /// help. ARN hints read well after "must look like " (they show the `aws` partition; the
    /// others are accepted too); character-class hints read well after "must contain only ".
    pub fn hint(self) -> &'static str {
        match self {
            Pattern::LocationArn => {
                "arn:aws:datasync:<region>:<12-digit account ID>:location/loc-<17 lowercase letters or digits>"
            }
            Pattern::TaskArn => {
                "arn:aws:datasync:<region>:<12-digit account ID>:task/task-<17 lowercase hexadecimal digits>"
            }
            Pattern::LogGroupArn => {
                "arn:aws:logs:<region>:<12-digit account ID>:log-group:<log group name without : or *>, optionally followed by :*"
            }
            Pattern::TagKey => {
                "ASCII letters, digits, ASCII whitespace and the characters + = . _ : / -"
            }
            Pattern::TagValue => {
                "ASCII letters, digits, ASCII whitespace and the characters + = . _ : @ / -"
            }
            Pattern::FilterType => "uppercase ASCII letters, digits and underscores",
            Pattern::FilterValue => "characters other than NUL (U+0000)",
            Pattern::ScheduleExpression => {
                "ASCII letters, digits, ASCII whitespace and the characters _ * ? , | ^ - / # ( ) +"
            }
            Pattern::S3Subdirectory => {
                "ASCII letters, digits, space characters (including no-break spaces, but not tabs or line breaks) and the characters _ - + . / ( )"
            }
            Pattern::IamRoleArn => "arn:aws:iam::<12-digit account ID>:role/<role name>",
            Pattern::S3BucketArn => {
                "arn:aws:s3:::<bucket name>, an access point ARN (arn:aws:s3:<region>:<12-digit account ID>:accesspoint/<name>) or an S3 on Outposts access point ARN (arn:aws:s3-outposts:<region>:<12-digit account ID>:outpost/<outpost ID>/accesspoint/<name>)"
            }
            Pattern::S3ObjectVersionId => "characters other than line breaks",
        }
    }

    /// For the patterns that are a single character class repeated (TagKey, TagValue, FilterType,
    /// FilterValue, ScheduleExpression, S3Subdirectory, S3ObjectVersionId), the first character that
    /// the class does not allow; None when every character is allowed or for structured patterns (ARNs).
    ///
    /// `None` does not mean the text matches: an empty text has no disallowed character but
    /// still fails the patterns that need at least one character.
    pub fn first_disallowed_char(self, text: &str) -> Option<char> {
        match self.shape() {
            Shape::Repeated { allowed, .. } => text.chars().find(|&c| !allowed(c)),
            Shape::Structured(_) => None,
        }
    }

    /// How this pattern is matched.
    fn shape(self) -> Shape {
        match self {
            Pattern::LocationArn => Shape::Structured(is_location_arn),
            Pattern::TaskArn => Shape::Structured(is_task_arn),
            Pattern::LogGroupArn => Shape::Structured(is_log_group_arn),
            Pattern::IamRoleArn => Shape::Structured(is_iam_role_arn),
            Pattern::S3BucketArn => Shape::Structured(is_s3_bucket_arn),
            Pattern::TagKey => Shape::Repeated {
                allowed: |c| is_tag_char(c) && c != '@',
                allow_empty: false,
            },
            Pattern::TagValue => Shape::Repeated {
                allowed: is_tag_char,
                allow_empty: false,
            },
            Pattern::FilterType => Shape::Repeated {
                allowed: |c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_',
                allow_empty: false,
            },
            Pattern::FilterValue => Shape::Repeated {
                allowed: |c| c != '\0',
                allow_empty: false,
            },
            Pattern::ScheduleExpression => Shape::Repeated {
                allowed: |c| {
                    c.is_ascii_alphanumeric()
                        || is_java_whitespace(c)
                        || matches!(
                            c,
                            '_' | '*' | '?' | ',' | '|' | '^' | '-' | '/' | '#' | '(' | ')' | '+'
                        )
                },
                allow_empty: true,
            },
            Pattern::S3Subdirectory => Shape::Repeated {
                allowed: |c| {
                    c.is_ascii_alphanumeric()
                        || is_space_separator(c)
                        || matches!(c, '_' | '-' | '+' | '.' | '/' | '(' | ')')
                },
                allow_empty: true,
            },
            Pattern::S3ObjectVersionId => Shape::Repeated {
                allowed: |c| !is_line_terminator(c),
                allow_empty: false,
            },
        }
    }
}

/// Java's `\s`: ASCII whitespace only.
fn is_java_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// Java's `\p{Zs}`: the Unicode space-separator category.
fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// What Java's `.` does not match: a line terminator.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The tag value class `[a-zA-Z0-9\s+=._:@/-]` (the tag key class is this without `@`).
fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_java_whitespace(c)
        || matches!(c, '+' | '=' | '.' | '_' | ':' | '@' | '/' | '-')
}

/// `[a-z\-0-9]`, the class of the region segment.
fn is_region_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'
}

/// `[a-zA-Z0-9\-]`, the class of S3 on Outposts IDs and access point names.
fn is_outposts_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// Whether `text` has a length in `len` and every byte is `allowed`. Only for ASCII classes,
/// where bytes and characters are the same thing (any non-ASCII byte is rejected).
fn is_ascii_run(text: &str, len: RangeInclusive<usize>, allowed: fn(u8) -> bool) -> bool {
    len.contains(&text.len()) && text.bytes().all(allowed)
}

/// `text` split around its first `:`. ARN fields are a few bytes long, where a
/// plain scan beats `str::split_once` (which sets up a general searcher).
fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == b':')?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// What follows `arn:<partition>:<service>:`, if `text` starts so with one of the six partitions.
///
/// Neither the partition nor the service contains `:`, so the first two `:`-separated fields are
/// exactly those two, and an alternation like `(aws|aws-cn)` is a lookup of the whole field.
fn arn_after_service<'a>(text: &'a str, service: &str) -> Option<&'a str> {
    let rest = text.strip_prefix("arn:")?;
    let (partition, rest) = split_at_colon(rest)?;
    let (found_service, rest) = split_at_colon(rest)?;
    (PARTITIONS.contains(&partition) && found_service == service).then_some(rest)
}

/// The resource part of `arn:<partition>:<service>:<region>:<12 digits>:<resource>`, where the
/// region is `[a-z\-0-9]` repeated a number of times in `region_len` (`+` is `1..`, `*` is `0..`,
/// and IAM's `iam::` is `0..=0`).
fn arn_resource<'a>(
    text: &'a str,
    service: &str,
    region_len: RangeInclusive<usize>,
) -> Option<&'a str> {
    let rest = arn_after_service(text, service)?;
    let (region, rest) = split_at_colon(rest)?;
    let (account, resource) = split_at_colon(rest)?;
    let fields_ok = is_ascii_run(region, region_len, is_region_byte)
        && is_ascii_run(account, 12..=12, |b| b.is_ascii_digit());
    fields_ok.then_some(resource)
}

/// Strips one `[/:]` separator from the front of `text`.
fn strip_separator(text: &str) -> Option<&str> {
    text.strip_prefix(['/', ':'])
}

/// `...:datasync:[a-z\-0-9]+:[0-9]{12}:location/loc-[0-9a-z]{17}`
fn is_location_arn(text: &str) -> bool {
    arn_resource(text, "datasync", 1..=usize::MAX)
        .and_then(|resource| resource.strip_prefix("location/loc-"))
        .is_some_and(|id| {
            is_ascii_run(id, 17..=17, |b| {
                b.is_ascii_digit() || b.is_ascii_lowercase()
            })
        })
}

/// `...:datasync:[a-z\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}`
fn is_task_arn(text: &str) -> bool {
    arn_resource(text, "datasync", 1..=usize::MAX)
        .and_then(|resource| resource.strip_prefix("task/task-"))
        .is_some_and(|id| {
            is_ascii_run(id, 17..=17, |b| {
                b.is_ascii_digit() || matches!(b, b'a'..=b'f')
            })
        })
}

/// `...:logs:[a-z\-0-9]+:[0-9]{12}:log-group:([^:\*]*)(:\*)?`
fn is_log_group_arn(text: &str) -> bool {
    arn_resource(text, "logs", 1..=usize::MAX)
        .and_then(|resource| resource.strip_prefix("log-group:"))
        .is_some_and(|name| {
            // The name cannot contain `:`, so a trailing `:*` can only be the optional suffix.
            let name = name.strip_suffix(":*").unwrap_or(name);
            !name.contains([':', '*'])
        })
}

/// `...:iam::[0-9]{12}:role/.*`
fn is_iam_role_arn(text: &str) -> bool {
    arn_resource(text, "iam", 0..=0)
        .and_then(|resource| resource.strip_prefix("role/"))
        .is_some_and(|name| !name.contains(is_line_terminator))
}

/// The three alternatives of the model's S3 bucket ARN pattern.
fn is_s3_bucket_arn(text: &str) -> bool {
    is_s3_access_point_arn(text)
        || is_s3_outposts_access_point_arn(text)
        || is_s3_bucket_arn_proper(text)
}

/// `...:s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}`
fn is_s3_access_point_arn(text: &str) -> bool {
    arn_resource(text, "s3", 0..=usize::MAX)
        .and_then(|resource| resource.strip_prefix("accesspoint"))
        .and_then(strip_separator)
        .is_some_and(|name| {
            is_ascii_run(name, 1..=63, |b| {
                b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
            })
        })
}

/// `...:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}`
fn is_s3_outposts_access_point_arn(text: &str) -> bool {
    arn_resource(text, "s3-outposts", 1..=usize::MAX)
        .and_then(|resource| resource.strip_prefix("outpost"))
        .and_then(strip_separator)
        // The outpost ID cannot contain `/` or `:`, so the first one ends it.
        .and_then(|rest| rest.split_once(['/', ':']))
        .and_then(|(outpost_id, rest)| {
            is_ascii_run(outpost_id, 1..=63, is_outposts_name_byte).then_some(rest)
        })
        .and_then(|rest| rest.strip_prefix("accesspoint"))
        .and_then(strip_separator)
        .is_some_and(|name| is_ascii_run(name, 1..=63, is_outposts_name_byte))
}

/// `...:s3:::[a-zA-Z0-9.\-_]{1,255}`
fn is_s3_bucket_arn_proper(text: &str) -> bool {
    arn_after_service(text, "s3")
        .and_then(|rest| rest.strip_prefix("::"))
        .is_some_and(|bucket| {
            is_ascii_run(bucket, 1..=255, |b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')
            })
        })
}

/// One piece of a model (Java) regex, for its translations into other
/// dialects: the JSON Schema's ECMAScript patterns (`json_schema`) and the
/// `regex` crate reference in this file's tests. One reading of the Java
/// syntax, so the two translations cannot read it differently.
#[cfg(any(test, not(target_arch = "wasm32")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JavaPiece<'a> {
    /// `\s`: Java's whitespace, ASCII only.
    Whitespace,
    /// `\p{Name}`: the class's name.
    UnicodeClass(&'a str),
    /// `\xHH`: the two hex digits.
    Hex(&'a str),
    /// A backslash before a punctuation character: that character, literally.
    Escaped(char),
    /// `.` outside a character class.
    Dot,
    /// `^` or `$` outside a character class.
    Anchor(char),
    /// Any other character as written, `[` and `]` included.
    Plain(char),
}

/// The pieces of the model regex `java`, each with whether it stands inside a
/// character class. Panics on an escape it does not know (a letter or digit
/// other than `s`, `p` and `x`) or a trailing backslash: the model's regexes
/// are fixed, and a new construct must be taught here first.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) fn java_pieces(java: &str) -> Vec<(JavaPiece<'_>, bool)> {
    let mut pieces = Vec::new();
    let mut in_class = false;
    let mut at = 0;
    while let Some(c) = java[at..].chars().next() {
        at += c.len_utf8();
        let piece = match c {
            '\\' => {
                let escaped = java[at..]
                    .chars()
                    .next()
                    .expect("a backslash ends the regex");
                at += escaped.len_utf8();
                match escaped {
                    's' => JavaPiece::Whitespace,
                    'p' => {
                        let name = java[at..]
                            .strip_prefix('{')
                            .and_then(|rest| rest.split_once('}'))
                            .map(|(name, _)| name)
                            .expect("\\p{Name}");
                        at += name.len() + 2;
                        JavaPiece::UnicodeClass(name)
                    }
                    'x' => {
                        let digits = java.get(at..at + 2).expect("\\xHH");
                        at += 2;
                        JavaPiece::Hex(digits)
                    }
                    other if other.is_ascii_alphanumeric() => {
                        panic!("the translation does not know \\{other}")
                    }
                    other => JavaPiece::Escaped(other),
                }
            }
            '[' if !in_class => {
                in_class = true;
                JavaPiece::Plain(c)
            }
            ']' if in_class => {
                in_class = false;
                JavaPiece::Plain(c)
            }
            '.' if !in_class => JavaPiece::Dot,
            '^' | '$' if !in_class => JavaPiece::Anchor(c),
            _ => JavaPiece::Plain(c),
        };
        pieces.push((piece, in_class));
    }
    pieces
}

#[cfg(test)]
mod tests {
    //! The matchers, specified three ways: hand-picked examples (each also checked against the
    //! reference regex), a differential property test against the `regex` crate running the
    //! model's regex translated to Java semantics, and the model's own strings.

    use super::*;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    use regex::Regex;
    use std::cell::Cell;

    // ----- The reference: the model's regex, translated to the `regex` crate with Java semantics.

    /// Java's `\s` inside a character class, spelled for the `regex` crate.
    const JAVA_WHITESPACE_IN_CLASS: &str = r" \t\n\x0B\x0C\r";
    /// Java's `.`, spelled for the `regex` crate (whose `.` only excludes `\n`).
    const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

    /// Translates a model (Java) regex into an equivalent `regex` crate regex. With
    /// `keep_anchors` false, drops `^` and `$` (for `proptest`'s string generator, which cannot
    /// handle them; every alternative of every model regex is anchored at both ends).
    fn to_rust_regex(java: &str, keep_anchors: bool) -> String {
        let mut out = String::new();
        for (piece, in_class) in java_pieces(java) {
            match piece {
                JavaPiece::Whitespace if in_class => out.push_str(JAVA_WHITESPACE_IN_CLASS),
                JavaPiece::Whitespace => out.push_str(&format!("[{JAVA_WHITESPACE_IN_CLASS}]")),
                // `\p{Name}` and `\xHH`: the same in both dialects.
                JavaPiece::UnicodeClass(name) => out.push_str(&format!(r"\p{{{name}}}")),
                JavaPiece::Hex(digits) => out.push_str(&format!(r"\x{digits}")),
                JavaPiece::Escaped(c) => out.push_str(&format!(r"\x{{{:X}}}", u32::from(c))),
                JavaPiece::Dot => out.push_str(JAVA_DOT),
                JavaPiece::Anchor(_) if !keep_anchors => {}
                JavaPiece::Anchor(c) | JavaPiece::Plain(c) => out.push(c),
            }
        }
        out
    }

    /// The reference matcher for `pattern`.
    fn reference(pattern: Pattern) -> Regex {
        Regex::new(&to_rust_regex(pattern.model_regex(), true)).expect("the translation compiles")
    }

    #[test]
    fn the_translation_spells_java_classes_for_the_regex_crate() {
        assert_eq!(
            to_rust_regex(Pattern::TagValue.model_regex(), true),
            r"^[a-zA-Z0-9 \t\n\x0B\x0C\r+=._:@/-]+$"
        );
        assert_eq!(
            to_rust_regex(Pattern::S3ObjectVersionId.model_regex(), true),
            r"^[^\n\r\x{85}\x{2028}\x{2029}]+$"
        );
        assert_eq!(
            to_rust_regex(Pattern::S3Subdirectory.model_regex(), false),
            r"[a-zA-Z0-9_\x{2D}\x{2B}\x{2E}/\x{28}\x{29}\p{Zs}]*"
        );
    }

    #[test]
    fn space_separators_are_exactly_unicode_zs() {
        let every_char: String = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .collect();
        let zs = Regex::new(r"\p{Zs}").expect("valid");
        let expected: Vec<char> = zs
            .find_iter(&every_char)
            .flat_map(|m| m.as_str().chars())
            .collect();
        let ours: Vec<char> = every_char
            .chars()
            .filter(|&c| is_space_separator(c))
            .collect();
        assert_eq!(ours, expected);
    }

    // ----- Hand-picked examples.

    /// Asserts the expected verdicts, and that the reference regex agrees with each of them.
    fn check(pattern: Pattern, accepted: &[&str], rejected: &[&str]) {
        let regex = reference(pattern);
        for (examples, expected) in [(accepted, true), (rejected, false)] {
            for text in examples {
                assert_eq!(
                    pattern.matches(text),
                    expected,
                    "{pattern:?}.matches({text:?}) should be {expected}"
                );
                assert_eq!(
                    regex.is_match(text),
                    expected,
                    "the reference regex disagrees with the example {text:?} for {pattern:?}"
                );
            }
        }
    }

    /// `template` with `{p}` replaced by each partition in turn.
    fn in_every_partition(template: &str) -> Vec<String> {
        PARTITIONS
            .iter()
            .map(|partition| template.replace("{p}", partition))
            .collect()
    }

    fn strs(strings: &[String]) -> Vec<&str> {
        strings.iter().map(String::as_str).collect()
    }

    const LOCATION: &str = "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0";
    const TASK: &str = "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0";

    #[test]
    fn task_arn() {
        let partitions = in_every_partition(
            "arn:{p}:datasync:us-east-1:123456789012:task/task-0123456789abcdef0",
        );
        check(Pattern::TaskArn, &strs(&partitions), &[]);
        check(
            Pattern::TaskArn,
            &[TASK, "arn:aws:datasync:-:123456789012:task/task-fffffffffffffffff"],
            &[
                "",
                // Task IDs are hexadecimal, unlike location IDs.
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdefg",
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789ABCDEF0",
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef",
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef01",
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
                "arn:aws:datasync::123456789012:task/task-0123456789abcdef0",
                "arn:aws:logs:us-east-1:123456789012:task/task-0123456789abcdef0",
            ],
        );
    }

    #[test]
    fn location_arn() {
        let partitions = in_every_partition(
            "arn:{p}:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
        );
        check(Pattern::LocationArn, &strs(&partitions), &[]);
        check(
            Pattern::LocationArn,
            &[
                LOCATION,
                "arn:aws-us-gov:datasync:us-gov-west-1:123456789012:location/loc-abcdefghijklmnopq",
                // The region class is [a-z\-0-9]: hyphens and digits anywhere.
                "arn:aws:datasync:-:123456789012:location/loc-00000000000000000",
                "arn:aws:datasync:9:123456789012:location/loc-00000000000000000",
            ],
            &[
                "",
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef",
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef01",
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789ABCDEF0",
                "arn:aws:datasync:us-east-1:12345678901:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:1234567890123:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:12345678901a:location/loc-0123456789abcdef0",
                // [0-9] is ASCII: Arabic-Indic digits are not digits here.
                "arn:aws:datasync:us-east-1:١٢٣٤٥٦٧٨٩٠١٢:location/loc-0123456789abcdef0",
                // The region is `+`: it cannot be empty.
                "arn:aws:datasync::123456789012:location/loc-0123456789abcdef0",
                "arn:aws:datasync:US-EAST-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us_east_1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws-us:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws-iso-f:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws-iso-b-:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:AWS:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn::datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws:DataSync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:123456789012:location/loc_0123456789abcdef0",
                " arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0",
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0 ",
                // `$` is the end of the input, not "before a final line break".
                "arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0\n",
            ],
        );
    }

    #[test]
    fn log_group_arn() {
        let partitions =
            in_every_partition("arn:{p}:logs:us-east-1:123456789012:log-group:/aws/datasync:*");
        check(Pattern::LogGroupArn, &strs(&partitions), &[]);
        check(
            Pattern::LogGroupArn,
            &[
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/datasync",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/datasync:*",
                // The name is `[^:*]*`: it may be empty, and may hold anything else.
                "arn:aws:logs:us-east-1:123456789012:log-group:",
                "arn:aws:logs:us-east-1:123456789012:log-group::*",
                "arn:aws:logs:us-east-1:123456789012:log-group:a b\té\nc",
            ],
            &[
                "",
                "arn:aws:logs:us-east-1:123456789012:log-group:a:b",
                "arn:aws:logs:us-east-1:123456789012:log-group:abc:",
                "arn:aws:logs:us-east-1:123456789012:log-group:abc*",
                "arn:aws:logs:us-east-1:123456789012:log-group:abc:**",
                "arn:aws:logs:us-east-1:123456789012:log-group:abc:*:*",
                "arn:aws:logs:us-east-1:123456789012:log-group:*",
                "arn:aws:logs:us-east-1:123456789012:log-group",
                "arn:aws:logs:us-east-1:123456789012:log-stream:abc",
                // The region is `+` in the API model (the CloudFormation schema says `*`).
                "arn:aws:logs::123456789012:log-group:abc",
                "arn:aws:logs:us-east-1:12345678901:log-group:abc",
                "arn:aws:logs:us-east-1:1234567890123:log-group:abc",
                "arn:aws:log:us-east-1:123456789012:log-group:abc",
                "arn:aws-cn-x:logs:us-east-1:123456789012:log-group:abc",
            ],
        );
    }

    #[test]
    fn tag_key_and_tag_value() {
        let both_accept = [
            "Name",
            "env:prod/app_1.2+3=4-5",
            " ",
            // `\s` is ASCII whitespace: tab, line breaks, vertical tab and form feed too.
            "tab\there",
            "line\nbreak\r",
            "\u{0B}\u{0C}",
        ];
        let both_reject = [
            "", // No-break and ideographic spaces are not `\s` in Java.
            "a\u{A0}b", "\u{3000}", "\u{2028}", "café", "a*b", "#1", "a,b",
        ];
        check(Pattern::TagKey, &both_accept, &both_reject);
        check(Pattern::TagValue, &both_accept, &both_reject);
        check(Pattern::TagValue, &["user@example.com", "@"], &[]);
        check(Pattern::TagKey, &[], &["user@example.com", "@"]);
    }

    #[test]
    fn filter_type() {
        check(
            Pattern::FilterType,
            &["SIMPLE_PATTERN", "A", "0_9", "_"],
            &[
                "",
                "simple_pattern",
                "Simple",
                "SIMPLE-PATTERN",
                " SIMPLE",
                "É",
                "A\n",
            ],
        );
    }

    #[test]
    fn filter_value() {
        check(
            Pattern::FilterValue,
            &["/a|/b", " ", "\n", "\r\n", "é😀", "\u{2028}", "*"],
            &["", "\0", "a\0b", "abc\0"],
        );
    }

    #[test]
    fn schedule_expression() {
        check(
            Pattern::ScheduleExpression,
            &[
                "",
                "cron(0 8 ? * 4#1 *)",
                "cron(0/15 * ? * MON-FRI *)",
                "rate(1 hour)",
                "a|b^c,d+e",
                "tab\tand\nnewline",
            ],
            &[
                "cron(0 8 ? * 4#1 *).",
                "cron(0 8 * * 3#1);",
                "rate(1 hour)!",
                "at(2024-01-01T00:00:00)",
                "a@b",
                "a=b",
                "\u{A0}",
                "é",
            ],
        );
    }

    #[test]
    fn s3_subdirectory() {
        check(
            Pattern::S3Subdirectory,
            &[
                "",
                "/reports/2024 (final)/",
                "a+b-c_d.e",
                // `\p{Zs}` takes every Unicode space separator.
                "a\u{A0}b",
                "\u{1680}\u{2000}\u{200A}\u{202F}\u{205F}\u{3000}",
            ],
            &[
                // ...but no other whitespace.
                "a\tb", "a\nb", "\r", "\u{2028}",
                // Zero width space is a format character, not a space separator.
                "\u{200B}", "é", "a:b", "a@b", "a*b",
            ],
        );
    }

    #[test]
    fn iam_role_arn() {
        let partitions = in_every_partition("arn:{p}:iam::123456789012:role/DataSyncRole");
        check(Pattern::IamRoleArn, &strs(&partitions), &[]);
        check(
            Pattern::IamRoleArn,
            &[
                "arn:aws:iam::123456789012:role/service-role/DataSyncRole",
                // `.*`: anything but a line terminator, nothing at all included.
                "arn:aws:iam::123456789012:role/",
                "arn:aws:iam::123456789012:role/a b\té\u{A0}*:@",
            ],
            &[
                "",
                "arn:aws:iam::123456789012:role/a\nb",
                "arn:aws:iam::123456789012:role/a\r",
                "arn:aws:iam::123456789012:role/a\u{85}",
                "arn:aws:iam::123456789012:role/a\u{2028}",
                "arn:aws:iam::123456789012:role/a\u{2029}",
                "arn:aws:iam:us-east-1:123456789012:role/x",
                "arn:aws:iam::12345678901:role/x",
                "arn:aws:iam::1234567890123:role/x",
                "arn:aws:iam::123456789012:role",
                "arn:aws:iam::123456789012:user/x",
                "arn:aws:sts::123456789012:role/x",
            ],
        );
    }

    #[test]
    fn s3_bucket_arn() {
        let name_63 = "a".repeat(63);
        let name_64 = "a".repeat(64);
        let bucket_255 = "b".repeat(255);
        let bucket_256 = "b".repeat(256);
        let mut accepted = in_every_partition("arn:{p}:s3:::my-bucket");
        accepted.extend(in_every_partition(
            "arn:{p}:s3:us-east-1:123456789012:accesspoint/my-ap",
        ));
        accepted.extend(in_every_partition(
            "arn:{p}:s3-outposts:us-east-1:123456789012:outpost/op-0123456789abcdef0/accesspoint/my-ap",
        ));
        accepted.extend([
            // Bucket ARNs.
            "arn:aws:s3:::a".to_owned(),
            "arn:aws:s3:::My_Bucket.name-1".to_owned(),
            format!("arn:aws:s3:::{bucket_255}"),
            // Access point ARNs: `[/:]` separator, empty region, dots, up to 63 characters.
            "arn:aws:s3:us-east-1:123456789012:accesspoint:my-ap".to_owned(),
            "arn:aws:s3::123456789012:accesspoint/my-ap".to_owned(),
            "arn:aws:s3:us-east-1:123456789012:accesspoint/my.ap".to_owned(),
            format!("arn:aws:s3:us-east-1:123456789012:accesspoint/{name_63}"),
            // S3 on Outposts access point ARNs: any mix of `/` and `:`, parts up to 63.
            "arn:aws:s3-outposts:us-east-1:123456789012:outpost:op-1:accesspoint:ap".to_owned(),
            "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1:accesspoint/ap".to_owned(),
            format!("arn:aws:s3-outposts:eu-west-1:123456789012:outpost/{name_63}/accesspoint/{name_63}"),
        ]);
        check(
            Pattern::S3BucketArn,
            &strs(&accepted),
            &strs(&[
                String::new(),
                // Bucket ARNs.
                "arn:aws:s3:::".to_owned(),
                format!("arn:aws:s3:::{bucket_256}"),
                "arn:aws:s3:::a/b".to_owned(),
                "arn:aws:s3:::my bucket".to_owned(),
                "arn:aws:s3:us-east-1::my-bucket".to_owned(),
                "arn:aws:s3:us-east-1:::my-bucket".to_owned(),
                "arn:aws:s3-outposts:::my-bucket".to_owned(),
                // Access point ARNs.
                format!("arn:aws:s3:us-east-1:123456789012:accesspoint/{name_64}"),
                "arn:aws:s3:us-east-1:123456789012:accesspoint/".to_owned(),
                "arn:aws:s3:us-east-1:123456789012:accesspoint/my_ap".to_owned(),
                "arn:aws:s3:us-east-1:123456789012:accesspoint/a/b".to_owned(),
                "arn:aws:s3:us-east-1:123456789012:accesspoint-my-ap".to_owned(),
                "arn:aws:s3:us-east-1:12345678901:accesspoint/my-ap".to_owned(),
                "arn:aws:s3:us-east-1:1234567890123:accesspoint/my-ap".to_owned(),
                "arn:aws:s3:us-east-1::accesspoint/my-ap".to_owned(),
                "arn:aws:s3-outposts:us-east-1:123456789012:accesspoint/my-ap".to_owned(),
                // S3 on Outposts access point ARNs: no dots, a region, both parts.
                "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op.1/accesspoint/ap".to_owned(),
                "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/my.ap"
                    .to_owned(),
                "arn:aws:s3-outposts::123456789012:outpost/op-1/accesspoint/ap".to_owned(),
                "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1".to_owned(),
                "arn:aws:s3-outposts:us-east-1:123456789012:outpost//accesspoint/ap".to_owned(),
                format!(
                    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/{name_64}/accesspoint/ap"
                ),
                format!(
                    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/{name_64}"
                ),
                "arn:aws:s3:us-east-1:123456789012:outpost/op-1/accesspoint/ap".to_owned(),
            ]),
        );
    }

    #[test]
    fn s3_object_version_id() {
        check(
            Pattern::S3ObjectVersionId,
            &[
                "a",
                "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo",
                " ",
                "\t",
                "\0",
                "é😀\u{A0}",
            ],
            &["", "\n", "a\r", "\u{85}", "\u{2028}", "\u{2029}", "a\nb"],
        );
    }

    #[test]
    fn long_inputs_match_in_one_pass() {
        let long = "a".repeat(4 << 20);
        assert!(Pattern::TagValue.matches(&long));
        assert!(Pattern::IamRoleArn.matches(&format!("arn:aws:iam::123456789012:role/{long}")));
        assert!(Pattern::LogGroupArn.matches(&format!(
            "arn:aws:logs:us-east-1:123456789012:log-group:{long}:*"
        )));
        assert!(!Pattern::S3BucketArn.matches(&format!("arn:aws:s3:::{long}")));
        assert!(!Pattern::LocationArn.matches(&format!("arn:{long}")));
    }

    // ----- The model's strings.

    #[test]
    fn model_regexes_are_the_models_strings() {
        // Copied verbatim from the model (JSON); these Rust literals un-escape `\\` as JSON does.
        let model: &[(Pattern, &str)] = &[
            (Pattern::LocationArn, "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:[0-9]{12}:location/loc-[0-9a-z]{17}$"),
            (Pattern::TaskArn, "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}$"),
            (Pattern::LogGroupArn, "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):logs:[a-z\\-0-9]+:[0-9]{12}:log-group:([^:\\*]*)(:\\*)?$"),
            (Pattern::TagKey, "^[a-zA-Z0-9\\s+=._:/-]+$"),
            (Pattern::TagValue, "^[a-zA-Z0-9\\s+=._:@/-]+$"),
            (Pattern::FilterType, "^[A-Z0-9_]+$"),
            (Pattern::FilterValue, "^[^\\x00]+$"),
            (Pattern::ScheduleExpression, "^[a-zA-Z0-9\\ \\_\\*\\?\\,\\|\\^\\-\\/\\#\\s\\(\\)\\+]*$"),
            (Pattern::S3Subdirectory, "^[a-zA-Z0-9_\\-\\+\\./\\(\\)\\p{Zs}]*$"),
            (Pattern::IamRoleArn, "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):iam::[0-9]{12}:role/.*$"),
            (Pattern::S3BucketArn, "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:::[a-zA-Z0-9.\\-_]{1,255}$"),
            (Pattern::S3ObjectVersionId, "^.+$"),
        ];
        let listed: Vec<Pattern> = model.iter().map(|&(pattern, _)| pattern).collect();
        assert_eq!(
            listed,
            Pattern::ALL,
            "ALL lists every pattern once, in order"
        );
        for &(pattern, regex) in model {
            assert_eq!(pattern.model_regex(), regex, "{pattern:?}");
        }
    }

    #[test]
    fn hints_suit_their_lead_in() {
        for &pattern in Pattern::ALL {
            let hint = pattern.hint();
            let structured = matches!(pattern.shape(), Shape::Structured(_));
            // "must look like arn:..." or "must contain only <characters>".
            assert_eq!(hint.starts_with("arn:"), structured, "{pattern:?}: {hint}");
            assert!(
                !hint.ends_with('.'),
                "{pattern:?}: the message adds its own full stop"
            );
        }
    }

    // ----- first_disallowed_char.

    #[test]
    fn first_disallowed_char_names_the_first_offending_character() {
        let cases: &[(Pattern, &str, Option<char>)] = &[
            (Pattern::TagKey, "user@example.com", Some('@')),
            (Pattern::TagValue, "user@example.com", None),
            (Pattern::TagValue, "a\u{A0}b*", Some('\u{A0}')),
            (Pattern::TagValue, "tab\tok", None),
            (Pattern::S3Subdirectory, "a\tb", Some('\t')),
            (Pattern::S3Subdirectory, "a\u{A0}b", None),
            (Pattern::FilterType, "Simple", Some('i')),
            (Pattern::FilterValue, "a\0b", Some('\0')),
            (
                Pattern::ScheduleExpression,
                "cron(0 8 ? * 4#1 *).",
                Some('.'),
            ),
            (Pattern::S3ObjectVersionId, "v1\nv2", Some('\n')),
            // No disallowed character, though the empty string does not match `+`.
            (Pattern::TagKey, "", None),
            // Structured patterns have no single class to blame.
            (Pattern::LocationArn, "not an ARN!", None),
            (Pattern::LogGroupArn, "*", None),
            (Pattern::IamRoleArn, "\n", None),
            (Pattern::S3BucketArn, "arn:aws:s3:::a b", None),
        ];
        for &(pattern, text, expected) in cases {
            assert_eq!(
                pattern.first_disallowed_char(text),
                expected,
                "{pattern:?} {text:?}"
            );
        }
    }

    // ----- Differential property test against the reference regex.

    /// Characters worth trying: the classes' edges and the ones that differ between dialects.
    const ALPHABET: &[char] = &[
        'a', 'b', 'q', 'z', 'A', 'Q', 'Z', '0', '1', '9', '-', ':', '/', '.', '_', '@', '*', '+',
        '=', '(', ')', '#', '?', ',', '|', '^', '!', ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}',
        '\0', '\u{1}', '\u{7F}', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}', '\u{200B}',
        '\u{2028}', '\u{2029}', '\u{3000}', 'é', '😀',
    ];

    /// Pieces of the ARN patterns, to splice into near-misses.
    const TOKENS: &[&str] = &[
        "arn:",
        "aws",
        "aws-cn",
        "aws-us-gov",
        "aws-eusc",
        "aws-iso",
        "aws-iso-b",
        "-b",
        ":",
        "::",
        ":*",
        "/",
        "0",
        "123456789012",
        "us-east-1",
        "datasync",
        "logs",
        "iam",
        "s3",
        "s3-outposts",
        "location/loc-",
        "log-group:",
        "role/",
        "accesspoint",
        "outpost",
        "a.b",
    ];

    /// Valid examples to start mutating from (besides strings generated from the regex).
    fn seeds(pattern: Pattern) -> Vec<String> {
        let seeds: &[&str] = match pattern {
            Pattern::LocationArn => &[
                LOCATION,
                "arn:aws-iso-b:datasync:a:123456789012:location/loc-00000000000000000",
            ],
            Pattern::TaskArn => &[
                TASK,
                "arn:aws-eusc:datasync:a:123456789012:task/task-00000000000000000",
            ],
            Pattern::LogGroupArn => &[
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/datasync:*",
                "arn:aws-iso-b:logs:a:123456789012:log-group:",
                "arn:aws-eusc:logs:a:123456789012:log-group:a:*",
            ],
            Pattern::TagKey | Pattern::TagValue => &["Name", "a@b c"],
            Pattern::FilterType => &["SIMPLE_PATTERN"],
            Pattern::FilterValue => &["/a/*|/b"],
            Pattern::ScheduleExpression => &["cron(0 8 ? * 4#1 *)", "rate(1 hour)"],
            Pattern::S3Subdirectory => &["/reports/ (a)", ""],
            Pattern::IamRoleArn => &[
                "arn:aws:iam::123456789012:role/x",
                "arn:aws-cn:iam::123456789012:role/",
            ],
            Pattern::S3BucketArn => &[
                "arn:aws:s3:::my-bucket",
                "arn:aws:s3::123456789012:accesspoint/my.ap",
                "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1:accesspoint:ap",
                "arn:aws-us-gov:s3-outposts:a:123456789012:outpost:o/accesspoint/a",
                "arn:aws-iso:s3:a:123456789012:accesspoint:a",
            ],
            Pattern::S3ObjectVersionId => &["v1"],
        };
        let mut seeds: Vec<String> = seeds.iter().map(|&s| s.to_owned()).collect();
        if pattern == Pattern::S3BucketArn {
            // At the length limits, so one insertion or deletion crosses them.
            seeds.push(format!("arn:aws:s3:::{}", "b".repeat(255)));
            seeds.push(format!(
                "arn:aws:s3:eu-west-1:123456789012:accesspoint/{}",
                "a".repeat(63)
            ));
            seeds.push(format!(
                "arn:aws:s3-outposts:eu-west-1:123456789012:outpost:{0}/accesspoint/{0}",
                "c".repeat(63)
            ));
        }
        seeds
    }

    /// One edit of a candidate string.
    #[derive(Clone, Debug)]
    enum Mutation {
        Insert(Index, char),
        Delete(Index),
        /// Deletes up to this many characters from the index on.
        DeleteRun(Index, usize),
        Replace(Index, char),
        Splice(Index, &'static str),
        /// Empties one field between `:` or `/` separators (an ARN's region, account, ...).
        ClearField(Index),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let ch = || select(ALPHABET);
        prop_oneof![
            (any::<Index>(), ch()).prop_map(|(i, c)| Mutation::Insert(i, c)),
            any::<Index>().prop_map(Mutation::Delete),
            (any::<Index>(), 2..16_usize).prop_map(|(i, n)| Mutation::DeleteRun(i, n)),
            (any::<Index>(), ch()).prop_map(|(i, c)| Mutation::Replace(i, c)),
            (any::<Index>(), select(TOKENS)).prop_map(|(i, t)| Mutation::Splice(i, t)),
            any::<Index>().prop_map(Mutation::ClearField),
        ]
    }

    fn apply(seed: String, mutations: Vec<Mutation>) -> String {
        let mut chars: Vec<char> = seed.chars().collect();
        for mutation in mutations {
            let len = chars.len();
            match mutation {
                Mutation::Insert(at, c) => chars.insert(at.index(len + 1), c),
                Mutation::Splice(at, token) => {
                    let at = at.index(len + 1);
                    chars.splice(at..at, token.chars());
                }
                Mutation::Delete(at) if len > 0 => {
                    chars.remove(at.index(len));
                }
                Mutation::DeleteRun(at, n) if len > 0 => {
                    let at = at.index(len);
                    chars.drain(at..len.min(at + n));
                }
                Mutation::Replace(at, c) if len > 0 => chars[at.index(len)] = c,
                Mutation::ClearField(field) => {
                    let separators: Vec<usize> = (0..len)
                        .filter(|&i| matches!(chars[i], ':' | '/'))
                        .collect();
                    let field = field.index(separators.len() + 1);
                    let start = if field == 0 {
                        0
                    } else {
                        separators[field - 1] + 1
                    };
                    let end = separators.get(field).copied().unwrap_or(len);
                    chars.drain(start..end);
                }
                Mutation::Delete(_) | Mutation::DeleteRun(..) | Mutation::Replace(..) => {}
            }
        }
        chars.into_iter().collect()
    }

    /// Near-misses (valid strings, mutated a few times) and fully random strings.
    fn candidates(pattern: Pattern) -> impl Strategy<Value = String> {
        let generated =
            proptest::string::string_regex(&to_rust_regex(pattern.model_regex(), false))
                .expect("the translation generates");
        let valid = prop_oneof![select(seeds(pattern)), generated];
        prop_oneof![
            8 => (valid, proptest::collection::vec(mutation(), 0..4))
                .prop_map(|(seed, mutations)| apply(seed, mutations)),
            1 => proptest::collection::vec(select(ALPHABET), 0..24)
                .prop_map(|chars| chars.into_iter().collect::<String>()),
            1 => any::<String>(),
        ]
    }

    /// Checks `pattern` against its reference on 2000 candidates, and that the candidates
    /// exercise both verdicts.
    fn agrees_with_reference(pattern: Pattern) {
        const CASES: u32 = 2000;
        let regex = reference(pattern);
        let accepted = Cell::new(0_u32);
        let mut runner = TestRunner::new(Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        });
        let outcome = runner.run(&candidates(pattern), |text| {
            let matched = pattern.matches(&text);
            prop_assert_eq!(
                matched,
                regex.is_match(&text),
                "{:?} on {:?}",
                pattern,
                text
            );
            let no_disallowed = pattern.first_disallowed_char(&text).is_none();
            match pattern.shape() {
                Shape::Repeated { .. } if !text.is_empty() => {
                    prop_assert_eq!(no_disallowed, matched)
                }
                Shape::Repeated { .. } => {}
                Shape::Structured(_) => prop_assert!(no_disallowed),
            }
            accepted.set(accepted.get() + u32::from(matched));
            Ok::<(), TestCaseError>(())
        });
        if let Err(failure) = outcome {
            panic!("{pattern:?}: {failure}");
        }
        let accepted = accepted.get();
        assert!(
            (CASES / 50..=CASES - CASES / 50).contains(&accepted),
            "{pattern:?}: {accepted} of {CASES} candidates matched; the generator is too lopsided"
        );
    }

    #[test]
    fn location_arn_agrees_with_reference() {
        agrees_with_reference(Pattern::LocationArn);
    }

    #[test]
    fn task_arn_agrees_with_reference() {
        agrees_with_reference(Pattern::TaskArn);
    }

    #[test]
    fn log_group_arn_agrees_with_reference() {
        agrees_with_reference(Pattern::LogGroupArn);
    }

    #[test]
    fn tag_key_agrees_with_reference() {
        agrees_with_reference(Pattern::TagKey);
    }

    #[test]
    fn tag_value_agrees_with_reference() {
        agrees_with_reference(Pattern::TagValue);
    }

    #[test]
    fn filter_type_agrees_with_reference() {
        agrees_with_reference(Pattern::FilterType);
    }

    #[test]
    fn filter_value_agrees_with_reference() {
        agrees_with_reference(Pattern::FilterValue);
    }

    #[test]
    fn schedule_expression_agrees_with_reference() {
        agrees_with_reference(Pattern::ScheduleExpression);
    }

    #[test]
    fn s3_subdirectory_agrees_with_reference() {
        agrees_with_reference(Pattern::S3Subdirectory);
    }

    #[test]
    fn iam_role_arn_agrees_with_reference() {
        agrees_with_reference(Pattern::IamRoleArn);
    }

    #[test]
    fn s3_bucket_arn_agrees_with_reference() {
        agrees_with_reference(Pattern::S3BucketArn);
    }

    #[test]
    fn s3_object_version_id_agrees_with_reference() {
        agrees_with_reference(Pattern::S3ObjectVersionId);
    }
}
