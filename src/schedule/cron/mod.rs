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

/// The six fields in order, for messages.
pub(crate) const SIX_FIELDS: &str = "minutes, hours, day-of-month, month, day-of-week and year";
