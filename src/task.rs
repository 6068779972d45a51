//! What the validator may know of an existing task: the parts of a
//! `DescribeTask` response that UpdateTask and StartTaskExecution requests are
//! judged against (the task mode, the options, the log group, the two
//! location ARNs).
//!
//! Only what the description states is kept: a member that is missing or not
//! a value the API allows is unknown, and no rule guesses it.

use crate::json::Value;
use crate::request::TaskMode;
use crate::schema::{self, Shape};

/// The known parts of a `DescribeTask` response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Task {
    /// `TaskArn`: always `Some` from [`Task::from_description`]. A task
    /// without it, built by hand, applies to no request (JavaScript refuses
    /// such a description), so [`Context::task`](crate::Context::task) with
    /// it judges as if no task were described.
    pub arn: Option<String>,
    /// `TaskMode`, when it is `BASIC` or `ENHANCED`.
    pub mode: Option<TaskMode>,
    /// The `Options` members whose values are among the API's enum values,
    /// in the order of the schema table.
    pub options: Vec<(&'static str, &'static str)>,
    /// `CloudWatchLogGroupArn`, when it is a string; `""` when the task has
    /// none (absent, as DescribeTask leaves it then, or null; `""` names no
    /// group either); `None`, unknown, for anything else (hunt36 #5).
    /// A string, not a bool: the size of the drop glue every options reader inlines.
    pub log_group: Option<String>,
    /// `SourceLocationArn`, when it is a string: the location rules look it
    /// up in the described locations, as a CreateTask request's.
    pub source: Option<String>,
    /// `DestinationLocationArn`, when it is a string.
    pub destination: Option<String>,
}

