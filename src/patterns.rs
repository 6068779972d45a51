//! The string patterns of the DataSync API model, matched without a regex engine.
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
//! A pattern that is one character class repeated is matched a byte at a time: each class has a
//! bit in one table of the bytes, set from the class's function for ASCII, and a string's entries
//! are ANDed; characters are decoded (and given to the function) only from the first byte beyond
//! ASCII, when there is one. An ARN pattern is a list of steps (literals, the partitions, runs of a
//! class between two bounds, an optional ending, `.*`) per alternative of the model's regex, its
//! classes read from the model's own spelling when the crate is compiled; one matcher reads the
//! steps left to right and never backtracks (no run or group of words can take the byte that
//! follows it), so matching is linear in the input length. Every alternative starts with `arn:`
//! and a partition, which are read once for all of them. The single pass matches an ARN as it
//! reads the JSON string ([`Pattern::json_string_length`]).
//! [`Pattern::model_regex`] keeps the model's own text for messages and for the tests, which check
//! that the steps spell it, and every matcher against the `regex` crate on many generated
//! near-miss strings and on strings at every step's edges.

use crate::json::same_words;

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
        /// The class's bit in [`CLASS_TABLE`], set for the ASCII bytes
        /// `allowed` allows (worked out when the crate is compiled): most
        /// text is ASCII, and one table entry per byte is cheaper to read
        /// than `allowed` to call.
        bit: u16,
    },
    /// An ARN: its steps, one list per alternative.
    Structured(Program),
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
            // The longest member (102,400 characters) and the simplest class:
            // no byte is zero (no character but U+0000 holds one), so the
            // least byte tells, without decoding a character.
            return text.bytes().min().is_some_and(|least| least != 0);
        }
        match self.shape() {
            Shape::Repeated {
                allowed,
                allow_empty,
                bit,
            } => (allow_empty || !text.is_empty()) && all_allowed(text, allowed, bit),
            Shape::Structured(program) => matches_program(program, text),
        }
    }

    /// For the single pass: the length in bytes of the JSON string that
    /// `json` starts with (the bytes after its opening quote, up to the
    /// closing one), when this is an ARN pattern and the string has no
    /// escape or control character and matches; `None` if it does not, or
    /// for the other patterns. Matched as it is read, so the string is
    /// read once.
    pub(crate) fn json_string_length(self, json: &[u8]) -> Option<usize> {
        match self.shape() {
            Shape::Structured(program) => matches_arn(program, json, true),
            Shape::Repeated { .. } => None,
        }
    }

    /// Whether this is an ARN pattern, which the single pass matches as it reads.
    pub(crate) fn is_arn(self) -> bool {
        matches!(self.shape(), Shape::Structured(_))
    }

    /// The regex exactly as the model states it (un-escaped once, e.g.
    /// `^[a-zA-Z0-9\s+=._:/-]+$`), in Java's dialect: the tests' reference.
    #[cfg(test)]
    pub(crate) fn model_regex(self) -> &'static str {
        MODEL_REGEXES[self as usize]
    }

    /// The regex spelled for ECMAScript: a `RegExp` (with no flag, `u` or
    /// `v`, so also an HTML `<input pattern>`) that accepts exactly the
    /// strings [`Pattern::matches`] accepts. What `fields()`, the JSON
    /// Schema documents and `value/pattern-mismatch`'s `params.pattern`
    /// give; `json_schema`'s tests translate the model's regex into it and
    /// hold the two together.
    pub fn ecmascript_regex(self) -> &'static str {
        REGEXES[self as usize]
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
            Pattern::LocationArn => Shape::Structured(LOCATION_ARN),
            Pattern::TaskArn => Shape::Structured(TASK_ARN),
            Pattern::LogGroupArn => Shape::Structured(LOG_GROUP_ARN),
            Pattern::IamRoleArn => Shape::Structured(IAM_ROLE_ARN),
            Pattern::S3BucketArn => Shape::Structured(S3_BUCKET_ARN),
            Pattern::TagKey => repeated(is_tag_key_char, false, TAG_KEY),
            Pattern::TagValue => repeated(is_tag_char, false, TAG_VALUE),
            Pattern::FilterType => repeated(is_filter_type_char, false, FILTER_TYPE),
            // No bit: matched by its least byte (see `matches`).
            Pattern::FilterValue => repeated(is_filter_value_char, false, 0),
            Pattern::ScheduleExpression => repeated(is_schedule_char, true, SCHEDULE),
            Pattern::S3Subdirectory => repeated(is_s3_subdirectory_char, true, S3_SUBDIRECTORY),
            Pattern::S3ObjectVersionId => repeated(is_version_id_char, false, VERSION_ID),
        }
    }
}

/// Each pattern's regex spelled for ECMAScript ([`Pattern::ecmascript_regex`]),
/// in [`Pattern::ALL`]'s order: the spelling `fields()`, the JSON Schema
/// documents and `value/pattern-mismatch`'s `params.pattern` give.
const REGEXES: [&str; 12] = [
    LOCATION_ARN_REGEX,
    TASK_ARN_REGEX,
    LOG_GROUP_ARN_REGEX,
    r"^[a-zA-Z0-9 \t\n\x0B\f\r+=._:\/\-]+$",
    r"^[a-zA-Z0-9 \t\n\x0B\f\r+=._:@\/\-]+$",
    r"^[A-Z0-9_]+$",
    r"^[^\x00]+$",
    r"^[a-zA-Z0-9 _\*\?,\|\^\-\/# \t\n\x0B\f\r\(\)\+]*$",
    r"^[a-zA-Z0-9_\-\+\.\/\(\) \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*$",
    r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):iam::[0-9]{12}:role/[^\n\r\u0085\u2028\u2029]*$",
    concat!(
        r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[\/:][a-zA-Z0-9\-.]{1,63}$",
        r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[\/:][a-zA-Z0-9\-]{1,63}[\/:]accesspoint[\/:][a-zA-Z0-9\-]{1,63}$",
        r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:::[a-zA-Z0-9.\-_]{1,255}$",
    ),
    r"^[^\n\r\u0085\u2028\u2029]+$",
];

