//! A read-only view of a request for the cross-field rules: task mode and the
//! *effective* value of each option (what was set; else, for CreateTask, the
//! service default, and for UpdateTask and StartTaskExecution, the existing
//! task's setting when the caller describes the task).

use crate::json::{Number, Value};
use crate::rules::Context;
use crate::schema::{self, Literal, Operation, Shape};
use crate::task::Task;

/// The task mode a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskMode {
    /// `BASIC`, the default.
    Basic,
    /// `ENHANCED`.
    Enhanced,
}

impl TaskMode {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskMode::Basic => "BASIC",
            TaskMode::Enhanced => "ENHANCED",
        }
    }

    /// The mode's default for a member, if the member has one.
    pub fn default_of(self, defaults: &schema::Defaults) -> Literal {
        match self {
            TaskMode::Basic => defaults.basic,
            TaskMode::Enhanced => defaults.enhanced,
        }
    }
}

/// An option's value as the service will see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting<'a> {
    /// Set in the request to a valid value.
    Explicit(&'a str),
    /// Omitted; the service uses this default.
    Default(&'static str),
    /// Omitted from an UpdateTask or StartTaskExecution request; the existing
    /// task has this setting (from its description), which stays in force.
    Task(&'static str),
    /// Set to something invalid (reported elsewhere), or the default depends on an unknown task mode.
    Unknown,
}

impl<'a> Setting<'a> {
    /// The effective value, when known.
    pub fn value(self) -> Option<&'a str> {
        match self {
            Setting::Explicit(value) => Some(value),
            Setting::Default(value) | Setting::Task(value) => Some(value),
            Setting::Unknown => None,
        }
    }

    /// Whether the effective value is `expected`.
    pub fn is(self, expected: &str) -> bool {
        self.value() == Some(expected)
    }

    /// Whether the request sets the member itself.
    pub fn is_explicit(self) -> bool {
        matches!(self, Setting::Explicit(_))
    }

    /// How messages say where the value comes from, before the value:
    /// "is", "defaults to" or "keeps the task's".
    pub fn how(self) -> &'static str {
        match self {
            Setting::Default(_) => "defaults to",
            Setting::Task(_) => "keeps the task's",
            Setting::Explicit(_) | Setting::Unknown => "is",
        }
    }
}

/// A request that is at least a JSON object.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    root: &'a Value<'a>,
    /// The operation the request is for.
    operation: Operation,
    /// The task mode, looked up once because nearly every rule asks for it.
    mode: Option<TaskMode>,
    /// The options member (`Options`, or StartTaskExecution's `OverrideOptions`), if present.
    options: Option<&'a Value<'a>>,
    /// The existing task (UpdateTask, StartTaskExecution), when described.
    task: Option<&'a Task>,
}

impl<'a> Request<'a> {
    /// A view of `root` as a CreateTask request, if it is an object.
    pub fn new(root: &'a Value<'a>) -> Option<Self> {
        if !matches!(root, Value::Object(_)) {
            return None;
        }
        let mode = match root.get("TaskMode") {
            None => Some(TaskMode::Basic),
            Some(Value::String(mode)) if mode == "BASIC" => Some(TaskMode::Basic),
            Some(Value::String(mode)) if mode == "ENHANCED" => Some(TaskMode::Enhanced),
            Some(_) => None,
        };
        Some(Request {
            root,
            operation: Operation::CreateTask,
            mode,
            options: root.get("Options"),
            task: None,
        })
    }

    /// A view of `root` as a request of the context's operation, judged
    /// against the context's task (unless the task's ARN is not the request's
    /// TaskArn), if `root` is an object.
    pub fn in_context(root: &'a Value<'a>, context: &'a Context) -> Option<Self> {
        let operation = context.operation;
        if operation == Operation::CreateTask {
            return Request::new(root);
        }
        if !matches!(root, Value::Object(_)) {
            return None;
        }
        let task = context.task.filter(|task| {
            match (
                task.arn.as_deref(),
                root.get("TaskArn").and_then(Value::as_str),
            ) {
                (Some(described), Some(requested)) => described == requested,
                _ => true,
            }
        });
        Some(Request {
            root,
            operation,
            // The mode is fixed at creation: only the task's description knows it.
            mode: task.and_then(|task| task.mode),
            options: root.get(operation.options_member()),
            task,
        })
    }

