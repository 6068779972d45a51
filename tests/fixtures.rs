//! Fixture tests: every request under `tests/fixtures/{valid,invalid}/*.json`
//! is validated and its whole report compared with `NAME.expected.json` beside it.
//! Under `tests/fixtures/operations/`, each request has `NAME.options.json`
//! beside it: the options argument (`{ operation, task }`) it is judged with.
//!
//! The expected reports are the specification a person reads: each one was
//! reviewed by hand. After a deliberate change, regenerate them with
//! `UPDATE_FIXTURES=1 cargo test --test fixtures` and review the diff.
//!
//! `tests/fixtures/locations/*.json` are `{ "locations": [...], "request": {...} }`:
//! a request judged with the options argument `validate` takes.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use datasync_task_validator::json::{self, to_string_pretty};
use datasync_task_validator::{validate_text, validate_value, CallOptions, Context, Report};
use datasync_task_validator::{Code, Diagnostic};

/// 2026-11-25T00:00:00Z: fixtures are judged at a fixed time.
const NOW: i64 = 1_795_564_800;

fn fixture_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

fn requests(kind: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixture_dir(kind))
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json")
                && !name.ends_with(".expected.json")
                && !name.ends_with(".options.json")
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {kind}");
    paths
}

fn report_for(path: &Path) -> Report {
    let text = fs::read_to_string(path).expect("readable fixture");
    if path.parent().and_then(|p| p.file_name()) == Some("locations".as_ref()) {
        return located_report(&text, true);
    }
    let options = match fs::read_to_string(path.with_extension("options.json")) {
        Ok(options) => CallOptions::from_json_text(&options).expect("valid options"),
        Err(_) => CallOptions::default(),
    };
    validate_text(&text, &options.context(Context::at(NOW)))
}

/// The report for a `locations/` fixture, with its descriptions or without.
fn located_report(text: &str, with_descriptions: bool) -> Report {
    let (request, options) = common::location_fixture(text);
    if with_descriptions {
        validate_value(&request, &options.context(Context::at(NOW)))
    } else {
        validate_value(&request, &Context::at(NOW))
    }
}

/// Compares (or, with UPDATE_FIXTURES=1, rewrites) the expected report; returns mismatches.
fn check_expected(path: &Path, report: &Report) -> Option<String> {
    let expected_path = path.with_extension("expected.json");
    let text = report.to_json_text();
    let written = json::parse(&text).expect("reports are JSON");
    let actual = to_string_pretty(&written.value) + "\n";
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        fs::write(&expected_path, &actual).expect("write expected report");
        return None;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    (expected != actual).then(|| {
        format!(
            "{} differs from its expected report.\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )
    })
}

#[test]
fn valid_fixtures_have_no_errors_and_match_their_reports() {
    let mut failures = Vec::new();
    for path in requests("valid") {
        let report = report_for(&path);
        if !report.is_valid() {
            failures.push(format!(
                "{} has errors: {:#?}",
                path.display(),
                report.diagnostics
            ));
        }
        failures.extend(check_expected(&path, &report));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn invalid_fixtures_match_their_reports() {
    let mut failures = Vec::new();
    for path in requests("invalid") {
        let report = report_for(&path);
        if report.diagnostics.is_empty() {
            failures.push(format!("{} reports nothing", path.display()));
        }
        failures.extend(check_expected(&path, &report));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn operation_fixtures_match_their_reports() {
    let mut failures = Vec::new();
    for path in requests("operations") {
        assert!(
            path.with_extension("options.json").exists(),
            "{} has no options file",
            path.display()
        );
        let report = report_for(&path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.contains("-valid") != report.is_valid() {
            failures.push(format!(
                "{} should {}be valid: {:#?}",
                path.display(),
                if name.contains("-valid") { "" } else { "not " },
                report.diagnostics
            ));
        }
        failures.extend(check_expected(&path, &report));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn location_fixtures_match_their_reports() {
    let failures: Vec<String> = requests("locations")
        .iter()
        .filter_map(|path| check_expected(path, &report_for(path)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn no_location_finding_without_a_description() {
    // The location fixtures' requests, judged without their descriptions,
    // report none of the findings their descriptions brought.
    for path in requests("locations") {
        let text = fs::read_to_string(&path).expect("readable fixture");
        let with = located_report(&text, true);
        let without = located_report(&text, false);
        let brought: Vec<&Diagnostic> = with
            .diagnostics
            .iter()
            .filter(|d| !without.diagnostics.contains(d))
            .collect();
        assert!(
            brought
                .iter()
                .all(|d| d.code.as_str().starts_with("locations/")),
            "{}: {brought:?}",
            path.display()
        );
        assert!(
            without
                .diagnostics
                .iter()
                .all(|d| with.diagnostics.contains(d)),
            "{}: descriptions only ever add location findings",
            path.display()
        );
    }
    // Every other fixture gives the same report with options that describe
    // no location it uses, or none at all.
    let elsewhere = CallOptions::from_json_text(
        r#"{"locations":[{"LocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0a1b2c3d4e5f60718","LocationUri":"s3://unrelated/","S3StorageClass":"GLACIER"}]}"#,
    )
    .expect("valid options");
    let empty = CallOptions::from_json_text(r#"{"locations":[]}"#).expect("valid options");
    for kind in ["valid", "invalid"] {
        for path in requests(kind) {
            let text = fs::read_to_string(&path).expect("readable fixture");
            let plain = validate_text(&text, &Context::at(NOW));
            for options in [&elsewhere, &empty] {
                assert_eq!(
                    validate_text(&text, &options.context(Context::at(NOW))),
                    plain,
                    "{}",
                    path.display()
                );
            }
        }
    }
}

/// Codes only JavaScript input can produce (tests/wasm.rs covers them), and
/// `report/truncated`, which needs more than 1,000 problems (tests/bounds.rs).
const JS_ONLY: &[Code] = &[Code::InputNotSerializable, Code::ReportTruncated];

#[test]
fn every_code_has_a_fixture() {
    let mut seen = BTreeSet::new();
    for kind in ["valid", "invalid", "operations", "locations"] {
        for path in requests(kind) {
            seen.extend(report_for(&path).diagnostics.iter().map(|d| d.code));
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|code| !seen.contains(code) && !JS_ONLY.contains(code))
        .map(|code| code.as_str())
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}