/// Each pattern's regex exactly as the model (a Java service's) states it
/// ([`Pattern::model_regex`]), in [`Pattern::ALL`]'s order: the tests' source
/// of truth, which [`REGEXES`] is held to (`json_schema`'s tests translate it)
/// and the ARN steps spell. Not in any build: no message or parameter gives it.
#[cfg(test)]
const MODEL_REGEXES: [&str; 12] = [
    LOCATION_ARN_REGEX,
    TASK_ARN_REGEX,
    LOG_GROUP_ARN_REGEX,
    r"^[a-zA-Z0-9\s+=._:/-]+$",
    r"^[a-zA-Z0-9\s+=._:@/-]+$",
    r"^[A-Z0-9_]+$",
    r"^[^\x00]+$",
    r"^[a-zA-Z0-9\ \_\*\?\,\|\^\-\/\#\s\(\)\+]*$",
    r"^[a-zA-Z0-9_\-\+\./\(\)\p{Zs}]*$",
    r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):iam::[0-9]{12}:role/.*$",
    concat!(
        r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$",
        r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$",
        r"|^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):s3:::[a-zA-Z0-9.\-_]{1,255}$",
    ),
    r"^.+$",
];
const LOCATION_ARN_REGEX: &str = r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:location/loc-[0-9a-z]{17}$";
const TASK_ARN_REGEX: &str = r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}$";
const LOG_GROUP_ARN_REGEX: &str = r"^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):logs:[a-z\-0-9]+:[0-9]{12}:log-group:([^:\*]*)(:\*)?$";

/// `Shape::Repeated` for the class `allowed`, whose bit in [`CLASS_TABLE`] is `bit`.
const fn repeated(allowed: fn(char) -> bool, allow_empty: bool, bit: u16) -> Shape {
    Shape::Repeated {
        allowed,
        allow_empty,
        bit,
    }
}

/// Whether every character of `text` is of the class whose bit in
/// [`CLASS_TABLE`] is `bit` and which `allowed` tests: the bytes' entries
/// ANDed, with no branch per byte; only when that fails and a byte beyond
/// ASCII (which no bit holds) is the first that fails are the characters
/// from there decoded and tested.
fn all_allowed(text: &str, allowed: fn(char) -> bool, bit: u16) -> bool {
    let bytes = text.as_bytes();
    if entries(bytes) & bit != 0 {
        return true;
    }
    match bytes
        .iter()
        .position(|&byte| CLASS_TABLE[usize::from(byte)] & bit == 0)
    {
        // All before it are ASCII, so a character starts there.
        Some(at) => text
            .get(at..)
            .filter(|rest| rest.as_bytes().first().is_some_and(|byte| !byte.is_ascii()))
            .is_some_and(|rest| rest.chars().all(allowed)),
        None => true,
    }
}

/// The [`CLASS_TABLE`] entries of `bytes`, ANDed (a loop the compiler
/// unrolls). Inlined at both its uses (a repeated class, an ARN's run): a
/// call each cost full BASIC as an object about 550 instructions per
/// request, for 69 bytes gzip (docs/performance.md, "Clean objects: the
/// lone-surrogate check once per walk, and more").
#[inline(always)]
fn entries(bytes: &[u8]) -> u16 {
    bytes
        .iter()
        .fold(u16::MAX, |all, &byte| all & CLASS_TABLE[usize::from(byte)])
}

/// The tag key class `[a-zA-Z0-9\s+=._:/-]`.
const fn is_tag_key_char(c: char) -> bool {
    is_tag_char(c) && c != '@'
}

/// The filter type class `[A-Z0-9_]`.
const fn is_filter_type_char(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'
}

/// The filter value class `[^\x00]`.
const fn is_filter_value_char(c: char) -> bool {
    c != '\0'
}

/// The schedule expression class `[a-zA-Z0-9\ \_\*\?\,\|\^\-\/\#\s\(\)\+]`.
const fn is_schedule_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_java_whitespace(c)
        || matches!(
            c,
            '_' | '*' | '?' | ',' | '|' | '^' | '-' | '/' | '#' | '(' | ')' | '+'
        )
}

/// The S3 object key class `[a-zA-Z0-9_\-\+\./\(\)\p{Zs}]`.
const fn is_s3_subdirectory_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_space_separator(c)
        || matches!(c, '_' | '-' | '+' | '.' | '/' | '(' | ')')
}

/// Java's `.`: anything but a line terminator.
const fn is_version_id_char(c: char) -> bool {
    !is_line_terminator(c)
}

/// Java's `\s`: ASCII whitespace only.
const fn is_java_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// Java's `\p{Zs}`: the Unicode space-separator category.
const fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// What Java's `.` does not match: a line terminator.
const fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The tag value class `[a-zA-Z0-9\s+=._:@/-]` (the tag key class is this without `@`).
const fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_java_whitespace(c)
        || matches!(c, '+' | '=' | '.' | '_' | ':' | '@' | '/' | '-')
}

/// The character classes of the ARN patterns, as the model spells them:
/// `[`, an optional `^`, then characters (a backslash before punctuation
/// stands for it) and `a-z` ranges, then `]`. [`CLASS_TABLE`] is read from
/// these spellings when the crate is compiled, so what a class holds cannot
/// drift from the text the tests compare with the model; anything else in a
/// spelling fails the build (a new construct must be taught here first).
const CLASSES: [&str; 9] = [
    r"[a-z\-0-9]",
    "[0-9]",
    "[0-9a-z]",
    "[0-9a-f]",
    r"[^:\*]",
    "[/:]",
    r"[a-zA-Z0-9\-.]",
    r"[a-zA-Z0-9\-]",
    r"[a-zA-Z0-9.\-_]",
];

