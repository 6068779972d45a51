//! [`describe`], for the form: the diagnostics [`check`](super::check)
//! gives, a plain-English summary and the next run times, and the shape
//! `describeSchedule()` returns in JavaScript ([`Description`]).

use super::analysis::{analyze, Schedule};
use super::calendar::format_instant;
use crate::diagnostic::{fixed, Diagnostic};

/// The most run times [`describe`] lists, whatever `count` asks for.
pub const MAX_RUNS: usize = 100;

/// The summary [`describe`] gives for the empty expression, which the service
/// takes as "no schedule".
pub const NO_SCHEDULE: &str = "No schedule: the task runs only when it is started.";

/// What [`describe`] returns.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    /// The same diagnostics [`check`](super::check) reports, with path `""`.
    pub diagnostics: Vec<Diagnostic>,
    /// A plain-English summary such as "At 08:00 UTC on the first Wednesday of
    /// every month"; `None` when the expression is not valid cron or rate
    /// syntax (too-frequent and never-firing expressions still get one).
    pub summary: Option<String>,
    /// The next run times, formatted by [`format_instant`].
    pub next_runs: Vec<String>,
}

/// `{ valid, diagnostics, summary, nextRuns }`, the shape `describeSchedule()`
/// returns in JavaScript (`valid`: no diagnostic is an error).
impl serde::Serialize for Description {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let valid = !self
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error);
        let mut out = serializer.serialize_struct("ScheduleDescription", 4)?;
        out.serialize_field("valid", &valid)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.serialize_field("summary", &self.summary)?;
        out.serialize_field("nextRuns", &self.next_runs)?;
        out.end()
    }
}

/// Diagnostics (path `""`, with `from_unix` as "now" for the never-fires
/// check), a plain-English summary (`None` if the expression is invalid), and
/// the next `count` run times strictly after `from_unix`, formatted by
/// [`format_instant`]. The empty expression means "no schedule": no
/// diagnostics, the [`NO_SCHEDULE`] summary, no runs (whitespace alone gets
/// the same, with its warning). At most 100 run times are listed, whatever `count`
/// asks for; fewer when the schedule ends first (cron cannot select years
/// after 2199, and none is listed beyond a JS `Date`'s range, [`LATEST`](super::LATEST)).
///
/// A rate schedule counts from when it is created, so its run times are
/// `from_unix` plus whole intervals, as if it were created at `from_unix`; its
/// summary says so.
pub fn describe(expression: &str, from_unix: i64, count: usize) -> Description {
    if expression.is_empty() {
        return Description {
            diagnostics: Vec::new(),
            summary: Some(NO_SCHEDULE.to_owned()),
            next_runs: Vec::new(),
        };
    }
    let (schedule, diagnostics) = analyze(expression, fixed!(""), Some(from_unix));
    let count = count.min(MAX_RUNS);
    let (summary, runs) = match schedule {
        // Whitespace alone is judged as "" (with its warning).
        None => (
            expression.trim().is_empty().then(|| NO_SCHEDULE.to_owned()),
            Vec::new(),
        ),
        Some(Schedule::Rate(rate)) => (Some(rate.summary()), rate.runs_after(from_unix, count)),
        Some(Schedule::Cron(cron)) => {
            let runs =
                std::iter::successors(cron.next_after(from_unix), |&run| cron.next_after(run))
                    .take(count)
                    .collect();
            (Some(cron.summary()), runs)
        }
    };
    Description {
        diagnostics,
        summary,
        next_runs: runs.into_iter().map(format_instant).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::schedule::test_support::NOW;

    #[test]
    fn describe_lists_summary_and_runs() {
        let description = describe("cron(0 8 ? * 4#1 *)", NOW, 3);
        assert!(description.diagnostics.is_empty());
        assert_eq!(
            description.summary.as_deref(),
            Some("At 08:00 UTC on the first Wednesday of every month")
        );
        assert_eq!(
            description.next_runs,
            [
                "2026-12-02T08:00:00Z",
                "2027-01-06T08:00:00Z",
                "2027-02-03T08:00:00Z"
            ]
        );
    }

    #[test]
    fn describe_counts_rates_from_the_start() {
        let description = describe("rate(12 hours)", NOW, 2);
        assert!(description.summary.unwrap().starts_with("Every 12 hours"));
        assert_eq!(
            description.next_runs,
            ["2026-11-25T12:00:00Z", "2026-11-26T00:00:00Z"]
        );
        assert!(describe("rate(1 day)", NOW, 1)
            .summary
            .unwrap()
            .starts_with("Every day"));
    }

    #[test]
    fn describe_caps_and_zero_counts() {
        assert!(describe("cron(0 * * * ? *)", NOW, 0).next_runs.is_empty());
        assert_eq!(
            describe("cron(0 * * * ? *)", NOW, 1_000).next_runs.len(),
            MAX_RUNS
        );
        assert_eq!(
            describe("rate(1 hour)", NOW, usize::MAX).next_runs.len(),
            MAX_RUNS
        );
        // A schedule that ends lists only what is left.
        assert_eq!(
            describe("cron(0 0 1 1 ? 2027-2028)", NOW, 5).next_runs,
            ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]
        );
    }

    #[test]
    fn describe_reports_with_an_empty_path() {
        let description = describe("cron(0 0 1 1 ? 2020)", NOW, 3);
        assert_eq!(description.diagnostics.len(), 1);
        assert_eq!(description.diagnostics[0].code, Code::ScheduleNeverFires);
        assert_eq!(description.diagnostics[0].path, "");
        assert!(description.summary.is_some());
        assert!(description.next_runs.is_empty());

        let description = describe("cron(0/15 * * * ? *)", NOW, 2);
        assert_eq!(description.diagnostics[0].code, Code::ScheduleTooFrequent);
        assert_eq!(
            description.next_runs,
            ["2026-11-25T00:15:00Z", "2026-11-25T00:30:00Z"]
        );
    }

    #[test]
    fn describe_gives_no_summary_for_invalid_expressions() {
        for expression in ["cron(0 8 * * * *)", "rate(0 hours)", "at(x)"] {
            let description = describe(expression, NOW, 3);
            assert_eq!(description.summary, None, "{expression}");
            assert!(description.next_runs.is_empty());
            assert_eq!(description.diagnostics.len(), 1);
            assert_eq!(description.diagnostics[0].path, "");
        }
    }
}
