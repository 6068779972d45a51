//! The schedule expression's grammar, frequency and reachability, delegated to
//! `crate::schedule` once the model's length and character rules pass (so a
//! value gets one error, not two for the same mistake).
//!
//! Why: EventBridge rejects malformed expressions, and DataSync runs a task at most once an hour.
//! Invalid: `{"Schedule": {"ScheduleExpression": "cron(0 8 * * 3#1)"}}` (five fields).
//! Fix: `{"Schedule": {"ScheduleExpression": "cron(0 8 ? * 4#1 *)"}}`.
//!
//! An empty ScheduleExpression means no schedule (CreateTask) and removes the
//! task's schedule (UpdateTask): it is not an expression to check.

use crate::diagnostic::{fixed, Collector};
use crate::request::Request;
use crate::rules::Context;

/// The pointer of the expression.
pub const PATH: &str = "/Schedule/ScheduleExpression";

/// Checks the schedule expression, if it is a string that meets the model's
/// own length and character rules (the structural check reports those; when
/// it found nothing at all, the expression meets them).
pub fn check(request: &Request, context: &Context, out: &mut Collector) {
    let Some(expression) = request.values.schedule_expression.as_str() else {
        return;
    };
    if request.structure_is_clean() || meets_model(expression) {
        crate::schedule::check_cached(expression, fixed!(PATH), || context.now(), out);
    }
}

