//! Task report rules (docs/rules/report-*.md).
//!
//! Why: a summary-only report lists no items, so levels and overrides do nothing;
//! a Deleted override reports nothing when the task never deletes.
//! Invalid: `{"TaskReportConfig": {"OutputType": "SUMMARY_ONLY", "ReportLevel": "ERRORS_ONLY"}}`.
//! Fix: use `"OutputType": "STANDARD"` or drop ReportLevel.

use crate::diagnostic::{fixed, Code, Collector, Diagnostic};
use crate::request::{options, Request};
use crate::rules::Context;

fn summary_ignores_levels(members: &[&str]) -> String {
    format!(
        "OutputType SUMMARY_ONLY produces a report without item lists, so {} {} no effect; use STANDARD to get them.",
        members.join(" and "),
        if members.len() == 1 { "has" } else { "have" }
    )
}

fn deleted_without_remove(how: &str) -> String {
    format!(
        "Overrides.Deleted reports on deleted files, but PreserveDeletedFiles {how} PRESERVE, so the task deletes nothing; set PreserveDeletedFiles to REMOVE or drop the override."
    )
}

/// Applies the two task report rules.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let config = &request.values.report;
    if config.output_type.as_str() == Some("SUMMARY_ONLY") {
        // An empty Overrides object overrides nothing (the Terraform provider
        // sends one with every report configuration), so it is not ignored.
        let overrides_something = config.overrides == Some(true);
        let ignored: Vec<&str> = [
            ("ReportLevel", config.has_report_level),
            ("Overrides", overrides_something),
        ]
        .into_iter()
        .filter_map(|(member, ignored)| ignored.then_some(member))
        .collect();
        if !ignored.is_empty() {
            let related: Vec<String> = ignored
                .iter()
                .map(|m| format!("/TaskReportConfig/{m}"))
                .collect();
            out.push(
                Diagnostic::of(
                    Code::ReportSummaryIgnoresLevels,
                    fixed!("/TaskReportConfig/OutputType"),
                    summary_ignores_levels(&ignored),
                )
                .with("related", related),
            );
        }
    }
    let deleting = request.option(options::PRESERVE_DELETED_FILES);
    if config.has_deleted_override && deleting.is("PRESERVE") {
        out.push(
            Diagnostic::of(
                Code::ReportDeletedWithoutRemove,
                fixed!("/TaskReportConfig/Overrides/Deleted"),
                deleted_without_remove(deleting.how()),
            )
            .with("related", vec![request.option_path("PreserveDeletedFiles")]),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    #[test]
    fn summary_only_reports_ignore_levels_and_overrides() {
        assert_eq!(
            findings(r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY"}"#),
            []
        );
        assert_eq!(
            findings(
                r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY","ReportLevel":"ERRORS_ONLY"}"#
            ),
            [at(
                "/TaskReportConfig/OutputType",
                "report/summary-ignores-levels"
            )]
        );
        assert_eq!(
            findings(r#""TaskReportConfig":{"OutputType":"STANDARD","ReportLevel":"ERRORS_ONLY"}"#),
            []
        );
    }

    #[test]
    fn an_empty_overrides_object_is_not_ignored_by_a_summary_report() {
        assert_eq!(
            findings(r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY","Overrides":{}}"#),
            []
        );
        assert_eq!(
            findings(
                r#""TaskReportConfig":{"OutputType":"SUMMARY_ONLY","Overrides":{"Skipped":{"ReportLevel":"ERRORS_ONLY"}}}"#
            ),
            [at(
                "/TaskReportConfig/OutputType",
                "report/summary-ignores-levels"
            )]
        );
    }

    #[test]
    fn a_deleted_override_is_judged_on_the_task_preserve_setting_when_known() {
        use crate::rules::testing::{call_options, findings_in, task_request};
        use crate::schema::Operation::StartTaskExecution;
        let request = task_request(
            r#""TaskReportConfig":{"Overrides":{"Deleted":{"ReportLevel":"ERRORS_ONLY"}}}"#,
        );
        let preserving = r#"{"Options":{"PreserveDeletedFiles":"PRESERVE"}}"#;
        assert_eq!(
            findings_in(&request, call_options(StartTaskExecution, Some(preserving))),
            [at(
                "/TaskReportConfig/Overrides/Deleted",
                "report/deleted-without-remove"
            )]
        );
        // Without a description the task may well delete: no guess.
        assert_eq!(
            findings_in(&request, call_options(StartTaskExecution, None)),
            []
        );
    }

    #[test]
    fn a_deleted_override_needs_remove() {
        let deleted =
            r#""TaskReportConfig":{"Overrides":{"Deleted":{"ReportLevel":"ERRORS_ONLY"}}}"#;
        assert_eq!(
            findings(deleted),
            [at(
                "/TaskReportConfig/Overrides/Deleted",
                "report/deleted-without-remove"
            )]
        );
        assert_eq!(
            findings(&format!(
                r#"{deleted},"Options":{{"PreserveDeletedFiles":"REMOVE"}}"#
            )),
            []
        );
    }
}
