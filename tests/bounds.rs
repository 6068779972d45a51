//! Reports are bounded: whatever the request, a report holds at most
//! `REPORT_LIMIT` diagnostics plus one `report/truncated`, errors first, and
//! building it allocates nothing sized by the request's counts.

use datasync_task_validator::json::{Number, Value};
use datasync_task_validator::{validate_text, Context, Report};
use datasync_task_validator::{Code, Severity, REPORT_LIMIT};

const SOURCE: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
const DESTINATION: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";

fn request_with(extra: &str) -> String {
    format!(r#"{{"SourceLocationArn":"{SOURCE}","DestinationLocationArn":"{DESTINATION}"{extra}}}"#)
}

fn validate(text: &str) -> Report {
    validate_text(text, &Context::at(1_795_564_800))
}

/// The `report/truncated` diagnostic's `(total, shown)`, checking its shape.
fn truncation(report: &Report) -> (usize, usize) {
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ReportTruncated)
        .collect();
    let [truncated] = found[..] else {
        panic!("exactly one report/truncated, not {}", found.len());
    };
    assert_eq!(
        (truncated.severity, truncated.path.as_ref()),
        (Severity::Warning, "")
    );
    let number = |name: &str| match truncated.params.iter().find(|(n, _)| *n == name) {
        Some((_, Value::Number(Number::Int(value)))) => usize::try_from(*value).unwrap(),
        other => panic!("params.{name}: {other:?}"),
    };
    (number("total"), number("shown"))
}

/// `{ ..., "Tags": [0, 0, …] }` with `count` items.
fn zeros(count: usize) -> String {
    let mut items = "0,".repeat(count);
    items.pop();
    request_with(&format!(r#","Tags":[{items}]"#))
}

#[test]
fn a_report_up_to_the_limit_is_whole() {
    // 999 wrong items plus the list error: 1,000 diagnostics, nothing cut.
    let report = validate(&zeros(REPORT_LIMIT - 1));
    assert_eq!(report.diagnostics.len(), REPORT_LIMIT);
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.code != Code::ReportTruncated));
}

#[test]
fn one_past_the_limit_is_cut_and_says_so() {
    let report = validate(&zeros(REPORT_LIMIT));
    assert_eq!(report.diagnostics.len(), REPORT_LIMIT + 1);
    assert_eq!(truncation(&report), (REPORT_LIMIT + 1, REPORT_LIMIT));
}

#[test]
fn millions_of_list_items_give_a_bounded_report() {
    for count in [3_300_000, 8_500_000] {
        let report = validate(&zeros(count));
        assert!(!report.is_valid());
        assert_eq!(report.diagnostics.len(), REPORT_LIMIT + 1, "{count}");
        // Every item is a wrong type, plus one list/too-many-items.
        assert_eq!(truncation(&report), (count + 1, REPORT_LIMIT), "{count}");
        // In report order: the truncation (path "") first, then the list error.
        assert_eq!(report.diagnostics[1].code, Code::TooManyItems);
        let text = report.to_json_text();
        assert!(text.len() < 300_000, "{count}: {} bytes", text.len());
    }
    // Ordinary requests are judged as before afterwards.
    assert!(validate(&request_with("")).is_valid());
}

#[test]
fn errors_survive_the_cut_before_warnings() {
    // 2,000 duplicate-member warnings at /Tags/N/Key; the errors are the list
    // size at /Tags and the task mode at /TaskMode, which sorts after them all.
    let tags: Vec<String> = (0..2_000)
        .map(|i| format!(r#"{{"Key":"k{i}","Key":"k{i}"}}"#))
        .collect();
    let text = request_with(&format!(
        r#","Tags":[{}],"TaskMode":"bogus""#,
        tags.join(",")
    ));
    let report = validate(&text);
    assert!(!report.is_valid());
    assert_eq!(truncation(&report).0, 2_000 + 2);
    let errors: Vec<&str> = report
        .of(Severity::Error)
        .map(|d| d.path.as_ref())
        .collect();
    assert_eq!(errors, ["/Tags", "/TaskMode"]);
}

#[test]
fn thousands_of_lone_surrogate_keys_are_each_one_error() {
    let count = 20_000;
    let tags: Vec<String> = (0..count)
        .map(|i| format!(r#"{{"Key":"\udc00{i}"}}"#))
        .collect();
    let report = validate(&request_with(&format!(r#","Tags":[{}]"#, tags.join(","))));
    assert!(!report.is_valid());
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.code != Code::PatternMismatch));
    // The list error and one invalid-unicode error per key.
    assert_eq!(truncation(&report).0, count + 1);
}
