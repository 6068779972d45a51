//! Validates AWS DataSync `CreateTask` requests before they reach the service,
//! fills in what the service uses for omitted options, describes schedules,
//! and publishes field metadata for forms.
//!
//! The core is plain Rust and knows nothing of JavaScript; [`wasm`] (built
//! only for `wasm32`) is the thin boundary the npm package calls.
//!
//! ```
//! use datasync_task_validator::{validate_text, Context};
//! let report = validate_text(r#"{"SourceLocationArn": "x"}"#, &Context::default());
//! assert!(!report.is_valid());
//! assert_eq!(report.diagnostics[0].path, "/DestinationLocationArn");
//! ```
#![forbid(unsafe_code)]

pub mod defaults;
pub mod diagnostic;
pub mod fields;
pub mod json;
pub mod patterns;
pub mod pointer;
pub mod request;
pub mod rules;
pub mod schedule;
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use diagnostic::{quote, Code, Diagnostic, Severity};
use json::{Finding, ParseErrorKind, Value};
use request::Request;

pub use defaults::fill_defaults;
pub use fields::{fields, FieldInfo};
pub use rules::Context;

/// The package version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every problem found in one request, sorted by path, then code, then message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Errors and warnings together, in report order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    fn sorted(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics.dedup();
        Report { diagnostics }
    }

    /// True when there are no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Diagnostics of one severity, in report order.
    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| d.severity == severity)
    }

    /// `{ valid, errors, warnings }` as a JSON value.
    pub fn to_json(&self) -> Value<'_> {
        let list = |severity| Value::Array(self.of(severity).map(diagnostic_to_json).collect());
        Value::Object(vec![
            ("valid".into(), self.is_valid().into()),
            ("errors".into(), list(Severity::Error)),
            ("warnings".into(), list(Severity::Warning)),
        ])
    }
}

/// `{ code, severity, path, message, params? }` as a JSON value.
pub fn diagnostic_to_json(diagnostic: &Diagnostic) -> Value<'_> {
    let mut members: Vec<(json::Text, Value)> = vec![
        ("code".into(), diagnostic.code.as_str().into()),
        ("severity".into(), diagnostic.severity.as_str().into()),
        ("path".into(), diagnostic.path.as_str().into()),
        ("message".into(), diagnostic.message.as_str().into()),
    ];
    if !diagnostic.params.is_empty() {
        let params = diagnostic
            .params
            .iter()
            .map(|(name, value)| ((*name).into(), value.clone()))
            .collect();
        members.push(("params".into(), Value::Object(params)));
    }
    Value::Object(members)
}

fn syntax_error(detail: &str, line: usize, column: usize) -> String {
    format!("The request is not valid JSON: {detail} at line {line}, column {column}.")
}

fn too_deep(line: usize, column: usize) -> String {
    format!(
        "The request nests objects or arrays more than {} levels deep (at line {line}, column {column}), far deeper than any CreateTask request.",
        json::MAX_DEPTH
    )
}

fn duplicate_member(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("{name} appears more than once in the same object; only the last value counts, so remove the others.")
}

fn lone_surrogate(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("{name} contains a lone UTF-16 surrogate, which cannot be sent to the service as UTF-8; remove or replace the broken character.")
}

/// Validates a request given as JSON text.
pub fn validate_text(text: &str, context: &Context) -> Report {
    match json::parse(text) {
        Ok(parsed) => {
            let mut diagnostics = check(&parsed.value, context);
            // A lone surrogate became U+FFFD, which the pattern then rejects:
            // report the cause once instead of its symptom too.
            let broken: Vec<&str> = parsed
                .findings
                .iter()
                .filter_map(|finding| match finding {
                    Finding::LoneSurrogate(path) => Some(path.as_str()),
                    Finding::DuplicateMember(_) => None,
                })
                .collect();
            diagnostics
                .retain(|d| d.code != Code::PatternMismatch || !broken.contains(&d.path.as_str()));
            for finding in parsed.findings {
                diagnostics.push(match finding {
                    Finding::DuplicateMember(path) => {
                        let message = duplicate_member(&path);
                        Diagnostic::new(Code::JsonDuplicateMember, path, message)
                    }
                    Finding::LoneSurrogate(path) => {
                        let message = lone_surrogate(&path);
                        Diagnostic::new(Code::InvalidUnicode, path, message)
                    }
                });
            }
            Report::sorted(diagnostics)
        }
        Err(error) => {
            let (code, message) = match &error.kind {
                ParseErrorKind::Syntax(detail) => (
                    Code::JsonSyntax,
                    syntax_error(detail, error.line, error.column),
                ),
                ParseErrorKind::TooDeep => (Code::JsonTooDeep, too_deep(error.line, error.column)),
            };
            Report::sorted(vec![Diagnostic::new(code, "", message)
                .with("line", error.line)
                .with("column", error.column)])
        }
    }
}

/// Validates a request already parsed into a [`Value`].
pub fn validate_value(value: &Value, context: &Context) -> Report {
    Report::sorted(check(value, context))
}

/// The structural check, then every cross-field rule.
fn check(value: &Value, context: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    rules::structure::check(value, &schema::REQUEST, &mut out);
    if let Some(request) = Request::new(value) {
        for (_, rule) in rules::CROSS_FIELD_RULES {
            rule(&request, context, &mut out);
        }
    }
    out
}

/// Describes a schedule expression: diagnostics (the model's length and
/// character rules first, then the grammar), a summary and the next runs.
pub fn describe_schedule(expression: &str, from_unix: i64, count: usize) -> schedule::Description {
    let model = rules::structure::string_problems(
        expression,
        rules::schedule::PATH,
        "The schedule expression",
        "",
    );
    if model.is_empty() {
        return schedule::describe(expression, from_unix, count);
    }
    schedule::Description {
        diagnostics: model,
        summary: None,
        next_runs: Vec::new(),
    }
}

/// What `describeSchedule` reports for an expression that is not a string.
pub fn schedule_not_a_string() -> schedule::Description {
    schedule::Description {
        diagnostics: vec![Diagnostic::new(
            Code::WrongType,
            "",
            "The schedule expression must be a string such as \"rate(12 hours)\".",
        )],
        summary: None,
        next_runs: Vec::new(),
    }
}

/// `{ valid, diagnostics, summary, nextRuns }` as a JSON value.
pub fn description_to_json(description: &schedule::Description) -> Value<'_> {
    let valid = !description
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    Value::Object(vec![
        ("valid".into(), valid.into()),
        (
            "diagnostics".into(),
            Value::Array(
                description
                    .diagnostics
                    .iter()
                    .map(diagnostic_to_json)
                    .collect(),
            ),
        ),
        (
            "summary".into(),
            description.summary.clone().map_or(Value::Null, Value::from),
        ),
        ("nextRuns".into(), description.next_runs.clone().into()),
    ])
}

/// The diagnostic for a JavaScript object too deep for `JSON.stringify`.
pub fn too_deep_to_serialize() -> Diagnostic {
    Diagnostic::new(
        Code::JsonTooDeep,
        "",
        "The request nests objects or arrays too deeply to be read, far deeper than any CreateTask request.",
    )
}

/// A finished sentence for input that JavaScript could not turn into JSON.
pub fn not_serializable(reason: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InputNotSerializable,
        "",
        format!(
            "The request could not be read as JSON ({}); pass a plain object or a JSON string.",
            quote(reason).trim_matches('"')
        ),
    )
}