    /// The operation the request is for.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The existing task, when the request is judged against one.
    pub fn task(&self) -> Option<&'a Task> {
        self.task
    }

    /// The pointer of the Options member `name`: `/Options/Atime`, or for
    /// StartTaskExecution `/OverrideOptions/Atime`.
    pub fn option_path(&self, name: &str) -> String {
        format!("/{}/{name}", self.operation.options_member())
    }

    /// The pointers a mode rule names as related: `/TaskMode` in a CreateTask
    /// request; nothing for the other operations, whose mode is the task's.
    pub fn mode_related(&self) -> Vec<String> {
        if self.operation == Operation::CreateTask {
            vec!["/TaskMode".to_owned()]
        } else {
            Vec::new()
        }
    }

    /// The value at `path` (member names and decimal indexes), if present.
    /// A member of another operation (reported as unknown) is never present.
    pub fn at(&self, path: &[&str]) -> Option<&'a Value<'a>> {
        if self.operation != Operation::CreateTask
            && !path
                .first()
                .is_some_and(|first| self.operation.has_member(first))
        {
            return None;
        }
        let mut current = self.root;
        for segment in path {
            current = match current {
                Value::Object(_) => current.get(segment)?,
                Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }

    /// Whether a member is present at `path`, whatever its value.
    pub fn has(&self, path: &[&str]) -> bool {
        self.at(path).is_some()
    }

    /// The string at `path`, if it is a string.
    pub fn str_at(&self, path: &[&str]) -> Option<&'a str> {
        self.at(path).and_then(Value::as_str)
    }

    /// The task mode; `None` when TaskMode is set to something invalid.
    pub fn task_mode(&self) -> Option<TaskMode> {
        self.mode
    }

    /// The effective value of the Options member `name`.
    pub fn option(&self, name: &str) -> Setting<'a> {
        let Some(member) = schema::find(schema::option_members(), name) else {
            return Setting::Unknown;
        };
        match self.options.and_then(|options| options.get(name)) {
            Some(Value::String(value)) => match member.shape {
                Shape::String(rule)
                    if rule
                        .allowed
                        .iter()
                        .any(|allowed| crate::json::same(allowed, value)) =>
                {
                    Setting::Explicit(value)
                }
                _ => Setting::Unknown,
            },
            Some(_) => Setting::Unknown,
            None if !self.operation.has_defaults() => self
                .task
                .and_then(|task| task.option(name))
                .map_or(Setting::Unknown, Setting::Task),
            None => {
                // With an invalid TaskMode the default is still known when both modes share it.
                let default = member
                    .default
                    .as_ref()
                    .and_then(|defaults| match self.task_mode() {
                        Some(mode) => Some(mode.default_of(defaults)),
                        None => (defaults.basic == defaults.enhanced).then_some(defaults.basic),
                    });
                match default {
                    Some(Literal::Str(value)) => Setting::Default(value),
                    _ => Setting::Unknown,
                }
            }
        }
    }

    /// The explicit BytesPerSecond, if it is a valid integer.
    pub fn bytes_per_second(&self) -> Option<i64> {
        match self
            .options
            .and_then(|options| options.get("BytesPerSecond"))
        {
            Some(Value::Number(Number::Int(value))) if *value >= -1 => Some(*value),
            _ => None,
        }
    }

    /// Whether the list at `name` holds at least one item.
    pub fn has_items(&self, name: &str) -> bool {
        matches!(self.at(&[name]), Some(Value::Array(items)) if !items.is_empty())
    }
}