/// For each byte, which of [`CLASSES`] hold it, one bit per class, which
/// of the repeated patterns' classes hold it (ASCII bytes only: a character
/// beyond ASCII is decoded and tested by the class's function), and
/// [`PLAIN`]. A negated class (`[^:\*]`) holds every non-ASCII character, so
/// every byte from 0x80 up; the others hold none of them.
static CLASS_TABLE: [u16; 256] = class_table();

/// The bits of [`CLASS_TABLE`] after [`CLASSES`]' for the repeated
/// patterns' classes (`Shape::Repeated`), set from their functions.
const TAG_KEY: u16 = 1 << 9;
const TAG_VALUE: u16 = 1 << 10;
const FILTER_TYPE: u16 = 1 << 11;
const SCHEDULE: u16 = 1 << 12;
const S3_SUBDIRECTORY: u16 = 1 << 13;
const VERSION_ID: u16 = 1 << 14;

/// The bits of the repeated patterns' classes that hold the ASCII character `c`.
const fn repeated_bits(c: char) -> u16 {
    let classes = [
        (is_tag_key_char(c), TAG_KEY),
        (is_tag_char(c), TAG_VALUE),
        (is_filter_type_char(c), FILTER_TYPE),
        (is_schedule_char(c), SCHEDULE),
        (is_s3_subdirectory_char(c), S3_SUBDIRECTORY),
        (is_version_id_char(c), VERSION_ID),
    ];
    let mut bits = 0;
    let mut index = 0;
    while index < classes.len() {
        if classes[index].0 {
            bits |= classes[index].1;
        }
        index += 1;
    }
    bits
}

/// The bit of [`CLASS_TABLE`] for a byte a JSON string holds as it is: not a
/// quote, a backslash or a control character.
const PLAIN: u16 = 1 << 15;

const fn class_table() -> [u16; 256] {
    let mut table = [0_u16; 256];
    let mut byte = 0;
    while byte < 256 {
        if byte >= 0x20 && byte != b'"' as usize && byte != b'\\' as usize {
            table[byte] = PLAIN;
        }
        if byte < 0x80 {
            table[byte] |= repeated_bits(byte as u8 as char);
        }
        byte += 1;
    }
    let mut index = 0;
    while index < CLASSES.len() {
        let bit = 1 << index;
        let bytes = CLASSES[index].as_bytes();
        assert!(bytes.len() > 2 && bytes[0] == b'[' && bytes[bytes.len() - 1] == b']');
        let negated = bytes[1] == b'^';
        let mut held = [false; 256];
        let mut at = if negated { 2 } else { 1 };
        while at < bytes.len() - 1 {
            let (first, after) = class_char(bytes, at);
            let (last, after) = if bytes[after] == b'-' && after + 1 < bytes.len() - 1 {
                class_char(bytes, after + 1)
            } else {
                (first, after)
            };
            assert!(first <= last);
            let mut byte = first as usize;
            while byte <= last as usize {
                held[byte] = true;
                byte += 1;
            }
            at = after;
        }
        let mut byte = 0;
        while byte < 256 {
            if held[byte] != negated {
                table[byte] |= bit;
            }
            byte += 1;
        }
        index += 1;
    }
    table
}

/// The class character at `at` of a spelling (ASCII, maybe escaped) and where the next one starts.
const fn class_char(bytes: &[u8], at: usize) -> (u8, usize) {
    let byte = bytes[at];
    assert!(byte.is_ascii() && byte != b'[' && byte != b']');
    if byte == b'\\' {
        let escaped = bytes[at + 1];
        assert!(escaped.is_ascii_punctuation());
        (escaped, at + 2)
    } else {
        (byte, at + 1)
    }
}

/// One of [`CLASSES`], as its bit in [`CLASS_TABLE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Class(u16);

impl Class {
    /// The class spelled `spelling`, which must be one of [`CLASSES`] (else the build fails).
    const fn of(spelling: &str) -> Class {
        let mut index = 0;
        while index < CLASSES.len() {
            let listed = CLASSES[index].as_bytes();
            let wanted = spelling.as_bytes();
            if listed.len() == wanted.len() {
                let mut at = 0;
                while at < listed.len() && listed[at] == wanted[at] {
                    at += 1;
                }
                if at == listed.len() {
                    return Class(1 << index);
                }
            }
            index += 1;
        }
        panic!("not one of CLASSES")
    }

    /// Whether `byte` belongs, and with `json` is also [`PLAIN`].
    #[inline(always)]
    fn has(self, byte: u8, json: bool) -> bool {
        let wanted = self.wanted(json);
        CLASS_TABLE[usize::from(byte)] & wanted == wanted
    }

    /// Whether every byte of `bytes` belongs, and with `json` is also
    /// [`PLAIN`]: their entries ANDed, with no branch per byte (one byte,
    /// what most runs must take, read here).
    #[inline(always)]
    fn has_all(self, bytes: &[u8], json: bool) -> bool {
        let wanted = self.wanted(json);
        let all = match bytes {
            [byte] => CLASS_TABLE[usize::from(*byte)],
            _ => entries(bytes),
        };
        all & wanted == wanted
    }

    /// The bits of [`CLASS_TABLE`] a byte needs.
    #[inline(always)]
    fn wanted(self, json: bool) -> u16 {
        if json {
            self.0 | PLAIN
        } else {
            self.0
        }
    }

