//! Fixes: a diagnostic with exactly one unambiguous fix carries it as RFC 6902
//! JSON Patch operations on the request. Each case below validates a request,
//! checks the fix its diagnostic carries, applies the patch and validates
//! again: the diagnostic must be gone and nothing new may appear. Diagnostics
//! whose remedy is a choice carry no fix.

use std::borrow::Cow;

use datasync_task_validator::json::{self, Value};
use datasync_task_validator::{validate_text, Context};
use datasync_task_validator::{Diagnostic, PatchOp};

/// 2026-11-25T00:00:00Z.
const NOW: i64 = 1_795_564_800;

fn request(extra: &str) -> String {
    format!(
        r#"{{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","DestinationLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210",{extra}}}"#
    )
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    validate_text(text, &Context::at(NOW)).diagnostics
}

fn only(text: &str, code: &str) -> Diagnostic {
    let found: Vec<Diagnostic> = diagnostics(text)
        .into_iter()
        .filter(|d| d.code.as_str() == code)
        .collect();
    assert_eq!(found.len(), 1, "{code} in {text}: {found:?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn replace(path: &str, value: &str) -> PatchOp {
    PatchOp::Replace {
        path: path.to_owned(),
        value: Value::from(value.to_owned()),
    }
}

fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The object holding the member `pointer` names (through objects and lists), and the member's name.
fn parent<'v, 'a>(
    root: &'v mut Value<'a>,
    pointer: &str,
) -> (&'v mut Vec<(Cow<'a, str>, Value<'a>)>, String) {
    let mut names = segments(pointer);
    let last = names.pop().expect("a member pointer");
    let mut node = root;
    for name in names {
        node = match node {
            Value::Object(members) => {
                &mut members
                    .iter_mut()
                    .rev()
                    .find(|(n, _)| *n == name)
                    .expect("parent exists")
                    .1
            }
            Value::Array(items) => {
                let index: usize = name.parse().expect("a list index");
                items.get_mut(index).expect("the item exists")
            }
            _ => panic!("{pointer}: not an object or a list"),
        };
    }
    let Value::Object(members) = node else {
        panic!("{pointer}: parent is not an object")
    };
    (members, last)
}

/// Applies a JSON Patch as RFC 6902 defines add, replace and move for members.
fn apply(text: &str, patch: &[PatchOp]) -> String {
    let mut root = json::parse(text).expect("JSON").value;
    for operation in patch {
        match operation {
            PatchOp::Replace { path, value } => {
                let (members, name) = parent(&mut root, path);
                let slot = members
                    .iter_mut()
                    .rev()
                    .find(|(n, _)| *n == name)
                    .expect("replace: the member exists");
                slot.1 = value.clone();
            }
            PatchOp::Add { path, value } => {
                let (members, name) = parent(&mut root, path);
                assert!(
                    !members.iter().any(|(n, _)| *n == name),
                    "add: {path} is already set"
                );
                members.push((Cow::Owned(name), value.clone()));
            }
            PatchOp::Move { from, path } => {
                let (members, name) = parent(&mut root, from);
                let at = members
                    .iter()
                    .position(|(n, _)| *n == name)
                    .expect("move: the member exists");
                let (_, moved) = members.remove(at);
                let (members, name) = parent(&mut root, path);
                assert!(
                    !members.iter().any(|(n, _)| *n == name),
                    "move: {path} is already set"
                );
                members.push((Cow::Owned(name), moved));
            }
        }
    }
    json::to_string(&root)
}

/// The diagnostic `code` carries `expected` as its fix, and applying it leaves
/// a request with neither that diagnostic nor any new one.
fn fixes(extra: &str, code: &str, expected: &[PatchOp]) {
    let text = request(extra);
    let diagnostic = only(&text, code);
    assert_eq!(diagnostic.fix, expected, "{text}");
    let fixed = apply(&text, &diagnostic.fix);
    let before: Vec<(String, &str)> = diagnostics(&text)
        .into_iter()
        .map(|d| (d.path.into_owned(), d.code.as_str()))
        .collect();
    let after: Vec<(String, &str)> = diagnostics(&fixed)
        .into_iter()
        .map(|d| (d.path.into_owned(), d.code.as_str()))
        .collect();
    assert!(
        !after.iter().any(|(_, c)| *c == code),
        "{code} is still reported for {fixed}"
    );
    for found in &after {
        assert!(
            before.contains(found),
            "the fix brought {found:?} into {fixed}"
        );
    }
}

fn no_fix(extra: &str, code: &str) {
    let text = request(extra);
    assert_eq!(only(&text, code).fix, [], "{text}");
}

#[test]
fn a_five_field_cron_becomes_the_six_field_expression_that_means_the_same() {
    let path = "/Schedule/ScheduleExpression";
    for (five, six) in [
        ("cron(0 8 * * 3#1)", "cron(0 8 ? * 4#1 *)"),
        ("cron(30 6 1,15 * *)", "cron(30 6 1,15 * ? *)"),
        ("cron(0 8 ? * MON)", "cron(0 8 ? * MON *)"),
    ] {
        let extra = format!(r#""Schedule":{{"ScheduleExpression":"{five}"}}"#);
        fixes(&extra, "schedule/five-field-cron", &[replace(path, six)]);
    }
    // Unix runs on either day when both day fields are set; EventBridge cannot
    // say that, so the suggestion is another schedule and not a fix.
    no_fix(
        r#""Schedule":{"ScheduleExpression":"cron(0 8 1 * 1)"}"#,
        "schedule/five-field-cron",
    );
}

#[test]
fn an_enum_value_in_the_wrong_case_gets_the_right_case() {
    fixes(
        r#""Options":{"VerifyMode":"only_files_transferred"}"#,
        "value/not-in-enum",
        &[replace("/Options/VerifyMode", "ONLY_FILES_TRANSFERRED")],
    );
    fixes(
        r#""TaskMode":"Enhanced""#,
        "value/not-in-enum",
        &[replace("/TaskMode", "ENHANCED")],
    );
    // A value that is not a case variant has no single right answer.
    no_fix(
        r#""Options":{"VerifyMode":"SOMETIMES"}"#,
        "value/not-in-enum",
    );
}

#[test]
fn a_misspelt_member_is_renamed_to_the_known_one() {
    fixes(
        r#""Options":{"VerfyMode":"NONE"}"#,
        "request/unknown-member",
        &[PatchOp::Move {
            from: "/Options/VerfyMode".to_owned(),
            path: "/Options/VerifyMode".to_owned(),
        }],
    );
    fixes(
        r#""Nme":"nightly""#,
        "request/unknown-member",
        &[PatchOp::Move {
            from: "/Nme".to_owned(),
            path: "/Name".to_owned(),
        }],
    );
    // The known member is set already: renaming would overwrite it.
    no_fix(r#""Nme":"a","Name":"b""#, "request/unknown-member");
    // Two members are as near (Atime and Mtime): the suggestion names one, but
    // which was meant is not known.
    no_fix(r#""Options":{"Xtime":"NONE"}"#, "request/unknown-member");
    // A member that belongs one level down is a suggestion, not a rename.
    no_fix(r#""VerifyMode":"NONE""#, "request/unknown-member");
}

#[test]
fn atime_is_aligned_with_mtime_in_basic_mode() {
    // Both set: Atime is blamed and follows Mtime.
    fixes(
        r#""Options":{"Atime":"BEST_EFFORT","Mtime":"NONE"}"#,
        "options/atime-mtime-mismatch",
        &[replace("/Options/Atime", "NONE")],
    );
    fixes(
        r#""Options":{"Atime":"NONE","Mtime":"PRESERVE"}"#,
        "options/atime-mtime-mismatch",
        &[replace("/Options/Atime", "BEST_EFFORT")],
    );
    // Only Mtime set: Atime's default disagrees, so Atime is added.
    fixes(
        r#""Options":{"Mtime":"NONE"}"#,
        "options/atime-mtime-mismatch",
        &[PatchOp::Add {
            path: "/Options/Atime".to_owned(),
            value: Value::from("NONE".to_owned()),
        }],
    );
    // Only Atime set: the member left out (Mtime) is blamed and added.
    fixes(
        r#""Options":{"Atime":"NONE"}"#,
        "options/atime-mtime-mismatch",
        &[PatchOp::Add {
            path: "/Options/Mtime".to_owned(),
            value: Value::from("NONE".to_owned()),
        }],
    );
}

#[test]
fn schedules_get_the_documented_spelling() {
    let path = "/Schedule/ScheduleExpression";
    for (written, documented) in [
        ("CRON(0 8 ? * 4#1 *)", "cron(0 8 ? * 4#1 *)"),
        (" rate(1 day)", "rate(1 day)"),
        ("rate(2 Hours)", "rate(2 hours)"),
        // A space before the parenthesis: as undocumented as one after it.
        ("Rate (1 day)", "rate(1 day)"),
        ("cron (0 8 ? * 4#1 *)", "cron(0 8 ? * 4#1 *)"),
    ] {
        let extra = format!(r#""Schedule":{{"ScheduleExpression":"{written}"}}"#);
        fixes(
            &extra,
            "schedule/nonstandard-spelling",
            &[replace(path, documented)],
        );
    }
    // The unit in the number EventBridge requires (a warning: DataSync's
    // behaviour is unknown).
    for (written, documented) in [
        ("rate(1 hours)", "rate(1 hour)"),
        ("rate(1 days)", "rate(1 day)"),
        ("rate(12 day)", "rate(12 days)"),
    ] {
        let extra = format!(r#""Schedule":{{"ScheduleExpression":"{written}"}}"#);
        fixes(
            &extra,
            "schedule/rate-unit-singular-plural",
            &[replace(path, documented)],
        );
    }
}

#[test]
fn a_cron_with_a_star_day_field_gets_the_question_mark_it_needs() {
    let path = "/Schedule/ScheduleExpression";
    fixes(
        r#""Schedule":{"ScheduleExpression":"cron(0 8 1 * * *)"}"#,
        "schedule/invalid-expression",
        &[replace(path, "cron(0 8 1 * ? *)")],
    );
    fixes(
        r#""Schedule":{"ScheduleExpression":"cron(0 8 * * MON *)"}"#,
        "schedule/invalid-expression",
        &[replace(path, "cron(0 8 ? * MON *)")],
    );
    // Both day fields given, or both "?": which one to keep is the user's choice.
    no_fix(
        r#""Schedule":{"ScheduleExpression":"cron(0 8 1 * MON *)"}"#,
        "schedule/invalid-expression",
    );
    no_fix(
        r#""Schedule":{"ScheduleExpression":"cron(0 8 ? * ? *)"}"#,
        "schedule/invalid-expression",
    );
}

#[test]
fn cleaned_spellings_are_fixes() {
    // A stray comma in a cron list: the cleaned expression.
    fixes(
        r#""Schedule":{"ScheduleExpression":"cron(0 8,,20 ? * MON-FRI, *)"}"#,
        "schedule/nonstandard-spelling",
        &[replace(
            "/Schedule/ScheduleExpression",
            "cron(0 8,20 ? * MON-FRI *)",
        )],
    );
    // A run of trailing `*` in include patterns: one `*`, in every pattern that has a run.
    fixes(
        r#""Includes":[{"FilterType":"SIMPLE_PATTERN","Value":"/logs/**|/tmp/a|/data***"}]"#,
        "filter/include-trailing-wildcards",
        &[replace("/Includes/0/Value", "/logs/*|/tmp/a|/data*")],
    );
}

#[test]
fn choices_are_not_fixes() {
    // Too frequent: how often to run instead is the user's decision.
    no_fix(
        r#""Schedule":{"ScheduleExpression":"rate(30 minutes)"}"#,
        "schedule/too-frequent",
    );
    no_fix(
        r#""Options":{"TransferMode":"ALL","PreserveDeletedFiles":"REMOVE"}"#,
        "options/remove-with-transfer-all",
    );
}

#[test]
fn the_report_writes_the_fix_as_json_patch() {
    let report = validate_text(
        &request(r#""Options":{"VerfyMode":"NONE","Mtime":"NONE"}"#),
        &Context::at(NOW),
    );
    let text = report.to_json_text();
    let written = json::parse(&text).expect("JSON").value;
    let Some(Value::Array(errors)) = written.get("errors") else {
        panic!("errors")
    };
    let fixes: Vec<String> = errors
        .iter()
        .filter_map(|e| e.get("fix"))
        .map(json::to_string)
        .collect();
    assert_eq!(
        fixes,
        [
            r#"[{"op":"add","path":"/Options/Atime","value":"NONE"}]"#,
            r#"[{"op":"move","from":"/Options/VerfyMode","path":"/Options/VerifyMode"}]"#,
        ]
    );
    // No fix, no member.
    let plain = validate_text(
        &request(r#""Options":{"VerifyMode":"SOMETIMES"}"#),
        &Context::at(NOW),
    )
    .to_json_text();
    assert!(!plain.contains("\"fix\""), "{plain}");
}
