//! A hostile-input hunt on the patterns (issue 16), through the whole core.
//!
//! `src/patterns.rs` matches the model's patterns without a regex engine,
//! and the single pass and the object path's readers match ARNs as they read
//! them. Its own tests compare each matcher with the `regex` crate; this
//! hunt puts the same kind of strings into every member that has a pattern,
//! in a full request, and checks what a user sees:
//!
//! - `Pattern::matches` agrees with a reference regex written here by hand
//!   with Java's semantics (whole-string match, `\s` ASCII only, `\p{Zs}`,
//!   `.` excluding the line terminators), independent of the module's own
//!   translation;
//! - the report has no `value/pattern-mismatch` at the member when the
//!   reference matches (never a false alarm) and an error there when it does
//!   not;
//! - `validate_text`, `validate_text_by_tree` and the object path
//!   (`validate_walked` on the native walker's words) give byte-identical
//!   reports.
//!
//! The strings: the member's valid example, each of its prefixes, each
//! character replaced by and preceded by hostile characters (ASCII
//! punctuation and controls, two- three- and four-byte UTF-8, U+0085,
//! U+2028, U+2029, U+00A0, U+1680, U+3000, the byte edges 0x7F/0x80,
//! 0x7FF/0x800, 0xFFFF/0x10000), line terminators at the end (Java's `$`),
//! partition near misses, runs at their length edges, and 1 MB strings.

use datasync_task_validator::internal::walked::{validate_walked, walk};
use datasync_task_validator::json::parse;
use datasync_task_validator::{
    validate_text, validate_text_by_tree, Code, Context, Location, LocationType, Operation, Pattern,
};
use regex::Regex;

/// The moment every context is judged at (2026-12-01T00:00:00Z).
const NOW: i64 = 1_795_564_800;

const SOURCE: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
const DESTINATION: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";
const TASK: &str = "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0";

/// Java's `.` for the `regex` crate.
const DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";
/// Java's `\s` inside a class, for the `regex` crate.
const WS: &str = r" \t\n\x0B\x0C\r";
/// The partitions, as the model spells them.
const PART: &str = "(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b)";

/// The model's regex for `pattern`, written by hand with Java's semantics.
fn reference(pattern: Pattern) -> Regex {
    let text = match pattern {
        Pattern::LocationArn => {
            format!(r"^arn:{PART}:datasync:[a-z\-0-9]+:[0-9]{{12}}:location/loc-[0-9a-z]{{17}}$")
        }
        Pattern::TaskArn => {
            format!(r"^arn:{PART}:datasync:[a-z\-0-9]+:[0-9]{{12}}:task/task-[0-9a-f]{{17}}$")
        }
        Pattern::LogGroupArn => {
            format!(r"^arn:{PART}:logs:[a-z\-0-9]+:[0-9]{{12}}:log-group:([^:*]*)(:\*)?$")
        }
        Pattern::TagKey => format!(r"^[a-zA-Z0-9{WS}+=._:/\-]+$"),
        Pattern::TagValue => format!(r"^[a-zA-Z0-9{WS}+=._:@/\-]+$"),
        Pattern::FilterType => r"^[A-Z0-9_]+$".to_owned(),
        Pattern::FilterValue => r"^[^\x00]+$".to_owned(),
        Pattern::ScheduleExpression => format!(r"^[a-zA-Z0-9 _*?,|\^\-/#{WS}()+]*$"),
        Pattern::S3Subdirectory => r"^[a-zA-Z0-9_\-+./()\p{Zs}]*$".to_owned(),
        Pattern::IamRoleArn => format!(r"^arn:{PART}:iam::[0-9]{{12}}:role/{DOT}*$"),
        Pattern::S3BucketArn => format!(
            r"^arn:{PART}:s3:[a-z\-0-9]*:[0-9]{{12}}:accesspoint[/:][a-zA-Z0-9\-.]{{1,63}}$|^arn:{PART}:s3-outposts:[a-z\-0-9]+:[0-9]{{12}}:outpost[/:][a-zA-Z0-9\-]{{1,63}}[/:]accesspoint[/:][a-zA-Z0-9\-]{{1,63}}$|^arn:{PART}:s3:::[a-zA-Z0-9.\-_]{{1,255}}$"
        ),
        Pattern::S3ObjectVersionId => format!("^{DOT}+$"),
    };
    Regex::new(&text).expect("the reference compiles")
}