    /// The model's spelling.
    #[cfg(test)]
    fn spelling(self) -> &'static str {
        CLASSES[self.0.trailing_zeros() as usize]
    }
}

/// One step of an ARN pattern, matched left to right without backtracking:
/// what a run or a group of words may take never holds the byte that comes
/// next (the tests check it), so the longest fit is the only one.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// These bytes.
    Literal(&'static str),
    /// `(one|of|these)`, followed by a literal.
    OneOf(&'static [&'static str]),
    /// `[class]{min,max}` (`+` is `1..`, `*` is `0..`, `{12}` is `12..=12`),
    /// in parentheses when `grouped`.
    Run {
        class: Class,
        min: usize,
        max: usize,
        #[cfg_attr(not(test), allow(dead_code))]
        grouped: bool,
    },
    /// `(literal)?` at the end.
    Optional(&'static str),
    /// `.*` at the end: any characters but line terminators.
    RestOfLine,
}

/// A run of one to any number of `class` bytes (`+`).
const fn some(class: Class) -> Step {
    Step::Run {
        class,
        min: 1,
        max: usize::MAX,
        grouped: false,
    }
}

/// A run of `min` to `max` `class` bytes.
const fn run(class: Class, min: usize, max: usize) -> Step {
    Step::Run {
        class,
        min,
        max,
        grouped: false,
    }
}

/// `arn:(aws|...|aws-iso-b)`: every ARN pattern starts so.
const ARN: Step = Step::Literal("arn:");
const PARTITION: Step = Step::OneOf(&PARTITIONS);
/// `[a-z\-0-9]`, the class of the region.
const REGION: Class = Class::of(r"[a-z\-0-9]");
/// `[0-9]{12}`, the account ID.
const ACCOUNT: Step = run(Class::of("[0-9]"), 12, 12);
/// `[/:]`, the separator in S3 access point ARNs.
const SEPARATOR: Step = run(Class::of("[/:]"), 1, 1);
/// `[a-zA-Z0-9\-]{1,63}`, an S3 on Outposts ID or access point name.
const OUTPOSTS_NAME: Step = run(Class::of(r"[a-zA-Z0-9\-]"), 1, 63);

/// The ARN patterns as steps: one list per alternative of the model's regex.
type Program = &'static [&'static [Step]];

const LOCATION_ARN: Program = &[&[
    ARN,
    PARTITION,
    Step::Literal(":datasync:"),
    some(REGION),
    Step::Literal(":"),
    ACCOUNT,
    Step::Literal(":location/loc-"),
    run(Class::of("[0-9a-z]"), 17, 17),
]];

const TASK_ARN: Program = &[&[
    ARN,
    PARTITION,
    Step::Literal(":datasync:"),
    some(REGION),
    Step::Literal(":"),
    ACCOUNT,
    Step::Literal(":task/task-"),
    run(Class::of("[0-9a-f]"), 17, 17),
]];

const LOG_GROUP_ARN: Program = &[&[
    ARN,
    PARTITION,
    Step::Literal(":logs:"),
    some(REGION),
    Step::Literal(":"),
    ACCOUNT,
    Step::Literal(":log-group:"),
    Step::Run {
        class: Class::of(r"[^:\*]"),
        min: 0,
        max: usize::MAX,
        grouped: true,
    },
    Step::Optional(":*"),
]];

const IAM_ROLE_ARN: Program = &[&[
    ARN,
    PARTITION,
    Step::Literal(":iam::"),
    ACCOUNT,
    Step::Literal(":role/"),
    Step::RestOfLine,
]];

const S3_BUCKET_ARN: Program = &[
    &[
        ARN,
        PARTITION,
        Step::Literal(":s3:"),
        run(REGION, 0, usize::MAX),
        Step::Literal(":"),
        ACCOUNT,
        Step::Literal(":accesspoint"),
        SEPARATOR,
        run(Class::of(r"[a-zA-Z0-9\-.]"), 1, 63),
    ],
    &[
        ARN,
        PARTITION,
        Step::Literal(":s3-outposts:"),
        some(REGION),
        Step::Literal(":"),
        ACCOUNT,
        Step::Literal(":outpost"),
        SEPARATOR,
        OUTPOSTS_NAME,
        SEPARATOR,
        Step::Literal("accesspoint"),
        SEPARATOR,
        OUTPOSTS_NAME,
    ],
    &[
        ARN,
        PARTITION,
        Step::Literal(":s3:::"),
        run(Class::of(r"[a-zA-Z0-9.\-_]"), 1, 255),
    ],
];

/// Whether `text` matches one of the alternatives of `program`.
fn matches_program(program: Program, text: &str) -> bool {
    matches_arn(program, text.as_bytes(), false) == Some(text.len())
}

/// How far one of the alternatives of `program` reaches into `bytes` (as
/// [`matches_steps`] reads `json`): `arn:` and the partition, which every
/// alternative starts with (the tests check it), are read once, and the
/// alternatives' other steps from there, the last first (in the only
/// program with more than one, S3 bucket ARNs, the commonest). Which
/// alternative matches does not matter: without `json`, each reaches the end
/// of `bytes`; with it, the first quote, which no step takes.
fn matches_arn(program: Program, bytes: &[u8], json: bool) -> Option<usize> {
    let at = after_partition(bytes)?;
    let rest = bytes.get(at..)?;
    program
        .iter()
        .rev()
        .find_map(|steps| Some(at + matches_steps(steps.get(2..)?, rest, json)?))
}

/// `arn:aws:`, how most ARNs start: [`ARN`], the first of [`PARTITIONS`]
/// and the colon after it.
const ARN_AWS: &[u8; 8] = b"arn:aws:";

