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

/// What the rules may know besides the request.
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
    /// What the caller knows about locations (see [`crate::locations`]). A
    /// location the request uses but no description names gets no location
    /// rule; descriptions of other locations are ignored.
    pub locations: &'a [Location],
}

impl<'a> Context<'a> {
    /// A context judged at a fixed time.
    pub fn at(now_unix: i64) -> Self {
        Context {
            now_unix: Some(now_unix),
            clock: None,
            locations: &[],
        }
    }

    /// The same context with these location descriptions.
    pub fn with_locations(self, locations: &'a [Location]) -> Self {
        Context { locations, ..self }
    }

    /// The description of the location with this ARN, if the caller gave
    /// one; the last, if several (a `DescribeLocation*` response placed after
    /// the `ListLocations` page it refines).
    pub fn location(&self, arn: &str) -> Option<&'a Location> {
        // Location ARNs share their first 50-odd bytes and differ in the
        // location ID at the end: comparing the last byte first settles most
        // pairs at once (a portal may pass a whole ListLocations page).
        let last = arn.as_bytes().last();
        self.locations
            .iter()
            .rev()
            .find(|location| location.arn.as_bytes().last() == last && location.arn == arn)
    }

    /// The current time: the fixed one, else the clock's, else unknown.
    pub fn now(&self) -> Option<i64> {
        self.now_unix.or_else(|| self.clock.and_then(|read| read()))
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
