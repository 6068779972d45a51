//! The options argument of `validate` and `applyDefaults`: what the caller
//! knows besides the request (`{ locations?, operation?, task? }`).
//!
//! This is the one place that reads it, so each new member is added here.
//! A member it does not know is an error, as a malformed one is: a finished
//! sentence that the JS boundary throws as a `TypeError`. Ignored, a
//! misspelling (`{ Locations }`, the SDK's spelling) made a clean report that
//! looked as if the locations had been checked.

use crate::json::{self, Value};
use crate::locations::{locations_from_json, Location};
use crate::rules::Context;
use crate::schema::Operation;
use crate::task::Task;

/// How the messages show a well-formed options object.
const EXAMPLE: &str = "{ locations, operation, task }";

/// The options, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallOptions {
    /// `locations`: descriptions of the task's locations.
    pub locations: Vec<Location>,
    /// `operation`: the operation whose request is judged (CreateTask when omitted).
    pub operation: Operation,
    /// `task`: what a `DescribeTask` response tells of the task an UpdateTask
    /// or StartTaskExecution request changes or runs.
    pub task: Option<Task>,
}

impl CallOptions {
    /// Reads the options from JSON text (what `JSON.stringify` made of them).
    pub fn from_json_text(text: &str) -> Result<CallOptions, String> {
        CallOptions::from_json(&parse(text)?)
    }

    /// Reads the options from a parsed value; `null` means none. Each
    /// member is read in its turn, so the first malformed or unknown one is
    /// the one named.
    pub fn from_json(value: &Value) -> Result<CallOptions, String> {
        let members = match value {
            Value::Null => return Ok(CallOptions::default()),
            Value::Object(members) => members,
            other => {
                return Err(format!(
                    "options must be an object such as {EXAMPLE}, but it is {}.",
                    with_article(other.type_name())
                ))
            }
        };
        let mut options = CallOptions::default();
        for (name, member) in members {
            match (&**name, member) {
                ("locations" | "operation" | "task", Value::Null) => {}
                ("locations", locations) => options.locations = locations_from_json(locations)?,
                ("operation", Value::String(name)) => {
                    options.operation = Operation::from_name(name).ok_or_else(|| {
                        format!(
                            "options.operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution', but it is {}.",
                            crate::diagnostic::quote(name)
                        )
                    })?
                }
                // Without its TaskArn a description would apply to any
                // request (a hand-built `{ TaskMode }`, a whole ListTasks
                // response): the command line refuses such a --task file too.
                ("task", description @ Value::Object(_)) => {
                    let task = Task::read(description);
                    if task.arn.is_none() {
                        // A string would have been read: one there is another type.
                        let kind = match description.get("TaskArn") {
                            None | Some(Value::Null) => "one without a TaskArn",
                            Some(_) => "one whose TaskArn is not a string",
                        };
                        return Err(wrong_type(name, kind));
                    }
                    options.task = Some(task);
                }
                ("operation" | "task", other) => {
                    return Err(wrong_type(name, &with_article(other.type_name())))
                }
                (name, _) => return Err(unknown_option(&crate::diagnostic::quote(name), EXAMPLE)),
            }
        }
        Ok(options)
    }

    /// `base` (the clock and the time) with what these options describe.
    pub fn context<'a>(&'a self, base: Context<'a>) -> Context<'a> {
        let context = base
            .with_locations(&self.locations)
            .for_operation(self.operation);
        match &self.task {
            Some(task) => context.with_task(task),
            None => context,
        }
    }
}

/// The members of the options the core reads.
pub const MEMBERS: [&str; 3] = ["locations", "operation", "task"];

/// The sentence for a member of an options argument that is not one of
/// those `example` shows (`{ from, count }`); `quoted` is its name, quoted.
pub fn unknown_option(quoted: &str, example: &str) -> String {
    format!("unknown option {quoted}; the options are {example}.")
}

/// Options written as JSON text, parsed; the sentence for a TypeError when
/// they are not JSON.
pub fn parse(text: &str) -> Result<Value<'_>, String> {
    json::parse(text).map(|parsed| parsed.value).map_err(|_| {
        format!("options could not be read as JSON; pass a plain object such as {EXAMPLE}.")
    })
}

/// The sentence for the member `name` (one of [`MEMBERS`]) holding a value
/// of a kind JSON cannot hold (`kind` such as "a symbol"), in the words used
/// for a member of the wrong JSON type.
pub fn wrong_type(name: &str, kind: &str) -> String {
    match name {
        "operation" => {
            format!("options.operation must be a string such as 'UpdateTask', but it is {kind}.")
        }
        "task" => {
            format!("options.task must be a DescribeTask response (an object), but it is {kind}.")
        }
        _ => format!("options.{name} must be an array of location descriptions, but it is {kind}."),
    }
}

/// The sentence for options that `JSON.stringify` could not write: `reason`
/// is what it threw (a getter's or toJSON's own message, say), escaped and
/// cut as every quoted value is, so a megabyte message makes a short one.
pub fn unreadable(reason: &str) -> String {
    format!(
        "options could not be read as JSON ({}).",
        crate::diagnostic::excerpt(reason)
    )
}