/// A member with a pattern: its operation, its path, the pattern and
/// valid examples (beside a request whose member is the placeholder `@@`).
struct Member {
    operation: Operation,
    path: &'static str,
    pattern: Pattern,
    valid: &'static [&'static str],
}

/// A CreateTask request with its locations and `extra` (holding `@@`).
fn create(extra: &str) -> String {
    format!(
        r#"{{"SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{DESTINATION}",{extra}}}"#
    )
}

fn members() -> Vec<(Member, String)> {
    let report = r#""TaskReportConfig":{"Destination":{"S3":{"Subdirectory":"reports/","S3BucketArn":"arn:aws:s3:::amzn-s3-demo-bucket","BucketAccessRoleArn":"arn:aws:iam::111122223333:role/DataSyncS3Access"}},"OutputType":"STANDARD","ReportLevel":"ERRORS_ONLY"}"#;
    let manifest = r#""TaskMode":"ENHANCED","ManifestConfig":{"Action":"TRANSFER","Format":"CSV","Source":{"S3":{"ManifestObjectPath":"manifests/july.csv","BucketAccessRoleArn":"arn:aws:iam::111122223333:role/DataSyncS3Access","S3BucketArn":"arn:aws:s3:::amzn-s3-demo-bucket","ManifestObjectVersionId":"v1"}}}"#;
    let list = [
        (
            Member {
                operation: Operation::CreateTask,
                path: "/SourceLocationArn",
                pattern: Pattern::LocationArn,
                valid: &[
                    SOURCE,
                    "arn:aws-iso-b:datasync:a:123456789012:location/loc-00000000000000000",
                ],
            },
            format!(r#"{{"SourceLocationArn":"@@","DestinationLocationArn":"{DESTINATION}"}}"#),
        ),
        (
            Member {
                operation: Operation::StartTaskExecution,
                path: "/TaskArn",
                pattern: Pattern::TaskArn,
                valid: &[
                    TASK,
                    "arn:aws-eusc:datasync:a-1:123456789012:task/task-abcdef0123456789a",
                ],
            },
            r#"{"TaskArn":"@@"}"#.to_owned(),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/CloudWatchLogGroupArn",
                pattern: Pattern::LogGroupArn,
                valid: &[
                    "arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*",
                    "arn:aws-us-gov:logs:a:123456789012:log-group:",
                    "arn:aws-cn:logs:a:123456789012:log-group:é😀",
                ],
            },
            create(r#""CloudWatchLogGroupArn":"@@""#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Name",
                pattern: Pattern::TagValue,
                valid: &["nightly-nfs-to-s3", "a@b c"],
            },
            create(r#""Name":"@@""#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Tags/0/Key",
                pattern: Pattern::TagKey,
                valid: &["cost-center", "a=b/c.d_e:f+g"],
            },
            create(r#""Tags":[{"Key":"@@","Value":"v"}]"#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Tags/0/Value",
                pattern: Pattern::TagValue,
                valid: &["ops@example.com"],
            },
            create(r#""Tags":[{"Key":"k","Value":"@@"}]"#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Excludes/0/FilterType",
                pattern: Pattern::FilterType,
                valid: &["SIMPLE_PATTERN"],
            },
            create(r#""Excludes":[{"FilterType":"@@","Value":"*.tmp"}]"#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Excludes/0/Value",
                pattern: Pattern::FilterValue,
                valid: &["*.tmp|/scratch|*/.snapshot"],
            },
            create(r#""Excludes":[{"FilterType":"SIMPLE_PATTERN","Value":"@@"}]"#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/Schedule/ScheduleExpression",
                pattern: Pattern::ScheduleExpression,
                valid: &["cron(0 2 ? * MON-FRI *)", "rate(1 hour)"],
            },
            create(r#""Schedule":{"ScheduleExpression":"@@"}"#),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/TaskReportConfig/Destination/S3/Subdirectory",
                pattern: Pattern::S3Subdirectory,
                valid: &["reports/ (a)\u{A0}\u{3000}"],
            },
            create(&report.replace("reports/", "@@")),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/TaskReportConfig/Destination/S3/S3BucketArn",
                pattern: Pattern::S3BucketArn,
                valid: &[
                    "arn:aws:s3:::amzn-s3-demo-bucket",
                    "arn:aws:s3::123456789012:accesspoint/my.ap",
                    "arn:aws-iso:s3:a:123456789012:accesspoint:a",
                    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1:accesspoint:ap",
                ],
            },
            create(&report.replace("arn:aws:s3:::amzn-s3-demo-bucket", "@@")),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/TaskReportConfig/Destination/S3/BucketAccessRoleArn",
                pattern: Pattern::IamRoleArn,
                valid: &[
                    "arn:aws:iam::111122223333:role/DataSyncS3Access",
                    "arn:aws-cn:iam::123456789012:role/",
                    "arn:aws-iso-b:iam::123456789012:role/é\u{A0}😀\t",
                ],
            },
            create(&report.replace("arn:aws:iam::111122223333:role/DataSyncS3Access", "@@")),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/ManifestConfig/Source/S3/ManifestObjectPath",
                pattern: Pattern::S3Subdirectory,
                valid: &["manifests/july.csv"],
            },
            create(&manifest.replace("manifests/july.csv", "@@")),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/ManifestConfig/Source/S3/ManifestObjectVersionId",
                pattern: Pattern::S3ObjectVersionId,
                valid: &["3HL4kqtJlcpXroDTDmJ+rm", "é\u{A0}😀\t"],
            },
            create(&manifest.replace(r#""v1""#, r#""@@""#)),
        ),
        (
            Member {
                operation: Operation::CreateTask,
                path: "/ManifestConfig/Source/S3/S3BucketArn",
                pattern: Pattern::S3BucketArn,
                valid: &["arn:aws:s3:::amzn-s3-demo-bucket"],
            },
            create(&manifest.replace("arn:aws:s3:::amzn-s3-demo-bucket", "@@")),
        ),
    ];
    list.into_iter()
        .map(|(member, request)| {
            assert!(request.contains("\"@@\""), "{}", member.path);
            (member, request)
        })
        .collect()
}

