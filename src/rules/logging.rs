//! Logging rules (`logging/log-group-unused`, `logging/no-log-group`,
//! `logging/enhanced-log-group-*`): a log group and a log level only make sense
//! together; and an Enhanced mode task's log group is `/aws/datasync`.
//!
//! Why: the service accepts either alone, but then nothing reaches the logs.
//! For UpdateTask the API reference says an Enhanced mode task "must use"
//! `/aws/datasync` as its log group name (UpdateTask, CloudWatchLogGroupArn):
//! an error. For CreateTask it says only that such a task logs there by
//! itself: a warning (`logging/enhanced-log-group-ignored`), as the group
//! named gets no logs.
//! Invalid: `{"CloudWatchLogGroupArn": "arn:aws:logs:...:log-group:x"}` with LogLevel omitted (OFF).
//! Fix: add `"Options": {"LogLevel": "BASIC"}`.
//!
//! UpdateTask and StartTaskExecution: the log group is the request's, else the
//! described task's; without a task description it is unknown and these two are
//! judged only when the request sets both. A rule fires only when the request
//! itself sets LogLevel or the log group: the task's own state is not this
//! request's doing. `logging/log-group-unused` fires only where the request
//! sets the log group: LogLevel OFF for one run is the override the API
//! reference gives as its example, and an UpdateTask that turns a task's
//! logging off cannot remove its log group (so "set LogLevel to BASIC" would
//! only undo the request).

use crate::diagnostic::{fixed, quote, Code, Collector, Diagnostic};
use crate::json::Value;
use crate::patterns::Pattern;
use crate::request::{options, Request, TaskMode};
use crate::rules::Context;
use crate::schema::Operation;

/// The log group Enhanced mode tasks use.
const ENHANCED_LOG_GROUP: &str = "/aws/datasync";

fn log_group_unused(how: &str) -> String {
    format!(
        "CloudWatchLogGroupArn is set but LogLevel {how} OFF, so DataSync publishes no logs to it; set LogLevel to BASIC or TRANSFER."
    )
}

#[inline(never)]
fn no_log_group(level: &str) -> String {
    format!(
        "LogLevel is {level} but there is no CloudWatchLogGroupArn, so a Basic mode task has no log group to publish to; add the log group's ARN."
    )
}

#[inline(never)]
fn task_without_log_group(level: &str) -> String {
    format!(
        "LogLevel is {level} for this run but the task has no CloudWatchLogGroupArn, so a Basic mode task has no log group to publish to; add one with UpdateTask, or leave LogLevel OFF."
    )
}

/// UpdateTask's error (`created` false) or CreateTask's warning: one sentence
/// with the create-only words added (removing the member, the other remedy,
/// is on the code's page).
fn enhanced_log_group_message(name: &str, suggestion: &str, created: bool) -> String {
    let (verb, effect) = if created {
        ("logs only", ", which gets no logs")
    } else {
        ("must log", "")
    };
    format!(
        "An Enhanced mode task {verb} to the log group named {ENHANCED_LOG_GROUP}, but this ARN names {}{effect}; use {suggestion}.",
        quote(name)
    )
}

/// Whether the task will have a log group: `None` when unknown. A request's
/// `""` names none, and is no value the service takes (its pattern error
/// says so, alone): no logging rule judges it (realmore4 F1).
fn has_log_group(request: &Request) -> Option<bool> {
    match request.values.log_group.as_str() {
        Some("") => return None,
        _ if request.values.log_group.is_present() => return Some(true),
        _ => {}
    }
    match request.operation() {
        Operation::CreateTask => Some(false),
        _ => request
            .task()
            .and_then(|task| task.log_group.as_deref())
            .map(|arn| !arn.is_empty()),
    }
}