/// A JSON type name as a phrase: "an array", "a string", "null".
pub(crate) fn with_article(type_name: &str) -> String {
    match type_name {
        "null" => "null".to_owned(),
        name if name.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {name}"),
        name => format!("a {name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locations() {
        let options = CallOptions::from_json_text(
            r#"{"locations":[{"LocationArn":"a","type":"S3"}],"operation":"CreateTask"}"#,
        )
        .expect("valid options");
        assert_eq!(options.locations.len(), 1);
        assert_eq!(options.operation, Operation::CreateTask);
        assert_eq!(
            CallOptions::from_json_text("{}"),
            Ok(CallOptions::default())
        );
        assert_eq!(
            CallOptions::from_json_text("null"),
            Ok(CallOptions::default())
        );
        assert_eq!(
            CallOptions::from_json_text(r#"{"locations":null}"#),
            Ok(CallOptions::default())
        );
    }

    #[test]
    fn malformed_options_are_errors() {
        assert_eq!(
            CallOptions::from_json_text("[]"),
            Err(
                "options must be an object such as { locations, operation, task }, but it is an array."
                    .to_owned()
            )
        );
        assert!(CallOptions::from_json_text(r#"{"locations":{}}"#)
            .unwrap_err()
            .starts_with("options.locations must be an array"));
        assert!(CallOptions::from_json_text("{").is_err());
    }

    #[test]
    fn what_made_options_unreadable_is_quoted_short_and_on_one_line() {
        assert_eq!(
            unreadable("Do not know how to serialize a BigInt"),
            "options could not be read as JSON (Do not know how to serialize a BigInt)."
        );
        let long = unreadable(&"y".repeat(5_000_000));
        assert!(long.chars().count() < 150, "{}", long.len());
        assert!(long.ends_with("yyy…)."), "{long}");
        assert_eq!(
            unreadable("say \"hi\"\nthen"),
            "options could not be read as JSON (say \\\"hi\\\"\\nthen)."
        );
    }

    #[test]
    fn a_member_it_does_not_know_is_a_misspelling_named_with_the_known_ones() {
        // `{ Locations }` is how the SDK's ListLocations response destructures;
        // ignored, it made a clean report as if the locations had been checked.
        for (options, name) in [
            (r#"{"Locations":[]}"#, r#""Locations""#),
            (
                r#"{"location":[{"LocationArn":"a","type":"S3"}]}"#,
                r#""location""#,
            ),
            (r#"{"operation":"UpdateTask","Task":{}}"#, r#""Task""#),
            (r#"{"Operation":"UpdateTask"}"#, r#""Operation""#),
            (r#"{"future":null}"#, r#""future""#),
        ] {
            assert_eq!(
                read(options).err(),
                Some(format!(
                    "unknown option {name}; the options are {{ locations, operation, task }}."
                )),
                "{options}"
            );
        }
    }

    #[test]
    fn a_task_without_its_task_arn_is_refused_as_it_would_apply_to_any_request() {
        for task in [
            r#"{}"#,
            r#"{"TaskMode":"ENHANCED"}"#,
            r#"{"Tasks":[{"TaskArn":"arn"}]}"#,
            r#"{"TaskArn":null}"#,
        ] {
            assert_eq!(
                read(&format!(r#"{{"task":{task}}}"#)).err().as_deref(),
                Some("options.task must be a DescribeTask response (an object), but it is one without a TaskArn."),
                "{task}"
            );
        }
    }

    #[test]
    fn a_task_arn_that_is_not_a_string_is_named_as_such() {
        for (task, kind) in [
            (r#"{"TaskArn":7}"#, "an integer"),
            (r#"{"TaskArn":1.5}"#, "a number"),
            (r#"{"TaskArn":true}"#, "a boolean"),
            (r#"{"TaskArn":["arn"]}"#, "an array"),
            (r#"{"TaskArn":{}}"#, "an object"),
        ] {
            assert_eq!(
                read(&format!(r#"{{"task":{task}}}"#)).err().as_deref(),
                Some("options.task must be a DescribeTask response (an object), but it is one whose TaskArn is not a string."),
                "{task} ({kind})"
            );
        }
    }

    fn read(options: &str) -> Result<CallOptions, String> {
        CallOptions::from_json_text(options)
    }

    #[test]
    fn the_options_argument_names_the_operation_and_the_task() {
        let options = read(
            r#"{"operation":"StartTaskExecution","task":{"TaskArn":"arn","TaskMode":"ENHANCED"}}"#,
        )
        .expect("valid options");
        assert_eq!(options.operation, Operation::StartTaskExecution);
        assert_eq!(
            options.task.as_ref().and_then(|task| task.mode),
            Some(crate::request::TaskMode::Enhanced)
        );
        let context = options.context(Context::default());
        assert_eq!(context.operation, Operation::StartTaskExecution);
        assert_eq!(context.task, options.task.as_ref());
        for empty in [
            r#"{}"#,
            r#"{"operation":null,"task":null}"#,
            r#"{"locations":[]}"#,
        ] {
            let options = read(empty).expect("valid options");
            assert_eq!(options.operation, Operation::CreateTask, "{empty}");
            assert!(options.task.is_none(), "{empty}");
        }
    }

    #[test]
    fn malformed_operation_or_task_is_a_sentence_for_a_type_error() {
        for (options, expected) in [
            (r#"{"operation":"updateTask"}"#, "options.operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution', but it is \"updateTask\"."),
            (r#"{"operation":1}"#, "options.operation must be a string such as 'UpdateTask', but it is an integer."),
            (r#"{"task":"arn"}"#, "options.task must be a DescribeTask response (an object), but it is a string."),
        ] {
            assert_eq!(read(options).err().as_deref(), Some(expected), "{options}");
        }
    }
}
