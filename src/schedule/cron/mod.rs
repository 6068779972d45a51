//! Six-field EventBridge cron expressions, split by concern:
//!
//! - `model`: what a parsed expression selects ([`Cron`], its fields and days);
//! - `grammar`: the text to the model, with one error per bad field and the
//!   `?` rule ([`parse`]);
//! - `checks`: DataSync's once-an-hour minimum and schedules that never run;
//! - `search`: the next run times, and which days of a month run;
//! - `summary`: the plain-English summary, and the English lists of values
//!   the checks' messages share.
//!
//! Dependencies run one way: `model` uses nothing; `grammar`, `search` and
//! `summary` use `model` (and `grammar` the shared `number`, `search` the
//! `calendar`); `checks` uses all four. Nothing here imports the rate grammar
//! or the rest of `schedule`.

mod checks;
mod grammar;
mod model;
mod search;
mod summary;

pub(crate) use grammar::{expression, parse};
pub(crate) use model::Cron;
#[cfg(test)]
pub(crate) use model::Days;

/// The six fields in order, for messages.
pub(crate) const SIX_FIELDS: &str = "minutes, hours, day-of-month, month, day-of-week and year";

/// What the cron modules' own tests share.
#[cfg(test)]
mod test_support {
    use super::{parse, Cron};

    /// The six space-separated fields of `text`.
    pub(super) fn fields(text: &str) -> [&str; 6] {
        let parts: Vec<&str> = text.split(' ').collect();
        [parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]]
    }

    /// `text` parsed, or a panic that shows the diagnostics.
    pub(super) fn parse_ok(text: &str) -> Cron {
        match parse(fields(text), crate::diagnostic::fixed!("/p")) {
            Ok(cron) => cron,
            Err(diagnostics) => panic!("{text}: {diagnostics:#?}"),
        }
    }
}