/// Applies the three logging rules.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let level = request.option(options::LOG_LEVEL);
    let in_request = request.values.log_group.is_present();
    let has_log_group = has_log_group(request);
    let touched = request.operation() == Operation::CreateTask || level.is_explicit() || in_request;

    // Only where the request itself sets the log group: a run cannot set one
    // (turning a run's logging off is the override's purpose), and an update
    // that turns the task's logging off cannot remove the task's log group.
    if in_request && has_log_group == Some(true) && level.is("OFF") {
        out.push(
            Diagnostic::of(
                Code::LogGroupUnused,
                request.option_path("LogLevel"),
                log_group_unused(level.how()),
            )
            .with_related(vec![Value::from("/CloudWatchLogGroupArn")]),
        );
    }

    if touched && has_log_group == Some(false) && request.task_mode() == Some(TaskMode::Basic) {
        if let Some(value @ ("BASIC" | "TRANSFER")) = level.value() {
            let diagnostic = if request.operation().has_member("CloudWatchLogGroupArn") {
                Diagnostic::of(
                    Code::NoLogGroup,
                    fixed!("/CloudWatchLogGroupArn"),
                    no_log_group(value),
                )
                .with("related", vec![request.option_path("LogLevel")])
            } else {
                Diagnostic::new(
                    Code::NoLogGroup,
                    request.option_path("LogLevel"),
                    task_without_log_group(value),
                )
            };
            out.push(diagnostic);
        }
    }

    // StartTaskExecution has no log group: only CreateTask and UpdateTask get here.
    if request.task_mode() == Some(TaskMode::Enhanced) {
        if let Some((prefix, name, suffix)) = request
            .values
            .log_group
            .as_str()
            .filter(|arn| Pattern::LogGroupArn.matches(arn))
            .and_then(split_log_group_arn)
            .filter(|(_, name, _)| *name != ENHANCED_LOG_GROUP)
        {
            // The same partition, Region and account, and the same optional `:*`.
            let suggestion = format!("{prefix}{ENHANCED_LOG_GROUP}{suffix}");
            // UpdateTask's reference says "must use"; CreateTask's says only
            // that Enhanced mode logs to /aws/datasync by itself, so a task
            // being created is warned that the group named gets nothing.
            let created = request.operation() == Operation::CreateTask;
            let code = if created {
                Code::EnhancedLogGroupIgnored
            } else {
                Code::EnhancedLogGroupName
            };
            let message = enhanced_log_group_message(name, &suggestion, created);
            out.push(
                Diagnostic::of(code, fixed!("/CloudWatchLogGroupArn"), message)
                    .with("expected", ENHANCED_LOG_GROUP)
                    .with("actual", name.to_owned())
                    .with("suggestion", suggestion),
            );
        }
    }
}

