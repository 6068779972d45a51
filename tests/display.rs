//! How diagnostics and reports read as text (`Display`), and how they serve
//! as errors (`std::error::Error`), for native Rust users.

use std::error::Error;

use datasync_task_validator::{validate_text, Context, Report};
use datasync_task_validator::{Code, Diagnostic, Severity};

/// A request with two errors and a warning.
const REQUEST: &str = r#"{
  "SourceLocationArn": "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
  "DestinationLocationArn": "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
  "Tags": [{"Key": "aws:team", "Value": "storage"}],
  "Schedule": {"ScheduleExpression": "cron(0 8 * * ? *)x"}
}"#;

#[test]
fn severities_and_codes_display_as_their_report_strings() {
    assert_eq!(Severity::Error.to_string(), "error");
    assert_eq!(Severity::Warning.to_string(), "warning");
    for code in Code::ALL {
        assert_eq!(code.to_string(), code.as_str());
    }
}

#[test]
fn a_diagnostic_is_one_line_severity_code_message_then_path() {
    let diagnostic = Diagnostic::new(
        Code::TagReservedPrefix,
        "/Tags/0/Key",
        "Tag keys cannot start with \"aws:\".",
    );
    assert_eq!(
        diagnostic.to_string(),
        "error  tag/reserved-prefix  Tag keys cannot start with \"aws:\".  [/Tags/0/Key]"
    );
}

#[test]
fn a_diagnostic_about_the_whole_request_has_no_path_in_brackets() {
    let diagnostic = Diagnostic::new(Code::SameLocation, "", "Source and destination are one.");
    assert_eq!(
        diagnostic.to_string(),
        "warning  locations/same-location  Source and destination are one."
    );
}

#[test]
fn control_characters_and_bidirectional_overrides_are_escaped_so_a_diagnostic_stays_one_line() {
    let diagnostic = Diagnostic::new(
        Code::UnknownMember,
        "/Options/Bad\nName\u{202e}",
        "Line one\r\nline two\tand a DEL \u{7f}, a C1 \u{85}, an isolate \u{2066}; a \\ stays.",
    );
    assert_eq!(
        diagnostic.to_string(),
        concat!(
            r"error  request/unknown-member  Line one\x0d\x0aline two\x09and a DEL \x7f, a C1 \x85, ",
            r"an isolate \u{2066}; a \ stays.  [/Options/Bad\x0aName\u{202e}]"
        )
    );
    assert_eq!(diagnostic.to_string().lines().count(), 1);
}

#[test]
fn a_report_displays_its_problems_one_per_line_in_report_order() {
    let report = validate_text(REQUEST, &Context::default());
    assert_eq!(
        report.to_string(),
        concat!(
            "warning  locations/same-location  DestinationLocationArn is the same location as SourceLocationArn, ",
            "so the task would copy the location onto itself; choose a different destination.  [/DestinationLocationArn]\n",
            "error  schedule/invalid-expression  The schedule expression \"cron(0 8 * * ? *)x\" has \"x\" after its ",
            "closing \")\"; remove it.  [/Schedule/ScheduleExpression]\n",
            "error  tag/reserved-prefix  Tag key \"aws:team\" starts with \"aws:\", which is reserved for AWS; ",
            "choose another key.  [/Tags/0/Key]"
        )
    );
    // Each line is the diagnostic's own text, and nothing follows the last.
    let text = report.to_string();
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.len(), report.diagnostics.len());
    for (line, diagnostic) in lines.iter().zip(&report.diagnostics) {
        assert_eq!(*line, diagnostic.to_string());
    }
}

#[test]
fn a_report_without_problems_says_so() {
    assert_eq!(Report::default().to_string(), "no problems");
}

#[test]
fn a_report_is_an_error_that_question_mark_can_return() {
    fn check(text: &str) -> Result<(), Report> {
        let report = validate_text(text, &Context::default());
        if report.is_valid() {
            Ok(())
        } else {
            Err(report)
        }
    }
    fn run() -> Result<(), Box<dyn Error>> {
        check(REQUEST)?;
        Ok(())
    }
    let error = run().expect_err("the request has errors");
    assert_eq!(
        error.to_string(),
        validate_text(REQUEST, &Context::default()).to_string()
    );
    assert!(
        error.source().is_none(),
        "the problems are its text, not a cause"
    );
    let report = error.downcast::<Report>().expect("a Report");
    assert!(!report.is_valid());
}

#[test]
fn a_diagnostic_is_an_error_without_a_source() {
    let report = validate_text("{", &Context::default());
    let first = report
        .diagnostics
        .into_iter()
        .next()
        .expect("a syntax error");
    let error: Box<dyn Error + Send + Sync> = Box::new(first.clone());
    assert_eq!(error.to_string(), first.to_string());
    assert!(error
        .to_string()
        .starts_with("error  json/syntax-error  The request is not valid JSON"));
    assert!(error.source().is_none());
}