/// The member `name` of `description`, when it is a string, copied. Not
/// inlined: four members read it.
#[inline(never)]
fn owned(description: &Value, name: &str) -> Option<String> {
    description
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

impl Task {
    /// The known parts of `description`, a `DescribeTask` response as JSON.
    ///
    /// An `Err`, the sentence JavaScript's `validate` throws as a `TypeError`
    /// for the same `options.task`, when `description` is not an object or
    /// has no string `TaskArn`: without its ARN a description would apply to
    /// any request (a hand-built `{ TaskMode }`, a whole `ListTasks`
    /// response). A `Task` built by hand without [`Task::arn`] applies to no
    /// request (see [`Context::task`](crate::Context::task)).
    pub fn from_description(description: &Value) -> Result<Task, String> {
        let kind = match description.get("TaskArn") {
            Some(Value::String(_)) => None,
            // A string would have been read: one there is another type.
            Some(Value::Null) | None if matches!(description, Value::Object(_)) => {
                Some("one without a TaskArn".to_owned())
            }
            Some(_) => Some("one whose TaskArn is not a string".to_owned()),
            None => Some(crate::context::with_article(description.type_name())),
        };
        match kind {
            Some(kind) => Err(crate::context::wrong_type("task", &kind)),
            None => Ok(Task::read(description)),
        }
    }

    /// The known parts of `description`, whatever it is (CallOptions checks
    /// the TaskArn itself: the shared check cost the .wasm 168 bytes gzip).
    pub(crate) fn read(description: &Value) -> Task {
        let string = |name: &str| description.get(name).and_then(Value::as_str);
        let mode = match string("TaskMode") {
            Some("BASIC") => Some(TaskMode::Basic),
            Some("ENHANCED") => Some(TaskMode::Enhanced),
            _ => None,
        };
        let given = description.get("Options");
        let options = schema::option_members()
            .iter()
            .filter_map(|member| {
                let Shape::String(rule) = member.shape else {
                    return None;
                };
                let value = given?.get(member.name)?.as_str()?;
                let allowed = rule.allowed.iter().find(|allowed| **allowed == value)?;
                Some((member.name, *allowed))
            })
            .collect();
        Task {
            arn: owned(description, "TaskArn"),
            mode,
            options,
            log_group: match description.get("CloudWatchLogGroupArn") {
                None | Some(Value::Null) => Some(String::new()),
                _ => owned(description, "CloudWatchLogGroupArn"),
            },
            source: owned(description, "SourceLocationArn"),
            destination: owned(description, "DestinationLocationArn"),
        }
    }

    /// The task's value of the Options member `name`, when known.
    pub fn option(&self, name: &str) -> Option<&'static str> {
        self.options
            .iter()
            .find(|(member, _)| *member == name)
            .map(|(_, value)| *value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn keeps_only_what_the_description_states_validly() {
        let text = r#"{"TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0",
            "TaskMode":"ENHANCED","CreationTime":"2026-01-01T00:00:00.000Z",
            "Options":{"Atime":"NONE","Mtime":"bogus","BytesPerSecond":-1,"Uid":7,"LogLevel":"BASIC"},
            "CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*",
            "SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0",
            "DestinationLocationArn":7}"#;
        let task = Task::from_description(&parse(text).unwrap().value).unwrap();
        assert_eq!(task.mode, Some(TaskMode::Enhanced));
        assert_eq!(task.options, [("Atime", "NONE"), ("LogLevel", "BASIC")]);
        assert_eq!(task.option("Mtime"), None);
        assert!(task.log_group.is_some_and(|arn| !arn.is_empty()) && task.arn.is_some());
        // The ends, for the location rules; one that is not a string is unknown.
        assert_eq!(
            task.source.as_deref(),
            Some("arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0")
        );
        assert_eq!(task.destination, None);
    }

    #[test]
    fn a_log_group_is_known_only_from_a_string_or_its_absence() {
        // hunt36 #5: a number or an object there is a claim from malformed
        // data, not "the task has none"; "" names no log group.
        for (member, expected) in [
            ("", Some(false)),
            (r#","CloudWatchLogGroupArn":null"#, Some(false)),
            (r#","CloudWatchLogGroupArn":"""#, Some(false)),
            (
                r#","CloudWatchLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:x""#,
                Some(true),
            ),
            (r#","CloudWatchLogGroupArn":5"#, None),
            (r#","CloudWatchLogGroupArn":{"Arn":"x"}"#, None),
        ] {
            let text = format!(r#"{{"TaskArn":"arn"{member}}}"#);
            let task = Task::from_description(&parse(&text).unwrap().value).unwrap();
            let has = task.log_group.map(|arn| !arn.is_empty());
            assert_eq!(has, expected, "{text}");
        }
    }

    #[test]
    fn a_description_states_only_its_arn_when_nothing_else_is_valid() {
        let text = r#"{"TaskArn":"arn","TaskMode":"basic","Options":[]}"#;
        let task = Task::from_description(&parse(text).unwrap().value).unwrap();
        assert_eq!(
            task,
            Task {
                arn: Some("arn".into()),
                log_group: Some(String::new()),
                ..Task::default()
            }
        );
    }

    #[test]
    fn a_description_without_its_task_arn_is_refused_as_javascript_refuses_it() {
        // hunt38r #14: natively such a Task applied to every UpdateTask and
        // StartTaskExecution request; JavaScript's validate throws these
        // sentences (CallOptions reads options.task through this function).
        for (text, kind) in [
            (r#"{"TaskMode":"ENHANCED"}"#, "one without a TaskArn"),
            (
                r#"{"TaskArn":null,"TaskMode":"ENHANCED"}"#,
                "one without a TaskArn",
            ),
            (r#"{"TaskArn":7}"#, "one whose TaskArn is not a string"),
            (
                r#"{"TaskArn":{"Arn":"x"}}"#,
                "one whose TaskArn is not a string",
            ),
            ("[]", "an array"),
            ("3", "an integer"),
            ("null", "null"),
            (r#""arn""#, "a string"),
        ] {
            let expected = format!(
                "options.task must be a DescribeTask response (an object), but it is {kind}."
            );
            assert_eq!(
                Task::from_description(&parse(text).unwrap().value),
                Err(expected.clone()),
                "{text}"
            );
            if text != "null" {
                // null is "no task" in the options.
                let options = format!(r#"{{"task":{text}}}"#);
                assert_eq!(
                    crate::CallOptions::from_json_text(&options).err(),
                    Some(expected),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn a_hand_built_task_without_its_arn_applies_to_no_request() {
        use crate::{validate_text, validate_value, Context, Operation, TaskMode};
        // hunt38r #14: it was judged as every request's task, so an Enhanced
        // mode (the crate's own type, reached through Task::mode) drew
        // options/enhanced-point-in-time here.
        let request = r#"{"TaskArn":"arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0",
            "Options":{"VerifyMode":"POINT_IN_TIME_CONSISTENT"}}"#;
        let task = Task {
            mode: Some(TaskMode::Enhanced),
            ..Task::default()
        };
        for operation in [Operation::UpdateTask, Operation::StartTaskExecution] {
            let request = if operation == Operation::UpdateTask {
                request.to_owned()
            } else {
                request.replace("\"Options\"", "\"OverrideOptions\"")
            };
            let context = Context::default().for_operation(operation).with_task(&task);
            let alone = Context::default().for_operation(operation);
            assert_eq!(
                validate_text(&request, &context),
                validate_text(&request, &alone)
            );
            let value = parse(&request).unwrap().value;
            assert_eq!(
                validate_value(&value, &context),
                validate_value(&value, &alone)
            );
            assert!(
                validate_text(&request, &context).is_valid(),
                "{operation:?}"
            );
            // With its ARN the same task is the request's.
            let known = Task {
                arn: Some(
                    "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0".into(),
                ),
                ..task.clone()
            };
            let report = validate_text(&request, &alone.with_task(&known));
            assert!(!report.is_valid(), "{operation:?}: {report}");
        }
    }
}