/// A log group ARN that matches the model's pattern, split into what comes
/// up to `log-group:` (inclusive), the log group name, and the optional `:*`.
fn split_log_group_arn(arn: &str) -> Option<(&str, &str, &str)> {
    let at = crate::search::find(arn, ":log-group:")? + ":log-group:".len();
    let (prefix, rest) = arn.split_at_checked(at)?;
    Some(match rest.strip_suffix(":*") {
        Some(name) => (prefix, name, ":*"),
        None => (prefix, rest, ""),
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, call_options, findings, findings_in, task_request};
    use crate::schema::Operation::{StartTaskExecution, UpdateTask};

    const LOG_GROUP: &str =
        r#""CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:datasync""#;

    const BASIC_WITHOUT_LOG_GROUP: &str = r#"{"TaskMode":"BASIC","Options":{"LogLevel":"OFF"}}"#;
    const BASIC_WITH_LOG_GROUP: &str = r#"{"TaskMode":"BASIC","Options":{"LogLevel":"OFF"},
        "CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:x:*"}"#;
    const ENHANCED: &str = r#"{"TaskMode":"ENHANCED","Options":{"LogLevel":"BASIC"}}"#;

    #[test]
    fn a_log_group_needs_a_log_level() {
        assert_eq!(
            findings(LOG_GROUP),
            [at("/Options/LogLevel", "logging/log-group-unused")]
        );
        assert_eq!(
            findings(&format!(r#"{LOG_GROUP},"Options":{{"LogLevel":"OFF"}}"#)),
            [at("/Options/LogLevel", "logging/log-group-unused")]
        );
        assert_eq!(
            findings(&format!(r#"{LOG_GROUP},"Options":{{"LogLevel":"BASIC"}}"#)),
            []
        );
    }

    #[test]
    fn basic_mode_logging_needs_a_log_group_but_enhanced_does_not() {
        assert_eq!(
            findings(r#""Options":{"LogLevel":"BASIC"}"#),
            [at("/CloudWatchLogGroupArn", "logging/no-log-group")]
        );
        assert_eq!(
            findings(r#""TaskMode":"ENHANCED","Options":{"LogLevel":"TRANSFER"}"#),
            []
        );
        assert_eq!(findings(r#""Options":{"LogLevel":"OFF"}"#), []);
    }

    #[test]
    fn update_task_judges_the_log_group_against_the_described_task() {
        let basic = Some(BASIC_WITHOUT_LOG_GROUP);
        // Without a description neither the mode nor the task's log group is known.
        assert_eq!(
            findings_in(
                &task_request(r#""Options":{"LogLevel":"BASIC"}"#),
                call_options(UpdateTask, None)
            ),
            []
        );
        assert_eq!(
            findings_in(
                &task_request(r#""Options":{"LogLevel":"BASIC"}"#),
                call_options(UpdateTask, basic)
            ),
            [at("/CloudWatchLogGroupArn", "logging/no-log-group")]
        );
        // The task's LogLevel OFF stays in force when the update adds a log group.
        assert_eq!(
            findings_in(&task_request(LOG_GROUP), call_options(UpdateTask, basic)),
            [at("/Options/LogLevel", "logging/log-group-unused")]
        );
        assert_eq!(
            findings_in(&task_request(LOG_GROUP), call_options(UpdateTask, None)),
            []
        );
        // A request that changes neither says nothing about the task's own state.
        assert_eq!(
            findings_in(
                &task_request(r#""Name":"x""#),
                call_options(UpdateTask, Some(BASIC_WITH_LOG_GROUP))
            ),
            []
        );
    }

    #[test]
    fn start_task_execution_logs_to_the_task_log_group() {
        let request = task_request(r#""OverrideOptions":{"LogLevel":"TRANSFER"}"#);
        assert_eq!(
            findings_in(
                &request,
                call_options(StartTaskExecution, Some(BASIC_WITHOUT_LOG_GROUP))
            ),
            [at("/OverrideOptions/LogLevel", "logging/no-log-group")]
        );
        assert_eq!(
            findings_in(
                &request,
                call_options(StartTaskExecution, Some(BASIC_WITH_LOG_GROUP))
            ),
            []
        );
        assert_eq!(
            findings_in(&request, call_options(StartTaskExecution, None)),
            []
        );
    }

    #[test]
    fn an_empty_log_group_arn_names_no_log_group_and_gets_its_pattern_error_alone() {
        // realmore4 F1 (a CDK stack's `cloud_watch_log_group_arn=""`): "is set"
        // was false, and raising LogLevel would not make the request valid.
        for level in [
            "",
            r#","Options":{"LogLevel":"OFF"}"#,
            r#","Options":{"LogLevel":"TRANSFER"}"#,
        ] {
            assert_eq!(
                findings(&format!(r#""CloudWatchLogGroupArn":""{level}"#)),
                [at("/CloudWatchLogGroupArn", "value/pattern-mismatch")],
                "{level}"
            );
        }
        assert_eq!(
            findings_in(
                &task_request(r#""CloudWatchLogGroupArn":"","Options":{"LogLevel":"BASIC"}"#),
                call_options(UpdateTask, Some(BASIC_WITHOUT_LOG_GROUP))
            ),
            [at("/CloudWatchLogGroupArn", "value/pattern-mismatch")]
        );
    }

    #[test]
    fn a_described_log_group_that_is_not_a_string_is_unknown_and_an_empty_one_is_none() {
        // hunt36 #5: a number or an object is no statement that the task has none.
        let run = task_request(r#""OverrideOptions":{"LogLevel":"BASIC"}"#);
        for (group, expected) in [
            ("5", vec![]),
            (r#"{"Arn":"x"}"#, vec![]),
            (
                r#""""#,
                vec![at("/OverrideOptions/LogLevel", "logging/no-log-group")],
            ),
            (
                "null",
                vec![at("/OverrideOptions/LogLevel", "logging/no-log-group")],
            ),
        ] {
            let task = format!(
                r#"{{"TaskMode":"BASIC","Options":{{"LogLevel":"OFF"}},"CloudWatchLogGroupArn":{group}}}"#
            );
            assert_eq!(
                findings_in(&run, call_options(StartTaskExecution, Some(&task))),
                expected,
                "{group}"
            );
        }
    }

    #[test]
    fn turning_logging_off_is_not_told_to_turn_it_back_on() {
        // One run without logs: the API reference's own example of an override.
        let logging = Some(
            r#"{"TaskMode":"BASIC","Options":{"LogLevel":"BASIC"},
            "CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:x:*"}"#,
        );
        let off = task_request(r#""OverrideOptions":{"LogLevel":"OFF"}"#);
        for task in [Some(BASIC_WITH_LOG_GROUP), logging, None] {
            assert_eq!(
                findings_in(&off, call_options(StartTaskExecution, task)),
                [],
                "{task:?}"
            );
        }
        // An update that turns a task's logging off: it cannot remove the log
        // group, so "set LogLevel to BASIC" would only undo it.
        let off = task_request(r#""Options":{"LogLevel":"OFF"}"#);
        for task in [logging, None] {
            assert_eq!(
                findings_in(&off, call_options(UpdateTask, task)),
                [],
                "{task:?}"
            );
        }
        // Where the same request sets the log group, the warning stands.
        assert_eq!(
            findings_in(
                &task_request(&format!(r#"{LOG_GROUP},"Options":{{"LogLevel":"OFF"}}"#)),
                call_options(UpdateTask, logging)
            ),
            [at("/Options/LogLevel", "logging/log-group-unused")]
        );
    }

    #[test]
    fn an_enhanced_task_must_log_to_aws_datasync() {
        let name = "logging/enhanced-log-group-name";
        let group = |group: &str| {
            task_request(&format!(
                r#""CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:{group}""#
            ))
        };
        for good in ["/aws/datasync", "/aws/datasync:*"] {
            assert_eq!(
                findings_in(&group(good), call_options(UpdateTask, Some(ENHANCED))),
                [],
                "{good}"
            );
        }
        for bad in ["/aws/datasync/x", "datasync:*", ""] {
            assert_eq!(
                findings_in(&group(bad), call_options(UpdateTask, Some(ENHANCED))),
                [at("/CloudWatchLogGroupArn", name)],
                "{bad}"
            );
        }
        let report = crate::validate_text(
            &group("/datasync/nightly:*"),
            &call_options(UpdateTask, Some(ENHANCED)).context(crate::Context::default()),
        );
        let diagnostic = &report.diagnostics[0];
        assert_eq!(
            diagnostic.message,
            "An Enhanced mode task must log to the log group named /aws/datasync, but this ARN names \"/datasync/nightly\"; use arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*."
        );
        let suggestion = diagnostic
            .params
            .iter()
            .find(|(name, _)| *name == "suggestion");
        assert_eq!(
            suggestion.map(|(_, value)| crate::json::to_string(value)),
            Some("\"arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*\"".to_owned())
        );
        // Only an Enhanced task, known from its description, must.
        assert_eq!(
            findings_in(
                &group("mine"),
                call_options(
                    UpdateTask,
                    Some(r#"{"TaskMode":"BASIC","Options":{"LogLevel":"BASIC"}}"#)
                )
            ),
            []
        );
        assert_eq!(
            findings_in(&group("mine"), call_options(UpdateTask, None)),
            []
        );
        // CreateTask's reference does not say "must": not this error (the next test).
        assert!(findings(
            r#""TaskMode":"ENHANCED","Options":{"LogLevel":"BASIC"},"CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:mine""#
        )
        .iter()
        .all(|(_, code)| *code != name));
    }

    /// A CreateTask request's members, with this log group name.
    fn created(mode: &str, group: &str) -> String {
        format!(
            r#"{mode}"Options":{{"LogLevel":"BASIC"}},"CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:{group}""#
        )
    }

    #[test]
    fn an_enhanced_task_created_with_another_log_group_is_warned_that_it_gets_no_logs() {
        // CreateTask's reference: "For Enhanced mode tasks, you don't need to
        // specify anything. DataSync automatically sends logs to a CloudWatch
        // log group named /aws/datasync". Not "must" (UpdateTask's word): the
        // service's answer is not recorded, so a warning, not an error.
        let ignored = "logging/enhanced-log-group-ignored";
        let enhanced = r#""TaskMode":"ENHANCED","#;
        for bad in ["mine", "/aws/datasync/x", "datasync:*", ""] {
            assert_eq!(
                findings(&created(enhanced, bad)),
                [at("/CloudWatchLogGroupArn", ignored)],
                "{bad}"
            );
        }
        for good in ["/aws/datasync", "/aws/datasync:*"] {
            assert_eq!(findings(&created(enhanced, good)), [], "{good}");
        }
        // A Basic mode task (named, or by default) logs to the group it names.
        assert_eq!(findings(&created(r#""TaskMode":"BASIC","#, "mine")), []);
        assert_eq!(findings(&created("", "mine")), []);
        // An unknown task mode (not one of the two) gives no finding.
        assert_eq!(
            findings(&created(r#""TaskMode":"FAST","#, "mine"))
                .iter()
                .filter(|(_, code)| *code == ignored)
                .count(),
            0
        );
        // With logging off, both hold: the log group is unused and, once
        // logging is on, still not the one an Enhanced task logs to.
        assert_eq!(
            findings(
                r#""TaskMode":"ENHANCED","CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:mine""#
            ),
            [
                at("/CloudWatchLogGroupArn", ignored),
                at("/Options/LogLevel", "logging/log-group-unused")
            ]
        );

        let report = crate::validate_text(
            &crate::rules::testing::request(&created(enhanced, "/datasync/nightly:*")),
            &crate::Context::default(),
        );
        let diagnostic = &report.diagnostics[0];
        assert_eq!(diagnostic.severity, crate::Severity::Warning);
        assert_eq!(
            diagnostic.message,
            "An Enhanced mode task logs only to the log group named /aws/datasync, but this ARN names \"/datasync/nightly\", which gets no logs; use arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*."
        );
        let param = |wanted: &str| {
            diagnostic
                .params
                .iter()
                .find(|(name, _)| *name == wanted)
                .map(|(_, value)| crate::json::to_string(value))
        };
        assert_eq!(param("expected"), Some("\"/aws/datasync\"".to_owned()));
        assert_eq!(param("actual"), Some("\"/datasync/nightly\"".to_owned()));
        assert_eq!(
            param("suggestion"),
            Some("\"arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*\"".to_owned())
        );
    }
}
