//! The messages about an expression as a whole, which the analysis gives:
//! its outside (keyword, parentheses, what follows them), its number of cron
//! fields, and a spelling EventBridge does not document. The messages about a
//! single cron field or a rate's value and unit are with their grammars, in
//! `cron` and `rate`.

use super::cron::SIX_FIELDS;
use crate::diagnostic::quote;

/// How a schedule expression is written, for the messages that say it is not.
const EXPECTED: &str = "write cron(minutes hours day-of-month month day-of-week year) or rate(value unit), such as \"cron(0 8 ? * 4#1 *)\" or \"rate(12 hours)\"";

/// Whitespace alone: a warning whose fix is "" (no schedule).
pub(super) fn blank_message(expression: &str) -> String {
    format!(
        "The schedule expression {} has only whitespace; the documentation does not say whether the service takes it as no schedule or rejects it, so write \"\" for no schedule or {EXPECTED}.",
        quote(expression)
    )
}

/// Neither `cron(` nor `rate(` (nor either spelled otherwise) starts the expression.
pub(super) fn not_a_schedule_message(expression: &str) -> String {
    format!(
        "The schedule expression {} is not a cron or rate expression; {EXPECTED}.",
        quote(expression)
    )
}

/// No closing parenthesis.
pub(super) fn unclosed_message(expression: &str) -> String {
    format!(
        "The schedule expression {} has no closing \")\"; add it at the end.",
        quote(expression)
    )
}

/// `rest` follows the closing parenthesis.
pub(super) fn trailing_message(expression: &str, rest: &str) -> String {
    format!(
        "The schedule expression {} has {} after its closing \")\"; remove it.",
        quote(expression),
        quote(rest)
    )
}

/// A cron expression with `count` fields other than five (which gets its own
/// diagnostic) or six.
pub(super) fn field_count_message(expression: &str, count: usize) -> String {
    match count {
        0 => format!(
            "The cron expression {} has no fields; EventBridge needs six ({SIX_FIELDS}), as in \"cron(0 8 ? * 4#1 *)\".",
            quote(expression)
        ),
        1 => format!(
            "The cron expression {} has 1 field, but EventBridge needs six: {SIX_FIELDS}.",
            quote(expression)
        ),
        7 => format!(
            "The cron expression {} has 7 fields, but EventBridge needs six ({SIX_FIELDS}); if the first field is seconds, remove it.",
            quote(expression)
        ),
        _ => format!(
            "The cron expression {} has {count} fields, but EventBridge needs six: {SIX_FIELDS}.",
            quote(expression)
        ),
    }
}

/// The expression is valid as `normalized`, its documented spelling, but not as
/// written; `stray_commas` when a cron list had empty items.
pub(super) fn nonstandard_message(
    expression: &str,
    normalized: &str,
    stray_commas: bool,
) -> String {
    let list_items = if stray_commas {
        ", no empty list items, which EventBridge probably ignores"
    } else {
        ""
    };
    format!(
        "The schedule expression {} is not spelled as EventBridge documents it (lower-case keyword and unit, no space before \"(\", single spaces, nothing around it{list_items}), so the service may reject it; write {}.",
        quote(expression),
        quote(normalized)
    )
}