/// Whether the expression meets the model's own length and character rules,
/// judged as the single pass judges a string: without building the
/// diagnostics the structural check has reported already, if any.
fn meets_model(expression: &str) -> bool {
    super::structure::string_is_clean(expression, &crate::schema::SCHEDULE_EXPRESSION_RULE)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    fn schedule(expression: &str) -> String {
        format!(r#""Schedule":{{"ScheduleExpression":"{expression}"}}"#)
    }

    #[test]
    fn the_documented_examples() {
        assert_eq!(findings(&schedule("rate(12 hours)")), []);
        assert_eq!(findings(&schedule("cron(0 8 ? * 4#1 *)")), []);
        // DataSync's own example has five fields: a warning (EventBridge documents six).
        assert_eq!(
            findings(&schedule("cron(0 8 * * 3#1)")),
            [at(super::PATH, "schedule/five-field-cron")]
        );
    }

    #[test]
    fn a_bad_character_is_reported_once() {
        assert_eq!(
            findings(&schedule("rate(1 day);")),
            [at(super::PATH, "value/pattern-mismatch")]
        );
    }

    #[test]
    fn describe_schedule_applies_the_same_model_rules_first() {
        let description = crate::describe_schedule("rate(1 day);", 1_795_564_800, 3);
        assert_eq!(description.diagnostics.len(), 1);
        let diagnostic = &description.diagnostics[0];
        assert_eq!(
            (diagnostic.path.as_ref(), diagnostic.code.as_str()),
            ("", "value/pattern-mismatch")
        );
        assert!(diagnostic
            .message
            .starts_with("The schedule expression \"rate(1 day);\" contains \";\""));
        assert!(description.summary.is_none() && description.next_runs.is_empty());
    }

    #[test]
    fn an_empty_expression_means_no_schedule_and_is_accepted() {
        assert_eq!(findings(&schedule("")), []);
        assert_eq!(
            findings(r#""Schedule":{"ScheduleExpression":"","Status":"ENABLED"}"#),
            []
        );
        let description = crate::describe_schedule("", 1_795_564_800, 3);
        assert!(description.diagnostics.is_empty());
        assert_eq!(
            description.summary.as_deref(),
            Some(crate::schedule::NO_SCHEDULE)
        );
        assert!(description.next_runs.is_empty());
        // Only the empty string: whether the service trims blanks to it is
        // not documented, so they get a warning with "" as the fix.
        assert_eq!(
            findings(&schedule(" ")),
            [at(super::PATH, "schedule/nonstandard-spelling")]
        );
    }

    #[test]
    fn an_empty_expression_removes_the_schedule_in_update_task() {
        use crate::rules::testing::{call_options, findings_in, task_request};
        use crate::schema::Operation::UpdateTask;
        let request = task_request(&schedule(""));
        assert_eq!(findings_in(&request, call_options(UpdateTask, None)), []);
        assert_eq!(
            findings_in(
                &task_request(&schedule("rate(5 minutes)")),
                call_options(UpdateTask, None)
            ),
            [at(super::PATH, "schedule/too-frequent")]
        );
    }

    #[test]
    fn at_most_once_an_hour() {
        assert_eq!(findings(&schedule("rate(60 minutes)")), []);
        assert_eq!(
            findings(&schedule("rate(59 minutes)")),
            [at(super::PATH, "schedule/too-frequent")]
        );
    }

    #[test]
    fn a_repeated_schedule_is_reported_as_a_fresh_validator_reports_it() {
        use crate::rules::testing::request;
        use crate::{validate_text, validate_text_by_tree, Context, Report};
        // 2027-01-01T08:00:00Z: the one run of the 2027 expressions, and
        // the first run after it of `0,30 8 1 1 ? 2027`.
        let run = 1_798_790_400;
        let expressions = [
            "cron(0/5 * * * ? *)",
            "cron(*/10 8-17 ? * MON-FRI *)",
            "cron(0,30 8 1 1 ? 2027)",
            "cron(0/5 8 * * ? 2020)",
            "cron(0/5 0 30 2 ? *)",
            "CRON(0/5 8 * * ? 2020)",
            " cron(0/15 * * * ? *) ",
            "cron(0,,30 8 1 1 ? 2027)",
            "cron(0 12 * * ? *)",
            "cron(0 8 1 1 ? 2027)",
            "cron(0 0 30 2 ? *)",
            "cron(0 8 * 13 ? *)",
            "cron(0 8 * * 3#1)",
            "rate(5 minutes)",
        ];
        let too_many_tags = format!(r#""Tags":[{}0]"#, "0,".repeat(1_100));
        let others = [
            String::new(),
            r#""Optionz":{},"#.to_owned(),
            r#""Tags":[{"Key":"aws:x","Value":"y"}],"#.to_owned(),
            format!("{too_many_tags},"),
        ];
        let contexts = [
            Context::at(1_795_564_800),
            Context::at(run - 1),
            Context::at(run),
            Context::at(run + 1),
            Context::at(run + 30 * 60),
            Context::default(),
            Context::at(1_795_564_800),
        ];
        // A new thread starts with no verdict remembered.
        let fresh = |text: &str, context: &Context| -> Report {
            std::thread::scope(|scope| {
                scope
                    .spawn(|| validate_text(text, context))
                    .join()
                    .expect("no panic")
            })
        };
        // Each expression at every time and with other members beside it in
        // turn, twice and both ways, so that its verdict is remembered from
        // the call before (at another time, or in another request).
        for expression in expressions {
            for context in &contexts {
                for other in &others {
                    let text = request(&format!(
                        r#"{other}"Schedule":{{"ScheduleExpression":"{expression}"}}"#
                    ));
                    let expected = fresh(&text, context);
                    for _ in 0..2 {
                        assert_eq!(validate_text(&text, context), expected, "{expression}");
                        assert_eq!(
                            validate_text_by_tree(&text, context),
                            expected,
                            "{expression}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_clock_is_read_once_and_only_for_a_cron_expression() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Only this test uses this clock: the count is its reads.
        static READS: AtomicUsize = AtomicUsize::new(0);
        fn clock() -> Option<i64> {
            READS.fetch_add(1, Ordering::Relaxed);
            Some(1_795_564_800)
        }
        let context = crate::Context {
            clock: Some(clock),
            ..crate::Context::default()
        };
        for (extra, reads) in [
            ("", 0),
            (r#""Schedule":{"Status":"ENABLED"}"#, 0),
            (&schedule("rate(12 hours)"), 0),
            (&schedule("rate(5 minutes)"), 0),
            (&schedule("cron(0 8 * * 3#1)"), 1),
            (&schedule("cron(0 8 ? * 4#1 *)"), 1),
            (&schedule("cron(0 8 ? * 4#1 *)"), 1),
            (&schedule("cron(0/5 8 ? * 4#1 *)"), 1),
        ] {
            READS.store(0, Ordering::Relaxed);
            crate::validate_text(&crate::rules::testing::request(extra), &context);
            assert_eq!(READS.load(Ordering::Relaxed), reads, "{extra}");
        }
    }
}