/// Characters put in every position.
fn hostile() -> Vec<char> {
    let mut chars = vec![
        '\0',
        '\t',
        '\n',
        '\u{0B}',
        '\u{0C}',
        '\r',
        '\u{1F}',
        ' ',
        '\u{7F}',
        '\u{80}',
        '\u{85}',
        '\u{A0}',
        '\u{FF}',
        '\u{100}',
        'é',
        '\u{7FF}',
        '\u{800}',
        '\u{1680}',
        '\u{2000}',
        '\u{200A}',
        '\u{200B}',
        '\u{2028}',
        '\u{2029}',
        '\u{202F}',
        '\u{205F}',
        '\u{3000}',
        '\u{FEFF}',
        '\u{FFFF}',
        '\u{10000}',
        '😀',
        '\u{10FFFF}',
        'A',
        'Z',
        'a',
        'f',
        'g',
        'z',
        '0',
        '9',
        'K',
        'ſ',
        'K',
    ];
    chars.extend(
        (0x21_u8..0x7F)
            .map(char::from)
            .filter(|c| c.is_ascii_punctuation()),
    );
    chars
}

/// `valid`, its prefixes, each character replaced by and preceded by each
/// of `chars`, and line terminators after it.
fn around(valid: &str, chars: &[char]) -> Vec<String> {
    let mut out: Vec<String> = valid
        .char_indices()
        .map(|(at, _)| valid[..at].to_owned())
        .collect();
    out.push(valid.to_owned());
    let positions: Vec<usize> = valid
        .char_indices()
        .map(|(at, _)| at)
        .chain([valid.len()])
        .collect();
    for &at in &positions {
        let (before, after) = valid.split_at(at);
        let mut rest = after.chars();
        rest.next();
        for &c in chars {
            out.push(format!("{before}{c}{after}"));
            if at < valid.len() {
                out.push(format!("{before}{c}{}", rest.as_str()));
            }
        }
    }
    for end in [
        "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", " \n",
    ] {
        out.push(format!("{valid}{end}"));
        out.push(format!("{end}{valid}"));
    }
    out
}

