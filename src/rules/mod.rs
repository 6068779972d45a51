//! The rules, one file per area, and the one table that runs them.
//!
//! The structural check ([`structure`]) runs first on the raw JSON value; the
//! cross-field rules then read the request through [`Request`], which gives
//! every option its effective value for the task mode.

pub mod filters;
pub mod locations;
pub mod logging;
pub mod manifest;
pub mod options;
pub mod report;
pub mod schedule;
pub mod structure;
pub mod tags;

use crate::diagnostic::Collector;
use crate::json::Value;
use crate::request::Request;
use crate::schema::Operation;
use crate::task::Task;

/// What the rules may know besides the request.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The current time (unix seconds, UTC), so a schedule whose runs are all in
    /// the past can be reported. `None` keeps validation independent of the clock
    /// unless a `clock` is given.
    pub now_unix: Option<i64>,
    /// Reads the current time when a rule first needs it (only schedules do), so
    /// a request without a schedule never pays for a clock call. A clock that
    /// cannot tell the time returns `None`, as if there were none.
    pub clock: Option<fn() -> Option<i64>>,
    /// The operation whose request is judged (CreateTask by default).
    pub operation: Operation,
    /// The existing task an UpdateTask or StartTaskExecution request changes or
    /// runs, when the caller describes it; ignored for CreateTask, and when its
    /// ARN is not the request's TaskArn.
    pub task: Option<Task>,
}

impl Context {
    /// A context judged at a fixed time.
    pub fn at(now_unix: i64) -> Self {
        Context {
            now_unix: Some(now_unix),
            ..Context::default()
        }
    }

    /// This context for `operation`.
    pub fn for_operation(self, operation: Operation) -> Self {
        Context { operation, ..self }
    }

    /// This context with the task `description` (a `DescribeTask` response) describes.
    pub fn with_task(self, description: &Value) -> Self {
        Context {
            task: Some(Task::from_description(description)),
            ..self
        }
    }

    /// This context with the members of an options argument (`{ operation, task }`)
    /// applied; other members are left to their readers. The error is a finished
    /// sentence for a TypeError: `options` is a programming mistake, not a request problem.
    pub fn with_options(self, options: &Value) -> Result<Self, String> {
        let Value::Object(_) = options else {
            return Err(format!(
                "options must be an object such as {{ operation: 'UpdateTask' }}, but it is {}.",
                with_article(options.type_name())
            ));
        };
        let mut context = self;
        match options.get("operation") {
            None | Some(Value::Null) => {}
            Some(Value::String(name)) => {
                context.operation = Operation::from_name(name).ok_or_else(|| {
                    format!(
                        "options.operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution', but it is {}.",
                        crate::diagnostic::quote(name)
                    )
                })?;
            }
            Some(other) => {
                return Err(format!(
                    "options.operation must be a string such as 'UpdateTask', but it is {}.",
                    with_article(other.type_name())
                ))
            }
        }
        match options.get("task") {
            None | Some(Value::Null) => {}
            Some(description @ Value::Object(_)) => context = context.with_task(description),
            Some(other) => {
                return Err(format!(
                    "options.task must be a DescribeTask response (an object), but it is {}.",
                    with_article(other.type_name())
                ))
            }
        }
        Ok(context)
    }

    /// The current time: the fixed one, else the clock's, else unknown.
    pub fn now(&self) -> Option<i64> {
        self.now_unix.or_else(|| self.clock.and_then(|read| read()))
    }
}

/// A JSON type name as a phrase: "an array", "a string", "null".
fn with_article(type_name: &str) -> String {
    match type_name {
        "null" => "null".to_owned(),
        name if name.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {name}"),
        name => format!("a {name}"),
    }
}

/// A cross-field rule: reads the request, appends diagnostics.
pub type Rule = fn(&Request, &Context, &mut Collector);

