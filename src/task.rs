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
    /// `TaskArn`, when it is a string.
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
    /// Anything that is not an object describes nothing.
    pub fn from_description(description: &Value) -> Task {
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
        let task = Task::from_description(&parse(text).unwrap().value);
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
            let task = Task::from_description(&parse(&text).unwrap().value);
            let has = task.log_group.map(|arn| !arn.is_empty());
            assert_eq!(has, expected, "{text}");
        }
    }

    #[test]
    fn a_description_that_is_not_an_object_describes_nothing() {
        for text in ["[]", "3", "null", r#"{"TaskMode":"basic","Options":[]}"#] {
            let task = Task::from_description(&parse(text).unwrap().value);
            // No log group is stated (options.task is always an object: src/context.rs).
            assert_eq!(task.log_group.as_deref(), Some(""), "{text}");
            let task = Task {
                log_group: None,
                ..task
            };
            assert_eq!(task, Task::default(), "{text}");
        }
    }
}