/// Where `arn:` and a partition that `bytes` start with end: before the
/// colon that follows every partition (and that none holds), which is not
/// taken. ASCII letters and hyphens, so [`PLAIN`] too.
fn after_partition(bytes: &[u8]) -> Option<usize> {
    if has_at(bytes, 0, ARN_AWS) {
        return Some(ARN_AWS.len() - 1);
    }
    let Step::Literal(arn) = ARN else {
        return None;
    };
    let at = arn.len();
    has_at(bytes, 0, arn.as_bytes()).then_some(())?;
    let word = PARTITIONS.iter().find(|word| {
        bytes.get(at + word.len()) == Some(&b':') && has_at(bytes, at, word.as_bytes())
    })?;
    Some(at + word.len())
}

/// Whether `bytes` has `literal` at `at`, compared a word at a time
/// ([`same_words`], inlined: the literals are short and known).
#[inline(always)]
fn has_at(bytes: &[u8], at: usize, literal: &[u8]) -> bool {
    bytes
        .get(at..at.saturating_add(literal.len()))
        .is_some_and(|found| same_words(found, literal))
}

/// How far `steps` reach into `bytes`, where they must end: at the end of
/// `bytes`, or with `json` before a quote, every byte on the way [`PLAIN`]
/// (so `bytes` is what follows a JSON string's opening quote, and the reach
/// is the length of a string without escapes that matches). `None` when they
/// do not match. Never reads past the end of a match but to look at the
/// byte after it.
fn matches_steps(steps: &[Step], bytes: &[u8], json: bool) -> Option<usize> {
    let mut at = 0;
    for (index, step) in steps.iter().enumerate() {
        match step {
            Step::Literal(literal) => {
                has_at(bytes, at, literal.as_bytes()).then_some(())?;
                at += literal.len();
            }
            Step::OneOf(words) => {
                // The word that the next step's first byte follows.
                let Some(Step::Literal(next)) = steps.get(index + 1) else {
                    return None;
                };
                let stop = next.as_bytes().first();
                let word = words.iter().find(|word| {
                    bytes.get(at + word.len()) == stop && has_at(bytes, at, word.as_bytes())
                })?;
                at += word.len();
            }
            Step::Run {
                class, min, max, ..
            } => {
                // The `min` bytes the run must take, checked together; then
                // as many more as belong, up to `max`.
                let (must, more) = bytes.get(at..)?.split_at_checked(*min)?;
                class.has_all(must, json).then_some(())?;
                at += min;
                if max > min {
                    let more = more.get(..max - min).unwrap_or(more);
                    at += more
                        .iter()
                        .position(|&byte| !class.has(byte, json))
                        .unwrap_or(more.len());
                }
            }
            Step::Optional(literal) => {
                if has_at(bytes, at, literal.as_bytes()) {
                    at += literal.len();
                }
            }
            Step::RestOfLine => at += rest_of_line(bytes.get(at..)?, json)?,
        }
    }
    let ended = if json {
        bytes.get(at) == Some(&b'"')
    } else {
        at == bytes.len()
    };
    ended.then_some(at)
}

/// How far `.*` reaches into `bytes`: to their end, or with `json` to the
/// first quote, over [`PLAIN`] bytes; `None` if a line terminator comes
/// first (with `json`, a backslash or a control character too).
fn rest_of_line(bytes: &[u8], json: bool) -> Option<usize> {
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' if json => return Some(at),
            b'\n' | b'\r' => return None,
            b'\\' | 0..=0x1f if json => return None,
            // U+0085 and U+2028, U+2029 in UTF-8.
            0xc2 if bytes.get(at + 1) == Some(&0x85) => return None,
            0xe2 if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0xa8 | 0xa9)) =>
            {
                return None
            }
            _ => at += 1,
        }
    }
    (!json).then_some(at)
}

