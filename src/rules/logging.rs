//! Logging rules (RULES.md X8, X9): a log group and a log level only make sense together.
//!
//! Why: the service accepts either alone, but then nothing reaches the logs.
//! Invalid: `{"CloudWatchLogGroupArn": "arn:aws:logs:...:log-group:x"}` with LogLevel omitted (OFF).
//! Fix: add `"Options": {"LogLevel": "BASIC"}`.

use crate::diagnostic::{Code, Collector, Diagnostic};
use crate::request::{Request, TaskMode};
use crate::rules::Context;

fn log_group_unused(explicit: bool) -> String {
    let level = if explicit { "is" } else { "defaults to" };
    format!(
        "CloudWatchLogGroupArn is set but LogLevel {level} OFF, so DataSync publishes no logs to it; set LogLevel to BASIC or TRANSFER."
    )
}

fn no_log_group(level: &str) -> String {
    format!(
        "LogLevel is {level} but there is no CloudWatchLogGroupArn, so a Basic mode task has no log group to publish to; add the log group's ARN."
    )
}

/// Applies X8 and X9.
pub fn check(request: &Request, _context: &Context, out: &mut Collector) {
    let level = request.option("LogLevel");
    let has_log_group = request.has(&["CloudWatchLogGroupArn"]);

    if has_log_group && level.is("OFF") {
        out.push(
            Diagnostic::new(
                Code::LogGroupUnused,
                "/Options/LogLevel",
                log_group_unused(level.is_explicit()),
            )
            .with("related", vec!["/CloudWatchLogGroupArn"]),
        );
    }

    if !has_log_group && request.task_mode() == Some(TaskMode::Basic) {
        if let Some(value @ ("BASIC" | "TRANSFER")) = level.value() {
            out.push(
                Diagnostic::new(
                    Code::NoLogGroup,
                    "/CloudWatchLogGroupArn",
                    no_log_group(value),
                )
                .with("related", vec!["/Options/LogLevel"]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, findings};

    const LOG_GROUP: &str =
        r#""CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:datasync""#;

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
}