/// ARNs with the partition and the fields at their edges, for `pattern`.
fn arn_edges(pattern: Pattern) -> Vec<String> {
    let partitions = [
        "aws",
        "aws-cn",
        "aws-us-gov",
        "aws-eusc",
        "aws-iso",
        "aws-iso-b",
        "aws-",
        "aws-iso-c",
        "aws-iso-",
        "aws-isob",
        "AWS",
        "aws-cn-",
        "aws-us",
        "aw",
        "",
        "awsaws",
        "aws:aws",
        "aws-iso-b-",
        "aws-iso-f",
        "aws-eu",
        "aws-eusc-",
    ];
    let digits = |n: usize| "1".repeat(n);
    let mut out = Vec::new();
    for p in partitions {
        for account in [11, 12, 13] {
            let a = digits(account);
            match pattern {
                Pattern::LocationArn => {
                    for id in [16, 17, 18] {
                        out.push(format!(
                            "arn:{p}:datasync:us-east-1:{a}:location/loc-{}",
                            "z".repeat(id)
                        ));
                    }
                    out.push(format!(
                        "arn:{p}:datasync::{a}:location/loc-{}",
                        "0".repeat(17)
                    ));
                }
                Pattern::TaskArn => {
                    for id in [16, 17, 18] {
                        out.push(format!(
                            "arn:{p}:datasync:r:{a}:task/task-{}",
                            "f".repeat(id)
                        ));
                    }
                    out.push(format!(
                        "arn:{p}:datasync:r:{a}:task/task-{}g",
                        "f".repeat(16)
                    ));
                }
                Pattern::LogGroupArn => {
                    for tail in ["", ":*", "g:*", "g:", "g*", "g:*:*", "g::*", ":**", "*"] {
                        out.push(format!("arn:{p}:logs:r:{a}:log-group:{tail}"));
                    }
                }
                Pattern::IamRoleArn => {
                    for tail in ["", "x", "a/b", "\n", "x\u{2028}"] {
                        out.push(format!("arn:{p}:iam::{a}:role/{tail}"));
                    }
                    out.push(format!("arn:{p}:iam:r:{a}:role/x"));
                }
                Pattern::S3BucketArn => {
                    for n in [0, 1, 62, 63, 64] {
                        let name = "n".repeat(n);
                        out.push(format!("arn:{p}:s3::{a}:accesspoint/{name}"));
                        out.push(format!("arn:{p}:s3:r:{a}:accesspoint:{name}"));
                        out.push(format!(
                            "arn:{p}:s3-outposts:r:{a}:outpost/{name}/accesspoint/x"
                        ));
                        out.push(format!(
                            "arn:{p}:s3-outposts:r:{a}:outpost:x:accesspoint:{name}"
                        ));
                        out.push(format!("arn:{p}:s3-outposts::{a}:outpost/x/accesspoint/x"));
                    }
                    if account == 12 {
                        for n in [0, 1, 254, 255, 256] {
                            out.push(format!("arn:{p}:s3:::{}", "b".repeat(n)));
                        }
                        out.push(format!("arn:{p}:s3:::a.b-c_D"));
                        out.push(format!("arn:{p}:s3::::b"));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Strings at each repeated class's length edges and 1 MB long.
fn long_strings(pattern: Pattern) -> Vec<String> {
    let filler = match pattern {
        Pattern::FilterType => "A",
        Pattern::LocationArn
        | Pattern::TaskArn
        | Pattern::LogGroupArn
        | Pattern::IamRoleArn
        | Pattern::S3BucketArn => "",
        _ => "a",
    };
    let mut out = Vec::new();
    for n in [
        0, 1, 127, 128, 129, 255, 256, 257, 1023, 1024, 1025, 4096, 4097,
    ] {
        out.push(filler.repeat(n));
    }
    out
}

fn contexts(operation: Operation, locations: &[Location]) -> Vec<Context<'_>> {
    vec![
        Context::at(NOW).for_operation(operation),
        Context::at(NOW)
            .for_operation(operation)
            .with_locations(locations),
    ]
}

/// The JSON text of `request` with `value` in place of `@@`.
fn with_value(request: &str, value: &str) -> String {
    let quoted = serde_json::to_string(value).expect("a string");
    request.replacen("\"@@\"", &quoted, 1)
}

/// Checks one string in one member; returns a description of what is wrong.
fn check(member: &Member, request: &str, regex: &Regex, value: &str, locations: &[Location]) {
    let expected = regex.is_match(value);
    assert_eq!(
        member.pattern.matches(value),
        expected,
        "{:?}.matches({value:?})",
        member.pattern
    );
    let text = with_value(request, value);
    for context in contexts(member.operation, locations) {
        let general = validate_text_by_tree(&text, &context);
        let fast = validate_text(&text, &context).to_json_text();
        let general_text = general.to_json_text();
        assert_eq!(fast, general_text, "the text paths differ on {text}");
        if let Ok(parsed) = parse(&text) {
            if parsed.findings.is_empty() {
                if let Some((words, strings, units)) = walk(&parsed.value, member.operation) {
                    let object = validate_walked(&words, &strings, units, &context)
                        .expect("words the walker writes")
                        .to_json_text();
                    assert_eq!(object, general_text, "the object path differs on {text}");
                }
            }
        }
        let mismatch = general
            .diagnostics
            .iter()
            .any(|d| d.code == Code::PatternMismatch && d.path == member.path);
        if expected {
            assert!(
                !mismatch,
                "a false pattern mismatch on {value:?} at {}",
                member.path
            );
        } else {
            let error_there = general.diagnostics.iter().any(|d| {
                d.path == member.path && d.severity == datasync_task_validator::Severity::Error
            });
            assert!(
                error_there,
                "no error for {value:?} at {}: {general_text}",
                member.path
            );
        }
    }
}

#[test]
fn every_member_with_a_pattern_judges_hostile_strings_as_the_java_regex_on_every_path() {
    let locations = [
        Location::of_type(SOURCE, LocationType::S3),
        Location::of_type(DESTINATION, LocationType::Nfs),
    ];
    let chars = hostile();
    let mut checked = 0_usize;
    for (member, request) in members() {
        let regex = reference(member.pattern);
        let mut values: Vec<String> = Vec::new();
        for valid in member.valid {
            assert!(regex.is_match(valid), "{valid:?} is valid");
            values.extend(around(valid, &chars));
        }
        values.extend(arn_edges(member.pattern));
        values.extend(long_strings(member.pattern));
        for value in &values {
            check(&member, &request, &regex, value, &locations);
            checked += 1;
        }
    }
    assert!(checked > 50_000, "{checked}");
}

#[test]
fn megabyte_strings_are_matched_in_linear_time() {
    let mb = 1 << 20;
    let cases: Vec<(Pattern, String)> = vec![
        (Pattern::TagValue, "a".repeat(mb)),
        (Pattern::TagValue, format!("{}é", "a".repeat(mb))),
        (Pattern::TagKey, format!("{}@", " ".repeat(mb))),
        (Pattern::FilterValue, format!("{}\0", "é".repeat(mb / 2))),
        (Pattern::S3Subdirectory, "\u{3000}".repeat(mb / 3)),
        (
            Pattern::S3ObjectVersionId,
            format!("{}\u{2028}", "😀".repeat(mb / 4)),
        ),
        (Pattern::ScheduleExpression, "( ".repeat(mb / 2)),
        (
            Pattern::LogGroupArn,
            format!(
                "arn:aws:logs:r:123456789012:log-group:{}:*",
                "é".repeat(mb / 2)
            ),
        ),
        (
            Pattern::LogGroupArn,
            format!(
                "arn:aws:logs:r:123456789012:log-group:{}",
                ":*".repeat(mb / 2)
            ),
        ),
        (
            Pattern::IamRoleArn,
            format!("arn:aws:iam::123456789012:role/{}\n", "é".repeat(mb / 2)),
        ),
        (
            Pattern::LocationArn,
            format!(
                "arn:aws:datasync:{}:123456789012:location/loc-",
                "a".repeat(mb)
            ),
        ),
        (
            Pattern::S3BucketArn,
            format!("arn:aws:s3:{}:123456789012:accesspoint/a", "-".repeat(mb)),
        ),
        (
            Pattern::S3BucketArn,
            format!(
                "arn:aws:s3-outposts:{}:123456789012:outpost/a/accesspoint/a",
                "1".repeat(mb)
            ),
        ),
    ];
    for (pattern, text) in cases {
        // Each call returns (a hang fails the run by its time limit) and agrees.
        assert_eq!(
            pattern.matches(&text),
            reference(pattern).is_match(&text),
            "{pattern:?} on a 1 MB string"
        );
    }
}

/// Pieces the random edits splice in: the ARNs' words and separators.
const TOKENS: &[&str] = &[
    "arn:",
    "aws",
    "aws-",
    "-iso",
    "-b",
    "-cn",
    "-us-gov",
    "-eusc",
    ":",
    "::",
    ":::",
    "/",
    "*",
    ":*",
    "accesspoint",
    "outpost",
    "s3",
    "s3-outposts",
    "datasync",
    "logs",
    "iam",
    "role/",
    "location/loc-",
    "task/task-",
    "log-group:",
    "123456789012",
    "0123456789abcdef0",
    "\u{85}",
    "\u{2028}",
    "\r\n",
    "é",
    "😀",
    "\u{A0}",
    "\u{3000}",
];

/// A valid example of `member` edited one to four times at random.
fn edited(valid: &str, chars: &[char], rng: &mut fastrand::Rng) -> String {
    let mut text: Vec<char> = valid.chars().collect();
    for _ in 0..rng.usize(1..=4) {
        let at = rng.usize(0..=text.len());
        match rng.u8(0..5) {
            0 => text.insert(at, chars[rng.usize(0..chars.len())]),
            1 if at < text.len() => text[at] = chars[rng.usize(0..chars.len())],
            2 if at < text.len() => {
                let end = text.len().min(at + rng.usize(1..20));
                text.drain(at..end);
            }
            3 => {
                let token = TOKENS[rng.usize(0..TOKENS.len())];
                text.splice(at..at, token.chars());
            }
            _ => {
                // A run repeated: a field pushed past its length.
                if at < text.len() {
                    let c = text[at];
                    let n = rng.usize(1..70);
                    text.splice(at..at, std::iter::repeat_n(c, n));
                }
            }
        }
    }
    text.into_iter().collect()
}

#[test]
fn random_edits_of_valid_examples_are_judged_as_the_java_regex_on_every_path() {
    // HUNT5_COUNT edited strings per member (default 2,000); each tenth goes
    // through the three paths too. HUNT5_SEED sets the seed.
    let count: usize = std::env::var("HUNT5_COUNT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("HUNT5_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24);
    let mut rng = fastrand::Rng::with_seed(seed);
    let locations = [
        Location::of_type(SOURCE, LocationType::S3),
        Location::of_type(DESTINATION, LocationType::Nfs),
    ];
    let chars = hostile();
    let mut accepted = 0_usize;
    let mut total = 0_usize;
    for (member, request) in members() {
        let regex = reference(member.pattern);
        for index in 0..count {
            let valid = member.valid[rng.usize(0..member.valid.len())];
            let value = edited(valid, &chars, &mut rng);
            let expected = regex.is_match(&value);
            accepted += usize::from(expected);
            total += 1;
            if index % 10 == 0 {
                check(&member, &request, &regex, &value, &locations);
            } else {
                assert_eq!(
                    member.pattern.matches(&value),
                    expected,
                    "{:?}.matches({value:?})",
                    member.pattern
                );
            }
        }
    }
    // Both verdicts are exercised.
    assert!(
        accepted > total / 50 && accepted < total - total / 50,
        "{accepted} of {total}"
    );
}
