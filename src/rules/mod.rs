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
use crate::locations::Location;
use crate::request::Request;
use crate::schema::Operation;
use crate::task::Task;

/// What the rules may know besides the request.
///
/// `Context::default()` has no clock: a schedule whose runs are all in the
/// past (`schedule/never-fires`) is not reported, where JavaScript's
/// `validate()` reads `Date.now()`. Give one with
/// [`Context::with_system_clock`] (or a fixed time with [`Context::at`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
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
    /// runs, when the caller describes it; ignored for CreateTask, when its
    /// ARN is not the request's TaskArn, and when it has none (a hand-built
    /// [`Task`]; [`Task::from_description`] refuses such a description).
    pub task: Option<&'a Task>,
    /// What the caller knows about locations (see [`Location`]). A
    /// location the request uses but no description names gets no location
    /// rule; descriptions of other locations are ignored.
    pub locations: &'a [Location],
}

impl<'a> Context<'a> {
    /// A context judged at a fixed time.
    pub fn at(now_unix: i64) -> Self {
        Context {
            now_unix: Some(now_unix),
            ..Context::default()
        }
    }

    /// This context with the system clock, read when a rule first needs the
    /// time (only schedules do), as JavaScript's `validate()` reads
    /// `Date.now()`. A clock before 1970 counts as none.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_system_clock(self) -> Self {
        fn system_time() -> Option<i64> {
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            i64::try_from(since.as_secs()).ok()
        }
        Context {
            clock: Some(system_time),
            ..self
        }
    }

    /// This context for `operation`.
    pub fn for_operation(self, operation: Operation) -> Self {
        Context { operation, ..self }
    }

    /// This context with this description of the existing task.
    pub fn with_task(self, task: &'a Task) -> Self {
        Context {
            task: Some(task),
            ..self
        }
    }

    /// The same context with these location descriptions.
    pub fn with_locations(self, locations: &'a [Location]) -> Self {
        Context { locations, ..self }
    }

    /// The description of the location with this ARN, if the caller gave
    /// one; the last, if several (a `DescribeLocation*` response placed after
    /// the `ListLocations` page it refines).
    #[inline(always)]
    pub fn location(&self, arn: &str) -> Option<&'a Location> {
        described(self.locations, arn)
    }

    /// The current time: the fixed one, else the clock's, else unknown.
    pub fn now(&self) -> Option<i64> {
        self.now_unix.or_else(|| self.clock.and_then(|read| read()))
    }
}

/// The last of `locations` with this ARN ([`Context::location`]; the
/// object path's reader asks it too, src/walked.rs).
// Not inlined: its callers are few, and inlined it cost the .wasm about 180 bytes gzip.
#[inline(never)]
pub(crate) fn described<'l>(locations: &'l [Location], arn: &str) -> Option<&'l Location> {
    locations
        .iter()
        .rev()
        .find(|location| same_arn(&location.arn, arn))
}

/// Whether two location ARNs are the same. They share their first 50-odd
/// bytes and differ in the location ID at the end: comparing the lengths
/// and the last eight bytes, as one number, settles most pairs at once (a
/// portal may pass a whole ListLocations page; a last byte alone is the
/// same for one ARN in sixteen), and only then is the rest compared
/// ([`same_front`]). In place of `json::same` (front to back, through a
/// call), this took the two lookups of a described pair and
/// `locations/same-location`'s comparison of two ARNs from about 470
/// instructions to about 370 (docs/performance.md, "Locations as context").
#[inline(always)]
pub(crate) fn same_arn(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let tail = |bytes: &[u8]| {
        bytes
            .last_chunk::<8>()
            .map(|last| u64::from_le_bytes(*last))
    };
    a.len() == b.len() && tail(a) == tail(b) && same_front(a, b)
}

/// Whether `a` and `b`, of the same length and with the same last eight
/// bytes, are the same: eight bytes at a time from the front (`==` is a
/// byte loop in wasm, and a match compares all 70-odd bytes), the bytes
/// after the last whole word being within the last eight. Texts shorter
/// than eight bytes are compared whole.
// Not inlined: one copy of the loop for the lookup and same-location (inlined
// in both, it cost the .wasm about 150 bytes gzip).
#[inline(never)]
fn same_front(a: &[u8], b: &[u8]) -> bool {
    if a.len() < 8 {
        return crate::json::same_bytes(a, b);
    }
    let word = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    a.chunks_exact(8)
        .zip(b.chunks_exact(8))
        .all(|(x, y)| word(x) == word(y))
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
    use crate::context::CallOptions;
    use crate::{validate_text, Context, Task};

    /// A valid request with `extra` members spliced in (e.g. `"TaskMode":"ENHANCED"`).
    pub fn request(extra: &str) -> String {
        let separator = if extra.is_empty() { "" } else { "," };
        format!(
            r#"{{"SourceLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0","DestinationLocationArn":"arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210"{separator}{extra}}}"#
        )
    }

    /// The text of every clean request on disk: the minimal, full BASIC and
    /// full ENHANCED examples and the valid fixtures (not their `.expected.json`).
    pub fn clean_request_files() -> Vec<String> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut paths: Vec<std::path::PathBuf> = ["minimal", "full-basic", "full-enhanced"]
            .iter()
            .map(|name| format!("{root}/examples/{name}.json").into())
            .collect();
        for entry in std::fs::read_dir(format!("{root}/tests/fixtures/valid")).expect("fixtures") {
            let path = entry.expect("entry").path();
            if !path.to_string_lossy().ends_with(".expected.json") {
                paths.push(path);
            }
        }
        assert!(paths.len() > 10);
        paths
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("readable"))
            .collect()
    }

    /// `(path, code)` of every diagnostic for `request` judged with `options` (at a fixed time).
    pub fn findings_in(request: &str, options: CallOptions) -> Vec<(String, &'static str)> {
        validate_text(request, &options.context(Context::at(1_795_564_800)))
            .diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
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

    /// The options `{ operation, task }`, the task given as a `DescribeTask`
    /// response (JSON text) or not at all.
    pub fn call_options(
        operation: crate::schema::Operation,
        description: Option<&str>,
    ) -> CallOptions {
        CallOptions {
            operation,
            // A description is the task of TASK_ARN unless it names its own
            // (without one it would be refused, as JavaScript refuses it).
            task: description.map(|text| {
                let mut value = crate::json::parse(text).expect("JSON").value;
                if let crate::json::Value::Object(members) = &mut value {
                    if !members.iter().any(|(name, _)| name == "TaskArn") {
                        members.insert(0, ("TaskArn".into(), TASK_ARN.into()));
                    }
                }
                Task::from_description(&value).expect("a description with its TaskArn")
            }),
            ..CallOptions::default()
        }
    }

    /// `(path, code)` of every diagnostic for a request with `extra` members.
    pub fn findings(extra: &str) -> Vec<(String, &'static str)> {
        let context = Context::at(1_795_564_800);
        validate_text(&request(extra), &context)
            .diagnostics
            .into_iter()
            .map(|d| (d.path.into_owned(), d.code.as_str()))
            .collect()
    }

    /// Shorthand for an expected finding.
    pub fn at(path: &str, code: &'static str) -> (String, &'static str) {
        (path.to_owned(), code)
    }
}