/// Every cross-field rule, by area.
pub const CROSS_FIELD_RULES: &[(&str, Rule)] = &[
    ("locations", locations::check),
    ("options", options::check),
    ("logging", logging::check),
    ("filters", filters::check),
    ("schedule", schedule::check),
    ("tags", tags::check),
    ("manifest", manifest::check),
    ("report", report::check),
];

/// Helpers for the rule files' own tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::{validate_text, Context};

    /// A valid request with `extra` members spliced in (e.g. `"TaskMode":"ENHANCED"`).
    pub fn request(extra: &str) -> String {
        let separator = if extra.is_empty() { "" } else { "," };
        format!(
            r#"{{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","DestinationLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210"{separator}{extra}}}"#
        )
    }

    /// `(path, code)` of every diagnostic for `request` judged in `context` (at a fixed time).
    pub fn findings_in(request: &str, context: Context) -> Vec<(String, &'static str)> {
        let context = Context {
            now_unix: Some(1_795_564_800),
            ..context
        };
        validate_text(request, &context)
            .diagnostics
            .into_iter()
            .map(|d| (d.path, d.code.as_str()))
            .collect()
    }

    /// A valid UpdateTask or StartTaskExecution request with `extra` members spliced in.
    pub fn task_request(extra: &str) -> String {
        let separator = if extra.is_empty() { "" } else { "," };
        format!(r#"{{"TaskArn":"{TASK_ARN}"{separator}{extra}}}"#)
    }

    /// The ARN [`task_request`] uses.
    pub const TASK_ARN: &str =
        "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0";

    /// A context for `operation` with the task `description` (JSON text), if any.
    pub fn context(operation: crate::schema::Operation, description: Option<&str>) -> Context {
        let context = Context::default().for_operation(operation);
        match description {
            Some(text) => context.with_task(&crate::json::parse(text).expect("JSON").value),
            None => context,
        }
    }

    /// `(path, code)` of every diagnostic for a request with `extra` members.
    pub fn findings(extra: &str) -> Vec<(String, &'static str)> {
        let context = Context::at(1_795_564_800);
        validate_text(&request(extra), &context)
            .diagnostics
            .into_iter()
            .map(|d| (d.path, d.code.as_str()))
            .collect()
    }

    /// Shorthand for an expected finding.
    pub fn at(path: &str, code: &'static str) -> (String, &'static str) {
        (path.to_owned(), code)
    }
}

#[cfg(test)]
mod tests {
    use super::Context;
    use crate::json::parse;
    use crate::schema::Operation;

    fn read(options: &str) -> Result<Context, String> {
        Context::default().with_options(&parse(options).expect("JSON").value)
    }

    #[test]
    fn the_options_argument_names_the_operation_and_the_task() {
        let context = read(r#"{"operation":"StartTaskExecution","task":{"TaskMode":"ENHANCED"}}"#)
            .expect("valid options");
        assert_eq!(context.operation, Operation::StartTaskExecution);
        assert_eq!(
            context.task.and_then(|task| task.mode),
            Some(crate::request::TaskMode::Enhanced)
        );
        for empty in [
            r#"{}"#,
            r#"{"operation":null,"task":null}"#,
            r#"{"locations":[]}"#,
        ] {
            let context = read(empty).expect("valid options");
            assert_eq!(context.operation, Operation::CreateTask, "{empty}");
            assert!(context.task.is_none(), "{empty}");
        }
    }

    #[test]
    fn malformed_options_are_a_sentence_for_a_type_error() {
        for (options, expected) in [
            ("[]", "options must be an object such as { operation: 'UpdateTask' }, but it is an array."),
            (r#"{"operation":"updateTask"}"#, "options.operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution', but it is \"updateTask\"."),
            (r#"{"operation":1}"#, "options.operation must be a string such as 'UpdateTask', but it is an integer."),
            (r#"{"task":"arn"}"#, "options.task must be a DescribeTask response (an object), but it is a string."),
        ] {
            assert_eq!(read(options).err().as_deref(), Some(expected), "{options}");
        }
    }
}
