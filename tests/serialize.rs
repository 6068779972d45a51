//! `Serialize` on the public report types (for native Rust users) writes the
//! same JSON as `Report::to_json_text`, which is what `validate()` returns in
//! JavaScript: field for field, in the same order. A schedule description
//! serializes as `describeSchedule()` returns it.

use std::fs;

use datasync_task_validator::internal::description_to_json_text;
use datasync_task_validator::{describe_schedule, json, validate_text, Context, Report};

/// Every request in examples/ and tests/fixtures/ (not the expected reports).
fn requests() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut found = Vec::new();
    let mut folders = vec![format!("{root}/examples")];
    for entry in fs::read_dir(format!("{root}/tests/fixtures")).expect("tests/fixtures") {
        folders.push(
            entry
                .expect("a fixture folder")
                .path()
                .display()
                .to_string(),
        );
    }
    for folder in folders {
        for entry in fs::read_dir(&folder).expect("a folder of requests") {
            let path = entry.expect("a file").path();
            let name = path.display().to_string();
            if name.ends_with(".json") && !name.ends_with(".expected.json") {
                found.push((name, fs::read_to_string(&path).expect("a request")));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_serialized_report_is_the_json_report() {
    let context = Context::at(1_795_564_800);
    let (mut params, mut fixes) = (0, 0);
    for (name, text) in requests() {
        let report = validate_text(&text, &context);
        params += report
            .diagnostics
            .iter()
            .filter(|d| !d.params.is_empty())
            .count();
        fixes += report
            .diagnostics
            .iter()
            .filter(|d| !d.fix.is_empty())
            .count();
        let serialized = serde_json::to_string(&report).expect("serializes");
        assert_eq!(serialized, report.to_json_text(), "{name}");
    }
    // The examples cover both optional members.
    assert!(
        params > 0 && fixes > 0,
        "{params} with params, {fixes} with a fix"
    );
    let empty = serde_json::to_string(&Report::default()).expect("serializes");
    assert_eq!(empty, r#"{"valid":true,"errors":[],"warnings":[]}"#);
}

#[test]
fn values_serialize_as_the_json_they_were_read_from() {
    let text = r#"{"a":[1,-2,9223372036854775808,-170141183460469231731687303715884105728,true,null],"b":"q\"\\\n","c":{},"d":1.5}"#;
    let value = json::parse(text).expect("JSON").value;
    assert_eq!(serde_json::to_string(&value).expect("serializes"), text);
}

#[test]
fn a_serialized_schedule_description_is_what_describe_schedule_returns() {
    let from = 1_795_564_800; // 2026-11-25T00:00:00Z
    for expression in [
        "",
        "rate(12 hours)",
        "cron(0 8 ? * 4#1 *)",
        "cron(0/15 * * * ? *)",
        "cron(0 0 30 2 ? *)",
        "cron(0 8 * * 3#1)",
        "rate(",
        "Rate(1 day)",
    ] {
        let description = describe_schedule(expression, from, 3);
        let serialized = serde_json::to_string(&description).expect("serializes");
        assert_eq!(
            serialized,
            description_to_json_text(&description),
            "{expression}"
        );
    }
    assert_eq!(
        serde_json::to_string(&describe_schedule("rate(1 day)", from, 1)).expect("serializes"),
        concat!(
            r#"{"valid":true,"diagnostics":[],"#,
            r#""summary":"Every day, counted from when the schedule is created","#,
            r#""nextRuns":["2026-11-26T00:00:00Z"]}"#
        )
    );
}
