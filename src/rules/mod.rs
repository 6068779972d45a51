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

use crate::diagnostic::Diagnostic;
use crate::request::Request;

/// What the rules may know besides the request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The current time (unix seconds, UTC), so a schedule whose runs are all in
    /// the past can be reported. `None` keeps validation independent of the clock.
    pub now_unix: Option<i64>,
}

/// A cross-field rule: reads the request, appends diagnostics.
pub type Rule = fn(&Request, &Context, &mut Vec<Diagnostic>);

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