/// One piece of a model (Java) regex, for its translations into other
/// dialects: the JSON Schema's ECMAScript patterns (`json_schema`) and the
/// `regex` crate reference in this file's tests. One reading of the Java
/// syntax, so the two translations cannot read it differently.
#[cfg(test)]
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
#[cfg(test)]
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
            prop_assert_eq!(
                pattern.json_string_length(format!("{text}\"}}").as_bytes()),
                json_reference(pattern, &regex, &text),
                "{:?} on the JSON string {:?}",
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

    /// What [`Pattern::json_string_length`] should give for the JSON bytes
    /// `text` followed by a quote: for an ARN pattern, the length of the
    /// string they start with (up to the first quote) if it has no escape or
    /// control character and `regex` matches it.
    fn json_reference(pattern: Pattern, regex: &Regex, text: &str) -> Option<usize> {
        let string = text.split('"').next().unwrap_or_default();
        let plain = !string.contains(|c: char| c == '\\' || c < ' ');
        (pattern.is_arn() && plain && regex.is_match(string)).then_some(string.len())
    }

    // ----- The ARN patterns' steps, against the model's regexes.

    /// `literal` as a regex (the model escapes `*` in `(:\*)?`).
    fn escaped(literal: &str) -> String {
        literal
            .chars()
            .flat_map(|c| {
                let escape = r"\.*+?()[]{}|^$".contains(c).then_some('\\');
                escape.into_iter().chain([c])
            })
            .collect()
    }

    /// `steps` spelled as a regex, the way the model spells them.
    fn spelled(steps: &[Step]) -> String {
        let mut out = String::from("^");
        for step in steps {
            match *step {
                Step::Literal(literal) => out.push_str(&escaped(literal)),
                Step::OneOf(words) => out.push_str(&format!("({})", words.join("|"))),
                Step::Run {
                    class,
                    min,
                    max,
                    grouped,
                } => {
                    let count = match (min, max) {
                        (1, 1) => String::new(),
                        (0, usize::MAX) => "*".to_owned(),
                        (1, usize::MAX) => "+".to_owned(),
                        (min, max) if min == max => format!("{{{min}}}"),
                        (min, max) => format!("{{{min},{max}}}"),
                    };
                    let run = format!("{}{count}", class.spelling());
                    out.push_str(&if grouped { format!("({run})") } else { run });
                }
                Step::Optional(literal) => out.push_str(&format!("({})?", escaped(literal))),
                Step::RestOfLine => out.push_str(".*"),
            }
        }
        out.push('$');
        out
    }

    /// The ARN patterns and their steps.
    fn programs() -> Vec<(Pattern, Program)> {
        Pattern::ALL
            .iter()
            .filter_map(|&pattern| match pattern.shape() {
                Shape::Structured(program) => Some((pattern, program)),
                Shape::Repeated { .. } => None,
            })
            .collect()
    }

    #[test]
    fn every_alternative_starts_with_arn_and_a_partition_read_once() {
        let Step::Literal(arn) = ARN else {
            panic!("ARN is a literal")
        };
        assert_eq!(ARN_AWS, format!("{arn}{}:", PARTITIONS[0]).as_bytes());
        for (pattern, program) in programs() {
            for steps in program {
                // `after_partition` reads these two and stops before the colon that follows.
                assert!(
                    matches!(steps[..3], [Step::Literal("arn:"), Step::OneOf(words), Step::Literal(next)]
                        if *words == PARTITIONS[..] && next.starts_with(':')),
                    "{pattern:?}"
                );
            }
        }
    }

    #[test]
    fn the_repeated_classes_bits_hold_what_their_functions_say() {
        let mut seen = PLAIN
            | CLASSES
                .map(|spelling| Class::of(spelling).0)
                .iter()
                .fold(0, |all, bit| all | bit);
        for &pattern in Pattern::ALL {
            let Shape::Repeated { allowed, bit, .. } = pattern.shape() else {
                continue;
            };
            if pattern == Pattern::FilterValue {
                // Matched by its least byte, without a bit.
                assert_eq!(bit, 0);
                continue;
            }
            assert_eq!(bit.count_ones(), 1, "{pattern:?}");
            assert_eq!(seen & bit, 0, "{pattern:?}: a bit of its own");
            seen |= bit;
            for byte in 0..=u8::MAX {
                // A byte beyond ASCII is never in a repeated class's bit: its character is decoded.
                let expected = byte.is_ascii() && allowed(char::from(byte));
                assert_eq!(
                    CLASS_TABLE[usize::from(byte)] & bit != 0,
                    expected,
                    "{pattern:?} {byte:#x}"
                );
            }
        }
    }

    /// Characters to put in every position: beyond ASCII (in each class or
    /// not, of two, three and four bytes, and the line terminators), and
    /// the ASCII bytes at the classes' edges.
    fn every_position_characters() -> Vec<char> {
        let mut chars = vec![
            'é', '\u{85}', '\u{A0}', '\u{1680}', '\u{2028}', '\u{2029}', '\u{3000}', '\u{FFFF}',
            '😀', '\0', '\t', '\n', '\r', ' ', '\u{7F}',
        ];
        chars.extend(class_edges());
        chars.extend(
            (0_u8..0x80)
                .map(char::from)
                .filter(|c| c.is_ascii_punctuation()),
        );
        chars
    }

    /// `text`, each of its prefixes, and it with each of `chars` put in
    /// place of and before each of its characters and at its end.
    fn around_every_position(text: &str, chars: &[char]) -> Vec<String> {
        let mut out: Vec<String> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .map(|at| text[..at].to_owned())
            .collect();
        let positions: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        for &at in &positions {
            let (before, after) = text.split_at(at);
            let mut rest = after.chars();
            rest.next();
            for &c in chars {
                out.push(format!("{before}{c}{after}"));
                if at < text.len() {
                    out.push(format!("{before}{c}{}", rest.as_str()));
                }
            }
        }
        out
    }

    #[test]
    fn every_character_in_every_position_is_matched_as_the_regex_does() {
        // Long enough for whole words and the tail after them, in the
        // loops that read a word or four bytes at a time.
        let extra: &[(Pattern, &str)] = &[
            (Pattern::TagKey, "team-name.2024"),
            (Pattern::TagValue, "ops@example.com"),
            (Pattern::FilterType, "SIMPLE_PATTERN"),
            (Pattern::FilterValue, "*.tmp|/scratch|*/.snapshot"),
            (Pattern::ScheduleExpression, "cron(0 2 ? * MON-FRI *)"),
            (Pattern::S3Subdirectory, "reports/2024 (a)"),
            (Pattern::S3ObjectVersionId, "3HL4kqtJlcpXroDTDmJ+rm"),
        ];
        let chars = every_position_characters();
        let mut checked = 0;
        for &pattern in Pattern::ALL {
            let regex = reference(pattern);
            let mut texts: Vec<String> = seeds(pattern);
            texts.extend(
                extra
                    .iter()
                    .filter(|(p, _)| *p == pattern)
                    .map(|(_, t)| t.to_string()),
            );
            // The seeds that match (TagKey shares TagValue's, which has an `@`).
            for seed in texts.into_iter().filter(|seed| regex.is_match(seed)) {
                for text in around_every_position(&seed, &chars) {
                    assert_eq!(
                        pattern.matches(&text),
                        regex.is_match(&text),
                        "{pattern:?} on {text:?}"
                    );
                    assert_eq!(
                        pattern.json_string_length(format!("{text}\"").as_bytes()),
                        json_reference(pattern, &regex, &text),
                        "{pattern:?} on the JSON string {text:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn the_arn_steps_spell_the_models_regexes() {
        let programs = programs();
        assert_eq!(programs.len(), 5);
        for (pattern, program) in programs {
            let alternatives: Vec<String> = program.iter().map(|steps| spelled(steps)).collect();
            assert_eq!(alternatives.join("|"), pattern.model_regex(), "{pattern:?}");
        }
    }

    #[test]
    fn the_classes_hold_what_their_spellings_say() {
        for spelling in CLASSES {
            let reference = Regex::new(&to_rust_regex(spelling, true)).expect("a class");
            let class = Class::of(spelling);
            for byte in 0..=u8::MAX {
                let text = if byte.is_ascii() {
                    char::from(byte).to_string()
                } else {
                    // A byte beyond ASCII starts or continues a character beyond ASCII.
                    "é".to_owned()
                };
                assert_eq!(
                    class.has(byte, false),
                    reference.is_match(&text),
                    "{spelling} and byte {byte:#x}"
                );
                let plain = byte >= b' ' && byte != b'"' && byte != b'\\';
                assert_eq!(class.has(byte, true), class.has(byte, false) && plain);
            }
        }
    }

    /// The bytes that can start what `steps` match (all bytes for a run that may be empty and what follows).
    fn first_bytes(steps: &[Step]) -> Vec<u8> {
        match steps.first() {
            None => Vec::new(),
            Some(Step::Literal(literal) | Step::Optional(literal)) => {
                let mut bytes = vec![literal.as_bytes()[0]];
                if matches!(steps[0], Step::Optional(_)) {
                    bytes.extend(first_bytes(&steps[1..]));
                }
                bytes
            }
            Some(Step::OneOf(words)) => words.iter().map(|word| word.as_bytes()[0]).collect(),
            Some(Step::Run { class, min, .. }) => {
                let mut bytes: Vec<u8> = (0..=u8::MAX).filter(|&b| class.has(b, false)).collect();
                if *min == 0 {
                    bytes.extend(first_bytes(&steps[1..]));
                }
                bytes
            }
            Some(Step::RestOfLine) => (0..=u8::MAX).collect(),
        }
    }

    #[test]
    fn the_arn_steps_never_need_to_backtrack() {
        for (pattern, program) in programs() {
            for steps in program {
                for (at, step) in steps.iter().enumerate() {
                    let after = &steps[at + 1..];
                    match step {
                        // The longest run is the only one: it stops where the next step starts.
                        Step::Run { class, .. } => {
                            for byte in first_bytes(after) {
                                assert!(
                                    !class.has(byte, false),
                                    "{pattern:?}: a run holds {byte:#x}, which may follow it"
                                );
                            }
                        }
                        // A word is told by the byte after it, which none holds.
                        Step::OneOf(words) => {
                            let Some(Step::Literal(next)) = after.first() else {
                                panic!(
                                    "{pattern:?}: a group of words must be followed by a literal"
                                );
                            };
                            let stop = next.as_bytes()[0];
                            assert!(
                                words.iter().all(|word| !word.as_bytes().contains(&stop)),
                                "{pattern:?}"
                            );
                        }
                        // Taken when present: only at the end, where nothing else could take it.
                        Step::Optional(_) | Step::RestOfLine => {
                            assert!(after.is_empty(), "{pattern:?}: {step:?} before the end")
                        }
                        Step::Literal(_) => {}
                    }
                }
            }
        }
    }

    /// A byte of `class` (`'a'` when it has no ASCII one).
    fn member(class: Class) -> char {
        (b' '..0x7f)
            .find(|&b| class.has(b, false))
            .map_or('a', char::from)
    }

    /// The ASCII bytes where any of the classes begins or stops holding, on
    /// both sides of each edge, and characters that JSON or Java's `.` treat
    /// apart.
    fn class_edges() -> Vec<char> {
        let classes = CLASSES.map(Class::of);
        (0_u8..0x80)
            .filter(|&b| {
                classes.iter().any(|class| {
                    let held = class.has(b, false);
                    b.checked_sub(1)
                        .is_some_and(|before| class.has(before, false) != held)
                        || (b < 0x7f && class.has(b + 1, false) != held)
                })
            })
            .map(char::from)
            .chain(['"', '\\', '\n', '\u{85}', '\u{2028}', 'é'])
            .collect()
    }

    /// How to fill step `step` plainly: the literal, the first word, as many
    /// class bytes as a bounded run allows (else one, or `min`), nothing. A
    /// run at its bound is what makes a step after it that may be empty tell
    /// (`[a-z]{1,63}[/:]accesspoint` read as if `[/:]` were optional).
    fn plain_filling(step: &Step) -> String {
        match *step {
            Step::Literal(literal) => literal.to_owned(),
            Step::OneOf(words) => words[0].to_owned(),
            Step::Run {
                class, min, max, ..
            } => {
                let length = if max == usize::MAX { min.max(1) } else { max };
                member(class).to_string().repeat(length)
            }
            Step::Optional(_) => String::new(),
            Step::RestOfLine => "x".to_owned(),
        }
    }

    /// Fillings of `step` at its edges: every word, runs of each length
    /// next to their bounds with edge bytes of the class inside and out, the
    /// literal cut short or changed.
    fn edge_fillings(step: &Step) -> Vec<String> {
        match *step {
            Step::Literal(literal) => {
                let mut out = vec![
                    String::new(),
                    literal[1..].to_owned(),
                    literal[..literal.len() - 1].to_owned(),
                ];
                out.extend((0..literal.len()).map(|at| {
                    let mut changed = literal.to_owned();
                    changed.replace_range(at..=at, "_");
                    changed
                }));
                out
            }
            Step::OneOf(words) => words
                .iter()
                .flat_map(|word| {
                    [
                        word.to_string(),
                        format!("{word}x"),
                        word[..word.len() - 1].to_owned(),
                    ]
                })
                .collect(),
            Step::Run {
                class, min, max, ..
            } => {
                let mut lengths = vec![0, 1, 2, min.saturating_sub(1), min, min + 1];
                if max == usize::MAX {
                    lengths.push(40);
                } else {
                    lengths.extend([max - 1, max, max + 1]);
                }
                let fill = member(class);
                let mut out = Vec::new();
                for length in lengths {
                    let run = fill.to_string().repeat(length);
                    out.push(run.clone());
                    // One edge byte at the start, in the middle and at the end.
                    for edge in class_edges() {
                        for at in [0, length / 2, length.saturating_sub(1)] {
                            let mut chars: Vec<char> = run.chars().collect();
                            if at < chars.len() {
                                chars[at] = edge;
                                out.push(chars.into_iter().collect());
                            }
                        }
                    }
                }
                out
            }
            Step::Optional(literal) => vec![
                String::new(),
                literal.to_owned(),
                literal.repeat(2),
                literal[..1].to_owned(),
            ],
            Step::RestOfLine => [
                "", "abc", "a\nb", "a\rb", "\u{85}", "\u{2028}", "\u{2029}", "é", "\"", "a\\b",
                "\t",
            ]
            .map(str::to_owned)
            .to_vec(),
        }
    }

    /// Strings next to the edges of `steps`: each step at its edges, the others filled plainly.
    fn edge_strings(steps: &[Step]) -> Vec<String> {
        let plain: Vec<String> = steps.iter().map(plain_filling).collect();
        let mut out = vec![plain.concat()];
        for (at, step) in steps.iter().enumerate() {
            for filling in edge_fillings(step) {
                let mut parts = plain.clone();
                parts[at] = filling;
                out.push(parts.concat());
            }
        }
        out
    }

    /// The first string of `candidates` on which `matcher` and `regex`
    /// disagree, as plain text or (with a quote after it) as a JSON string.
    fn disagreement(steps: &[Step], regex: &Regex, candidates: &[String]) -> Option<String> {
        candidates.iter().find_map(|text| {
            let as_text = matches_steps(steps, text.as_bytes(), false) == Some(text.len());
            let string = text.split('"').next().unwrap_or_default();
            let plain = !string.contains(|c: char| c == '\\' || c < ' ');
            let json = matches_steps(steps, format!("{text}\"").as_bytes(), true);
            let json_expected = (plain && regex.is_match(string)).then_some(string.len());
            (as_text != regex.is_match(text) || json != json_expected).then(|| text.clone())
        })
    }

    #[test]
    fn the_arn_steps_agree_with_the_regexes_at_their_edges() {
        for (pattern, program) in programs() {
            let regex = reference(pattern);
            let mut matched = 0;
            for steps in program {
                // Each alternative on its own, against the whole regex: the others never match its strings...
                let candidates = edge_strings(steps);
                assert!(candidates.len() > 100, "{pattern:?}");
                for text in &candidates {
                    assert_eq!(
                        pattern.matches(text),
                        regex.is_match(text),
                        "{pattern:?} on {text:?}"
                    );
                    assert_eq!(
                        pattern.json_string_length(format!("{text}\"").as_bytes()),
                        json_reference(pattern, &regex, text),
                        "{pattern:?} on the JSON string {text:?}"
                    );
                    matched += usize::from(pattern.matches(text));
                }
            }
            assert!(
                matched > 10,
                "{pattern:?}: the edge strings include matches ({matched})"
            );
        }
    }

    /// `steps` broken in one place each, as a matcher with a bug would read
    /// them: a bound off by one, a class that holds another class's bytes, a
    /// literal a byte short, a word or the optional ending missed.
    fn broken(steps: &[Step]) -> Vec<Vec<Step>> {
        let mut out = Vec::new();
        for (at, step) in steps.iter().enumerate() {
            let mut with = |replacement: Step| {
                let mut copy = steps.to_vec();
                copy[at] = replacement;
                out.push(copy);
            };
            match *step {
                Step::Run {
                    class,
                    min,
                    max,
                    grouped,
                } => {
                    let run = |class, min, max| Step::Run {
                        class,
                        min,
                        max,
                        grouped,
                    };
                    if min > 0 {
                        with(run(class, min - 1, max));
                    }
                    with(run(class, min + 1, max.max(min + 1)));
                    if max != usize::MAX {
                        with(run(class, min, max + 1));
                        if max > min {
                            with(run(class, min, max - 1));
                        }
                    }
                    for other in CLASSES.map(Class::of) {
                        if other != class {
                            with(run(other, min, max));
                        }
                    }
                }
                Step::Literal(literal) => with(Step::Literal(&literal[..literal.len() - 1])),
                Step::OneOf(words) => with(Step::OneOf(&words[..words.len() - 1])),
                Step::Optional(_) => with(Step::Literal("")),
                Step::RestOfLine => with(Step::Run {
                    class: Class::of(r"[^:\*]"),
                    min: 0,
                    max: usize::MAX,
                    grouped: false,
                }),
            }
        }
        out
    }

    #[test]
    fn the_edge_strings_catch_every_broken_step() {
        let mut caught = 0;
        for (pattern, program) in programs() {
            for steps in program {
                let candidates = edge_strings(steps);
                // A regex of this alternative alone, so that a broken
                // alternative is not hidden by another that matches.
                let alone = Regex::new(&to_rust_regex(&spelled(steps), true)).expect("valid");
                // The steps as they are: no disagreement.
                assert_eq!(disagreement(steps, &alone, &candidates), None);
                for broken_steps in broken(steps) {
                    assert!(
                        disagreement(&broken_steps, &alone, &candidates).is_some(),
                        "{pattern:?}: no edge string tells {broken_steps:?} from the regex"
                    );
                    caught += 1;
                }
            }
        }
        assert!(caught > 100, "{caught} broken steps");
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
